import * as assert from 'node:assert/strict';
import { analyze, buildActors } from '../../src/core';
import { mayBeCompanyName } from '../../src/core/extract/spans';
import { isGroupName, isPeopleWord } from '../../src/core/text/lexicon';
import { analyzeWithNames, layer } from './layers';

const typed = (text: string, type: string) =>
  analyze(text).entities.filter((e) => e.type === type).map((e) => e.text);

describe('[core] groups are groups of people, not every name the tagger calls "other"', () => {
  it('nationalities, religious, ethnic and political groups are groups', () => {
    for (const g of ['Iraqi', 'South Korean', 'Palestinians', 'Kurds', 'Bosnian Serbs', 'Roman Catholic', 'Moslem', 'Zairean', 'Surinamese', 'SCOTTISH', 'Republicans', 'Hutus']) {
      assert.ok(isGroupName(g), g);
    }
  });

  it('one list of peoples, faiths and parties: the analysis colours them as groups and no company cue makes them companies', () => {
    // Each word was in only one of the two former lists (actors/build.ts PEOPLES, text/lexicon.ts GROUP_WORDS).
    for (const w of ['Mormons', 'Quakers', 'Baptists', 'Tories', 'Aboriginal', 'Chechen', 'Maoist', 'Serbs', 'Tibetans']) {
      assert.ok(isPeopleWord(w) && isGroupName(w), w);
      assert.ok(!mayBeCompanyName(w), w);
    }
    assert.ok(!isPeopleWord('Labour') && !isPeopleWord('Industries') && !isPeopleWord('Zairean'), 'a party name, a plural in -ies, a demonym-like shape');
    const text = 'The Mormons announced a new mission in Utah. A Maoist spokesman said the talks were over. Rotaprop announced job cuts.';
    // The analysis (tagger names given): the faith and the party member are groups, the company an organisation.
    const analysis = analyzeWithNames(text, [['Mormons', 'group'], ['Utah', 'place'], ['Maoist', 'group'], ['Rotaprop', 'group']]);
    const typed = (type: string) => analysis.entities.filter((e) => e.type === type).map((e) => e.text);
    assert.deepEqual(typed('group'), ['Mormons', 'Maoist']);
    assert.deepEqual(typed('organization'), ['Rotaprop']);
    // The actor model, on that analysis and on a hand-made layer: "announced" and "spokesman" make no company of them.
    for (const a of [analysis, layer(text, [['Mormons', 'group'], ['Maoist', 'group']])]) {
      const actors = buildActors(text, a, { actions: false });
      for (const g of ['Mormons', 'Maoist']) assert.equal(actors.find((x) => x.name === g)?.type, 'group', g);
    }
  });

  it('events, competitions, works, products and market indices are not', () => {
    for (const g of ['World Cup', 'Labor Day', 'Christmas', "Schindler's List", 'Boeing 767', 'KC-45', 'Nikkei', 'FTSE 100', 'New York-based', 'U.S.-led', 'Olympic', 'Grand Prix', 'Mediterranean', 'Balkans']) {
      assert.ok(!isGroupName(g), g);
    }
  });

  it('a report colours the nationality and leaves the holiday and the aircraft alone', () => {
    const text =
      'Danish and Kenyan officials met in Nairobi before Christmas to inspect the Airbus A330 that the Kenyan air force bought. ' +
      'The Kurds who fled the fighting were not mentioned.';
    const groups = typed(text, 'group');
    assert.ok(groups.includes('Danish') && groups.includes('Kurds'), groups.join(', '));
    assert.ok(!groups.some((g) => /Christmas|A330/.test(g)), groups.join(', '));
  });

  it('a holiday is a date, never a person or a group', () => {
    const text = 'Danish officials met in Nairobi before Christmas; during Ramadan and on New Year’s Eve the markets were quiet, unlike on Easter Island.';
    const entities = analyze(text).entities.map((e) => `${e.text}:${e.type}`);
    for (const d of ['Christmas:date', 'Ramadan:date', 'New Year’s Eve:date', 'Easter Island:place']) assert.ok(entities.includes(d), `${d} in ${entities.join(', ')}`);
  });

  it('a product named after a person is no mention of that person, but the person named alone still is', () => {
    const text =
      'Carmaker chairman Henrik Falk said the plant would close. The Falk Roadster sold poorly last year, and Falk blamed the weather.';
    const persons = analyze(text).entities.filter((e) => e.type === 'person').map((e) => `${e.text}@${e.start}`);
    const roadster = text.indexOf('Falk Roadster');
    assert.ok(!persons.includes(`Falk@${roadster}`), persons.join(', '));
    assert.ok(persons.includes(`Falk@${text.lastIndexOf('Falk')}`), persons.join(', '));
  });
});
