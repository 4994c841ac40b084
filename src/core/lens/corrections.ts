import type { Actor, ActorSplit, Analysis, Entity, EntityCorrection, EntityType, Mention } from '../types';
import { ENTITY_TYPES } from '../types';
import { frontMatter } from '../text/segment';

/** Front matter and fenced code: metadata and code, where a correction never adds a highlight. */
function notProse(text: string): [number, number][] {
  const out: [number, number][] = [];
  const fm = frontMatter(text);
  if (fm) out.push([fm.start, fm.end]);
  const fence = /^[ \t]{0,3}(`{3,}|~{3,})[^\n]*\n[\s\S]*?(?:^[ \t]{0,3}\1[ \t]*$|(?![\s\S]))/gm;
  for (let m = fence.exec(text); m; m = fence.exec(text)) out.push([m.index, m.index + m[0].length]);
  return out;
}

/**
 * The analyst's corrections of single highlights, from the workspace registry (`corrections` and `splits` in
 * `.analyst/actors.json`), applied on top of what the tagger found. Pure: the report is never edited.
 */

/** How a corrected text is compared: case, spacing and a possessive do not matter. */
export function correctionKey(s: string): string {
  return s.normalize('NFC').replace(/\s+/g, ' ').trim().replace(/['’]s?$/u, '').toLowerCase();
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Applies entity corrections to an analysis: `type: null` removes every entity with that text ("Not an entity");
 * a type retypes them and also marks the occurrences of the same text the tagger missed (whole words, as written)
 * inside the analysed part. Spans of one type still never overlap; counts are recomputed. Returns the input
 * unchanged when no correction applies.
 */
export function applyCorrections(text: string, analysis: Analysis, corrections: readonly EntityCorrection[] | undefined): Analysis {
  if (!corrections?.length) return analysis;
  const byKey = new Map<string, EntityType | null>();
  for (const c of corrections) {
    if (typeof c?.text !== 'string' || !c.text.trim()) continue;
    if (c.type !== null && !ENTITY_TYPES.includes(c.type)) continue;
    byKey.set(correctionKey(c.text), c.type);
  }
  if (!byKey.size) return analysis;
  let changed = false;
  const out: Entity[] = [];
  for (const e of analysis.entities) {
    const k = correctionKey(e.text);
    if (!byKey.has(k)) {
      out.push(e);
      continue;
    }
    const type = byKey.get(k)!;
    changed = true;
    if (type) out.push({ ...e, type, source: 'correction' });
  }
  // Occurrences the tagger missed, for texts given a type.
  const limit = analysis.limited ? analysis.limited.analyzedLength : Math.min(text.length, analysis.length);
  let skip: [number, number][] | undefined;
  for (const c of corrections) {
    if (!c?.type || typeof c.text !== 'string' || c.text.trim().length < 2) continue;
    const re = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRe(c.text.trim())}(?![\\p{L}\\p{N}])`, 'gu');
    for (let m = re.exec(text); m && m.index < limit; m = re.exec(text)) {
      const s = m.index;
      const e = s + m[0].length;
      if (out.some((x) => x.start < e && s < x.end)) continue;
      skip ??= notProse(text);
      if (skip.some(([a, b]) => a < e && s < b)) continue;
      out.push({ start: s, end: e, text: m[0], type: c.type, source: 'correction' });
      changed = true;
    }
  }
  if (!changed) return analysis;
  out.sort((a, b) => a.start - b.start || b.end - a.end);
  // Retyping can make two spans of one type overlap: keep the first (longer) one.
  const lastEnd = new Map<EntityType, number>();
  const entities = out.filter((e) => {
    if ((lastEnd.get(e.type) ?? -1) > e.start) return false;
    lastEnd.set(e.type, e.end);
    return true;
  });
  const counts = Object.fromEntries(ENTITY_TYPES.map((t) => [t, 0])) as Record<EntityType, number>;
  for (const e of entities) counts[e.type] = (counts[e.type] ?? 0) + 1;
  return { ...analysis, entities, counts };
}

/** Which of two mention lists names the actor last before `at` (or, when neither does, first after it). */
function nearestNameBefore(at: number, kept: readonly Mention[], moved: readonly Mention[]): 'kept' | 'moved' {
  const lastBefore = (ms: readonly Mention[]) => Math.max(-1, ...ms.filter((m) => m.start <= at).map((m) => m.start));
  const k = lastBefore(kept), m = lastBefore(moved);
  if (k >= 0 || m >= 0) return m > k ? 'moved' : 'kept';
  const firstAfter = (ms: readonly Mention[]) => Math.min(Infinity, ...ms.map((x) => x.start));
  return firstAfter(moved) < firstAfter(kept) ? 'moved' : 'kept';
}

const slug = (s: string) => s.toLowerCase().normalize('NFKD').replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '') || 'x';

/**
 * Applies "Split from this actor": the mentions written `split.text` leave the actor named (or aliased) `split.from`
 * and become an actor of their own (same type). Actors not named in a split are returned as they are.
 */
export function applySplits(actors: Actor[], splits: readonly ActorSplit[] | undefined): Actor[] {
  if (!splits?.length) return actors;
  let out = actors;
  for (const split of splits) {
    if (typeof split?.text !== 'string' || typeof split.from !== 'string') continue;
    const k = correctionKey(split.text);
    const from = correctionKey(split.from);
    const next: Actor[] = [];
    for (const a of out) {
      const named = correctionKey(a.name) === from || a.aliases.some((x) => correctionKey(x) === from);
      const moved = named && correctionKey(a.name) !== k ? a.mentions.filter((m) => correctionKey(m.text) === k) : [];
      if (!moved.length || moved.length === a.mentions.length) {
        next.push(a);
        continue;
      }
      const kept = a.mentions.filter((m) => !moved.includes(m));
      const share = moved.length / a.mentions.length;
      // A pronoun linked to the actor goes with the name mentioned last before it (or, when none is, first after it).
      const pronounsMoved = (a.pronounMentions ?? []).filter((p) => nearestNameBefore(p.start, kept, moved) === 'moved');
      const pronounsKept = (a.pronounMentions ?? []).filter((p) => !pronounsMoved.includes(p));
      // A quote goes with the split-off name when its speaker is written so, and a "he/she said" one with the name
      // mentioned last before it; every other quote stays.
      const splitId = `${a.type}:split-${slug(split.text)}`;
      const quoteMoves = (q: Actor['quotes'][number]) =>
        !!q.speakerText && (correctionKey(q.speakerText) === k || (/^(?:he|she)$/i.test(q.speakerText.trim()) && nearestNameBefore(q.start, kept, moved) === 'moved'));
      const quotesMoved = a.quotes.filter(quoteMoves).map((q) => ({ ...q, speakerId: splitId }));
      const stay: Actor = { ...a, mentions: kept, mentionCount: kept.length, firstMention: Math.min(...kept.map((m) => m.start)), aliases: a.aliases.filter((x) => correctionKey(x) !== k), salience: a.salience * (1 - share), quotes: a.quotes.filter((q) => !quoteMoves(q)) };
      if (a.pronounMentions) {
        if (pronounsKept.length) stay.pronounMentions = pronounsKept;
        else delete stay.pronounMentions;
      }
      next.push(stay);
      next.push({
        id: splitId,
        type: a.type,
        name: moved[0].text.trim(),
        aliases: [],
        roles: [],
        mentions: moved,
        firstMention: Math.min(...moved.map((m) => m.start)),
        mentionCount: moved.length,
        salience: a.salience * share,
        quotes: quotesMoved,
        related: [],
        actions: [],
        ...(pronounsMoved.length ? { pronounMentions: pronounsMoved } : {}),
      });
    }
    out = next;
  }
  return out.sort((a, b) => b.salience - a.salience || a.firstMention - b.firstMention);
}
