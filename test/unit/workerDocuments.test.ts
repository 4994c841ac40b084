import * as assert from 'node:assert/strict';
import { analyze, applyAnalysisPatch, findMarkup } from '../../src/core';
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

  it('answers with a patch on the analysis the host holds: only the entities between the unchanged ones cross', () => {
    const uri = 'mem:/patch.md';
    const text = [TEXT, TEXT.replace('Maria Lopez', 'Jonas Berg'), TEXT.replace('Lisbon', 'Riga')].join('\n\n');
    const first = handle({ id: 1, kind: 'analyze', uri, version: 1, text });
    assert.ok(first.ok && first.analysis);
    // Type a name into the middle paragraph.
    const at = text.indexOf('Jonas Berg') + 'Jonas Berg'.length;
    const changes = [{ offset: at, length: 0, text: ' and Mira Holt' }];
    assert.ok(handle({ id: 2, kind: 'edit', uri, version: 2, changes }).ok);
    const r = handle({ id: 3, kind: 'analyze', uri, version: 2, base: 1 });
    assert.ok(r.ok && r.patch && !r.analysis);
    const edited = applyChanges(text, changes);
    const whole = analyze(edited);
    assert.deepEqual(applyAnalysisPatch(first.analysis, r.patch), whole);
    assert.ok(r.patch.head > 0 && r.patch.tail > 0 && r.patch.middle.length < whole.entities.length / 2, `head ${r.patch.head}, tail ${r.patch.tail}, middle ${r.patch.middle.length} of ${whole.entities.length}`);
    // A base it did not send: the whole analysis.
    const unknown = handle({ id: 4, kind: 'analyze', uri, version: 2, base: 7 });
    assert.ok(unknown.ok && unknown.analysis && !unknown.patch);
    assert.deepEqual(unknown.analysis, whole);
  });

  it('several changes of one event apply in the coordinates of the text before it', () => {
    const t = 'abc def ghi';
    assert.equal(applyChanges(t, [{ offset: 0, length: 3, text: 'X' }, { offset: 8, length: 3, text: 'YY' }]), 'X def YY');
  });
});

// Our own report: two people, one of them also called by an alias the registry knows, one name on the ignore list.
const REPORT = [
  '# Port update',
  '',
  'On 4 June 2024 Maria Lopez, the harbour master, met Anton Reyes in Lisbon. Lopez said the berths would reopen.',
  '',
  'The Harbour Chief told reporters that Jonas Berg of the Harbour Authority would inspect the cranes. Berg agreed.',
  '',
].join('\n');

describe('[worker] the document model answers the host (actors, summary, exports, dates, threat picture)', () => {
  const uri = 'mem:/model.md';
  const registry = [{ name: 'Maria Lopez', aliases: ['Harbour Chief'], type: 'person' as const, role: 'Harbour master' }];
  const actorsOf = (r: ReturnType<typeof handle>) => {
    assert.ok(r.ok, r.ok ? '' : r.error);
    return r.value as { name: string; mentions: { text: string }[]; registry?: unknown; roles: string[] }[];
  };

  it('actors are built with the registry and the ignore list the host sends', () => {
    assert.ok(handle({ id: 1, kind: 'analyze', uri, version: 1, text: REPORT, options: { format: 'markdown' } }).ok);
    const plain = actorsOf(handle({ id: 2, kind: 'model', uri, version: 1, options: { format: 'markdown' }, query: { what: 'actors', actors: {} } }));
    assert.ok(plain.some((a) => a.name === 'Jonas Berg'));
    const actors = actorsOf(handle({ id: 3, kind: 'model', uri, version: 1, options: { format: 'markdown' }, query: { what: 'actors', actors: { registry, ignore: ['Jonas Berg'] } } }));
    const lopez = actors.find((a) => a.name === 'Maria Lopez');
    assert.ok(lopez?.registry, 'the registry entry is applied');
    assert.ok(lopez.mentions.some((m) => m.text === 'Harbour Chief'), 'the alias is merged into the actor');
    assert.ok(!actors.some((a) => a.name === 'Jonas Berg' || a.name === 'Berg'), 'the ignored name is no actor');
  });

  it('the summary and an export honour the registry, and list the annotations sent', () => {
    const query = { actors: { registry, ignore: ['Jonas Berg'] }, format: 'markdown' as const, summary: { title: 'Port update', reportDate: '2024-06-05' } };
    const r = handle({ id: 4, kind: 'model', uri, version: 1, options: { format: 'markdown' }, query: { what: 'summary', ...query } });
    assert.ok(r.ok && r.value, r.ok ? '' : r.error);
    const summary = r.value as { actors: { name: string; role?: string; aliases?: string[] }[] };
    assert.ok(summary.actors.some((a) => a.name === 'Maria Lopez'));
    assert.ok(!summary.actors.some((a) => /Berg|Harbour Chief/.test(a.name)), summary.actors.map((a) => a.name).join(', '));
    const json = handle({ id: 5, kind: 'model', uri, version: 1, options: { format: 'markdown' }, query: { what: 'export', exportAs: { format: 'json', source: uri }, ...query } });
    assert.ok(json.ok && typeof json.value === 'string');
    const exported = JSON.parse(json.value) as typeof summary;
    assert.deepEqual(exported.actors.map((a) => a.name), summary.actors.map((a) => a.name));
    const md = handle({ id: 13, kind: 'model', uri, version: 1, options: { format: 'markdown' }, query: { what: 'export', exportAs: { format: 'md', source: uri }, ...query } });
    assert.ok(md.ok && typeof md.value === 'string');
    assert.match(md.value, /Maria Lopez/);
  });

  it('uses the analysis the host sends (the analyst corrected it) instead of its own', () => {
    const own = handle({ id: 6, kind: 'analyze', uri, version: 1, options: { format: 'markdown' } });
    assert.ok(own.ok && own.analysis);
    // The analyst said "Anton Reyes" is not an entity: the host's analysis lacks it, and so do the actors.
    const corrected = { ...own.analysis, entities: own.analysis.entities.filter((e) => e.text !== 'Anton Reyes') };
    assert.notEqual(corrected.entities.length, own.analysis.entities.length);
    const actors = actorsOf(handle({ id: 7, kind: 'model', uri, version: 1, options: { format: 'markdown' }, analysis: corrected, query: { what: 'actors', actors: {} } }));
    assert.ok(!actors.some((a) => a.name === 'Anton Reyes'));
    const again = actorsOf(handle({ id: 8, kind: 'model', uri, version: 1, options: { format: 'markdown' }, query: { what: 'actors', actors: {} } }));
    assert.ok(again.some((a) => a.name === 'Anton Reyes'), 'without it, the worker analysis again');
  });

  it('resolves dates and follows edits; a version it does not hold asks for the text', () => {
    const t = handle({ id: 9, kind: 'model', uri, version: 1, options: { format: 'markdown' }, query: { what: 'temporal', dates: {} } });
    assert.ok(t.ok);
    assert.deepEqual((t.value as { entries: { date?: string }[] }).entries.map((e) => e.date), ['2024-06-04']);
    const at = REPORT.indexOf('Anton Reyes');
    assert.ok(handle({ id: 10, kind: 'edit', uri, version: 2, changes: [{ offset: at, length: 'Anton Reyes'.length, text: 'Mira Holt' }] }).ok);
    const actors = actorsOf(handle({ id: 11, kind: 'model', uri, version: 2, options: { format: 'markdown' }, query: { what: 'actors', actors: {} } }));
    assert.ok(actors.some((a) => a.name === 'Mira Holt') && !actors.some((a) => a.name === 'Anton Reyes'));
    const stale = handle({ id: 12, kind: 'model', uri, version: 1, query: { what: 'indexEntry', actors: {} } });
    assert.ok(!stale.ok && stale.resync);
  });

  it('indexes a workspace report with the corrections and the registry it is given', () => {
    const plain = handle({ id: 14, kind: 'index', uri: 'mem:/index.md', text: REPORT, options: { format: 'markdown' } });
    assert.ok(plain.ok && plain.entry);
    assert.ok(plain.entry.actors.some((a) => a.name === 'Anton Reyes'));
    const r = handle({
      id: 15,
      kind: 'index',
      uri: 'mem:/index.md',
      text: REPORT,
      options: { format: 'markdown' },
      inputs: { actors: { registry, ignore: ['Jonas Berg'] }, corrections: [{ text: 'Anton Reyes', type: null }] },
    });
    assert.ok(r.ok && r.entry);
    const names = r.entry.actors.map((a) => a.name);
    assert.ok(!names.includes('Anton Reyes'), 'the correction (not an entity) applies');
    assert.ok(!names.some((n) => /Berg/.test(n)), 'the ignored name is not indexed');
    const lopez = r.entry.actors.find((a) => a.name === 'Maria Lopez');
    const alias = REPORT.indexOf('Harbour Chief');
    assert.ok(lopez?.mentions.some(([start]) => start === alias), 'the alias is filed under the registry name');
  });
});
