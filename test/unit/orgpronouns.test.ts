import { strict as assert } from 'node:assert';
import { analyze, buildActors } from '../../src/core';
import { resolveOrgPronouns } from '../../src/core/actors/orgpronouns';
import { splitSentences } from '../../src/core/text/segment';

// "it"/"its" to organisations (src/core/actors/orgpronouns.ts). The sentences are written for these tests.

/** The pronouns linked to each actor of the text: "Arvex Holdings" → ["it@35"]. */
function itLinks(text: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const a of buildActors(text, analyze(text), { actions: false })) {
    if (a.pronounMentions?.length) out[a.name] = a.pronounMentions.map((p) => `${p.text}@${p.start}`);
  }
  return out;
}
/** "word@offset" of `word` where `context` (which starts with it) stands in the text. */
const at = (text: string, word: string, context = word) => `${word}@${text.indexOf(context)}`;

describe('[core/actors] it/its to organisations', () => {
  it('links what an organisation said about itself ("X said on Monday that it …") and its possessive', () => {
    const a = 'Arvex Holdings said on Monday that it would close two plants in Ohio.';
    assert.deepEqual(itLinks(a), { 'Arvex Holdings': [at(a, 'it', 'it would')] });
    const b = 'Arvex Holdings will close two of its plants in Ohio next year.';
    assert.deepEqual(itLinks(b), { 'Arvex Holdings': [at(b, 'its')] });
  });
  it('links a country acting as one ("Norway said it …")', () => {
    const t = 'Norway said it would send two ships to the region.';
    assert.deepEqual(itLinks(t), { Norway: [at(t, 'it', 'it would')] });
  });
  it('reads "It said …" after a sentence whose subject is the only organisation', () => {
    const t = 'Arvex Holdings reported a loss for the third quarter. It said demand had fallen in Asia.';
    const actor = buildActors(t, analyze(t), { actions: false }).find((x) => x.name === 'Arvex Holdings')!;
    assert.deepEqual(actor.pronounMentions?.map((p) => p.text), ['It']);
    assert.match(actor.pronounMentions![0].evidence ?? '', /subject of the previous sentence/);
    assert.ok(actor.pronounMentions![0].confidence >= 0.5 && actor.pronounMentions![0].confidence < 0.8);
    assert.equal(actor.mentionCount, actor.mentions.length, 'pronouns stay out of the mention count');
  });
  it('leaves "it" alone where a thing could own it, where "it" is expletive, and inside quotations', () => {
    assert.deepEqual(itLinks('Arvex Holdings bought the plant in 2019 and its roof collapsed in May.'), {});
    assert.deepEqual(itLinks('Arvex Holdings sold the unit last year. It was losing money.'), {});
    assert.deepEqual(itLinks('It is expected that Arvex Holdings will report a loss.'), {});
    assert.deepEqual(itLinks('Arvex Holdings opened a new office. "It is the best thing we did," said Mira Sand, who runs it.'), {});
  });
  it('reads an organisation introduced by a description and an apposition, over a headline line', () => {
    const text = 'Arvex to cut jobs\nMay 3, 2024\nNorwegian shipping group, Arvex, announced today that it will cut 200 jobs.';
    const orgs = [{ id: 'arvex', type: 'organization' as const, mentions: [...text.matchAll(/Arvex/g)].map((m) => ({ start: m.index!, end: m.index! + 5, text: 'Arvex' })) }];
    const links = resolveOrgPronouns(text, orgs, { sentences: splitSentences(text) });
    assert.deepEqual(links.map((l) => [l.text, l.actorId, l.start]), [['it', 'arvex', text.indexOf('it will')]]);
    assert.match(links[0].evidence, /subject of "announced"/);
    assert.deepEqual(resolveOrgPronouns('It rained.', [], { sentences: splitSentences('It rained.') }), []);
  });
});
