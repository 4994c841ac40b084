import { TITLE_HEADS, TITLE_MODIFIERS, WEAK_TITLE_HEADS } from './lexicon';
import { isCapitalised, onlySpaceBetween, type Word } from '../text/words';

export interface TitleSpan {
  start: number;
  end: number;
  /** A single ambiguous head ("General", "Major") before a capitalised word: may be part of a name ("General Motors"). */
  weak: boolean;
  /** Start of the "of …" domain ("Archbishop of Cape Town"), when there is one. */
  domainStart?: number;
}

const JOINERS = new Set(['and', 'of', 'for', '&']);

/**
 * Words that open a military rank written after another title: "Chief of Staff Lt. Gen.", "Naval Intelligence
 * Director Rear Admiral". Not "General" ("Secretary General", "Attorney General" are one office), "Major" alone or
 * "Marshal" ("Air Chief Marshal" is one rank).
 */
const RANK_OPENERS = new Set([
  'Lieutenant', 'Lieutenant-General', 'Major-General', 'Brigadier', 'Brigadier-General', 'Colonel', 'Lieutenant-Colonel',
  'Captain', 'Admiral', 'Rear', 'Vice', 'Vice-Admiral', 'Rear-Admiral', 'Commodore', 'Field', 'Field-Marshal',
  'Gen.', 'Lt.', 'Col.', 'Maj.', 'Capt.', 'Adm.', 'Cmdr.',
]);
const RANK_WORDS_IN_TITLE = new Set([...RANK_OPENERS, 'General', 'Major', 'Marshal', 'Sgt.']);

/**
 * The word list with abbreviated title heads given back their dot ("Lt", "." -> "Lt."), so that "Lt. Gen." and
 * "Sen." are title words; other words are the same objects.
 */
function withAbbreviatedHeads(text: string, ws: readonly Word[]): readonly Word[] {
  let out: Word[] | undefined;
  for (let i = 0; i < ws.length; i++) {
    const w = ws[i];
    if (text.charCodeAt(w.end) !== 46 || TITLE_HEADS.has(w.text) || !TITLE_HEADS.has(`${w.text}.`)) continue;
    out ??= ws.slice();
    out[i] = { start: w.start, end: w.end + 1, text: `${w.text}.` };
  }
  return out ?? ws;
}

/**
 * Where a title run turns into a military rank ("Chief of Staff | Lt. Gen."), or -1: the rank must follow a head or a
 * domain and be made of rank words only; a plain single "Major" or "General" is part of the office before it.
 */
function rankSplit(ws: readonly Word[], first: number, lastHead: number, headAt: ReadonlySet<number>): number {
  for (let r = first + 1; r <= lastHead; r++) {
    if (!RANK_OPENERS.has(ws[r].text) || !headAt.has(r - 1) || RANK_WORDS_IN_TITLE.has(ws[r - 1].text)) continue;
    let all = true;
    for (let k = r; k <= lastHead && all; k++) all = RANK_WORDS_IN_TITLE.has(ws[k].text);
    if (all) return r;
  }
  return -1;
}

function isTitleWord(w: string): boolean {
  return TITLE_HEADS.has(w) || TITLE_MODIFIERS.has(w);
}

/**
 * Titles, roles and ranks written with capitals: "Foreign and Trade Minister", "Deputy Interior Minister",
 * "Director of Naval Intelligence", "Lieutenant-General", "Chilean Foreign Minister" (without "Russian": that is a group).
 * A title is a run of title words that ends in a head word; "of"/"for" may join a head to its capitalised domain
 * ("Secretary of State"), "and" joins two titles of one person ("Foreign and Trade Minister").
 */
export function findTitles(text: string, words: readonly Word[]): TitleSpan[] {
  const ws = withAbbreviatedHeads(text, words);
  const out: TitleSpan[] = [];
  let i = 0;
  while (i < ws.length) {
    const w = ws[i].text;
    if (!isTitleWord(w) || !isCapitalised(w)) {
      i++;
      continue;
    }
    // Grow the run of title words (and joiners between title words on one line).
    let j = i;
    let lastHead = TITLE_HEADS.has(w) ? i : -1;
    let domainStart: number | undefined;
    // Where a title could end: its heads and the ends of its domains.
    const headAt = new Set<number>(lastHead >= 0 ? [lastHead] : []);
    while (j + 1 < ws.length && onlySpaceBetween(text, ws[j].end, ws[j + 1].start)) {
      const next = ws[j + 1].text;
      if (isTitleWord(next) && isCapitalised(next)) {
        j++;
        if (TITLE_HEADS.has(next)) headAt.add((lastHead = j));
        continue;
      }
      // "Foreign and Trade Minister": a joiner between two title words
      if (next === 'and' && j + 2 < ws.length && isTitleWord(ws[j + 2].text) && onlySpaceBetween(text, ws[j + 1].end, ws[j + 2].start)) {
        j += 2;
        if (TITLE_HEADS.has(ws[j].text)) headAt.add((lastHead = j));
        continue;
      }
      // "Director of Naval Intelligence", "Secretary of State": of + capitalised words, right after a head
      if ((next === 'of' || next === 'for') && lastHead === j && j + 2 < ws.length && isCapitalised(ws[j + 2].text) && !JOINERS.has(ws[j + 2].text)) {
        let k = j + 2;
        while (k + 1 < ws.length && isCapitalised(ws[k + 1].text) && onlySpaceBetween(text, ws[k].end, ws[k + 1].start) && !TITLE_HEADS.has(ws[k + 1].text)) k++;
        // Only a short domain: "of State", "of Military Intelligence"; in "Secretary of State John Kornblum" the
        // run goes on into the name, so only its first word is taken.
        if (k - (j + 2) > 1) k = j + 2;
        domainStart = ws[j + 2].start;
        j = k;
        headAt.add((lastHead = k));
        continue;
      }
      break;
    }
    if (lastHead < 0) {
      i = j + 1;
      continue;
    }
    const first = i;
    const end = ws[lastHead].end;
    const single = lastHead === first;
    const headWord = ws[lastHead].text;
    // A weak head alone ("General", "Major") or an abbreviation ("Gen.") needs a following capitalised name to be a title.
    if (single && (WEAK_TITLE_HEADS.has(headWord) || headWord.endsWith('.'))) {
      const nx = ws[lastHead + 1];
      if (!nx || !isCapitalised(nx.text) || !onlySpaceBetween(text, ws[lastHead].end, nx.start) || isTitleWord(nx.text)) {
        i = lastHead + 1;
        continue;
      }
    }
    // Sentence-initial "General Motors"-like false positives are left to the name tagger: a title followed by an
    // organisation word is still reported as title only when the head is strong.
    // A weak head keeps its doubt with a domain too: "Queen of the South" and "Duke of Norfolk's XI" are teams.
    const weak = WEAK_TITLE_HEADS.has(ws[first].text) && (single || (domainStart !== undefined && lastHead - first <= 3 && text.slice(ws[first].end, domainStart).trim() === 'of'));
    // A role followed by a rank is two titles: "Chief of Staff" + "Lt. Gen.", so that the rank is read as a rank.
    const r = rankSplit(ws, first, lastHead, headAt);
    if (r > 0) {
      const ownDomain = domainStart !== undefined && domainStart < ws[r].start ? domainStart : undefined;
      out.push({ start: ws[first].start, end: ws[r - 1].end, weak: WEAK_TITLE_HEADS.has(ws[first].text) && r - 1 === first, domainStart: ownDomain });
      out.push({ start: ws[r].start, end, weak: false });
    } else out.push({ start: ws[first].start, end, weak, domainStart });
    i = lastHead + 1;
  }
  return out;
}
