import { strict as assert } from 'node:assert';
import { analyze, buildActors, type Actor } from '../../src/core';
import { analysisOf } from '../fixtures/actors/entityLayers';

// Affiliations stated by the sentence structure, one case per class of miss found on the reports dev set (read in
// aggregate); every text is written for these tests.
const person = (actors: Actor[], name: string): Actor => {
  const a = actors.find((x) => x.name === name);
  assert.ok(a, `no actor ${name} in ${actors.map((x) => x.name).join(', ')}`);
  return a;
};

describe('[core/actors] affiliations from the structure around a name', () => {
  it('a capitalised body before a role noun, even one the tagger left out: "… so," Treasury spokesman X said', () => {
    const text = '“We will act,” Treasury spokesman Omar Lind said on Monday.';
    const actors = buildActors(text, analysisOf(text, { person: ['Omar Lind'] }));
    assert.deepEqual([person(actors, 'Omar Lind').roles, person(actors, 'Omar Lind').affiliation], [['spokesman'], 'Treasury']);
  });

  it('an apposition goes on to the place or organisation it names ("a fire chief in X", "the chair of the A and B")', () => {
    const text =
      'Piet Claes, a fire chief in Riverton, told the radio the quay was closed. Mara Voss, the chair of the Council for Trade and Development in Asia (CTDA), disagreed.';
    const actors = buildActors(text, analysisOf(text, { person: ['Piet Claes', 'Mara Voss'], place: ['Riverton'], organization: ['Council for Trade and Development in Asia', 'CTDA'] }));
    assert.equal(person(actors, 'Piet Claes').affiliation, 'Riverton');
    assert.equal(person(actors, 'Mara Voss').affiliation, 'Council for Trade and Development in Asia');
  });

  it('an apposition before the name keeps the dots of initials and is found after an earlier clause', () => {
    const text = 'The minister landed on Monday and then sat down with the U.N. deputy envoy to Yemen, Karl Brandt, and aid groups.';
    const actors = buildActors(text, analysisOf(text, { person: ['Karl Brandt'], place: ['Yemen'], organization: ['U.N.'] }));
    assert.deepEqual(person(actors, 'Karl Brandt').roles, ['deputy envoy to Yemen']);
    assert.equal(person(actors, 'Karl Brandt').affiliation, 'U.N.');
  });

  it('titles with "Assistant"/"Financial"; "<Place> airport <Title> X" serves the airport', () => {
    const text = 'U.S. Assistant Secretary of Commerce Mary Lowe and Lagos airport Director Ade Bello met Macau Financial Secretary Ho Lam.';
    const actors = buildActors(text, analyze(text));
    assert.deepEqual([person(actors, 'Mary Lowe').roles, person(actors, 'Mary Lowe').affiliation], [['Assistant Secretary of Commerce'], 'United States']);
    assert.equal(person(actors, 'Ade Bello').affiliation, 'Lagos airport');
    assert.deepEqual(person(actors, 'Ho Lam').roles, ['Financial Secretary']);
  });

  it('the organisation a person heads, or that their possessive owns, is their affiliation', () => {
    const text =
      'Lena Okafor, the Irish engineer who runs the Delta Survey Team, left. Voters backed President Anna Ruiz’s ruling Freedom Movement, but Anna Ruiz’s criticism of the Harbour Union grew.';
    const actors = buildActors(text, analysisOf(text, { person: ['Lena Okafor', 'Anna Ruiz'], organization: ['Delta Survey Team', 'Freedom Movement', 'Harbour Union'], group: ['Irish'] }));
    assert.equal(person(actors, 'Lena Okafor').affiliation, 'Delta Survey Team');
    assert.equal(person(actors, 'Anna Ruiz').affiliation, 'Freedom Movement');
  });
});

describe('[core/actors] affiliations: organisations and sites named with their own nouns', () => {
  it('"(<Org of Place> chief) X" and "X from <Place> refugee camp"', () => {
    const text = 'The offer came from (Patriotic Front of Ruvia chief) Tomas Keel, and was read by Sami Hadi from Beit Lahm refugee camp.';
    const actors = buildActors(text, analysisOf(text, { person: ['Tomas Keel', 'Sami Hadi'], organization: ['Patriotic Front of Ruvia'], place: ['Beit Lahm'] }));
    assert.deepEqual([person(actors, 'Tomas Keel').roles, person(actors, 'Tomas Keel').affiliation], [['chief'], 'Patriotic Front of Ruvia']);
    assert.equal(person(actors, 'Sami Hadi').affiliation, 'Beit Lahm refugee camp');
  });
});

describe('[core/actors] roles in relative clauses', () => {
  it('"X, who became archbishop of Y", "X, who was appointed finance minister": a role without an article', () => {
    const text = 'Ana Rojas, who became archbishop of Ruvia in 1990, spoke. Karl Brandt, who was appointed finance minister in May, left. Tom Vale, who was born in Lima, said nothing.';
    const actors = buildActors(text, analysisOf(text, { person: ['Ana Rojas', 'Karl Brandt', 'Tom Vale'], place: ['Ruvia', 'Lima'] }));
    assert.deepEqual([person(actors, 'Ana Rojas').roles, person(actors, 'Ana Rojas').affiliation], [['archbishop'], 'Ruvia']);
    assert.deepEqual(person(actors, 'Karl Brandt').roles, ['finance minister']);
    assert.deepEqual(person(actors, 'Tom Vale').roles, []);
  });

  it('"X, the Irish engineer who runs Y": X heads Y', () => {
    const text = 'Lena Okafor, the Irish engineer who runs the Delta Survey Team, left.';
    const actors = buildActors(text, analysisOf(text, { person: ['Lena Okafor'], organization: ['Delta Survey Team'], group: ['Irish'] }));
    assert.deepEqual(person(actors, 'Lena Okafor').roles, ['engineer', 'head of Delta Survey Team']);
  });
});

describe('[core/actors] a plural title before a list of names', () => {
  it('"Foreign Ministers X and Y", "Co-Presidents X and Y": each name holds the title', () => {
    const text = 'Foreign Ministers Ana Rojas and Karl Brandt met in Lima. Co-Presidents Ida Berg and Tom Vale signed the deal. Parents Mia Holt and Per Lund came.';
    const actors = buildActors(text, analysisOf(text, { person: ['Ana Rojas', 'Karl Brandt', 'Ida Berg', 'Tom Vale', 'Mia Holt', 'Per Lund'], place: ['Lima'] }));
    for (const n of ['Ana Rojas', 'Karl Brandt']) assert.deepEqual(person(actors, n).roles, ['Foreign Minister'], n);
    for (const n of ['Ida Berg', 'Tom Vale']) assert.deepEqual(person(actors, n).roles, ['Co-President'], n);
    for (const n of ['Mia Holt', 'Per Lund']) assert.deepEqual(person(actors, n).roles, [], n);
  });
});
