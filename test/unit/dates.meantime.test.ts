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
  it('an expression never runs across a line break (a headline ending in a weekday above the dateline)', () => {
    const text = 'Ferries to stay in port until Friday\nApril 10, 2031\nThe line said storms kept its boats in port.\n';
    assert.deepEqual(
      findTimexes(text).filter((x) => x.text.includes('\n')),
      [],
    );
    assert.ok(entry(text, 'Friday'));
    const years = 'Coal output is at its lowest since 82\nOctober brought no relief.';
    assert.ok(!findTimexes(years).some((x) => x.text.includes('\n')), JSON.stringify(findTimexes(years)));
  });
});
