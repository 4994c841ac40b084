import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import {
  addRegistryAlias,
  addRegistrySplit,
  analyze,
  applyCorrections,
  buildActors,
  explainTemporal,
  parseRegistry,
  readQuantity,
  resolveTemporal,
  setRegistryCorrection,
  summarize,
  titleOwner,
} from '../../src/core';

// Our own text (not from any data set).
const TEXT = [
  'Date: 12 March 2024',
  '',
  'Minister Elena Vasquez met Harbor Logistics executives in Valparaiso on Tuesday.',
  'Vasquez said yesterday that Harbor Logistics would move 300 containers a week.',
  'Harbor Logistics declined to comment.',
].join('\n');

const schema = JSON.parse(readFileSync(join(__dirname, '..', '..', 'schemas', 'actors.schema.json'), 'utf8'));
const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);

describe('corrections (registry "corrections" and "splits")', () => {
  it('"Not an entity" removes every highlight of that text; counts follow', () => {
    const a = analyze(TEXT);
    const target = a.entities.find((e) => e.type !== 'date' && e.type !== 'time');
    assert.ok(target, 'the text has a non-temporal entity');
    const before = a.entities.filter((e) => e.text.toLowerCase() === target.text.toLowerCase()).length;
    const c = applyCorrections(TEXT, a, [{ text: target.text.toUpperCase(), type: null }]);
    assert.equal(c.entities.filter((e) => e.text.toLowerCase() === target.text.toLowerCase()).length, 0);
    assert.equal(c.entities.length, a.entities.length - before);
    assert.equal(c.counts[target.type], a.counts[target.type] - a.entities.filter((e) => e.text.toLowerCase() === target.text.toLowerCase() && e.type === target.type).length);
  });

  it('"Change type" retypes every occurrence and marks the ones the tagger missed', () => {
    const a = analyze(TEXT);
    const c = applyCorrections(TEXT, a, [{ text: 'Harbor Logistics', type: 'place' }]);
    const spans = c.entities.filter((e) => e.text === 'Harbor Logistics');
    assert.equal(spans.length, 3, 'all three occurrences');
    assert.ok(spans.every((e) => e.type === 'place'));
    for (const e of c.entities) assert.equal(TEXT.slice(e.start, e.end), e.text);
    // Spans of one type never overlap.
    for (let i = 1; i < c.entities.length; i++) {
      const prev = c.entities.filter((e, j) => j < i && e.type === c.entities[i].type);
      assert.ok(prev.every((p) => p.end <= c.entities[i].start), 'no overlap within a type');
    }
    assert.equal(applyCorrections(TEXT, a, []), a, 'no corrections: the same analysis');
  });

  it('never adds a highlight in front matter or fenced code', () => {
    const text = '---\nauthor: Harbor Logistics\n---\n\nHarbor Logistics met the press.\n\n```\nHarbor Logistics\n```\n';
    const c = applyCorrections(text, analyze(text, { format: 'markdown' }), [{ text: 'Harbor Logistics', type: 'organization' }]);
    assert.deepEqual(
      c.entities.filter((e) => e.text === 'Harbor Logistics').map((e) => e.start),
      [text.indexOf('Harbor Logistics met')],
    );
  });

  it('corrections reach the summary: an organisation retyped as a place moves from organizations to places', () => {
    const a = applyCorrections(TEXT, analyze(TEXT), [{ text: 'Harbor Logistics', type: 'place' }]);
    const s = summarize(TEXT, { analysis: a });
    assert.ok(!s.organizations.some((o) => o.name === 'Harbor Logistics'));
    assert.ok(s.places.some((p) => p.name === 'Harbor Logistics'));
    const gone = summarize(TEXT, { analysis: applyCorrections(TEXT, analyze(TEXT), [{ text: 'Harbor Logistics', type: null }]) });
    assert.ok(![...gone.organizations, ...gone.places, ...gone.actors].some((x) => x.name === 'Harbor Logistics'));
  });

  it('"Split from this actor" makes the surname an actor of its own', () => {
    const a = analyze(TEXT);
    const merged = buildActors(TEXT, a);
    const elena = merged.find((x) => x.name === 'Elena Vasquez');
    assert.ok(elena && elena.mentions.some((m) => m.text === 'Vasquez'), 'the surname is merged first');
    const split = buildActors(TEXT, a, { splits: [{ text: 'Vasquez', from: 'Elena Vasquez' }] });
    const e2 = split.find((x) => x.name === 'Elena Vasquez')!;
    const v = split.find((x) => x.name === 'Vasquez');
    assert.ok(v, 'a separate actor');
    assert.ok(!e2.mentions.some((m) => m.text === 'Vasquez'));
    assert.equal(v.mentionCount, v.mentions.length);
  });

  it('"Split from this actor" takes along the pronouns that follow the split-off name and the quotes it speaks', () => {
    // Our own text: a minister and, later, her sister-in-law under the surname alone.
    const text = [
      'Minister Elena Vasquez opened the port in Valparaiso on Tuesday. She thanked the dock workers.',
      'Vasquez, a customs broker, said her firm would hire forty people. She spoke to reporters outside.',
      '"The berths will be ready by spring," Vasquez said.',
    ].join('\n');
    const a = analyze(text);
    const merged = buildActors(text, a).find((x) => x.name === 'Elena Vasquez');
    assert.ok(merged?.pronounMentions?.length, 'the pronouns are linked before the split');
    const all = merged.pronounMentions.map((p) => p.start);
    const split = buildActors(text, a, { splits: [{ text: 'Vasquez', from: 'Elena Vasquez' }] });
    const elena = split.find((x) => x.name === 'Elena Vasquez')!;
    const broker = split.find((x) => x.name === 'Vasquez')!;
    const second = text.indexOf('Vasquez, a customs');
    assert.ok((elena.pronounMentions ?? []).every((p) => p.start < second), 'the minister keeps only pronouns before the surname');
    assert.ok(broker.pronounMentions?.length && broker.pronounMentions.every((p) => p.start > second), 'the broker gets the pronouns after it');
    assert.deepEqual([...(elena.pronounMentions ?? []), ...broker.pronounMentions].map((p) => p.start).sort((x, y) => x - y), all, 'no pronoun lost or doubled');
    const quoted = text.indexOf('The berths');
    assert.ok(merged.quotes.some((q) => q.start <= quoted && q.end > quoted), 'the quote is the merged actor\'s before the split');
    assert.ok(broker.quotes.some((q) => q.start <= quoted && q.end > quoted && q.speakerId === broker.id), 'the broker speaks it after the split');
    assert.ok(!elena.quotes.some((q) => q.start <= quoted && q.end > quoted), 'the minister no longer does');
  });

  it('writes corrections, splits and aliases into the registry text, schema-valid and read back', () => {
    let reg = '';
    reg = setRegistryCorrection(reg, { text: 'Harbor Logistics', type: 'place' });
    reg = setRegistryCorrection(reg, { text: 'harbor logistics', type: null });
    reg = addRegistrySplit(reg, { text: 'Vasquez', from: 'Elena Vasquez' });
    reg = addRegistrySplit(reg, { text: 'Vasquez', from: 'Elena Vasquez' });
    reg = addRegistryAlias(reg, 'Elena Vasquez', 'the Minister', 'person');
    reg = addRegistryAlias(reg, 'Elena Vasquez', 'EV');
    const parsed = parseRegistry(reg);
    assert.deepEqual(parsed.problems, []);
    assert.deepEqual(parsed.corrections, [{ text: 'harbor logistics', type: null }], 'the later correction replaces the earlier one');
    assert.deepEqual(parsed.splits, [{ text: 'Vasquez', from: 'Elena Vasquez' }]);
    assert.deepEqual(parsed.actors.map((x) => [x.name, x.aliases]), [['Elena Vasquez', ['the Minister', 'EV']]]);
    assert.ok(validate(JSON.parse(reg)), JSON.stringify(validate.errors));
  });

  it('reports malformed corrections with their place and keeps the good ones', () => {
    const reg = '{ "corrections": [ { "text": "X", "type": "weapon" }, { "type": "place" }, { "text": "Y", "type": "organisation" } ], "splits": 3 }';
    const p = parseRegistry(reg);
    assert.deepEqual(p.corrections, [{ text: 'Y', type: 'organization' }]);
    assert.equal(p.problems.filter((x) => x.severity === 'error').length, 3);
    assert.equal(reg.slice(p.problems[0].start, p.problems[0].end), '"weapon"');
  });
});

describe('entity hovers: dates, titles, quantities', () => {
  it('resolves dates as the summary does and says how', () => {
    const a = analyze(TEXT);
    const r = resolveTemporal(TEXT, a);
    assert.equal(r.reportDate.date, '2024-03-12');
    const yesterday = r.entries.find((e) => e.text === 'yesterday');
    assert.ok(yesterday, 'yesterday is a date');
    assert.equal(yesterday.date, '2024-03-11');
    const ex = explainTemporal(yesterday, r.reportDate);
    assert.equal(ex.value, '2024-03-11');
    assert.match(ex.how, /relative: resolved against the report date 2024-03-12 \(from the dateline\)/);
    const summary = summarize(TEXT, { analysis: a });
    // Every date of the summary's timeline resolves the same in the hover. The dateline's own date is metadata, not a
    // timeline entry, but it is highlighted, so its hover gives the report date.
    const byStart = new Map(r.entries.map((e) => [e.start, e.date]));
    assert.ok(summary.timeline.length >= 2, 'the timeline has the relative dates');
    for (const t of summary.timeline) assert.equal(byStart.get(t.start), t.date, `the same resolution as the summary timeline for "${t.text}"`);
    const dateline = r.entries.find((e) => !summary.timeline.some((t) => t.start === e.start));
    if (dateline) assert.equal(dateline.date, r.reportDate.date);
  });

  it('a title belongs to the person it precedes', () => {
    const a = analyze(TEXT);
    const title = a.entities.find((e) => e.type === 'title' && e.text === 'Minister');
    assert.ok(title, 'Minister is a title');
    assert.equal(titleOwner(TEXT, title, buildActors(TEXT, a))?.name, 'Elena Vasquez');
  });

  it('reads quantities', () => {
    assert.deepEqual(readQuantity('300 containers'), { value: 300, unit: 'containers', approximate: false });
    assert.deepEqual(readQuantity('about 2.5 million dollars'), { value: 2_500_000, unit: 'dollars', approximate: true });
    assert.deepEqual(readQuantity('three battalions'), { value: 3, unit: 'battalions', approximate: false });
    assert.deepEqual(readQuantity('$1,200'), { value: 1200, unit: '$', approximate: false });
  });
});
