import type { Analysis, Entity, EntityType } from '../../../src/core';

interface Expected {
  people: { mentions: string[] }[];
  organizations: { mentions: string[]; required?: boolean }[];
  places: { mentions: string[] }[];
}

/**
 * The entity layer a good name tagger gives: the analysis plus every required name of the seed's expected.json,
 * each occurrence, replacing the spans it overlaps (except titles). Lets the actor model be tested against the
 * Entity contract, whatever the current tagger misses.
 */
export function withExpectedNames(text: string, analysis: Analysis, expected: Expected): Analysis {
  let entities: Entity[] = [...analysis.entities];
  const add = (form: string, type: EntityType) => {
    const isWord = (c: string | undefined) => !!c && /[\p{L}\p{N}]/u.test(c);
    for (let i = text.indexOf(form); i >= 0; i = text.indexOf(form, i + 1)) {
      const end = i + form.length;
      if (isWord(text[i - 1]) || isWord(text[end])) continue;
      if (entities.some((e) => e.type === type && e.start <= i && e.end >= end)) continue;
      entities = entities.filter((e) => !(e.start < end && i < e.end && e.type !== 'title'));
      entities.push({ start: i, end, type, text: form, source: 'oracle' });
    }
  };
  for (const p of expected.people) p.mentions.forEach((m) => add(m, 'person'));
  for (const o of expected.organizations) if (o.required !== false) o.mentions.forEach((m) => add(m, 'organization'));
  for (const p of expected.places) p.mentions.forEach((m) => add(m, 'place'));
  entities.sort((a, b) => a.start - b.start || b.end - a.end);
  return { ...analysis, entities };
}

/**
 * An analysis built by hand: every whole-word occurrence of each listed surface form becomes an entity of its type
 * (longer forms first; overlaps skipped). For testing the actor model on realistic text without depending on the
 * name tagger of the day.
 */
export function analysisOf(text: string, forms: Partial<Record<EntityType, string[]>>): Analysis {
  const entities: Entity[] = [];
  const isWord = (c: string | undefined) => !!c && /[\p{L}\p{N}]/u.test(c);
  const all = (Object.entries(forms) as [EntityType, string[]][]).flatMap(([type, list]) => list.map((f) => ({ type, f })));
  all.sort((a, b) => b.f.length - a.f.length);
  for (const { type, f } of all) {
    for (let i = text.indexOf(f); i >= 0; i = text.indexOf(f, i + 1)) {
      const end = i + f.length;
      if (isWord(text[i - 1]) || isWord(text[end])) continue;
      if (entities.some((e) => e.start < end && i < e.end)) continue;
      entities.push({ start: i, end, type, text: f, source: 'test' });
    }
  }
  entities.sort((a, b) => a.start - b.start || b.end - a.end);
  const counts = { person: 0, organization: 0, place: 0, date: 0, time: 0, group: 0, title: 0, quantity: 0 } as Record<EntityType, number>;
  for (const e of entities) counts[e.type]++;
  return { entities, counts, length: text.length };
}
