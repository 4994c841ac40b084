import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../../src/core';

// The acceptance case the product was conceived from: a real news report and what an analyst expects in it.
const dir = join(__dirname, '..', 'fixtures', 'seed');
const text = readFileSync(join(dir, '000_931ddf8dbef545ad.txt'), 'utf8');
const expected = JSON.parse(readFileSync(join(dir, '000_931ddf8dbef545ad.expected.json'), 'utf8')) as {
  people: { name: string; mentions: string[]; optional?: string[] }[];
  organizations: { name: string; mentions: string[]; optional?: string[]; required?: boolean }[];
  places: { name: string; mentions: string[]; optional?: string[] }[];
  not_entities: string[];
  groups: string[];
  dates: string[];
};
const { entities } = analyze(text);
const isWordChar = (c: string | undefined) => !!c && /[\p{L}\p{N}]/u.test(c);

/** Every whole-word occurrence of a form in the seed text. */
function occurrences(form: string): number[] {
  const out: number[] = [];
  for (let i = text.indexOf(form); i !== -1; i = text.indexOf(form, i + 1)) {
    if (!isWordChar(text[i - 1]) && !isWordChar(text[i + form.length])) out.push(i);
  }
  return out;
}

describe('[acceptance] seed report 000_931ddf8dbef545ad', () => {
  const groups = [
    ['person', expected.people],
    ['organization', expected.organizations.filter((o) => o.required !== false)],
    ['place', expected.places],
  ] as const;
  for (const [type, actors] of groups) {
    for (const actor of actors) {
      it(`finds every mention of ${type} ${actor.name} with the right type and exact span`, () => {
        const forms = new Set([...actor.mentions, ...(actor.optional ?? [])]);
        for (const m of actor.mentions) {
          for (const at of occurrences(m)) {
            const hit = entities.find((e) => e.type === type && e.start <= at && at + m.length <= e.end && forms.has(e.text));
            const over = entities.filter((e) => e.start < at + m.length && e.end > at).map((e) => `${e.type}:${e.text}`);
            assert.ok(hit, `"${m}" at ${at} not found as ${type}; found there: ${over.join(', ') || 'nothing'}`);
          }
        }
      });
    }
  }

  it('produces none of the listed non-entities and no span ending in punctuation', () => {
    const names = entities.filter((e) => ['person', 'organization', 'place'].includes(e.type));
    const bad = names.filter((e) => expected.not_entities.includes(e.text) || /[\s.,;:’'"”)]$/.test(e.text));
    assert.deepEqual(bad.map((e) => `${e.type}:${e.text}`), []);
  });

  it('finds the nationalities as groups and "this morning" as a date', () => {
    for (const g of expected.groups) assert.ok(entities.some((e) => e.type === 'group' && e.text === g), `group ${g}`);
    for (const d of expected.dates) assert.ok(entities.some((e) => e.type === 'date' && e.text === d), `date ${d}`);
  });

  it('splits titles and ranks into their own spans', () => {
    const titles = entities.filter((e) => e.type === 'title').map((e) => e.text);
    for (const t of ['Prime and Defense Minister', 'President', 'National Security Advisor', 'Director of Military Intelligence', 'Major-General', 'Major General', 'Defense Minister']) {
      assert.ok(titles.includes(t), `title ${t} in ${titles.join(' | ')}`);
    }
  });

  it('every offset slices to the entity text', () => {
    for (const e of entities) assert.equal(text.slice(e.start, e.end), e.text);
  });
});
