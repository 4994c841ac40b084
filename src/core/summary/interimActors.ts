/**
 * INTERIM: a minimal grouping of entity mentions into actors, used only until the actor model (src/core/actors,
 * buildActors) lands on this branch. Delete this file then and call buildActors from actorsSource.ts.
 */
import type { Actor, ActorType, Analysis, Entity, Mention, Quote } from '../types';
import { toCountry } from './gazetteer';

const slug = (s: string) => s.toLowerCase().normalize('NFKD').replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '');
const normRole = (r: string) => r.replace(/^the\s+/i, '').replace(/\bPremier\b/, 'Prime Minister').toLowerCase();

export function interimActors(text: string, analysis: Analysis): Actor[] {
  const ents = analysis.entities;
  const groups = new Map<string, { type: ActorType; names: Set<string>; mentions: Mention[]; roles: string[]; affiliation?: string }>();
  const surnameKey = new Map<string, string>();
  const persons = ents.filter((e) => e.type === 'person');
  // Full names first so surnames join them.
  for (const e of [...persons].sort((a, b) => b.text.split(/\s+/).length - a.text.split(/\s+/).length || a.start - b.start)) {
    const parts = e.text.split(/\s+/);
    const last = parts[parts.length - 1];
    const key = surnameKey.get(last) ?? surnameKey.get(e.text) ?? `person:${slug(e.text)}`;
    if (parts.length > 1) surnameKey.set(last, key);
    surnameKey.set(e.text, key);
    const g = groups.get(key) ?? { type: 'person' as const, names: new Set<string>(), mentions: [], roles: [] };
    groups.set(key, g);
    g.names.add(e.text);
    g.mentions.push({ start: e.start, end: e.end, text: e.text, kind: parts.length > 1 ? 'name' : 'surname', confidence: 1 });
    const role = titleBefore(text, ents, e);
    if (role) {
      if (!g.roles.includes(role.text)) g.roles.push(role.text);
      const aff = affiliationBefore(text, ents, role);
      if (aff && !g.affiliation) g.affiliation = aff;
    }
  }
  for (const e of ents) {
    if (e.type !== 'organization' && e.type !== 'place' && e.type !== 'group') continue;
    const key = `${e.type}:${slug(e.text)}`;
    const g = groups.get(key) ?? { type: e.type, names: new Set<string>(), mentions: [], roles: [] };
    groups.set(key, g);
    g.names.add(e.text);
    g.mentions.push({ start: e.start, end: e.end, text: e.text, kind: 'name', confidence: 1 });
  }
  // Nominal references: "the Premier", "the Prime Minister" where no name follows.
  for (const t of ents) {
    if (t.type !== 'title') continue;
    const before = text.slice(Math.max(0, t.start - 4), t.start);
    if (!/the\s$/i.test(before) || /^['’]s\b/u.test(text.slice(t.end, t.end + 3))) continue;
    const next = ents.find((x) => x.start >= t.end && x.start - t.end < 3);
    if (next && next.type === 'person') continue;
    const want = normRole(t.text);
    const match = [...groups.values()].find((g) => g.type === 'person' && g.roles.some((r) => normRole(r).includes(want)));
    if (match) match.mentions.push({ start: t.start - 4, end: t.end, text: text.slice(t.start - 4, t.end), kind: 'nominal', confidence: 0.6 });
  }
  const actors: Actor[] = [];
  for (const [id, g] of groups) {
    const mentions = g.mentions.sort((a, b) => a.start - b.start);
    const names = [...g.names];
    const name = names.sort((a, b) => b.length - a.length)[0];
    actors.push({
      id,
      type: g.type,
      name,
      aliases: [...new Set(mentions.map((m) => m.text))].filter((a) => a !== name),
      roles: g.roles,
      affiliation: g.affiliation,
      mentions,
      firstMention: mentions[0].start,
      mentionCount: mentions.length,
      salience: 0,
      quotes: [],
      related: [],
      actions: [],
    });
  }
  const len = Math.max(1, text.length);
  const raw = actors.map((a) => a.mentionCount * (a.type === 'person' ? 1.5 : 1) + 2 * (1 - a.firstMention / len));
  const max = Math.max(1, ...raw);
  actors.forEach((a, i) => (a.salience = Math.round((raw[i] / max) * 1000) / 1000));
  attachQuotes(text, actors);
  return actors.sort((a, b) => b.salience - a.salience);
}

function titleBefore(text: string, ents: readonly Entity[], e: Entity): Entity | undefined {
  const t = [...ents].reverse().find((x) => x.end <= e.start && x.type === 'title');
  if (!t || !/^[\s,]*$/.test(text.slice(t.end, e.start))) return undefined;
  return t;
}

function affiliationBefore(text: string, ents: readonly Entity[], title: Entity): string | undefined {
  const prev = [...ents].reverse().find((x) => x.end <= title.start);
  if (!prev || (prev.type !== 'group' && prev.type !== 'place')) return undefined;
  const gap = text.slice(prev.end, title.start);
  if (!/^(?:['’]s)?\s+$/u.test(gap)) return undefined;
  return toCountry(prev.text) ?? prev.text;
}

/** Quotations with a speaker: "According to X: “…”", "X said", the nearest person named before. */
function attachQuotes(text: string, actors: Actor[]): void {
  const re = /“([^”]{2,}?)”|"([^"\n]{2,}?)"/gu;
  const people = actors.filter((a) => a.type === 'person' || a.type === 'organization');
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const inner = m[1] ?? m[2];
    const start = m.index + 1;
    const lead = inner.length - inner.trimStart().length;
    const body = inner.trim();
    const q: Quote = { start: start + lead, end: start + lead + body.length, text: body, confidence: 0.5 };
    const before = text.slice(Math.max(0, m.index - 200), m.index);
    const acc = /according to ([^:,.“"]+?)[:,]?\s*$/i.exec(before);
    let speaker: Actor | undefined;
    if (acc) {
      q.speakerText = acc[1].trim();
      const country = /the (\p{Lu}\p{L}+) leader/u.exec(acc[1]);
      speaker = people.find((a) => a.mentions.some((x) => acc[1].includes(x.text)));
      if (!speaker && country) {
        const c = toCountry(country[1]);
        speaker = people.find((a) => a.type === 'person' && a.affiliation === c);
      }
    }
    if (!speaker && body.split(/\s+/).length >= 6) {
      // The nearest person named earlier in the paragraph.
      const from = text.lastIndexOf('\n', m.index) + 1;
      let best: { a: Actor; at: number } | undefined;
      for (const a of people) for (const x of a.mentions) if (a.type === 'person' && x.end <= m.index && x.start >= from && (!best || x.start > best.at)) best = { a, at: x.start };
      speaker = best?.a;
      if (speaker) q.confidence = 0.4;
    }
    if (speaker) {
      q.speakerId = speaker.id;
      speaker.quotes.push(q);
    }
  }
}
