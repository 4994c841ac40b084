import * as assert from 'node:assert/strict';
import { analyze, findMarkup } from '../../src/core';
import { applyChanges, handle } from '../../src/worker/handler';

// Our own text.
const TEXT = 'Maria Lopez met Anton Reyes in Lisbon on 5 March 2024.\n\nThe Harbour Authority said TLP:AMBER data was shared.';

describe('[worker] documents follow edits (deltas), never the whole text again', () => {
  it('applies an edit to its copy and analyses that version without the text being sent', () => {
    const uri = 'mem:/deltas.md';
    let r = handle({ id: 1, kind: 'analyze', uri, version: 1, text: TEXT });
    assert.ok(r.ok);
    const at = TEXT.indexOf('Lisbon');
    const changes = [{ offset: at, length: 'Lisbon'.length, text: 'Oslo' }];
    r = handle({ id: 2, kind: 'edit', uri, version: 2, changes });
    assert.ok(r.ok);
    r = handle({ id: 3, kind: 'analyze', uri, version: 2 });
    assert.ok(r.ok && r.analysis);
    const edited = applyChanges(TEXT, changes);
    assert.equal(edited, TEXT.replace('Lisbon', 'Oslo'));
    assert.deepEqual(r.analysis, analyze(edited));
    r = handle({ id: 4, kind: 'markup', uri, version: 2, options: { maxLength: 1e6, rules: {}, lint: true } });
    assert.ok(r.ok && r.markup);
    assert.deepEqual(r.markup.spans, findMarkup(edited));
  });

  it('asks for the text when it does not have the version (missed edit, unknown document)', () => {
    const uri = 'mem:/resync.md';
    handle({ id: 1, kind: 'analyze', uri, version: 1, text: TEXT });
    const gap = handle({ id: 2, kind: 'edit', uri, version: 3, changes: [{ offset: 0, length: 0, text: 'x' }] });
    assert.ok(!gap.ok && gap.resync, 'an edit from a version it does not hold');
    const r = handle({ id: 3, kind: 'analyze', uri, version: 3 });
    assert.ok(!r.ok && r.resync, 'then no version is analysed from a guess');
    const fresh = handle({ id: 4, kind: 'analyze', uri: 'mem:/never-seen.md', version: 1 });
    assert.ok(!fresh.ok && fresh.resync);
  });

  it('several changes of one event apply in the coordinates of the text before it', () => {
    const t = 'abc def ghi';
    assert.equal(applyChanges(t, [{ offset: 0, length: 3, text: 'X' }, { offset: 8, length: 3, text: 'YY' }]), 'X def YY');
  });
});
