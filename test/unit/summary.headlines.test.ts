import { strict as assert } from 'node:assert';
import { summarize } from '../../src/core';
import { mainClause } from '../../src/core/summary/clauses';

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
