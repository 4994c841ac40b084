import { strict as assert } from 'node:assert';
import { analyze, buildActors } from '../../src/core';
import { genderOfGivenName, genderOfRole, resolvePronouns, textGenderOf, type CorefPerson } from '../../src/core/actors/pronouns';

// Pronoun coreference with gender (src/core/actors/pronouns.ts). The sentences are written for these tests.

/** Persons whose mentions are the listed surfaces (every occurrence), as the actor builder would hand them over. */
function persons(text: string, people: Record<string, string[]>, roles: Record<string, string[]> = {}): CorefPerson[] {
  return Object.entries(people).map(([id, surfaces]) => {
    const mentions = surfaces.flatMap((s) => {
      const out: { start: number; end: number; text: string }[] = [];
      for (let at = text.indexOf(s); at >= 0; at = text.indexOf(s, at + s.length)) {
        // whole words only, and not inside a longer surface of the same list
        if (/\p{L}/u.test(text[at - 1] ?? '') || /\p{L}/u.test(text[at + s.length] ?? '')) continue;
        out.push({ start: at, end: at + s.length, text: s });
      }
      return out;
    });
    const dedup = mentions.filter((m, i) => !mentions.some((o, j) => j !== i && o.start <= m.start && m.end <= o.end && o.end - o.start > m.end - m.start));
    assert.ok(dedup.length, `${id}: none of ${surfaces.join(', ')} in the text`);
    return { id, mentions: dedup, roles: roles[id] ?? [] };
  });
}
/** The actor id the pronoun at its `nth` occurrence (1-based) was linked to, or undefined. */
function linkOf(text: string, ps: CorefPerson[], pronoun: string, nth = 1): string | undefined {
  const at = [...text.matchAll(new RegExp(`\\b${pronoun}\\b`, 'g'))][nth - 1]?.index ?? -1;
  assert.ok(at >= 0, `"${pronoun}" (${nth}) not in the text`);
  return resolvePronouns(text, ps).links.find((l) => l.start === at)?.actorId;
}

describe('[core/actors] pronouns: gender evidence', () => {
  it('reads given names from compromise\'s lexicon and knows when it does not know', () => {
    assert.equal(genderOfGivenName('Mary'), 'F');
    assert.equal(genderOfGivenName('John'), 'M');
    assert.equal(genderOfGivenName('Qorvath'), undefined);
    assert.equal(genderOfGivenName('mary'), undefined, 'a lower-case word is not a name');
  });
  it('takes the gender of a role phrase from its head word only', () => {
    assert.equal(genderOfRole('the former chairwoman of the board'), 'F');
    assert.equal(genderOfRole('an American actor and singer'), 'M');
    assert.equal(genderOfRole("the ministry's spokeswoman"), 'F');
    assert.equal(genderOfRole('a friend of his wife'), undefined, 'the head is "friend"');
    assert.equal(genderOfRole('Prime Minister'), undefined);
  });
  it('derives a person\'s gender from an honorific, an apposition or a role, and says which', () => {
    const text = 'Mr Lindqvist met Okafor, the agency\'s chairwoman, and Dr Strand in Oslo. Strand left early.';
    const ps = persons(text, { lindqvist: ['Lindqvist'], okafor: ['Okafor'], strand: ['Strand'] }, { strand: ['Duchess'] });
    const g = (id: string) => textGenderOf(text, ps.find((p) => p.id === id)!);
    assert.equal(g('lindqvist')?.gender, 'M');
    assert.match(g('lindqvist')!.evidence, /Mr/);
    assert.equal(g('okafor')?.gender, 'F');
    assert.match(g('okafor')!.evidence, /chairwoman/);
    assert.equal(g('strand')?.gender, 'F', 'from the role Duchess');
    assert.equal(textGenderOf(text, { id: 'x', mentions: ps[2].mentions }), undefined, 'no role, no gender: Dr says nothing');
    // conflicting evidence leaves the gender unknown
    const odd = 'Mrs John Kerrigan arrived.';
    assert.equal(textGenderOf(odd, persons(odd, { k: ['John Kerrigan'] })[0]), undefined);
  });
});

describe('[core/actors] pronouns: resolution', () => {
  it('sends "she" to the woman even when a man is the nearer subject, and "he" to the man', () => {
    const text = 'Mr Lindqvist met Mrs Okafor in Oslo on Monday. She said the talks had gone well, and he agreed.';
    const ps = persons(text, { lindqvist: ['Lindqvist'], okafor: ['Okafor'] });
    assert.equal(linkOf(text, ps, 'She'), 'okafor');
    assert.equal(linkOf(text, ps, 'he'), 'lindqvist');
  });
  it('prefers the subject of the previous sentence among people of the same gender (parallelism)', () => {
    const text = 'Peter Brandt thanked Tomas Ilves for the invitation. He then left for the airport.';
    const ps = persons(text, { brandt: ['Peter Brandt'], ilves: ['Tomas Ilves'] });
    assert.equal(linkOf(text, ps, 'He'), 'brandt');
  });
  it('leaves a pronoun unresolved when two people of its gender are equally good', () => {
    const text = 'Anna Berg and Lisa Holm arrived at the station together. She was late.';
    const ps = persons(text, { berg: ['Anna Berg'], holm: ['Lisa Holm'] });
    const r = resolvePronouns(text, ps);
    assert.equal(r.links.length, 0);
    assert.equal(r.unresolved.length, 1);
    assert.match(r.unresolved[0].reason, /equally good/);
  });
  it('does not send "him" to the subject of its own clause, and sends "himself" to the nearest', () => {
    const text = 'Mr Dahl waited outside. Mr Kovac thanked him warmly. Mr Kovac said Mr Dahl had hurt himself.';
    const ps = persons(text, { dahl: ['Dahl'], kovac: ['Kovac'] });
    assert.equal(linkOf(text, ps, 'him'), 'dahl');
    assert.equal(linkOf(text, ps, 'himself'), 'dahl');
  });
  it('reads a pronoun in an introductory phrase as the subject that follows it (cataphora)', () => {
    const text = 'The council met on Tuesday. In her first speech as mayor, Ingrid Solberg promised new parks.';
    const ps = persons(text, { solberg: ['Ingrid Solberg'] });
    assert.equal(linkOf(text, ps, 'her'), 'solberg');
  });
  it('sends a possessive to the nearest person before it in its sentence', () => {
    const text = 'Anna Berg handed the prize to Lisa Holm for her second novel.';
    const ps = persons(text, { berg: ['Anna Berg'], holm: ['Lisa Holm'] });
    assert.equal(linkOf(text, ps, 'her'), 'holm');
    const r = resolvePronouns(text, ps).links[0];
    assert.match(r.evidence, /nearest person before the possessive/);
  });
  it('reads "X and her …" as X\'s', () => {
    const text = 'Mrs Quist spoke to the press first. Later, Mrs Varga and her lawyer left the court by a side door.';
    const ps = persons(text, { quist: ['Quist'], varga: ['Varga'] });
    assert.equal(linkOf(text, ps, 'her'), 'varga');
  });
  it('does not give a possessive to a person named in an aside after the subject', () => {
    const text = 'Peter Brandt, a colleague of Tomas Ilves at the bank, sold his house in May.';
    const ps = persons(text, { brandt: ['Peter Brandt'], ilves: ['Tomas Ilves'] });
    assert.equal(linkOf(text, ps, 'his'), 'brandt');
    const text2 = 'Peter Brandt (a cousin of Tomas Ilves) sold his house in May.';
    assert.equal(linkOf(text2, persons(text2, { brandt: ['Peter Brandt'], ilves: ['Tomas Ilves'] }), 'his'), 'brandt');
  });
  it('prefers the subject of a sentence to the subject of a relative clause in it', () => {
    const text = 'Peter Brandt was hired in 2019 by Tomas Ilves, who runs the shipyard. He started work in May.';
    const ps = persons(text, { brandt: ['Peter Brandt'], ilves: ['Tomas Ilves'] });
    assert.equal(linkOf(text, ps, 'He'), 'brandt');
  });
  it('prefers forward reference from an opening phrase to the subject of the previous sentence', () => {
    const text = 'Tomas Ilves opened the meeting and spoke for an hour. After his long flight, Peter Brandt said little.';
    const ps = persons(text, { brandt: ['Peter Brandt'], ilves: ['Tomas Ilves'] });
    assert.equal(linkOf(text, ps, 'his'), 'brandt');
  });
  it('skips pronoun-like words inside names, and needs a person to link to', () => {
    const text = 'He Jian opened the exhibition. He thanked the donors.';
    const ps = persons(text, { he: ['He Jian'] });
    const r = resolvePronouns(text, ps);
    assert.equal(r.links.length, 1);
    assert.equal(r.links[0].start, text.indexOf('He thanked'));
    assert.equal(resolvePronouns('She left early.', []).links.length, 0);
    assert.equal(resolvePronouns('', []).links.length, 0);
  });
  it('does not take a pronoun quoted in someone\'s words as the antecedent of the narration', () => {
    const text = 'Mrs Ortiz met Mr Kane. “We told him to wait,” said Mrs Ortiz. His answer came a week later.';
    const ps = persons(text, { ortiz: ['Ortiz'], kane: ['Kane'] });
    const r = resolvePronouns(text, ps);
    const his = r.links.find((l) => l.text === 'His');
    assert.equal(his?.actorId, 'kane');
    assert.notEqual(his?.antecedent.text, 'him');
  });
  it('reads contracted pronouns ("she\'s", "he\'ll") but not other words that start like them', () => {
    const text = "Mrs Okafor chaired the meeting. She's leaving in May, and hereafter the heron's nest stays.";
    const r = resolvePronouns(text, persons(text, { okafor: ['Okafor'] }));
    assert.deepEqual(r.links.map((l) => l.text), ['She']);
    assert.equal(r.links[0].actorId, 'okafor');
  });
  it('gives every link its evidence and a confidence', () => {
    const text = 'Mrs Okafor chaired the meeting. She closed it at noon.';
    const [link] = resolvePronouns(text, persons(text, { okafor: ['Okafor'] })).links;
    assert.equal(link.actorId, 'okafor');
    assert.match(link.evidence, /^"She" → Okafor: subject of the previous sentence; female \(Mrs before Okafor\)$/);
    assert.ok(link.confidence >= 0.6 && link.confidence <= 0.95);
  });
});

describe('[core/actors] pronouns in actor records and quotes', () => {
  it('adds confident pronoun links to the person as pronounMentions, outside mentionCount', () => {
    const text = 'Maria Lindgren leads the national audit office in Stockholm. She said on Monday that budgets would rise. Her deputy resigned.';
    const actors = buildActors(text, analyze(text), { actions: false });
    const maria = actors.find((a) => a.name === 'Maria Lindgren');
    assert.ok(maria, 'the tagger finds Maria Lindgren');
    assert.deepEqual(maria.pronounMentions?.map((m) => m.text), ['She', 'Her']);
    assert.ok(maria.pronounMentions!.every((m) => m.kind === 'pronoun' && m.confidence >= 0.5 && /Maria Lindgren|She/.test(m.evidence ?? '')));
    assert.equal(maria.mentionCount, maria.mentions.length);
    assert.ok(maria.mentions.every((m) => m.kind !== 'pronoun'));
  });
  it('gives "she said" to the woman, not to the man who is the subject before', () => {
    const text = 'Mr Peter Vasquez introduced Mrs Helen Ortiz to the board on Friday.\n“We will cut costs this year,” she said.\n“We will not cut jobs,” he said.';
    const actors = buildActors(text, analyze(text), { actions: false });
    const speaker = (q: string) => actors.find((a) => a.quotes.some((x) => x.text.startsWith(q)))?.name;
    assert.equal(speaker('We will cut costs'), 'Helen Ortiz');
    assert.equal(speaker('We will not cut jobs'), 'Peter Vasquez');
  });
});
