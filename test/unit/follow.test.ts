import * as assert from 'node:assert/strict';
import { analyze, followEdits, followWindow, paragraphAround, type TrackedRange } from '../../src/core';

const track = (text: string): TrackedRange[] => analyze(text).entities.map((e) => ({ start: e.start, end: e.end, type: e.type, text: e.text }));
const edit = (text: string, offset: number, length: number, insert: string) => text.slice(0, offset) + insert + text.slice(offset + length);

/** Every kept range is marked, with the same type, by the analysis of the edited text. */
function assertNotStale(ranges: TrackedRange[], text: string) {
  const fresh = analyze(text).entities;
  for (const r of ranges) {
    assert.ok(
      fresh.some((e) => e.type === r.type && e.start <= r.start && r.end <= e.end),
      `stale ${r.type} "${text.slice(r.start, r.end)}"@${r.start} (was "${r.text}")`,
    );
  }
}

// Our own text.
const TEXT = [
  'Boris Johnson spoke in London on Monday.',
  'He met Angela Merkel at the embassy.',
  '',
  'Later, the talks moved to Berlin. Johnson left early.',
  '',
  'Reporters in Paris asked Merkel about the summit.',
].join('\n');

describe('[core/model/follow] highlights follow an edit while its analysis is pending', () => {
  it('shifts ranges after the edit, drops the touched one and its paragraph', () => {
    const before = track(TEXT);
    const at = TEXT.indexOf('Merkel at');
    const after = edit(TEXT, at, 0, 'x');
    const kept = followEdits(before, [{ offset: at, length: 0, text: 'x' }], after);
    assert.ok(!kept.some((r) => r.text === 'Angela Merkel'), 'the touched name is dropped');
    assert.ok(!kept.some((r) => r.text === 'Merkel'), 'and so are other mentions of its words');
    const berlin = kept.find((r) => r.text === 'Berlin');
    assert.ok(berlin, 'a range in another paragraph is kept');
    assert.equal(after.slice(berlin.start, berlin.end), 'Berlin', 'and moved by the insertion');
    assert.ok(kept.some((r) => r.text === 'London'), 'a line ending a sentence before the edit is another unit: kept');
    assertNotStale(kept, after);
  });

  it('deletions and replacements move later ranges back', () => {
    const before = track(TEXT);
    const at = TEXT.indexOf('the talks');
    const after = edit(TEXT, at, 'the talks'.length, 'it');
    const kept = followEdits(before, [{ offset: at, length: 'the talks'.length, text: 'it' }], after);
    const paris = kept.find((r) => r.text === 'Paris')!;
    assert.equal(after.slice(paris.start, paris.end), 'Paris');
    assertNotStale(kept, after);
  });

  it('typing right after a name drops it (VS Code would have stretched it)', () => {
    const before = track(TEXT);
    const at = TEXT.indexOf('Johnson') + 'Johnson'.length;
    const kept = followEdits(before, [{ offset: at, length: 0, text: ' sp' }]);
    assert.ok(!kept.some((r) => r.text === 'Boris Johnson'));
  });

  it('random single-character edits never leave a stale range', () => {
    let text = TEXT;
    let ranges = track(text);
    let seed = 11;
    for (let i = 0; i < 40; i++) {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      const at = seed % text.length;
      const del = i % 3 === 0 ? 1 : 0;
      const ins = i % 3 === 0 ? '' : 'q';
      const next = edit(text, at, del, ins);
      ranges = followEdits(ranges, [{ offset: at, length: del, text: ins }], next);
      assertNotStale(ranges, next);
      text = next;
      if (i % 10 === 9) ranges = track(text); // an analysis arrives now and then
    }
  });

  it('reading only followWindow of a long text gives what the whole text gives', () => {
    // ~120 kB: paragraphs, some hard-wrapped without sentence ends, so paragraph searches run far.
    const parts: string[] = [];
    for (let i = 0; i < 900; i++) parts.push(i % 7 === 3 ? `Maria Lopez met officials in Lisbon\nand Odesa about item ${i}\nwith the Red Cross` : `Anton Reyes of the Harbour Authority spoke in Oslo on ${(i % 27) + 1} March about shipment ${i}.`);
    const text = parts.map((p, i) => (i % 5 === 4 ? `${p}\n\n` : `${p} `)).join('');
    const ranges = track(text).map((r, i) => ({ ...r, id: i }));
    let seed = 5;
    for (let k = 0; k < 30; k++) {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      const at = seed % text.length;
      const changes = k % 4 === 0 ? [{ offset: at, length: 3, text: '' }, { offset: Math.min(text.length, at + 50), length: 0, text: 'Elena Petrova\n' }] : [{ offset: at, length: k % 2, text: 'Mira' }];
      const after = [...changes].sort((a, b) => b.offset - a.offset).reduce((t, c) => edit(t, c.offset, c.length, c.text), text);
      const [from, to] = followWindow(changes, after.length);
      assert.ok(to - from < after.length, 'the window is shorter than the text');
      const whole = followEdits(ranges, changes, after);
      const windowed = followEdits(ranges, changes, after.slice(from, to), from);
      assert.deepEqual(windowed, whole, `edit ${k} at ${at}`);
      assert.ok(whole.every((r) => typeof r.id === 'number'), 'other properties are kept');
    }
  });

  it('the unit of analysis: blank lines and sentence-ending line breaks', () => {
    const t = 'One line.\nTwo\nwrapped line.\n\nThree.';
    assert.deepEqual(paragraphAround(t, t.indexOf('wrapped')), [t.indexOf('Two'), t.indexOf('\n\n')]);
    assert.deepEqual(paragraphAround(t, 2), [0, t.indexOf('\nTwo')]);
    assert.deepEqual(paragraphAround(t, t.length), [t.indexOf('Three'), t.length]);
  });
});
