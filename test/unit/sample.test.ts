import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../../src/core';

// The acceptance case: a news-style report written for this repository (test/fixtures/sample) and what an analyst
// expects in it. (The ../shared seed report the product was conceived from is scored by `npm run eval -- seed`.)
const dir = join(__dirname, '..', 'fixtures', 'sample');
const text = readFileSync(join(dir, 'dubrovnik-visit.txt'), 'utf8');
interface Expected { name: string; mentions: string[]; optional?: string[]; required?: boolean; gap?: string }
const expected = JSON.parse(readFileSync(join(dir, 'dubrovnik-visit.expected.json'), 'utf8')) as {
  people: Expected[];
  organizations: Expected[];
  places: Expected[];
  not_entities: string[];
  groups: string[];
  dates: string[];
  titles: string[];
};
const { entities } = analyze(text);
const isWordChar = (c: string | undefined) => !!c && /[\p{L}\p{N}]/u.test(c);

/** Every whole-word occurrence of a form in the sample text. */
function occurrences(form: string): number[] {
  const out: number[] = [];
  for (let i = text.indexOf(form); i !== -1; i = text.indexOf(form, i + 1)) {
    if (!isWordChar(text[i - 1]) && !isWordChar(text[i + form.length])) out.push(i);
  }
  return out;
}

/** Mentions of the actor not found with the right type and an exact span (a listed form). */
function missed(type: string, actor: Expected): string[] {
  const forms = new Set([...actor.mentions, ...(actor.optional ?? [])]);
  const out: string[] = [];
  for (const m of actor.mentions) {
    const at = occurrences(m);
    assert.ok(at.length > 0, `"${m}" occurs in the sample`);
    for (const i of at) {
      const hit = entities.find((e) => e.type === type && e.start <= i && i + m.length <= e.end && forms.has(e.text));
      const over = entities.filter((e) => e.start < i + m.length && e.end > i).map((e) => `${e.type}:${e.text}`);
      if (!hit) out.push(`"${m}" at ${i} not found as ${type}; found there: ${over.join(', ') || 'nothing'}`);
    }
  }
  return out;
}

describe('[acceptance] sample report dubrovnik-visit', () => {
  const groups = [
    ['person', expected.people],
    ['organization', expected.organizations],
    ['place', expected.places],
  ] as const;
  for (const [type, actors] of groups) {
    for (const actor of actors.filter((a) => a.required !== false)) {
      it(`finds every mention of ${type} ${actor.name} with the right type and exact span`, () => {
        assert.deepEqual(missed(type, actor), []);
      });
    }
  }

  it('the gaps listed in expected.json are still gaps (a fix makes this fail: then mark the entry required)', () => {
    for (const [type, actors] of groups) {
      for (const actor of actors.filter((a) => a.required === false && a.gap)) {
        assert.ok(missed(type, actor).length > 0, `${type} ${actor.name} is found now: remove "required": false from expected.json`);
      }
    }
  });

  it('produces none of the listed non-entities and no span ending in punctuation', () => {
    const names = entities.filter((e) => ['person', 'organization', 'place'].includes(e.type));
    const bad = names.filter((e) => expected.not_entities.includes(e.text) || /[\s.,;:’'"”)]$/.test(e.text));
    assert.deepEqual(bad.map((e) => `${e.type}:${e.text}`), []);
  });

  it('finds the nationalities as groups and the relative dates ("this morning", "last Tuesday")', () => {
    for (const g of expected.groups) assert.ok(entities.some((e) => e.type === 'group' && e.text === g), `group ${g}`);
    for (const d of expected.dates) assert.ok(entities.some((e) => e.type === 'date' && e.text === d), `date ${d}`);
  });

  it('splits titles and ranks into their own spans', () => {
    const titles = entities.filter((e) => e.type === 'title').map((e) => e.text);
    for (const t of expected.titles) assert.ok(titles.includes(t), `title ${t} in ${titles.join(' | ')}`);
  });

  it('every offset slices to the entity text', () => {
    for (const e of entities) assert.equal(text.slice(e.start, e.end), e.text);
  });
});
