import * as assert from 'node:assert/strict';
import { analyze, explainTemporal, summarize } from '../../src/core';
import { findTimexes } from '../../src/core/summary/timex';
import { HOLIDAYS, holidayDate, holidayNamed } from '../../src/core/text/lexicon';

const dateOf = (name: string, year: number) => holidayDate(holidayNamed(name)!, year);

describe('[core/text] one holiday table for the highlights and the summary timeline', () => {
  it('resolves fixed dates, nth-weekday rules and Easter; lunar holidays have no date', () => {
    assert.equal(dateOf('Christmas Eve', 2024), '2024-12-24');
    assert.equal(dateOf('Boxing Day', 2024), '2024-12-26');
    assert.equal(dateOf('New Year’s Eve', 2023), '2023-12-31');
    assert.equal(dateOf('new year’s', 2025), '2025-01-01');
    assert.equal(dateOf('Labour Day', 2024), '2024-05-01');
    // the fourth Thursday of November, the first Monday of September, the last Monday of May
    assert.equal(dateOf('Thanksgiving', 2024), '2024-11-28');
    assert.equal(dateOf('Thanksgiving Day', 2023), '2023-11-23');
    assert.equal(dateOf('Labor Day', 2024), '2024-09-02');
    assert.equal(dateOf('Memorial Day', 2024), '2024-05-27');
    assert.equal(dateOf('Memorial Day', 2023), '2023-05-29');
    // the Tuesday after the first Monday: 2022 began November on a Tuesday, so the vote was on the 8th, not the 1st
    assert.equal(dateOf('Election Day', 2022), '2022-11-08');
    assert.equal(dateOf('Election Day', 2024), '2024-11-05');
    // Easter by the Gregorian computus, and the days counted from it
    assert.equal(dateOf('Easter', 2024), '2024-03-31');
    assert.equal(dateOf('Easter Sunday', 2025), '2025-04-20');
    assert.equal(dateOf('Easter', 2000), '2000-04-23');
    assert.equal(dateOf('Easter', 2038), '2038-04-25');
    assert.equal(dateOf('Good Friday', 2024), '2024-03-29');
    assert.equal(dateOf('Easter Monday', 2024), '2024-04-01');
    for (const lunar of ['Ramadan', 'Eid al-Fitr', 'Passover', 'Diwali', 'Lunar New Year']) assert.equal(dateOf(lunar, 2024), undefined, lunar);
    assert.equal(holidayNamed('Easter Island'), undefined);
  });

  it('every form in the table is a date for the highlights and a timex for the summary, on the same words', () => {
    for (const h of HOLIDAYS) {
      for (const form of h.forms) {
        const name = form.replace(/(^|[ -])([a-z])/g, (_m, sep: string, c: string) => sep + c.toUpperCase()).replace(/Al-/, 'al-');
        const text = `Officials met again after ${name} to settle the dispute.`;
        const at = text.indexOf(name);
        const dates = analyze(text).entities.filter((e) => e.type === 'date').map((e) => [e.start, e.end]);
        assert.deepEqual(dates, [[at, at + name.length]], `highlight of ${name}`);
        const timexes = findTimexes(text).filter((x) => x.kind === 'date').map((x) => [x.start, x.end]);
        assert.deepEqual(timexes, [[at, at + name.length]], `timex of ${name}`);
      }
    }
  });

  it('the summary timeline gives the holiday’s date against the report date and the tense; a lunar one stays unresolved', () => {
    const text =
      'Fighting stopped on Good Friday and the talks resumed after Easter. The markets were quiet during Ramadan. ' +
      'The parties will meet again before Thanksgiving, and the vote will be held on Election Day. ' +
      'The last such vote, on Labor Day, was annulled.';
    const timeline = summarize(text, { reportDate: '2024-06-10' }).timeline;
    const entry = (t: string) => timeline.find((e) => e.text === t);
    assert.equal(entry('Good Friday')?.date, '2024-03-29');
    assert.equal(entry('Easter')?.date, '2024-03-31');
    assert.equal(entry('Thanksgiving')?.date, '2024-11-28', 'ahead: this year’s');
    assert.equal(entry('Election Day')?.date, '2024-11-05');
    assert.equal(entry('Labor Day')?.date, '2023-09-04', 'told in the past, and this year’s is still ahead: last year’s');
    const ramadan = entry('Ramadan');
    assert.ok(ramadan, timeline.map((e) => e.text).join(', '));
    assert.equal(ramadan.resolved, false);
    assert.equal(ramadan.date, undefined);
    // The hover says why, rather than that the resolver cannot read it.
    const how = explainTemporal(ramadan, { date: '2024-06-10', source: 'option' }).how;
    assert.match(how, /^Ramadan follows a lunar or lunisolar calendar/);
    assert.doesNotMatch(explainTemporal(entry('Easter')!, { date: '2024-06-10', source: 'option' }).how, /lunar/);
  });
});
