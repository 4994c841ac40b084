import { strict as assert } from 'node:assert';
import { analyze, buildActors, summarize } from '../../src/core';

// Every text below is written for these tests (no sentence comes from an evaluation set): verb phrases that share one
// subject, and short phrases quoted at a distance that nobody said.

const relations = (text: string) => summarize(text, { reportDate: '2031-05-17' }).relations;
const names = (r: { participants: { role: string; name: string }[] }, role: string) => r.participants.filter((p) => p.role === role).map((p) => p.name);
const quotesOf = (text: string) => buildActors(text, analyze(text)).flatMap((a) => a.quotes.map((q) => ({ speaker: a.name, text: q.text, indirect: !!q.indirect })));

describe('[summary/relations] coordinated verb phrases share their subject', () => {
  it('"X flew to Y and met Z" is a trip and a meeting of X with Z, placed in Y', () => {
    const rs = relations('Chilean Foreign Minister Ana Rojas flew to Lima on Monday and met Peruvian President Luis Castillo.');
    const meeting = rs.find((r) => r.type === 'meeting');
    assert.ok(meeting, rs.map((r) => r.description).join(' | '));
    assert.deepEqual(names(meeting, 'agent'), ['Ana Rojas']);
    assert.deepEqual(names(meeting, 'target'), ['Luis Castillo']);
    assert.equal(meeting.where?.name, 'Lima');
    assert.ok(rs.some((r) => r.type === 'travel' && r.where?.name === 'Lima'));
  });

  it('"arrived in Y and held talks with Z"; a series "travelled to Y, toured a camp and then met Z"', () => {
    const [talks] = relations('Ana Rojas arrived in Lima on Monday and held talks with Luis Castillo.').filter((r) => r.type === 'talks');
    assert.ok(talks);
    assert.deepEqual([names(talks, 'agent'), names(talks, 'target')], [['Ana Rojas'], ['Luis Castillo']]);
    const rs = relations('The envoy, Mark Dunne, travelled to Cairo, toured a refugee camp and then met Foreign Minister Sameh Aziz.');
    const meeting = rs.find((r) => r.type === 'meeting');
    assert.ok(meeting, rs.map((r) => r.description).join(' | '));
    assert.deepEqual([names(meeting, 'agent'), names(meeting, 'target')], [['Mark Dunne'], ['Sameh Aziz']]);
    assert.equal(meeting.where?.name, 'Cairo');
  });

  it('a verb\'s objects end where the next verb starts: "condemned the attack and met Z"', () => {
    const rs = relations('Ana Rojas condemned the bombing and met Luis Castillo the next day.');
    const criticism = rs.find((r) => r.type === 'criticism');
    assert.ok(criticism);
    assert.deepEqual(names(criticism, 'target'), [], 'Castillo is met, not condemned');
    assert.ok(!/met/.test(criticism.description), criticism.description);
    const meeting = rs.find((r) => r.type === 'meeting');
    assert.ok(meeting);
    assert.deepEqual([names(meeting, 'agent'), names(meeting, 'target')], [['Ana Rojas'], ['Luis Castillo']]);
  });

  it('a new subject or a relative clause is no coordination', () => {
    const rs = relations('Ana Rojas flew to Lima, where officials who met Luis Castillo were waiting.');
    assert.ok(!rs.some((r) => r.type === 'meeting' && names(r, 'agent').includes('Ana Rojas')), rs.map((r) => r.description).join(' | '));
  });
});

describe('[core/actors/quotes] scare quotes are nobody\'s words', () => {
  it('"the so-called “X”" and a short quoted phrase in a sentence without a speech word are no quote', () => {
    assert.deepEqual(quotesOf('Finance Minister Ana Rojas defended the so-called “peace dividend” in parliament on Tuesday.'), []);
    assert.deepEqual(quotesOf('Ana Rojas, the minister, spent the "peace dividend" on new roads. Critics were unimpressed.'), []);
  });

  it('short quoted words that someone says, calls or describes stay that speaker\'s', () => {
    const said = quotesOf('Ana Rojas said the budget was a “historic step” for the country.');
    assert.ok(said.some((q) => q.speaker === 'Ana Rojas' && q.text === 'historic step'), JSON.stringify(said));
    const called = quotesOf('Ana Rojas called the opposition plan “a reckless gamble” on Monday.');
    assert.ok(called.some((q) => q.speaker === 'Ana Rojas' && /reckless gamble/.test(q.text)), JSON.stringify(called));
    const short = quotesOf('Ana Rojas left the chamber. “Not yet,” she told reporters.');
    assert.ok(short.some((q) => q.speaker === 'Ana Rojas' && q.text === 'Not yet'), JSON.stringify(short));
  });
});
