import * as assert from 'node:assert/strict';
import { buildActors, summarize } from '../../src/core';
import type { Actor } from '../../src/core';
import { findQuotations } from '../../src/core/actors/quotes';
import { parseRolePhrase } from '../../src/core/actors/appositions';
import { analysisOf } from '../fixtures/actors/entityLayers';

// Regression cases for issue #12, one per failure class, on text written for these tests (not from any dev set).
const byName = (actors: Actor[], name: string): Actor => {
  const a = actors.find((x) => x.name === name);
  assert.ok(a, `no actor ${name} in ${actors.map((x) => x.name).join(', ')}`);
  return a;
};
const speakerOf = (actors: Actor[], quoteStart: string): string | undefined =>
  actors.find((a) => a.quotes.some((q) => q.text.startsWith(quoteStart)))?.name;

describe('[core/actors/appositions] roles and affiliations from sentence structure', () => {
  it('reads a role phrase: modifiers, head, "of/at" objects, possessive owners, demonyms', () => {
    assert.deepEqual(parseRolePhrase('deputy director of operations at Northwind Logistics'), { role: 'deputy director of operations', affiliation: 'Northwind Logistics', plural: false });
    assert.deepEqual(parseRolePhrase("Halvorsen Shipping's finance director"), { role: 'finance director', affiliation: 'Halvorsen Shipping', plural: false });
    assert.deepEqual(parseRolePhrase('the mayor’s chief of staff'), { role: 'chief of staff', affiliation: undefined, plural: false });
    assert.equal(parseRolePhrase('two opposition leaders')?.plural, true);
    assert.equal(parseRolePhrase('Norwegian peacemaker')?.affiliation, 'Norway');
    assert.equal(parseRolePhrase('the weather on Tuesday'), undefined, 'no role noun, no role');
  });

  it('apposition after the name, with "of/at <Org>": the role and the organisation go to that person', () => {
    const text = 'Maren Solberg, deputy director of operations at Northwind Logistics, met Tomas Eide on Monday.';
    const actors = buildActors(text, analysisOf(text, { person: ['Maren Solberg', 'Tomas Eide'], organization: ['Northwind Logistics'] }));
    const m = byName(actors, 'Maren Solberg');
    assert.ok(m.roles.includes('deputy director of operations'), m.roles.join('|'));
    assert.equal(m.affiliation, 'Northwind Logistics');
    assert.deepEqual(byName(actors, 'Tomas Eide').roles, [], 'the role belongs to the actor it is attached to, not to a neighbour');
  });

  it('possessive before the name and lower-case role nouns: "<Org>’s finance director <Name>", "campaign manager <Name>"', () => {
    const text = "Halvorsen Shipping's finance director Ingrid Lund resigned. The Berg campaign manager Ola Dahl declined to comment.";
    const actors = buildActors(text, analysisOf(text, { person: ['Ingrid Lund', 'Ola Dahl', 'Berg'], organization: ['Halvorsen Shipping'] }));
    const i = byName(actors, 'Ingrid Lund');
    assert.ok(i.roles.includes('finance director'), i.roles.join('|'));
    assert.equal(i.affiliation, 'Halvorsen Shipping');
    assert.ok(byName(actors, 'Ola Dahl').roles.includes('campaign manager'));
  });

  it('"who heads", copulas and appositions before the name', () => {
    const text =
      'Kari Nilsen, who heads the Arctic Research Division, spoke first. Per Holm is Kari Nilsen’s chief of staff. ' +
      'The spokesman of the Coastal Authority, Lars Berg, said nothing. The police detained two opposition leaders, Eva Lie and Jon Moe.';
    const actors = buildActors(
      text,
      analysisOf(text, { person: ['Kari Nilsen', 'Per Holm', 'Lars Berg', 'Eva Lie', 'Jon Moe'], organization: ['Arctic Research Division', 'Coastal Authority'] }),
    );
    assert.ok(byName(actors, 'Kari Nilsen').roles.some((r) => r.startsWith('head of')));
    assert.equal(byName(actors, 'Kari Nilsen').affiliation, 'Arctic Research Division');
    assert.ok(byName(actors, 'Per Holm').roles.includes('chief of staff'));
    assert.ok(byName(actors, 'Lars Berg').roles.includes('spokesman'));
    assert.equal(byName(actors, 'Lars Berg').affiliation, 'Coastal Authority');
    for (const n of ['Eva Lie', 'Jon Moe']) assert.ok(byName(actors, n).roles.includes('opposition leader'), `${n} shares the plural role`);
  });
});

describe('[core/actors/appositions] affiliations without a title', () => {
  it('"X of <Org>", "X from <Place>", a byline desk, a side ("opposition leader"), a nationality before a plain noun', () => {
    const text =
      'Ragna Moe of the Tromsø Harbour Authority said the quay was safe. Eirik Lunde of Oslo-based Fjellnett Media disagreed. ' +
      'Police questioned opposition leader Kai Brun and rebel commander Jon Aas. Officers found missing Swedish girl Elin Berg at a campsite. ' +
      'Lars Holt, a young unemployed Latvian, watched. Oda Sand, a Danish-born nurse from Iceland, left.\n-- Siv Eng, Tromsø Newsroom';
    const actors = buildActors(
      text,
      analysisOf(text, {
        person: ['Ragna Moe', 'Eirik Lunde', 'Kai Brun', 'Jon Aas', 'Elin Berg', 'Lars Holt', 'Oda Sand', 'Siv Eng'],
        organization: ['Tromsø Harbour Authority', 'Fjellnett Media'],
        place: ['Iceland', 'Tromsø'],
        group: ['Swedish', 'Latvian'],
      }),
    );
    const aff = (n: string) => byName(actors, n).affiliation;
    assert.equal(aff('Ragna Moe'), 'Tromsø Harbour Authority');
    assert.equal(aff('Eirik Lunde'), 'Fjellnett Media');
    assert.equal(aff('Kai Brun'), 'opposition');
    assert.equal(aff('Jon Aas'), 'rebels');
    assert.equal(aff('Elin Berg'), 'Sweden');
    assert.equal(aff('Lars Holt'), 'Latvia');
    assert.equal(aff('Oda Sand'), 'Iceland');
    assert.equal(aff('Siv Eng'), 'Tromsø Newsroom');
  });

  it('no affiliation from words that are not one: a verb before a nationality, a date after "of"', () => {
    const text = 'The court heard that Nils Dahl of 12 May was absent. Voters backed Finnish Prime Minister Aino Koski, who met reporters.';
    const actors = buildActors(text, analysisOf(text, { person: ['Nils Dahl', 'Aino Koski'], date: ['12 May'], group: ['Finnish'], title: ['Prime Minister'] }));
    assert.equal(byName(actors, 'Nils Dahl').affiliation, undefined);
    assert.equal(byName(actors, 'Aino Koski').affiliation, 'Finland');
  });
});

describe('[core/actors/quotes] quotation marks and speakers', () => {
  it('British single quotes, but not apostrophes', () => {
    const text = "'We will not negotiate under threat,' the minister said. The boys' bikes and Tom's car weren't touched.";
    const qs = findQuotations(text);
    assert.deepEqual(qs.map((q) => q.text), ['We will not negotiate under threat']);
  });

  it('a multi-paragraph quotation: an opening mark on each paragraph, a closing one only at the end', () => {
    const text = '“The harbour will reopen in May,” said Anna Berg.\n\n“We have rebuilt the pier and trained new pilots.\n\n“Nobody will lose their job,” she added.';
    const qs = findQuotations(text);
    assert.deepEqual(qs.map((q) => q.text), ['The harbour will reopen in May', 'We have rebuilt the pier and trained new pilots.', 'Nobody will lose their job']);
    const actors = buildActors(text, analysisOf(text, { person: ['Anna Berg'] }));
    for (const q of ['The harbour', 'We have rebuilt', 'Nobody will']) assert.equal(speakerOf(actors, q), 'Anna Berg', q);
  });

  it('a quotation split by its speech clause, and the next sentence of the same speech, is one quote', () => {
    const text = '“The fleet is ready,” Admiral Jens Vik said, “and it will sail on Friday.” “Nothing has changed.” Later the port was closed.';
    const actors = buildActors(text, analysisOf(text, { person: ['Jens Vik'], title: ['Admiral'] }));
    const quotes = byName(actors, 'Jens Vik').quotes;
    assert.deepEqual(quotes.map((q) => q.text), ['The fleet is ready … and it will sail on Friday. … Nothing has changed.']);
    assert.equal(text.slice(quotes[0].start, quotes[0].start + 18), 'The fleet is ready');
    assert.ok(text.slice(quotes[0].start, quotes[0].end).endsWith('Nothing has changed.'));
  });

  it('"Ms. X said." between two quotations: the abbreviation dot does not end the speech', () => {
    const text =
      'The ferry reopened on Monday.\n\n"Are we where we want to be? Not yet," Ms. Kari Lund said. "Will we get there? Certainly."\n\n' +
      '"It is too early," Dr. Ola Moe said in the evening. A storm is due on Tuesday. "We will see."';
    const actors = buildActors(text, analysisOf(text, { person: ['Kari Lund', 'Ola Moe'], title: ['Ms', 'Dr'] }));
    assert.deepEqual(byName(actors, 'Kari Lund').quotes.map((q) => q.text), ['Are we where we want to be? Not yet … Will we get there? Certainly.']);
    assert.deepEqual(byName(actors, 'Ola Moe').quotes.map((q) => q.text), ['It is too early'], 'a new sentence between breaks the speech');
  });

  it('the one quoted speaks, not the agency quoting; a place is never a speaker', () => {
    const text = '“Talks will resume,” Nordpress quoted Erik Sand as saying. “Prices will rise,” Oslo said in a note.';
    const actors = buildActors(text, analysisOf(text, { person: ['Erik Sand'], organization: ['Nordpress'], place: ['Oslo'] }));
    assert.equal(speakerOf(actors, 'Talks will resume'), 'Erik Sand');
    assert.equal(speakerOf(actors, 'Prices will rise'), undefined);
  });

  it('"according to X" after the quotation; "he said" after an unnamed speaker stays unnamed', () => {
    const text =
      'Anders Lie arrived late. “The bridge was never inspected,” according to the Road Agency. ' +
      '“We saw the cracks,” said a local engineer. “Nobody listened,” he said.';
    const actors = buildActors(text, analysisOf(text, { person: ['Anders Lie'], organization: ['Road Agency'] }));
    assert.equal(speakerOf(actors, 'The bridge'), 'Road Agency');
    assert.equal(speakerOf(actors, 'We saw the cracks'), undefined, 'a local engineer is not a named speaker');
    assert.equal(speakerOf(actors, 'Nobody listened'), undefined, '"he" is the unnamed engineer, not Anders Lie');
  });

  it('a pronoun speaker goes to the speaker of the quotation just before', () => {
    const text = '“We are ready,” Sofie Dahl told reporters. Her rival Nils Bakke disagreed. Later Sofie Dahl met voters. “I am not worried,” she said.';
    const actors = buildActors(text, analysisOf(text, { person: ['Sofie Dahl', 'Nils Bakke'] }));
    assert.equal(speakerOf(actors, 'We are ready'), 'Sofie Dahl');
  });

  it('reported speech: "X told Y that …" and "…, the agency said" are indirect quotes of their speaker', () => {
    const text = 'Mette Ruud told lawmakers that the budget would be cut by a tenth next year. The plant will close in the spring, Fjord Energy said.';
    const actors = buildActors(text, analysisOf(text, { person: ['Mette Ruud'], organization: ['Fjord Energy'] }));
    const m = byName(actors, 'Mette Ruud').quotes.find((q) => q.indirect);
    assert.equal(m?.text, 'the budget would be cut by a tenth next year');
    const f = byName(actors, 'Fjord Energy').quotes.find((q) => q.indirect);
    assert.equal(f?.text, 'The plant will close in the spring');
  });

  it('“…,” X said is one direct quote, not also a reported one; summaries carry indirect for reported speech', () => {
    const text = 'Jonas Berg told reporters that the new budget would cut defence spending by a tenth. “We will not back down,” Berg said on Monday.';
    const actors = buildActors(text, analysisOf(text, { person: ['Jonas Berg', 'Berg'] }));
    const quotes = byName(actors, 'Jonas Berg').quotes;
    assert.deepEqual(quotes.filter((q) => q.text.includes('back down')).map((q) => [q.text, !!q.indirect]), [['We will not back down', false]]);
    const s = summarize(text);
    const reported = s.quotes.find((q) => q.text.startsWith('the new budget'));
    assert.equal(reported?.indirect, true);
    assert.equal(s.quotes.find((q) => q.text === 'We will not back down')?.indirect, undefined);
  });

  it('reported speech with cue verbs beyond "said": progressive, a phrase before "that", a participle, "called" with a quotation', () => {
    const text =
      'Hanne Strand is telling a farmers’ union that the subsidy will “stay in place for years”. ' +
      'Petter Foss said at a rally in Tromsø that the new road would be “finished by the spring”. ' +
      'Later Liv Aune answered critics on the radio, saying that the harbour fees were “far too high already”. ' +
      'Odd Lie called the proposal “a waste of public money and time”. ' +
      'Siri Holt called the hospital on Monday morning before the meeting.';
    const actors = buildActors(text, analysisOf(text, { person: ['Hanne Strand', 'Petter Foss', 'Liv Aune', 'Odd Lie', 'Siri Holt'] }));
    const said = (name: string) => byName(actors, name).quotes.filter((q) => q.indirect).map((q) => q.text);
    assert.deepEqual(said('Hanne Strand'), ['the subsidy will “stay in place for years”']);
    assert.deepEqual(said('Petter Foss'), ['the new road would be “finished by the spring”']);
    assert.deepEqual(said('Liv Aune'), ['the harbour fees were “far too high already”']);
    assert.equal(speakerOf(actors, 'a waste of public money'), 'Odd Lie');
    assert.deepEqual(byName(actors, 'Siri Holt').quotes, [], '"called" without a quotation is a phone call, not speech');
  });

  it('"he said" goes to the nearest sentence subject: a person described but not named stays unnamed', () => {
    const text =
      '"We kept the school open all winter," said Ruth Falk, a teacher.\n' +
      'One older fisherman, who would not give his name, said his boat had been idle since May.\n' +
      'He also said the quay had flooded twice. "\nNobody came to repair it, "he said.';
    const actors = buildActors(text, analysisOf(text, { person: ['Ruth Falk'] }));
    assert.equal(speakerOf(actors, 'We kept the school'), 'Ruth Falk');
    assert.equal(speakerOf(actors, 'Nobody came to repair'), undefined, 'the fisherman, not Ruth Falk');
  });

  it('a quotation that goes on from reported speech has its speaker', () => {
    const text = 'Tove Brekke spoke in Bodø.\nShe admitted that many young people had moved south. "\nBut for most of us, the north is home. "\n';
    const actors = buildActors(text, analysisOf(text, { person: ['Tove Brekke'], place: ['Bodø'] }));
    assert.equal(speakerOf(actors, 'But for most of us'), 'Tove Brekke');
  });

  it('speakers the tagger typed as places: a broadcaster named by its city, a surname tagged as a place', () => {
    const text =
      '"The border will stay closed," Tromsø radio said on Friday.\n' +
      'Arne Vold came to Kirkenes in June. Vold arrived by ferry.\n' +
      '"We waited three days for the permit," Vold said.';
    const actors = buildActors(text, analysisOf(text, { person: ['Arne Vold'], place: ['Tromsø', 'Kirkenes', 'Vold'] }));
    assert.equal(speakerOf(actors, 'The border will stay'), 'Tromsø radio');
    assert.equal(actors.find((a) => a.name === 'Tromsø radio')?.type, 'organization');
    assert.equal(speakerOf(actors, 'We waited three days'), 'Arne Vold');
    assert.ok(!actors.some((a) => a.name === 'Vold' && a.type === 'place'), 'a place does not speak');
  });

  it('readers’ voices: “…” ― Name at the end of a line names a person the tagger missed; a paragraph opened by ” is a quotation', () => {
    const text = 'What readers told us.\n\n“The ferry must run in winter too.”\u00a0― Marit Solheim\u00a0\n\n”Nobody asked the islanders what they need.” ― Per Dahl.\n';
    const actors = buildActors(text, analysisOf(text, {}));
    assert.equal(speakerOf(actors, 'The ferry must run'), 'Marit Solheim');
    assert.equal(speakerOf(actors, 'Nobody asked the islanders'), 'Per Dahl');
    assert.equal(byName(actors, 'Per Dahl').type, 'person');
  });

  it('reported speech: a role before the subject, a noun that looks like a verb, a second verb of the subject, a sentence of scare quotes', () => {
    const text =
      'Labour leader Kari Holm answered on the radio, saying that the tunnel would be “a burden for decades”. ' +
      'Following early reports of the flood, but before the police had spoken, county mayor Odd Strand said at a briefing that the dam was “holding for now”. ' +
      'Nils Berg toured the harbour in Hammerfest and said he thought the new quay was “far too small” for the trawlers. ' +
      'Eva Lie called the plan a “disgrace,” a “fantasy” and “the worst budget in a generation.”';
    const actors = buildActors(text, analysisOf(text, { person: ['Kari Holm', 'Odd Strand', 'Nils Berg', 'Eva Lie'], organization: ['Hammerfest'] }));
    const said = (name: string) => byName(actors, name).quotes.filter((q) => q.indirect).map((q) => q.text);
    assert.deepEqual(said('Kari Holm'), ['the tunnel would be “a burden for decades”']);
    assert.deepEqual(said('Odd Strand'), ['the dam was “holding for now”']);
    assert.deepEqual(said('Nils Berg'), ['he thought the new quay was “far too small” for the trawlers']);
    assert.deepEqual(byName(actors, 'Hammerfest').quotes, [], 'the place of the second verb does not speak');
    assert.equal(speakerOf(actors, 'the worst budget'), 'Eva Lie');
  });

  it('"Said X:" before a quotation names the speaker, not the person before it', () => {
    const text = 'Moderator Lena Vik questioned Governor Tor Hauge about the schools. Said Vik: “That is not what the records show.”';
    const actors = buildActors(text, analysisOf(text, { person: ['Lena Vik', 'Tor Hauge', 'Vik'], title: ['Governor'] }));
    assert.equal(speakerOf(actors, 'That is not what'), 'Lena Vik');
  });

  it('mixed straight and curly marks pair; initials in a speech clause; a participle speaks for its subject; "X’s claim that"', () => {
    const text =
      '"The quay is too short,” said Rolf Ask, head of the Harbour Board.\n\n' +
      '“We will not wait another year," Mona Dahl said in Vardø, N.K., "and we will build it ourselves."\n\n' +
      'Ivar Lien attacked Siri Moe over the budget, saying, “She has never visited the island.”\n\n' +
      'The council examined Ivar Lien’s claim that the ferry “loses money on every crossing” this year.';
    const actors = buildActors(text, analysisOf(text, { person: ['Rolf Ask', 'Mona Dahl', 'Ivar Lien', 'Siri Moe'], organization: ['Harbour Board'], place: ['Vardø'] }));
    assert.equal(speakerOf(actors, 'The quay is too short'), 'Rolf Ask');
    assert.deepEqual(byName(actors, 'Mona Dahl').quotes.map((q) => q.text), ['We will not wait another year … and we will build it ourselves.']);
    assert.equal(speakerOf(actors, 'She has never visited'), 'Ivar Lien');
    assert.ok(byName(actors, 'Ivar Lien').quotes.some((q) => q.indirect && q.text.startsWith('the ferry “loses money')));
  });

  it('a short quotation inside a quotation; speech going on after a sentence about the speaker or after reported speech', () => {
    const text =
      '“As a fisherman, I would rather live with what he calls “chaos” than with his quotas.” ― Eli Sande\n\n' +
      '"We had problems with the quotas before," Rune Dahl said after meeting Nina Lund. He did not promise a change. "Our aim is to keep the boats at sea."\n\n' +
      'The harbour may close for the winter, Tone Vik said. “Nobody here wants that to happen again.”';
    const actors = buildActors(text, analysisOf(text, { person: ['Eli Sande', 'Rune Dahl', 'Nina Lund', 'Tone Vik'] }));
    assert.equal(speakerOf(actors, 'As a fisherman'), 'Eli Sande');
    assert.ok(byName(actors, 'Eli Sande').quotes[0].text.endsWith('than with his quotas.'));
    assert.equal(speakerOf(actors, 'Our aim is to keep'), 'Rune Dahl');
    assert.equal(speakerOf(actors, 'Nobody here wants'), 'Tone Vik');
  });

  it('a paragraph ending "X continued:" introduces the quotation of the next paragraph', () => {
    const text = 'Pollster Kari Dahl spoke for an hour.\n\nDahl continued:\n\n"The ferry issue is very much a local issue, but it decides the county."\n';
    const actors = buildActors(text, analysisOf(text, { person: ['Kari Dahl', 'Dahl'] }));
    assert.equal(speakerOf(actors, 'The ferry issue'), 'Kari Dahl');
  });

  it('"a message posted Friday" is not the speech verb: the subject of "said" speaks', () => {
    const text = 'In a Nordbok message posted Friday, Arne Solli said he had “serious doubts” about the plan but would vote for it.';
    const actors = buildActors(text, analysisOf(text, { person: ['Arne Solli'], organization: ['Nordbok'] }));
    assert.ok(byName(actors, 'Arne Solli').quotes.some((q) => q.indirect && q.text.startsWith('he had “serious doubts”')));
    assert.deepEqual(byName(actors, 'Nordbok').quotes, []);
  });

  it('a scare quote in someone else’s sentence stays unattributed', () => {
    const text = '“We will win,” said Kjell Aas. Critics called the rally a “photo opportunity”.';
    const actors = buildActors(text, analysisOf(text, { person: ['Kjell Aas'] }));
    assert.equal(speakerOf(actors, 'photo opportunity'), undefined);
  });
});

describe('[core/actors] coreference sieve: careful before eager', () => {
  it('a surname joins the only person who carries it, with its evidence; two people sharing it keep it apart', () => {
    const text = 'Astrid Holm met Bjorn Eng in Bergen. Holm said the talks went well. Later Eng left.';
    const actors = buildActors(text, analysisOf(text, { person: ['Astrid Holm', 'Bjorn Eng', 'Holm', 'Eng'], place: ['Bergen'] }));
    const s = byName(actors, 'Astrid Holm').mentions.find((m) => m.text === 'Holm');
    assert.equal(s?.kind, 'surname');
    assert.match(s?.evidence ?? '', /only person/);

    const two = 'President Erik Lund and his wife Hanne Lund arrived. Lund spoke first.';
    const a2 = buildActors(two, analysisOf(two, { person: ['Erik Lund', 'Hanne Lund', 'Lund'], title: ['President'] }));
    const at = two.lastIndexOf('Lund');
    assert.ok(!byName(a2, 'Erik Lund').mentions.some((m) => m.start === at));
    assert.ok(!byName(a2, 'Hanne Lund').mentions.some((m) => m.start === at), 'the president’s words do not move to a family member');
  });

  it('a nominal reference links to the one holder of the role, with evidence the hover shows', () => {
    const text = 'Prime Minister Rolf Strand visited Tromso. The premier promised new funds.';
    const actors = buildActors(text, analysisOf(text, { person: ['Rolf Strand'], title: ['Prime Minister', 'premier'], place: ['Tromso'] }));
    const n = byName(actors, 'Rolf Strand').mentions.find((m) => m.kind === 'nominal');
    assert.ok(n, 'the premier is Rolf Strand');
    assert.match(n.evidence ?? '', /Prime Minister/);
  });

  it('names the words around show are things or places are not people; eponyms stay people', () => {
    const text =
      'Jets landed on the aircraft carrier Harald Dahl. The Harald Dahl leads the group. Crowds filled Frederik Holm airport. ' +
      'Police reopened the Nina Berg case. Nina Berg was last seen in May.';
    const actors = buildActors(text, analysisOf(text, { person: ['Harald Dahl', 'Frederik Holm', 'Nina Berg'] }));
    const persons = actors.filter((a) => a.type === 'person').map((a) => a.name);
    assert.ok(!persons.includes('Harald Dahl'), 'a ship');
    assert.ok(!persons.includes('Frederik Holm'), 'an airport');
    assert.ok(persons.includes('Nina Berg'), '"the Nina Berg case" is still about a person');
  });
});
