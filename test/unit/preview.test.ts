import * as assert from 'node:assert/strict';
import { analyze, previewAnalysis, previewRange } from '../../src/core';
import { handle } from '../../src/worker/handler';

// Our own text: a long Markdown report whose paragraphs name people, places and dates, with a fenced code block
// that names people too (never prose).
const PEOPLE = ['Maria Lopez', 'Anton Reyes', 'Mira Holt', 'Jonas Berg', 'Amina Diallo', 'Kenji Sato'];
const PLACES = ['Lisbon', 'Nairobi', 'Oslo', 'Manila', 'Riga', 'Quito'];
function report(paragraphs: number): string {
  const out = ['# Port situation report', ''];
  for (let i = 0; i < paragraphs; i++) {
    const p = PEOPLE[i % PEOPLE.length];
    const q = PEOPLE[(i * 5 + 1) % PEOPLE.length];
    const l = PLACES[(i * 7) % PLACES.length];
    out.push(`${p} met ${q} in ${l} on ${(i % 27) + 1} March 2024 to review the cargo manifests. The Harbour Authority said the convoy would sail on time.`, '');
    if (i === 20) out.push('```text', 'Maria Lopez Anton Reyes Lisbon Oslo', 'Jonas Berg Kenji Sato Manila', '```', '');
  }
  return out.join('\n');
}

describe('[core] visible lines first: the analysis of one stretch of a long report', () => {
  const text = report(60);

  it('widens the stretch to whole paragraphs and keeps it within the analysed length', () => {
    const mid = text.indexOf('review', Math.floor(text.length / 2));
    const r = previewRange(text, mid, mid + 10);
    assert.equal(text.slice(r.start - 2, r.start), '\n\n', 'starts after a blank line');
    assert.ok(r.end === text.length || text.slice(r.end, r.end + 2) === '\n\n', 'ends at a blank line');
    assert.ok(r.start <= mid && r.end >= mid + 10);
    assert.ok(!text.slice(r.start, r.end).includes('\n\n'), 'one paragraph here');
    assert.deepEqual(previewRange(text, 0, 5), { start: 0, end: text.indexOf('\n\n') });
    const capped = previewRange(text, text.length - 50, text.length, 1000);
    assert.ok(capped.end <= 1000 && capped.start <= capped.end);
  });

  it('gives the entities of the stretch with offsets into the whole text, as the whole analysis marks them there', () => {
    const from = text.indexOf('\n\n', Math.floor(text.length / 3));
    const to = from + 1500;
    const p = previewAnalysis(text, from, to, { format: 'markdown' });
    assert.ok(p.entities.length > 10, `${p.entities.length} entities`);
    for (const e of p.entities) {
      assert.ok(e.start >= p.preview.start && e.end <= p.preview.end, `${e.text} @${e.start} inside the stretch`);
      assert.equal(e.text, text.slice(e.start, e.end));
    }
    const whole = analyze(text, { format: 'markdown' }).entities.filter((e) => e.start >= p.preview.start && e.end <= p.preview.end);
    const key = (e: { start: number; end: number; type: string }) => `${e.start}:${e.end}:${e.type}`;
    assert.deepEqual(p.entities.map(key), whole.map(key));
    assert.equal(p.length, text.length);
    assert.equal(Object.values(p.counts).reduce((a, b) => a + b, 0), p.entities.length);
  });

  it('never reads a Markdown code block as prose, even when the stretch starts inside it', () => {
    const inside = text.indexOf('Jonas Berg Kenji Sato Manila');
    const fenceEnd = text.indexOf('```\n', inside) + 4;
    const p = previewAnalysis(text, inside, fenceEnd + 400, { format: 'markdown' });
    assert.ok(p.preview.start <= inside, 'the stretch holds the code block');
    const codeStart = text.indexOf('```text');
    assert.ok(p.entities.length > 0);
    assert.ok(!p.entities.some((e) => e.start >= codeStart && e.start < fenceEnd), 'nothing inside the code block');
    // As plain text the same lines are prose.
    const plain = previewAnalysis(text, inside, fenceEnd + 400, { format: 'plain' });
    assert.ok(plain.entities.some((e) => e.start >= codeStart && e.start < fenceEnd && e.type === 'person'));
  });

  it('the worker answers a preview and keeps the text, so the whole analysis that follows needs no text', () => {
    const uri = 'mem:/preview.md';
    const from = Math.floor(text.length / 2);
    const r = handle({ id: 1, kind: 'preview', uri, version: 3, text, options: { format: 'markdown' }, from, to: from + 800 });
    assert.ok(r.ok && r.analysis);
    assert.deepEqual(r.analysis, previewAnalysis(text, from, from + 800, { format: 'markdown' }));
    const whole = handle({ id: 2, kind: 'analyze', uri, version: 3, options: { format: 'markdown' } });
    assert.ok(whole.ok && whole.analysis);
    assert.deepEqual(whole.analysis, analyze(text, { format: 'markdown' }));
    const unknown = handle({ id: 3, kind: 'preview', uri: 'mem:/never.md', version: 1, from: 0, to: 10 });
    assert.ok(!unknown.ok && unknown.resync);
  });
});
