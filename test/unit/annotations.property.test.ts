// Property test of annotation anchoring: random edits of real reports (the fixtures) with annotations on them. After
// every edit, every annotation either covers exactly its quoted text or is orphaned, on both paths (VS Code's change
// deltas and whole-text re-anchoring). The delta path is also checked against an independent oracle that follows
// each character of the text through the edits.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { anchorAt, applyChanges, contextScore, reanchor, type Annotation, type ContentChange } from '../../src/core';

const FIXTURES = join(__dirname, '..', 'fixtures');
const REPORTS = [
  'workspace/reports/dubrovnik-visit.md',
  'workspace/reports/moscow-briefing.md',
  'workspace/reports/threat-brief.md',
  'sample/dubrovnik-visit.txt',
  'markup/threat-report.md',
  'actors/grain-talks.md',
].map((f) => readFileSync(join(FIXTURES, f), 'utf8'));

interface EditSpec {
  at: number;
  del: number;
  kind: 'type' | 'copy' | 'delete' | 'word';
  src: number;
  len: number;
  chars: string;
}

const editArb: fc.Arbitrary<EditSpec> = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  del: fc.nat({ max: 40 }),
  kind: fc.constantFrom('type', 'copy', 'delete', 'word'),
  src: fc.double({ min: 0, max: 1, noNaN: true }),
  len: fc.nat({ max: 120 }),
  chars: fc.string({ maxLength: 12, unit: fc.constantFrom('a', 'e', 'n', ' ', '.', 'P', '\n', '“', 'é') }),
});

/** The edit as a VS Code content change against `text`. Copies paste a slice of the text itself (duplicates). */
function toChange(text: string, e: EditSpec): ContentChange {
  const rangeOffset = Math.min(text.length, Math.floor(e.at * (text.length + 1)));
  const rangeLength = Math.min(text.length - rangeOffset, e.kind === 'type' ? e.del % 3 : e.del);
  let insert = '';
  if (e.kind === 'type') insert = e.chars;
  else if (e.kind === 'copy') {
    const from = Math.floor(e.src * text.length);
    insert = text.slice(from, from + e.len);
  } else if (e.kind === 'word') {
    const words = text.match(/\p{L}+/gu) ?? ['x'];
    insert = `${words[Math.floor(e.src * words.length) % words.length]} `;
  }
  return { rangeOffset, rangeLength, text: insert };
}

/** The oracle: which characters of the current text are the annotation's first and last, followed through edits. */
type Truth = { state: 'live'; start: number; end: number } | { state: 'orphan' } | { state: 'free' };

function follow(t: Truth, c: ContentChange): Truth {
  if (t.state !== 'live') return t;
  const ce = c.rangeOffset + c.rangeLength;
  const delta = c.text.length - c.rangeLength;
  // The characters at start and end-1 survive unless the deleted range covers them.
  const firstGone = c.rangeOffset <= t.start && t.start < ce;
  const lastGone = c.rangeOffset <= t.end - 1 && t.end - 1 < ce;
  if (firstGone || lastGone) return { state: 'orphan' };
  const map = (i: number) => (i < c.rangeOffset ? i : i + delta); // a surviving character's new index
  return { state: 'live', start: map(t.start), end: map(t.end - 1) + 1 };
}

describe('annotations: anchoring under random edits (fast-check)', () => {
  it('after every edit each annotation covers exactly its quote or is orphaned; deltas agree with the oracle', () => {
    let edits = 0;
    let orphaned = 0;
    let moved = 0;
    fc.assert(
      fc.property(
        fc.nat({ max: REPORTS.length - 1 }),
        fc.array(fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), len: fc.integer({ min: 1, max: 60 }) }), { minLength: 1, maxLength: 6 }),
        fc.array(editArb, { minLength: 1, maxLength: 25 }),
        (ri, specs, editSpecs) => {
          let text = REPORTS[ri];
          let delta: Annotation[] = [];
          let whole: Annotation[] = [];
          let truth: Truth[] = [];
          specs.forEach((s, i) => {
            const start = Math.min(text.length - 1, Math.floor(s.at * text.length));
            const end = Math.min(text.length, start + s.len);
            const a = anchorAt({ id: `a${i}`, kind: 'tag', tag: 'key judgement', created: '2026-11-30T00:00:00.000Z' }, text, start, end);
            delta.push(a);
            whole.push(a);
            truth.push({ state: 'live', start, end });
          });
          for (const e of editSpecs) {
            const c = toChange(text, e);
            const next = text.slice(0, c.rangeOffset) + c.text + text.slice(c.rangeOffset + c.rangeLength);
            edits++;
            delta = delta.map((a) => applyChanges(a, [c], next));
            whole = whole.map((a) => reanchor(a, next));
            truth = truth.map((t) => follow(t, c));
            for (let i = 0; i < delta.length; i++) {
              for (const [path, a] of [
                ['delta', delta[i]],
                ['whole-text', whole[i]],
              ] as const) {
                if (a.orphaned) continue;
                assert.equal(next.slice(a.position.start, a.position.end), a.quote.exact, `${path}: annotation ${i} does not cover its quote after ${JSON.stringify(c)}`);
                assert.ok(a.position.end > a.position.start);
              }
              const t = truth[i];
              const d = delta[i];
              if (t.state === 'live') {
                // The delta path follows the text exactly: same characters, never orphaned while they are there.
                assert.equal(d.orphaned, undefined, `delta: annotation ${i} orphaned though its text is there`);
                assert.deepEqual(d.position, { start: t.start, end: t.end });
              } else if (t.state === 'orphan') {
                if (d.orphaned) orphaned++;
                else {
                  // Re-attached only where its exact text sits with its whole context (e.g. the same words pasted back).
                  assert.equal(contextScore(next, d.position.start, d.quote), d.quote.prefix.length + d.quote.suffix.length);
                  truth[i] = { state: 'free' };
                }
              }
              // Whole-text re-anchoring: when the text is intact and occurs once, it is found there.
              const w = whole[i];
              if (t.state === 'live' && !w.orphaned && w.position.start !== t.start) {
                const exact = next.slice(t.start, t.end);
                const count = next.split(exact).length - 1;
                assert.ok(count > 1 || exact !== w.quote.exact, `whole-text: annotation ${i} moved to ${w.position.start} though "${exact}" occurs once, at ${t.start}`);
                moved++;
              }
            }
            text = next;
          }
        },
      ),
      { numRuns: 300, seed: 20261130 },
    );
    console.log(`      ${edits} random edits over 300 runs; ${orphaned} checks of orphaned annotations; ${moved} whole-text re-anchorings onto another copy of a repeated quote`);
    assert.ok(edits > 1000 && orphaned > 0, `the generator must exercise edits and orphans (${edits} edits, ${orphaned} orphans, ${moved} whole-text moves to another copy)`);
  });
});
