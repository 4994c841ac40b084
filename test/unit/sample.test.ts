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

/** Offsets of every whole-word occurrence of a surface form in the sample text. */
function occurrences(form: string): number[] {
  const found: number[] = [];
  let from = 0;
  for (;;) {
    const at = text.indexOf(form, from);
    if (at < 0) return found;
    const before = text[at - 1];
    const after = text[at + form.length];
    if (!isWordChar(before) && !isWordChar(after)) found.push(at);
    from = at + 1;
  }
}

/** Mentions of the actor not found with the right type and an exact span (one of its listed forms). */
function missed(type: string, actor: Expected): string[] {
  const listed = new Set([...actor.mentions, ...(actor.optional ?? [])]);
  const misses: string[] = [];
  for (const form of actor.mentions) {
    const offsets = occurrences(form);
    assert.ok(offsets.length > 0, `"${form}" occurs in the sample`);
    for (const at of offsets) {
      const end = at + form.length;
      const covering = entities.filter((x) => x.start <= at && end <= x.end);
      if (covering.some((x) => x.type === type && listed.has(x.text))) continue;
      const there = entities.filter((x) => x.start < end && at < x.end).map((x) => `${x.type}:${x.text}`);
      misses.push(`"${form}" at ${at} not found as ${type}; found there: ${there.join(', ') || 'nothing'}`);
    }
  }
  return misses;
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
    const NAME_TYPES = new Set(['person', 'organization', 'place']);
    const bad = entities.filter((x) => NAME_TYPES.has(x.type) && (expected.not_entities.includes(x.text) || /[\s.,;:’'"”)]$/.test(x.text)));
    assert.deepEqual(bad.map((x) => `${x.type}:${x.text}`), []);
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
