/**
 * The analysis of a new version as a patch on the analysis of an earlier one: after an edit most entities are the
 * same (those before the edit unchanged, those after it moved by the edit's length), so the worker sends only the
 * ones in between and the host rebuilds the list, instead of the whole list crossing the thread boundary (and being
 * deserialised on the extension host) on every keystroke.
 */
import type { Analysis, Entity } from '../types';

export interface AnalysisPatch {
  /** The version of the analysis the patch applies to. */
  base: number;
  /** Entities kept from the start of the base list. */
  head: number;
  /** Entities kept from the end of the base list, moved by `shift`. */
  tail: number;
  shift: number;
  /** The entities between head and tail. */
  middle: Entity[];
  /** Everything of the new analysis but its entities. */
  rest: Omit<Analysis, 'entities'>;
}

const same = (a: Entity, b: Entity, shift: number) => a.start + shift === b.start && a.end + shift === b.end && a.type === b.type && a.text === b.text && a.source === b.source;

/** The patch that turns `before` (of version `base`) into `after`. */
export function diffAnalysis(base: number, before: Analysis, after: Analysis): AnalysisPatch {
  const a = before.entities;
  const b = after.entities;
  const max = Math.min(a.length, b.length);
  let head = 0;
  while (head < max && same(a[head], b[head], 0)) head++;
  const shift = after.length - before.length;
  let tail = 0;
  while (tail < max - head && same(a[a.length - 1 - tail], b[b.length - 1 - tail], shift)) tail++;
  const { entities: _entities, ...rest } = after;
  return { base, head, tail, shift, middle: b.slice(head, b.length - tail), rest };
}

/**
 * An entity moved by `s`: a literal of the entity's own fields, of one shape for every entity (a spread copies through
 * a slow generic path; on a 40k-word report the host moved ~9,000 entities per keystroke at the top).
 */
function moved(e: Entity, s: number): Entity {
  if (!('source' in e)) return { start: e.start + s, end: e.end + s, type: e.type, text: e.text };
  return { start: e.start + s, end: e.end + s, type: e.type, text: e.text, source: e.source };
}

/** The analysis a patch describes, given the base analysis it was made against. */
export function applyAnalysisPatch(before: Analysis, patch: AnalysisPatch): Analysis {
  const a = before.entities;
  const entities = a.slice(0, patch.head);
  for (const e of patch.middle) entities.push(e);
  const s = patch.shift;
  for (let i = a.length - patch.tail; i < a.length; i++) {
    const e = a[i];
    entities.push(s === 0 ? e : moved(e, s));
  }
  return { ...patch.rest, entities };
}
