import { strict as assert } from 'node:assert';
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { analyze, createIncrementalAnalyzer, type AnalyzeOptions } from '../../src/core';
import { handle, keptDocuments, MAX_DOCUMENTS } from '../../src/worker/handler';
import { splitPieces } from '../../src/core/incremental';
import { IncrementalTagger, NerBlock } from '../../src/core/ner/incremental';

const fixtures = path.join(__dirname, '..', 'fixtures');
const sample = fs.readFileSync(path.join(fixtures, 'sample', 'dubrovnik-visit.txt'), 'utf8');
const reportsDir = path.join(fixtures, 'workspace', 'reports');
const reports = fs.readdirSync(reportsDir).filter((f) => f.endsWith('.md')).map((f) => fs.readFileSync(path.join(reportsDir, f), 'utf8'));

/** Real texts edited by the property: the sample report repeated (as paragraphs and as one block), and the workspace reports. */
const BASES = [
  [sample, sample, sample].join('\n\n'),
  sample + '\n' + sample,
  reports.join('\n\n'),
  [reports[0] ?? '', sample, reports[1] ?? ''].join('\n\n'),
];

/** Sequences generated and edits per sequence (stated in the test name). */
const CASES = 120;
const EDITS = 6;
/** Sequences for the tagger-state property. */
const STATE_CASES = 60;

/** Words and pieces that make edits interact with names, titles, dates and blank lines. */
const WORDS = [
  'Putin', 'Vasconcelos', 'Israel', 'Moscow', 'Hezbollah', 'the', 'The', 'of', 'for', 'Minister', 'Director of', 'President',
  'January', 'Jan.', '5', '2024', '14:30', 'p.m.', 'GMT', 'Monday,', '3,000 troops', '$5', 'billion', 'Russian', 'Foreign Ministry',
  'Vladimir Putin', 'Duarte Vasconcelos', 'Dubrovnik', 'Lt. Gen.', 'IRAN', 'U.S.', 'Co.', '“', '”', '(', ')', ',', '.', '```', '`', '[link](x)', '#',
];
const CHARS = ['a', 'x', 'P', 'M', ' ', '.', ',', '\n', '\n\n', '\r\n', '1', '’', '-', '\t', 'É'];
const paragraphs = [...sample.split('\n'), ...reports.flatMap((r) => r.split(/\n\n/))].filter((p) => p.trim());

type Edit = { kind: number; at: number; len: number; pick: number };
const edit = fc.record({
  kind: fc.integer({ min: 0, max: 9 }),
  at: fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }),
  len: fc.integer({ min: 1, max: 12 }),
  pick: fc.nat(1000),
});

/** Applies one edit; every kind is a typing action: characters, words, line breaks, blank lines, pasted paragraphs. */
function apply(text: string, e: Edit): string {
  const at = Math.floor(e.at * (text.length + 1));
  const del = (n: number) => text.slice(0, at) + text.slice(Math.min(text.length, at + n));
  const ins = (s: string) => text.slice(0, at) + s + text.slice(at);
  switch (e.kind) {
    case 0: return ins(CHARS[e.pick % CHARS.length]); // insert a character
    case 1: return del(1 + (e.len % 3)); // delete characters
    case 2: return text.slice(0, at) + CHARS[e.pick % CHARS.length] + text.slice(at + 1); // replace a character
    case 3: return ins((e.pick % 2 ? ' ' : '') + WORDS[e.pick % WORDS.length] + (e.pick % 3 ? ' ' : '')); // insert a word
    case 4: { // delete a word (to the next space)
      const end = text.indexOf(' ', at + 1);
      return del(end < 0 ? e.len : end - at);
    }
    case 5: return ins(e.pick % 2 ? '\n' : '\n\n'); // new line / blank line
    case 6: { // join two paragraphs or lines: delete the next line break
      const nl = text.indexOf('\n', at);
      return nl < 0 ? text : text.slice(0, nl) + (e.pick % 2 ? ' ' : '') + text.slice(nl + 1);
    }
    case 7: return ins('\n\n' + paragraphs[e.pick % paragraphs.length] + '\n\n'); // paste a paragraph
    case 8: return del(e.len * 10); // delete a selection
    default: { // replace a word
      const end = text.indexOf(' ', at + 1);
      return text.slice(0, at) + WORDS[e.pick % WORDS.length] + text.slice(end < 0 ? text.length : end);
    }
  }
}

describe('incremental analysis', function () {
  this.timeout(600_000);

  it(`equals analyze() after every edit: ${CASES} generated sequences of ${EDITS} random edits on real reports (${CASES * EDITS} edits)`, () => {
    let checked = 0;
    fc.assert(
      fc.property(
        fc.constantFrom(...BASES.keys()),
        fc.constantFrom<AnalyzeOptions>({}, { format: 'markdown' }, { types: ['person', 'date'] }),
        fc.array(edit, { minLength: EDITS, maxLength: EDITS }),
        (base, options, edits) => {
          const inc = createIncrementalAnalyzer();
          let text = BASES[base];
          assert.deepStrictEqual(inc.analyze(text, options), analyze(text, options));
          for (const e of edits) {
            text = apply(text, e);
            assert.deepStrictEqual(inc.analyze(text, options), analyze(text, options), `after edits up to ${JSON.stringify(e)}`);
            checked++;
          }
        },
      ),
      { numRuns: CASES, seed: 20261124 },
    );
    assert.equal(checked, CASES * EDITS);
  });

  it(`keeps the tagger's state equal to a fresh tagger's after every edit: ${STATE_CASES} generated sequences of ${EDITS} edits (${STATE_CASES * EDITS} edits)`, () => {
    // Stricter than comparing entities: every sentence's docMask key, pass-1 tags, pass-2 feature hashes and tags,
    // so a stale cache entry is caught even where it happens not to change an entity.
    const blocksOf = (text: string, cache: Map<string, NerBlock>): NerBlock[] => {
      const starts: number[] = [];
      const ends: number[] = [];
      splitPieces(text, starts, ends);
      const next = new Map<string, NerBlock>();
      const out = starts.map((a, i) => {
        const t = text.slice(a, ends[i]);
        let b = next.get(t) ?? cache.get(t);
        if (!b) b = new NerBlock(t);
        next.set(t, b);
        return b;
      });
      cache.clear();
      for (const [k, v] of next) cache.set(k, v);
      return out;
    };
    const state = (bs: NerBlock[]) => bs.map((b) => ({
      gdm: b.gdm, tags1: b.tags1, tags: b.tags, names: b.names,
      results: b.results.map((r) => r && { dm: r.dm, tags1: r.tags1, em2: r.em2, p2: r.p2, tags2: r.tags2 }),
    }));
    let checked = 0;
    fc.assert(
      fc.property(fc.constantFrom(...BASES.keys()), fc.array(edit, { minLength: EDITS, maxLength: EDITS }), (base, edits) => {
        const tagger = new IncrementalTagger();
        const cache = new Map<string, NerBlock>();
        let text = BASES[base];
        tagger.tag(blocksOf(text, cache));
        for (const e of edits) {
          text = apply(text, e);
          const inc = blocksOf(text, cache);
          tagger.tag(inc);
          const fresh = blocksOf(text, new Map());
          new IncrementalTagger().tag(fresh);
          assert.deepStrictEqual(state(inc), state(fresh));
          checked++;
        }
      }),
      { numRuns: STATE_CASES, seed: 20261125 },
    );
    assert.equal(checked, STATE_CASES * EDITS);
  });

  it('equals analyze() where a rule could match across a line break', () => {
    const inc = createIncrementalAnalyzer();
    const cases = [
      'He met the Director of\n\nState Department officials.',
      'Director of (\n\nMilitary Intelligence said so.',
      'It happened on 5\n\nJanuary 2024 in Moscow.',
      'The meeting is on Jan.\n\n5 in Sochi.',
      'Talks began at 14:30\n\nGMT on Monday,\n\n5 January.',
      'Troops: 3,000\n\ntroops and $5\n\nbillion. At 2 p.m.\n\nGMT they left.',
      'HEZBOLLAH\r\n\r\nHezbollah fighters moved. Russian\n\nForeign Ministry said.',
      'Vladimir Putin met.\n\nPutin left.\n\n\n\nPutin',
      // single line breaks: soft wraps, hard breaks, and rules across them
      'He met the Director of\nState Department officials.\nThe president\nVladimir Putin said x.\nHe left.',
      'It happened on 5\nJanuary 2024 on TV\n5 and USD\n5 million; the U.S.\nArmy left at 2 p.m.\nGMT.',
      'the e.g.\nlist, and a.\nb. Then\r\nMoscow:\nPutin)\nLavrov\u200b\nShoigu\u0085\nGerasimov',
      'ALL CAPS LINE FOR A LONG WAY\n   HEZBOLLAH AND HAMAS\n\n  Hezbollah said.',
      '',
      '\n\n\n',
      'x',
    ];
    for (const t of cases) {
      assert.deepStrictEqual(inc.analyze(t), analyze(t), JSON.stringify(t));
      assert.deepStrictEqual(inc.analyze(t, { format: 'markdown' }), analyze(t, { format: 'markdown' }), JSON.stringify(t));
    }
    // and the same texts edited into each other
    for (let i = 1; i < cases.length; i++) {
      const t = cases[i - 1] + '\n\n' + cases[i];
      assert.deepStrictEqual(inc.analyze(t), analyze(t), JSON.stringify(t));
    }
  });

  it('equals analyze() after every keystroke of typing and deleting, in Markdown with code and hard-wrapped lines (entities reused by position)', () => {
    // Our own text: code spans, a fence, a link target and hard-wrapped lines make the analysed text differ from the
    // original (masked, joined) in some units, and a name is wrapped across two lines; typing moves every unit after it.
    const md = [
      '# Harbour report',
      '',
      'Maria Lopez of the Harbour Authority met Anton',
      'Reyes in Lisbon on 5 March 2024. The `Northern Fleet` left',
      'Odesa on Monday with 3,000 tonnes of grain, said Mira Holt.',
      '',
      '```',
      'Jonas Berg met Kenji Sato in Oslo.',
      '```',
      '',
      'According to [Amina Diallo](https://example.org/Amina), the convoy reached Riga. Lopez confirmed the route.',
      '',
      'Officials in Tunis told reporters that the Coast Guard had asked Elena Petrova for more time.',
    ].join('\n');
    for (const options of [{ format: 'markdown' as const }, {}]) {
      const inc = createIncrementalAnalyzer();
      let text = md;
      assert.deepStrictEqual(inc.analyze(text, options), analyze(text, options));
      for (const anchor of ['Maria Lopez', 'Odesa on', 'According', 'Officials']) {
        let at = text.indexOf(anchor);
        for (const ch of 'Later Omar Haddad met the Mayor ') {
          text = text.slice(0, at) + ch + text.slice(at);
          at++;
          assert.deepStrictEqual(inc.analyze(text, options), analyze(text, options), `typing before "${anchor}": ${JSON.stringify(text.slice(at - 20, at + 20))}`);
        }
        for (let k = 0; k < 12; k++) {
          text = text.slice(0, at - 1) + text.slice(at);
          at--;
          assert.deepStrictEqual(inc.analyze(text, options), analyze(text, options), `deleting before "${anchor}"`);
        }
      }
    }
  });

  it('keeps only what the latest text uses', () => {
    const inc = createIncrementalAnalyzer();
    let text = [sample, sample.replace(/Kovacevic/g, 'Horvat'), reports.join('\n\n')].join('\n\n');
    for (let i = 0; i < 40; i++) {
      const at = (i * 7919) % text.length;
      text = text.slice(0, at) + (i % 3 ? 'q' : '\n') + text.slice(at);
      inc.analyze(text);
      // exactly the entries a fresh analyzer makes for this text
      const fresh = createIncrementalAnalyzer();
      fresh.analyze(text);
      assert.deepStrictEqual(inc.cacheStats(), fresh.cacheStats());
    }
    inc.analyze('');
    assert.deepStrictEqual(inc.cacheStats(), { blocks: 0, units: 0 });
  });

  it('the worker keeps one analyzer per document, at most MAX_DOCUMENTS, and forgets on request', () => {
    for (let i = 0; i < MAX_DOCUMENTS + 5; i++) {
      const r = handle({ id: i, kind: 'analyze', uri: `file:///r${i}.md`, version: 1, text: `Report ${i}: Vladimir Putin met Benjamin Netanyahu.` });
      assert.ok(r.ok && r.analysis && r.analysis.entities.length > 0);
    }
    let kept = keptDocuments();
    assert.equal(kept.length, MAX_DOCUMENTS);
    assert.ok(!kept.includes('file:///r0.md') && kept.includes(`file:///r${MAX_DOCUMENTS + 4}.md`));
    handle({ id: 99, kind: 'forget', uri: `file:///r${MAX_DOCUMENTS + 4}.md` });
    kept = keptDocuments();
    assert.ok(!kept.includes(`file:///r${MAX_DOCUMENTS + 4}.md`));
    // edits of one document go through its analyzer and still equal a full analysis
    let text = sample;
    for (let i = 0; i < 5; i++) {
      text = text.slice(0, i * 97) + 'Z' + text.slice(i * 97);
      const r = handle({ id: 100 + i, kind: 'analyze', uri: 'file:///sample.txt', version: i, text, options: { format: 'markdown' } });
      assert.ok(r.ok);
      assert.deepStrictEqual(r.analysis, analyze(text, { format: 'markdown' }));
    }
  });
});
