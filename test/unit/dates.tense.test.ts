import { strict as assert } from 'node:assert';
import { summarize } from '../../src/core';
import { tenseAt } from '../../src/core/summary/timex';

// The tense that places weekdays, months and holidays before or after the report date, on sentences written for
// these tests (docs/dates.md). Report date 2031-05-16 is a Friday.
const FRI = '2031-05-16';

function valueOf(text: string, t: string, reportDate = FRI): string | undefined {
  const s = summarize(text, { reportDate });
  const e = s.timeline.find((x) => x.text === t);
  assert.ok(e, `"${t}" in the timeline: ${s.timeline.map((x) => x.text).join(' | ')}`);
  return e.value;
}

describe('[summary/dates] a verb in the simple present schedules what it governs', () => {
  it('a clause headed by a present verb puts a bare weekday ahead ("The ferry service resumes on Monday")', () => {
    assert.equal(valueOf('The ferry service resumes on Monday after the storm.', 'Monday'), '2031-05-19');
    assert.equal(valueOf('Delegates gather in Lisbon on Tuesday for the annual congress.', 'Tuesday'), '2031-05-20');
    assert.equal(valueOf('The exhibition, which opens on Saturday, shows forty paintings.', 'Saturday'), '2031-05-17');
    assert.equal(valueOf('The next round of the cup begins Wednesday in Porto.', 'Wednesday'), '2031-05-21');
    // the past tense of the same verbs still looks back
    assert.equal(valueOf('The ferry service resumed on Monday after the storm.', 'Monday'), '2031-05-12');
  });
  it('an expression opening the sentence reads the present clause after its comma', () => {
    assert.equal(valueOf('On Sunday, cyclists ride from Ghent to Bruges.', 'Sunday'), '2031-05-18');
  });
  it('months and holidays too: a scheduled month lies ahead, and so does the next Easter', () => {
    assert.equal(valueOf('Pupils return to their classrooms in September.', 'September'), '2031-09');
    assert.equal(valueOf('The village fair returns after Easter, the organisers say.', 'Easter'), '2032-03-28');
  });
  it('a plural noun before the expression is no verb: the past verb of the sentence governs', () => {
    const text = 'The simultaneous strikes Tuesday at two depots in Leeds, Hull and York, disrupted deliveries.';
    assert.equal(valueOf(text, 'Tuesday'), '2031-05-13');
    assert.equal(valueOf('Rival fans clashed in the square on Saturday.', 'Saturday'), '2031-05-10');
  });
  it('a closing report verb does not make the sentence a narrative', () => {
    assert.equal(valueOf('The ferry service resumes on Monday, the operator said.', 'Monday'), '2031-05-19');
  });
  it('a headline tells past news in the present: no schedule read there', () => {
    const headline = 'Ferry services resume on Monday';
    assert.equal(tenseAt(headline, headline.indexOf('Monday'), headline.length), undefined);
  });
  it('a deadline given with a time of day lies ahead ("until 9 a.m. Tuesday")', () => {
    assert.equal(valueOf('The union was given until 9 a.m. Tuesday to accept the offer.', 'Tuesday'), '2031-05-20');
    assert.equal(valueOf('The tender offer lapses at 5 p.m. Sunday.', 'Sunday'), '2031-05-18');
  });
});
