import { strict as assert } from 'node:assert';
import { summarize } from '../../src/core';
import { mainClause } from '../../src/core/summary/clauses';
import { whyCues } from '../../src/core/summary/cues';
import { findTimexes } from '../../src/core/summary/timex';

// Every sentence below is written for these tests (none comes from an evaluation set).

const noName = () => false;

describe('[summary/clauses] headlines and noun-heavy subjects', () => {
  it('"Tin markets worldwide tumble": an -s word after a common noun is a plural noun when a verb follows', () => {
    const c = mainClause('Tin markets worldwide tumble sharply', 0, { headline: true, isName: noName })!;
    assert.equal(c.subject.text, 'Tin markets worldwide');
    assert.match(c.verb.text, /^tumble/);
    const d = mainClause('Coffee futures across the world have fallen sharply this week.', 0, { isName: noName })!;
    assert.equal(d.subject.text, 'Coffee futures across the world');
    assert.match(d.verb.text, /^have fallen/);
    const e = mainClause('Coffee futures around the world, notably those in Brazil, have fallen sharply.', 0, { isName: noName })!;
    assert.equal(e.subject.text, 'Coffee futures around the world');
    assert.match(e.verb.text, /^have fallen/);
  });

  it('after a name the -s word stays the verb: "Norvik releases a new ferry timetable"', () => {
    const c = mainClause('Norvik releases new ferry timetable to cut delays', 0, { headline: true, isName: (a) => a === 0 })!;
    assert.equal(c.subject.text, 'Norvik');
    assert.equal(c.verb.text, 'releases');
  });

  it('a headline\'s "X to do Y" is its predicate, with "set to" kept', () => {
    const c = mainClause('Valdorian exchanges to stay shut until Monday', 0, { headline: true, isName: noName })!;
    assert.equal(c.subject.text, 'Valdorian exchanges');
    assert.match(c.predicate.text, /^to stay shut/);
    const d = mainClause('Ostmark Rail to be fined over late trains', 0, { headline: true, isName: (a, b) => a < 11 && b > 0 })!;
    assert.equal(d.subject.text, 'Ostmark Rail');
    assert.match(d.predicate.text, /^to be fined over late trains/);
    const e = mainClause('Ostmark Rail set to cut its night services', 0, { headline: true })!;
    assert.equal(e.subject.text, 'Ostmark Rail');
    assert.match(e.predicate.text, /^set to cut/);
  });

  it('a headline\'s -s word right after an organisation is its verb, even when compromise reads a noun', () => {
    // compromise tags "plan" the verb of "Ostmark outlines plan for new ferries".
    const org = (a: number, b: number) => a < 7 && b > 0;
    const c = mainClause('Ostmark outlines plan for new ferries', 0, { headline: true, isName: org, isAgent: org })!;
    assert.equal(c.subject.text, 'Ostmark');
    assert.equal(c.predicate.text, 'outlines plan for new ferries');
    // After a place it is a plural noun: "Valdorian stocks log gains" keeps "stocks" in the subject.
    const d = mainClause('Ostmark stocks log gains for fourth week', 0, { headline: true, isName: (a) => a === 0, isAgent: () => false })!;
    assert.notEqual(d.verb.text, 'stocks');
  });

  it('a clause after a semicolon has its own subject; "in February" ends no subject', () => {
    const c = mainClause('Markets down across the region; the Lisbon index falls below 5,000')!;
    assert.equal(c.subject.text, 'the Lisbon index');
    const d = mainClause("Norvik's ferry service in February overtook the state line as the busiest on the coast.")!;
    assert.equal(d.subject.text, "Norvik's ferry service");
  });

  it('a word after a preposition, or after "the" and an adverb, is no verb', () => {
    const c = mainClause('Ana Pereira, minister of transport for Valdoria, has resigned over the ferry contract.')!;
    assert.equal(c.verb.text, 'has resigned');
    const d = mainClause('Orders for the newly announced tablet began on Tuesday.')!;
    assert.equal(d.subject.text, 'Orders for the newly announced tablet');
    assert.match(d.verb.text, /^began/);
  });

  it('an opening subordinate clause is not the main clause; a time word ends no subject', () => {
    const c = mainClause('After a plan to rescue two large Valdorian shipyards failed in parliament this week, the finance ministry said it is weighing new loans.')!;
    assert.equal(c.subject.text, 'it');
    assert.equal(c.attributedTo?.text, 'the finance ministry');
    const d = mainClause('Norvik Telecom today introduced a cheaper line rental.')!;
    assert.equal(d.subject.text, 'Norvik Telecom');
    const e = mainClause('Three years after its launch, the Norvik ferry service carried its millionth passenger.')!;
    assert.equal(e.subject.text, 'the Norvik ferry service');
  });

  it('a number with thousands separators and a closing bracket stay whole', () => {
    const c = mainClause('Ostmark Motors Corporation (OMC) will cut 12,500 jobs at its southern plants.')!;
    assert.equal(c.subject.text, 'Ostmark Motors Corporation (OMC)');
    assert.equal(c.predicate.text, 'will cut 12,500 jobs at its southern plants');
  });
});

describe('[summary/5W] a plain-text headline nobody marked', () => {
  it('"Portuguese exchanges to stay shut": who is the exchanges, not the people\'s adjective', () => {
    const text = [
      'Portuguese exchanges to stay shut until Friday',
      'March 4, 2031',
      'The Portuguese government has kept both of the country\'s stock exchanges closed for a third day after heavy losses last week.',
      'Trading is due to resume on Friday morning.',
    ].join('\n');
    const s = summarize(text, { reportDate: '2031-03-04', reportDateSource: 'option' });
    assert.equal(s.fiveW.who.answer, 'Portuguese exchanges');
    assert.match(s.fiveW.what.answer, /^to stay shut/);
  });
});

describe('[summary/5W] where, when and why on business news', () => {
  it('where is never a product, a company or a place inside an organisation\'s name', () => {
    const text = [
      'Ostmark Motors to revive its Corvan saloon',
      'May 2, 2031',
      'Ostmark Motors said on Tuesday that it will rename its Lumina estate to the Corvan for the next model year, after orders from Qatar Airways staff fell.',
      'The company will build the car at its plant in Leipzig.',
    ].join('\n');
    const s = summarize(text, { reportDate: '2031-05-02', reportDateSource: 'option' });
    assert.notEqual(s.fiveW.where.answer, 'Corvan');
    assert.notEqual(s.fiveW.where.answer, 'Qatar');
  });

  it('"the lowest since 1997" is no when: the report date is', () => {
    const text = [
      'Valdorian shares fall to lowest level since 1997',
      'February 24, 2031',
      'Shares in Valdoria closed at their lowest level since 1997 on the main exchange, as banks lost a tenth of their value.',
    ].join('\n');
    const s = summarize(text, { reportDate: '2031-02-24', reportDateSource: 'option' });
    assert.doesNotMatch(s.fiveW.when.answer, /1997/);
    assert.match(s.fiveW.when.answer, /2031-02-24/);
  });

  it('a purpose that restates the headline\'s "to" predicate is no why; a stated reason in the lead is', () => {
    const text = [
      'Portuguese exchanges to stay shut until Friday',
      'March 4, 2031',
      'The Portuguese government has kept both stock exchanges closed for a third day in an effort to stop a run on the banks.',
    ].join('\n');
    const s = summarize(text, { reportDate: '2031-03-04', reportDateSource: 'option' });
    assert.doesNotMatch(s.fiveW.why.answer, /^to stay shut/);
    assert.match(s.fiveW.why.answer, /stop a run on the banks/);
  });

  it('"plans Friday to shut", "willing to pay", "selected to run": complements, not purposes', () => {
    assert.equal(whyCues('Norvik Telecom announced plans Friday to shut down 300 of its shops.').filter((h) => h.kind === 'purpose').length, 0);
    assert.equal(whyCues('The port authority said it is willing to pay for the new cranes.').filter((h) => h.kind === 'purpose').length, 0);
    assert.equal(whyCues('A local firm was selected to run the ferry line.').filter((h) => h.kind === 'purpose').length, 0);
  });
});

describe('[summary/dates] a season that modifies a noun is no date', () => {
  it('"her summer residence", "a winter coat drive" are not dates; "this summer when …", "the summer holidays", "their autumn meetings" are', () => {
    const texts = (s: string) => findTimexes(s).map((t) => t.text);
    assert.deepEqual(texts('The minister flew to her summer residence on the coast.'), []);
    assert.deepEqual(texts('A winter coat drive began in the spring.'), ['the spring']);
    assert.deepEqual(texts('Talks resume this summer when the parliament returns.'), ['this summer']);
    assert.deepEqual(texts('He spent the summer holidays abroad.'), ['the summer']);
    assert.deepEqual(texts('Sales fell last winter, and in summer 2031 they rose.'), ['last winter', 'summer 2031']);
    // A season that does something, or dates an event after a possessive, stays a date.
    assert.deepEqual(texts('Orders are thin, but spring brings hope to the yards.'), ['spring']);
    assert.deepEqual(texts('The lenders held their autumn meetings in Lisbon.'), ['autumn']);
  });
});
