import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { analyze, type Analysis } from '../../src/core';

/** Runs per property; stated in the README and the issue notes. */
const RUNS = 300;

/** Real prose fragments mixed with hostile characters, so generated strings exercise the tagger, not only junk. */
const prose = fc.constantFrom(
  'Russian President Vladimir Putin',
  ' met Benjamin Netanyahu in Sochi this morning.',
  ' “This is a very important journey,” he said.',
  ' Hezbollah',
  ' Israel’s National Security Advisor Meir Ben-Shabbat',
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
