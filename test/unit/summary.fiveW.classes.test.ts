import { strict as assert } from 'node:assert';
import { summarize } from '../../src/core';
import { howCues, whyCues, type CueHit } from '../../src/core/summary/cues';
import { mainClause } from '../../src/core/summary/clauses';

// Every sentence below is written for these tests (none comes from an evaluation set). Each test is one error class
// of the 5W1H read on news in aggregate: the place the main verb goes to, a headline's cause, a cue that is part of
// another, a concession, "N days after", "by air bags".

/** The strongest, then earliest, hit: what the summary would answer for this sentence. */
const best = (hits: CueHit[]) => [...hits].sort((a, b) => a.rank - b.rank || a.at - b.at)[0];
const brief = (title: string, dateline: string, ...body: string[]) => ({
  text: [title, dateline, ...body].join('\n'),
  options: { title, reportDate: '2031-03-03', reportDateSource: 'option' as const, format: 'plain' as const },
});

describe('[summary/where] the place the main verb goes into or strikes, before the dateline', () => {
  it('"will visit Norway" filed from Stockholm: where is Norway', () => {
    const b = brief('Finnish minister to visit Norway.', 'STOCKHOLM 2031-03-03', 'Finland\'s Trade Minister Aino Lehto will visit Norway on March 9 and 10 to reopen talks on fishing quotas, the ministry said on Monday.', 'She is due to meet her Norwegian counterpart.');
    assert.equal(summarize(b.text, b.options).fiveW.where.answer, 'Norway');
  });

  it('"troops entered northern Chad" filed from Paris: where names Chad, not Paris', () => {
    const b = brief('Sudanese troops cross into Chad.', 'PARIS 2031-03-03', 'Sudanese troops on Monday entered northern Chad in pursuit of rebels, a French military source told reporters.', 'The source said the column was small.');
    assert.match(summarize(b.text, b.options).fiveW.where.answer, /Chad/);
  });

  it('a verb that says nothing about going there ("praised Norway") leaves the dateline', () => {
    const b = brief('Finnish minister praises Norway.', 'STOCKHOLM 2031-03-03', 'Finland\'s Trade Minister Aino Lehto praised Norway on Monday for its fishing policy, the ministry said.', 'She spoke at a forum.');
    assert.equal(summarize(b.text, b.options).fiveW.where.answer, 'STOCKHOLM');
  });

  it('the next sentence tells the same act again with its place: that place, before the dateline', () => {
    const b = brief('Police detain 9 poachers.', 'NAIROBI 2031-03-03', 'Police have detained nine suspected members of a poaching gang, a local radio station reported on Monday.', 'It said rangers arrested the men in the coastal city of Mombasa after a chase.', 'The men were being questioned.');
    assert.equal(summarize(b.text, b.options).fiveW.where.answer, 'Mombasa');
    // Another act in the next sentence, or a place one is sent to, leaves the dateline.
    const other = brief('Police detain 9 poachers.', 'NAIROBI 2031-03-03', 'Police have detained nine suspected members of a poaching gang, a local radio station reported on Monday.', 'It said the gang sold ivory in Mombasa for years.', 'The men were being questioned.');
    assert.equal(summarize(other.text, other.options).fiveW.where.answer, 'NAIROBI');
    const sent = brief('Minister meets envoy.', 'OSLO 2031-03-03', 'Foreign Minister Ola Berg on Monday met Ana Ruiz, the special envoy for Chad, the ministry said.', 'Ruiz held talks with the European envoy to Chad on Sunday.', 'No statement was issued.');
    assert.equal(summarize(sent.text, sent.options).fiveW.where.answer, 'OSLO');
  });

  it('"in the South" is no place: the dateline stays', () => {
    const b = brief('Rebels free hostage.', 'BOGOTA 2031-03-03', 'Rebels freed a soldier on Monday who had been held in the South since 2029, the army said.', 'He was flown to a hospital.');
    assert.equal(summarize(b.text, b.options).fiveW.where.answer, 'BOGOTA');
  });

  it('"the campaign group Writers in Prison said": the place belongs to the group\'s name', () => {
    const b = brief('Guards hold poet.', 'OSLO 2031-03-03', 'Border guards have detained a poet, the London-based campaign group Writers in Prison said on Monday.', 'The group said it feared for his health.');
    assert.equal(summarize(b.text, b.options).fiveW.where.answer, 'OSLO');
  });
});

describe('[summary/why] causes the cue lists missed, and cues that are not the cause', () => {
  it('the headline\'s cause is the event\'s ("… ahead of council vote"), read after the event sentence', () => {
    const body = ['Mayor Kari Holm arrived in Tromso from Bodo on Monday, aides said.', 'Her aides said Holm would chair the weekly meeting of the regional council on Tuesday.', 'In Oslo, farmers gathered outside parliament to march in protest against a new fuel tax.'];
    const b = brief('Mayor flies to Tromso ahead of council vote', 'OSLO 2031-03-03', ...body);
    assert.equal(summarize(b.text, b.options).fiveW.why.answer, 'ahead of council vote');
    // Read as a file (no title given): the first line is the headline all the same.
    assert.equal(summarize(b.text, { reportDate: '2031-03-03', format: 'plain' }).fiveW.why.answer, 'ahead of council vote');
  });

  it('a headline\'s "to" is a future or a complement, never a purpose', () => {
    const b = brief('Rail group to bid for northern line', 'OSLO 2031-03-03', 'A group of three Swedish rail firms plans to bid for the northern line, a newspaper reported on Monday.', 'The tender closes in May.');
    assert.equal(summarize(b.text, b.options).fiveW.why.answer, '');
  });

  it('"accused X of doing Y": the charge is the reason', () => {
    assert.equal(best(whyCues('The opposition leader accused the mayor on Monday of rigging the council vote.')).answer, 'of rigging the council vote');
    assert.equal(best(whyCues('Dockers held protests over unpaid wages.')).answer, 'over unpaid wages');
    assert.deepEqual(whyCues('Prices rose over the weekend.'), []);
    assert.deepEqual(whyCues('The two sides held talks over dinner.'), []);
  });

  it('a cue inside another cue\'s phrase is part of it: "after two days of protests over pay"', () => {
    const hits = whyCues('The council closed the college after two days of protests over unpaid grants.');
    assert.equal(hits.length, 1);
    assert.equal(hits[0].answer, 'after two days of protests over unpaid grants');
  });

  it('what a concession grants is not the reason: "Although meant to …"', () => {
    const hits = whyCues('Although supposedly aimed at smugglers, the checks have stopped hundreds of farmers, which is meant to scare the villages.');
    assert.ok(!hits.some((h) => /aimed at smugglers/.test(h.answer)));
    assert.equal(best(hits).answer, 'is meant to scare the villages');
    assert.deepEqual(whyCues('Some orders were cancelled, though many were kept due to the low price.'), []);
  });

  it('an infinitive joined by "and" to a complement is a complement too', () => {
    assert.deepEqual(whyCues('The group urged the port authority to avoid any use of force and to calm the crews by explaining the new rules.'), []);
    // A purpose after a complete act is still one.
    assert.equal(best(whyCues('Rescue teams flew to the island to search for the missing fishermen.')).answer, 'to search for the missing fishermen');
  });
});

describe('[summary/why] no cue: the background the report gives in the past perfect', () => {
  const lead = 'Harbour police in Varna have detained 12 suspected members of a smuggling ring, a local newspaper reported on Monday.';
  it('"X said the men had been running …", right after the lead, is why', () => {
    const b = brief('Varna police detain 12 smugglers.', 'SOFIA 2031-03-03', lead, 'The paper said the men had been running stolen cars through the port since spring.', 'The men were being questioned.');
    assert.equal(summarize(b.text, b.options).fiveW.why.answer, 'the men had been running stolen cars through the port since spring');
  });

  it('not what earlier reports had said, not a quotation, not a sentence far from the lead', () => {
    const hearsay = brief('Varna police detain 12 smugglers.', 'SOFIA 2031-03-03', lead, 'Earlier reports had said the ring had shipped cars to Georgia.', 'The men were being questioned.');
    assert.equal(summarize(hearsay.text, hearsay.options).fiveW.why.answer, '');
    const quoted = brief('Varna police detain 12 smugglers.', 'SOFIA 2031-03-03', lead, '"They had been shipping cars for months," a police officer said.', 'The men were being questioned.');
    assert.equal(summarize(quoted.text, quoted.options).fiveW.why.answer, '');
    const far = brief('Varna police detain 12 smugglers.', 'SOFIA 2031-03-03', lead, 'The men were being questioned.', 'Their lawyers were not available.', 'The paper said the men had been running stolen cars through the port.');
    assert.equal(summarize(far.text, far.options).fiveW.why.answer, '');
  });
});

describe('[summary/how] a time counted from an act, and a vehicle that is a noun\'s modifier, are no means', () => {
  it('"two days after escaping" dates the arrest; "after being spotted" still says how', () => {
    assert.deepEqual(howCues('A convicted burglar was arrested on Monday, two days after escaping from a prison van.'), []);
    assert.equal(best(howCues('He was caught after being spotted at a bus station.')).answer, 'after being spotted at a bus station');
    const s = summarize('A convicted burglar was arrested on Monday, two days after escaping from a prison van, police said.\nOle Brandt, 44, was caught after being spotted at a bus station in Lund.', { reportDate: '2031-03-03' });
    assert.equal(s.fiveW.how.answer, 'after being spotted at a bus station in Lund');
  });

  it('"killed by air bags" is no journey by air; "flew in by helicopter" is', () => {
    assert.deepEqual(howCues('The campaign aims to cut the number of children hurt by air bags in cars.'), []);
    assert.equal(best(howCues('The minister reached the flooded town by helicopter on Sunday.')).answer, 'by helicopter');
    assert.equal(best(howCues('Supplies arrived by air, the agency said.')).answer, 'by air');
  });
});

describe('[summary/clauses] a predicate ends before "and said"', () => {
  it('"condemned the raid and said it would recall …": the what is the condemnation', () => {
    const c = mainClause('Norway on Monday condemned the raid on the border post and said it would recall its envoy for consultations.');
    assert.ok(c);
    assert.equal(c.predicate.text, 'condemned the raid on the border post');
  });
});
