/**
 * Well-known legitimate software, services and administration utilities that threat reports name as tools
 * ("attackers used PowerShell and PsExec", "the payload was hosted on Pastebin"). A compact offline list written for
 * this product (general knowledge, not taken from any benchmark): the CTI tagger's model misses most of them because
 * they are products rather than attack tools, and the news tagger calls them organisations. Operating systems,
 * protocols and company names (Windows, HTTP, Microsoft, Google) are not tools and are not listed; neither are names
 * that are also plain words ("Word", "Office", "Teams", "Chrome").
 */
const SOFTWARE = [
  // scripting and development
  'PowerShell', 'Powershell', 'powershell', '.NET', '.NET Framework', 'VBA', 'Visual Basic for Applications', 'VBScript', 'JScript',
  'Visual Studio', 'Delphi', 'AutoIt', 'Autoit', 'AutoIT', 'Python', 'Java', 'JavaScript', 'Node.js', 'Golang', 'Mono', 'Cygwin',
  // office and documents
  'Microsoft Office', 'MS Office', 'Office 365', 'Microsoft 365', 'Microsoft Word', 'MS Word', 'Microsoft Excel', 'MS Excel',
  'Microsoft Outlook', 'Microsoft PowerPoint', 'Adobe Reader', 'Adobe Acrobat', 'Acrobat Reader', 'Adobe Flash', 'Adobe Flash Player',
  'Flash Player', 'Hangul Word Processor', 'LibreOffice', 'OpenOffice', 'Notepad', 'Notepad++',
  // Windows components and administration utilities
  'WMI', 'Windows Management Instrumentation', 'WinINet', 'Wininet', 'WinHTTP', 'Active Directory', 'AppLocker', 'BITS',
  'Task Scheduler', 'Windows Defender', 'Windows Update', 'Windows Script Host', 'Sysinternals', 'PsExec', 'PSExec', 'Psexec',
  'ProcDump', 'Process Explorer', 'Process Monitor', 'Remote Desktop', 'RDP client', 'Group Policy', 'SharePoint', 'IIS',
  'Exchange Server', 'Microsoft Exchange', 'SQL Server', 'Internet Explorer', 'Microsoft Edge',
  // remote access, transfer and archiving
  'TeamViewer', 'AnyDesk', 'VNC', 'RealVNC', 'TightVNC', 'UltraVNC', 'PuTTY', 'WinSCP', 'FileZilla', 'OpenSSH', 'OpenSSL',
  'WinRAR', '7-Zip', '7zip', 'WinZip', 'rclone', 'Rclone', 'ngrok', 'Ngrok',
  // security and analysis tools
  'Mimikatz', 'Cobalt Strike', 'Metasploit', 'Meterpreter', 'Nmap', 'Wireshark', 'YARA', 'Yara', 'VirusTotal', 'Maltego',
  'Burp Suite', 'BloodHound', 'SharpHound', 'Responder', 'CrackMapExec', 'Impacket', 'LaZagne', 'Rubeus', 'Kerberoast',
  'Sliver', 'Brute Ratel', 'Covenant', 'PowerSploit', 'PowerView', 'Empire', 'IDA Pro', 'Ghidra', 'OllyDbg', 'x64dbg',
  'de4dot', 'dnSpy', 'UPX', 'Themida', 'VMProtect', 'ConfuserEx', 'CCleaner',
  // cloud and web services
  'Pastebin', 'pastebin', 'GitHub', 'Github', 'github', 'GitLab', 'Bitbucket', 'Dropbox', 'Google Drive', 'Google Docs', 'OneDrive',
  'Gmail', 'Yahoo Mail', 'Outlook.com', 'Hotmail', 'Telegram', 'Discord', 'Slack', 'Skype', 'WhatsApp', 'Signal', 'Bitly', 'bit.ly',
  'TinyURL', 'Cloudflare', 'Amazon S3', 'AWS', 'Azure', 'Google Cloud', 'Firebase', 'Mega', 'MediaFire', 'WordPress', 'Joomla',
  'Drupal', 'Tor Browser', 'DynDNS', 'No-IP', 'DuckDNS', 'Firefox', 'Google Chrome', 'Chromium', 'Thunderbird',
] as const;

/** Names of one letter-case form each; the ambiguous short ones ("Mega", "Signal", "Empire", "Covenant", "Responder", "Mono", "Sliver") need context and are left out. */
const AMBIGUOUS = new Set(['Mega', 'Signal', 'Empire', 'Covenant', 'Responder', 'Mono', 'Sliver', 'BITS']);

let re: RegExp | null = null;
function softwareRe(): RegExp {
  if (!re) {
    const names = SOFTWARE.filter((s) => !AMBIGUOUS.has(s)).sort((a, b) => b.length - a.length);
    const alt = names.map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
    re = new RegExp(`(?<![\\p{L}\\p{N}_.\\-/\\\\])(?:${alt})(?![\\p{L}\\p{N}_\\-/\\\\]|\\.[\\p{L}\\p{N}]| Protocol)`, 'gu');
  }
  return re;
}

/** A vendor's name before its product ("Microsoft Word", "Adobe Flash Player"): the vendor is an organisation, the product the tool. */
const VENDOR = /^(?:Microsoft|MS|Adobe) /;

/** Offsets of well-known software names in `text` (the product without its vendor's name). */
export function findSoftware(text: string): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  for (const m of text.matchAll(softwareRe())) {
    const v = VENDOR.exec(m[0]);
    const start = m.index + (v ? v[0].length : 0);
    out.push({ start, end: m.index + m[0].length });
  }
  return out;
}

/** Whether `s` is one of the listed software names (exact spelling). */
export function isKnownSoftware(s: string): boolean {
  return (SOFTWARE as readonly string[]).includes(s) && !AMBIGUOUS.has(s);
}
