import { strict as assert } from 'node:assert';
import { summarize } from '../../src/core';
import { findTimexes, normaliseTimex, tenseAt, isoWeek } from '../../src/core/summary/timex';

// Every text below is written for these tests (no sentence comes from an evaluation set).

const agents = (r: { participants: { role: string; name: string }[] }) => r.participants.filter((p) => p.role === 'agent').map((p) => p.name);
const targets = (r: { participants: { role: string; name: string }[] }) => r.participants.filter((p) => p.role === 'target').map((p) => p.name);

/** The timeline entry whose text is `t`. */
function entry(text: string, t: string, reportDate: string) {
  const s = summarize(text, { reportDate });
  const e = s.timeline.find((x) => x.text === t);
  assert.ok(e, `"${t}" in the timeline: ${s.timeline.map((x) => x.text).join(' | ')}`);
  return e;
}

describe('[summary/5W] the main event of a news report', () => {
  const report = [
    'Harbour workers end strike in Valdoria.',
    'PORTMERE 2031-05-16',
    'Dock workers at the port of Portmere ended a nine-day strike on Friday after the operator agreed to raise wages, the union said.',
    'Union leader Mara Quist told reporters the deal would be put to a vote next week.',
  ].join('\n');
  const s = summarize(report, { reportDate: '2031-05-16', title: 'Harbour workers end strike in Valdoria.' });

  it('"X said" is attribution: the event is the clause it reports, with its own subject', () => {
    assert.match(s.fiveW.what.answer, /^ended a nine-day strike/);
    assert.match(s.fiveW.who.answer, /Dock workers/);
    assert.doesNotMatch(s.fiveW.who.answer, /union/i);
  });

  it('when comes from the lead ("on Friday" in a Friday report is the report date); where from the dateline', () => {
    assert.equal(s.fiveW.when.answer, 'Friday (2031-05-16)');
    assert.ok(s.fiveW.where.answer === 'Portmere' || s.fiveW.where.answer === 'PORTMERE', s.fiveW.where.answer);
  });

  it('why comes from a cue phrase in the lead; how stays empty when the text does not state it', () => {
    assert.match(s.fiveW.why.answer, /^after the operator agreed to raise wages/);
    assert.equal(s.fiveW.how.answer, '');
  });

  it('the BLUF is the lead without the dateline, and carries the headline', () => {
    assert.match(s.bluf.text, /^Dock workers at the port of Portmere ended/);
    assert.equal(s.bluf.headline, 'Harbour workers end strike in Valdoria');
  });

  it('a report whose lead names no date is dated by its dateline', () => {
    const r = summarize('KESTREL BAY 2031-02-03\nThe council of Kestrel Bay approved a new sea wall.', { reportDate: '2031-02-03' });
    assert.equal(r.fiveW.when.answer, '2031-02-03');
    assert.equal(r.fiveW.where.answer, 'KESTREL BAY');
    assert.match(r.fiveW.what.answer, /approved a new sea wall/);
  });

  it('a relative clause in the subject does not hide the main verb; a byline line is furniture', () => {
    const r = summarize('Anna Berg\nOSLO 2031-03-04\nFour climbers who were missing on the glacier for two days were found alive on Tuesday.', { reportDate: '2031-03-04' });
    assert.equal(r.fiveW.who.answer, 'Four climbers');
    assert.match(r.fiveW.what.answer, /^were found alive/);
    assert.equal(r.fiveW.when.answer, 'Tuesday (2031-03-04)');
  });

  it('a participle after a determiner is an adjective, not the main verb', () => {
    const r = summarize('A convicted smuggler escaped from the prison in Halden on Sunday.', { reportDate: '2031-03-02' });
    assert.equal(r.fiveW.who.answer, 'A convicted smuggler');
    assert.match(r.fiveW.what.answer, /^escaped from the prison/);
  });

  it('how comes from a stated channel ("in a statement")', () => {
    const r = summarize('The Ministry of Water announced a drought plan on Monday in a statement posted on its website.', { reportDate: '2031-07-09' });
    assert.match(r.fiveW.how.answer, /^in a statement/);
  });
});

describe('[summary/relations] typed events', () => {
  const rel = (text: string, type: string) => summarize(text, { reportDate: '2031-04-10' }).relations.filter((r) => r.type === type);

  it('"held a call with" is a call; "conducted talks with" and "held talks" are talks', () => {
    const [call] = rel('Chancellor Ingrid Vahl held a call with President Tomas Reyes on Monday.', 'call');
    assert.deepEqual(agents(call), ['Ingrid Vahl']);
    assert.deepEqual(targets(call), ['Tomas Reyes']);
    const [talks] = rel('Foreign Minister Lena Holm conducted talks with Prime Minister Arvid Sand in Oslo.', 'talks');
    assert.deepEqual(agents(talks), ['Lena Holm']);
    assert.deepEqual(targets(talks), ['Arvid Sand']);
  });

  it('"held their first official meeting" is a meeting of both', () => {
    const [m] = rel('Mayor Clara Dunn and Governor Paul Ashby held their first official meeting in Denver.', 'meeting');
    assert.ok(m, 'a meeting');
    assert.deepEqual(agents(m), ['Clara Dunn', 'Paul Ashby']);
  });

  it('a place is never the agent of a meeting; received orders is not a meeting', () => {
    const s = summarize('Washington met the demands of the strikers. Acme Corp received more orders than expected.', { reportDate: '2031-04-10' });
    assert.ok(!s.relations.some((r) => r.type === 'meeting'), s.relations.map((r) => r.description).join(' | '));
  });

  it('passive voice: the agent is after "by", the patient before the verb', () => {
    const [a] = rel('Journalist Omar Lind was arrested by the Federal Police in Rivertown.', 'arrest');
    assert.ok(a, 'an arrest');
    assert.deepEqual(agents(a), ['Federal Police']);
    assert.deepEqual(targets(a), ['Omar Lind']);
  });

  it('a visit is typed and placed', () => {
    const [v] = rel('President Tomas Reyes visited Lisbon on Tuesday.', 'visit');
    assert.equal(v.where?.name, 'Lisbon');
    assert.deepEqual(agents(v), ['Tomas Reyes']);
  });
});

describe('[summary/dates] HeidelTime-style normalisation', () => {
  // 2031-05-16 is a Friday.
  const FRI = '2031-05-16';
  it('a weekday equal to the report\'s day is the report date', () => {
    assert.equal(entry('The minister resigned on Friday.', 'Friday', FRI).date, FRI);
  });
  it('the governing verb decides: past tense looks back, a modal looks ahead', () => {
    assert.equal(entry('The minister resigned on Tuesday.', 'Tuesday', FRI).date, '2031-05-13');
    assert.equal(entry('The court said the men would appear before a judge on Tuesday.', 'Tuesday', FRI).date, '2031-05-20');
    assert.equal(tenseAt('He will travel on Sunday.', 18), 'future');
    assert.equal(tenseAt('He travelled on Sunday.', 15), 'past');
  });
  it('N units ago, last week as an ISO week, early/mid/late months, late last July', () => {
    assert.equal(entry('The plant closed eight years ago.', 'eight years ago', FRI).date?.slice(0, 4), '2023');
    const lw = entry('Talks collapsed last week.', 'last week', FRI);
    assert.equal(lw.value, `2031-W${String(isoWeek('2031-05-09')[1]).padStart(2, '0')}`);
    assert.equal(lw.granularity, 'week');
    assert.equal(entry('The rains began in early December.', 'early December', FRI).value, '2030-12');
    assert.equal(entry('The deal was signed late last July.', 'late last July', FRI).value, '2030-07');
    assert.equal(entry('Prices rose in mid-March.', 'mid-March', FRI).value, '2031-03');
  });
  it('seasons, quarters and fiscal years', () => {
    assert.equal(entry('Sales fell last winter.', 'last winter', FRI).value, '2030-WI');
    assert.equal(entry('Profit rose in the first quarter.', 'the first quarter', FRI).value, '2031-Q1');
    assert.equal(normaliseTimex('fiscal 2029', 'date', { dct: FRI })?.value, '2029');
    assert.equal(entry('The agency expects a deficit this fiscal year.', 'this fiscal year', FRI).value, '2031');
  });
  it('times: 6.10am, 18:30 GMT, military 1830Z', () => {
    assert.equal(entry('The train left at 6.10am on Friday.', '6.10am', FRI).time, '06:10');
    assert.equal(entry('The polls closed at 18:30 GMT.', '18:30 GMT', FRI).time, '18:30');
    assert.equal(entry('The convoy moved at 1830Z.', '1830Z', FRI).time, '18:30');
  });
  it('durations and sets are typed as such, with no calendar date', () => {
    const d = entry('The strike lasted three days.', 'three days', FRI);
    assert.equal(d.type, 'duration');
    assert.equal(d.value, 'P3D');
    assert.equal(d.date, undefined);
    const set = entry('Inspectors visit the site every week.', 'every week', FRI);
    assert.equal(set.type, 'set');
    assert.equal(set.value, 'P1W');
  });
  it('each expression is listed once; "May" the verb is not a month', () => {
    const s = summarize('The talks may resume on Monday. On Monday, the envoy arrived.', { reportDate: FRI });
    const keys = s.timeline.map((t) => `${t.start}:${t.end}`);
    assert.equal(new Set(keys).size, keys.length);
    assert.ok(!findTimexes('The talks may resume.').length);
  });
});
