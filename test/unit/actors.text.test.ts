import { strict as assert } from 'node:assert';
import { countryOf, findQuotations, splitSentences } from '../../src/core';
import { isRank, splitTitle } from '../../src/core/actors/roles';

describe('[core/actors/text] sentences, titles, demonyms, quotations', () => {
  it('splits sentences at end punctuation, not after abbreviations, initials or inside hard-wrapped lines', () => {
    const text = 'Gen. Haliva met Mr. Smith in the U.S. capital. He left.\nThen the talks\ncontinued! “Is it over?” she asked.\n\n# Heading\n- item one\n- item two';
    const s = splitSentences(text).map((x) => x.text);
    assert.deepEqual(s, ['Gen. Haliva met Mr. Smith in the U.S. capital.', 'He left.', 'Then the talks\ncontinued!', '“Is it over?” she asked.', 'Heading', 'item one', 'item two']);
    for (const x of splitSentences(text)) assert.equal(text.slice(x.start, x.end), x.text);
  });

  it('splits shared-head titles and tells ranks from roles', () => {
    assert.deepEqual(splitTitle('Prime and Defense Minister'), ['Prime Minister', 'Defense Minister']);
    assert.deepEqual(splitTitle('President and Chief Executive'), ['President', 'Chief Executive']);
    assert.deepEqual(splitTitle('Director of Military Intelligence'), ['Director of Military Intelligence']);
    assert.deepEqual(splitTitle('Mr.'), []);
    for (const r of ['Major-General', 'Major General', 'Lt. Col.', 'General', 'Rear-Admiral']) assert.ok(isRank(r), r);
    for (const r of ['Operations Directorate Commander', 'President', 'Defense Minister', 'General Manager']) assert.ok(!isRank(r), r);
  });

  it('maps demonyms and country names to countries', () => {
    assert.equal(countryOf('Russian'), 'Russia');
    assert.equal(countryOf('Israeli'), 'Israel');
    assert.equal(countryOf('Israel’s'), 'Israel');
    assert.equal(countryOf('Britain'), 'United Kingdom');
    assert.equal(countryOf('U.S.'), 'United States');
    assert.equal(countryOf('Arab'), undefined, 'not a country');
  });

  it('finds curly and straight quotations; unbalanced quotes do not run across paragraphs', () => {
    const text = 'He said “one, two,” and then "three". An "open one\n\nnext "four" here';
    assert.deepEqual(findQuotations(text).map((q) => q.text), ['one, two', 'three', 'four']);
  });
});

describe('[core/actors/actions] subject + verb', () => {
  it('takes the verb right after a name, past auxiliaries and adverbs; not after a possessive, a comma or another name', async () => {
    const { findActions } = await import('../../src/core/actors/actions');
    const text = 'Moscow has repeatedly warned Jerusalem. Putin and Erdogan spoke. Netanyahu’s arrival. Shoigu, the minister, met. Hezbollah targets, and IDF says so.';
    const at = (s: string, id: string) => ({ start: text.indexOf(s), end: text.indexOf(s) + s.length, actorId: id });
    const r = findActions(text, [at('Moscow', 'm'), at('Putin', 'p'), at('Erdogan', 'e'), at('Netanyahu', 'n'), at('Shoigu', 's'), at('Hezbollah', 'h'), at('IDF', 'i')]);
    assert.deepEqual(Object.fromEntries(r), { m: ['warned'], e: ['spoke'], i: ['says'] });
  });
});

describe('[core/actors/quotes] speaker patterns', () => {
  it('`“…,” said X`; "he said" goes to the sentence’s first person; scare quotes stay unattributed', async () => {
    const { buildActors } = await import('../../src/core');
    const { analysisOf } = await import('../fixtures/actors/entityLayers');
    const text =
      '“The ceasefire holds,” said Ukrainian President Volodymyr Zelensky on Monday. Later Zelensky met Olaf Scholz in Berlin, ' +
      'where he said: “We need more air defence.” Critics called the visit a “photo opportunity”.';
    const actors = buildActors(text, analysisOf(text, { person: ['Volodymyr Zelensky', 'Zelensky', 'Olaf Scholz'], place: ['Berlin'], group: ['Ukrainian'], title: ['President'] }));
    const z = actors.find((a) => a.name === 'Volodymyr Zelensky')!;
    const s = actors.find((a) => a.name === 'Olaf Scholz')!;
    assert.deepEqual(z.quotes.map((q) => [q.text, q.confidence]), [
      ['The ceasefire holds', 0.85],
      ['We need more air defence.', 0.5],
    ], '"he" is the subject of its sentence, not the last name before it');
    assert.deepEqual(s.quotes, []);
    assert.ok(!actors.some((a) => a.quotes.some((q) => q.text === 'photo opportunity')));
  });
});

describe('[core/actors/names] what is not a name', () => {
  it('pronouns, classification markings and lower-case words are never actors', async () => {
    const { looksLikeName } = await import('../../src/core/actors/names');
    for (const n of ['We', 'They', 'S//NF', 'office']) assert.equal(looksLikeName(n), false, n);
    for (const n of ['IDF', 'TV7', 'Meir Ben-Shabbat', 'al-Qaeda in Iraq']) assert.equal(looksLikeName(n), true, n);
  });
});
