import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { analyze, type Analysis } from '../../src/core';

/** Runs per property; stated in the README and the issue notes. */
const RUNS = 300;

/** Real prose fragments mixed with hostile characters, so generated strings exercise the tagger, not only junk. */
const prose = fc.constantFrom(
  'Russian President Vladimir Putin',
  ' met Duarte Vasconcelos in Dubrovnik this morning.',
  ' “The sea does not stop at our borders,” he said.',
  ' Hezbollah',
  ' Portugal’s National Security Adviser Rui Meireles',
  ' on 5 January 2024 at 14:30 GMT',
  ' $5 billion',
  '\r\n',
  '\n\n',
  '```\ncode Putin\n```\n',
  '`inline`',
  '[Moscow](https://x.y/Moscow)',
);
const hostile = fc.constantFrom('\u0000', '\ud800', '\udfff', '\u202e', '\u0301', '👋🏽', 'שלום', 'مرحبا', '\t', '\u2028', '\uFEFF', "'s", '’');
const text = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 400 }),
  fc.string({ unit: 'binary', maxLength: 400 }),
  fc.array(fc.oneof(prose, hostile, fc.string({ maxLength: 8 })), { maxLength: 40 }).map((parts) => parts.join('')),
);

function checkInvariants(input: string, r: Analysis): void {
  let prevStart = -1;
  const lastEndByType = new Map<string, number>();
  for (const e of r.entities) {
    assert.ok(Number.isInteger(e.start) && Number.isInteger(e.end), 'integer offsets');
    assert.ok(e.start >= 0 && e.end <= input.length && e.start < e.end, `span inside text: ${e.start}-${e.end} of ${input.length}`);
    assert.equal(e.text, input.slice(e.start, e.end), 'text === input.slice(start, end)');
    assert.ok(e.start >= prevStart, 'sorted by start');
    prevStart = e.start;
    assert.ok((lastEndByType.get(e.type) ?? -1) <= e.start, `no overlap within type ${e.type}`);
    lastEndByType.set(e.type, e.end);
    // A UTF-16 offset never splits a surrogate pair, or a VS Code position would point inside a character.
    const hi = (i: number) => i > 0 && i < input.length && /[\ud800-\udbff]/.test(input[i - 1]) && /[\udc00-\udfff]/.test(input[i]);
    assert.ok(!hi(e.start) && !hi(e.end), 'span boundary inside a surrogate pair');
  }
  const total = Object.values(r.counts).reduce((a, b) => a + b, 0);
  assert.equal(total, r.entities.length, 'counts add up');
}

describe('[core/properties] analyze() on any string', () => {
  it(`never throws and returns well-formed spans (${RUNS} generated texts, plain)`, () => {
    fc.assert(fc.property(text, (t) => checkInvariants(t, analyze(t))), { numRuns: RUNS, seed: 20261124 });
  });

  it(`never throws and returns well-formed spans (${RUNS} generated texts, markdown)`, () => {
    fc.assert(fc.property(text, (t) => checkInvariants(t, analyze(t, { format: 'markdown' }))), { numRuns: RUNS, seed: 42 });
  });

  it(`is deterministic (${RUNS / 3} generated texts)`, () => {
    fc.assert(fc.property(text, (t) => assert.deepEqual(analyze(t), analyze(t))), { numRuns: RUNS / 3, seed: 7 });
  });
});

/** RFC 4180 reader: fields, quoted fields with doubled quotes, commas and line breaks inside quotes; CRLF records. */
function parseCsv(csv: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < csv.length; i++) {
    const c = csv[i];
    if (quoted) {
      if (c === '"' && csv[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(field), (field = '');
    else if (c === '\r' && csv[i + 1] === '\n') row.push(field), rows.push(row), (row = []), (field = ''), i++;
    else field += c;
  }
  return rows;
}

describe('[core/properties] summarize() and every exporter on any string', () => {
  const SUMMARY_RUNS = 80;
  it(`summarize never throws, keeps offsets inside the text, and every export parses back (${SUMMARY_RUNS} generated texts)`, async () => {
    const { summarize, toJson, toCsv, toMarkdown, toStixJson } = await import('../../src/core');
    fc.assert(
      fc.property(text, (t) => {
        const s = summarize(t, { reportDate: '2026-11-24' });
        const check = (sp: { start: number; end: number; text?: string }) => {
          assert.ok(sp.start >= 0 && sp.end <= t.length && sp.start <= sp.end, `span ${sp.start}-${sp.end} of ${t.length}`);
          if (typeof sp.text === 'string' && sp.end > sp.start) assert.equal(t.slice(sp.start, sp.end), sp.text);
        };
        s.mentions.forEach(check);
        s.quotes.forEach(check);
        s.indicators.forEach((i) => i.mentions.forEach(check));
        s.assessments.forEach((a) => check(a.term));
        assert.deepEqual(JSON.parse(toJson(s)), JSON.parse(JSON.stringify(s)));
        const rows = parseCsv(toCsv(s));
        assert.equal(rows.length, 1 + s.mentions.length + s.indicators.reduce((n, i) => n + i.mentions.length, 0));
        for (let r = 1; r <= s.mentions.length; r++) assert.equal(rows[r][1], s.mentions[r - 1].text, 'CSV field round-trips');
        const bundle = JSON.parse(toStixJson(s));
        assert.equal(bundle.type, 'bundle');
        assert.equal(typeof toMarkdown(s), 'string');
      }),
      { numRuns: SUMMARY_RUNS, seed: 11 },
    );
  });
});
