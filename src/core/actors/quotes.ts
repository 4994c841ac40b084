import type { ActorType, MentionKind, Quote, Span } from '../types';
import { lowerBound } from '../text/intervals';
import type { Coreference } from './pronouns';
import { clauseSubject, descriptionIn, resolveDescription, type DescriptionContext } from './descriptions';

/** A mention with the actor it belongs to, as the quote attribution needs it. */
export interface LinkedMention {
  start: number;
  end: number;
  text: string;
  actorId: string;
  type: ActorType;
  kind: MentionKind;
  confidence: number;
}

/** A quotation: the quoted words (`start`/`end`/`text`, no marks, no outer spaces) and where its marks are. */
export interface Quotation extends Span {
  /** Offset of the opening mark. */
  open: number;
  /** Offset just after the closing mark. */
  close: number;
  /** A paragraph of a multi-paragraph quotation that goes on in the next paragraph (no closing mark here). */
  continues?: boolean;
}

/**
 * Quotations in double quotes, straight ("…") and curly (“…”), and in single quotes, straight ('…') and curly (‘…’),
 * the British style. Quotes pair up within a paragraph; a paragraph whose quotation is still open when the next
 * paragraph opens a new one is a multi-paragraph quotation (an opening mark on each paragraph, a closing mark only at
 * the end): each paragraph is a quotation of its own, marked `continues`. Any other unclosed quote is dropped.
 * Single quotes need a word boundary on both sides (apostrophes in "don't" and "the boys' toys" are not quotes), two
 * words at least, and are not read inside a double-quoted quotation (a quote within a quote). The quoted words exclude
 * surrounding spaces and a final comma.
 */
export function findQuotations(text: string): Quotation[] {
  const out: Quotation[] = [];
  const push = (open: number, close: number, markLen = 1, continues = false) => {
    let s = open + 1;
    let e = close;
    while (s < e && /\s/.test(text[s])) s++;
    // The comma of `“…,” she said` belongs to the sentence, not to the words quoted.
    while (e > s && /[\s,]/.test(text[e - 1])) e--;
    if (e > s) {
      const q: Quotation = { start: s, end: e, text: text.slice(s, e), open, close: close + markLen };
      if (continues) q.continues = true;
      out.push(q);
    }
  };
  // Double quotes.
  let open = -1;
  let straight = -1;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text[i];
    // A short quotation inside an open one (“… what she calls “a circus” rather than …”) is part of it when the outer one closes
    // later in the paragraph.
    // “… 51 percent.“¶: an opening mark after end punctuation that ends its paragraph is a closing one (a typing slip).
    if (c === '“' && open >= 0 && /[.!?,]/.test(text[i - 1] ?? '') && /^[ \t\u00a0]*(?:\r?\n|$)/.test(text.slice(i + 1, i + 4))) {
      push(open, i);
      open = -1;
      continue;
    }
    if (c === '“' && open >= 0) {
      const inner = /^[^“”\n]{1,60}”/.exec(text.slice(i + 1, i + 64));
      const para = text.slice(i + 1 + (inner?.[0].length ?? 0), text.indexOf('\n', i + 1) < 0 ? n : text.indexOf('\n', i + 1));
      if (inner && /”/.test(para)) {
        i += inner[0].length;
        continue;
      }
    }
    // A closing mark that opens a paragraph ("”Fear. I am …”", a typing slip) opens its quotation.
    if (c === '“' || (c === '”' && open < 0 && /(?:^|\n)[ \t]*$/.test(text.slice(Math.max(0, i - 8), i)) && /[\p{L}\p{N}]/u.test(text[i + 1] ?? ''))) open = i;
    else if (c === '”' && open >= 0) {
      push(open, i);
      open = -1;
    } else if (c === '”' && straight >= 0) {
      // "The mayor has a loud megaphone,” said …: a straight opening mark closed by a curly one
      push(straight, i);
      straight = -1;
    } else if (c === '"' && open >= 0 && straight < 0 && /[^\s“]/.test(text[i - 1] ?? ' ') && /^(?:\s|$|[.,;:!?)])/.test(text.slice(i + 1, i + 2))) {
      // “… pull that back." : a curly opening mark closed by a straight one
      push(open, i);
      open = -1;
    } else if (c === '"') {
      if (straight < 0) straight = i;
      else {
        push(straight, i);
        straight = -1;
      }
    } else if (c === '\n' && /^[ \t]*\r?\n/.test(text.slice(i + 1, i + 4))) {
      // A blank line: an open quotation continues only when the next paragraph opens with a quotation mark.
      const nextPara = /^\s*(["“])/.exec(text.slice(i + 1, i + 12));
      const at = open >= 0 ? open : straight;
      if (at >= 0 && nextPara) {
        push(at, i, 0, true);
        // the mark that opens the next paragraph reopens the quotation
        const j = i + 1 + nextPara[0].length - 1;
        if (nextPara[1] === '“') open = j, (straight = -1);
        else straight = j, (open = -1);
        i = j;
        continue;
      }
      open = -1;
      straight = -1;
    }
  }
  const doubles = [...out];
  const insideDouble = (i: number) => doubles.some((q) => q.open < i && i < q.close);
  // Single quotes: an opening mark after a space, a bracket or a dash and before a letter; a closing mark after a
  // letter or punctuation and before a space, punctuation or the end.
  let sOpen = -1;
  let sCurly = false;
  for (let i = 0; i < n; i++) {
    const c = text[i];
    if (c !== "'" && c !== '‘' && c !== '’') {
      if (c === '\n' && text[i + 1] === '\n') sOpen = -1;
      continue;
    }
    const prev = i > 0 ? text[i - 1] : ' ';
    const next = i + 1 < n ? text[i + 1] : ' ';
    const canOpen = (c === '‘' || c === "'") && /[\s(\[—–-]/.test(prev) && /[\p{L}\p{N}…]/u.test(next);
    const canClose = (c === '’' || c === "'") && /[\p{L}\p{N}.,!?…)]/u.test(prev) && (i + 1 >= n || /[\s.,;:!?)\]—–-]/.test(next));
    if (sOpen >= 0 && canClose && (c === '’' || !sCurly)) {
      const inner = text.slice(sOpen + 1, i);
      if (/\S+\s+\S+/.test(inner) && !insideDouble(sOpen) && !/\n\s*\n/.test(inner)) push(sOpen, i);
      sOpen = -1;
    } else if (canOpen && sOpen < 0) {
      sOpen = i;
      sCurly = c === '‘';
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

const SPEECH =
  'said|says|say|told|tells|stated|states|added|adds|declared|warned|warns|wrote|writes|tweeted|posted|explained|noted|notes|insisted|argued|claimed|claims|announced|asked|replied|responded|commented|stressed|emphasi[sz]ed|continued|concluded|remarked|recalled|admitted|confirmed|acknowledged|vowed|urged|pledged|promised|threatened|reiterated|quipped|observed|demanded|demands|boasted|charged|shouted|yelled|joked|countered|predicted|suggested|testified|cautioned|conceded|complained|lamented|retorted|exclaimed|bragged|asserted|maintained|contended|alleged|proclaimed|reported|reports|sings|sang|saying|adding|asking|telling|writing|tweeting|reads|read';
const SCARE_MARK = /\b(?:so[- ]called|quote[- ]unquote|self-styled|self-proclaimed|supposed)\s*$/i;
// Words that make a short quotation someone's words: speech, naming and quoting verbs, "according to", "in the words of".
const WORDS_OF = new RegExp(
  `\\b(?:${SPEECH}|call|calls|called|calling|dub|dubs|dubbed|term|terms|termed|describ\\w*|label\\w*|brand(?:s|ed|ing)|decr(?:y|ies|ied)|denounc\\w*|condemn\\w*|prais\\w*|pledg\\w*|vow\\w*|promis\\w*|accus\\w*|criticiz\\w*|criticis\\w*|blast\\w*|slam\\w*|cit(?:e|es|ed|ing)|refer\\w*|liken\\w*|compar\\w*|characteri[sz]\\w*|portray\\w*|depict\\w*|dismiss\\w*|mock\\w*|ridicul\\w*|hail\\w*|invok\\w*|echo\\w*|recall\\w*|claim\\w*|report\\w*|concern\\w*|argu\\w*|insist\\w*|warn\\w*|ask\\w*|according to|in the words of|put it|quot\\w*|spokes\\w*|statement|interview|remarks?|speech|tweet\\w*)\\b`,
  'i',
);

/**
 * A scare quote: a short quoted phrase the writer holds at a distance ("the so-called “peace dividend”", "spent the
 * “peace dividend” on roads") rather than words someone said. It has at most four words and no end punctuation, and
 * either "so-called" stands before it or its sentence has no speech, naming or quoting word at all (nor a colon before
 * it). Such a phrase is no quote: no speaker is guessed for it.
 */
export function isScareQuote(text: string, q: Quotation): boolean {
  if (isNickname(text, q)) return true;
  const words = q.text.trim().split(/\s+/).length;
  if (words > 6 || /[.!?…]$/.test(q.text.trim())) return false;
  const before = text.slice(Math.max(0, q.open - 40), q.open);
  if (SCARE_MARK.test(before)) return true;
  if (words > 4 || /:\s*$/.test(before)) return false;
  const from = Math.max(text.lastIndexOf('\n', q.open - 1), ...['. ', '! ', '? '].map((p) => text.lastIndexOf(p, q.open - 1))) + 1;
  // a quotation that opens its sentence is a fragment of speech ("“Not yet,” …")
  if (/^[\s“"‘']*$/.test(text.slice(from, q.open))) return false;
  let to = text.length;
  for (const p of ['\n', '. ', '! ', '? ']) {
    const i = text.indexOf(p, q.close);
    if (i >= 0 && i < to) to = i;
  }
  return !WORDS_OF.test(text.slice(from, q.open) + ' ' + text.slice(q.close, to));
}

const NICKNAME_MARKS = /(?<=\p{Lu}[\p{L}.'’-]*[ \t\u00a0])["“]\p{Lu}[\p{L}.'’-]*(?: \p{Lu}[\p{L}.'’-]*)?["”](?=[ \t\u00a0]\p{Lu})/gu;
/** A nickname inside a name (Marit "Mia" Lund, Jon “The Hammer” Berg): part of the name, neither a quote nor its end. */
export function isNickname(text: string, q: Quotation): boolean {
  // not in a headline, where every word is capitalised (Mayor Calls Rival ‘A Disgrace’ Over Fees)
  const line = text.slice(text.lastIndexOf('\n', q.open) + 1, text.indexOf('\n', q.close) < 0 ? text.length : text.indexOf('\n', q.close));
  const words = line.match(/[\p{L}][\p{L}'’-]*/gu) ?? [];
  if (words.filter((w) => /^\p{Lu}/u.test(w)).length >= words.length * 0.6) return false;
  return /^\p{Lu}[\p{L}.'’-]*(?: \p{Lu}[\p{L}.'’-]*)?$/u.test(q.text) && /\p{Lu}[\p{L}.'’-]*[ \t\u00a0]$/u.test(text.slice(Math.max(0, q.open - 30), q.open)) && /^[ \t\u00a0]\p{Lu}/u.test(text.slice(q.close, q.close + 2));
}

// Before the quote: "According to the Chilean minister: “…", "Ruiz said: “…", "Okafor told reporters, “…".
const ACCORDING_TO = /according\s+to\s+([^“”"\n]{1,90}?)\s*[:,]\s*$/iu;
const SPEECH_VERB = new RegExp(`\\b(?:${SPEECH})\\b`, 'gi');
const AFTER_VERB = /^[^“”"\n.]{0,62}$/;

/**
 * `X said: “`, `X told reporters, “`: the first speech verb of the lead-in that only a few words (no sentence end)
 * separate from the quote, and the up to 140 characters before it, where the speaker is. One pass over the lead-in:
 * a single regular expression with a lazy prefix and fifty alternatives was 2 ms a quote.
 */
function saidBefore(lead: string): { start: number; end: number } | undefined {
  SPEECH_VERB.lastIndex = 0;
  for (let m = SPEECH_VERB.exec(lead); m; m = SPEECH_VERB.exec(lead)) {
    // (the blank line after "Caddell continued:" that introduces the next paragraph's quotation aside)
    if (!AFTER_VERB.test(noAbbreviationDots(lead.slice(m.index + m[0].length).replace(/:[ \t]*\n\s*$/, ':')))) continue;
    // "a blog entry posted Monday": a participle after a noun, not the speech verb
    if (/^(?:posted|read)$/i.test(m[0]) && /\s(?!(?:he|she|they|it|and|who|which|that|also|then|later|has|have|had)\s$)\p{Ll}+\s$/u.test(lead.slice(Math.max(0, m.index - 30), m.index))) continue;
    // "pointed to reports that …": a noun; "The Ledger reported", "she reports" are the verb
    if (/^report/i.test(m[0]) && !/(?:\p{Lu}[\p{L}.'’-]*|\b(?:he|she|it|they))\s+$/u.test(lead.slice(Math.max(0, m.index - 30), m.index))) continue;
    const from = Math.max(0, m.index - 140);
    const cut = Math.max(lead.lastIndexOf('\n', m.index), lead.lastIndexOf('“', m.index), lead.lastIndexOf('”', m.index), lead.lastIndexOf('"', m.index));
    return { start: Math.max(from, cut + 1), end: m.index };
  }
  return undefined;
}
// After the quote: "“…,” Okafor said." / "“…,” said Okafor." / "“…,” the minister told reporters."
const SAID_AFTER_SPEAKER_FIRST = new RegExp(`^[\\s,.]*([^“”"\\n]{1,90}?)\\s+(?:${SPEECH})\\b`, 'iu');
const SAID_AFTER_VERB_FIRST = new RegExp(`^[\\s,.]*(?:${SPEECH})\\s+([^“”"\\n]{1,90}?)(?:[.,;:!?]|$)`, 'iu');
// "“…,” Mia Lund, the director of the Harbour Trust and a former pilot, told reporters.": a name and a long apposition.
const SAID_AFTER_APPOSITION = new RegExp(`^[\\s,.]*(\\p{Lu}[^“”"\\n,]{1,40}),\\s[^“”"\\n]{8,160}?,\\s+(?:${SPEECH})\\b`, 'u');
// "“…,” said the driver, Omar Nasser, 41." : the name in the apposition after the description speaks.
const SAID_AFTER_VERB_FIRST_LONG = new RegExp(`^[\\s,.]*(?:${SPEECH})\\s+([^“”"\\n;]{1,110})`, 'iu');
/** Length of a clause up to its sentence end; the dots of "Rep.", "G.K." and "Mr." do not end it. */
function clauseLength(s: string): number {
  const re = /[.!?](?=\s|$)/g;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    const word = /([\p{L}.]+)$/u.exec(s.slice(0, m.index))?.[1] ?? '';
    if (/^(?:\p{Lu}|(?:\p{Lu}\.)+\p{Lu}|Rep|Reps|Sen|Sens|Gov|Del|Gen|Adm|Cmdr|Col|Lt|Maj|Capt|Sgt|Det|Supt|Insp|Amb|Atty|Sec|Dr|Mr|Mrs|Ms|St|Jr|Sr|Prof|Rev|Hon|Mt)$/u.test(word)) continue;
    return m.index;
  }
  return s.length;
}

// "“…,” Tass quoted Ivanov as saying." / "Tanjug quotes the director as saying: “…"
const QUOTED_AS = /^[\s,.]*[^“”"\n]{0,80}?\bquot(?:ed|es|ing)\s+([^“”"\n]{1,90}?)\s+as\s+(?:saying|telling|stating|adding|writing)\b/iu;
const QUOTED_AS_LEAD = /\bquot(?:ed|es|ing)\s+([^“”"\n]{1,90}?)\s+as\s+(?:saying|telling|stating|adding|writing)\b[^“”"\n.!?]{0,30}[:,]?\s*$/iu;
// "“…,” according to the ministry." 
const ACCORDING_AFTER = /^[\s,.]*according\s+to\s+([^“”"\n.;]{1,90}?)(?:[.,;]|$)/iu;

/** "the group said": nouns any organisation may be called by. */
const GENERIC_ORG = /^(?:group|organi[sz]ation|company|firm|movement|agency|association|party|union|alliance|coalition|front)$/;

const SPEAKER_RANK: Record<ActorType, number> = { person: 0, organization: 1, place: 2, group: 3 };

/**
 * The speaker among the mentions inside [a, b): people before organisations before places (so "the Israel leader"
 * speaks, not "Israel" inside it); the last one when the speaker precedes the verb, else the first.
 */
function speakerIn(sorted: readonly LinkedMention[], a: number, b: number, last: boolean): LinkedMention | undefined {
  const ms: LinkedMention[] = [];
  for (let i = firstAtOrAfter(sorted, a); i < sorted.length && sorted[i].start < b; i++) {
    if (sorted[i].end <= b && (sorted[i].type === 'person' || sorted[i].type === 'organization')) ms.push(sorted[i]);
  }
  // "Berg's niece, Mia Lund": the owner of a possessive is not the speaker when another name follows
  if (ms.length > 1) for (let i = ms.length - 2; i >= 0; i--) if (/^['’]s\s+\p{Ll}/u.test(text_.slice(ms[i].end, ms[i].end + 4))) ms.splice(i, 1);
  if (!ms.length) return undefined;
  const best = Math.min(...ms.map((m) => SPEAKER_RANK[m.type]));
  const of = ms.filter((m) => SPEAKER_RANK[m.type] === best);
  if (of.length > 1 && !last && /^[^,]*$/.test(text_.slice(of[0].end, of[of.length - 1].start)) && /\s$/.test(text_.slice(of[0].end, of[0].end + 1))) {
    // "Harris campaign chairman Paul Brandt said": the name the role words lead to speaks, not the one they start with.
    return of[of.length - 1];
  }
  return last ? of[of.length - 1] : of[0];
}
let text_ = '';

const HONORIFIC = /^(?:Mr|Mrs|Ms|Dr|Rep|Sen|Gov|Del|Gen|Adm|Col|Lt|Capt|Sgt|Prof|Rev|President|Senator|Governor|Mayor|Judge)\.?\s+/u;
/**
 * The person a bare name written as a speaker ("Ellis", "Mr. Ellis", "Ryan Ellis") stands for when the tagger did not
 * mark it there: the one person actor with a mention ending in that surname (none when two people share it).
 */
function personBySurname(sorted: readonly LinkedMention[], speakerText: string): LinkedMention | undefined {
  const name = speakerText.trim().replace(HONORIFIC, '');
  if (!/^\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+){0,2}$/u.test(name) || /^(?:He|She|They|It|We|I|You|The|This|That)\b/.test(name)) return undefined;
  const last = name.split(/\s+/).pop()!.replace(/’/g, "'").toLowerCase();
  let found: LinkedMention | undefined;
  for (const m of sorted) {
    if (m.type !== 'person' || m.kind === 'nominal') continue;
    if (m.text.split(/\s+/).pop()!.replace(/’/g, "'").toLowerCase() !== last) continue;
    if (found && found.actorId !== m.actorId) return undefined;
    found ??= m;
  }
  return found;
}

/** Index of the first mention starting at or after `offset` (binary search; `sorted` is sorted by start). */
const firstAtOrAfter = (sorted: readonly LinkedMention[], offset: number): number => lowerBound(sorted, offset);

/**
 * Attributes each quotation to a speaker mention: `X said “…”`, `“…,” X said`, `“…,” said X`,
 * `According to X: “…”`, and "he/she said" to the person mentioned last before. Speakers may be nominal
 * mentions ("the Israel leader"); the quote's confidence is then lower. Returns every quotation, attributed or not.
 * With `coref` (pronouns.ts), "she said" goes only to a person whose gender is unknown or female (and "he said" to
 * one unknown or male), and to the pronoun's own link when no such person is found the usual way.
 */
export function attributeQuotes(
  source: string,
  quotations: readonly Quotation[],
  mentions: readonly LinkedMention[],
  coref?: Coreference,
  /** Roles of the person actors by id, for speakers named by a description ("the Vermont senator"). */
  roles?: ReadonlyMap<string, readonly string[]>,
  affiliations?: ReadonlyMap<string, string | undefined>,
): Quote[] {
  // the marks of a nickname inside a name (Marit "Mia" Lund) do not end a speech clause: blanked, offsets kept
  const text = source.replace(NICKNAME_MARKS, (m) => m.replace(/["“”]/g, ' '));
  const sorted = [...mentions].sort((a, b) => a.start - b.start);
  text_ = text;
  const described: DescriptionContext = { roles, affiliations, genders: coref?.genders };
  /** The person a description ending the speaker phrase [a, b) stands for ("the Vermont senator"), if it is one. */
  const byDescription = (a: number, b: number): { speaker?: LinkedMention } | undefined => {
    const d = descriptionIn(text.slice(a, b));
    if (!d) return undefined;
    // "Lund, the senator, said": an apposition to a name is that name
    const before = text.slice(a, a + d.index);
    if (/,\s*$/.test(before) && sorted.some((m) => m.end > a && m.end <= a + d.index && /^[\s,]*$/.test(text.slice(m.end, a + d.index)))) return undefined;
    return { speaker: resolveDescription(text, sorted, a + d.index, d.head, described, text.slice(a + d.index, b)) };
  };
  const out: Quote[] = [];
  const said: (string | undefined)[] = [];
  let prevEnd = 0;
  for (let qi = 0; qi < quotations.length; qi++) {
    const q = quotations[qi];
    const { open, close } = q;
    // The lead-in runs back to the previous quote or paragraph break; the tail up to the next quote or line.
    // At most 240 characters: the patterns reach 200 back at most, and a whole paragraph would make them slow.
    let paraStart = Math.max(text.lastIndexOf('\n', open - 1) + 1, prevEnd, open - 240);
    // "Caddell continued:¶¶“…": a paragraph that ends with a colon introduces the quotation of the next one.
    if (/^\s*$/.test(text.slice(paraStart, open))) {
      const intro = /([^\n]{1,200}):[ \t]*\n\s*$/.exec(text.slice(Math.max(prevEnd, paraStart - 220), paraStart));
      if (intro) paraStart = Math.max(prevEnd, paraStart - 220) + intro.index;
    }
    const lead = text.slice(paraStart, open);
    const nextOpen = qi + 1 < quotations.length ? quotations[qi + 1].open : text.length;
    let lineEnd = text.indexOf('\n', close);
    if (lineEnd >= 0 && /^\s*$/.test(text.slice(close, lineEnd)) && /^[ \t]*(?:\p{Ll}|said\b)/u.test(text.slice(lineEnd + 1, lineEnd + 8))) {
      const next = text.indexOf('\n', lineEnd + 1);
      lineEnd = next < 0 ? text.length : next;
    }
    const tailEnd = Math.min(nextOpen, lineEnd < 0 ? text.length : lineEnd, close + 120);
    const tail = text.slice(close, tailEnd);
    prevEnd = close;

    let speaker: LinkedMention | undefined;
    let speakerText: string | undefined; // the phrase the pattern found, for the pronoun fallback
    let pronounAt = -1; // offset of the "he"/"she" of "he said"
    let how = 0;
    let m3desc = -1; // offset of the speaker phrase after the quotation
    const pick = (a: number, b: number, last: boolean) => speakerIn(sorted, a, b, last);
    // A transcript line in quotation marks: "“PENCE: Well, look, …”" (the speaker's surname in capitals, a colon).
    const label = /^(\p{Lu}{2,}[\p{Lu}'’-]*(?:\s+\p{Lu}{2,}[\p{Lu}'’-]*)?):\s+(?=\S)/u.exec(q.text);
    if (label) {
      speaker = personBySurname(sorted, label[1]);
      speakerText = label[1]; // (one the text does not name otherwise is still not the previous speaker)
      if (speaker) how = 0.8;
    }
    // "Said Ellis: “…”": the verb first.
    const inverted = speaker ? null : /(?:^|[.!?]\s+|\n\s*)Said\s+([^,:\n“”"]{1,60}?)\s*[:,]\s*$/.exec(lead);
    if (inverted) {
      const a = paraStart + inverted.index + inverted[0].indexOf(inverted[1], inverted[0].indexOf('Said') + 4);
      speaker = pick(a, a + inverted[1].length, false) ?? personBySurname(sorted, inverted[1]);
      speakerText = inverted[1];
      how = 0.9;
    }
    const m1 = !speaker ? ACCORDING_TO.exec(lead) : null;
    if (m1) {
      const a = paraStart + m1.index + m1[0].indexOf(m1[1]);
      speaker = pick(a, a + m1[1].length, true);
      speakerText = m1[1];
      how = 0.9;
    }
    if (!speaker) {
      const m2 = saidBefore(lead);
      if (m2) {
        speakerText = lead.slice(m2.start, m2.end).trim();
        pronounAt = paraStart + m2.start + lead.slice(m2.start, m2.end).search(/\b(?:he|she)\s*$/i);
        // "…, where he said": the pronoun is the speaker, resolved below, not the last name before it.
        if (!/\b(?:he|she)$/i.test(speakerText)) {
          // "Lopez faulted Brandt over his budget, saying, “…”": a participle after a comma speaks for the subject of
          // its clause, the first name of the sentence, not the last one before it.
          const participle = /,\s*$/.test(speakerText) && /^(?:saying|adding|asking|telling|writing|tweeting|declaring|arguing|insisting|noting|warning)\b/i.test(lead.slice(m2.end));
          if (participle) {
            const cut = Math.max(lead.lastIndexOf('. ', m2.start), lead.lastIndexOf('\n', m2.start));
            const inClause = sorted.slice(firstAtOrAfter(sorted, paraStart + cut + 1), firstAtOrAfter(sorted, paraStart + m2.end));
            speaker = inClause.find((m) => m.type === 'person') ?? inClause.find((m) => m.type === 'organization');
          }
          const desc = speaker ? undefined : byDescription(paraStart + m2.start, paraStart + m2.end);
          if (desc) {
            speaker = desc.speaker;
            how = 0.6;
          } else {
            speaker ??= pick(paraStart + m2.start, paraStart + m2.end, true);
            how = 0.9;
          }
        }
      }
    }
    if (!speaker) {
      // "“…” ― Pamela Padilla": a dash and the name after a quotation (readers' voices, epigraphs).
      const dash = /^[ \t\u00a0]*[―—–][ \t\u00a0]*(\p{Lu}[^\n“”"]{0,60})/u.exec(tail);
      if (dash) {
        const a = close + dash.index + dash[0].indexOf(dash[1]);
        speaker = pick(a, a + dash[1].length, false);
        speakerText = dash[1].trim();
        how = 0.8;
      }
    }
    if (!speaker) {
      // "“…,” Tass quoted Ivanov as saying": the one quoted speaks, not the one quoting.
      const qa = QUOTED_AS.exec(tail) ?? QUOTED_AS_LEAD.exec(lead);
      if (qa) {
        const base = qa.input === tail ? close : paraStart;
        const a = base + qa.index + qa[0].indexOf(qa[1]);
        speaker = pick(a, a + qa[1].length, false);
        speakerText = qa[1].trim();
        how = 0.85;
      }
    }
    if (!speaker) {
      const at = ACCORDING_AFTER.exec(tail);
      if (at) {
        const a = close + at.index + at[0].indexOf(at[1]);
        speaker = pick(a, a + at[1].length, true);
        speakerText = at[1].trim();
        how = 0.85;
      }
    }
    if (!speaker) {
      const m3 = SAID_AFTER_VERB_FIRST.exec(tail) ?? SAID_AFTER_SPEAKER_FIRST.exec(tail) ?? SAID_AFTER_APPOSITION.exec(tail);
      if (m3) {
        const a = close + m3.index + m3[0].indexOf(m3[1]);
        speaker = pick(a, a + m3[1].length, false);
        speakerText = m3[1].trim();
        m3desc = a + m3[1].indexOf(speakerText);
        pronounAt = a;
        how = 0.85;
        const long = !speaker ? SAID_AFTER_VERB_FIRST_LONG.exec(tail) : null;
        if (long) {
          // "said Sen. J.R. Alvarez (R-Ariz.), chair of …", "said the driver, Omar Nasser, 41."
          const b = close + long.index + long[0].indexOf(long[1]);
          speaker = pick(b, b + clauseLength(long[1]), false);
          if (speaker && speaker.type !== 'person' && /^(?:the|a|an)\s/i.test(speakerText)) speaker = undefined;
        }
      }
    }
    if (!speaker && !speakerText && /:\s*$/.test(lead)) {
      // "Lund made the following comment: “…”", "The minister has a new message: “…”": the subject of the clause the
      // colon ends introduces the quotation.
      const clause = lead.replace(/:\s*$/, '');
      const from = Math.max(clause.lastIndexOf('\n') + 1, ...[...maskAbbreviationDots(clause).matchAll(/[.!?]["”’]?\s+/g)].map((m) => m.index! + m[0].length));
      const subject = clauseSubject(text, sorted, paraStart + from, paraStart + clause.length);
      if (subject) {
        speaker = subject;
        how = 0.6;
      }
    }
    if (!speaker && speakerText && m3desc >= 0) {
      // "“…,” the New York businessman said"
      const desc = byDescription(m3desc, m3desc + speakerText.length);
      if (desc?.speaker) {
        speaker = desc.speaker;
        how = 0.6;
      }
    }
    if (!speaker && speakerText) {
      // "Said Ellis:", "O'Neill said": a surname the tagger missed here, of the one person the text names so elsewhere
      speaker = personBySurname(sorted, speakerText);
      if (speaker) how = 0.7;
    }
    const prevQuote = out.length ? out[out.length - 1] : undefined;
    const prevQuotation = qi > 0 ? quotations[qi - 1] : undefined;
    if (!speaker && speakerText && (/\b(?:he|she)$/i.test(speakerText) || /^(?:he|she)\b/i.test(speakerText))) {
      // "he said": the speaker of the quotation just before, when no other person was named since; else the first
      // person of the sentence (usually its subject), else the last person mentioned before.
      const prevSaid = said.length ? said[said.length - 1] : undefined;
      // she/he: a person of the other gender (by the text's evidence) is not the speaker
      const g = /\bshe$|^she\b/i.test(speakerText) ? 'F' : 'M';
      const fits = (m: LinkedMention | undefined) => !m || !coref || (coref.genders.get(m.actorId)?.gender ?? g) === g;
      const unnamedBefore = !prevQuote?.speakerId && prevSaid && !/^(?:he|she|they)$/i.test(prevSaid) && /^(?:the|a|an)\s/i.test(prevSaid) && prevQuotation && open - prevQuotation.close < 400;
      if (unnamedBefore) speakerText = prevSaid; // "“…,” said a spokeswoman. “…,” she said.": still the unnamed spokeswoman
      else if (prevQuote?.speakerId && prevQuotation && open - prevQuotation.close < 400) {
        const between = sorted.slice(firstAtOrAfter(sorted, prevQuotation.close), firstAtOrAfter(sorted, open)).filter((m) => m.type === 'person');
        // unless a person described but not named is the subject in between ("One fisherman said …")
        const boundary = Math.max(text.lastIndexOf('. ', open), text.lastIndexOf('! ', open), text.lastIndexOf('? ', open), text.lastIndexOf('\n', open));
        const described = boundary > prevQuotation.close && subjectBefore(text, sorted, boundary + 1) === 'unnamed';
        if (between.every((m) => m.actorId === prevQuote.speakerId) && !described) speaker = sorted.find((m) => m.actorId === prevQuote.speakerId);
        if (!fits(speaker)) speaker = undefined;
      }
      if (!speaker && !unnamedBefore) {
        const boundary = Math.max(text.lastIndexOf('. ', open), text.lastIndexOf('! ', open), text.lastIndexOf('? ', open), text.lastIndexOf('\n', open));
        const inSentence = sorted.slice(firstAtOrAfter(sorted, boundary + 1), firstAtOrAfter(sorted, open)).filter((m) => m.type === 'person' && fits(m));
        speaker = inSentence[0];
        // the nearest sentence subject before: "One elderly man … said …. He also said …. “…,” he said." stays unnamed
        let subj = speaker ? undefined : subjectBefore(text, sorted, boundary + 1);
        if (subj !== 'unnamed' && !fits(subj)) subj = undefined;
        if (subj === 'unnamed') speakerText = 'an unnamed speaker';
        else speaker ??= subj;
        for (let i = firstAtOrAfter(sorted, open) - 1; i >= 0 && !speaker && subj !== 'unnamed'; i--) if (sorted[i].type === 'person' && sorted[i].end <= open && fits(sorted[i])) speaker = sorted[i];
        // else the pronoun's own link (pronouns.ts), when it found one
        const link = !speaker && subj !== 'unnamed' ? coref?.links.find((l) => l.start === pronounAt) : undefined;
        if (link) speaker = sorted.find((m) => m.actorId === link.actorId);
      }
      how = 0.5;
    }
    if (!speaker && speakerText) {
      // "the radio said", "the ministry said": the organisation of the report whose name holds that noun, nearest before.
      const nominal = /^(?:the|a|an)\s+(?:[a-z-]+\s+){0,2}([a-z]+)$/i.exec(speakerText);
      if (nominal) {
        const noun = nominal[1].toLowerCase();
        for (let i = firstAtOrAfter(sorted, open) - 1; i >= 0; i--) {
          const m = sorted[i];
          if (m.type === 'organization' && (m.text.toLowerCase().split(/\s+/).includes(noun) || (GENERIC_ORG.test(noun) && open - m.end < 400))) {
            speaker = m;
            how = 0.6;
            break;
          }
        }
      }
    }
    // …or with one sentence about the speaker between: "“…,” Obama said after the summit. He did not threaten. “…”".
    const aboutSpeaker = () => {
      const he = continuesAfterPronoun(text, prevQuotation!.close, open);
      return he >= 0 && sorted.slice(firstAtOrAfter(sorted, he), firstAtOrAfter(sorted, open)).every((m) => m.actorId === prevQuote!.speakerId || m.type !== 'person');
    };
    if (!speaker && !speakerText && prevQuote?.speakerId && prevQuotation && (prevQuotation.continues || continuesSpeech(text, prevQuotation.close, open) || aboutSpeaker())) {
      // The next paragraph or sentence of the same speech: "“…,” Frater said. “Obviously …”".
      speaker = sorted.find((m) => m.actorId === prevQuote.speakerId);
      how = 0.7;
    }
    if (!speaker && !speakerText && /[.!?]["”’]?[ \t\u00a0]+$/.test(lead) && /^[\s.,;:!?)\]]*(?:\n|$|["“\p{Lu}])/u.test(tail) && /[.!?…]$/.test(q.text)) {
      // A sentence that is only a quotation, right after a sentence whose subject is a person, in the same paragraph:
      // "Ola Dahl called the plan reckless. “It will cost us the harbour.”" (the subject goes on speaking).
      const prevEnd = lead.replace(/\s+$/, '').length - 1;
      const cut = maskAbbreviationDots(lead.slice(0, prevEnd));
      const from = Math.max(cut.lastIndexOf('\n') + 1, ...[...cut.matchAll(/[.!?]["”’]?\s+(?=["“]?\p{Lu})/gu)].map((m) => m.index! + m[0].length));
      const subject = clauseSubject(text, sorted, paraStart + from, paraStart + prevEnd);
      if (subject?.type === 'person') {
        speaker = subject;
        how = 0.5;
      }
    }
    said.push(speakerText);
    const quote: Quote = label && speaker ? { start: q.start + label[0].length, end: q.end, text: q.text.slice(label[0].length), confidence: 0 } : { start: q.start, end: q.end, text: q.text, confidence: 0 };
    // "“…,” said one source on the panel": someone new and unnamed, written so that nothing else lends the quote a name
    // ("the spokesman" refers back and may still take the speaker of the reported speech before it)
    if (!speaker && ((m3desc >= 0 && /^(?:one|a|an|another|some|two|three|several)\s/i.test(speakerText ?? '')) || label) && speakerText) quote.speakerText = speakerText;
    if (speaker) {
      quote.speakerId = speaker.actorId;
      quote.speakerText = speaker.text;
      quote.confidence = Math.round(how * speaker.confidence * 100) / 100;
    }
    out.push(quote);
  }
  // A paragraph of a multi-paragraph quotation, or a quotation right before an attributed one with nothing between
  // ("“…” “…,” she said"), speaks with the next one.
  for (let i = out.length - 2; i >= 0; i--) {
    const next = out[i + 1];
    if (out[i].speakerId || out[i].speakerText || !next.speakerId) continue;
    if (quotations[i].continues || /^\s*$/.test(text.slice(quotations[i].close, quotations[i + 1].open))) {
      out[i].speakerId = next.speakerId;
      out[i].speakerText = next.speakerText;
      out[i].confidence = Math.round(next.confidence * 0.8 * 100) / 100;
    }
  }
  return out;
}

const DESCRIBED_PERSON =
  /^(?:One|A|An|The|Another|This|That)\s+(?:[\p{Ll}\d-]+\s+){0,3}(?:\p{Ll}*(?:man|woman)|resident|official|farmer|fisher|witness|soldier|villager|refugee|diplomat|spokesman|spokeswoman|source|worker|student|driver|doctor|teacher|mother|father|pilgrim|tourist|protester|voter|supporter|fighter|officer|aide|lawyer|analyst|trader|dealer|banker|economist|expert|observer|girl|boy|veteran|survivor|victim|passenger|shopkeeper|owner|executive|employee|member|relative|neighbour|neighbor)\b/u;

/**
 * The subject of the nearest sentence before `before` that has one, for a "he/she said" whose own sentence names no
 * one: a person at the start of the sentence ("Smith, 42, said …"), or 'unnamed' for a person described but not
 * named ("A young nurse, who asked not to be identified, said …"). Sentences opening with he/she are stepped over
 * (they refer further back); at most three sentences back. Undefined when the subject is something else.
 */
function subjectBefore(text: string, sorted: readonly LinkedMention[], before: number): LinkedMention | 'unnamed' | undefined {
  let end = before;
  for (let k = 0; k < 3 && end > 0; k++) {
    while (end > 0 && /\s/.test(text[end - 1])) end--;
    const head = text.slice(Math.max(0, end - 400), end);
    const cut = Math.max(head.search(/[^\n]*$/), ...[...head.matchAll(/[.!?]["”’]?\s+(?=["“]?\p{Lu})/gu)].map((m) => m.index! + m[0].length).filter((i) => i < head.trimEnd().length));
    const start = Math.max(0, end - 400) + cut;
    const sentence = text.slice(start, end).replace(/^["“\s]+/, '');
    const offset = start + (text.slice(start, end).length - sentence.length);
    if (/^(?:He|She)\b/.test(sentence)) {
      end = start;
      continue;
    }
    const first = sorted[firstAtOrAfter(sorted, offset)];
    if (first && first.type === 'person' && first.start - offset <= 12 && first.start < end && !/[,“”"]/.test(text.slice(offset, first.start))) return first;
    return DESCRIBED_PERSON.test(sentence) ? 'unnamed' : undefined;
  }
  return undefined;
}

/**
 * One utterance split by its speech clause is one quote: "“The fleet is ready,” Vik said, “and it will sail.”" and
 * "“It is ready,” he said. “It sails on Friday.”" (the same speaker, only the attribution between, no paragraph break)
 * become a single quote from the first quotation's start to the last one's end, its text the parts joined by " … ".
 * Quotations are given in text order; `quotes[i]` belongs to `quotations[i]`.
 */
export function joinSplitQuotes(source: string, quotations: readonly Quotation[], quotes: readonly Quote[]): Quote[] {
  const text = source.replace(NICKNAME_MARKS, (m) => m.replace(/["“”]/g, ' '));
  const out: Quote[] = [];
  let prev: Quotation | undefined;
  for (let i = 0; i < quotes.length; i++) {
    const q = quotes[i];
    const last = out[out.length - 1];
    // (a quotation nested in the one before, “Shark Tank” inside a transcript line, is not its continuation)
    if (last && prev && q.speakerId && last.speakerId === q.speakerId && !last.indirect && quotations[i].open >= prev.close && splitBySpeech(text.slice(prev.close, quotations[i].open))) {
      out[out.length - 1] = { ...last, end: q.end, text: `${last.text} … ${q.text}` };
    } else out.push({ ...q });
    prev = quotations[i];
  }
  return out;
}
const SPEECH_IN_GAP = new RegExp(`\\b(?:${SPEECH})\\b`, 'i');
/** The text between two parts of one quote: nothing, or a speech clause of one sentence ("she said, clapping."). */
function splitBySpeech(gap: string): boolean {
  if (/\n[ \t]*\n/.test(gap) || /["“”]/.test(gap)) return false;
  if (/^\s*$/.test(gap)) return !gap.includes('\n');
  return gap.length <= 200 && SPEECH_IN_GAP.test(gap) && /^[\s,;:—–-]*[^.!?]*[.!?,;:—–-]?\s*$/.test(noAbbreviationDots(gap));
}
/** noAbbreviationDots with the same length: each such dot becomes a middle dot, so offsets still match. */
function maskAbbreviationDots(s: string): string {
  return s.replace(/(?<![\p{L}])(\p{Lu})\./gu, '$1·').replace(/\b(?:Mr|Mrs|Ms|Dr|Rep|Reps|Sen|Sens|Gov|Gen|Del|Adm|Cmdr|Col|Lt|Capt|Sgt|Det|Supt|Insp|Amb|Atty|Sec|Prof|St|Jr|Sr|Rev|Hon|Wash|Calif|Fla|Ill|Mass|Mich|Minn|Penn|Tenn|Tex|Va|Wis)\./gu, (m) => m.slice(0, -1) + '·');
}
/** The dots of "Mr.", "Rep.", "D-N.C." and initials do not end a sentence. */
function noAbbreviationDots(s: string): string {
  return s.replace(/(?<![\p{L}])(\p{Lu})\./gu, '$1').replace(/\b(?:Mr|Mrs|Ms|Dr|Rep|Reps|Sen|Sens|Gov|Gen|Del|Adm|Cmdr|Col|Lt|Capt|Sgt|Det|Supt|Insp|Amb|Atty|Sec|Prof|St|Jr|Sr|Rev|Hon|Wash|Calif|Fla|Ill|Mass|Mich|Minn|Penn|Tenn|Tex|Va|Wis|N\.C|S\.C|N\.Y|\p{Lu})\./gu, (m) => m.slice(0, -1));
}

/**
 * Between two quotations only the attribution of the first and its sentence end ("“…,” Frater said. “…"): the same
 * speech goes on. A new sentence before the second quotation ("He added. The letter said …") breaks it.
 */
/**
 * The attribution sentence and one more that opens with "He"/"She" ("… Obama said. He did not threaten."): the
 * offset where that second sentence starts, or -1.
 */
function continuesAfterPronoun(text: string, from: number, to: number): number {
  const gap = noAbbreviationDots(text.slice(from, to));
  const m = gap.length <= 240 && !/\n[ \t]*\n/.test(gap) ? /^[^.!?]*[.!?]\s+(?=(?:He|She)\b[^.!?]*[.!?]\s*$)/.exec(gap) : null;
  if (!m) return -1;
  const he = text.slice(from, to).search(/\s(?:He|She)\b[^.!?]*[.!?]\s*$/);
  return he < 0 ? -1 : from + he;
}

function continuesSpeech(text: string, from: number, to: number): boolean {
  const gap = text.slice(from, to);
  if (/^\s*$/.test(gap)) return true;
  return gap.length <= 160 && !/\n[ \t]*\n/.test(gap) && /^[^.!?]*[.!?]["”’]?\s*$/.test(noAbbreviationDots(gap));
}
