import { strict as assert } from 'node:assert';
import { findReportDate, summarize } from '../../src/core';
import { findTimexes } from '../../src/core/summary/timex';

// One test per class of misses measured on held-out news (MEANTIME English, scripts/eval/dates.mjs --meantime
// --classes), on sentences written for these tests. Report dates: 2031-04-10 is a Thursday, 2031-03-05 a Wednesday.
const THU = '2031-04-10';

/** The timeline entry whose text is `t`. */
function entry(text: string, t: string, reportDate?: string) {
  const s = summarize(text, reportDate ? { reportDate } : {});
  const e = s.timeline.find((x) => x.text === t);
  assert.ok(e, `"${t}" in the timeline: ${s.timeline.map((x) => JSON.stringify(x.text)).join(' | ')}`);
  return e;
}
const valueOf = (text: string, t: string, reportDate?: string) => entry(text, t, reportDate).value;

describe('[summary/dates] held-out news (MEANTIME classes)', () => {
  it('tokenised text: a comma after a space still joins a date ("April 10 , 2031"), also as the dateline', () => {
    const text = 'Harbour ferries resume service\nApril 10 , 2031\nThe ferry line , which closed on June 3 , 2019 , reopened on Wednesday , April 9 .\n';
    const rd = findReportDate(text, {});
    assert.equal(rd.date, THU);
    assert.equal(rd.source, 'text');
    assert.equal(valueOf(text, 'June 3 , 2019'), '2019-06-03');
    assert.equal(valueOf(text, 'Wednesday , April 9'), '2031-04-09');
  });
  it('an expression does not run from a headline into the dateline below it, nor across a blank line (but wraps inside a paragraph)', () => {
    const text = 'Ferries to stay in port until Friday\nApril 10, 2031\nThe line said storms kept its boats in port.\n';
    assert.deepEqual(
      findTimexes(text).filter((x) => x.text.includes('\n')),
      [],
    );
    assert.ok(entry(text, 'Friday'));
    const headline = "Coal output at its lowest since '82\nOctober 27, 2031\nMines closed.";
    assert.ok(!findTimexes(headline).some((x) => x.text.includes('\n')), JSON.stringify(findTimexes(headline)));
    assert.ok(!findTimexes('Talks on the Friday\n\nMarch 3 agenda went on.').some((x) => x.text.includes('\n')));
    // Inside a hard-wrapped paragraph a date may wrap.
    assert.ok(findTimexes('The vote is set for Sept.\n25, the board said.').some((x) => x.text === 'Sept.\n25'));
  });
  it('market reports: "to end the day", "for the day", "late in the day" are the day the text speaks of, not the next one', () => {
    const text = 'Tin prices climb\nApril 10, 2031\nTin rose 4% on Wednesday. The metal slipped at first, recovered late in the day after sliding 2%, and ended the day at $31,000. For the day, volume was thin.';
    assert.equal(valueOf(text, 'late in the day', THU), '2031-04-09');
    assert.equal(valueOf(text, 'the day', THU), '2031-04-09');
    const s = summarize(text, { reportDate: THU });
    assert.deepEqual(s.timeline.filter((x) => x.text === 'the day').map((x) => x.value), ['2031-04-09', '2031-04-09']);
    assert.ok(!s.timeline.some((x) => /day after/.test(x.text)), s.timeline.map((x) => x.text).join(' | '));
    // Not every "the day" is a date: "the day he left" is not read as one.
    assert.ok(!findTimexes('I remember the day he left.').some((x) => x.text === 'the day'));
  });
  it('a modal governs a month or a weekday: "should be completed in October" is ahead, "should have been" behind', () => {
    const text = 'Mill sale agreed\nApril 10, 2031\nThe sale of the mill should be completed in October. The audit should have been finished in August.';
    assert.equal(valueOf(text, 'October', THU), '2031-10');
    assert.equal(valueOf(text, 'August', THU), '2030-08');
    // "could" is also the past of "can".
    assert.equal(valueOf('Search goes on\nApril 10, 2031\nThe crew could not be located Monday in the harbour.', 'Monday', THU), '2031-04-07');
  });
  it('"until Friday" is a deadline ahead ("has extended … until", "to stay … until", "postponed until"), "not until" is not', () => {
    const text = 'Ferries to stay in port until Friday\nApril 10, 2031\nThe port has extended the closure until Friday. The board postponed its vote until Monday. It was not until Tuesday that the storm eased. Until Wednesday, the crews had not been told.';
    const s = summarize(text, { reportDate: THU });
    assert.deepEqual(s.timeline.filter((x) => x.text === 'Friday').map((x) => x.value), ['2031-04-11', '2031-04-11']);
    assert.equal(valueOf(text, 'Monday', THU), '2031-04-14');
    assert.equal(valueOf(text, 'Tuesday', THU), '2031-04-08');
    assert.equal(valueOf(text, 'Wednesday', THU), '2031-04-09');
  });
  it('"the same period last year" after a month named in its sentence is that month a year before', () => {
    const text = 'Car sales fall\nMarch 05, 2031\nCar sales fell 12% in February against the same period last year. Truck sales in January were down from the same month a year ago.';
    assert.equal(valueOf(text, 'the same period last year', '2031-03-05'), '2030-02');
    assert.equal(valueOf(text, 'the same month a year ago', '2031-03-05'), '2030-01');
  });
  it('"a second straight day" is an ordinal, not a duration of one second; "since \'82" is a year', () => {
    assert.ok(!findTimexes('Trading was halted for a second straight day.').some((x) => x.kind === 'duration'));
    assert.ok(findTimexes('Wait a second, please.').some((x) => x.kind === 'duration'));
    const text = 'Rubber at its lowest\nApril 10, 2031\nRubber fell to its lowest level since \'82 on Wednesday.';
    assert.equal(valueOf(text, "'82", THU), '1982');
    assert.equal(valueOf("Wool prices\nApril 10, 2031\nWool was dearer in '29 than now.", "'29", THU), '2029');
  });
  it('"three years after the merger" is a duration measured from an event; "two days before," keeps its date', () => {
    const text = 'Mill reopens\nApril 10, 2031\nThree years after the mill closed, it reopened on Monday. Two days before, the town voted. A week after the vote, work began.';
    const s = summarize(text, { reportDate: THU });
    const of = (t: string) => s.timeline.find((x) => x.text === t);
    assert.deepEqual([of('Three years')?.type, of('Three years')?.value], ['duration', 'P3Y']);
    assert.deepEqual([of('A week')?.type, of('A week')?.value], ['duration', 'P1W']);
    assert.deepEqual([of('Two days before')?.type, of('Two days before')?.value], ['date', '2031-04-05']);
  });
  it('durations: "two and a half years", "the past five trading days"', () => {
    const text = 'Mill reopens\nApril 10, 2031\nThe works took almost two and a half years. Shares fell over the past five trading days.';
    const s = summarize(text, { reportDate: THU });
    const of = (t: string) => s.timeline.find((x) => x.text === t);
    assert.deepEqual([of('almost two and a half years')?.type, of('almost two and a half years')?.value], ['duration', 'P2.5Y']);
    assert.deepEqual([of('the past five trading days')?.type, of('the past five trading days')?.value], ['duration', 'P5D']);
  });
});
