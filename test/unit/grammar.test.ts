/**
 * The analyst-markup TextMate injection grammar, run through the real TextMate engine
 * (vscode-textmate + vscode-oniguruma, WASM loaded from disk) on a plain-text and a markdown-like
 * host grammar.
 *
 * The grammar JSON is generated from src/core/markup/grammar.ts. To regenerate it:
 *   UPDATE_GRAMMAR=1 npx mocha test/unit/grammar.test.ts
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import * as vsctm from 'vscode-textmate';
import { SCOPES, buildInjectionGrammar, INJECTION_SCOPE_NAME } from '../../src/core/markup/grammar';
import { findMarkup } from '../../src/core/markup/index';
import type { MarkupSpan } from '../../src/core/markup/index';

const ROOT = path.resolve(__dirname, '../..');
const GRAMMAR_PATH = path.join(ROOT, 'syntaxes/analyst-markup.injection.tmLanguage.json');
const FIXTURES = path.join(ROOT, 'test/fixtures/markup');

// ------------------------------------------------------------------------------------------------
// harness

/** `text.plain`: the root grammar the extension ships for VS Code's plaintext language (no patterns). */
const PLAIN_ROOT_PATH = path.join(ROOT, 'syntaxes/plaintext.tmLanguage.json');
const PLAIN_ROOT = JSON.parse(fs.readFileSync(PLAIN_ROOT_PATH, 'utf8')) as { scopeName: string; patterns: unknown[] };

/**
 * A markdown-like root with the structures that matter to an injection, shaped like VS Code's
 * markdown grammar: a heading whose text is retokenised through capture patterns, HTML comments,
 * fenced code (plain, and with an embedded language), inline code as a single `match` rule, bold as
 * begin/end.
 */
const MARKDOWN_ROOT = {
  scopeName: 'text.html.markdown',
  patterns: [
    { begin: '<!--', end: '-->', name: 'comment.block.html' },
    {
      begin: '^(```)(python)\\s*$',
      end: '^(```)\\s*$',
      name: 'markup.fenced_code.block.markdown',
      contentName: 'meta.embedded.block.python',
      patterns: [{ match: '\\b(?:def|return)\\b', name: 'keyword.control.python' }],
    },
    { begin: '^(```)\\s*$', end: '^(```)\\s*$', name: 'markup.fenced_code.block.markdown' },
    {
      match: '^(#{1,6})\\s+(.*)$',
      name: 'markup.heading.markdown',
      captures: {
        '1': { name: 'punctuation.definition.heading.markdown' },
        '2': { name: 'entity.name.section.markdown', patterns: [{ include: '#inline' }] },
      },
    },
    { include: '#inline' },
  ],
  repository: {
    inline: {
      patterns: [
        { match: '`[^`]+`', name: 'markup.inline.raw.string.markdown' },
        { begin: '\\*\\*', end: '\\*\\*', name: 'markup.bold.markdown' },
      ],
    },
  },
};

/**
 * VS Code's own markdown grammar (microsoft/vscode markdown-basics, as packaged by tm-grammars), with a
 * stub `source.python` so that fenced python blocks get their `meta.embedded.block.python` scope.
 */
const VSCODE_MARKDOWN_PATH = path.join(ROOT, 'node_modules/tm-grammars/grammars/markdown.json');
const PYTHON_STUB = { scopeName: 'source.python', patterns: [{ match: '#.*', name: 'comment.line.number-sign.python' }] };

type Host = 'plain' | 'markdown' | 'vscode-markdown';
interface Token {
  text: string;
  scopes: string[];
}

let wasm: Promise<void> | undefined;
function loadOniguruma(): Promise<void> {
  if (!wasm) {
    const bytes = fs.readFileSync(path.join(ROOT, 'node_modules/vscode-oniguruma/release/onig.wasm'));
    wasm = oniguruma.loadWASM(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  }
  return wasm;
}

const grammars = new Map<Host, Promise<vsctm.IGrammar>>();
function loadGrammar(host: Host): Promise<vsctm.IGrammar> {
  let g = grammars.get(host);
  if (!g) {
    const root = host === 'plain' ? PLAIN_ROOT : MARKDOWN_ROOT;
    const rootScope = root.scopeName;
    const rootRaw = (): vsctm.IRawGrammar =>
      host === 'vscode-markdown'
        ? vsctm.parseRawGrammar(fs.readFileSync(VSCODE_MARKDOWN_PATH, 'utf8'), VSCODE_MARKDOWN_PATH)
        : vsctm.parseRawGrammar(JSON.stringify(root), 'root.json');
    const registry = new vsctm.Registry({
      onigLib: loadOniguruma().then(() => ({
        createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
        createOnigString: (s: string) => new oniguruma.OnigString(s),
      })),
      loadGrammar: async (scopeName: string) => {
        if (scopeName === rootScope) return rootRaw();
        if (scopeName === 'source.python') return vsctm.parseRawGrammar(JSON.stringify(PYTHON_STUB), 'python.json');
        if (scopeName === INJECTION_SCOPE_NAME) {
          return vsctm.parseRawGrammar(fs.readFileSync(GRAMMAR_PATH, 'utf8'), GRAMMAR_PATH);
        }
        return null;
      },
      getInjections: (scopeName: string) => (scopeName === rootScope ? [INJECTION_SCOPE_NAME] : undefined),
    });
    g = registry.loadGrammar(rootScope).then((grammar) => {
      if (!grammar) throw new Error(`could not load ${rootScope}`);
      return grammar;
    });
    grammars.set(host, g);
  }
  return g;
}

/** Tokens of each line, state carried from line to line. */
async function tokenize(text: string, host: Host = 'plain'): Promise<Token[][]> {
  const grammar = await loadGrammar(host);
  let state = vsctm.INITIAL;
  const out: Token[][] = [];
  for (const line of text.split(/\r?\n/)) {
    const r = grammar.tokenizeLine(line, state);
    out.push(r.tokens.map((t) => ({ text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes })));
    state = r.ruleStack;
  }
  return out;
}

function analystScope(t: Token): string | undefined {
  return [...t.scopes].reverse().find((s) => s.endsWith('.analyst'));
}

/** `[text, scope]` of the tokens that carry an `.analyst` scope, per line. */
async function scopedLines(text: string, host: Host = 'plain'): Promise<[string, string][][]> {
  return (await tokenize(text, host)).map((tokens) =>
    tokens.flatMap((t): [string, string][] => {
      const s = analystScope(t);
      return s ? [[t.text, s]] : [];
    }),
  );
}
async function scoped(line: string, host: Host = 'plain'): Promise<[string, string][]> {
  return (await scopedLines(line, host))[0] ?? [];
}

/** The scope the grammar should give a core span. */
function scopeOf(s: MarkupSpan): string {
  switch (s.kind) {
    case 'estimative':
      return SCOPES.estimative(s.subtype ?? '');
    case 'confidence':
      return SCOPES.confidence(s.level ?? '');
    case 'dtg':
      return SCOPES.dtg;
    case 'indicator':
      return SCOPES.indicator(s.subtype ?? '');
    case 'marking':
      if (s.subtype === 'tlp') return SCOPES.tlp((s.value ?? '').replace(/^TLP:/, '').replace('+', '-').toLowerCase());
      return s.subtype === 'portion' ? SCOPES.portion : SCOPES.banner;
  }
}

// ------------------------------------------------------------------------------------------------

describe('grammar: the injection grammar file', () => {
  it('is up to date with src/core/markup/grammar.ts', () => {
    const built = buildInjectionGrammar();
    if (process.env.UPDATE_GRAMMAR) fs.writeFileSync(GRAMMAR_PATH, JSON.stringify(built, null, 2) + '\n');
    const onDisk: unknown = JSON.parse(fs.readFileSync(GRAMMAR_PATH, 'utf8'));
    assert.deepEqual(onDisk, JSON.parse(JSON.stringify(built)), 'run UPDATE_GRAMMAR=1 npx mocha test/unit/grammar.test.ts');
  });

  it('is an injection into markdown and plain text, and is listed in package.json', () => {
    const g = JSON.parse(fs.readFileSync(GRAMMAR_PATH, 'utf8')) as { scopeName: string; injectionSelector: string };
    assert.equal(g.scopeName, 'analyst.markup.injection');
    assert.match(g.injectionSelector, /L:text\.html\.markdown/);
    assert.match(g.injectionSelector, /L:text\.plain/);
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
      contributes: { grammars?: { scopeName: string; path: string; injectTo?: string[] }[] };
    };
    const entry = pkg.contributes.grammars?.find((e) => e.scopeName === g.scopeName);
    assert.ok(entry, 'contributes.grammars entry');
    assert.equal(path.resolve(ROOT, entry.path), GRAMMAR_PATH);
    assert.deepEqual(entry.injectTo, ['text.html.markdown', 'text.plain']);
    // VS Code has no grammar for plaintext; the injection needs a text.plain root to run in .txt files
    const plain = pkg.contributes.grammars?.find((e) => e.scopeName === 'text.plain') as { language?: string; path: string } | undefined;
    assert.equal(plain?.language, 'plaintext');
    assert.equal(path.resolve(ROOT, plain?.path ?? ''), PLAIN_ROOT_PATH);
    assert.deepEqual(PLAIN_ROOT.patterns, []);
  });

  it('compiles every pattern in Oniguruma, and every scope ends in .analyst', async () => {
    await loadOniguruma();
    const names: string[] = [];
    const visit = (r: unknown): void => {
      if (Array.isArray(r)) return r.forEach(visit);
      if (r && typeof r === 'object') {
        for (const [k, v] of Object.entries(r)) {
          if (k === 'match' && typeof v === 'string') new oniguruma.OnigScanner([v]).dispose();
          if (k === 'name' && typeof v === 'string') names.push(v);
          visit(v);
        }
      }
    };
    const g = JSON.parse(fs.readFileSync(GRAMMAR_PATH, 'utf8')) as { repository: unknown; name: string };
    visit(g.repository);
    assert.ok(names.length > 30);
    for (const n of names) assert.match(n, /^[a-z]+\.[a-z]+\.[a-z0-9.-]+\.analyst$/, n);
  });
});

describe('grammar: scopes in plain text', () => {
  const cases: [string, [string, string][]][] = [
    [
      'It is very likely, not unlikely, and likely; likelihood is low.',
      [
        ['very likely', 'keyword.other.estimative.very-likely.analyst'],
        ['unlikely', 'keyword.other.estimative.unlikely.analyst'],
        ['likely', 'keyword.other.estimative.likely.analyst'],
      ],
    ],
    [
      'Almost no chance, very unlikely, highly improbable, improbable, roughly even odds, probable, highly probable, almost certainly, nearly certain.',
      [
        ['Almost no chance', 'keyword.other.estimative.almost-no-chance.analyst'],
        ['very unlikely', 'keyword.other.estimative.very-unlikely.analyst'],
        ['highly improbable', 'keyword.other.estimative.very-unlikely.analyst'],
        ['improbable', 'keyword.other.estimative.unlikely.analyst'],
        ['roughly even odds', 'keyword.other.estimative.roughly-even-chance.analyst'],
        ['probable', 'keyword.other.estimative.likely.analyst'],
        ['highly probable', 'keyword.other.estimative.very-likely.analyst'],
        ['almost certainly', 'keyword.other.estimative.almost-certain.analyst'],
        ['nearly certain', 'keyword.other.estimative.almost-certain.analyst'],
      ],
    ],
    [
      'The chance is remote; remote access is common.',
      [['remote', 'keyword.other.estimative.almost-no-chance.analyst']],
    ],
    [
      'We have High confidence, moderate-confidence and low confidence.',
      [
        ['High confidence', 'keyword.other.confidence.high.analyst'],
        ['moderate-confidence', 'keyword.other.confidence.moderate.analyst'],
        ['low confidence', 'keyword.other.confidence.low.analyst'],
      ],
    ],
    [
      '(U) a. (C) b. (S) c: (TS) d. (TS//SI//NF) e | (S//REL TO USA, GBR) f',
      [
        ['(U)', 'constant.other.marking.portion.analyst'],
        ['(C)', 'constant.other.marking.portion.analyst'],
        ['(S)', 'constant.other.marking.portion.analyst'],
        ['(TS)', 'constant.other.marking.portion.analyst'],
        ['(TS//SI//NF)', 'constant.other.marking.portion.analyst'],
        ['(S//REL TO USA, GBR)', 'constant.other.marking.portion.analyst'],
      ],
    ],
    ['TOP SECRET//SI//NOFORN', [['TOP SECRET//SI//NOFORN', 'constant.other.marking.banner.analyst']]],
    ['UNCLASSIFIED//FOR OFFICIAL USE ONLY', [['UNCLASSIFIED//FOR OFFICIAL USE ONLY', 'constant.other.marking.banner.analyst']]],
    ['  UNCLASSIFIED  ', [['UNCLASSIFIED', 'constant.other.marking.banner.analyst']]],
    [
      'TLP:RED TLP:AMBER TLP:AMBER+STRICT TLP:GREEN TLP:CLEAR TLP:WHITE',
      [
        ['TLP:RED', 'constant.other.marking.tlp.red.analyst'],
        ['TLP:AMBER', 'constant.other.marking.tlp.amber.analyst'],
        ['TLP:AMBER+STRICT', 'constant.other.marking.tlp.amber-strict.analyst'],
        ['TLP:GREEN', 'constant.other.marking.tlp.green.analyst'],
        ['TLP:CLEAR', 'constant.other.marking.tlp.clear.analyst'],
        ['TLP:WHITE', 'constant.other.marking.tlp.white.analyst'],
      ],
    ],
    [
      'Leap days: 290000Z FEB 24, 291200ZFEB2028, 290600Z FEB 00, 290000Z FEB 2000.',
      [
        ['290000Z FEB 24', 'constant.numeric.dtg.analyst'],
        ['291200ZFEB2028', 'constant.numeric.dtg.analyst'],
        ['290600Z FEB 00', 'constant.numeric.dtg.analyst'],
        ['290000Z FEB 2000', 'constant.numeric.dtg.analyst'],
      ],
    ],
    [
      'At 091630Z JUL 11 and 241530ZNOV26 and 151200M JUN 2025.',
      [
        ['091630Z JUL 11', 'constant.numeric.dtg.analyst'],
        ['241530ZNOV26', 'constant.numeric.dtg.analyst'],
        ['151200M JUN 2025', 'constant.numeric.dtg.analyst'],
      ],
    ],
    [
      'Beacon to hxxps://evil[.]com/a.php?x=1, http://example.org/p_(1). and hXXp[:]//1.2.3[.]4:8080/',
      [
        ['hxxps://evil[.]com/a.php?x=1', 'string.other.indicator.url.analyst'],
        ['http://example.org/p_(1)', 'string.other.indicator.url.analyst'],
        ['hXXp[:]//1.2.3[.]4:8080/', 'string.other.indicator.url.analyst'],
      ],
    ],
    [
      'Get evil[.]com/gate.php?id=1, update.example.org/dl/x.bin. Not report.md/x, /var/www/example.com/index.html or TCP/443.',
      [
        ['evil[.]com/gate.php?id=1', 'string.other.indicator.url.analyst'],
        ['update.example.org/dl/x.bin', 'string.other.indicator.url.analyst'],
      ],
    ],
    [
      'Not code: this.example.com, evil.info, this[.]post, e[.]name.',
      [
        ['this.example.com', 'string.other.indicator.domain.analyst'],
        ['evil.info', 'string.other.indicator.domain.analyst'],
        ['this[.]post', 'string.other.indicator.domain.analyst'],
        ['e[.]name', 'string.other.indicator.domain.analyst'],
      ],
    ],
    [
      'Mail user[@]example[.]com or admin@corp.co.uk; hosts example[.]com, c2.example.net, evil[.]sh.',
      [
        ['user[@]example[.]com', 'string.other.indicator.email.analyst'],
        ['admin@corp.co.uk', 'string.other.indicator.email.analyst'],
        ['example[.]com', 'string.other.indicator.domain.analyst'],
        ['c2.example.net', 'string.other.indicator.domain.analyst'],
        ['evil[.]sh', 'string.other.indicator.domain.analyst'],
      ],
    ],
    [
      'Hosts xn--80ak6aa92e.com, пример.xn--p1ai, http://[2001:db8::1]:8080/x and hxxp://xn--e1afmkfd[.]xn--p1ai/',
      [
        ['xn--80ak6aa92e.com', 'string.other.indicator.domain.analyst'],
        ['http://[2001:db8::1]:8080/x', 'string.other.indicator.url.analyst'],
        ['hxxp://xn--e1afmkfd[.]xn--p1ai/', 'string.other.indicator.url.analyst'],
      ],
    ],
    [
      'IPs 1.2.3[.]4, 10.0.0.1, 2001:db8::1 and fe80::1ff:fe23:4567:890a.',
      [
        ['1.2.3[.]4', 'string.other.indicator.ipv4.analyst'],
        ['10.0.0.1', 'string.other.indicator.ipv4.analyst'],
        ['2001:db8::1', 'string.other.indicator.ipv6.analyst'],
        ['fe80::1ff:fe23:4567:890a', 'string.other.indicator.ipv6.analyst'],
      ],
    ],
    [
      'd41d8cd98f00b204e9800998ecf8427e da39a3ee5e6b4b0d3255bfef95601890afd80709 e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
      [
        ['d41d8cd98f00b204e9800998ecf8427e', 'string.other.indicator.md5.analyst'],
        ['da39a3ee5e6b4b0d3255bfef95601890afd80709', 'string.other.indicator.sha1.analyst'],
        ['e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855', 'string.other.indicator.sha256.analyst'],
      ],
    ],
    [
      'Exploited CVE-2021-44228 via T1059.001 and T1190.',
      [
        ['CVE-2021-44228', 'string.other.indicator.cve.analyst'],
        ['T1059.001', 'string.other.indicator.attack-technique.analyst'],
        ['T1190', 'string.other.indicator.attack-technique.analyst'],
      ],
    ],
  ];
  for (const [line, expected] of cases) {
    it(line.slice(0, 70), async () => assert.deepEqual(await scoped(line), expected));
  }
});

describe('grammar: lines that must not be scoped', () => {
  const negatives = fs.readFileSync(path.join(FIXTURES, 'negatives.md'), 'utf8');
  const extra = [
    'Version 1.2.3 and 1.2.3.4.5 and 2024-01-05 and 2024-01-05T16:30:00Z are not indicators or DTGs.',
    '(a) first (b) second; TSA; Sunday; likelihood; probability; unlikelihood.',
    '091630J JUL 11 (local time) and 310000Z FEB 24 and 311200Z APR 24 are not valid DTGs.',
    'Nor are 290000Z FEB 25, 291200ZFEB2023 or 290000Z FEB 30 (no 29 February in those years).',
    'secret, Secret, TOP SECRET in a sentence, SECRETARY, TLP:PURPLE, TLP AMBER.',
    'TypeScript (TS) code, Top Secret (TS), Copyright (C) 2024, Alice, (S) and the (S//NF) part.',
    'console.info(x); this.post; e.name; glob.stream; window.top.location; util.is; Document.Link',
  ];
  for (const line of [...negatives.split('\n').filter((l) => l.trim() !== ''), ...extra]) {
    it(line.slice(0, 70), async () => assert.deepEqual(await scoped(line), []));
  }
});

describe('grammar: agrees with the core recognizers', () => {
  for (const file of ['threat-report.md', 'negatives.md']) {
    it(`scopes exactly the spans findMarkup finds in ${file}, line by line`, async () => {
      const text = fs.readFileSync(path.join(FIXTURES, file), 'utf8');
      const lines = text.split('\n');
      const actual = await scopedLines(text);
      assert.equal(actual.length, lines.length);
      lines.forEach((line, i) => {
        const expected = findMarkup(line).map((s): [string, string] => [s.text, scopeOf(s)]);
        assert.deepEqual(actual[i], expected, `line ${i + 1}: ${line}`);
      });
    });
  }
});

describe('grammar: in a markdown host', () => {
  it('scopes markup in paragraphs, headings, bold and plain fenced code blocks', async () => {
    const text = [
      '# (U) Judgment: very likely',
      '',
      '(S//NF) It is **almost certainly** from 1.2.3[.]4.',
      '```',
      'evil[.]com',
      '```',
    ].join('\n');
    assert.deepEqual(await scopedLines(text, 'markdown'), [
      [
        ['(U)', 'constant.other.marking.portion.analyst'],
        ['very likely', 'keyword.other.estimative.very-likely.analyst'],
      ],
      [],
      [
        ['(S//NF)', 'constant.other.marking.portion.analyst'],
        ['almost certainly', 'keyword.other.estimative.almost-certain.analyst'],
        ['1.2.3[.]4', 'string.other.indicator.ipv4.analyst'],
      ],
      [],
      [['evil[.]com', 'string.other.indicator.domain.analyst']],
      [],
    ]);
    const heading = (await tokenize('# (U) Judgment', 'markdown'))[0]?.find((t) => t.text === '(U)');
    assert.ok(heading?.scopes.includes('markup.heading.markdown'), 'still inside the heading');
  });

  it('leaves HTML comments and code in an embedded language alone', async () => {
    const text = ['<!-- likely (U) 1.2.3.4 -->', '```python', 'likely = "1.2.3.4"  # (U)', '```', 'likely'].join('\n');
    assert.deepEqual(await scopedLines(text, 'markdown'), [
      [],
      [],
      [],
      [],
      [['likely', 'keyword.other.estimative.likely.analyst']],
    ]);
  });

  it('does not reach inside inline code, which markdown tokenises as one match (known limitation)', async () => {
    assert.deepEqual(await scoped('`evil[.]com` and evil[.]com', 'markdown'), [['evil[.]com', 'string.other.indicator.domain.analyst']]);
  });

  it('does not colour a phrase split across two lines (the engine works line by line)', async () => {
    assert.deepEqual(await scopedLines('it is very\nlikely', 'plain'), [[], [['likely', 'keyword.other.estimative.likely.analyst']]]);
  });
});

describe("grammar: in VS Code's markdown grammar", () => {
  it('scopes exactly the spans findMarkup finds in the fixture report, line by line', async () => {
    const text = fs.readFileSync(path.join(FIXTURES, 'threat-report.md'), 'utf8');
    const lines = text.split('\n');
    const actual = await scopedLines(text, 'vscode-markdown');
    lines.forEach((line, i) => {
      const expected = findMarkup(line).map((s): [string, string] => [s.text, scopeOf(s)]);
      assert.deepEqual(actual[i], expected, `line ${i + 1}: ${line}`);
    });
  });

  it('scopes markup in blockquotes, lists, tables, emphasis, setext headings and plain code blocks', async () => {
    const text = [
      '> (U) It is very likely from 1.2.3.4.',
      '',
      '* (U) Item: hxxp://evil[.]com/x is likely',
      '1. (S//NF) Ordered item, TLP:RED',
      '',
      '| IOC | Type |',
      '|-----|------|',
      '| evil[.]com | domain |',
      '',
      '*likely* and _very likely_ and __almost certain__ and ~~unlikely~~.',
      '',
      '(U) Setext heading, likely',
      '=========================',
      '',
      '```',
      '8.8.8.8 evil[.]com',
      '```',
    ].join('\n');
    const portion = SCOPES.portion;
    assert.deepEqual(await scopedLines(text, 'vscode-markdown'), [
      [
        ['(U)', portion],
        ['very likely', SCOPES.estimative('very-likely')],
        ['1.2.3.4', SCOPES.indicator('ipv4')],
      ],
      [],
      [
        ['(U)', portion],
        ['hxxp://evil[.]com/x', SCOPES.indicator('url')],
        ['likely', SCOPES.estimative('likely')],
      ],
      [
        ['(S//NF)', portion],
        ['TLP:RED', SCOPES.tlp('red')],
      ],
      [],
      [],
      [],
      [['evil[.]com', SCOPES.indicator('domain')]],
      [],
      [
        ['likely', SCOPES.estimative('likely')],
        ['very likely', SCOPES.estimative('very-likely')],
        ['almost certain', SCOPES.estimative('almost-certain')],
        ['unlikely', SCOPES.estimative('unlikely')],
      ],
      [],
      [
        ['(U)', portion],
        ['likely', SCOPES.estimative('likely')],
      ],
      [],
      [],
      [],
      [
        ['8.8.8.8', SCOPES.indicator('ipv4')],
        ['evil[.]com', SCOPES.indicator('domain')],
      ],
      [],
    ]);
  });

  it('leaves HTML comments and fenced code in a language alone', async () => {
    const text = ['<!-- likely (U) 1.2.3.4 -->', '', '```python', 'x = "1.2.3.4"  # likely', '```', '', 'likely'].join('\n');
    assert.deepEqual(await scopedLines(text, 'vscode-markdown'), [[], [], [], [], [], [], [['likely', SCOPES.estimative('likely')]]]);
  });

  it('does not reach into link targets, autolinks or inline code, which markdown matches whole (known limitation)', async () => {
    assert.deepEqual(
      await scoped('See [the report](https://example.com/r.pdf), <https://example.org/x>, `evil[.]com` and evil[.]com.', 'vscode-markdown'),
      [['evil[.]com', SCOPES.indicator('domain')]],
    );
  });
});
