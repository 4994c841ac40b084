import type { Entity } from '../types';
import { TITLE_MODIFIERS } from '../extract/lexicon';
import { countryOfDemonym, countryOfName } from './demonyms';

/** What the words around one person mention say about the person. */
export interface MentionContext {
  /** Roles in text order, ranks included ("Director of Naval Intelligence", "Rear Admiral"). */
  roles: string[];
  rank?: string;
  affiliation?: string;
  /** Index (into the entity list) of the title right before the name: "Prime Minister" in "Prime Minister Vasconcelos". */
  adjacentTitle?: number;
  /** The organisation or place a title's "of" names ("Governor of the Central Bank"): an affiliation when no list
   * head nor apposition gives one. */
  domain?: string;
  /** Index of a person this one is listed after ("X, Director Y and Commander Z"): affiliation may be inherited. */
  listedAfter?: number;
}

const HONORIFICS = new Set(['Mr', 'Mrs', 'Ms', 'Dr', 'Prof', 'Sir', 'Dame', 'Lord', 'Lady', 'Mr.', 'Mrs.', 'Ms.', 'Dr.', 'Prof.', 'Professor', 'Doctor']);
const RANK_PARTS = new Set([
  'General', 'Admiral', 'Marshal', 'Colonel', 'Major', 'Captain', 'Lieutenant', 'Sergeant', 'Corporal', 'Private', 'Brigadier',
  'Commodore', 'Gen.', 'Lt.', 'Col.', 'Maj.', 'Capt.', 'Sgt.', 'Adm.', 'Field', 'Rear', 'Vice', 'Staff', 'Master', 'First',
  'Lieutenant-General', 'Major-General', 'Brigadier-General', 'Lieutenant-Colonel', 'Vice-Admiral', 'Rear-Admiral', 'Field-Marshal',
]);
const RANK_HEAD = /(?:General|Admiral|Marshal|Colonel|Major|Captain|Lieutenant|Sergeant|Corporal|Private|Brigadier|Commodore|Gen\.|Lt\.|Col\.|Maj\.|Capt\.|Sgt\.|Adm\.)$/;

/** "Major General", "Major-General", "Lt. Col." are ranks; "Operations Directorate Commander" is a role. */
export function isRank(title: string): boolean {
  const ws = title.split(/\s+/);
  return ws.every((w) => RANK_PARTS.has(w)) && RANK_HEAD.test(ws[ws.length - 1]);
}

/**
 * The roles one title span stands for: "Foreign and Trade Minister" -> ["Foreign Minister", "Trade Minister"];
 * "President and Chief Executive" -> both as written; honorifics ("Mr", "Dr") are not roles.
 */
export function splitTitle(title: string): string[] {
  const t = title.replace(/\s+/g, ' ').trim();
  if (!t || t.split(' ').every((w) => HONORIFICS.has(w))) return [];
  const parts = t.split(/ (?:and|&) /);
  if (parts.length === 1) return [t];
  const last = parts[parts.length - 1];
  const head = last.split(' ').pop()!;
  return parts.map((p, i) => {
    if (i === parts.length - 1) return p;
    const lastWord = p.split(' ').pop()!;
    // "Prime" and "Defense" need the shared head; "President" in "President and Chief Executive" does not.
    return TITLE_MODIFIERS.has(lastWord) ? `${p} ${head}` : p;
  });
}

const SPACE = /^[ \t\u00a0]+$/;
const COMMA = /^,[ \t\u00a0]+$/;
const POSSESSIVE_GAP = /^['’]s[ \t\u00a0]+$/;
/** The dot of an abbreviated title the title span leaves out: "Dr. Pablo Soto". */
const ABBREVIATION_GAP = /^\.[ \t\u00a0]+$/;
/** Between a place or organisation and a title: lower-case nouns of the body the person serves ("Lagos airport"). */
const MODIFIER_GAP = /^(?:['’]s)?[ \t\u00a0]+((?:airport|city|port|state|province|district|regional|municipal|county|police|army|navy|party|central|national|federal|provincial)(?:[ \t\u00a0]+(?:airport|police|party|council|bank|office|authority|committee))?)[ \t\u00a0]+$/;
const OF_GAP = /^[ \t\u00a0]+of[ \t\u00a0]+(?:the[ \t\u00a0]+)?$/;
const LIST_GAP = /^(?:[ \t\u00a0]+|,[ \t\u00a0]*|,?[ \t\u00a0]+and[ \t\u00a0]+)$/;

/** The country or organisation an entity before a title names: "Croatian" -> Croatia, "Portugal" -> Portugal. */
function affiliationOf(e: Entity): string | undefined {
  if (e.type === 'group') return countryOfDemonym(e.text) ?? e.text;
  if (e.type === 'place') return countryOfName(e.text) ?? e.text;
  if (e.type === 'organization') return e.text;
  return undefined;
}

/**
 * Reads the titles and affiliation written before (and in a comma apposition after) the person entity `p`:
 * "Portuguese Prime and Foreign Minister Duarte Vasconcelos", "Portugal’s National Security Adviser Rui Meireles",
 * "Director of Naval Intelligence, Rear Admiral Sofia Antunes", "Tomislav Jurak, Croatia’s Defence Minister,".
 */
export function readMentionContext(text: string, ents: readonly Entity[], p: number): MentionContext {
  const ctx: MentionContext = { roles: [] };
  const titles: number[] = [];
  const spanOf = new Map<number, string>();
  let cur = ents[p].start;
  let i = p - 1;
  for (; i >= 0; i--) {
    const e = ents[i];
    if (e.end > cur) continue;
    const gap = text.slice(e.end, cur);
    // "Director of Naval Intelligence, Rear Admiral Sofia Antunes", "Defence Minister, Tomislav Jurak"
    if (e.type === 'title' && (SPACE.test(gap) || COMMA.test(gap) || (ABBREVIATION_GAP.test(gap) && /^\p{L}{2,4}$/u.test(e.text)))) {
      if (titles.length === 0 && SPACE.test(gap)) ctx.adjacentTitle = i;
      titles.unshift(i);
      cur = e.start;
      continue;
    }
    // "Governor of the Central Bank, Dr. Pablo Soto", "President of France Emmanuel Macron": a title and the
    // organisation or place its "of" names are one role, the organisation or place the affiliation.
    const t = i > 0 ? ents[i - 1] : undefined;
    if ((e.type === 'organization' || e.type === 'place') && t?.type === 'title' && (SPACE.test(gap) || COMMA.test(gap)) && OF_GAP.test(text.slice(t.end, e.start))) {
      if (titles.length === 0 && SPACE.test(gap)) ctx.adjacentTitle = i - 1;
      titles.unshift(i - 1);
      spanOf.set(i - 1, text.slice(t.start, e.end));
      ctx.domain ??= affiliationOf(e);
      cur = t.start;
      i--;
      continue;
    }
    if (e.type !== 'person' && (SPACE.test(gap) || (POSSESSIVE_GAP.test(gap) && e.type !== 'group'))) {
      const aff = affiliationOf(e);
      if (aff && (titles.length > 0 || e.type === 'group')) {
        ctx.affiliation = aff;
        cur = e.start;
        i--;
      }
    } else if (e.type !== 'person' && e.type !== 'title' && titles.length > 0) {
      // "Lagos airport [Director]": lower-case nouns after a place or organisation name the body the
      // person serves.
      const m = MODIFIER_GAP.exec(gap);
      if (m && affiliationOf(e)) {
        ctx.affiliation = `${text.slice(e.start, e.end)} ${m[1]}`;
        cur = e.start;
        i--;
      }
    }
    break;
  }
  // "Meireles Director of Naval Intelligence, Rear Admiral Sofia Antunes and ...": listed after a person.
  if (titles.length > 0 && !ctx.affiliation) {
    for (let k = i; k >= 0; k--) {
      const e = ents[k];
      if (e.end > cur) continue;
      if (e.type === 'person' && LIST_GAP.test(text.slice(e.end, cur))) ctx.listedAfter = k;
      break;
    }
  }
  // Apposition after the name: "Tomislav Jurak, the Croatian Defence Minister," / "Tomislav Jurak, Croatia’s Defence Minister".
  if (titles.length === 0) {
    let j = p + 1;
    let end = ents[p].end;
    let aff: string | undefined;
    const after = /^,[ \t\u00a0]+(?:the[ \t\u00a0]+)?$/;
    let gapOk = false;
    for (; j < ents.length; j++) {
      const e = ents[j];
      const gap = text.slice(end, e.start);
      if (!gapOk) {
        if (!after.test(gap)) break;
        gapOk = true;
        if (e.type === 'group' || e.type === 'place') {
          aff = affiliationOf(e);
          end = e.end;
          continue;
        }
      } else if (aff !== undefined && !(SPACE.test(gap) || POSSESSIVE_GAP.test(gap))) break;
      if (e.type !== 'title') break;
      // A title that runs into the next name belongs to that name ("X, Director Y").
      const next = ents[j + 1];
      const nextGap = next ? text.slice(e.end, next.start) : '';
      if (next && (next.type === 'person' || next.type === 'title') && (SPACE.test(nextGap) || COMMA.test(nextGap))) break;
      titles.push(j);
      if (aff) ctx.affiliation = aff;
      break;
    }
  }
  for (const t of titles) {
    for (const role of splitTitle(spanOf.get(t) ?? ents[t].text)) {
      if (isRank(role)) ctx.rank ??= role;
      ctx.roles.push(role);
    }
  }
  return ctx;
}

/** Roles that the word "leader" can stand for ("the Portugal leader" -> the Prime Minister). */
const LEADER_ROLES = new Set(['president', 'prime minister', 'premier', 'chancellor', 'king', 'queen', 'emir', 'sultan', 'supreme leader', 'leader', 'chairman', 'head of state', 'head of government', 'monarch']);

/** Spelling and synonym variants compared as one role. */
const ROLE_SYNONYMS: Record<string, string> = {
  premier: 'prime minister',
  'pm': 'prime minister',
  'defence minister': 'defense minister',
  'minister of defense': 'defense minister',
  'minister of defence': 'defense minister',
  'foreign secretary': 'foreign minister',
  'minister of foreign affairs': 'foreign minister',
  adviser: 'advisor',
  'national security adviser': 'national security advisor',
  'head of state': 'president',
};

export function roleKey(role: string): string {
  const k = role.toLowerCase().replace(/\s+/g, ' ').trim();
  return ROLE_SYNONYMS[k] ?? k;
}

/** Does an actor with these roles fit a nominal role word ("premier", "leader", "Defense Minister")? */
export function roleMatches(roles: readonly string[], nominal: string): boolean {
  const n = roleKey(nominal);
  return roles.some((r) => {
    const k = roleKey(r);
    if (k === n) return true;
    if (n === 'leader') return LEADER_ROLES.has(k);
    return false;
  });
}
