import * as assert from 'node:assert/strict';
import { buildActors } from '../../src/core';
import type { Actor } from '../../src/core';
import { findQuotations } from '../../src/core/actors/quotes';
import { analysisOf } from '../fixtures/actors/entityLayers';

// Speaker classes of issue #12 read from the PolNeAR dev errors in aggregate; every text here is written for these tests.
const speakerOf = (actors: Actor[], quoteStart: string): string | undefined =>
  actors.find((a) => a.quotes.some((q) => q.text.startsWith(quoteStart)))?.name;

describe('[core/actors/quotes] speakers the attribution patterns used to miss', () => {
  it('"said Del. X of …": the title’s dot does not end the speech clause', () => {
    const text = 'The vote was close.\n\n"This is a waste of the committee’s time," said Del. Rosa Lind of the island district.';
    const actors = buildActors(text, analysisOf(text, { person: ['Rosa Lind'] }));
    assert.equal(speakerOf(actors, 'This is a waste'), 'Rosa Lind');
  });

  it('a nickname in quotes inside a name is part of the name: no quote of its own, and the speech clause reads through it', () => {
    const text =
      'Ola Berg opened the fair.\n\n"This is a big night for our little town!" Berg’s niece, councillor Marit "Mia" Lund (Labour), shouted to the crowd. "The whole county is watching us tonight."';
    const actors = buildActors(text, analysisOf(text, { person: ['Ola Berg', 'Marit', 'Lund', 'Berg'] }));
    const all = actors.flatMap((a) => a.quotes.map((q) => q.text));
    assert.ok(!all.includes('Mia'), `a nickname is no quote: ${all.join(' | ')}`);
    const speaker = speakerOf(actors, 'This is a big night');
    assert.ok(speaker && speaker !== 'Ola Berg', `the niece speaks, not her uncle: ${speaker}`);
    const joined = actors.flatMap((a) => a.quotes).find((q) => q.text.startsWith('This is a big night'));
    assert.ok(joined?.text.endsWith('The whole county is watching us tonight.'), `one utterance split by its speech clause: ${joined?.text}`);
  });

  it('"Said X:" with a surname the tagger missed there goes to the one person of that surname', () => {
    const text =
      '“The deficit is hard to avoid,” said Ryan Holm, a tax consultant in Bergen.\n\n' +
      'Critics doubt the plan would make the code simpler. Said Holm: “I don’t get the sense anyone wants a simpler code.”';
    const actors = buildActors(text, analysisOf(text, { person: ['Ryan Holm'], place: ['Bergen'] }));
    assert.equal(speakerOf(actors, 'I don’t get the sense'), 'Ryan Holm');
  });

  it('a clause that a colon ends introduces the quotation: its subject speaks, also across a paragraph break', () => {
    const text =
      'On May 3, 2015, Kari Moe made the following comment:\n\n“For young people who left school early, the jobless rate is a third.”\n\n' +
      'With the vote only weeks away, Prime Minister Jon Dahl has a new and more personal message: “This one is about me.”\n\n' +
      'The agenda had one item: “the harbour fees for the winter season.”';
    const actors = buildActors(text, analysisOf(text, { person: ['Kari Moe', 'Jon Dahl'], title: ['Prime Minister'] }));
    assert.equal(speakerOf(actors, 'For young people'), 'Kari Moe');
    assert.equal(speakerOf(actors, 'This one is about me'), 'Jon Dahl');
    assert.equal(speakerOf(actors, 'the harbour fees'), undefined, 'no person opens "The agenda had one item"');
  });

  it('an opening curly mark at the end of a paragraph, after end punctuation, closes the quotation', () => {
    const text = 'She wrote:\n\n“The rate is a third for the young. For their parents it is far lower.“\n\nThe figures were checked.';
    assert.deepEqual(findQuotations(text).map((q) => q.text), ['The rate is a third for the young. For their parents it is far lower.']);
  });

  it('“…,” Name, a long apposition, told …: the name speaks', () => {
    const text = '“This story is not only in our courts, it is pushed by every channel we watch,” Ida Berg, the executive director at the Harbour Trust and since last spring a board member of the pilots’ union, told the Tribune.';
    const actors = buildActors(text, analysisOf(text, { person: ['Ida Berg'], organization: ['Harbour Trust', 'Tribune'] }));
    assert.equal(speakerOf(actors, 'This story is not only'), 'Ida Berg');
  });

  it('a sentence that is only a quotation goes on from the person who is the subject of the sentence before', () => {
    const text =
      'Her former partner at Nordfisk, Lars Eng, called her a master of impossible deals. "She put together deals that nobody else could."\n\n' +
      'On the radio, Senator Siv Aas (Nordland), who lost the primary, named fatigue as the reason. "The young are tired of being told to wait."\n\n' +
      'The council met on Monday in the town hall. "It is a disgrace and a waste of money."';
    const actors = buildActors(text, analysisOf(text, { person: ['Lars Eng', 'Siv Aas'], organization: ['Nordfisk'], title: ['Senator'] }));
    assert.equal(speakerOf(actors, 'She put together'), 'Lars Eng');
    assert.equal(speakerOf(actors, 'The young are tired'), 'Siv Aas');
    assert.equal(speakerOf(actors, 'It is a disgrace'), undefined, 'no person is the subject before it');
  });
});

describe('[core/actors/quotes] transcripts and unnamed sources', () => {
  it('a transcript line in quotation marks: the capitalised surname before the colon speaks, a label of no one named speaks for no one', () => {
    const text =
      'Moderator Jon Hale questioned Governor Siri Moe about the ferry.\n\n' +
      '"MOE: Well, look, my rival thinks this is an episode of “Dragon’s Den.” But this is serious business for the islands.\n\n' +
      '"HALE: If I may, because we have limited time, will the ferry run in winter?\n\n' +
      '"KRAG: Let me add one thing about the harbour before you answer that.\n';
    const actors = buildActors(text, analysisOf(text, { person: ['Jon Hale', 'Siri Moe'], title: ['Moderator', 'Governor'] }));
    const moe = actors.find((a) => a.name === 'Siri Moe')!.quotes.find((q) => q.text.startsWith('Well, look'));
    assert.ok(moe, 'the line is Moe’s, without its label');
    assert.ok(moe.text.endsWith('serious business for the islands.'), `the nested “Dragon’s Den” does not cut it short: ${moe.text}`);
    assert.equal(speakerOf(actors, 'If I may'), 'Jon Hale');
    assert.equal(speakerOf(actors, 'KRAG: Let me add'), undefined, 'not the previous speaker');
  });

  it('“…,” said one source on the panel: unnamed, and the reported speech before it lends it no name', () => {
    const text =
      'Labour also blasted the Harbour Board for failing to make clear on Friday that the waiver was only “partial,” meaning it covered the fees alone.\n\n' +
      '“They are in a frenzy that is disorganised and lurching from one point to the next,” said one senior source close to the board.';
    const actors = buildActors(text, analysisOf(text, { organization: ['Harbour Board', 'Labour'] }));
    assert.equal(speakerOf(actors, 'They are in a frenzy'), undefined);
  });
});

describe('[core/actors/descriptions] speakers named by a description', () => {
  it('"the Nordland senator" is the one person whose roles fit (Sen.), not the name just before the description', () => {
    const text =
      'Sen. Kari Holm (Nordland) spoke after the vote. Asked whether voters of Per Moe still resent the party, the Nordland senator conceded that a “small number” of them remain bitter about the result.';
    const actors = buildActors(text, analysisOf(text, { person: ['Kari Holm', 'Per Moe'], title: ['Sen.'] }));
    assert.equal(speakerOf(actors, 'a “small number”'), 'Kari Holm');
  });

  it('a principal named by a description after the quote is the subject of the sentence before; an unnamed official stays unnamed', () => {
    const text =
      'Nils Berg toured the harbour in Tromsø on Monday, two weeks before the vote.\n\n' +
      'Berg blamed the fishing quotas on the policies of Eva Lie and Ola Dahl. "We need a change in this town," the Bergen businessman said.\n\n' +
      'Minister Ola Dahl opened the bridge. "It cost far more than anyone had planned," the official said.';
    const actors = buildActors(text, analysisOf(text, { person: ['Nils Berg', 'Berg', 'Eva Lie', 'Ola Dahl'], place: ['Tromsø', 'Bergen'], title: ['Minister'] }));
    assert.equal(speakerOf(actors, 'We need a change'), 'Nils Berg');
    assert.equal(speakerOf(actors, 'It cost far more'), undefined, '"the official" may be anyone');
  });

  it('"the Democratic nominee" is not the nominee of the other party', () => {
    const text =
      'Republican nominee Tom Reed spoke in Ohio. Democratic nominee Ann Fox spoke in Iowa on the same evening.\n\n' +
      'The Democratic nominee said that all pupils deserve a free hot lunch at school.';
    const actors = buildActors(text, analysisOf(text, { person: ['Tom Reed', 'Ann Fox'], place: ['Ohio', 'Iowa'], group: ['Republican', 'Democratic'] }));
    const said = actors.find((a) => a.quotes.some((q) => q.indirect && q.text.startsWith('all pupils')))?.name;
    assert.equal(said, 'Ann Fox');
  });
});

describe('[core/actors/introductions] a nationality told in the sentence before or after the name', () => {
  const actorNamed = (actors: Actor[], name: string): Actor => {
    const a = actors.find((x) => x.name === name);
    assert.ok(a, `no actor ${name}`);
    return a;
  };

  it('introduced, then named: "… a Chilean engineer. Pablo Ruiz, 31, was …" gives Chile and the role', () => {
    const text = 'Norway deported a Chilean engineer on Tuesday for visa fraud.\nPablo Ruiz, 31, was arrested in March at the airport in Bergen.';
    const actors = buildActors(text, analysisOf(text, { person: ['Pablo Ruiz'], place: ['Norway', 'Bergen'] }));
    const p = actorNamed(actors, 'Pablo Ruiz');
    assert.equal(p.affiliation, 'Chile');
    assert.ok(p.roles.includes('engineer'), p.roles.join('|'));
  });

  it('named, then described: "the 40-year-old Brazilian" in the next sentence; "the Chilean government" is not a description', () => {
    const text =
      'Ana Silva did not reach the shrine. A police roadblock stopped the 40-year-old Brazilian on the highway.\n\n' +
      'Jorge Lima flew home on Monday. The Chilean government paid for the ticket.';
    const actors = buildActors(text, analysisOf(text, { person: ['Ana Silva', 'Jorge Lima'] }));
    assert.equal(actorNamed(actors, 'Ana Silva').affiliation, 'Brazil');
    assert.equal(actorNamed(actors, 'Jorge Lima').affiliation, undefined);
  });

  it('described, then named by the same noun: "A pilgrim from Peru … said the pilgrim, Luis Rojas"', () => {
    const text = 'A pilgrim from Peru was also turned back at the gate.\n"We came a long way for this," said the pilgrim, Luis Rojas, 52.';
    const actors = buildActors(text, analysisOf(text, { person: ['Luis Rojas'], place: ['Peru'] }));
    assert.equal(actorNamed(actors, 'Luis Rojas').affiliation, 'Peru');
  });
});

describe('[core/actors] affiliations: a go-between’s place, the subject’s party, a minister’s government', () => {
  it('"negotiator for Burundi" is the place worked toward, not the affiliation', async () => {
    const { parseRolePhrase } = await import('../../src/core/actors/appositions');
    const r = parseRolePhrase('the international negotiator for Burundi', true);
    assert.equal(r?.affiliation, undefined);
    assert.ok(r?.role.includes('negotiator'), r?.role);
    assert.equal(parseRolePhrase('a correspondent for Reuters', true)?.affiliation, 'Reuters', 'a reporter for a paper works for it');
  });

  it('"Prime Minister X says … his Labour Party’s platform"; "The government of Peru closed … Education Minister X"', () => {
    const text =
      'Prime Minister Ola Berg says the new ferry law will lead the platform of his Labour Party’s campaign for the autumn vote.\n\n' +
      'The government of Peru has closed the national university after protests in which Education Minister Rosa Quispe was held for four hours.';
    const actors = buildActors(text, analysisOf(text, { person: ['Ola Berg', 'Rosa Quispe'], organization: ['Labour Party'], place: ['Peru'], title: ['Prime Minister', 'Education Minister'] }));
    assert.equal(actors.find((a) => a.name === 'Ola Berg')?.affiliation, 'Labour Party');
    assert.equal(actors.find((a) => a.name === 'Rosa Quispe')?.affiliation, 'Peru');
  });
});
