import { strict as assert } from 'node:assert';
import { summarize } from '../../src/core';
import { findTimexes, normaliseTimex, tenseAt } from '../../src/core/summary/timex';

// One test per class of calendar-value misses measured on the TempEval-3 training corpora (scripts/eval/dates.mjs
// --classes), on sentences written for these tests. Report dates: 2031-05-16 is a Friday, 2031-10-24 a Friday,
// 2031-05-19 a Monday.
const FRI = '2031-05-16';
const OCT = '2031-10-24';

/** The timeline entry whose text is `t`. */
function entry(text: string, t: string, reportDate: string) {
  const s = summarize(text, { reportDate });
  const e = s.timeline.find((x) => x.text === t);
  assert.ok(e, `"${t}" in the timeline: ${s.timeline.map((x) => x.text).join(' | ')}`);
  return e;
}
const valueOf = (text: string, t: string, reportDate: string) => entry(text, t, reportDate).value;

describe('[summary/dates] TimeBank conventions', () => {
  it('an earnings report: "a year earlier", "the year-ago period" and "the latest period" speak of the reported quarter', () => {
    const text = [
      'Harbor Mills Corp. said third-quarter net income rose to $5 million from $4 million a year earlier.',
      'In the year-ago period, sales were flat.',
      'Revenue in the latest period was $80 million.',
      'In the 2030 period, the company lost money.',
    ].join(' ');
    assert.equal(valueOf(text, 'third-quarter', OCT), '2031-Q3');
    assert.equal(valueOf(text, 'a year earlier', OCT), '2030-Q3');
    assert.equal(valueOf(text, 'the year-ago period', OCT), '2030-Q3');
    assert.equal(valueOf(text, 'the latest period', OCT), '2031-Q3');
    assert.equal(valueOf(text, 'the 2030 period', OCT), '2030-Q3');
  });
  it('the report\'s quarter is the first one it names (a fiscal quarter counts once it has ended)', () => {
    const text = [
      'Lumen Tools Inc. said its profit in its first fiscal quarter, ended Sept. 30, rose 8%.',
      'The gain followed a weak fourth quarter.',
      'Sales rose from a year earlier.',
    ].join(' ');
    assert.equal(valueOf(text, 'a year earlier', OCT), '2030-Q1');
  });
  it('without a reported quarter, or over several months, "a year ago" stays a year', () => {
    assert.equal(valueOf('The bakery opened a year ago.', 'a year ago', OCT), '2030');
    const text = 'Harbor Mills Corp. said third-quarter profit rose. For the nine months, profit was up from a year earlier.';
    assert.equal(valueOf(text, 'a year earlier', OCT), '2030');
    // A quarter still running is not the one reported on.
    assert.equal(valueOf('Sales will rise in the fourth quarter. The plant opened a year ago.', 'a year ago', OCT), '2030');
  });
  it('"the following year", "that year", "the following month" count from what the text last named', () => {
    const text = 'The firm was founded in 1995 in Bergen. The following year it moved to Oslo. Prices fell that year.';
    assert.equal(valueOf(text, 'The following year', FRI), '1996');
    assert.equal(valueOf(text, 'that year', FRI), '1995');
    const months = 'In March, the museum hired a curator. The following month it opened a new wing.';
    assert.equal(valueOf(months, 'The following month', FRI), '2031-04');
  });
  it('years and decades in words; "two thousand troops" is no year', () => {
    assert.equal(valueOf('In nineteen ninety-six the band split up.', 'nineteen ninety-six', FRI), '1996');
    assert.equal(valueOf('The archive dates from January nineteen eighty-seven.', 'January nineteen eighty-seven', FRI), '1987-01');
    assert.equal(valueOf('They planned for the year two thousand.', 'the year two thousand', FRI), '2000');
    assert.equal(valueOf('Rents doubled in the nineties.', 'the nineties', FRI), '199');
    assert.ok(!findTimexes('He sent two thousand troops to the border.').length);
  });
  it('"a decade ago" is the year ten years back', () => {
    assert.equal(valueOf('A decade ago, the harbour was empty.', 'A decade ago', FRI), '2021');
  });
  it('"year-end" is the last day of the year, ahead or behind by the tense; "the latest fiscal year" is completed', () => {
    assert.equal(valueOf('The bank expects to close the sale by year-end.', 'year-end', OCT), '2031-12-31');
    assert.equal(valueOf('The index has fallen 4% since year-end.', 'year-end', OCT), '2030-12-31');
    assert.equal(valueOf('Sales rose 3% in the latest fiscal year.', 'the latest fiscal year', OCT), '2030');
  });
});

describe('[summary/dates] the tense that places weekdays and months', () => {
  it('a capitalised name ending in -ed is not a past verb ("the United States")', () => {
    assert.equal(valueOf('The envoy would travel to the United States Thursday.', 'Thursday', FRI), '2031-05-22');
  });
  it('an expression opening the sentence reads the verb after its comma', () => {
    assert.equal(valueOf('On Tuesday, the rowing club plans to hold a regatta.', 'Tuesday', FRI), '2031-05-20');
    assert.equal(valueOf('In January, the ferry company hired a new captain.', 'January', OCT), '2031-01');
  });
  it('an -ed word after a determiner is an adjective, not the verb', () => {
    const bonus = 'The refund would be issued at a still undisclosed time in January.';
    assert.equal(tenseAt(bonus, bonus.indexOf(' in January')), 'future');
    assert.equal(valueOf(bonus, 'January', OCT), '2032-01');
  });
  it('planning: "were planning to", "planned"; a past perfect of "due" is over', () => {
    assert.equal(valueOf('Farmers were planning to march on Saturday.', 'Saturday', FRI), '2031-05-17');
    assert.equal(valueOf('Farmers planned a march on Saturday and a picnic on Sunday.', 'Saturday', FRI), '2031-05-17');
    assert.equal(valueOf('The offer had been due to lapse Friday evening.', 'Friday evening', '2031-05-19'), '2031-05-16TEV');
  });
  it('"since" looks back; "payable" and "of record" look ahead', () => {
    assert.equal(valueOf('Police have searched for the driver since the Oct. 23 crash.', 'Oct. 23', '2031-05-06'), '2030-10-23');
    const text = 'The board declared a dividend of 5 cents, payable Dec. 7 to holders of record Nov. 22.';
    assert.equal(valueOf(text, 'Dec. 7', OCT), '2031-12-07');
    assert.equal(valueOf(text, 'Nov. 22', OCT), '2031-11-22');
  });
  it('a possessive weekday names an event already past ("Wednesday\'s ruling")', () => {
    assert.equal(valueOf('Lawyers said they would appeal Wednesday\'s ruling.', 'Wednesday', FRI), '2031-05-14');
  });
  it('a month without tense: the nearest occurrence, the past preferred; next month stays ahead', () => {
    assert.equal(valueOf('Shares climbed to $40 from $30 in March.', 'March', OCT), '2031-03');
    assert.equal(valueOf('Regulators gave the firm until mid-November to reply.', 'mid-November', OCT), '2031-11');
  });
  it('spoken times: "4 in the morning", "9 in the evening"', () => {
    assert.equal(normaliseTimex('4 in the morning', 'time', { dct: FRI, anchor: FRI })?.value, `${FRI}T04:00`);
    assert.equal(valueOf('The ferry leaves at 9 in the evening.', '9 in the evening', FRI), `${FRI}T21:00`);
  });
});
