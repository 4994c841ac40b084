import { strict as assert } from 'node:assert';
import { summarize } from '../../src/core';

// Kinds of temporal expression the timeline reads (docs/dates.md), on sentences written for these tests. Report date
// 2031-05-16 is a Friday.
const FRI = '2031-05-16';

const timeline = (text: string, reportDate = FRI) => summarize(text, { reportDate }).timeline;
function valueOf(text: string, t: string, reportDate = FRI): string | undefined {
  const tl = timeline(text, reportDate);
  const e = tl.find((x) => x.text === t);
  assert.ok(e, `"${t}" in the timeline: ${tl.map((x) => x.text).join(' | ')}`);
  return e.value;
}

describe('[summary/dates] expression kinds', () => {
  it('"the previous Friday", "the following Monday" count from the day the text last named', () => {
    const text = 'The index closed at 912 on Tuesday, down 3% from the previous Friday.';
    assert.equal(valueOf(text, 'the previous Friday'), '2031-05-09');
    assert.equal(valueOf('The ship docked on May 2 and left again the following Monday.', 'the following Monday'), '2031-05-05');
  });
  it('"the week of June 9" is the ISO week holding that day', () => {
    assert.equal(valueOf('The hearing was moved to the week of June 9.', 'the week of June 9'), '2031-W24');
  });
  it('decades in two digits: "the 70s and 80s", "the late \'60s"', () => {
    const text = 'Sales of vinyl records peaked in the 70s and 80s.';
    assert.equal(valueOf(text, 'the 70s'), '197');
    assert.equal(valueOf(text, '80s'), '198');
    assert.equal(valueOf('The club was founded in the late \'60s by dockers.', "the late '60s"), '196');
  });
  it('"the year before" counts from the year the sentence named; "the year before the flood" is no date', () => {
    assert.equal(valueOf('Exports reached $3 billion in 2029, up from $2 billion the year before.', 'the year before'), '2028');
    assert.ok(!timeline('Rents rose the year before the flood reached the town.').some((e) => /the year before/.test(e.text)));
  });
  it('a part of the day the text speaks of takes the day it last named, or the report date', () => {
    assert.equal(valueOf('Traders sold heavily in morning trading.', 'morning'), '2031-05-16TMO');
    assert.equal(valueOf('By mid-afternoon yesterday, the queue at the border had gone.', 'mid-afternoon yesterday'), '2031-05-15TAF');
  });
  it('the present and the future as spans of time: "for the time being", "in the near future", "over the long term"', () => {
    assert.equal(valueOf('The plant will stay shut for the time being, its owner says.', 'the time being'), 'PRESENT_REF');
    assert.equal(valueOf('The bakery expects to hire more staff in the near future.', 'the near future'), 'FUTURE_REF');
    assert.equal(valueOf('The fund invests over the long term in farmland.', 'the long term'), 'FUTURE_REF');
  });
  it('a date the subject is lies ahead ("The deadline for bids is Monday", "The runoff is in November")', () => {
    assert.equal(valueOf('The deadline for bids is Monday.', 'Monday'), '2031-05-19');
    assert.equal(valueOf('The runoff between the two candidates is in November.', 'November'), '2031-11');
  });
  it('"ahead of Sunday\'s runoff" is still to come; "after Sunday\'s runoff" is past', () => {
    assert.equal(valueOf('Ahead of Sunday\'s runoff, both candidates toured the north.', 'Sunday'), '2031-05-18');
    assert.equal(valueOf('After Sunday\'s runoff, both candidates toured the north.', 'Sunday'), '2031-05-11');
  });
  it('a person\'s age and a quarterly dividend are no times of the report; the age of a truce is a duration', () => {
    assert.deepEqual(timeline('A 9-year-old girl was rescued from the river by two anglers.').map((e) => e.text), []);
    assert.deepEqual(timeline('The board of the brewery raised its quarterly dividend by a cent.').map((e) => e.text), []);
    const truce = timeline('The 14-month-old truce between the clans held through the harvest.');
    assert.deepEqual(truce.map((e) => [e.text, e.type, e.value]), [['14-month-old', 'duration', 'P14M']]);
  });
});
