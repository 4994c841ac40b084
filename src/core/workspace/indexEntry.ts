import type { Analysis, ActorType } from '../types';

/** One actor of one report, as the workspace index keeps it: small enough to persist for hundreds of reports. */
export interface IndexedActor {
  /** `${type}:${normalised canonical name}`: the same actor in two reports has the same key. */
  key: string;
  type: ActorType;
  name: string;
  /** [start, end, line, character] of every mention: offsets and the 0-based position of the start. */
  mentions: [number, number, number, number][];
}

export interface IndexEntry {
  hash: string;
  words: number;
  actors: IndexedActor[];
}

const ACTOR_TYPES = new Set<string>(['person', 'organization', 'place', 'group']);

export const actorKey = (type: string, name: string) => `${type}:${name.toLowerCase().replace(/[’']/g, "'").replace(/\s+/g, ' ')}`;

/**
 * The index entry of a report: its actors with mentions. A person's lone surname is filed under the full name
 * used elsewhere in the same report ("Putin" → "Vladimir Putin"), so workspace-wide lookups find every mention.
 */
export function indexEntry(text: string, analysis: Analysis, hash: string): IndexEntry {
  const fullBySurname = new Map<string, string>();
  for (const e of analysis.entities) {
    if (e.type !== 'person') continue;
    const parts = e.text.split(/\s+/);
    if (parts.length > 1) {
      const last = parts[parts.length - 1];
      const known = fullBySurname.get(last);
      if (!known || e.text.length > known.length) fullBySurname.set(last, e.text);
    }
  }
  const actors = new Map<string, IndexedActor>();
  // Line starts, walked once alongside the sorted entities.
  let line = 0;
  let lineStart = 0;
  let scan = 0;
  for (const e of analysis.entities) {
    for (; scan < e.start; scan++) {
      if (text.charCodeAt(scan) === 10) {
        line++;
        lineStart = scan + 1;
      }
    }
    if (!ACTOR_TYPES.has(e.type)) continue;
    const name = e.type === 'person' && !/\s/.test(e.text) ? (fullBySurname.get(e.text) ?? e.text) : e.text;
    const key = actorKey(e.type, name);
    let a = actors.get(key);
    if (!a) actors.set(key, (a = { key, type: e.type as ActorType, name, mentions: [] }));
    a.mentions.push([e.start, e.end, line, e.start - lineStart]);
  }
  return { hash, words: (text.match(/\S+/g) ?? []).length, actors: [...actors.values()] };
}
