import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  ICD203_ROWS,
  defang,
  dtgToIso,
  findConfidence,
  findDtgs,
  findEstimative,
  findIndicators,
  findMarkings,
  findMarkup,
  refang,
  zoneOffsetHours,
} from '../../src/core/markup/index';
import type { MarkupSpan } from '../../src/core/markup/index';

const FIXTURES = path.resolve(__dirname, '../fixtures/markup');
const report = fs.readFileSync(path.join(FIXTURES, 'threat-report.md'), 'utf8');
const negatives = fs.readFileSync(path.join(FIXTURES, 'negatives.md'), 'utf8');

/** [kind, subtype or confidence level, text, value] */
type Row = [MarkupSpan['kind'], string, string, string];

function rows(spans: MarkupSpan[]): Row[] {
  return spans.map((s) => [s.kind, s.subtype ?? s.level ?? '', s.text, s.value ?? '']);
}

function assertWellFormed(input: string, spans: MarkupSpan[]): void {
  let last = -1;
  for (const s of spans) {
    assert.equal(s.text, input.slice(s.start, s.end), `text of ${JSON.stringify(s)}`);
    assert.ok(s.end > s.start, 'non-empty');
    assert.ok(s.start >= last, `sorted and non-overlapping at ${s.start}`);
    last = s.end;
  }
}

describe('markup: findMarkup on a realistic threat report', () => {
  const spans = findMarkup(report);

  it('finds every marking, DTG, estimative term, confidence phrase and indicator, in order', () => {
    const expected: Row[] = [
      ['marking', 'banner', 'SECRET//REL TO USA, GBR', 'S'],
      ['marking', 'tlp', 'TLP:AMBER+STRICT', 'TLP:AMBER+STRICT'],
      ['marking', 'portion', '(U)', 'U'],
      ['marking', 'portion', '(U)', 'U'],
      ['dtg', '', '241530ZNOV26', '2026-11-24T15:30:00Z'],
      ['dtg', '', '091630Z JUL 11', '2011-07-09T16:30:00Z'],
      ['marking', 'portion', '(U)', 'U'],
      ['marking', 'portion', '(S//REL TO USA, GBR)', 'S'],
      ['estimative', 'very-likely', 'very likely', ''],
      ['estimative', 'likely', 'likely', ''],
      ['marking', 'portion', '(S//REL TO USA, GBR)', 'S'],
      ['estimative', 'unlikely', 'unlikely', ''],
      ['confidence', 'moderate', 'moderate confidence', ''],
      ['marking', 'portion', '(U)', 'U'],
      ['estimative', 'almost-certain', 'almost certainly', ''],
      ['estimative', 'likely', 'likely', ''],
      ['marking', 'portion', '(S//NF)', 'S'],
      ['confidence', 'high', 'high confidence', ''],
      ['estimative', 'likely', 'likely', ''],
      ['marking', 'portion', '(U)', 'U'],
      ['marking', 'portion', '(U)', 'U'],
      ['indicator', 'email', 'ops-update[@]mail-secure[.]info', 'ops-update@mail-secure.info'],
      [
        'indicator',
        'url',
        'hxxps://cdn.energy-portal[.]net/update/patch.php?id=7',
        'https://cdn.energy-portal.net/update/patch.php?id=7',
      ],
      ['indicator', 'ipv4', '185.220.101[.]47', '185.220.101.47'],
      ['indicator', 'ipv6', '2001:db8:85a3::8a2e:370:7334', '2001:db8:85a3::8a2e:370:7334'],
      ['marking', 'portion', '(U)', 'U'],
      ['indicator', 'domain', 'glasslantern-c2[.]com', 'glasslantern-c2.com'],
      ['indicator', 'domain', 'api.telemetry-sync.org', 'api.telemetry-sync.org'],
      ['indicator', 'domain', 'backup.energy-portal[.]net', 'backup.energy-portal.net'],
      ['indicator', 'url', 'files.energy-portal[.]net/dl/stage2.bin', 'files.energy-portal.net/dl/stage2.bin'],
      ['marking', 'portion', '(U)', 'U'],
      ['indicator', 'md5', '9e107d9d372bb6826bd81d3542a419d6', '9e107d9d372bb6826bd81d3542a419d6'],
      ['indicator', 'sha1', '2fd4e1c67a2d28fced849ee1bb76e7391b93eb12', '2fd4e1c67a2d28fced849ee1bb76e7391b93eb12'],
      [
        'indicator',
        'sha256',
        'd7a8fbb307d7809469ca9abcb0082e4f8d5651e46d3cdb762d02d0bf37c9e592',
        'd7a8fbb307d7809469ca9abcb0082e4f8d5651e46d3cdb762d02d0bf37c9e592',
      ],
      ['marking', 'portion', '(U)', 'U'],
      ['indicator', 'cve', 'CVE-2021-44228', 'CVE-2021-44228'],
      ['indicator', 'attack-technique', 'T1059.001', 'T1059.001'],
      ['indicator', 'attack-technique', 'T1053.005', 'T1053.005'],
      ['indicator', 'attack-technique', 'T1041', 'T1041'],
      ['marking', 'portion', '(U)', 'U'],
      ['indicator', 'email', 'soc@example.gov', 'soc@example.gov'],
      ['marking', 'banner', 'UNCLASSIFIED//FOR OFFICIAL USE ONLY', 'U'],
    ];
    assert.deepEqual(rows(spans), expected);
  });

  it('gives exact UTF-16 offsets (text === input.slice(start, end)), sorted, non-overlapping', () => {
    assertWellFormed(report, spans);
    assert.deepEqual([spans[0]?.start, spans[0]?.end], [0, 23]);
    const url = spans.find((s) => s.subtype === 'url');
    const urlStart = report.indexOf('hxxps://');
    assert.deepEqual([url?.start, url?.end], [urlStart, urlStart + 'hxxps://cdn.energy-portal[.]net/update/patch.php?id=7'.length]);
    const last = spans[spans.length - 1];
    assert.equal(last?.end, report.trimEnd().length);
  });

  it('marks defanged indicators and only those', () => {
    const defanged = spans.filter((s) => s.defanged).map((s) => s.text);
    assert.deepEqual(defanged, [
      'ops-update[@]mail-secure[.]info',
      'hxxps://cdn.energy-portal[.]net/update/patch.php?id=7',
      '185.220.101[.]47',
      'glasslantern-c2[.]com',
      'backup.energy-portal[.]net',
      'files.energy-portal[.]net/dl/stage2.bin',
    ]);
    assert.equal(spans.find((s) => s.text === 'api.telemetry-sync.org')?.defanged, false);
  });

  it('carries ICD 203 row labels and bands on estimative spans', () => {
    const est = spans.filter((s) => s.kind === 'estimative');
    assert.deepEqual(
      est.map((s) => [s.text, s.row, s.band]),
      [
        ['very likely', 'very likely', [80, 95]],
        ['likely', 'likely', [55, 80]],
        ['unlikely', 'unlikely', [20, 45]],
        ['almost certainly', 'almost certain', [95, 99]],
        ['likely', 'likely', [55, 80]],
        ['likely', 'likely', [55, 80]],
      ],
    );
  });
});

describe('markup: negatives', () => {
  it('finds nothing in ordinary prose, file names, versions, dates, times, list markers', () => {
    assert.deepEqual(rows(findMarkup(negatives)), []);
  });

  for (const line of negatives.split('\n').filter((l) => l.trim() !== '')) {
    it(`nothing in: ${line.slice(0, 60)}…`, () => assert.deepEqual(findMarkup(line), []));
  }
});

describe('markup: estimative language (ICD 203)', () => {
  const rowOf = (s: string): string[] => findEstimative(s).map((e) => `${e.text}=${e.subtype}`);

  it('has the seven ICD 203 rows with their bands', () => {
    assert.deepEqual(
      ICD203_ROWS.map((r) => [r.id, r.band]),
      [
        ['almost-no-chance', [1, 5]],
        ['very-unlikely', [5, 20]],
        ['unlikely', [20, 45]],
        ['roughly-even-chance', [45, 55]],
        ['likely', [55, 80]],
        ['very-likely', [80, 95]],
        ['almost-certain', [95, 99]],
      ],
    );
  });

  it('recognises every term of every row, whole words, case-insensitively', () => {
    const cases: [string, string][] = [
      ['There is almost no chance of that.', 'almost-no-chance'],
      ['It is very unlikely.', 'very-unlikely'],
      ['It is highly improbable.', 'very-unlikely'],
      ['It is Unlikely.', 'unlikely'],
      ['It is improbable.', 'unlikely'],
      ['There is a roughly even chance.', 'roughly-even-chance'],
      ['The odds are ROUGHLY EVEN ODDS.', 'roughly-even-chance'],
      ['It is likely.', 'likely'],
      ['It is probable.', 'likely'],
      ['It will probably happen.', 'likely'],
      ['It is Very Likely.', 'very-likely'],
      ['It is highly probable.', 'very-likely'],
      ['It is almost certain.', 'almost-certain'],
      ['It almost certainly will.', 'almost-certain'],
      ['It is nearly certain.', 'almost-certain'],
    ];
    for (const [text, row] of cases) {
      const found = findEstimative(text);
      assert.equal(found.length, 1, text);
      assert.equal(found[0]?.subtype, row, text);
    }
  });

  it('gives the longest phrase its own row ("likely" inside "unlikely" / "very likely")', () => {
    assert.deepEqual(rowOf('unlikely, very likely, very unlikely, likely'), [
      'unlikely=unlikely',
      'very likely=very-likely',
      'very unlikely=very-unlikely',
      'likely=likely',
    ]);
  });

  it('accepts markdown emphasis touching a term, but not letters or digits', () => {
    assert.deepEqual(rowOf('_very likely_ **unlikely** *probable* __almost certain__ xlikely likely2 un_likely'), [
      'very likely=very-likely',
      'unlikely=unlikely',
      'probable=likely',
      'almost certain=almost-certain',
      'likely=likely',
    ]);
  });

  it('accepts any whitespace inside a phrase, including a line break', () => {
    assert.deepEqual(rowOf('very\n  likely'), ['very\n  likely=very-likely']);
  });

  it('does not match likelihood, probability, certainty, likeliness', () => {
    assert.deepEqual(rowOf('likelihood probability certainty likeliness improbability uncertain'), []);
  });

  it('takes "remote" as a likelihood only in estimative use', () => {
    const t = 'The chance is remote. A remote possibility remains. Remote access is remote, but remote code is not.';
    const found = findEstimative(t);
    assert.deepEqual(
      found.map((f) => [f.start, f.text, f.subtype]),
      [
        [t.indexOf('remote.'), 'remote', 'almost-no-chance'],
        [t.indexOf('remote possibility'), 'remote', 'almost-no-chance'],
        [t.indexOf('remote, but'), 'remote', 'almost-no-chance'],
      ],
    );
  });

  it('finds confidence phrases with their level', () => {
    const t = 'We have HIGH confidence; moderate-confidence; medium confidence; low  confidence; confidence is high.';
    assert.deepEqual(
      findConfidence(t).map((c) => [c.text, c.level]),
      [
        ['HIGH confidence', 'high'],
        ['moderate-confidence', 'moderate'],
        ['medium confidence', 'moderate'],
        ['low  confidence', 'low'],
      ],
    );
  });
});

describe('markup: classification markings', () => {
  const m = (s: string): [string, string, string][] => findMarkings(s).map((x) => [x.subtype ?? '', x.text, x.value ?? '']);

  it('recognises portion markings, simple and compound', () => {
    assert.deepEqual(m('(U) a. (C) b. (S) c.\n(TS) d\n- (TS//SI//NF) e\n# (S//REL TO USA, GBR) f\n> (U//FOUO) g\n| (TS//SI-G/TK//NOFORN) | **(CUI)** |'), [
      ['portion', '(U)', 'U'],
      ['portion', '(C)', 'C'],
      ['portion', '(S)', 'S'],
      ['portion', '(TS)', 'TS'],
      ['portion', '(TS//SI//NF)', 'TS'],
      ['portion', '(S//REL TO USA, GBR)', 'S'],
      ['portion', '(U//FOUO)', 'U'],
      ['portion', '(TS//SI-G/TK//NOFORN)', 'TS'],
      ['portion', '(CUI)', 'CUI'],
    ]);
  });

  it('recognises banner lines, with or without control markings', () => {
    const t = 'TOP SECRET//SI//NOFORN\nbody\nUNCLASSIFIED//FOR OFFICIAL USE ONLY\n  **CONFIDENTIAL**  \nSECRET\n';
    assert.deepEqual(m(t), [
      ['banner', 'TOP SECRET//SI//NOFORN', 'TS'],
      ['banner', 'UNCLASSIFIED//FOR OFFICIAL USE ONLY', 'U'],
      ['banner', 'CONFIDENTIAL', 'C'],
      ['banner', 'SECRET', 'S'],
    ]);
    const conf = findMarkings(t)[2];
    assert.equal(conf?.start, t.indexOf('CONFIDENTIAL'));
  });

  it('does not take an acronym definition or a copyright sign after a word for a portion marking', () => {
    assert.deepEqual(m('TypeScript (TS) code, Top Secret (TS), Copyright (C) 2024, Alice, (S) and the (S//NF) part'), []);
    assert.deepEqual(m('(C) 2024 Acme').map((x) => x[1]), ['(C)']); // at the start of a line it is a marking
  });

  it('does not take a level inside a sentence without control markings for a banner', () => {
    assert.deepEqual(m('The file was marked SECRET by the originator.'), []);
  });

  it('recognises TLP labels (1.0 and 2.0)', () => {
    assert.deepEqual(m('TLP:RED TLP:AMBER TLP:AMBER+STRICT TLP:GREEN TLP:CLEAR TLP:WHITE tlp:amber TLP: GREEN'), [
      ['tlp', 'TLP:RED', 'TLP:RED'],
      ['tlp', 'TLP:AMBER', 'TLP:AMBER'],
      ['tlp', 'TLP:AMBER+STRICT', 'TLP:AMBER+STRICT'],
      ['tlp', 'TLP:GREEN', 'TLP:GREEN'],
      ['tlp', 'TLP:CLEAR', 'TLP:CLEAR'],
      ['tlp', 'TLP:WHITE', 'TLP:WHITE'],
      ['tlp', 'tlp:amber', 'TLP:AMBER'],
      ['tlp', 'TLP: GREEN', 'TLP:GREEN'],
    ]);
  });

  it('does not take list markers, plurals, lower case or other words for markings', () => {
    assert.deepEqual(m('(a) (b) (c) (s) (u) item(s) (US) (SS) TSA TS SECRETS (X//NF) TLP:PURPLE (U.S.)'), []);
  });
});

describe('markup: date-time groups', () => {
  const iso = (s: string): string[] => findDtgs(s).map((d) => `${d.text}=${d.value}`);

  it('resolves Zulu DTGs with and without spaces, 2- and 4-digit years', () => {
    assert.deepEqual(iso('091630Z JUL 11, 241530ZNOV26 and 010000Z JAN 2030.'), [
      '091630Z JUL 11=2011-07-09T16:30:00Z',
      '241530ZNOV26=2026-11-24T15:30:00Z',
      '010000Z JAN 2030=2030-01-01T00:00:00Z',
    ]);
  });

  it('applies zone letter offsets (A=+1 .. M=+12 without J, N=-1 .. Y=-12) across day and year boundaries', () => {
    assert.deepEqual(iso('010030A JAN 24 / 311800N DEC 24 / 151200M JUN 25 / 151200Y JUN 25 / 151200K JUN 25 / 151200I JUN 25'), [
      '010030A JAN 24=2023-12-31T23:30:00Z',
      '311800N DEC 24=2024-12-31T19:00:00Z',
      '151200M JUN 25=2025-06-15T00:00:00Z',
      '151200Y JUN 25=2025-06-16T00:00:00Z',
      '151200K JUN 25=2025-06-15T02:00:00Z',
      '151200I JUN 25=2025-06-15T03:00:00Z',
    ]);
  });

  it('knows every zone letter', () => {
    assert.equal(zoneOffsetHours('Z'), 0);
    assert.equal(zoneOffsetHours('A'), 1);
    assert.equal(zoneOffsetHours('I'), 9);
    assert.equal(zoneOffsetHours('J'), undefined);
    assert.equal(zoneOffsetHours('K'), 10);
    assert.equal(zoneOffsetHours('M'), 12);
    assert.equal(zoneOffsetHours('N'), -1);
    assert.equal(zoneOffsetHours('Y'), -12);
    assert.equal(dtgToIso(29, 0, 0, 'Z', 1, 2024), '2024-02-29T00:00:00Z');
    assert.equal(dtgToIso(29, 0, 0, 'Z', 1, 2025), undefined);
  });

  it('rejects J (local time), impossible days, hours and minutes, and non-DTG dates', () => {
    assert.deepEqual(
      iso('091630J JUL 11 310000Z FEB 24 310000Z APR 24 092460Z JUL 11 092500Z JUL 11 321200Z JAN 24 2024-01-05 091630Z 1630Z JUL 091630Z JUL11X'),
      [],
    );
  });
});

describe('markup: indicators', () => {
  const ind = (s: string): [string, string, string, boolean][] =>
    findIndicators(s).map((x) => [x.subtype ?? '', x.text, x.value ?? '', x.defanged === true]);

  it('recognises URLs, plain and defanged, and trims trailing punctuation', () => {
    assert.deepEqual(
      ind('See https://example.com/a?b=1#c. Also hxxp://evil[.]com/x.php, hXXps[:]//bad[.]ru/, fxp://files.example.org:2121/pub and (http://a.example.net/p_(1)).'),
      [
        ['url', 'https://example.com/a?b=1#c', 'https://example.com/a?b=1#c', false],
        ['url', 'hxxp://evil[.]com/x.php', 'http://evil.com/x.php', true],
        ['url', 'hXXps[:]//bad[.]ru/', 'https://bad.ru/', true],
        ['url', 'fxp://files.example.org:2121/pub', 'ftp://files.example.org:2121/pub', true],
        ['url', 'http://a.example.net/p_(1)', 'http://a.example.net/p_(1)', false],
      ],
    );
  });

  it('recognises URLs without a scheme (a domain followed by a path), not file paths or CIDR blocks', () => {
    assert.deepEqual(
      ind('Get evil[.]com/gate.php?id=1, update.example.org/dl/x.bin. Not report.md/x, /var/www/example.com/index.html, 10.0.0.0/8, TCP/443 or and/or.'),
      [
        ['url', 'evil[.]com/gate.php?id=1', 'evil.com/gate.php?id=1', true],
        ['url', 'update.example.org/dl/x.bin', 'update.example.org/dl/x.bin', false],
        ['ipv4', '10.0.0.0', '10.0.0.0', false],
      ],
    );
  });

  it('recognises a markdown link target and an autolink without the brackets', () => {
    assert.deepEqual(ind('[report](https://example.com/r.pdf) <http://example.org>'), [
      ['url', 'https://example.com/r.pdf', 'https://example.com/r.pdf', false],
      ['url', 'http://example.org', 'http://example.org', false],
    ]);
  });

  it('recognises e-mail addresses, plain and defanged', () => {
    assert.deepEqual(ind('admin@corp.co.uk, user[@]example[.]com, x.y+z(at)evil(.)org'), [
      ['email', 'admin@corp.co.uk', 'admin@corp.co.uk', false],
      ['email', 'user[@]example[.]com', 'user@example.com', true],
      ['email', 'x.y+z(at)evil(.)org', 'x.y+z@evil.org', true],
    ]);
  });

  it('recognises domains with a real TLD or defanged, not file names or abbreviations', () => {
    assert.deepEqual(ind('example.com, WWW.EXAMPLE.ORG, evil[.]sh, c2[.]badtld, x[dot]example[dot]net, report.md, e.g. U.S. attack.It'), [
      ['domain', 'example.com', 'example.com', false],
      ['domain', 'WWW.EXAMPLE.ORG', 'www.example.org', false],
      ['domain', 'evil[.]sh', 'evil.sh', true],
      ['domain', 'c2[.]badtld', 'c2.badtld', true],
      ['domain', 'x[dot]example[dot]net', 'x.example.net', true],
    ]);
  });

  it('does not take property accesses in quoted code for domains', () => {
    assert.deepEqual(ind('console.info(x); this.post; e.name; glob.stream; window.top.location; util.is; Document.Link'), []);
    assert.deepEqual(ind('this.example.com, evil.info, this[.]post, e[.]name'), [
      ['domain', 'this.example.com', 'this.example.com', false],
      ['domain', 'evil.info', 'evil.info', false],
      ['domain', 'this[.]post', 'this.post', true],
      ['domain', 'e[.]name', 'e.name', true],
    ]);
  });

  it('recognises internationalised (punycode) names and IPv6 URL hosts', () => {
    assert.deepEqual(ind('xn--80ak6aa92e.com, mail.xn--e1afmkfd.xn--p1ai, http://[2001:db8::1]:8080/x, hxxp://xn--e1afmkfd[.]xn--p1ai/'), [
      ['domain', 'xn--80ak6aa92e.com', 'xn--80ak6aa92e.com', false],
      ['domain', 'mail.xn--e1afmkfd.xn--p1ai', 'mail.xn--e1afmkfd.xn--p1ai', false],
      ['url', 'http://[2001:db8::1]:8080/x', 'http://[2001:db8::1]:8080/x', false],
      ['url', 'hxxp://xn--e1afmkfd[.]xn--p1ai/', 'http://xn--e1afmkfd.xn--p1ai/', true],
    ]);
  });

  it('recognises IPv4, plain and defanged, but not versions or longer dotted runs', () => {
    assert.deepEqual(ind('10.0.0.1, 1.2.3[.]4, 192[.]168[.]1[.]1, 8.8.8.8/32, 1.2.3.4.5, 256.1.1.1, 1.2.3, version 1.2.3.4, v1.2.3.4'), [
      ['ipv4', '10.0.0.1', '10.0.0.1', false],
      ['ipv4', '1.2.3[.]4', '1.2.3.4', true],
      ['ipv4', '192[.]168[.]1[.]1', '192.168.1.1', true],
      ['ipv4', '8.8.8.8', '8.8.8.8', false],
    ]);
  });

  it('recognises IPv6 full and compressed forms, not times or MAC addresses', () => {
    assert.deepEqual(ind('2001:DB8::1, fe80::, ::1, 2001:0db8:0000:0000:0000:ff00:0042:8329, 2001[:]db8[:][:]2, 16:30, 00:1a:2b:3c:4d:5e'), [
      ['ipv6', '2001:DB8::1', '2001:db8::1', false],
      ['ipv6', 'fe80::', 'fe80::', false],
      ['ipv6', '::1', '::1', false],
      ['ipv6', '2001:0db8:0000:0000:0000:ff00:0042:8329', '2001:0db8:0000:0000:0000:ff00:0042:8329', false],
      ['ipv6', '2001[:]db8[:][:]2', '2001:db8::2', true],
    ]);
  });

  it('recognises MD5, SHA-1 and SHA-256 by length, not other hex runs', () => {
    const md5 = 'D41D8CD98F00B204E9800998ECF8427E';
    const sha1 = 'da39a3ee5e6b4b0d3255bfef95601890afd80709';
    const sha256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
    assert.deepEqual(ind(`${md5} ${sha1} ${sha256} ${sha256}00 ${'a'.repeat(32)} ${'1'.repeat(40)} 0x${md5}`), [
      ['md5', md5, md5.toLowerCase(), false],
      ['sha1', sha1, sha1, false],
      ['sha256', sha256, sha256, false],
    ]);
  });

  it('recognises CVE ids and ATT&CK technique ids', () => {
    assert.deepEqual(ind('cve-2021-44228, CVE-2014-0160, T1059, T1059.001, T0803, T12345, T1059.1, T9999, CVE-21-1'), [
      ['cve', 'cve-2021-44228', 'CVE-2021-44228', false],
      ['cve', 'CVE-2014-0160', 'CVE-2014-0160', false],
      ['attack-technique', 'T1059', 'T1059', false],
      ['attack-technique', 'T1059.001', 'T1059.001', false],
      ['attack-technique', 'T0803', 'T0803', false],
    ]);
  });

  it('reports one span for a URL, not its host or path parts', () => {
    const t = 'hxxps://1.2.3[.]4/d41d8cd98f00b204e9800998ecf8427e/a';
    assert.deepEqual(ind(t).map((r) => r[0]), ['url']);
  });
});

describe('markup: refang / defang', () => {
  it('refangs every common defanging', () => {
    assert.equal(refang('hxxps://evil[.]com/a'), 'https://evil.com/a');
    assert.equal(refang('hXXp[:]//evil(.)com'), 'hTTp://evil.com');
    assert.equal(refang('hxxp[://]a{.}b[dot]c'), 'http://a.b.c');
    assert.equal(refang('fxp://x[.]y'), 'ftp://x.y');
    assert.equal(refang('user[@]x[.]com user(at)x(dot)com'), 'user@x.com user@x.com');
    assert.equal(refang('2001[:]db8[:][:]1'), '2001:db8::1');
    assert.equal(refang('plain text stays as it is.'), 'plain text stays as it is.');
  });

  it('defangs URLs, domains, IPs and e-mails', () => {
    assert.equal(defang('https://evil.com/a.php'), 'hxxps://evil[.]com/a[.]php');
    assert.equal(defang('HTTP://EVIL.COM'), 'HXXP://EVIL[.]COM');
    assert.equal(defang('ftp://x.org'), 'fxp://x[.]org');
    assert.equal(defang('1.2.3.4'), '1[.]2[.]3[.]4');
    assert.equal(defang('a@b.com'), 'a[@]b[.]com');
  });

  it('round-trips: refang(defang(x)) === x, defang is idempotent', () => {
    const values = ['https://evil.com/a.php?x=1', 'HTTP://Mixed.Case.org/', 'ftp://files.example.org/pub', '1.2.3.4', 'a.b@c.d.com', '2001:db8::1', 'example.com', 'd41d8cd98f00b204e9800998ecf8427e'];
    for (const v of values) {
      assert.equal(refang(defang(v)), v, v);
      assert.equal(defang(defang(v)), defang(v), v);
      assert.notEqual(defang(v).includes('http'), true);
    }
  });

  it('gives the refanged value of every defanged indicator in the report', () => {
    for (const s of findMarkup(report).filter((x) => x.defanged)) {
      assert.equal(s.value?.toLowerCase(), refang(s.text).toLowerCase());
      assert.ok(!/\[|\]|hxxp/i.test(s.value ?? ''), s.value);
    }
  });
});

describe('markup: offsets and scale', () => {
  it('uses UTF-16 offsets after astral characters and CRLF line ends', () => {
    const t = '\u{1F6A8}\u{1F6A8} Alert\r\n(U) C2 at 203.0.113[.]9 is very likely active — 051200Z MAR 25.';
    const spans = findMarkup(t);
    assertWellFormed(t, spans);
    assert.deepEqual(
      spans.map((s) => [s.start, s.text]),
      [
        [t.indexOf('(U)'), '(U)'],
        [t.indexOf('203.'), '203.0.113[.]9'],
        [t.indexOf('very'), 'very likely'],
        [t.indexOf('051200Z'), '051200Z MAR 25'],
      ],
    );
    assert.equal(spans[0]?.start, 12); // 2 astral characters = 4 code units, ' Alert' = 6, CRLF = 2
  });

  // Speed is measured by `npm run bench`, never asserted here; mocha's timeout only stops a hang.
  it('handles a 1 MB report', () => {
    const copies = Math.ceil(1_000_000 / report.length);
    const big = (report + '\n\n').repeat(copies);
    const spans = findMarkup(big);
    assert.equal(spans.length, findMarkup(report).length * copies, 'every copy yields the same spans');
  });

  it('does not backtrack catastrophically on long dotted, hex and colon runs', () => {
    const evil = ['a.'.repeat(20_000), '1:'.repeat(20_000), 'f'.repeat(50_000), '('.repeat(10_000) + 'TS//' + 'A '.repeat(10_000)].join(' ');
    for (const s of findMarkup(evil)) assert.equal(evil.slice(s.start, s.end), s.text);
  });
});
