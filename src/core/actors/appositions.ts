import type { Entity } from '../types';
import { countryOf, countryOfDemonym } from './demonyms';
import { TITLE_HEADS, TITLE_MODIFIERS } from '../extract/lexicon';
import { lowerBound } from '../text/intervals';

// The entity lists below are sorted by start (buildActors sorts them). These look-ups read only the entities near an
// offset, so reading every mention of a long report stays linear rather than scanning all entities per mention.
const LONGEST = new WeakMap<readonly Entity[], number>();
/** The longest entity's length: how far before an offset an entity covering it can start. */
function longest(ents: readonly Entity[]): number {
  let n = LONGEST.get(ents);
  if (n === undefined) {
    n = 0;
    for (const x of ents) n = Math.max(n, x.end - x.start);
    LONGEST.set(ents, n);
  }
  return n;
}
/** The first entity (in list order) starting exactly at `at` that `ok` accepts. */
function startingAt(ents: readonly Entity[], at: number, ok: (x: Entity) => boolean = () => true): Entity | undefined {
  for (let i = lowerBound(ents, at); i < ents.length && ents[i].start === at; i++) if (ok(ents[i])) return ents[i];
  return undefined;
}
/** The index of the first entity (in list order) starting before `before` and no earlier than `from` minus the longest entity that `ok` accepts, or -1. */
function firstIndexBefore(ents: readonly Entity[], before: number, from: number, ok: (x: Entity) => boolean): number {
  let found = -1;
  const min = from - longest(ents);
  for (let i = lowerBound(ents, before) - 1; i >= 0 && ents[i].start >= min; i--) if (ok(ents[i])) found = i;
  return found;
}

/**
 * Roles and affiliations read from the structure of the sentence around one person mention, where the analysis
 * found no capitalised title: lower-case role nouns before the name ("Harris campaign chairman Paul Brandt", "Chilean
 * negotiator Marta Ibarra"), appositions after it ("Ilse Brandt, Varga's legal adviser,", "Tomas
 * Reyna, former publisher of the Coastal Herald weekly,", "Lena Okafor, the Irish engineer who runs the UN
 * survey team"), appositions before it ("The chair of the Latvian senate, Inga Kalnina,"), "who heads/leads/runs
 * X" and copulas ("Anna Ruiz is the mayor's chief of staff"). A role always belongs to the mention it is attached to.
 */
export interface StructureFact {
  roles: string[];
  affiliation?: string;
  /** How the fact was read: "apposition", "premodifier", "who-heads", "copula", "apposition-before". */
  evidence: string;
  /** The role noun is plural ("two opposition leaders, X and Y"): names listed after it share the role. */
  plural?: boolean;
}

/** Role nouns that stand for a person's function, status or relation in news text (lower case, singular). */
const HEADS = new Set(
  (
    'leader chief head spokesman spokeswoman spokesperson minister secretary president premier chancellor chairman chairwoman chair ' +
    'director manager editor journalist reporter correspondent commander commander-in-chief officer official adviser advisor aide ' +
    'envoy ambassador diplomat counterpart candidate nominee billionaire businessman businesswoman tycoon executive ceo cfo coo ' +
    'founder co-founder owner analyst economist lawyer attorney judge prosecutor governor mayor senator congressman congresswoman ' +
    'lawmaker legislator representative deputy member activist dissident author writer novelist poet artist singer actor actress ' +
    'player coach striker midfielder defender goalkeeper captain driver rider champion veteran farmer vendor labourer laborer worker ' +
    'tourist student teacher professor doctor surgeon scientist researcher expert peacemaker negotiator mediator general colonel ' +
    'king queen prince princess emperor cardinal archbishop bishop pope priest imam rabbi cleric monk attache consul commissioner ' +
    'inspector superintendent sheriff trader broker dealer banker investor strategist consultant partner wife husband son daughter ' +
    'brother sister mother father widow widower astrologer secretary-general speaker administrator coordinator delegate observer ' +
    'witness survivor victim suspect hostage prisoner refugee resident emir sultan sheikh ayatollah rebel guerrilla militant fighter ' +
    'soldier pilot sergeant lieutenant staffer operative pollster host anchor moderator commentator columnist blogger publisher ' +
    'producer treasurer auditor partisan president-elect vice-president nun physician nurse engineer architect designer photographer ' +
    'historian philosopher scholar lecturer dean principal rector chaplain steward ranger warden guard bodyguard agent detective ' +
    'investigator constable policeman policewoman firefighter paramedic diplomat regent monarch magnate entrepreneur financier ' +
    'industrialist shareholder stakeholder employee employer boss supervisor foreman assistant clerk lobbyist campaigner organiser ' +
    'organizer protester demonstrator opponent rival ally friend colleague successor predecessor incumbent challenger contender ' +
    'runner-up winner loser finalist skipper batsman bowler jockey boxer wrestler swimmer sprinter cyclist golfer gymnast marksman ' +
    'governor-general attorney-general solicitor barrister magistrate juror defendant plaintiff accused convict inmate detainee ' +
    'runner climber sailor fisherman miner shepherd herder peasant villager landlord tenant settler colonist pioneer explorer ' +
    'major chief-of-staff nephew niece cousin uncle aunt grandson granddaughter grandfather grandmother stepson stepdaughter fiancee fiance spouse'
  ).split(/\s+/),
);
/** Compound role nouns with a preposition inside ("chief of staff"): read as one head. */
const COMPOUNDS = /\b(chiefs? of staff|heads? of (?:state|government|mission|delegation)|secretar(?:y|ies) of state|charge d['’]affaires|ministers? of (?:state|[a-z]+ affairs))\b/i;
/** Words that end the words written before a name: determiners, prepositions, verbs of speech, conjunctions. */
const STOP = new Set(
  (
    'the a an his her their its our my your this that these those and or but nor to of in on at by for from with as into onto upon ' +
    'said says say told tells tell quoted quoting according when while where which who whom whose after before than then also not ' +
    'is was are were be been being has have had will would could should may might can including like such both all other another ' +
    'met meets meet visited visits called calls named names asked asks urged urges thanked thanks replaced replaces succeeded ' +
    'under over against between among about during without within via per accompanied joined if because so'
  ).split(/\s+/),
);
/** Lower-case words before a role noun that name the side a person belongs to ("opposition leader"). */
const SIDES: Record<string, string> = {
  opposition: 'opposition', rebel: 'rebels', separatist: 'separatists', guerrilla: 'guerrillas', insurgent: 'insurgents', militant: 'militants',
};
/** Lower-case words written between a determiner and a role noun that are not part of the role. */
const NOT_MODIFIER = /^(?:\d[\d,.-]*|\d+-year-old|[a-z]+ly|one|two|three|four|five|six|seven|eight|nine|ten|some|many|several|few|most|other)$/;

const SPACE = '[ \\t\\u00a0]';

/** A role noun ("analyst", "spokesman", "CEO"), lower case or capitalised. */
export function isRoleHead(word: string): boolean {
  return isHead(word) || TITLE_HEADS.has(word);
}

function isHead(word: string): boolean {
  const w = word.toLowerCase().replace(/['’]s$/, '');
  if (HEADS.has(w)) return true;
  if (!w.includes('-')) return false;
  const parts = w.split('-');
  // "chief-of-staff", "commander-in-chief", "co-premier", "vice-chairman"
  return HEADS.has(parts[0]) && /^(?:of|in)$/.test(parts[1] ?? '') || HEADS.has(parts[parts.length - 1]) && /^(?:vice|deputy|co|ex|acting|chief|under|assistant)$/.test(parts[0]);
}
/** The singular of a plural role noun ("leaders" -> "leader", "spokesmen" -> "spokesman"), or undefined. */
function singularHead(word: string): string | undefined {
  const w = word.toLowerCase();
  if (w.endsWith('men') && HEADS.has(w.slice(0, -3) + 'man')) return w.slice(0, -3) + 'man';
  if (w.endsWith('ies') && HEADS.has(w.slice(0, -3) + 'y')) return w.slice(0, -3) + 'y';
  if (w.endsWith('s') && HEADS.has(w.slice(0, -1))) return w.slice(0, -1);
  return undefined;
}

/** The affiliation a capitalised phrase stands for: "Russian" -> Russia, "Lukashenko's" -> Lukashenko. */
function affiliationText(phrase: string): string | undefined {
  const t = phrase.replace(/['’]s?$/, '').replace(/^(?:the|The)\s+/, '').trim();
  if (!t || !/\p{Lu}/u.test(t)) return undefined;
  return countryOf(t) ?? t;
}

interface Word {
  text: string;
  start: number;
  end: number;
}
function wordsOf(s: string, offset: number): Word[] {
  const out: Word[] = [];
  const re = /[\p{L}\p{N}][\p{L}\p{N}.'’&-]*/gu;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    let t = m[0];
    // "U.S." keeps its dots; a sentence-final dot does not belong to the word.
    if (t.endsWith('.') && !/^(?:\p{L}\.)+$/u.test(t) && !/^(?:Gov|Sen|Rep|Gen|Col|Lt|Maj|Capt|Sgt|Dr|Mr|Mrs|Ms|St|Jr)\.$/.test(t)) t = t.replace(/\.+$/, '');
    out.push({ text: t, start: offset + m.index, end: offset + m.index + t.length });
  }
  return out;
}
const isCap = (w: string) => /^\p{Lu}/u.test(w);

/**
 * A noun phrase naming a role: `[the|a|former…] [Org's|Demonym|Org] modifiers HEAD [of|at|for X]`.
 * Returns the role (modifiers and head as written, "of <lower-case words>" kept) and the affiliation it names.
 */
export function parseRolePhrase(phrase: string, after = false): { role: string; affiliation?: string; plural: boolean } | undefined {
  let s = phrase.replace(/\s+/g, ' ').trim().replace(/[.,;:!?'"’”)]+$/, '').replace(/^\(/, '').replace(/^(?:the|a|an|The|A|An)\s+/, '');
  if (!s || s.length > 140) return undefined;
  // "a 27-year-old labourer turned away by police": the phrase ends at its role noun when a participle follows.
  if (after) {
    const ws0 = s.split(' ');
    for (let i = 0; i < ws0.length - 1; i++) {
      if ((isHead(ws0[i]) || singularHead(ws0[i])) && /^(?:[a-z]+(?:ed|ing)|seized|held|born|based|known|who|whose|now|since|until|last|this|during)$/.test(ws0[i + 1])) {
        s = ws0.slice(0, i + 1).join(' ');
        break;
      }
    }
  }
  let toPart = '';
  const to = /^(.+?)\s+(to|on)\s+(?:the\s+)?(\p{Lu}[^,]*)$/u.exec(s);
  // "the international negotiator for Burundi", "UN mediator for Syria": the place they work toward, not their own
  const forPlace = to ? null : /^(.+?)\s+(for)\s+(?:the\s+)?(\p{Lu}[^,]*)$/u.exec(s);
  if (forPlace && /(?:negotiator|mediator|envoy|peacemaker|rapporteur)s?$/.test(forPlace[1])) {
    toPart = ` ${forPlace[2]} ${forPlace[3]}`;
    s = forPlace[1];
  } else if (to && /(?:envoy|ambassador|representative|adviser|advisor|delegate|observer|counsel|consultant)s?$/.test(to[1])) {
    toPart = ` ${to[2]} ${to[3]}`;
    s = to[1];
  }
  let affiliation: string | undefined;
  let ofPart = '';
  const compound = COMPOUNDS.exec(s);
  const endsCompound = !!compound && compound.index + compound[0].length === s.length;
  const ofAt = endsCompound ? null : /\s(of|at|for|with|from|in)\s/.exec(s);
  if (ofAt && ofAt[1] !== 'of') {
    // "… at the Ministry of Finance", "… for Reuters", "… from Jordan"
    const obj = s.slice(ofAt.index + ofAt[0].length).replace(/^the\s+/, '');
    if (isCap(obj)) affiliation = affiliationText(obj);
    s = s.slice(0, ofAt.index);
  } else if (ofAt) {
    // "publisher of the Coastal Herald weekly", "deputy director of operations at Acme", "head of the U.S. archdiocese"
    const obj = s.slice(ofAt.index + ofAt[0].length).replace(/^(?:the|its|his|her)\s+/, '');
    if (isCap(obj)) affiliation = affiliationText(obj);
    else {
      const at2 = /^(.*?)\s(?:at|for|with|in)\s(?:the\s+)?(\p{Lu}.*)$/u.exec(obj);
      if (at2) {
        affiliation = affiliationText(at2[2]);
        if (at2[1].split(' ').length <= 3) ofPart = ` of ${at2[1]}`;
      } else {
        const cap = /(?:^|\s)(\p{Lu}[\p{L}.'’-]*(?:\s.*)?)$/u.exec(obj);
        if (cap) affiliation = affiliationText(cap[1]);
        else if (obj.split(' ').length <= 3) ofPart = ` of ${obj}`;
      }
    }
    s = s.slice(0, ofAt.index);
  }
  const ws = s.split(' ');
  let headIdx = ws.length - 1;
  let head = ws[headIdx];
  let plural = false;
  let compoundHead = '';
  const c2 = COMPOUNDS.exec(s);
  if (c2 && c2.index + c2[0].length === s.length) {
    compoundHead = c2[0];
    headIdx = s.slice(0, c2.index).trim() ? s.slice(0, c2.index).trim().split(' ').length : 0;
    head = compoundHead;
  } else if (!isHead(head)) {
    const sing = singularHead(head);
    if (!sing) return undefined;
    head = sing;
    plural = true;
  }
  const mods: string[] = [];
  for (let i = headIdx - 1; i >= 0; i--) {
    const w = ws[i];
    if (/['’]s$/.test(w) && isCap(w)) {
      // "Lukashenko's political adviser", "the mayor's chief of staff"
      affiliation ??= affiliationText(ws.slice(0, i + 1).join(' '));
      break;
    }
    if (/['’]s$/.test(w)) break;
    if (isCap(w)) {
      // "Reform Party candidate", "Russian peacemaker", "U.S. black leader": the affiliation, unless a title word.
      affiliation ??= affiliationText(ws.slice(0, i + 1).join(' '));
      break;
    }
    if (STOP.has(w) || NOT_MODIFIER.test(w)) break;
    mods.unshift(w);
  }
  if (mods.length > 4) return undefined;
  // "opposition leader", "rebel chief-of-staff": the side the person belongs to
  if (!affiliation) affiliation = mods.map((m) => SIDES[m.toLowerCase()]).find(Boolean);
  const headText = compoundHead || (plural ? head : ws[ws.length - 1]);
  return { role: [...mods, headText].join(' ') + ofPart + toPart, affiliation, plural };
}

/**
 * The affiliation a description that names no role states: "a young unemployed Uzbek" -> Uzbekistan, "a
 * Ghanaian-born nurse from Belgium" -> Belgium.
 */
function affiliationOfDescription(phrase: string): string | undefined {
  const s = phrase.replace(/\s+/g, ' ').trim().replace(/[.,;:!?'"’”)]+$/, '');
  if (!/^(?:a|an|the)\s/i.test(s) || s.length > 100) return undefined;
  const from = /\s(?:from|of)\s(?:the\s)?(\p{Lu}[\p{L}.'’-]*(?:\s\p{Lu}[\p{L}.'’-]*){0,3})$/u.exec(s);
  if (from) return affiliationText(from[1]);
  const last = /\s(\p{Lu}[\p{L}-]+)$/u.exec(s);
  return last && /^(?:a|an|the)(?:\s[\p{Ll}\d-]+){0,3}\s\p{Lu}[\p{L}-]+$/u.test(s) ? countryOfDemonym(last[1]) : undefined;
}

/** Text of the clause after `from`, up to a clause boundary (comma, sentence end, relative pronoun, verb). */
function chunkAfter(text: string, from: number, max = 160): { s: string; end: number } {
  const win = text.slice(from, from + max);
  const re = /[,;:!?()\n"“”]|\.(?=\s+\p{Lu}|\s*$|\s*\n)|\s(?:who|which|whose|that|said|says|told|tells|and|but|was|is|has|had|will|would|on|in|to|since|after|before|when)\s/gu;
  let m: RegExpExecArray | null;
  while ((m = re.exec(win))) {
    // "U.S. Roman": the dot of an initial does not end the phrase
    if (m[0] === '.' && /(?:^|[\s.])\p{Lu}$/u.test(win.slice(0, m.index))) continue;
    // "at the Ministry of Finance", "publisher of the Coastal Herald weekly": prepositions stay inside
    return { s: win.slice(0, m.index), end: from + m.index };
  }
  return { s: win, end: from + win.length };
}

/** A phrase after a boundary (punctuation, a clause word, a preposition) up to the comma before a name. Dots of
 * initials ("the U.N. deputy envoy") stay inside. */
const APPOSITION_BEFORE =
  /(?:^|[.;:!?\n"“”]|,[ \t\u00a0]|\b(?:said|says|told|and|including|by|with|to|from|for|that|of)[ \t\u00a0])[ \t\u00a0]*((?:(?:the|a|an|two|three|four|both|The|A|An|Two|Three|Four|Both)[ \t\u00a0]+)?(?:[^,.;:!?\n"“”]|(?<=(?:^|[\s.])\p{Lu})\.){2,110})$/u;

/** Site nouns written after a place name: "Beit Lahm refugee camp", "Ruvia province". */
const SITE_AFTER = /^[ \t\u00a0]+(?:refugee[ \t\u00a0]+)?(?:camp|village|district|province|region|county|township|neighbourhood|neighborhood|municipality)\b/;

/** A title entity starts at `from` (spaces aside) and a title or a person follows it after a space or a comma. */
function titleRunsIntoName(text: string, ents: readonly Entity[], from: number): boolean {
  const k = lowerBound(ents, from);
  if (k >= ents.length || ents[k].type !== 'title' || !/^[ \t\u00a0]*$/.test(text.slice(from, ents[k].start))) return false;
  let end = ents[k].end;
  let next = ents[k + 1];
  // "Governor of the Central Bank, Dr. Pablo Soto"
  if (next && (next.type === 'organization' || next.type === 'place') && /^[ \t\u00a0]+of[ \t\u00a0]+(?:the[ \t\u00a0]+)?$/.test(text.slice(end, next.start))) {
    end = next.end;
    next = ents[k + 2];
  }
  return !!next && (next.type === 'title' || next.type === 'person') && /^,?[ \t\u00a0]+$/.test(text.slice(end, next.start));
}

/** The phrase [a, b) is one title entity written after a person and a comma: "X, Director of Y, …". */
function listTitleBefore(text: string, ents: readonly Entity[], a: number, b: number): boolean {
  const k = firstIndexBefore(ents, b, b, (x) => x.type === 'title' && x.end === b);
  if (k < 0 || text.slice(a, ents[k].start).trim() !== '') return false;
  let j = k - 1;
  while (j >= 0 && ents[j].type === 'title' && /^[ \t\u00a0]+$/.test(text.slice(ents[j].end, ents[j + 1].start))) j--;
  return j >= 0 && ents[j].type === 'person' && /^,[ \t\u00a0]+$/.test(text.slice(ents[j].end, ents[j + 1].start));
}

/** Facts the sentence structure states about the person entity `ents[p]`. */
export function readStructure(text: string, ents: readonly Entity[], p: number): StructureFact[] {
  const e = ents[p];
  const out: StructureFact[] = [];
  const add = (phrase: string, evidence: string, allowPlural = false) => {
    const r = parseRolePhrase(phrase, evidence === 'apposition' || evidence === 'copula');
    if (!r || (r.plural && !allowPlural)) return false;
    out.push({ roles: [r.role], affiliation: r.affiliation, evidence, plural: r.plural || undefined });
    return true;
  };
  const titleAt = (a: number, b: number) => firstIndexBefore(ents, b, a, (x) => x.type === 'title' && a < x.end) >= 0;

  // Where the name starts with the titles written right before it: "UN spokeswoman [Major] Clara Fenwick",
  // "its founder, [Chilean Senator] Rodrigo Paz".
  let anchor = e.start;
  for (let k = p - 1; k >= 0; k--) {
    const x = ents[k];
    if (x.end > anchor) continue;
    const between = text.slice(x.end, anchor);
    if (x.type === 'title' && /^[ \t\u00a0]+$/.test(between)) anchor = x.start;
    else if ((x.type === 'group' || x.type === 'place') && anchor < e.start && /^(?:['’]s)?[ \t\u00a0]+$/.test(between)) anchor = x.start;
    else break;
  }
  // 0. A plural title before a list of names: "Foreign Ministers X and Y", "Co-Premiers Prince X and Y" (the second
  // name shares it, as in "two opposition leaders, X and Y").
  const pl = /(?:^|[^\p{L}.'’-])((?:\p{Lu}[\p{L}-]*[ \t\u00a0]+){0,2})(\p{Lu}[\p{L}-]*?)s[ \t\u00a0]+$/u.exec(text.slice(Math.max(0, anchor - 60), anchor));
  if (pl) {
    const head = pl[2].replace(/^(?:Co|Vice)-/, '');
    const mods = pl[1].trim() ? pl[1].trim().split(/\s+/) : [];
    if (TITLE_HEADS.has(head) && mods.every((w) => TITLE_MODIFIERS.has(w))) out.push({ roles: [[...mods, pl[2]].join(' ')], evidence: 'premodifier', plural: true });
  }
  // 1. Words right before the name, no comma: "Harris campaign chairman Paul Brandt", "Chilean negotiator Marta Ibarra",
  // "(Lufthansa treasurer) Jonas Weber".
  const before = text.slice(Math.max(0, anchor - 120), anchor).replace(/\)([ \t\u00a0]+)$/, ' $1');
  const pre = new RegExp(`((?:[\\p{L}\\p{N}][\\p{L}\\p{N}.'’&-]*${SPACE}+){1,7})$`, 'u').exec(before);
  if (pre) {
    const base = anchor - pre[1].length;
    const ws = wordsOf(pre[1], base);
    const last = ws[ws.length - 1];
    if (last && !isCap(last.text) && isHead(last.text) && !titleAt(last.start, last.end)) {
      let from = ws.length - 1;
      while (from > 0) {
        const w = ws[from - 1].text;
        if (isCap(w)) {
          // a capitalised word before the role: an affiliation (entity) or the start of the sentence
          const at = ws[from - 1].start;
          const ent = ents[firstIndexBefore(ents, at + 1, at, (x) => x.end > at && x.type !== 'title' && x.type !== 'date' && x.type !== 'time')] as Entity | undefined;
          // "… act," Treasury spokesman X said": a capitalised word inside a sentence (not its first word, not a
          // function word) names the body the role belongs to even when the tagger left it out.
          const inside = !ent && !STOP.has(w.toLowerCase()) && !TITLE_HEADS.has(w) && !/(?:^|[.!?]["”’]?|[\n“(])[ \t\u00a0]*$/.test(text.slice(Math.max(0, ws[from - 1].start - 3), ws[from - 1].start)) && ws[from - 1].start > 0;
          if (!ent && !inside && !/['’]s$/.test(w)) break;
          const startCap = ent ? Math.max(ent.start, base) : ws[from - 1].start;
          // take in every word of the entity before
          while (from > 0 && ws[from - 1].start >= startCap) from--;
          break;
        }
        if (STOP.has(w.toLowerCase()) || NOT_MODIFIER.test(w)) break;
        from--;
      }
      const phrase = text.slice(ws[from].start, last.end);
      // "(Patriotic Front of Ruvia chief) X": an organisation whose name holds "of" is the affiliation, not an "of"
      // phrase of the role
      const org = startingAt(ents, ws[from].start, (x) => x.type === 'organization' && x.end < last.start);
      if (!add(phrase, 'premodifier') && org && add(text.slice(org.end, last.end), 'premodifier')) out[out.length - 1].affiliation = org.text;
    }
  }

  // 2. Apposition after the name: "X, Lukashenko's political adviser,", "X, the Irish engineer who runs …", "X, 37,".
  let after = e.end;
  const age = /^,[ \t\u00a0]*\d{1,3}[ \t\u00a0]*(?=,)/.exec(text.slice(after, after + 8));
  if (age) after += age[0].length;
  const tail = text.slice(after, after + 24);
  let comma = /^,[ \t\u00a0]+who[ \t\u00a0]+(?:is|was)[ \t\u00a0]+(?:also[ \t\u00a0]+)?(?![a-z]+ed\b|born\b|sworn\b)/.exec(tail) ?? /^,[ \t\u00a0]+(?!who\b|which\b)(?:also[ \t\u00a0]+)?/.exec(tail);
  // A title after the comma that runs into the next name ("X, Director of Naval Intelligence, Rear Admiral Y and …")
  // is that name's title, written before it in a list of officials: no apposition of X (readMentionContext gives it
  // to Y).
  if (comma && titleRunsIntoName(text, ents, after + comma[0].length)) comma = null;
  if (comma) {
    const from = after + comma[0].length;
    const c = chunkAfter(text, from);
    // "a fire chief in Riverton", "the chair of the Council for Trade and Development in Asia":
    // the phrase goes on to the end of the place or organisation it names.
    for (let k = 0; k < 2; k++) {
      let cut: Entity | undefined;
      for (let i = lowerBound(ents, from); !cut && i < ents.length && ents[i].start < c.end; i++) if ((ents[i].type === 'organization' || ents[i].type === 'place') && ents[i].end > c.end) cut = ents[i];
      const next = cut ? undefined : /^[ \t\u00a0]+(?:in|at)[ \t\u00a0]+(?:the[ \t\u00a0]+)?/.exec(text.slice(c.end, c.end + 12));
      const ent = cut ?? (next ? startingAt(ents, c.end + next[0].length, (x) => x.type === 'organization' || x.type === 'place') : undefined);
      if (!ent || !/^[^,;:.!?\n"“”()]*$/.test(text.slice(c.end, ent.start))) break;
      c.s = text.slice(from, ent.end);
      c.end = ent.end;
    }
    // not a list of names ("X, Y and Z") nor a place ("Ibarra, Patagonia")
    const nextEnt = startingAt(ents, from + (c.s.length - c.s.trimStart().length));
    if (c.s.trim() && !(nextEnt && nextEnt.type === 'person' && !/^['’]s\b/.test(text.slice(nextEnt.end, nextEnt.end + 3)))) {
      if (!add(c.s, 'apposition')) {
        // "X, a young unemployed Uzbek", "X, a Ghanaian-born nurse from Belgium": an affiliation, no role
        const aff = affiliationOfDescription(c.s);
        if (aff) out.push({ roles: [], affiliation: aff, evidence: 'apposition' });
      } else {
        // "the Irish engineer who runs the UN survey team"
        const rel = /^[ \t\u00a0]*,?[ \t\u00a0]*who[ \t\u00a0]+(heads|leads|runs|chairs|directs|manages|commands|founded)[ \t\u00a0]+/.exec(text.slice(c.end, c.end + 30));
        if (rel) {
          const obj = chunkAfter(text, c.end + rel[0].length).s.trim();
          const aff = affiliationText(obj.replace(/^the\s+/i, ''));
          // what the person heads is the affiliation, before the nationality of the description ("the Irish engineer
          // who runs the UN survey team": UN)
          if (aff) out[out.length - 1].affiliation = aff;
          const verb = rel[1];
          const head = /^(?:found)/.test(verb) ? 'founder' : /^command/.test(verb) ? 'commander' : /^chair/.test(verb) ? 'chairman' : /^direct/.test(verb) ? 'director' : 'head';
          if (obj.split(' ').length <= 8) out[out.length - 1].roles.push(`${head} of ${obj.replace(/^the\s+/i, '')}`);
        }
      }
    }
  }
  // 2b. "X of the Dayton Water Authority", "X of Boston-based Acme Communications", "X from Riverton": an
  // organisation or place written right after the name (its age aside).
  const ofOrg = /^[ \t\u00a0]+(?:of|from)[ \t\u00a0]+(?:the[ \t\u00a0]+)?(?:[\p{L}-]+-based[ \t\u00a0]+)?/u.exec(text.slice(after, after + 60));
  if (ofOrg) {
    const o = startingAt(ents, after + ofOrg[0].length, (x) => x.type === 'organization' || x.type === 'place');
    // "from Beit Lahm refugee camp", "of Riverton district": the site noun after the place is part of it
    const site = o?.type === 'place' ? SITE_AFTER.exec(text.slice(o.end, o.end + 30)) : null;
    const aff = o ? (site ? `${o.text}${site[0]}` : affiliationText(o.text)) : undefined;
    if (aff) out.push({ roles: [], affiliation: aff, evidence: 'of-organisation' });
  }
  // 2c. A byline: "-- Jane Roe, Bucharest Newsroom".
  const desk = /^,[ \t\u00a0]+((?:\p{Lu}[\p{L}.-]*[ \t\u00a0]+){1,3}[Nn]ewsroom)\b/u.exec(text.slice(e.end, e.end + 60));
  if (desk) out.push({ roles: [], affiliation: desk[1].replace(/\s+/g, ' '), evidence: 'byline' });
  // 2d. A nationality before a lower-case noun: "missing German girl X", "a Thai farmer X".
  const dem = /(?:^|[\s(])(\p{Lu}[\p{L}-]+)[ \t\u00a0]+(?:[\p{Ll}-]+[ \t\u00a0]+)?[\p{Ll}-]+[ \t\u00a0]+$/u.exec(text.slice(Math.max(0, anchor - 60), anchor));
  if (dem && countryOfDemonym(dem[1]) && !out.some((f) => f.affiliation)) {
    const words = dem[0].trim().split(/\s+/).slice(1);
    if (!words.some((w) => STOP.has(w) || /(?:ed|ing)$/.test(w))) out.push({ roles: [], affiliation: countryOfDemonym(dem[1])!, evidence: 'nationality' });
  }
  // 3. "X, who heads the OSCE mission", "X, who leads the opposition".
  const who = /^,?[ \t\u00a0]+who[ \t\u00a0]+(?:now[ \t\u00a0]+|also[ \t\u00a0]+)?(heads|headed|leads|led|runs|ran|chairs|chaired|directs|directed|commands|commanded|founded)[ \t\u00a0]+/.exec(
    text.slice(e.end, e.end + 40),
  );
  if (who) {
    const obj = chunkAfter(text, e.end + who[0].length).s.trim().replace(/^(?:the|its|his|her)\s+/i, '');
    if (obj && obj.split(' ').length <= 8) {
      const verb = who[1];
      const role = /^(?:found)/.test(verb) ? 'founder' : /^command/.test(verb) ? 'commander' : /^chair/.test(verb) ? 'chairman' : /^direct/.test(verb) ? 'director' : 'head';
      out.push({ roles: [`${role} of ${obj}`], affiliation: affiliationText(obj), evidence: 'who-heads' });
    }
  }
  // 4. Copula: "X is the mayor's chief of staff", "X was a vendor".
  // Also in a relative clause, and without an article after a verb of taking office: "X, who became archbishop of
  // Ruvia in 1990", "X, who was appointed finance minister".
  const cop =
    /^[ \t\u00a0]+(?:is|was|has been|had been|became|remains|remained)[ \t\u00a0]+(?:also[ \t\u00a0]+|now[ \t\u00a0]+|still[ \t\u00a0]+)?(?=(?:the|a|an|(?:\p{Lu}[\p{L}.-]*[ \t\u00a0]+){0,3}\p{Lu}[\p{L}.-]*['’]s)[ \t\u00a0])/u.exec(text.slice(e.end, e.end + 30)) ??
    /^,[ \t\u00a0]+who[ \t\u00a0]+(?:(?:became|served as|was named|was appointed|was elected|has served as)[ \t\u00a0]+|(?:is|was|has been|had been|remains|remained)[ \t\u00a0]+(?:also[ \t\u00a0]+|now[ \t\u00a0]+|still[ \t\u00a0]+)?(?:(?:the|a|an)[ \t\u00a0]+)?)(?=[\p{L}])/u.exec(text.slice(e.end, e.end + 40));
  if (cop) {
    const c = chunkAfter(text, e.end + cop[0].length);
    add(c.s, 'copula');
  }
  // 6. "X's majority Labour Party", "X's Freedom Movement": the organisation a person's possessive owns is theirs.
  const owned = /^['’]s[ \t\u00a0]+(?:[\p{Ll}-]+[ \t\u00a0]+){0,2}$/u;
  const nextAfter = ents[lowerBound(ents, e.end + 1)] as Entity | undefined;
  const org = nextAfter && nextAfter.start <= e.end + 40 ? nextAfter : undefined;
  if (org?.type === 'organization' && owned.test(text.slice(e.end, org.start)) && !text.slice(e.end, org.start).split(/\s+/).some((w) => STOP.has(w))) {
    out.push({ roles: [], affiliation: org.text, evidence: 'possessive' });
  }
  // 5. Apposition before the name: "The chair of the Latvian senate, Inga Kalnina,"; "two opposition leaders, X".
  const gap = /,[ \t\u00a0]+$/.exec(text.slice(Math.max(0, anchor - 3), anchor));
  if (gap) {
    const cut = Math.max(0, anchor - 3 + gap.index);
    let win = text.slice(Math.max(0, cut - 120), cut);
    // the longest phrase after a boundary that reads as a role; else a shorter one after a later boundary ("and then
    // sat down with the U.N. deputy envoy to Yemen, X" -> "the U.N. deputy envoy to Yemen")
    for (let tries = 0; tries < 4; tries++) {
      const b = APPOSITION_BEFORE.exec(win);
      if (!b) break;
      // not "Ruiz, Okafor" nor "X met Y, Z": a person inside the phrase only as an owner ("Reagan's wife, Nancy")
      const person = firstIndexBefore(ents, cut, cut - b[1].length, (x) => x.type === 'person' && x.end <= cut && x.end >= cut - b[1].length && !/^['’]s\b/.test(text.slice(x.end, x.end + 3))) >= 0;
      // "X, Director of Naval Intelligence, Rear Admiral Y": a title between two names of a list is Y's title (read
      // with her titles), and the list's head gives the affiliation, not the title's domain.
      const listed = listTitleBefore(text, ents, cut - b[1].length, cut);
      if (listed || (!person && add(b[1], 'apposition-before', true))) break;
      // commas are no phrase characters, nor a boundary without a space after them: the next try starts later
      const k = win.length - b[1].length + 1;
      win = ','.repeat(k) + win.slice(k);
    }
  }
  return out;
}
