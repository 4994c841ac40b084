import { strict as assert } from 'node:assert';
import { summarize } from '../../src/core';
import { howCues, whyCues, type CueHit } from '../../src/core/summary/cues';
import { mainClause } from '../../src/core/summary/clauses';

// Every sentence below is written for these tests (none comes from an evaluation set).

/** The strongest, then earliest, hit: what the summary would answer for this sentence. */
const best = (hits: CueHit[]) => [...hits].sort((a, b) => a.rank - b.rank || a.at - b.at)[0];

describe('[summary/why] cue classes', () => {
  it('causes: because of, citing, in response to, judged for', () => {
    assert.equal(best(whyCues('The airline grounded its fleet because of a fuel shortage.')).answer, 'because of a fuel shortage');
    assert.equal(best(whyCues('The union called off the strike on Monday, citing a new offer from the port authority.')).answer, 'citing a new offer from the port authority');
    assert.equal(best(whyCues('The government raised tariffs in response to a flood of cheap steel imports.')).answer, 'in response to a flood of cheap steel imports');
    const jailed = best(whyCues('A court in Halden jailed the smuggler for trafficking stolen art.'));
    assert.equal(jailed.answer, 'for trafficking stolen art');
    assert.equal(jailed.kind, 'cause');
  });

  it('"due to be signed" is a schedule, not a cause; "jailed for two years" is a term, not a reason', () => {
    assert.deepEqual(whyCues('The treaty, due to be signed in May, sets new fishing quotas.'), []);
    assert.deepEqual(whyCues('A court in Halden jailed the smuggler for two years.'), []);
  });

  it('purposes: an infinitive after a complete act, "hoped to", "for talks", talks "on ending"', () => {
    assert.equal(best(whyCues('Rescue teams flew to the island to search for the missing fishermen.')).answer, 'to search for the missing fishermen');
    assert.equal(best(whyCues('Vahl said she hoped to sign a trade accord.')).answer, 'hoped to sign a trade accord');
    assert.equal(best(whyCues('The envoy arrived in Lisbon on Friday for talks on the fishing dispute.')).answer, 'for talks on the fishing dispute');
    assert.equal(best(whyCues('The two sides held talks in Geneva on ending the border dispute.')).answer, 'on ending the border dispute');
  });

  it('an infinitive that completes a verb ("urged residents to leave", "decided to close") is no purpose', () => {
    assert.deepEqual(whyCues('The council urged residents to leave the coast.'), []);
    assert.deepEqual(whyCues('The minister decided to close the border.'), []);
    assert.deepEqual(whyCues('The party called on its voters to end the boycott.'), []);
  });

  it('a cause outranks a purpose in one sentence; a circumstance ("amid") is the weakest', () => {
    const hits = whyCues('The mayor closed the market to protect traders, citing a rise in thefts.');
    assert.match(best(hits).answer, /^citing a rise in thefts/);
    assert.ok(hits.some((h) => h.kind === 'purpose' && /^to protect traders/.test(h.answer)));
    const amid = best(whyCues('Farmers blocked the motorway amid protests over water rationing.'));
    assert.equal(amid.answer, 'amid protests over water rationing');
    assert.equal(amid.kind, 'circumstance');
  });

  it('"is meant to" states a purpose; "showed its determination to" completes a noun', () => {
    assert.equal(best(whyCues('The new levy is meant to fund the flood defences.')).answer, 'is meant to fund the flood defences');
    assert.deepEqual(whyCues('The verdict showed the court\'s determination to punish fraud.'), []);
  });

  it('what the accused did, in a relative clause, is why they were charged; being moved by something is a cause', () => {
    assert.equal(best(whyCues('Four men who stole a fishing boat from the harbour were on Monday charged with theft.')).answer, 'stole a fishing boat from the harbour');
    assert.equal(best(whyCues('The minister was so shaken by the threats against her family that she resigned.')).answer, 'so shaken by the threats against her family');
  });

  it('"after escaping" is how it came about, not why', () => {
    assert.deepEqual(whyCues('The guards were arrested after escaping from the camp.'), []);
    assert.equal(best(howCues('The guards were arrested after escaping from the camp.')).answer, 'after escaping from the camp');
  });
});

describe('[summary/how] cue classes', () => {
  it('channels: a statement carried by an agency, a news conference; "told reporters" is the weakest', () => {
    assert.equal(best(howCues('The ministry announced the plan in a statement carried by the state news agency.')).answer, 'in a statement carried by the state news agency');
    assert.equal(best(howCues('The mayor told a news conference the bridge would reopen.')).answer, 'told a news conference');
    const told = best(howCues('The mayor told reporters the bridge would reopen.'));
    assert.equal(told.answer, 'told reporters');
    assert.ok(told.rank > best(howCues('The mayor said in an interview the bridge would reopen.')).rank);
  });

  it('means: armed with, thanks to, funding provided by, as part of, a vote', () => {
    assert.equal(best(howCues('The gang was armed with hunting rifles and machetes.')).answer, 'armed with hunting rifles and machetes');
    assert.equal(best(howCues('The girl was found alive thanks to tips from neighbours.')).answer, 'thanks to tips from neighbours');
    assert.equal(best(howCues('The dam was built with funding provided by the regional bank.')).answer, 'with funding provided by the regional bank');
    assert.equal(best(howCues('The envoy visited Lisbon as part of a four-nation tour.')).answer, 'as part of a four-nation tour');
    assert.equal(best(howCues('The assembly approved the budget in a secret ballot.')).answer, 'in a secret ballot');
    assert.equal(best(howCues('The senate voted 12-3 to approve the treaty.')).answer, 'voted 12-3');
  });

  it('the occasion a statement came out of: "said after an informal session"', () => {
    assert.equal(best(howCues('The envoys agreed on the text, the chair said after an informal session.')).answer, 'after an informal session');
  });

  it('prior actions: "by cutting costs", "after being spotted"; a place ending in -ing is no action', () => {
    assert.equal(best(howCues('The firm saved the plant by cutting costs.')).answer, 'by cutting costs');
    assert.equal(best(howCues('The fugitive was caught after being spotted at a railway station.')).answer, 'after being spotted at a railway station');
    assert.deepEqual(howCues('The ship was seized by Beijing coastguards.'), []);
  });
});

describe('[summary/5W] why and how in the summary', () => {
  it('why is the purpose of the lead event', () => {
    const s = summarize('Foreign Minister Ana Ruiz flew to Lisbon on Friday to negotiate a new fishing agreement with Portugal.', { reportDate: '2031-05-16' });
    assert.equal(s.fiveW.why.answer, 'to negotiate a new fishing agreement with Portugal');
    assert.match(s.fiveW.why.evidence!.text, /^Foreign Minister Ana Ruiz flew/);
  });

  it('how is the prior action that brought the event about', () => {
    const s = summarize('Border guards of Ostmark captured two smugglers on Tuesday after tracking them through the forest.', { reportDate: '2031-05-16' });
    assert.equal(s.fiveW.how.answer, 'after tracking them through the forest');
    assert.equal(s.fiveW.why.answer, '');
  });

  it('the channel of the source that reports the event, stated in the next sentence, is how', () => {
    const s = summarize('Police in Vella Lavella detained three men on Sunday, a police spokesman said.\nThe spokesman said in a statement that the men carried forged passports.', { reportDate: '2031-05-18' });
    assert.match(s.fiveW.what.answer, /^detained three men/);
    assert.equal(s.fiveW.how.answer, 'in a statement');
  });

  it('an attribution right after a quotation mark closes the quotation, so its channel counts', () => {
    const text = [
      'Mayor Lena Ostrova announced on Monday that the old bridge in Valdora would close for repairs.',
      '"The bridge is no longer safe.',
      'Heavy lorries shake it every day, "Ostrova said in a statement.',
    ].join('\n');
    const s = summarize(text, { reportDate: '2031-05-12' });
    assert.equal(s.fiveW.how.answer, 'in a statement');
    assert.match(s.fiveW.how.evidence!.text, /Ostrova said in a statement/);
  });

  it('another speaker\'s "told reporters" is not how the event happened', () => {
    const s = summarize('Dock workers in Portmere ended their strike on Friday, the union said.\nA union leader, Mara Quist, told reporters the deal would hold.', { reportDate: '2031-05-16' });
    assert.equal(s.fiveW.how.answer, '');
  });
});

describe('[summary/clauses] the main verb', () => {
  it('after "said", a capitalised word opens the reported clause; only "told" has an addressee', () => {
    const c = mainClause('A spokesman said Ostmark artillery was shelling the town.')!;
    assert.equal(c.subject.text, 'Ostmark artillery');
    assert.match(c.predicate.text, /^was shelling the town/);
    const t = mainClause('The mayor told German radio the bridge would close.')!;
    assert.equal(t.subject.text, 'the bridge');
  });

  it('"a group headed by X was forming": the participle with its agent is part of the subject', () => {
    const c = mainClause('A group headed by businessman Jan Kowal was forming a consortium.')!;
    assert.equal(c.verb.text, 'was forming');
  });

  it('"one of Valdoria\'s most acclaimed authors, died": the possessive is no verb', () => {
    const c = mainClause("Marta Vell, one of Valdoria's most acclaimed authors, died on Saturday at the age of 79.")!;
    assert.equal(c.verb.text, 'died');
    assert.equal(c.subject.text, 'Marta Vell');
  });
});

describe('[summary/5W] the main event among the lead sentences', () => {
  it('"NATO said it was monitoring …": the pronoun is the speaker, who is the organisation', () => {
    const s = summarize('MAHALA 2031-05-17\nNATO said it was carefully watching armed men moving towards the village of Mahala on Saturday.\nA spokesman said that the patrols had put a roadblock across the highway.', { reportDate: '2031-05-17' });
    assert.equal(s.fiveW.who.answer, 'NATO');
    assert.match(s.fiveW.what.answer, /^was carefully watching armed men/);
  });

  it('a named speaker\'s statement in the lead outranks a later sentence about him', () => {
    const text = [
      'Bishop Tomas Ekland says he is gravely ill.',
      'VALDORA 2031-05-16',
      'Bishop Tomas Ekland, head of the diocese of Valdora, said on Friday his doctors had found a tumour in his liver.',
      'Ekland, 70, underwent surgery for a heart condition in March 2029.',
    ].join('\n');
    const s = summarize(text, { reportDate: '2031-05-16', title: 'Bishop Tomas Ekland says he is gravely ill.' });
    assert.match(s.fiveW.what.answer, /^said on Friday/);
    assert.equal(s.fiveW.when.answer, 'Friday (2031-05-16)');
  });
});

describe('[summary/clauses] the main verb after a possessive', () => {
  it('"Valdoria\'s ruling party … called on": the participle is not the verb, the offsets stay aligned', () => {
    const s = "Valdoria's ruling party on Friday called on its voters to end a boycott of the vote.";
    const c = mainClause(s)!;
    assert.equal(c.verb.text, 'called on');
    assert.equal(s.slice(c.verb.start, c.verb.end), 'called on');
    assert.match(c.predicate.text, /^called on its voters to end a boycott/);
  });
});

describe('[summary/relations] meetings', () => {
  it('"NATO defence ministers met in Brussels": a collective subject meets; the place is where, not a counterpart', () => {
    const s = summarize('NATO defence ministers met in Brussels on Monday.', { reportDate: '2031-05-16' });
    const m = s.relations.find((r) => r.type === 'meeting');
    assert.ok(m, s.relations.map((r) => r.description).join(' | '));
    assert.deepEqual(m.participants.map((p) => p.name), ['NATO']);
    assert.equal(m.where?.name, 'Brussels');
  });

  it('"welcomed X\'s announcement" is no meeting with X', () => {
    for (const t of ["The European Commission welcomed Microsoft's announcement on Monday.", "The European Commission welcomed Microsoft 's announcement on Monday."]) {
      assert.deepEqual(summarize(t, { reportDate: '2031-05-16' }).relations.filter((r) => r.type === 'meeting'), [], t);
    }
    const host = summarize('President Tomas Reyes welcomed Chancellor Ingrid Vahl in Valdora on Monday.', { reportDate: '2031-05-16' });
    assert.ok(host.relations.some((r) => r.type === 'meeting'), 'a person welcomed is met');
  });
});

describe('[summary/relations] a comparison is no meeting', () => {
  it('"received more orders than X" names no party to a meeting; "received X" does', () => {
    const { summarize } = require('../../src/core') as typeof import('../../src/core');
    const rel = (t: string) => summarize(t, { reportDate: '2025-05-02', format: 'plain' }).relations.filter((r) => r.type === 'meeting').length;
    assert.equal(rel('So far this year Nordhavn Shipyards has received far more orders than Baltic Marine Works.'), 0);
    assert.equal(rel('President Ivana Kovacevic received Portuguese Prime Minister Duarte Vasconcelos in Zagreb on Tuesday.'), 1);
  });
});
