import * as assert from 'node:assert/strict';
import { createDocumentModel, exportSummary, summarize, toStix, VersionedCache, type RegistryEntry } from '../../src/core';

// Our own text (not from any data set).
const REPORT = [
  '# Harbour incident',
  '',
  'Colonel Anton Reyes of the Northern Fleet said on Monday that the tanker was boarded near the port of Odesa.',
  'Reyes said the crew was safe. Captain Mira Holt, who commands the frigate Vigil, told reporters the boarding was lawful.',
  '',
  'Peter Quill, a blogger, repeated the claim. The Northern Fleet later issued a statement. Reyes declined to comment further.',
].join('\n');

const REGISTRY: RegistryEntry[] = [
  { name: 'Anton Reyes', aliases: ['Col. Reyes', 'Reyes'], type: 'person', role: 'Fleet Commander', affiliation: 'Ukraine' },
];
const IGNORE = ['Peter Quill'];

describe('[core/model] document model', () => {
  it('builds each layer once per version and reuses it', () => {
    const m = createDocumentModel(REPORT, { version: 3, format: 'markdown' });
    assert.equal(m.version, 3);
    assert.equal(m.analysis, m.analysis);
    assert.equal(m.actors, m.actors);
    assert.equal(m.sentences, m.sentences);
    assert.equal(m.sentences[0].kind, 'heading');
    assert.deepEqual(m.position(REPORT.indexOf('Colonel')), { line: 3, column: 1 });
    const s1 = m.summary({ reportDate: '2024-05-06' });
    assert.equal(m.summary({ reportDate: '2024-05-06' }), s1, 'same options: the kept summary');
    assert.notEqual(m.summary({ reportDate: '2024-05-07' }), s1);
  });

  it('the summary from the model equals summarize() on the same text and options', () => {
    const m = createDocumentModel(REPORT);
    const opts = { reportDate: '2024-05-06', title: 'harbour' };
    const viaModel = m.summary(opts);
    const direct = summarize(REPORT, opts);
    assert.deepEqual(viaModel, direct);
  });

  it('the summary and every export honour the registry: alias merged, ignored name absent, role from the registry', () => {
    const without = createDocumentModel(REPORT).summary({ reportDate: '2024-05-06' });
    assert.ok(without.actors.some((a) => a.name === 'Peter Quill'), 'without the ignore list, the blogger is an actor');
    const m = createDocumentModel(REPORT, { registry: REGISTRY, ignore: IGNORE });
    const s = m.summary({ reportDate: '2024-05-06' });
    const reyes = s.actors.filter((a) => /Reyes/.test(a.name));
    assert.equal(reyes.length, 1, `one actor for Reyes: ${reyes.map((a) => a.name).join(', ')}`);
    assert.equal(reyes[0].name, 'Anton Reyes');
    assert.ok(reyes[0].mentionCount >= 3, 'the alias mentions merged into the registry actor');
    assert.ok(reyes[0].roles.includes('Fleet Commander'), `registry role: ${reyes[0].roles.join(', ')}`);
    assert.ok(!s.actors.some((a) => a.name === 'Peter Quill'), 'ignored name absent from the summary');
    // The hover / Actors view read the same actors.
    assert.ok(m.actors.some((a) => a.name === 'Anton Reyes' && a.roles.includes('Fleet Commander')));
    assert.ok(!m.actors.some((a) => a.name === 'Peter Quill'));

    const md = exportSummary(s, 'md');
    assert.match(md, /Anton Reyes/);
    assert.match(md, /Fleet Commander/);
    assert.doesNotMatch(md, /Peter Quill/);

    const json = JSON.parse(exportSummary(s, 'json'));
    const jr = json.actors.filter((a: { name: string }) => /Reyes/.test(a.name));
    assert.equal(jr.length, 1);
    assert.ok(jr[0].roles.includes('Fleet Commander'));
    assert.ok(!JSON.stringify(json.actors).includes('Peter Quill'));

    const csv = exportSummary(s, 'csv');
    const rows = csv.split(/\r?\n/).filter((l) => /Reyes/.test(l) && /^"?actor/i.test(l));
    assert.ok(csv.includes('Anton Reyes') && csv.includes('Fleet Commander'), 'CSV names the registry actor and role');
    assert.ok(!csv.includes('Peter Quill'));
    assert.ok(rows.every((r) => r.includes('Anton Reyes')), `no CSV actor row for a bare alias: ${rows.join(' | ')}`);

    const stix = toStix(s);
    const people = stix.objects.filter((o) => o.type === 'identity' || o.type === 'threat-actor');
    const sr = people.filter((o) => /Reyes/.test(String((o as { name?: string }).name)));
    assert.equal(sr.length, 1);
    assert.equal((sr[0] as { name?: string }).name, 'Anton Reyes');
    assert.ok(((sr[0] as { roles?: string[] }).roles ?? []).includes('Fleet Commander'));
    assert.ok(!exportSummary(s, 'stix').includes('Peter Quill'));
  });

  it('a selection summary still honours the registry', () => {
    const m = createDocumentModel(REPORT, { registry: REGISTRY, ignore: IGNORE });
    const start = REPORT.indexOf('Peter Quill');
    const s = m.summary({ reportDate: '2024-05-06', selection: [start, REPORT.length] });
    assert.ok(!s.actors.some((a) => a.name === 'Peter Quill'));
    assert.ok(s.actors.some((a) => a.name === 'Anton Reyes'));
  });

  it('a versioned cache keeps one value per document version, least recently used dropped first', () => {
    const c = new VersionedCache<string>(2);
    c.set('a', 1, 'a1');
    assert.equal(c.get('a', 1), 'a1');
    assert.equal(c.get('a', 2), undefined, 'another version is a miss');
    assert.equal(c.peek('a')?.value, 'a1');
    c.set('b', 1, 'b1');
    c.get('a', 1);
    c.set('c', 1, 'c1');
    assert.deepEqual(c.keys(), ['a', 'c'], 'b was the least recently used');
    let made = 0;
    assert.equal(c.getOrCreate('c', 2, () => (made++, 'c2')), 'c2');
    assert.equal(c.getOrCreate('c', 2, () => (made++, 'c2!')), 'c2');
    assert.equal(made, 1);
  });
});
