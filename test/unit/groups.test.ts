import * as assert from 'node:assert/strict';
import { analyze } from '../../src/core';
import { isGroupName } from '../../src/core/text/lexicon';

const typed = (text: string, type: string) =>
  analyze(text).entities.filter((e) => e.type === type).map((e) => e.text);

describe('[core] groups are groups of people, not every name the tagger calls "other"', () => {
  it('nationalities, religious, ethnic and political groups are groups', () => {
    for (const g of ['Iraqi', 'South Korean', 'Palestinians', 'Kurds', 'Bosnian Serbs', 'Roman Catholic', 'Moslem', 'Zairean', 'Surinamese', 'SCOTTISH', 'Republicans', 'Hutus']) {
      assert.ok(isGroupName(g), g);
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
