/**
 * Person-name repairs on the tagger's spans (token indices), sentence by sentence: what the statistical model gets
 * wrong in a closed, predictable way.
 *
 * - Function words and furniture words are never a person and never the edge of one ("The", "During", "Used").
 * - Names cut by the tagger are joined: middle initials ("Donald J." + "Trump"), particles ("Abdul Karim" "bin"
 *   "Hamid", "van der Wal"), generational suffixes ("Jr.", "III").
 * - Two people joined by "and" are two persons ("Penny Whitlam and Richard Corrigan").
 * - Things named after people are not persons: a person span followed by a capitalised head such as "Act", "Building",
 *   "Day", "LLP" becomes a group/place/organization span up to that head ("Eleanor Roosevelt Building"), and
 *   a possessive before "disease"/"syndrome" is dropped ("Alzheimer's disease").
 * - People listed after a plural title are all people ("Co-Premiers A and B"), whatever type the tagger gave the later ones.
 * - In a headline-style line (most words capitalised), a one-word person that is not a known first name is
 *   dropped ("Tram Derails"): the document-level propagation finds real surnames there again.
 */
import { GAZ_KINDS } from './features';
import type { Token } from './tokenize';
import { TITLE_HEADS, TITLE_MODIFIERS, WEAK_TITLE_HEADS } from '../extract/lexicon';

const FIRST_NAME = 1 << GAZ_KINDS.indexOf('firstname');
const PLACE_KINDS = (1 << GAZ_KINDS.indexOf('region')) | (1 << GAZ_KINDS.indexOf('country'));

export interface TokSpan {
  /** first token */
  a: number;
  /** last token (inclusive) */
  b: number;
  /** 0 person, 1 organization, 2 place, 3 group */
  kind: number;
}

/** Capitalised closed-class and boilerplate words that never begin, end or make up a person name. */
export const NEVER_NAME = new Set([
  'The', 'A', 'An', 'This', 'That', 'These', 'Those', 'Its', 'It', 'He', 'She', 'They', 'We', 'You', 'His', 'Her', 'Their',
  'Our', 'My', 'Your', 'Who', 'What', 'When', 'Where', 'Why', 'How', 'Which', 'While', 'During', 'After', 'Before', 'Since',
  'Until', 'Under', 'Over', 'With', 'Without', 'From', 'For', 'Of', 'On', 'In', 'At', 'By', 'To', 'Into', 'Onto', 'As', 'And',
  'But', 'Or', 'Nor', 'If', 'Then', 'Once', 'Also', 'However', 'Meanwhile', 'Still', 'Yet', 'Now', 'Here', 'There', 'Thus',
  'Although', 'Though', 'Because', 'Despite', 'Following', 'According', 'Among', 'Between', 'Against', 'Across', 'Through',
  'Used', 'Using', 'Based', 'Located', 'Founded', 'Known', 'Given', 'Asked', 'Speaking', 'Including', 'Unlike',
  'Neither', 'Either', 'Both', 'Each', 'Every', 'All', 'Some', 'Many', 'Several', 'Other', 'Another', 'No',
  'Not', 'Today', 'Yesterday', 'Tomorrow', 'Tonight', 'Photo', 'Image', 'Video', 'Share', 'Email',
  'Subscribe', 'Related', 'Updated', 'Published', 'Posted', 'Type', 'Name', 'Status', 'Source', 'Contact', 'Summary', 'Note',
  'Skip', 'Click', 'Follow', 'Invalid', 'Thank', 'Thanks', 'Please', 'Charge', 'Says', 'Told',
]);

/** Lower-case particles inside personal names. */
const PARTICLES = new Set(['bin', 'ibn', 'bint', 'al', 'el', 'van', 'der', 'den', 'de', 'del', 'della', 'di', 'da', 'das', 'dos', 'do', 'du', 'von', 'zu', 'ter', 'ten', 'le', 'la', 'y', 'abu', 'ben']);
const SUFFIX = /^(?:Jr\.?|Sr\.?|II|III|IV)$/;
const INITIAL = /^\p{Lu}\.$/u;

/** Heads of things named after people, and the type the whole name gets. */
const NAMED_AFTER: Record<string, number> = {
  Act: 3, Bill: 3, Law: 3, Amendment: 3, Doctrine: 3, Plan: 3, Rule: 3, Treaty: 3, Accords: 3, Accord: 3, Prize: 3, Award: 3,
  Day: 3, Trophy: 3, Cup: 3, Lecture: 3, Scholarship: 3, Fellowship: 3, Syndrome: 3,
  Building: 2, Bridge: 2, Tower: 2, Towers: 2, Street: 2, Avenue: 2, Road: 2, Square: 2, Airport: 2, Station: 2, Hall: 2,
  Boulevard: 2, Highway: 2, Park: 2, Stadium: 2, Arena: 2, Memorial: 2, Museum: 2, Library: 2, Center: 1, Centre: 1,
  Foundation: 1, Institute: 1, University: 1, College: 1, School: 1, Hospital: 1, Trust: 1, Fund: 1, LLP: 1, LLC: 1,
  Associates: 1, Partners: 1, Commission: 1, Administration: 1,
};

/** Token i ends an alias cue: "aka", "a.k.a.", "also known as", "tracked as", "dubbed", "codenamed". */
function isAliasCue(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i].text.toLowerCase();
  if (t === 'aka' || t === 'a.k.a.' || t === 'a.k.a' || t === 'dubbed' || t === 'codenamed' || t === 'alias') return true;
  if (t === 'as' && i >= 1) {
    const p = tokens[i - 1].text.toLowerCase();
    return p === 'known' || p === 'tracked' || p === 'tracks' || p === 'track' || p === 'activity' || p === 'referred' || p === 'designated';
  }
  return false;
}

const isCap = (t: string) => /^\p{Lu}/u.test(t);
const isWordTok = (t: string) => /[\p{L}\p{N}]/u.test(t);

/** Lower-case heads after a name that make it a place or thing ("the Charles de Gaulle airport"): kind, or -1 to drop. */
const NAMED_AFTER_LOWER: Record<string, number> = {
  airport: 2, bridge: 2, stadium: 2, street: 2, square: 2, avenue: 2, boulevard: 2, highway: 2, building: 2, tower: 2,
  hospital: 1, university: 1, foundation: 1, institute: 1, prize: 3, award: 3, doctrine: 3, amendment: 3,
  region: 2, province: 2, district: 2, valley: 2, mountains: 2, river: 2, county: 2, island: 2, peninsula: 2, desert: 2,
  disease: -1, syndrome: -1,
};
/** Lower-case nouns right before a name that say what it names ("distributor Hachette", "main airport Aerodrom Beograd"). */
const KIND_BEFORE: Record<string, number> = {
  agency: 1, newspaper: 1, daily: 1, weekly: 1, magazine: 1, publisher: 1, distributor: 1, company: 1, firm: 1, bank: 1,
  airline: 1, broadcaster: 1, network: 1, channel: 1, chain: 1, subsidiary: 1, carmaker: 1, retailer: 1, insurer: 1,
  brewer: 1, operator: 1, conglomerate: 1, tabloid: 1, outlet: 1, consortium: 1, vendor: 1, startup: 1, automaker: 1,
  airport: 2, port: 2, town: 2, village: 2, city: 2, province: 2, region: 2, island: 2, hotel: 2, stadium: 2, river: 2,
};
/** Words before a name that make it a ship, vehicle or work rather than a person ("the carrier Carl Vinson"). */
const VESSEL_BEFORE = new Set(['USS', 'HMS', 'RMS', 'INS', 'carrier', 'ship', 'vessel', 'destroyer', 'frigate', 'submarine', 'tanker', 'freighter', 'cruiser', 'liner', 'yacht', 'ferry']);

/**
 * Repairs person spans of one text. `spans` are sorted and disjoint; `sentences` are token ranges;
 * `gazMask(lower)` gives the gazetteer kinds of a lower-cased word. Returns new sorted spans.
 */
export function refineSpans(tokens: readonly Token[], spans: TokSpan[], sentences: ReadonlyArray<{ start: number; end: number }>, gazMask: (lower: string) => number): TokSpan[] {
  if (!spans.length) return spans;
  const firstName = (lower: string) => (gazMask(lower) & FIRST_NAME) !== 0;
  const n = tokens.length;
  const tx = (i: number) => tokens[i].text;
  const adjacent = (i: number, j: number) => tokens[j].start - tokens[i].end <= 1 && !/\n/.test(tx(i));
  const sentOf = new Int32Array(n);
  sentences.forEach((s, k) => { for (let i = s.start; i < s.end && i < n; i++) sentOf[i] = k; });
  /** "Ministers", "Presidents", "Co-Premiers", "Senators": a title head in the plural (one title, several people). */
  const isPluralTitle = (t: string) => {
    const w = t.replace(/^(?:Co|Vice|Deputy)-/, '');
    return w.length > 3 && w.endsWith('s') && TITLE_HEADS.has(w.slice(0, -1)) && !WEAK_TITLE_HEADS.has(w.slice(0, -1));
  };
  /** Every token of the span is a capitalised word (a name's shape, not "the Senate" or "3 Arrows"). */
  const allNameWords = (s: TokSpan) => {
    for (let i = s.a; i <= s.b; i++) if (!isCap(tx(i)) || !/^\p{L}/u.test(tx(i)) || NEVER_NAME.has(tx(i)) || NAMED_AFTER[tx(i)] !== undefined) return false;
    return true;
  };
  let out: TokSpan[] = [];
  // 1. edges: function words and (unambiguous) title heads off person spans; a person made only of them goes.
  // An organisation made only of title words right after "<title> of" is the title's domain ("Director of
  // Naval Intelligence", "Minister of Foreign Affairs"): the title rule keeps it whole.
  const isTitlePlural = (t: string) => TITLE_HEADS.has(t) || (t.endsWith('s') && TITLE_HEADS.has(t.slice(0, -1)));
  const strongHead = (t: string) => TITLE_HEADS.has(t) && !WEAK_TITLE_HEADS.has(t);
  const titleWord = (t: string) => TITLE_HEADS.has(t) || TITLE_MODIFIERS.has(t) || t === 'Affairs' || t === 'and';
  for (const s0 of spans) {
    const s = { ...s0 };
    if (s.kind === 0) {
      while (s.a <= s.b && (NEVER_NAME.has(tx(s.a)) || strongHead(tx(s.a)))) s.a++;
      while (s.b >= s.a && (NEVER_NAME.has(tx(s.b)) || strongHead(tx(s.b)))) s.b--;
      if (s.a > s.b) continue;
    } else if (s.kind === 1 && s.a < s.b && isTitlePlural(tx(s.a))) {
      // "Ministers Penny Whitlam" read as an organisation: a title, then a person when a first name follows
      let a = s.a;
      while (a < s.b && isTitlePlural(tx(a))) a++;
      let names = true;
      for (let i = a; i <= s.b; i++) if (!isCap(tx(i)) || !isWordTok(tx(i)) || NAMED_AFTER[tx(i)] !== undefined || TITLE_MODIFIERS.has(tx(i))) names = false;
      if (names && (firstName(tx(a).toLowerCase()) || (s.b - a >= 1 && tx(s.a) !== tx(s.a).toUpperCase()))) { out.push({ a, b: s.b, kind: 0 }); continue; }
    } else if (s.kind === 1 && s.a >= 2 && tx(s.a - 1) === 'of' && TITLE_HEADS.has(tx(s.a - 2))) {
      let all = true;
      for (let i = s.a; i <= s.b; i++) if (!titleWord(tx(i))) { all = false; break; }
      if (all) continue;
    }
    out.push(s);
  }
  // 2. "A and B": split a person span at "and"/"&" between capitalised words
  const split: TokSpan[] = [];
  for (const s of out) {
    if (s.kind !== 0) { split.push(s); continue; }
    let a = s.a;
    for (let i = s.a + 1; i < s.b; i++) {
      if ((tx(i) === 'and' || tx(i) === '&') && isCap(tx(i - 1)) && isCap(tx(i + 1)) && i - 1 >= a) {
        split.push({ a, b: i - 1, kind: 0 });
        a = i + 1;
      }
    }
    split.push({ a, b: s.b, kind: 0 });
  }
  out = split;
  // 3. joins: particles, initials, suffixes
  const joined: TokSpan[] = [];
  for (let k = 0; k < out.length; k++) {
    let s = { ...out[k] };
    if (s.kind === 0) {
      // particles before the first token ("bin Hamid", "van der Wal") when not sentence-initial lower case
      let a = s.a;
      while (a - 1 >= 0 && PARTICLES.has(tx(a - 1)) && sentOf[a - 1] === sentOf[s.a] && adjacent(a - 1, a)) a--;
      if (a < s.a) {
        const prev = joined[joined.length - 1];
        if (prev && prev.kind === 0 && prev.b === a - 1) { joined.pop(); a = prev.a; }
        else if (a - 1 >= 0 && isCap(tx(a - 1)) && isWordTok(tx(a - 1)) && !NEVER_NAME.has(tx(a - 1)) && sentOf[a - 1] === sentOf[s.a] && a - 1 > sentences[sentOf[s.a]].start) {
          // a capitalised word the tagger left out before the particle: "Abdul Karim bin Hamid"
          a--;
        }
        s.a = a;
      }
      // initials and particles between this span and the next person span: "Donald J." "Trump", "Ahmed" "ibn" "Rashid"
      for (;;) {
        const next = out[k + 1];
        if (!next || next.kind !== 0 || sentOf[next.a] !== sentOf[s.b]) break;
        let ok = true;
        for (let i = s.b + 1; i < next.a; i++) if (!(INITIAL.test(tx(i)) || PARTICLES.has(tx(i))) || !adjacent(i - 1, i)) ok = false;
        if (!adjacent(next.a - 1, next.a)) ok = false;
        if (!ok || next.a - s.b > 4) break;
        s.b = next.b;
        k++;
      }
      // a trailing initial followed by a capitalised word the tagger left out: "Eleanor M." "Fairbanks"
      if (INITIAL.test(tx(s.b)) && s.b + 1 < n && isCap(tx(s.b + 1)) && isWordTok(tx(s.b + 1)) && !NEVER_NAME.has(tx(s.b + 1)) && adjacent(s.b, s.b + 1) && sentOf[s.b + 1] === sentOf[s.b]) s.b++;
      // generational suffix: "Thomas R. Delacroix Jr.", "Martin Luther King, Jr."
      if ((tx(s.b) === 'Jr' || tx(s.b) === 'Sr') && s.b + 1 < n && tx(s.b + 1) === '.' && tokens[s.b + 1].start === tokens[s.b].end) s.b++;
      let j = s.b + 1;
      if (j < n && tx(j) === ',' && j + 1 < n && SUFFIX.test(tx(j + 1))) j++;
      if (j < n && SUFFIX.test(tx(j)) && adjacent(j - 1, j)) {
        s.b = j;
        if (tx(j) === 'Jr' || tx(j) === 'Sr') if (j + 1 < n && tx(j + 1) === '.' && tokens[j + 1].start === tokens[j].end) s.b = j + 1;
      }
    }
    joined.push(s);
  }
  out = joined;
  // 4. things named after people; possessive + disease
  const final: TokSpan[] = [];
  for (let k = 0; k < out.length; k++) {
    const s = out[k];
    if (s.kind !== 0) { final.push(s); continue; }
    let j = s.b + 1;
    const limit = Math.min(n, s.b + 5);
    while (j < limit && isCap(tx(j)) && NAMED_AFTER[tx(j)] === undefined && adjacent(j - 1, j) && sentOf[j] === sentOf[s.b]) j++;
    if (j < n && NAMED_AFTER[tx(j)] !== undefined && adjacent(j - 1, j) && sentOf[j] === sentOf[s.b]) {
      // an organization or place the tagger found right after is swallowed by the named thing
      while (k + 1 < out.length && out[k + 1].a <= j) k++;
      final.push({ a: s.a, b: j, kind: NAMED_AFTER[tx(j)] });
      continue;
    }
    // hyphenated pair naming a bill or plan: "Harwood-Ochoa Clean Shipping Act" caught above; "Lindqvist-Harwood statement"
    const poss = s.b + 1 < n && /^['’]s$/.test(tx(s.b + 1)) ? s.b + 2 : -1;
    if (poss > 0 && poss < n && /^(?:disease|syndrome|law|principle|rule|theorem|effect|sign)$/.test(tx(poss))) continue;
    // lower-case head right after: "the Charles de Gaulle airport"
    const head = s.b + 1 < n && sentOf[s.b + 1] === sentOf[s.b] ? NAMED_AFTER_LOWER[tx(s.b + 1)] : undefined;
    if (head !== undefined) { if (head >= 0) final.push({ ...s, kind: head }); continue; }
    // a ship: "the aircraft carrier Carl Vinson", "USS Cole"
    if (s.a > 0 && VESSEL_BEFORE.has(tx(s.a - 1)) && sentOf[s.a - 1] === sentOf[s.a]) { final.push({ ...s, kind: 3 }); continue; }
    // a company, agency or place named by the noun before it: "press distributor Hachette"
    const before = s.a > 0 && sentOf[s.a - 1] === sentOf[s.a] ? KIND_BEFORE[tx(s.a - 1)] : undefined;
    if (before !== undefined) { final.push({ ...s, kind: before }); continue; }
    // a town before its state or country: "Troy, Tennessee"
    if (s.a === s.b && s.b + 2 < n && tx(s.b + 1) === ',' && (gazMask(tx(s.b + 2).toLowerCase()) & PLACE_KINDS) !== 0 && out[k + 1]?.a === s.b + 2 && out[k + 1].kind === 2) {
      final.push({ ...s, kind: 2 });
      continue;
    }
    final.push(s);
  }
  // 5. aliases of threat groups and operations are neither persons nor places: "(aka Stone Lotus, Bronze Harbor)",
  // "also known as", "tracked as", "dubbed"
  for (let k = 0; k < final.length; k++) {
    const s = final[k];
    if (s.kind !== 0 && s.kind !== 2) continue;
    let i = s.a - 1;
    // walk back over earlier aliases of the same list ("X, Y and Z")
    for (let m = k - 1; m >= 0 && i >= 0 && (tx(i) === ',' || tx(i) === 'and' || tx(i) === 'or'); m--) {
      if (final[m].b !== i - 1) break;
      i = final[m].a - 1;
    }
    if (i >= 0 && sentOf[i] === sentOf[s.a] && isAliasCue(tokens, i)) final[k] = { ...s, kind: 3 };
  }
  // 6. people listed after a plural title are all people: "Co-Premiers Norodom Ranariddh and Hun Sen", "Presidents
  // A, B and C". The tagger often types a later member of the list by its shape alone (a place, an organisation).
  for (let k = 1; k < final.length; k++) {
    const s = final[k];
    if (s.kind === 0 || s.a < 2) continue;
    let m = k - 1, i = s.a - 1;
    // a member of the list: the last one after "and" ("A, B and C"), or a middle one between commas ("A, B, and C")
    const last = tx(i) === 'and' || tx(i) === '&';
    const after = s.b + 1 < n ? tx(s.b + 1) : '';
    if (!last && !(tx(i) === ',' && (after === ',' || after === 'and' || after === '&'))) continue;
    // walk back over the list: "<person> and" / "<person> , and" next to it, "<person> ," before
    let listed = false;
    while (m >= 0 && i >= 1 && (tx(i) === ',' || (!listed && (tx(i) === 'and' || tx(i) === '&')))) {
      let j = i - 1;
      if (tx(i) === 'and' && tx(j) === ',') j--;
      if (j < 0 || final[m].b !== j || final[m].kind !== 0 || sentOf[j] !== sentOf[s.a]) break;
      listed = true;
      i = final[m].a - 1;
      m--;
    }
    // the first person's own title: "Co-Premiers Prince Norodom Ranariddh"
    for (let skip = 0; skip < 3 && i >= 1 && !isPluralTitle(tx(i)) && (TITLE_HEADS.has(tx(i)) || TITLE_MODIFIERS.has(tx(i))); skip++) i--;
    if (listed && i >= 0 && sentOf[i] === sentOf[s.a] && isPluralTitle(tx(i)) && allNameWords(s)) final[k] = { ...s, kind: 0 };
  }
  // 7. headline-style sentences: a person span that does not start with a known first name
  return final.filter((s) => {
    if (s.kind !== 0) return true;
    const sent = sentences[sentOf[s.a]];
    if (!sent) return true;
    const w = tx(s.a);
    if (w.toUpperCase() === w) return true;
    let words = 0, caps = 0, small = 0, other = 0;
    for (let i = sent.start; i < sent.end; i++) {
      const t = tx(i);
      if (/^\p{L}/u.test(t)) {
        words++;
        if (isCap(t)) caps++;
        else if (/^(?:a|an|the|in|on|at|of|for|to|and|or|with|by|from|as|after|over|into)$/.test(t)) small++;
        else other++;
      } else if (!/^[,:'’"“”-]$/.test(t)) other++;
    }
    // Title Case: at least 3 capitalised words, a small word, nothing else but punctuation ("Tram Derails in Lisbon")
    const headline = caps >= 3 && small >= 1 && other <= 1 && caps / words >= 0.6;
    return !headline || firstName(w.toLowerCase());
  }).sort((x, y) => x.a - y.a);
}
