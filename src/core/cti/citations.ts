/**
 * Citations vs indicators: a URL or domain in a References / Sources / Bibliography section, the target of a Markdown
 * link, or a link to a security publisher's write-up is a citation, not an indicator of compromise. Defanged values
 * (hxxp, [.]) are always indicators: defanging is how a writer marks an indicator.
 */

/** Section headings that open a list of citations (Markdown heading, or a line of its own ending with ":"). */
const REF_HEADING = /^(?:#{1,6}[ \t]+)?(?:\*\*|__)?(?:\d+\.?[ \t]+)?(references?|sources?|bibliography|further reading|citations?|links|external links|notes and references|endnotes|footnotes|read more|see also)(?:\*\*|__)?[ \t]*:?[ \t]*(?:\*\*|__)?[ \t]*$/i;
/** A heading that ends a references section. */
const ANY_HEADING = /^#{1,6}[ \t]+\S/;

/** Publishers of threat research and advisories: links to them are write-ups, not indicators. */
const PUBLISHERS = [
  'attack.mitre.org', 'mitre.org', 'cve.org', 'nvd.nist.gov', 'cisa.gov', 'us-cert.gov', 'ncsc.gov.uk', 'cyber.gov.au', 'cert.gov.ua', 'cert.ssi.gouv.fr',
  'fireeye.com', 'mandiant.com', 'crowdstrike.com', 'microsoft.com', 'paloaltonetworks.com', 'securelist.com', 'kaspersky.com',
  'welivesecurity.com', 'eset.com', 'symantec.com', 'broadcom.com', 'trendmicro.com', 'proofpoint.com', 'talosintelligence.com', 'cisco.com',
  'checkpoint.com', 'sentinelone.com', 'secureworks.com', 'recordedfuture.com', 'volexity.com', 'citizenlab.ca', 'blog.google', 'cloud.google.com',
  'googleblog.com', 'malwarebytes.com', 'sophos.com', 'mcafee.com', 'trellix.com', 'fortinet.com', 'f-secure.com', 'withsecure.com',
  'bitdefender.com', 'threatconnect.com', 'clearskysec.com', 'cybereason.com', 'morphisec.com', 'zscaler.com', 'group-ib.com', 'ptsecurity.com',
  'dragos.com', 'arbornetworks.com', 'netscout.com', 'accenture.com', 'ibm.com', 'threatpost.com', 'bleepingcomputer.com', 'therecord.media',
  'krebsonsecurity.com', 'wired.com', 'reuters.com', 'nytimes.com', 'justice.gov', 'fbi.gov', 'ic3.gov', 'nsa.gov', 'github.com', 'wikipedia.org',
  'virustotal.com', 'otx.alienvault.com', 'unit42.paloaltonetworks.com', 'blogs.microsoft.com', 'securityintelligence.com', 'lookout.com',
];

/** The host of a URL or the domain itself, lower-cased, without "www.". */
export function hostOf(value: string): string {
  const m = /^[a-z][a-z0-9+.-]*:\/\/(?:[^@/?#]*@)?([^/?#:]+)/i.exec(value);
  return (m ? m[1] : value.split(/[/?#:]/)[0]).toLowerCase().replace(/^www\./, '').replace(/\.$/, '');
}

/** Whether a host is a known publisher (the domain itself or one of its subdomains). */
export function isPublisher(host: string): boolean {
  const h = host.toLowerCase();
  return PUBLISHERS.some((p) => h === p || h.endsWith(`.${p}`));
}

/** [start, end) ranges of the text's references sections: from the heading to the next heading (or the end). */
export function referenceSections(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let open = -1;
  const lineRe = /[^\r\n]*(?:\r\n|\r|\n|$)/g;
  let m: RegExpExecArray | null;
  while ((m = lineRe.exec(text)) && m[0].length > 0) {
    const line = m[0].replace(/[\r\n]+$/, '').trim();
    if (REF_HEADING.test(line)) {
      if (open < 0) open = m.index;
    } else if (open >= 0 && ANY_HEADING.test(line)) {
      out.push([open, m.index]);
      open = -1;
    }
  }
  if (open >= 0) out.push([open, text.length]);
  return out;
}

export interface CitationContext {
  sections: Array<[number, number]>;
  text: string;
}

export function citationContext(text: string): CitationContext {
  return { sections: referenceSections(text), text };
}

/**
 * Whether an indicator mention is a citation: a plain (not defanged) URL, domain or e-mail inside a references
 * section, a plain URL that is a Markdown link target, or a plain URL or domain of a known publisher.
 */
export function isCitation(ctx: CitationContext, m: { start: number; end: number }, type: string, value: string, defanged: boolean): boolean {
  if (defanged || (type !== 'url' && type !== 'domain' && type !== 'email')) return false;
  if (ctx.sections.some(([a, b]) => m.start >= a && m.end <= b)) return true;
  if (type === 'email') return false;
  if (type === 'url' && ctx.text.slice(Math.max(0, m.start - 2), m.start) === '](') return true;
  if (type === 'url' && ctx.text[m.start - 1] === '<' && ctx.text[m.end] === '>') return true;
  return isPublisher(hostOf(value));
}
