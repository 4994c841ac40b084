import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, summarize, type Summary } from '../../src/core';

const SAMPLE = join(__dirname, '..', 'fixtures', 'sample');
const sampleText = readFileSync(join(SAMPLE, 'dubrovnik-visit.txt'), 'utf8');
const expected = JSON.parse(readFileSync(join(SAMPLE, 'dubrovnik-visit.expected.json'), 'utf8'));
const SAMPLE_DATE: string = expected.report_date;

/** Every object with start/end/text in the summary quotes the report exactly. */
function assertSpansMatch(summary: Summary, text: string): number {
  let n = 0;
  const walk = (node: unknown, path: string) => {
    if (Array.isArray(node)) node.forEach((x, i) => walk(x, `${path}[${i}]`));
    else if (node && typeof node === 'object') {
      const o = node as Record<string, unknown>;
      if (typeof o.start === 'number' && typeof o.end === 'number' && typeof o.text === 'string' && !path.endsWith('reportDate')) {
        assert.equal(text.slice(o.start, o.end), o.text, `${path} quotes the text at its offsets`);
        n++;
      }
      for (const [k, v] of Object.entries(o)) walk(v, `${path}.${k}`);
    }
  };
  walk(summary, 'summary');
  return n;
}

const surname = (name: string) => name.split(/\s+/).pop()!;
const names = (ps: { name: string }[]) => ps.map((p) => p.name);

describe('[summary/sample] Vasconcelos in Dubrovnik', () => {
  const s = summarize(sampleText, { reportDate: SAMPLE_DATE });
  const exp = expected.summary_expectations;

  it('who names the main actors (Vasconcelos and Kovacevic)', () => {
    for (const who of exp.who) assert.ok(s.fiveW.who.items.some((i) => i.includes(surname(who))), `who has ${who}: ${s.fiveW.who.answer}`);
    assert.ok(s.fiveW.who.evidence, 'who quotes its sentence');
  });

  it('where is Dubrovnik, when is "this morning" resolved to the report date', () => {
    for (const w of exp.where) assert.ok(s.fiveW.where.answer.includes(w), `where: ${s.fiveW.where.answer}`);
    for (const w of exp.when) assert.ok(s.fiveW.when.items.includes(w), `when: ${s.fiveW.when.answer}`);
    assert.match(s.fiveW.when.answer, new RegExp(SAMPLE_DATE));
    const entry = s.timeline.find((t) => t.text === 'this morning');
    assert.equal(entry?.date, SAMPLE_DATE);
    assert.equal(entry?.relative, true);
    assert.equal(s.timeline.find((t) => t.text === 'last Tuesday')?.date, '2025-03-11', 'the Tuesday before Friday 14 March');
    assert.equal(s.reportDate.source, 'option');
  });

  it('what is the meeting; why and how come from the text with their sentences', () => {
    assert.match(s.fiveW.what.answer, /Vasconcelos met .*Kovacevic/);
    assert.match(s.fiveW.why.answer, new RegExp(exp.why));
    assert.match(s.fiveW.why.evidence!.text, /The aim of this visit/);
    assert.match(s.fiveW.how.answer, new RegExp(exp.how));
  });

  it('BLUF names Vasconcelos, Kovacevic and Dubrovnik in one or two sentences of the report', () => {
    for (const m of exp.bluf_mentions) assert.ok(s.bluf.text.includes(m), `BLUF mentions ${m}: ${s.bluf.text}`);
    assert.ok(s.bluf.sentences.length >= 1 && s.bluf.sentences.length <= 2);
  });

  it('finds the meetings Vasconcelos–Kovacevic (in Dubrovnik, this morning) and Vasconcelos–Jurak (in Dubrovnik)', () => {
    const meetings = expected.events.filter((x: { type: string }) => x.type === 'meeting');
    assert.equal(meetings.length, 2);
    for (const e of meetings) {
      const r = s.relations.find((x) => x.type === 'meeting' && e.participants.every((p: string) => names(x.participants).some((n) => n.includes(surname(p)))));
      assert.ok(r, `meeting ${e.participants.join(' / ')} in ${s.relations.map((x) => x.description).join(' | ')}`);
      assert.match(r.where?.name ?? '', new RegExp(e.where), `where of ${r.description}`);
      if (e.when) assert.equal(r.when?.text, e.when);
      assert.ok(r.evidence.text.length > 0);
    }
  });

  it('finds the warning Rome → Lisbon about the patrol scheme', () => {
    const e = expected.events.find((x: { type: string }) => x.type === 'warning');
    const r = s.relations.find((x) => x.type === 'warning');
    assert.ok(r, 'a warning');
    assert.deepEqual(names(r.participants.filter((p) => p.role === 'agent')), [e.source]);
    assert.deepEqual(names(r.participants.filter((p) => p.role === 'target')), [e.target]);
    assert.match(r.content ?? '', new RegExp(e.topic));
    // "On the eve of Vasconcelos’s arrival": the day before the trip.
    assert.equal(r.when?.date, e.date);
  });

  it('finds the trip to Dubrovnik and types other events', () => {
    const travel = s.relations.find((x) => x.type === 'travel');
    assert.match(travel?.where?.name ?? '', /Dubrovnik/);
    assert.equal(travel?.when?.text, 'this morning');
    const e = expected.events.find((x: { type: string }) => x.type === 'statement');
    const st = s.relations.find((x) => x.type === 'statement' && x.participants.some((p) => p.name === e.source));
    assert.ok(st, s.relations.map((x) => x.description).join(' | '));
    assert.equal(st.when?.date, e.date);
  });

  it('attributes the long quote to Vasconcelos', () => {
    const q = expected.quotes[0];
    const quote = s.quotes.find((x) => x.text.startsWith(q.starts));
    assert.ok(quote, 'the long quote');
    assert.ok(quote.text.endsWith(q.ends.replace(/\.$/, '')) || quote.text.endsWith(q.ends), quote.text.slice(-60));
    assert.match(quote.speaker ?? '', /Vasconcelos/);
  });

  it('lists actors with roles and affiliations, places with countries, ranked by salience', () => {
    const vasconcelos = s.actors.find((a) => a.name.includes('Vasconcelos'));
    assert.ok(vasconcelos);
    assert.equal(vasconcelos.affiliation, 'Portugal');
    assert.ok(vasconcelos.roles.some((r) => /Minister/.test(r)));
    const people = s.actors.filter((a) => a.type === 'person');
    assert.match(people[0].name, /Vasconcelos/, 'Vasconcelos is the most salient person');
    for (let i = 1; i < s.actors.length; i++) assert.ok(s.actors[i - 1].salience >= s.actors[i].salience);
    // Dubrovnik is not in the lexicon: its country comes from the text ("the Croatian resort city of Dubrovnik").
    const dubrovnik = s.places.find((p) => /Dubrovnik/.test(p.name));
    assert.equal(dubrovnik?.country, 'Croatia');
    assert.equal(s.places.find((p) => p.name === 'Rome')?.country, 'Italy');
  });

  it('key topics include the patrols, the agency, radar or migration', () => {
    const topics = s.topics.map((t) => t.text.toLowerCase());
    assert.ok(exp.topics_any_of.some((t: string) => topics.includes(t.toLowerCase())), topics.join(', '));
  });

  it('counts and mentions agree with the analysis; every span quotes the report', () => {
    assert.equal(s.counts.sentences, 16);
    assert.equal(s.counts.quotes, s.quotes.length);
    assert.equal(s.counts.relations, s.relations.length);
    assert.equal(s.counts.assessments, 1, expected.assessments[0]);
    assert.ok(s.mentions.every((m) => m.line >= 1 && m.column >= 1));
    assert.ok(assertSpansMatch(s, sampleText) > 50);
  });

  it('is deterministic', () => {
    assert.deepEqual(summarize(sampleText, { reportDate: SAMPLE_DATE }), s);
  });
});

describe('[summary/dates] report date and timeline', () => {
  const report = [
    '---',
    'title: Border talks',
    'date: 2024-03-14',
    '---',
    '# Border talks',
    '',
    'Foreign Minister Anna Kowalska met with her Ukrainian counterpart in Warsaw this morning.',
    'The two ministers spoke by phone yesterday and agreed to meet again next week.',
    'Their last meeting was on 5 January, three days ago a convoy was stopped at the border, and talks are due on Friday.',
  ].join('\n');
  const s = summarize(report);

  it('reads the report date from front matter and says so', () => {
    assert.deepEqual({ date: s.reportDate.date, source: s.reportDate.source }, { date: '2024-03-14', source: 'front-matter' });
    assert.equal(report.slice(s.reportDate.start, s.reportDate.end), '2024-03-14');
    assert.equal(s.title, 'Border talks');
  });

  it('resolves relative dates against it', () => {
    const at = (t: string) => s.timeline.find((x) => x.text === t);
    assert.equal(at('this morning')?.date, '2024-03-14');
    assert.equal(at('yesterday')?.date, '2024-03-13');
    assert.equal(at('three days ago')?.date, '2024-03-11');
    // A date without a year in a March report is the January before, not the next one.
    assert.equal(at('5 January')?.date, '2024-01-05');
    // A weekday after "due" is the coming one: 14 March 2024 is a Thursday.
    assert.equal(at('Friday')?.date, '2024-03-15');
    const next = at('next week');
    assert.ok(next?.date && next.date > '2024-03-14', `next week: ${JSON.stringify(next)}`);
    for (let i = 1; i < s.timeline.length; i++) assert.ok(s.timeline[i - 1].start < s.timeline[i].start, 'in text order');
    for (const t of s.timeline) assert.equal(report.slice(t.sentence.start, t.sentence.end), t.sentence.text);
  });

  it('an explicit report date wins; a fallback only applies when the text has none', () => {
    assert.equal(summarize(report, { reportDate: '2024-03-20' }).timeline.find((x) => x.text === 'yesterday')?.date, '2024-03-19');
    assert.equal(summarize(report, { reportDate: '2024-03-20', reportDateSource: 'fallback' }).reportDate.source, 'front-matter');
    const plain = 'The minister arrived yesterday.';
    const fb = summarize(plain, { reportDate: '2021-06-10T08:00:00Z', reportDateSource: 'fallback' });
    assert.deepEqual(fb.reportDate, { date: '2021-06-10', source: 'fallback' });
    assert.equal(fb.timeline[0]?.date, '2021-06-09');
    assert.deepEqual(summarize(plain).reportDate, { source: 'none' });
    assert.equal(summarize(plain).timeline[0]?.resolved, false, 'no report date: relative dates stay unresolved');
  });

  it('reads a dateline in the first lines', () => {
    const d = summarize('LONDON, 3 March 2023 — The Prime Minister said on Tuesday that talks would continue.');
    assert.equal(d.reportDate.date, '2023-03-03');
    assert.equal(d.reportDate.source, 'text');
    assert.equal(d.timeline.find((t) => t.text === 'Tuesday')?.date, '2023-02-28', 'the Tuesday before a Friday report');
  });
});

describe('[summary/5W] answers only what the text says', () => {
  it('leaves when, where, why and how empty when the text does not say', () => {
    const text = 'Finance Minister John Smith said the budget would rise.';
    const s = summarize(text);
    assert.match(s.fiveW.who.answer, /John Smith/);
    assert.equal(s.fiveW.what.items[0], 'statement');
    for (const k of ['when', 'where', 'why', 'how'] as const) {
      assert.deepEqual(s.fiveW[k], { answer: '', items: [] }, `${k} is empty`);
    }
  });

  it('an empty or eventless text gives an empty summary, not an error', () => {
    for (const t of ['', '   \n\n', 'Rain is expected.', '\u0000\u0001binary\u0002']) {
      const s = summarize(t);
      assert.equal(s.schemaVersion, 1);
      for (const k of ['who', 'what', 'when', 'where', 'why', 'how'] as const) assert.equal(s.fiveW[k].answer, '');
      assert.deepEqual(s.relations, []);
    }
  });

  it('reuses the caller\'s analysis, cut to the selection', () => {
    const head = 'Unrelated first paragraph about the weather in Paris.\n\n';
    const text = `${head}${sampleText}`;
    const s = summarize(text, { selection: [head.length, text.length], reportDate: SAMPLE_DATE, analysis: analyze(text) });
    assert.ok(s.relations.some((r) => r.type === 'warning'));
    assert.ok(assertSpansMatch(s, text) > 50);
  });

  it('Markdown code is not prose: no events from a fenced block', () => {
    const md = '# Log\n\nThe minister said nothing.\n\n```\nPutin met Xi Jinping in Moscow yesterday.\n```\n';
    const s = summarize(md, { format: 'markdown', reportDate: '2024-01-02' });
    assert.ok(!s.relations.some((r) => r.type === 'meeting'), s.relations.map((r) => r.description).join(' | '));
    assert.deepEqual(s.timeline, []);
  });

  it('a selection is summarised alone, with offsets into the whole text', () => {
    const head = 'Unrelated first paragraph about the weather in Paris.\n\n';
    const text = `${head}${sampleText}`;
    const s = summarize(text, { selection: [head.length, text.length], reportDate: SAMPLE_DATE });
    assert.deepEqual(s.selection, [head.length, text.length]);
    assert.ok(!s.places.some((p) => p.name === 'Paris'), 'outside the selection');
    assert.ok(s.relations.some((r) => r.type === 'meeting'));
    assert.ok(assertSpansMatch(s, text) > 50);
    const m = s.mentions.find((x) => x.text === 'Duarte Vasconcelos');
    assert.equal(m?.line, 3);
  });
});

describe('[summary/relations] another report: talks, an agreement, a strike', () => {
  const report = `---
title: Grain corridor talks
date: 2024-03-14
---
# Grain corridor talks

Ukrainian Foreign Minister Dmytro Kuleba met with Polish Foreign Minister Radoslaw Sikorski in Warsaw on Tuesday. The two ministers signed an agreement on grain transit through Polish ports.

Russian forces attacked the port of Odesa overnight, according to the Ukrainian Air Force. President Volodymyr Zelensky condemned the strike and said that Ukraine would ask NATO for more air defence.

Sikorski will travel to Brussels next week to brief the European Commission.
`;
  const s = summarize(report, { format: 'markdown' });
  const rel = (type: string) => s.relations.filter((r) => r.type === type);
  const agents = (r: { participants: { role: string; name: string }[] }) => r.participants.filter((p) => p.role === 'agent').map((p) => p.name);
  const targets = (r: { participants: { role: string; name: string }[] }) => r.participants.filter((p) => p.role === 'target').map((p) => p.name);

  it('the meeting is the main event: who, what, when (last Tuesday), where', () => {
    assert.deepEqual(s.fiveW.who.items, ['Dmytro Kuleba', 'Radoslaw Sikorski']);
    assert.equal(s.fiveW.what.items[0], 'meeting');
    assert.equal(s.fiveW.when.answer, 'Tuesday (2024-03-12)');
    assert.equal(s.fiveW.where.answer, 'Warsaw');
    assert.match(s.bluf.text, /^Ukrainian Foreign Minister Dmytro Kuleba met with/);
    assert.equal(s.title, 'Grain corridor talks');
  });

  it('"the two ministers" are the two who met; the agreement says what was signed', () => {
    const [a] = rel('agreement');
    assert.deepEqual(agents(a), ['Dmytro Kuleba', 'Radoslaw Sikorski']);
    assert.match(a.content ?? '', /agreement on grain transit/);
  });

  it('a group acting through its forces is an agent; the second verb of a subject keeps it', () => {
    const [attack] = rel('attack');
    assert.deepEqual(agents(attack), ['Russian forces']);
    assert.deepEqual(targets(attack), ['Odesa']);
    const [said] = rel('statement');
    assert.deepEqual(agents(said), ['Volodymyr Zelensky']);
    assert.match(said.content ?? '', /^Ukraine would ask NATO/);
    assert.deepEqual(agents(rel('criticism')[0]), ['Volodymyr Zelensky']);
  });

  it('planned travel resolves "next week" against the front matter date; front matter is not in the timeline', () => {
    const [trip] = rel('travel');
    assert.equal(trip.where?.name, 'Brussels');
    assert.equal(trip.when?.text, 'next week');
    assert.ok(trip.when?.date && trip.when.date > '2024-03-14');
    assert.deepEqual(s.timeline.map((t) => t.text), ['Tuesday', 'next week']);
  });

  it('places get their country from the gazetteer, not from a nearby demonym', () => {
    const country = (n: string) => s.places.find((p) => p.name === n)?.country;
    assert.equal(country('Warsaw'), 'Poland');
    assert.equal(country('Odesa'), 'Ukraine', '"Russian forces attacked the port of Odesa" does not make Odesa Russian');
    assert.equal(country('Brussels'), 'Belgium');
  });
});
