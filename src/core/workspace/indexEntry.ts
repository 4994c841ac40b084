import type { Actor, Analysis, ActorType } from '../types';
import { buildActors } from '../actors';

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

export const actorKey = (type: string, name: string) => `${type}:${name.toLowerCase().replace(/[’']/g, "'").replace(/\s+/g, ' ')}`;

/**
 * The index entry of a report: its actors (the same actor model as hovers and summaries: "Putin" is filed under
 * "Vladimir Putin", "IDF" under the organisation it abbreviates) with the position of every mention.
 */
export function indexEntry(text: string, analysis: Analysis, hash: string, actors?: readonly Actor[]): IndexEntry {
  // Line starts, so positions can be computed without the document.
  const lineStarts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  const lineOf = (offset: number) => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (lineStarts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  // `actors`: built by the caller (with the workspace registry applied); else built here without one.
  const indexed: IndexedActor[] = (actors ?? buildActors(text, analysis)).map((a) => ({
    key: actorKey(a.type, a.name),
    type: a.type,
    name: a.name,
    mentions: a.mentions.map((m) => {
      const line = lineOf(m.start);
      return [m.start, m.end, line, m.start - lineStarts[line]] as [number, number, number, number];
    }),
  }));
  return { hash, words: (text.match(/\S+/g) ?? []).length, actors: indexed };
}
