import { strict as assert } from 'node:assert';
import { analyze, buildActors } from '../../src/core';

// "the 45-year-old" to the person introduced with that age (src/core/actors/ages.ts). Text written for these tests.

/** "kind:text" of the description links of each person of the text. */
function links(text: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const a of buildActors(text, analyze(text), { actions: false })) {
    const ds = (a.pronounMentions ?? []).filter((m) => m.kind === 'nominal');
    if (a.type === 'person') out[a.name] = ds.map((m) => `${m.text}@${m.start}`);
  }
  return out;
}

describe('[core/actors] descriptions by age', () => {
  it('links "the 45-year-old" to the one person introduced as 45, with evidence', () => {
    const t = 'Mira Sand, 45, was arrested on Friday in Bergen. The 45-year-old had been sought since May.';
    assert.deepEqual(links(t), { 'Mira Sand': [`The 45-year-old@${t.indexOf('The 45')}`] });
    const a = buildActors(t, analyze(t), { actions: false }).find((x) => x.name === 'Mira Sand')!;
    assert.match(a.pronounMentions![0].evidence ?? '', /only person introduced as 45/);
    assert.equal(a.mentionCount, a.mentions.length);
    const u = 'Police arrested 45-year-old Mira Sand on Friday. Later the 45-year-old woman was released.';
    assert.deepEqual(links(u), { 'Mira Sand': [`the 45-year-old woman@${u.indexOf('the 45')}`] });
  });
  it('links nothing when two people share the age, the gender disagrees, or the description is a thing', () => {
    assert.deepEqual(links('Mira Sand, 45, and Tor Lund, 45, were arrested. The 45-year-old said nothing.'), { 'Mira Sand': [], 'Tor Lund': [] });
    assert.deepEqual(links('Mr Tor Lund, 52, met Mira Sand. The 52-year-old woman left.'), { 'Tor Lund': [], 'Mira Sand': [] });
    assert.deepEqual(links('Mira Sand, 45, opposed the 45-year-old law on fishing.'), { 'Mira Sand': [] });
  });
});
