import type { TimeGranularity } from '../types';
import { holidayDate, holidayNamed, holidayPattern } from '../text/lexicon';

/**
 * A rule-based temporal tagger and normaliser in the spirit of HeidelTime (Strötgen & Gertz): expressions are found
 * by patterns (dates, times, durations, sets), then normalised to TIMEX3 values against the report date, with the
 * tense of the governing verb deciding whether an underspecified expression ("Friday", "in July") lies before or
 * after it. Pure; no dictionary beyond the words below.
 */

export type TimexKind = 'date' | 'time' | 'duration' | 'set';

export interface TimexSpan {
  start: number;
  end: number;
  text: string;
  kind: TimexKind;
}

export interface TimexValue {
  kind: TimexKind;
  /** TIMEX3 value: 1996-08-30, 1996-08, 1996, 199 (decade), 1996-W35, 1996-Q3, 1996-H1, 1996-SU, 1996-08-30T18:30, P3D, XXXX-WXX-5, PRESENT_REF. */
  value: string;
  /** First and last calendar day the value covers, when it is a calendar value. */
  date?: string;
  endDate?: string;
  time?: string;
  granularity: TimeGranularity;
  /** Resolution needed the report date (or the previous date of the text). */
  relative: boolean;
}

export type Tense = 'past' | 'present' | 'future';

// ------------------------------------------------------------------ vocabulary
const ci = (words: string) => `(?:${words.replace(/\b([a-z])/g, (_m, c: string) => `[${c}${c.toUpperCase()}]`)})`;
const MONTH = '(?:Jan(?:uary|\\.)?|Feb(?:ruary|\\.)?|Mar(?:ch|\\.)|March|Apr(?:il|\\.)?|May|June?|July?|Aug(?:ust|\\.)?|Sept?(?:ember|\\.)?|Oct(?:ober|\\.)?|Nov(?:ember|\\.)?|Dec(?:ember|\\.)?|JANUARY|FEBRUARY|MARCH|APRIL|JUNE|JULY|AUGUST|SEPTEMBER|OCTOBER|NOVEMBER|DECEMBER)';
const WEEKDAY = `(?:${ci('monday|tuesday|wednesday|thursday|friday|saturday|sunday')}|Mon\\.|Tue\\.|Tues\\.|Wed\\.|Thu\\.|Thur\\.|Thurs\\.|Fri\\.|Sat\\.|Sun\\.)`;
const NUMW = ci('one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|a hundred|a|an|several|a few|few|a couple of|many|some|a dozen');
const NUM = `(?:\\d+(?:\\.\\d+)?|${NUMW}(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?)`;
const UNIT = ci('seconds?|minutes?|hours?|days?|nights?|weeks?|fortnights?|months?|quarters?|years?|decades?|centur(?:y|ies)|weekends?');
const SEASON = ci('spring|summer|autumn|winter');
const PART = ci('morning|afternoon|evening|night');
const MOD = `(?:${ci('early|mid|late|the end of|the beginning of|the start of|the middle of|the turn of|end-|mid-')}[-\\s]*)`;
const YEAR = '(?:1[6-9]\\d{2}|20\\d{2})';
/** A year in words, as transcripts write it: "nineteen ninety-six", "the year two thousand". */
const TENS_W = 'ten|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety';
const UNITS_W = 'one|two|three|four|five|six|seven|eight|nine';
const TEENS_W = 'eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen';
const YEAR_WORDS = `${ci('nineteen')}[-\\s]+(?:${ci(TENS_W)}(?:[-\\s]${ci(UNITS_W)})?|${ci(TEENS_W)}|${ci('hundred')})`;
const YEAR_ANY = `(?:${YEAR}|${YEAR_WORDS})`;
const REL = ci('last|next|this|coming|past|previous|following|current|same|that');
const ORD = ci('first|second|third|fourth|final|last|latest|current|1st|2nd|3rd|4th');
const TZ = '(?:GMT|UTC|Z|EST|EDT|CST|CDT|MST|MDT|PST|PDT|BST|CET|CEST|EET|MSK|IST|JST|local time)';
/** A comma between date parts, also as tokenised text writes it ("March 01 , 2008", "Friday , May 2"). */
const COMMA = '(?:[^\\S\\n]?,)?\\s+';
/** Patterns match only at a word start, `(?<![\\p{L}\\p{N}])`: findTimexes checks it (afterLetterOrDigit). */
const E = '(?![\\p{L}\\p{N}])';

const PATTERNS: [TimexKind, string][] = [
  // times
  ['time', `\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}(?::\\d{2})?(?:Z|[+-]\\d{2}:?\\d{2})?`],
  ['time', `\\d{1,2}[:.]\\d{2}\\s*(?:[aApP]\\.?[mM]\\.?)(?:\\s*${TZ})?|\\d{1,2}:\\d{2}(?::\\d{2})?(?:\\s*(?:[aApP]\\.?[mM]\\.?))?(?:\\s*${TZ})?|\\d{1,2}\\s*[aApP]\\.?[mM]\\.?(?:\\s*${TZ})?|\\d{4}\\s*(?:Z|GMT|UTC|hrs|hours)(?=[\\s.,;)]|$)`],
  ['time', `(?:${ci('at|around|about|before|after|by|until')}\\s+)?${ci('noon|midnight|midday|dawn|dusk|nightfall|daybreak')}`],
  ['time', `(?<=${ci('at|around|about|before|after|by|until|from')}\\s)\\d{1,2}(?:[:.]\\d{2})?\\s+(?:${ci("o'clock")}\\s+)?${ci('in the (?:morning|afternoon|evening)|at night')}`],
  // calendar dates
  ['date', `\\d{4}-\\d{2}-\\d{2}`],
  ['date', `\\d{1,2}/\\d{1,2}/(?:\\d{4}|\\d{2})`],
  ['date', `(?:${WEEKDAY}${COMMA})?(?:${ci('the')}\\s+)?\\d{1,2}(?:st|nd|rd|th)?\\s+(?:${ci('of')}\\s+)?${MONTH}(?:${COMMA}${YEAR})?`],
  ['date', `(?:${WEEKDAY}${COMMA})?${MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?(?:${COMMA}${YEAR})?(?!\\d)`],
  ['date', `${MOD}?(?:${REL}\\s+)?${MONTH}(?:${COMMA}${YEAR_ANY}|\\s+(?:${ci('of')}\\s+)?(?:${ci('this|last|next|that')})\\s+${ci('year')})?`],
  ['date', `${MOD}?(?:${ci('last|next|this|coming|past')}\\s+|${ci('the')}\\s+${ci('previous|following')}\\s+)?${WEEKDAY}(?:\\s+${PART})?`],
  ['date', `(?:${ci('the day (?:before|after)')}\\s+)?${ci('today|tonight|yesterday|tomorrow')}(?:\\s+${PART})?|${ci('(?:this|last|tomorrow|yesterday|early this|late last|late this|early)')}\\s+${PART}`],
  ['date', `${ci('(?:earlier|later)')}\\s+(?:${ci('today|tonight')}|${ci('this|next|last')}\\s+${ci('week|month|year|season')}|${ci('in the')}\\s+${ci('day|week|month|year|season|decade')})|${ci('(?:early|late)')}\\s+${ci('in the')}\\s+${ci('day|week|month|year')}`],
  ['date', `${MOD}?(?:${ci('the|sometime|early|late')}\\s+)?(?:${REL}\\s+)(?:${ci('fiscal|financial|calendar|school|academic')}\\s+)?${ci('week(?:end)?|month|quarter|year|season|decade|century|day|night|morning|evening|afternoon|spring|summer|autumn|fall|winter|half')}`],
  ['date', `(?:${ci('the')}\\s+)?(?:${YEAR}\\s+|${ci('this year\'s|last year\'s|next year\'s|its|the year-ago|the year-earlier|year-ago|year-earlier')}\\s+)?(?:${ci('fiscal')}[-\\s]+)?(?:${ORD})[-\\s]+(?:${ci('fiscal')}\\s+)?(?:${ci('quarter|half')})(?:\\s+${ci('of')}\\s+(?:${ci('fiscal')}\\s+)?(?:${YEAR}|${ci('this year|last year|next year|the year')}))?`],
  ['date', `(?:${ci('fiscal')}\\s+)?(?:Q[1-4]|[1-4]Q|H[12])(?:\\s*${YEAR})?`],
  ['date', `${ci('the')}\\s+(?:${ci('latest|current|full|fiscal|same|comparable')}\\s+)?${ci('quarter|weekend|fiscal year')}|(?<=${ci('in|during|for|over|through|of|earlier in|later in|throughout')}\\s)${ci('the')}\\s+${ci('year|week|month')}`],
  // holidays: the lexicon's one table (text/lexicon HOLIDAYS), the one the highlights use
  ['date', `(?:${ci('last|this|next')}\\s+)?${holidayPattern(true)}`],
  ['date', `(?:${ci('the')}\\s+)?\\d{1,2}(?:st|nd|rd|th)\\s+${ci('century')}`],
  ['date', `${ci('the year-ago|the year-earlier')}\\s+(?:${ci('quarter|period|year')})|${ci('year-ago|year-earlier')}`],
  ['date', `${MOD}?(?:${ci('fiscal|financial|calendar')}\\s+(?:${ci('year')}\\s+)?)?${YEAR}(?:/\\d{2,4})?`],
  ['date', `FY\\s?'?\\d{2,4}`],
  ['date', `(?:${ci('the year')}\\s+)?${YEAR_WORDS}|(?:${ci('the year')}\\s+|(?<=${ci('in|since|by|until')}\\s))${ci('two thousand')}(?:\\s+${ci('and')})?(?:[-\\s]+${ci(`${UNITS_W}|ten|${TEENS_W}`)})?|${ci('the year')}\\s+${YEAR}`],
  ['date', `${MOD}?(?:${ci('the')}\\s+)?(?:${ci('early|mid|late')}[-\\s]+)?${ci('twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties')}`],
  ['date', `${ci('the')}\\s+(?:${ci('corresponding|comparable|same|latest|year-ago|year-earlier')}|${YEAR})\\s+(?:${ci('year-ago|year-earlier')}\\s+)?${ci('quarter|period|month')}(?:\\s+(?:${ci('a year ago|a year earlier|last year|of last year|the year before')}))?|${ci("last year's")}\\s+${ci('quarter|period')}|${ci('the')}\\s+${ci('quarter|period')}\\s+${ci('a year ago|a year earlier')}`],
  ['date', `(?:${ci('around|at|by|before|until|through')}\\s+)?(?:${ci('the')}\\s+)?${ci("year end|year's end")}|${ci('the (?:full|entire|whole) year')}`],
  ['date', `${MOD}?(?:${ci('the')}\\s+)?(?:${ci('early|mid|late')}[-\\s]+)?(?:1[6-9]|20)\\d0['’]?s|${ci('the')}\\s+['’]\\d0s`],
  ['date', `${MOD}?(?:${ci('the')}\\s+)?${SEASON}(?:\\s+(?:${ci('of')}\\s+)?${YEAR_ANY})?|${MOD}?(?:${ci('the')}\\s+)?${ci('fall')}\\s+(?:${ci('of')}\\s+)?${YEAR}`],
  ['date', `(?:${ci('about|almost|nearly|some|more than|over|just over|less than')}\\s+)?${NUM}\\s+(?:${ci('more')}\\s+)?(?:${UNIT})\\s+(?:${ci('or so')}\\s+)?${ci('ago|earlier|later|before|after|from now|hence')}`],
  ['date', `${UNIT}\\s+${ci('ago')}`],
  ['date', `${ci('now|currently|recently|nowadays|lately|at present|at the moment|these days|the past|the future|the present|in the past|in future|in the future|former|formerly|soon')}`],
  ['date', `${ci('the (?:next|following|previous|same) (?:day|morning|afternoon|evening|night|week|month|year)|that same (?:day|morning|night)|the day before|the day after|a day (?:after|before|later|earlier)|that (?:day|night|morning|evening|week|month|year)|the (?:end|beginning|start|middle) of (?:the|this|next|last) (?:week|month|year|quarter|decade)|(?:the )?(?:end|beginning|start) of the (?:week|month|year)|year-end|month-end')}`],
  // "to close the day at 3,208", "for the day": the day the text speaks of (findTimexes checks the word before).
  ['date', `${ci('the day|the (?:start|beginning) of the day')}`],
  // a two-digit year after a preposition: "the lowest since '82" (findTimexes checks the word before)
  ['date', `['’]\\d{2}(?![\\d'’%])`],
  // "the week of June 9": the week holding that day
  ['date', `${ci('the week of')}\\s+(?:${MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?|\\d{1,2}(?:st|nd|rd|th)?\\s+${MONTH})(?:${COMMA}${YEAR})?`],
  // decades in two digits: "the 70s", "the late '80s", "the 70s and 80s"
  ['date', `${ci('the')}\\s+(?:${ci('early|mid|late')}[-\\s]+)?['’]?[2-9]0s|(?<=[2-9]0s\\s+${ci('and|or|to|through')}\\s+)[2-9]0s`],
  // "the year before", "the year after" (findTimexes: not "the year before the war"), "the year previous"
  ['date', `${ci('the (?:year|month|week) (?:before|after|previous|earlier|later)')}`],
  // a part of the day the text speaks of: "in the morning", "by mid-afternoon", "in morning trading"
  ['date', `(?:(?<=${ci('in|during|by|through|throughout|until|since|from')}\\s)(?:${ci('the')}\\s+)?(?:${ci('early|late|mid')}[-\\s]?)?${ci('morning|afternoon|evening')}|${ci('(?:early|late|mid)')}[-\\s]?${ci('morning|afternoon|evening')})(?:\\s+(?:${ci('yesterday|today|tomorrow')}|${WEEKDAY}))?|${ci('morning|afternoon|midday|evening')}(?=\\s+${ci('trading|session|trade|deals')}\\b)`],
  // the future and the present as spans of time: "in the near future", "over the long term", "for the time being"
  ['date', `${ci('the (?:near|foreseeable|distant|immediate) future|the (?:near|short|medium|long) term|the time being|a later (?:date|time|stage)|as soon as possible|very soon')}`],
  // durations
  ['duration', `(?:${ci('the')}\\s+(?:${ci('past|last|next|coming|previous|first|final|following')}\\s+))?(?:${ci('about|almost|nearly|some|more than|over|just over|less than|at least|up to')}\\s+)?${NUM}(?:\\s+${ci('and a half')})?(?:\\s+${ci('to|or')}\\s+${NUM})?\\s+(?:${ci('more|full|straight|consecutive|trading|business|working')}\\s+)?(?:${UNIT})(?:\\s+${ci('and a half')})?`],
  ['duration', `${NUM}-(?:${ci('second|minute|hour|day|night|week|month|quarter|year|decade')})(?:-${ci('long|old')})?`],
  ['duration', `(?<=${ci('for|over|in|within|during|take|takes|took|last|lasted')}\\s)(?:${ci('recent')}\\s+)?${ci('seconds|minutes|hours|days|weeks|months|years|decades|ages')}`],
  ['duration', `${ci('the')}\\s+(?:${ci('past|last|next|coming')})\\s+(?:${ci('few|several')}\\s+)?${ci('days|weeks|months|years|decades')}|${ci('recent|coming')}\\s+${ci('days|weeks|months|years|quarters')}`],
  // sets
  ['set', `${ci('every|each')}\\s+(?:${ci('other')}\\s+)?(?:${NUM}\\s+)?(?:${UNIT}|${WEEKDAY}s?)`],
  ['set', `${ci('daily|weekly|monthly|quarterly|annually|yearly|hourly|nightly|biweekly|fortnightly')}`],
  ['set', `(?:${ci('once|twice|thrice')}|${NUM}\\s+${ci('times')})\\s+(?:${ci('a|per|each|every')})\\s+(?:${UNIT})`],
  ['set', `${WEEKDAY}s`],
];

// The word-start condition is checked by findTimexes, not by the regex: a pattern that opens with a lookbehind
// runs it at every position of the text, about three times the cost of the pattern itself. Same matches.
const COMPILED = PATTERNS.map(([kind, p]) => [kind, new RegExp(`(?:${p})${E}`, 'gu'), p] as const);
/**
 * The same patterns behind `\b`, tried only where a word starts (a quarter cheaper: most positions of a text are
 * inside words). A pattern whose first character is an ASCII letter or digit (all but the one that opens with an
 * apostrophe, "'82") has `\b` at every match findTimexes keeps (not after a letter or digit) unless an underscore
 * comes before it: for a text without underscores these give the same matches, and findTimexes uses COMPILED for
 * the others.
 */
const COMPILED_AT_WORD = PATTERNS.map(([kind, p]) => [kind, /^\[['’]/.test(p) ? new RegExp(`(?:${p})${E}`, 'gu') : new RegExp(`\\b(?:${p})${E}`, 'gu'), p] as const);
/** The same pattern anchored at the start of a string (compiled when first needed). */
const ANCHORED = new Map<string, RegExp>();
const anchored = (p: string) => ANCHORED.get(p) ?? ANCHORED.set(p, new RegExp(`^(?:${p})${E}`, 'u')).get(p)!;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
/** A letter or digit ends right before `at` (what B forbids). */
function afterLetterOrDigit(text: string, at: number): boolean {
  if (at === 0) return false;
  const c = text.charCodeAt(at - 1);
  const pair = c >= 0xdc00 && c <= 0xdfff && at >= 2 && text.charCodeAt(at - 2) >= 0xd800 && text.charCodeAt(at - 2) <= 0xdbff;
  const ch = pair ? text.slice(at - 2, at) : text[at - 1];
  return LETTER_OR_DIGIT.test(ch);
}

/** Words that make a bare four-digit number a quantity, not a year. */
const NOT_YEAR_AFTER = /^\s*(?:%|percent|per cent|people|troops|soldiers|men|women|children|tonnes|tons|barrels|shares|dollars|feet|metres|meters|km|kilometres|miles|votes|cars|units|jobs|workers|deaths|rooms|beds|points|yards|acres|hectares|cases|[-–]\d)/i;

/** The words before a bare "the day" that make it a day of the text ("to end the day", "for the day", "late in the day"). */
const DAY_BEFORE = /\b(?:end|ends|ended|ending|finish|finishes|finished|finishing|close|closes|closed|closing|start|started|starting|open|opened|opening|for)\s+$/i;
/** A dateline: a line that is only a date ("September 18, 2008", "18 Sept. 2008", "2008-09-18"). */
const DATELINE = new RegExp(`^[^\\S\\n]*(?:${WEEKDAY}${COMMA})?(?:${MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?${COMMA}${YEAR}|\\d{1,2}(?:st|nd|rd|th)?\\s+${MONTH}${COMMA}${YEAR}|\\d{4}-\\d{2}-\\d{2})[^\\S\\n]*(?:\\n|$)`);
/** The line break at `at` ends a block: a blank line follows, or the next line is a dateline. */
function crossesBlock(text: string, at: number): boolean {
  const next = text.slice(at + 1, at + 60);
  return /^[^\S\n]*\n/.test(next) || DATELINE.test(next);
}
/** Every temporal expression of `text` (longest match wins where patterns overlap), in text order. */
/** A lower-case word after a season that makes it a noun modifier: not a function word, a verb, an event or a time noun. */
const SEASON_NOUN_AFTER = /^[ \t]+(?!(?:of|in|on|at|to|for|from|by|with|and|or|but|nor|so|yet|when|while|as|after|before|until|since|if|that|which|who|the|a|an|this|these|those|he|she|it|they|we|you|i|is|was|were|are|be|been|will|would|could|should|may|might|must|can|has|had|have|did|does|do|not|also|there|here|holidays?|break|recess|vacation|months?|season|solstice|equinox|term|session|semester|quarter|period|time|heat|sun|rains?|ahead|approaches|arrives|begins|ends|comes|meetings?|sessions?|conference|summit|talks|elections?|games|olympics|festival|offensive|campaign|tour|sales?|storms?|floods?|harvest|schedule|collection|show|[\p{Ll}]+s)\b)[\p{Ll}][\p{Ll}-]+\b/u;

export function findTimexes(text: string): TimexSpan[] {
  const found: TimexSpan[] = [];
  for (const [kind, re, p] of text.includes('_') ? COMPILED : COMPILED_AT_WORD) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      let t = m[0];
      let start = m.index;
      if (afterLetterOrDigit(text, start)) {
        // Not a word start: look again from the next character, as the lookbehind would have.
        re.lastIndex = start + ((text.codePointAt(start) ?? 0) > 0xffff ? 2 : 1);
        continue;
      }
      if (!t) {
        re.lastIndex++;
        continue;
      }
      // An expression runs across a line break only inside a paragraph (hard-wrapped "on Sept.\n25"): not across a
      // blank line, nor into a dateline below a headline ("closed until Friday\nSeptember 18, 2008"). There it is
      // matched again within its line.
      const nl = t.indexOf('\n');
      if (nl >= 0 && crossesBlock(text, start + nl)) {
        const within = anchored(p).exec(text.slice(start, start + nl));
        re.lastIndex = start + (within?.[0].length || 1);
        if (!within?.[0]) continue;
        t = within[0];
      }
      // A year that counts something ("2000 troops", "$1990"), or a number in a list, is not a date.
      if (kind === 'date' && /^(?:\d{4}|nineteen[-\s]\S+)$/i.test(t) && (NOT_YEAR_AFTER.test(text.slice(start + 4, start + 20)) || /[$£€#]\s*$|\d[,.]$/.test(text.slice(Math.max(0, start - 2), start)))) continue;
      // Weekday/month abbreviations need their dot; "May" needs to look like a month ("May 5", "in May", "last May").
      if (/^May$/.test(t) && !/\b(?:in|of|since|until|by|early|late|mid|last|next|this|during|from|to|through)\s*$/i.test(text.slice(Math.max(0, start - 12), start)) && !/^\s*\d/.test(text.slice(start + 3, start + 6))) continue;
      if (/^(?:March|Mar\.)$/.test(t) && !/\b(?:in|of|since|until|by|early|late|mid|last|next|this|during|from|to|through)\s*$/i.test(text.slice(Math.max(0, start - 12), start))) continue;
      if (/^(?:the past|the future|the present|former|formerly|soon|in the past|in future|in the future)$/i.test(t) && kind === 'date') {
        // Only as a time reference: "in the past", "the future of …" is not.
        if (/^(?:former|formerly|soon)$/i.test(t)) continue;
        if (/^\s+of\b/.test(text.slice(start + t.length, start + t.length + 4))) continue;
      }
      // "a day", "a year": only with a verb of duration or after "for".
      if (kind === 'duration' && /^(?:an?|some|many|few)\s/i.test(t) && !/\b(?:for|over|in|within|during|than|about|after|nearly|almost|last|lasted|took|takes|spent)\s+$/i.test(text.slice(Math.max(0, start - 10), start))) {
        if (/^(?:an?)\s+(?:day|week|month|year|decade)$/i.test(t)) continue;
      }
      if (kind === 'date' && /^the day$/i.test(t) && !DAY_BEFORE.test(text.slice(Math.max(0, start - 12), start))) continue;
      // A season that modifies a thing after a possessive or an article ("his summer house", "a winter coat") is
      // no date; a season that dates an event ("its winter meetings", "the summer holidays"), a season that does
      // something ("spring brings new orders"), "this summer when …" and "summer 2031" are.
      if (kind === 'date' && /^(?:spring|summer|autumn|winter)$/i.test(t) && /\b(?:her|his|their|its|our|my|your|a|an)\s+$/i.test(text.slice(Math.max(0, start - 7), start)) && SEASON_NOUN_AFTER.test(text.slice(start + t.length, start + t.length + 24))) continue;
      if (/^['’]\d{2}$/.test(t) && !/\b(?:since|in|from|until|till|through|by|before|after|of)\s+$/i.test(text.slice(Math.max(0, start - 8), start))) continue;
      // "the day after falling 250 points": the day, then a clause ("after falling"), not the next day.
      if (/^the day (?:before|after)$/i.test(t) && /^\s+\p{L}+ing\b/u.test(text.slice(start + t.length, start + t.length + 20))) continue;
      // "the year before the war": counted from an event, not from a date the text names; "the year before." is.
      if (/^the (?:year|month|week) (?:before|after)$/i.test(t) && /^\s+["“'‘(]?[\p{L}\d]/u.test(text.slice(start + t.length, start + t.length + 4))) continue;
      // A person's age ("a 6-year-old boy", "62-year-olds") is no time of the report (the age of a thing, "an
      // 8-month-old truce", "a years-old slump", is a duration); nor is a quarterly dividend.
      if (kind === 'duration' && (/\d-year-old$|[a-z]-year-old$/i.test(t) || (/-year$/i.test(t) && /^-olds?\b/i.test(text.slice(start + t.length, start + t.length + 6))))) continue;
      if (kind === 'set' && /^quarterly$/i.test(t) && /^\s+\p{Ll}/u.test(text.slice(start + t.length, start + t.length + 3))) continue;
      // "a second consecutive day", "a second term": an ordinal, not a duration of one second.
      if (kind === 'duration' && /^(?:an?|one) second$/i.test(t) && /^\s+(?!ago\b|later\b|earlier\b|or\b|and\b|before\b|after\b)\p{L}/u.test(text.slice(start + t.length, start + t.length + 12))) continue;
      t = t.replace(/[\s,]+$/, '');
      // "three years after the merger", "two days before it closed": a duration measured from an event the text
      // names (TIMEX3: the amount is the timex, "after" its signal), not a date counted from the report date.
      // "two days before," / "a week after." keep their date.
      const measured = kind === 'date' && /^(?!the\b)(.+?)\s+(?:more\s+)?(?:before|after)$/i.exec(t);
      if (measured && /^\s+["“'‘(]?[\p{L}\d$]/u.test(text.slice(start + t.length, start + t.length + 4))) {
        found.push({ start, end: start + measured[1].length, text: measured[1], kind: 'duration' });
        continue;
      }
      found.push({ start, end: start + t.length, text: t, kind });
    }
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: TimexSpan[] = [];
  for (const f of found) {
    const last = out[out.length - 1];
    if (last && f.start < last.end) {
      // Longest wins; on a tie the earlier pattern (more specific) stays.
      if (f.end - f.start > last.end - last.start && f.start === last.start) out[out.length - 1] = f;
      else if (f.end > last.end && f.end - f.start > last.end - last.start) out[out.length - 1] = f;
      continue;
    }
    out.push(f);
  }
  return out;
}

// ------------------------------------------------------------------ tense of the governing verb
const PAST_IRREGULAR = new Set(
  'was were had did said told met went came took gave made got found left held kept began brought bought caught thought felt saw ran stood sat fell won lost paid sent spent built led fought flew knew rose struck shot hit put set cut quit read sought drove wrote broke spoke chose froze hid stole swore tore wore beat bit ate drew grew threw blew rang sang sank swam became forgave forgot overcame withdrew arose awoke bound bred dealt dug fed fled flung forbade hung heard laid lay lent lit meant mistook overtook proved rode sold shook shone slid sprang stuck stung strove swept swung taught understood undertook upheld upset wept wound slept sped woke drank shrank spun been'.split(' '),
);
const PRESENT = new Set('is are am says say has have does do remains seems'.split(' '));
const NOT_VERB_ED = new Set('need speed seed feed bed red shed bleed breed deed steed weed hundred indeed led'.split(' '));
/** Past forms that announce something still to come ("planned a rally on Saturday", "a summit set for April"). */
const PLANNING = /^(?:planned|scheduled|expected|slated|due|set)$/;
/** Words right before a date that put it ahead (finance: "payable Dec. 7", "of record Nov. 22", "effective Feb. 1"). */
const AHEAD_CUE = /^(?:payable|effective|record)$/;

interface Token {
  w: string;
  s: number;
  /** Capitalised inside the sentence: a name ("United States"), never the verb. */
  name: boolean;
}
let lastTokens: { text: string; tokens: Token[] } | undefined;
/** Words and clause marks of a sentence (the last one is kept: a sentence's expressions are read one after another). */
function tokenize(sentence: string): Token[] {
  if (lastTokens?.text === sentence) return lastTokens.tokens;
  const tokens: Token[] = [];
  const re = /[A-Za-z\u00C0-\u024F'’]+|[,;:]/g;
  for (let m = re.exec(sentence); m; m = re.exec(sentence)) tokens.push({ w: m[0].toLowerCase(), s: m.index, name: tokens.length > 0 && /^[A-Z]/.test(m[0]) && /[a-z]/.test(m[0]) });
  lastTokens = { text: sentence, tokens };
  return tokens;
}

/**
 * The tense that governs a temporal expression at [at, end) of `sentence`: the nearest verb in its clause,
 * future when a modal or a word of planning governs it ("would appear in court on Saturday", "is due on Monday",
 * "planned a rally on Saturday"), past after "since" or a perfect ("had been due to expire Friday"). An expression
 * that opens the sentence ("On Tuesday, the league plans …") takes the verb after its comma.
 */
export function tenseAt(sentence: string, at: number, end = at): Tense | undefined {
  const tokens = tokenize(sentence);
  const classify = (i: number): Tense | undefined => {
    const w = tokens[i].w;
    if (/^[,;:]$/.test(w) || tokens[i].name) return undefined;
    const prev = (k: number) => tokens[i - k]?.w ?? '';
    const perfect = () => prev(1) === 'had' || (prev(1) === 'been' && prev(2) === 'had');
    if (/^(?:will|shall|'ll|’ll)$/.test(w)) return 'future';
    // An auxiliary takes the tense of the planning word it carries: "were planning to drive", "was expected to".
    if (/^(?:is|are|was|were|be|been)$/.test(w) && (PLANNING.test(tokens[i + 1]?.w ?? '') || /^(?:planning|going)$/.test(tokens[i + 1]?.w ?? '')) && !perfect()) return 'future';
    if (PLANNING.test(w) || /^(?:upcoming|planning)$/.test(w)) {
      // "had been due to expire Friday" is over; "a summit set for April", "planned a rally" are ahead.
      if (perfect()) return 'past';
      if (w !== 'set' || /^(?:for|to)$/.test(tokens[i + 1]?.w ?? '')) return 'future';
    }
    // "-ed" after a determiner or a degree word is an adjective: "a still unspecified date", "the planned merger".
    const adjective = /^(?:a|an|the|its|his|her|their|our|this|that|these|those|some|any|no|still|very|more|most|less|least|well|so|too|as|newly|recently)$/.test(prev(1));
    if (PAST_IRREGULAR.has(w) || (/^[a-z]+ed$/.test(w) && !NOT_VERB_ED.has(w) && !adjective)) {
      // "will be held", "would be charged", "should be completed", "is expected": the modal governs; "should
      // have been completed" is over.
      for (let k = 1; k <= 3; k++) {
        if (/^(?:will|would|shall|'ll|’ll)$/.test(prev(k))) return 'future';
        // ("could" is also the past of "can": "could not be located Wednesday")
        if (/^(?:should|must|might)$/.test(prev(k))) return prev(1) === 'have' || prev(2) === 'have' ? 'past' : 'future';
      }
      if (/^(?:has|have)$/.test(prev(1)) || /^(?:has|have)$/.test(prev(2))) return 'past';
      if (/^(?:is|are|be)$/.test(prev(1))) return 'present';
      return 'past';
    }
    if (/^(?:would|could|might|should)$/.test(w)) return 'future';
    if (PRESENT.has(w)) return 'present';
    // A base verb after a modal: "would appear"; after "to" when planning governs it: "is due to meet", "is to resume".
    if (/^(?:will|would|shall|should|'ll|’ll)$/.test(prev(1)) && /^[a-z]+$/.test(w)) return 'future';
    if (prev(1) === 'to' && PLANNING.test(prev(2)) && (prev(3) === 'had' || (prev(3) === 'been' && prev(4) === 'had'))) return 'past';
    if (prev(1) === 'to' && /^(?:is|are|due|scheduled|expected|expects?|set|plans?|planned|planning|going|intends?|intended|agreed|hopes?|hoped|wants?|wanted|decided|promised|vowed|pledged|ready|prepared|poised|likely|able|seeks?|sought|aims?|aimed)$/.test(prev(2)) && /^[a-z]+$/.test(w)) return 'future';
    return undefined;
  };
  let first = tokens.findIndex((t) => t.s >= at);
  if (first < 0) first = tokens.length;
  let last = tokens.findIndex((t) => t.s >= end);
  if (last < 0) last = tokens.length;
  // "Wednesday's ruling", "Saturday night's debate": an event the text refers back to; "ahead of Sunday's
  // election" is still to come.
  if (/^['’]s\b/.test(sentence.slice(end, end + 3)) && /day\b|night\b|morning\b|evening\b|afternoon\b/i.test(sentence.slice(at, end))) {
    return /\bahead of\s+$/i.test(sentence.slice(Math.max(0, at - 12), at)) ? 'future' : 'past';
  }
  // The word right before the expression: "since" looks back, "payable" and "of record" look ahead.
  const before = tokens[first - 1]?.w ?? '';
  if (before === 'since') return 'past';
  if (AHEAD_CUE.test(before) || (before === 'of' && tokens[first - 2]?.w === 'record')) return 'future';
  // A date the subject is: "The deadline is Monday", "The vote is on Sunday", "The election is in November".
  if (/^(?:is|are)$/.test(before) || (/^(?:on|in)$/.test(before) && /^(?:is|are)$/.test(tokens[first - 2]?.w ?? ''))) return 'future';
  let best: { d: number; t: Tense } | undefined;
  // Before the expression, then after it, not crossing a clause mark more than once.
  let marks = 0;
  let words = 0;
  for (let i = first - 1; i >= 0 && first - i <= 12; i--) {
    if (/^[,;:]$/.test(tokens[i].w) && ++marks > 1) break;
    if (!/^[,;:]$/.test(tokens[i].w)) words++;
    const t = classify(i);
    if (t) {
      best = { d: first - i, t };
      break;
    }
  }
  // An expression that opens the sentence ("In January, …", "On Tuesday, …") reads the verb after its comma.
  const opening = words <= 1 && !best;
  marks = 0;
  for (let i = last; i < tokens.length && i - last < (opening ? 12 : 8); i++) {
    if (/^[,;:]$/.test(tokens[i].w) && ++marks > (opening && i === last ? 1 : 0)) break;
    // A new clause ends the search; "and" inside a name ("the Arms and Trade Office") does not.
    if (/^(?:but|while|whereas|although)$/.test(tokens[i].w) || (tokens[i].w === 'and' && !(tokens[i - 1]?.name && tokens[i + 1]?.name))) break;
    const t = classify(i);
    if (t) {
      // A verb before the expression governs it more often than one after: count the distance double.
      if (!best || 2 * (i - last + 1) < best.d) best = { d: 2 * (i - last + 1), t };
      break;
    }
  }
  // "until Friday", "till June": a deadline or the end of a state, ahead in news whatever the verb's tense ("has
  // extended the offer until", "postponed until Tuesday", "to remain closed until"); not "not until", "up until",
  // nor a past perfect ("Until Thursday, they had not named him").
  if (/^(?:until|till)$/.test(before) && !/^(?:not|up)$/.test(tokens[first - 2]?.w ?? '') && !tokens.some((t) => t.w === 'had' && Math.abs(t.s - at) < 80)) return 'future';
  // The same through a time of day: "until 9 a.m. Tuesday", "by noon Friday" is a deadline.
  if (UNTIL_TIME.test(sentence.slice(Math.max(0, at - 40), at)) && !tokens.some((t) => t.w === 'had' && Math.abs(t.s - at) < 80)) return 'future';
  if (best) return best.t;
  // No verb with a tense of its own: a verb in the simple present heading the clause ("The talks resume on Monday",
  // "the festival, which opens Saturday", "On Tuesday, ministers meet in Brussels") tells of a scheduled event: news
  // reports what is past in the past tense. Read only where nothing else governs (see presentSimple).
  // A past verb elsewhere in the sentence makes it a narrative ("The simultaneous attacks Aug. 7 at the embassies
  // ... killed 257"), unless it only reports the sentence (", officials said").
  const narrative = tokens.some((t, i) => classify(i) === 'past' && !(REPORTING.test(t.w) && tokens.slice(Math.max(0, i - 3), i).some((x) => x.w === ',')));
  // A headline (its line ends without a full stop) tells past news in the present: "Markets tumble on Monday".
  const lineEnd = sentence.indexOf('\n', end);
  const headline = !/[.!?]["'’”)]*\s*$/.test(sentence.slice(end, lineEnd < 0 ? sentence.length : lineEnd));
  if (!narrative && !headline && presentSimple(sentence, tokens, first, last)) return 'future';
  return undefined;
}

const REPORTING = /^(?:said|told|added|stated|announced|reported|noted|explained|wrote)$/;
/** "until 9 a.m.", "by noon", "until 5 p.m. EST," right before an expression. */
const UNTIL_TIME = /\b(?:until|till|by)\s+(?:\d{1,2}(?:[:.]\d{2})?\s*[aApP]\.?[mM]\.?(?:\s+[A-Z]{2,4})?|noon|midnight)[\s,]*$/;
/** Words that are never the verb of a simple-present clause, nor the head noun before it. */
const NOT_PRESENT_VERB = new Set(
  'the a an this that these those its his her their our my your some any no all both each every other another such own same first last next new more most many much few several one two three four five six seven eight nine ten of in on at to for from by with about into over under after before since until till during through against among between as than and or but nor so yet not also still just only even now then there here when while where which who whom whose what why how if because although though unless whether is are was were be been being am has have had do does did will would shall should can could may might must says say tells tell adds add notes note reports according'.split(' '),
);
const DETERMINER = /^(?:the|a|an|this|that|these|those|its|his|her|their|our|my|your|each|every|no)$/;
/** Function words that may stand inside a subject before its verb ("the next round", "two other teams"). */
const IN_NOUN_PHRASE = /^(?:next|new|first|last|same|other|more|most|many|few|several|one|two|three|four|five|six|seven|eight|nine|ten|own)$/;
/** A word that can be a plural noun (subject of a base-form verb: "the talks resume", "voters go"). */
const PLURAL = (w: string) => /[^su's]s$/.test(w) && w.length > 3;
/** A word that can be a third-person verb ("meets", "opens", "takes"), not "-ss", "-us", "-is". */
const THIRD_PERSON = (w: string) => /[^su'i]s$/.test(w) && w.length > 3;
const BASE_VERB = (w: string) => /^[a-z]{2,}$/.test(w) && !/(?:s|ed|ing|ly)$/.test(w);

/**
 * Whether the clause of an expression is headed by a verb in the simple present: a subject (a pronoun, or a noun
 * phrase of up to four words at the clause start, optionally with "of": "The next round of talks begins") and a
 * verb agreeing with it ("The minister meets", "Ministers gather", "they meet", "which opens"). The clause is the one
 * holding the expression, or, when the expression opens its sentence, the clause after it. A clause never crosses a
 * comma, a number or a line break (a headline above a dateline is another clause).
 */
function presentSimple(sentence: string, tokens: Token[], first: number, last: number): boolean {
  const boundary = (i: number) => i <= 0 || i >= tokens.length || /^[,;:]$/.test(tokens[i - 1].w) || /\d{4}|\n/.test(sentence.slice(tokens[i - 1].s + tokens[i - 1].w.length, tokens[i].s));
  const clauseAt = (from: number, to: number): boolean => {
    const i = from + (from < to && DETERMINER.test(tokens[from].w) ? 1 : 0);
    if (from < to && /^(?:which|that|who|he|she|it)$/.test(tokens[from].w)) return from + 1 < to && THIRD_PERSON(tokens[from + 1].w) && !NOT_PRESENT_VERB.has(tokens[from + 1].w);
    if (from < to && /^(?:they|we|you|i)$/.test(tokens[from].w)) return from + 1 < to && BASE_VERB(tokens[from + 1].w) && !NOT_PRESENT_VERB.has(tokens[from + 1].w);
    // The subject's words, then the verb: "The next round of the cup | begins".
    let words = 0;
    let of = false;
    for (let k = i; k < to && k < i + 8; k++) {
      const v = tokens[k];
      if (/^[,;:]$/.test(v.w)) return false;
      if (v.w === 'of' && words > 0) {
        of = true;
        if (DETERMINER.test(tokens[k + 1]?.w ?? '')) k++;
        continue;
      }
      if (words > 0 && !v.name && !NOT_PRESENT_VERB.has(v.w)) {
        const head = tokens[k - 1].w;
        if (THIRD_PERSON(v.w) && (!PLURAL(head) || of)) return true;
        if (BASE_VERB(v.w) && PLURAL(head)) return true;
      }
      if (NOT_PRESENT_VERB.has(v.w) && !IN_NOUN_PHRASE.test(v.w)) return false;
      words++;
    }
    return false;
  };
  // The clause before the expression: back to its start.
  let start = first;
  while (start > 0 && !boundary(start) && first - start < 10) start--;
  if (first > start && boundary(start) && clauseAt(start, first)) return true;
  // An expression that opens its sentence or clause: the clause after it ("On Tuesday, ministers meet").
  if (start === first || (first - start <= 1 && boundary(start))) {
    let j = last;
    if (tokens[j]?.w === ',') j++;
    let end = j;
    while (end < tokens.length && end - j < 10 && !/^[,;:]$/.test(tokens[end].w)) end++;
    if (j < end && clauseAt(j, end)) return true;
  }
  return false;
}

// ------------------------------------------------------------------ normalisation
const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12,
};
const monthOf = (s: string) => MONTHS[s.toLowerCase().slice(0, 3)];
const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const NUMBERS: Record<string, number> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20, thirty: 30, forty: 40,
  fifty: 50, sixty: 60, 'a hundred': 100, 'a dozen': 12, 'a couple of': 2, couple: 2, dozen: 12,
};
const numberOf = (s: string): number | undefined => {
  const t = s.toLowerCase().trim();
  if (/^\d+(?:\.\d+)?$/.test(t)) return +t;
  if (t in NUMBERS) return NUMBERS[t];
  const m = /^(twenty|thirty|forty|fifty|sixty)[- ](one|two|three|four|five|six|seven|eight|nine)$/.exec(t);
  return m ? NUMBERS[m[1]] + NUMBERS[m[2]] : undefined;
};

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const ymd = (y: number, m: number, d: number) => `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
const utc = (s: string) => new Date(`${s.slice(0, 10)}T00:00:00Z`);
const iso = (d: Date) => d.toISOString().slice(0, 10);
const addDays = (s: string, n: number) => {
  const d = utc(s);
  d.setUTCDate(d.getUTCDate() + n);
  return iso(d);
};
const daysIn = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
const validDay = (y: number, m: number, d: number) => m >= 1 && m <= 12 && d >= 1 && d <= daysIn(y, m);

/** ISO 8601 week of a day: [year, week]. */
export function isoWeek(s: string): [number, number] {
  const d = utc(s);
  const day = (d.getUTCDay() + 6) % 7;
  d.setUTCDate(d.getUTCDate() - day + 3);
  const y = d.getUTCFullYear();
  const jan4 = new Date(Date.UTC(y, 0, 4));
  const w = 1 + Math.round(((d.getTime() - jan4.getTime()) / 86400000 - 3 + ((jan4.getUTCDay() + 6) % 7)) / 7);
  return [y, w];
}
const mondayOf = (s: string) => addDays(s, -((utc(s).getUTCDay() + 6) % 7));
const weekValue = (s: string, suffix = '') => {
  const [y, w] = isoWeek(s);
  const mon = mondayOf(s);
  return { value: `${y}-W${pad(w)}${suffix}`, date: suffix ? addDays(mon, 5) : mon, endDate: addDays(mon, 6) };
};

const dayV = (date: string, relative: boolean, part?: string): TimexValue => {
  const parts: Record<string, string> = { morning: 'MO', afternoon: 'AF', evening: 'EV', night: 'NI', tonight: 'NI' };
  if (part && parts[part]) return { kind: 'time', value: `${date}T${parts[part]}`, date, granularity: 'part-of-day', relative };
  return { kind: 'date', value: date, date, granularity: 'day', relative };
};
const monthV = (y: number, m: number, relative: boolean): TimexValue => ({
  kind: 'date', value: `${pad(y, 4)}-${pad(m)}`, date: ymd(y, m, 1), endDate: ymd(y, m, daysIn(y, m)), granularity: 'month', relative,
});
const yearV = (y: number, relative: boolean): TimexValue => ({ kind: 'date', value: pad(y, 4), date: ymd(y, 1, 1), endDate: ymd(y, 12, 31), granularity: 'year', relative });
const quarterV = (y: number, q: number, relative: boolean): TimexValue => ({
  kind: 'date', value: `${pad(y, 4)}-Q${q}`, date: ymd(y, q * 3 - 2, 1), endDate: ymd(y, q * 3, daysIn(y, q * 3)), granularity: 'range', relative,
});
const halfV = (y: number, h: number, relative: boolean): TimexValue => ({
  kind: 'date', value: `${pad(y, 4)}-H${h}`, date: ymd(y, h === 1 ? 1 : 7, 1), endDate: h === 1 ? ymd(y, 6, 30) : ymd(y, 12, 31), granularity: 'range', relative,
});
const SEASONS: Record<string, [string, number, number]> = { spring: ['SP', 3, 5], summer: ['SU', 6, 8], autumn: ['FA', 9, 11], fall: ['FA', 9, 11], winter: ['WI', 12, 2] };
const seasonV = (y: number, name: string, relative: boolean): TimexValue => {
  const [code, a, b] = SEASONS[name];
  return { kind: 'date', value: `${pad(y, 4)}-${code}`, date: ymd(y, a, 1), endDate: b < a ? ymd(y + 1, b, daysIn(y + 1, b)) : ymd(y, b, daysIn(y, b)), granularity: 'range', relative };
};
const ref = (value: string): TimexValue => ({ kind: 'date', value, granularity: 'unknown', relative: true });

const UNIT_CODE: Record<string, string> = { second: 'S', minute: 'M', hour: 'H', day: 'D', night: 'D', week: 'W', fortnight: 'W', month: 'M', quarter: 'Q', year: 'Y', decade: 'DE', century: 'CE', weekend: 'WE' };
const unitOf = (s: string) => {
  const u = s.toLowerCase().replace(/ies$/, 'y').replace(/s$/, '');
  return u in UNIT_CODE ? u : undefined;
};

const WORD_NUMBER: Record<string, number> = Object.fromEntries(
  [...UNITS_W.split('|'), 'ten', ...TEENS_W.split('|')].map((w, i) => [w, i + 1]).concat(TENS_W.split('|').map((w, i) => [w, 10 * (i + 1)])),
);
/** Years and decades in words to figures: "nineteen ninety-six" → "1996", "the year two thousand" → "2000", "the nineties" → "the 1990s". */
function yearsInFigures(t: string): string {
  return t
    .replace(/\bnineteen[- ](hundred|[a-z]+)(?:[- ]([a-z]+))?\b/g, (m, a: string, b?: string) => {
      if (a === 'hundred') return '1900';
      const tens = WORD_NUMBER[a];
      if (tens === undefined) return m;
      const unit = b ? WORD_NUMBER[b] : 0;
      if (unit === undefined || unit > 9 || (b && tens % 10)) return m;
      return String(1900 + tens + unit);
    })
    .replace(/\b(?:the year )?two thousand(?: and)?(?:[- ]([a-z]+))?\b/g, (m, b?: string) => (b && WORD_NUMBER[b] === undefined ? m : String(2000 + (b ? WORD_NUMBER[b] : 0))))
    .replace(/^the year (\d{4})$/, '$1')
    .replace(/\b(twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)\b/, (_m, d: string) => `19${WORD_NUMBER[d.replace(/ies$/, 'y')] / 10}0s`);
}

export interface TimexContext {
  /** The report date, YYYY-MM-DD. */
  dct?: string;
  tense?: Tense;
  /** The last day-level date of the text before this expression (for "the next day"). */
  anchor?: string;
  /**
   * The quarter the text reports on (its last named quarter, "1989-Q3"): in an earnings report "a year ago",
   * "the year-ago period" and "the latest period" speak of that quarter (TimeBank convention).
   */
  quarter?: string;
  /** The last year the text named outright (for "that year", "the following year", "later that year"). */
  year?: number;
  /** The last month the text named, YYYY-MM (for "that month", "the following month"). */
  month?: string;
  /** A month named earlier in the same sentence, YYYY-MM ("sales rose in February from the same period last year"). */
  sentenceMonth?: string;
  /** A year named earlier in the same sentence ("down to $3 million last year from $4 million the year before"). */
  sentenceYear?: number;
}

/**
 * TIMEX3 value of one expression. Undefined when the expression is not understood (the caller may try another
 * resolver); durations and sets get their own kinds and no calendar date.
 */
export function normaliseTimex(expr: string, kind: TimexKind, ctx: TimexContext): TimexValue | undefined {
  let t = expr.toLowerCase().replace(/\s+/g, ' ').replace(/[’]/g, "'").trim();
  if (kind === 'date') t = yearsInFigures(t);
  const dct = ctx.dct;
  const Y = dct ? +dct.slice(0, 4) : undefined;
  const Mo = dct ? +dct.slice(5, 7) : undefined;
  const tense = ctx.tense;

  // ---- durations and sets
  if (kind === 'set') {
    const wd = WEEKDAYS.findIndex((w) => new RegExp(`\\b${w}[a-z]*days?\\b`).test(t));
    if (wd >= 0) return { kind: 'set', value: `XXXX-WXX-${wd === 0 ? 7 : wd}`, granularity: 'unknown', relative: false };
    const adv: Record<string, string> = { daily: 'P1D', nightly: 'P1D', weekly: 'P1W', monthly: 'P1M', quarterly: 'P1Q', annually: 'P1Y', yearly: 'P1Y', hourly: 'PT1H', biweekly: 'P2W', fortnightly: 'P2W' };
    if (adv[t]) return { kind: 'set', value: adv[t], granularity: 'unknown', relative: false };
    const u = /(second|minute|hour|day|night|week|fortnight|month|quarter|year|decade|weekend)/.exec(t);
    const n = /every (?:other )?(\S+) /.exec(t);
    const k = n ? numberOf(n[1]) ?? 1 : /other/.test(t) ? 2 : 1;
    if (u) return { kind: 'set', value: `P${/second|minute|hour/.test(u[1]) ? 'T' : ''}${k}${UNIT_CODE[u[1]]}`, granularity: 'unknown', relative: false };
    return { kind: 'set', value: 'SET', granularity: 'unknown', relative: false };
  }
  if (kind === 'duration') {
    const m = /(?:^|\s|-)(\d+(?:\.\d+)?|[a-z]+(?:[- ][a-z]+)?)(?: and a half)?[- ](?:more |full |straight |consecutive |trading |business |working )?(seconds?|minutes?|hours?|days?|nights?|weeks?|fortnights?|months?|quarters?|years?|decades?|centur(?:y|ies)|weekends?)\b/.exec(t);
    const bare = /^(?:the (?:past|last|next|coming) (?:few |several )?|recent |coming |ages)?(seconds|minutes|hours|days|weeks|months|years|decades|quarters)?$/.exec(t);
    let n: number | undefined;
    let unit: string | undefined;
    if (m) {
      unit = unitOf(m[2]);
      const words = m[1].split(/[- ]/);
      n = numberOf(m[1]) ?? numberOf(words[words.length - 1]);
      if (/\b(?:few|several|many|some|couple)\b/.test(m[1])) n = undefined;
    } else if (bare?.[1]) unit = unitOf(bare[1]);
    if (!unit) return { kind: 'duration', value: 'PXX', granularity: 'unknown', relative: false };
    const code = UNIT_CODE[unit];
    const time = /second|minute|hour/.test(unit);
    let value = `P${time ? 'T' : ''}${n !== undefined ? (Number.isInteger(n) ? n : n) : 'X'}${code}`;
    if (code === 'DE') value = n !== undefined ? `P${n * 10}Y` : 'P1DE';
    if (code === 'CE') value = n !== undefined ? `P${n * 100}Y` : 'P1CE';
    if (unit === 'fortnight') value = n !== undefined ? `P${n * 2}W` : 'PXW';
    if (/and a half/.test(t) && n !== undefined) value = `P${time ? 'T' : ''}${n + 0.5}${code}`;
    return { kind: 'duration', value, granularity: 'unknown', relative: false };
  }

  // ---- times
  if (kind === 'time') {
    const isoT = /^(\d{4}-\d{2}-\d{2})[t ](\d{2}):(\d{2})/.exec(t);
    if (isoT) return { kind: 'time', value: `${isoT[1]}T${isoT[2]}:${isoT[3]}`, date: isoT[1], time: `${isoT[2]}:${isoT[3]}`, granularity: 'time', relative: false };
    let h: number | undefined;
    let mi = 0;
    const clock = /^(\d{1,2})[:.](\d{2})(?::\d{2})?\s*(?:([ap])\.?m\.?)?/.exec(t);
    const hourOnly = /^(\d{1,2})\s*([ap])\.?m\.?/.exec(t);
    const military = /^(\d{2})(\d{2})\s*(?:z|gmt|utc|hrs|hours)\b/.exec(t);
    if (military) {
      h = +military[1];
      mi = +military[2];
    } else if (clock) {
      h = +clock[1];
      mi = +clock[2];
      if (clock[3]) h = (h % 12) + (clock[3] === 'p' ? 12 : 0);
    } else if (hourOnly) {
      h = (+hourOnly[1] % 12) + (hourOnly[2] === 'p' ? 12 : 0);
    } else if (/noon|midday/.test(t)) h = 12;
    else if (/midnight/.test(t)) h = 0;
    // "4 in the morning", "9 in the evening", "11 at night"
    const spoken = /^(\d{1,2})(?:[:.](\d{2}))?\s+(?:o'clock\s+)?(?:in the (morning|afternoon|evening)|at night)$/.exec(t);
    if (spoken && +spoken[1] <= 12) {
      h = (+spoken[1] % 12) + (spoken[3] === 'morning' || (!spoken[3] && +spoken[1] < 5) ? 0 : 12);
      mi = spoken[2] ? +spoken[2] : 0;
    }
    if (h === undefined || h > 24 || mi > 59) {
      if (/dawn|daybreak/.test(t) && ctx.anchor) return { kind: 'time', value: `${ctx.anchor}TMO`, date: ctx.anchor, granularity: 'part-of-day', relative: true };
      if (/dusk|nightfall/.test(t) && ctx.anchor) return { kind: 'time', value: `${ctx.anchor}TEV`, date: ctx.anchor, granularity: 'part-of-day', relative: true };
      return undefined;
    }
    const time = `${pad(h)}:${pad(mi)}`;
    const day = ctx.anchor ?? dct;
    const tz = /\b(z|gmt|utc)\b/.test(t) || military ? 'Z' : '';
    return day
      ? { kind: 'time', value: `${day}T${time}${tz}`, date: day, time, granularity: 'time', relative: true }
      : { kind: 'time', value: `XXXX-XX-XXT${time}`, time, granularity: 'time', relative: false };
  }

  // "the week of June 9": the ISO week holding that day
  const weekOf = /^the week of (.+)$/.exec(t);
  if (weekOf) {
    const d = normaliseTimex(weekOf[1], 'date', ctx);
    return d?.date && d.granularity === 'day' ? { kind: 'date', ...weekValue(d.date), granularity: 'week', relative: d.relative } : undefined;
  }
  // ---- calendar dates with a year
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
  if (m && validDay(+m[1], +m[2], +m[3])) return dayV(m[0], false);
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})$/.exec(t);
  if (m) {
    const y = m[3].length === 2 ? (+m[3] > 30 ? 1900 : 2000) + +m[3] : +m[3];
    // Month first unless the first number cannot be a month (US newswire convention).
    const [mo, d] = +m[1] > 12 ? [+m[2], +m[1]] : [+m[1], +m[2]];
    return validDay(y, mo, d) ? dayV(ymd(y, mo, d), false) : undefined;
  }
  const monthName = /\b(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)(?![a-z])\.?/.exec(t);
  const yearIn = /(?<![\d'])(1[6-9]\d{2}|20\d{2})(?!\d)/.exec(t);
  const dayNum = /(?<![\d])(\d{1,2})(?:st|nd|rd|th)?(?![\d:])/.exec(t.replace(/(1[6-9]\d{2}|20\d{2})/g, ''));
  if (monthName && !/\bquarter|half\b/.test(t)) {
    const mo = monthOf(monthName[1]);
    let y = yearIn ? +yearIn[1] : undefined;
    const rel = /\b(last|next|this|coming|past|previous)\b/.exec(t)?.[1];
    const yearRel = /\b(this|last|next|that) year\b/.exec(t)?.[1];
    if (yearRel && Y !== undefined) y = yearRel === 'last' ? Y - 1 : yearRel === 'next' ? Y + 1 : Y;
    const relative = y === undefined;
    if (y === undefined) {
      if (Y === undefined || Mo === undefined) return undefined;
      const d = dayNum ? +dayNum[1] : undefined;
      // Which year: before the report date in the past tense or with "last", after it in the future or with "next".
      const cmp = (yy: number) => (d ? ymd(yy, mo, d) : ymd(yy, mo, 1)).localeCompare(d ? dct! : ymd(Y, Mo, 1));
      const dir = rel === 'last' || rel === 'past' || rel === 'previous' ? 'past' : rel === 'next' || rel === 'coming' ? 'future' : rel === 'this' ? 'this' : tense === 'future' ? 'future' : tense === 'past' ? 'past' : 'nearest';
      y = Y;
      // A day a few weeks ahead named in the past tense is usually a deadline set ("the Jan. 14 deadline").
      // So is the month right after the report's ("gave them until mid-November" in late October).
      const soon = d !== undefined ? dct !== undefined && utc(ymd(Y, mo, Math.min(d, daysIn(Y, mo)))).getTime() - utc(dct).getTime() <= 31 * 86400000 : mo === Mo + 1;
      if (dir === 'past' && (rel ? cmp(Y) >= 0 : cmp(Y) > 0 && !soon)) y = Y - 1;
      else if (dir === 'future' && (rel ? cmp(Y) <= 0 : cmp(Y) < 0)) y = Y + 1;
      else if (dir === 'nearest') {
        // No tense to go by: the occurrence nearest the report date, a month ahead counting as two behind (news
        // reports more of what happened than of what is to come).
        const months = (yy: number) => {
          const k = (yy - Y) * 12 + mo - Mo;
          return k > 0 ? 2 * k : -k;
        };
        y = [Y - 1, Y, Y + 1].sort((a, b) => months(a) - months(b))[0];
      }
    }
    if (dayNum && /\d/.test(t.replace(/(1[6-9]\d{2}|20\d{2})/g, ''))) {
      const d = +dayNum[1];
      return validDay(y, mo, d) ? dayV(ymd(y, mo, d), relative) : undefined;
    }
    return monthV(y, mo, relative);
  }
  // seasons
  const season = /\b(spring|summer|autumn|fall|winter)\b/.exec(t);
  if (season) {
    let y = yearIn ? +yearIn[1] : Y;
    if (y === undefined) return undefined;
    if (!yearIn) {
      const [, a] = SEASONS[season[1]];
      if (/\blast\b/.test(t)) y = Mo! > a ? Y! - 1 : Y! - 1;
      else if (/\bnext\b/.test(t)) y = Y! + 1;
      else if (!/\bthis\b/.test(t)) {
        if (tense === 'past' && a > Mo!) y = Y! - 1;
        if (tense === 'future' && a + 2 < Mo!) y = Y! + 1;
      }
    }
    return seasonV(y, season[1], !yearIn);
  }
  // decades
  m = /\b(1[6-9]|20)(\d)0['’]?s\b/.exec(t);
  if (m) return { kind: 'date', value: `${m[1]}${m[2]}`, date: ymd(+`${m[1]}${m[2]}0`, 1, 1), endDate: ymd(+`${m[1]}${m[2]}9`, 12, 31), granularity: 'range', relative: false };
  m = /(?:^|[\s'])([2-9])0s$/.exec(t);
  if (m) return { kind: 'date', value: `19${m[1]}`, date: ymd(+`19${m[1]}0`, 1, 1), endDate: ymd(+`19${m[1]}9`, 12, 31), granularity: 'range', relative: false };
  // "the same month a year ago", "in February, up from the same period last year": the month just named
  const sm = /^the (?:same|corresponding|comparable) (month|period)( (?:a year (?:ago|earlier)|last year|of last year|the year before|of the previous year))?$/.exec(t);
  const mref = sm ? (sm[1] === 'month' ? ctx.sentenceMonth ?? ctx.month : ctx.sentenceMonth) : undefined;
  const mm = mref ? /^(\d{4})-(\d{2})$/.exec(mref) : null;
  if (sm && mm) return monthV(+mm[1] - (sm[2] ? 1 : 0), +mm[2], true);
  // the quarter the report is about, and the same quarter a year before
  const qc = ctx.quarter ? /^(\d{4})-Q([1-4])$/.exec(ctx.quarter) : null;
  if (qc) {
    const qy = +qc[1];
    const qn = +qc[2];
    if (/^(?:(?:about|nearly|almost) )?(?:a|one) year (?:ago|earlier|before)$|^(?:the )?(?:comparable |corresponding |same )?(?:year-ago|year-earlier|year-before|prior-year)(?: (?:quarter|period|results))?$|^last year's (?:quarter|period)$|^the (?:corresponding|comparable|same) (?:quarter|period) (?:a year (?:ago|earlier)|last year|of last year|the year before|of the previous year)$|^the (?:quarter|period) a year (?:ago|earlier)$/.test(t)) return quarterV(qy - 1, qn, true);
    if (/^(?:the |that )(?:latest |same |recent |most recent )?(?:quarter|period)$/.test(t)) return quarterV(qy, qn, true);
    const yq = /^the (\d{4}) (?:quarter|period)$/.exec(t);
    if (yq) return quarterV(+yq[1], qn, false);
  }
  // without a quarter to go by: "the 1988 period" is that year, "the latest period" the last quarter that ended
  const yp = /^the (\d{4}) (?:period|quarter)$/.exec(t);
  if (yp) return yearV(+yp[1], false);
  if (/^the latest period$/.test(t) && Y !== undefined && Mo !== undefined) {
    const last = Math.ceil(Mo / 3) - 1;
    return last < 1 ? quarterV(Y - 1, 4, true) : quarterV(Y, last, true);
  }
  // quarters and halves
  const q = /\b(first|second|third|fourth|final|last|latest|current|1st|2nd|3rd|4th)[- ](?:fiscal )?(quarter|half)\b/.exec(t) ?? /\b(?:the )?(quarter)\b/.exec(t);
  const qShort = /\b(?:q([1-4])|([1-4])q|h([12]))\b/.exec(t);
  if (q || qShort) {
    const isHalf = qShort ? !!qShort[3] : q![2] === 'half' || q![1] === 'half';
    const cur = Mo !== undefined ? Math.ceil(Mo / 3) : undefined;
    let n: number | undefined;
    const word = q ? q[1] : undefined;
    if (qShort) n = +(qShort[1] ?? qShort[2] ?? qShort[3]);
    else if (word) {
      const map: Record<string, number> = { first: 1, '1st': 1, second: 2, '2nd': 2, third: 3, '3rd': 3, fourth: 4, '4th': 4 };
      n = map[word];
      if (isHalf && n) n = Math.min(n, 2);
      if (word === 'final') n = isHalf ? 2 : 4;
    }
    let y = yearIn ? +yearIn[1] : Y;
    if (/\b(?:last|next|this) year\b/.test(t) && Y !== undefined) y = /last/.test(t) ? Y - 1 : /next/.test(t) ? Y + 1 : Y;
    if (y === undefined) return undefined;
    const yearAgo = /year-ago|year-earlier|a year ago/.test(t);
    if (!isHalf) {
      if (n === undefined) {
        if (cur === undefined) return undefined;
        // "the quarter", "the latest quarter": the last one reported; "this/current quarter": the present one.
        let qq = /\b(?:this|current)\b/.test(t) ? cur : /\b(?:last|previous)\b/.test(t) && !/latest/.test(t) ? cur - 1 : /next|coming/.test(t) ? cur + 1 : cur - 1;
        let yy = y;
        if (qq < 1) {
          qq += 4;
          yy--;
        }
        if (qq > 4) {
          qq -= 4;
          yy++;
        }
        return quarterV(yearAgo ? yy - 1 : yy, qq, true);
      }
      if (!yearIn && cur !== undefined && n > cur && tense === 'past' && !/\b(?:this|next) year\b/.test(t)) y -= 1;
      return quarterV(yearAgo ? y - 1 : y, n, !yearIn);
    }
    if (n === undefined) n = Mo !== undefined && Mo > 6 ? 2 : 1;
    return halfV(y, n, !yearIn);
  }
  // years, fiscal years; "'82" is the last such year up to ten years ahead of the report
  m = /^'(\d{2})$/.exec(t);
  if (m) return yearV(2000 + +m[1] > (Y ?? 2000) + 10 ? 1900 + +m[1] : 2000 + +m[1], false);
  m = /\bfy\s?'?(\d{2,4})\b/.exec(t);
  if (m) return yearV(m[1].length === 2 ? (+m[1] > 30 ? 1900 : 2000) + +m[1] : +m[1], false);
  if (yearIn && /^(?:(?:early|mid|late|the end of|the beginning of|the start of|the middle of|the turn of|end|mid)[- ]*)?(?:(?:fiscal|financial|calendar) (?:year )?)?(?:the )?\d{4}(?:\/\d{2,4})?$/.test(t)) return yearV(+yearIn[1], false);
  if (/^the (?:near|foreseeable|distant|immediate) future$|^the (?:near|short|medium|long) term$|^a later (?:date|time|stage)$|^as soon as possible$|^very soon$/.test(t)) return ref('FUTURE_REF');
  if (t === 'the time being') return ref('PRESENT_REF');
  if (Y === undefined || !dct) {
    if (/^(?:now|currently|nowadays|at present|at the moment|these days|the present)$/.test(t)) return ref('PRESENT_REF');
    if (/^(?:recently|lately|the past|in the past)$/.test(t)) return ref('PAST_REF');
    if (/^(?:the future|in (?:the )?future)$/.test(t)) return ref('FUTURE_REF');
    return undefined;
  }

  // ---- relative to the report date
  if (/^(?:now|currently|nowadays|at present|at the moment|these days|the present)$/.test(t)) return ref('PRESENT_REF');
  if (/^(?:recently|lately|the past|in the past)$/.test(t)) return ref('PAST_REF');
  if (/^(?:the future|in (?:the )?future)$/.test(t)) return ref('FUTURE_REF');
  const part = /\b(morning|afternoon|evening|night|tonight)\b/.exec(t)?.[1];
  if (/\btoday\b|^tonight$|^this (?:morning|afternoon|evening)$|^(?:early|late) this (?:morning|afternoon|evening)$/.test(t)) return dayV(dct, true, part);
  if (/^earlier today|^later today/.test(t)) return dayV(dct, true);
  if (/^the day before yesterday/.test(t)) return dayV(addDays(dct, -2), true);
  if (/^the day after tomorrow/.test(t)) return dayV(addDays(dct, 2), true);
  if (/\byesterday\b|^last night$|^late last night$/.test(t)) return dayV(addDays(dct, -1), true, /^last night|late last night/.test(t) ? 'night' : part);
  if (/\btomorrow\b/.test(t)) return dayV(addDays(dct, 1), true, part);
  // anchored on the text's previous date
  const anchor = ctx.anchor ?? dct;
  if (/^(?:the (?:next|following) (?:day|morning|afternoon|evening|night)|the day after|a day (?:after|later))$/.test(t)) return dayV(addDays(anchor, 1), true);
  if (/^(?:the previous (?:day|morning|afternoon|evening|night)|the day before|a day (?:before|earlier))$/.test(t)) return dayV(addDays(anchor, -1), true);
  if (/^(?:(?:the |that )?same (?:day|morning|night)|that (?:day|night|morning|evening))$/.test(t)) return dayV(anchor, true);
  if (/^(?:(?:later|earlier|late|early) in the day|the day|the (?:start|beginning) of the day)$/.test(t)) return dayV(anchor, true);
  const unitBefore = /^the (year|month|week) (before|after|previous|earlier|later)$/.exec(t);
  if (unitBefore) return normaliseTimex(`the ${/before|previous|earlier/.test(unitBefore[2]) ? 'previous' : 'following'} ${unitBefore[1]}`, kind, ctx);
  // a part of the day the text speaks of: the day it last named ("Dealers bought in the morning")
  const partOnly = /^(?:in |during |by )?(?:the )?(?:(?:early|late|mid)[- ]?)?(morning|afternoon|midday|evening)$/.exec(t);
  if (partOnly) return dayV(anchor, true, partOnly[1] === 'midday' ? 'afternoon' : partOnly[1]);
  const inThe = /^(?:later|earlier|late|early) in the (week|month|year)$/.exec(t);
  if (inThe) return normaliseTimex(`this ${inThe[1]}`, kind, ctx);
  if (/^(?:the )?(?:year-ago|year-earlier)(?: (?:quarter|period))?$/.test(t)) {
    const cur = Math.ceil(Mo! / 3) - 1;
    return cur < 1 ? quarterV(Y - 2, cur + 4, true) : quarterV(Y - 1, cur, true);
  }
  const holiday = holidayNamed(t.replace(/^(?:last|this|next) /, ''));
  if (holiday) {
    // A lunar or lunisolar holiday (Ramadan, Passover, Diwali): a date, but none the text lets us tell.
    if (!holiday.rule) return { kind: 'date', value: 'XXXX-XX-XX', granularity: 'unknown', relative: false };
    const which = /^last /.test(t) ? -1 : /^next /.test(t) ? 1 : 0;
    const d = holidayDate(holiday, Y + which)!;
    // Without "next", a holiday told in the past tense is the last one.
    if (!which && tense !== 'future' && d > dct) return dayV(holidayDate(holiday, Y - 1)!, true);
    // ... and one told in the future, once this year's has passed, is next year's.
    if (!which && tense === 'future' && d < dct) return dayV(holidayDate(holiday, Y + 1)!, true);
    return dayV(d, true);
  }
  if (/^(?:(?:around|at|by|before|until|through) )?(?:the )?(?:year end|year's end)$/.test(t)) return yearV(Y, true);
  // "year-end" is the last day of the year: this one ahead ("by year-end"), the last one in the past ("since year-end").
  if (t === 'year-end') return dayV(ymd(tense === 'past' ? Y - 1 : Y, 12, 31), true);
  // "the latest fiscal year" is the last one reported, i.e. completed.
  if (/^the latest (?:fiscal |financial )?year$/.test(t)) return yearV(Y - 1, true);
  const theUnit = /^the (?:latest |current |full |entire |whole |same |comparable )?(week|weekend|month|year|fiscal year)$/.exec(t);
  if (theUnit) {
    if (theUnit[1] === 'weekend') {
      const dow = utc(dct).getUTCDay();
      const back = tense === 'past' && dow >= 1 && dow <= 5;
      const ahead = tense === 'future' && (dow === 0 || dow === 6);
      return { kind: 'date', ...weekValue(addDays(dct, back ? -7 : ahead ? 7 : 0), '-WE'), granularity: 'week', relative: true };
    }
    return normaliseTimex(`this ${theUnit[1].replace('fiscal ', '')}`, kind, ctx);
  }
  const century = /^(?:the )?(\d{1,2})(?:st|nd|rd|th) century$/.exec(t);
  if (century) return { kind: 'date', value: pad(+century[1] - 1), granularity: 'range', relative: false };
  // weekdays
  const wd = WEEKDAYS.findIndex((w) => new RegExp(`\\b${w}(?:[a-z]*day|\\.|s)?\\b`).test(t) && /day\b|\.|^\w{3}$/.test(t));
  if (wd >= 0) {
    const dow = utc(dct).getUTCDay();
    let d: string;
    const adow = utc(anchor).getUTCDay();
    // "the previous Friday", "the following Monday": counted from the day the text last named
    if (/\bprevious\b/.test(t)) d = addDays(anchor, -((adow - wd + 7) % 7 || 7));
    else if (/\bfollowing\b/.test(t)) d = addDays(anchor, (wd - adow + 7) % 7 || 7);
    else if (/\blast\b|\bpast\b/.test(t)) d = addDays(dct, -((dow - wd + 7) % 7 || 7));
    else if (/\bnext\b|\bcoming\b/.test(t)) d = addDays(dct, (wd - dow + 7) % 7 || 7);
    else if (wd === dow) d = dct; // a weekday equal to the report's day is the report date
    else if (tense === 'future') d = addDays(dct, (wd - dow + 7) % 7);
    else if (/\bthis\b/.test(t)) d = addDays(mondayOf(dct), (wd + 6) % 7);
    else d = addDays(dct, -((dow - wd + 7) % 7));
    return dayV(d, true, part);
  }
  // weeks, months, years, quarters named relative to the report date
  const rel2 = /^(?:(?:early|mid|late|the end of|the beginning of|the start of|the middle of)[- ]*)?(?:(?:earlier|later|sometime) )?(?:the )?(this|last|next|past|previous|coming|current|following|same|that) (?:fiscal |financial |calendar |school |academic )?(week(?:end)?|month|year|decade|century|season)$/.exec(t)
    ?? (/^(?:the )?(?:end|beginning|start|middle) of (?:the|this|next|last) (?:week|month|year|decade)$/.test(t) ? ['', '', ''] : undefined)
    ?? (/^(?:year-end|month-end)$/.test(t) ? ['', 'this', t.slice(0, t.indexOf('-'))] : undefined);
  if (rel2) {
    let which = rel2[1];
    let unit = rel2[2];
    if (/^(?:the )?(?:end|beginning|start|middle) of/.test(t)) {
      unit = /(week|month|year|quarter|decade)/.exec(t)![1];
      which = /\bnext\b/.test(t) ? 'next' : /\blast\b/.test(t) ? 'last' : 'this';
    }
    const k = which === 'last' || which === 'past' || which === 'previous' ? -1 : which === 'next' || which === 'coming' || which === 'following' ? 1 : 0;
    // "that year", "the following year", "later that month": counted from the year or month the text last named.
    if (/^(?:that|same|following|previous)$/.test(which)) {
      const year = ctx.sentenceYear ?? ctx.year;
      if (unit === 'year' && year !== undefined) return yearV(year + k, true);
      const am = ctx.month ? /^(\d{4})-(\d{2})$/.exec(ctx.month) : null;
      if (unit === 'month' && am) {
        const total = +am[1] * 12 + (+am[2] - 1) + k;
        return monthV(Math.floor(total / 12), (total % 12) + 1, true);
      }
    }
    if (unit === 'week' || unit === 'weekend') {
      const w = weekValue(addDays(dct, 7 * k), unit === 'weekend' ? '-WE' : '');
      return { kind: 'date', ...w, granularity: 'week', relative: true };
    }
    if (unit === 'month') {
      let mo = Mo! + k;
      let y = Y;
      if (mo < 1) {
        mo += 12;
        y--;
      }
      if (mo > 12) {
        mo -= 12;
        y++;
      }
      return monthV(y, mo, true);
    }
    if (unit === 'year') return yearV(Y + k, true);
    if (unit === 'decade') return { kind: 'date', value: String(Math.floor((Y + 10 * k) / 10)), granularity: 'range', relative: true };
    if (unit === 'century') return { kind: 'date', value: String(Math.floor((Y + 100 * k) / 100)), granularity: 'range', relative: true };
    return undefined;
  }
  if (/^(?:earlier|later|early|late|sometime) (?:this|next|last) (?:week|month|year)$/.test(t)) return normaliseTimex(t.replace(/^(?:earlier|later|early|late|sometime) /, ''), kind, ctx);
  // N units ago / later
  m = /^(?:(?:about|almost|nearly|some|more than|over|just over|less than) )?(.+?) (?:more )?(seconds?|minutes?|hours?|days?|weeks?|fortnights?|months?|years?|decades?|centur(?:y|ies)) (?:or so )?(ago|earlier|later|before|after|from now|hence)$/.exec(t);
  const bareAgo = /^(days|weeks|months|years|decades) ago$/.exec(t);
  if (m || bareAgo) {
    const unit = unitOf(m ? m[2] : bareAgo![1])!;
    const n = m ? numberOf(m[1]) : undefined;
    const sign = m && /later|after|from now|hence/.test(m[3]) ? 1 : -1;
    const base = m && /earlier|later|before|after/.test(m[3]) ? anchor : dct;
    if (n === undefined) {
      if (unit === 'year') return { kind: 'date', value: `${String(Y + sign).slice(0, 3)}X`, granularity: 'unknown', relative: true };
      return ref(sign < 0 ? 'PAST_REF' : 'FUTURE_REF');
    }
    const N = Math.round(n) * sign;
    if (unit === 'day' || unit === 'night') return dayV(addDays(base, N), true);
    if ((unit === 'week' || unit === 'fortnight') && Math.abs(N) <= 2) return dayV(addDays(base, N * 7 * (unit === 'fortnight' ? 2 : 1)), true);
    if (unit === 'week' || unit === 'fortnight') return { kind: 'date', ...weekValue(addDays(base, N * 7 * (unit === 'fortnight' ? 2 : 1))), granularity: 'week', relative: true };
    const by = +base.slice(0, 4);
    const bm = +base.slice(5, 7);
    if (unit === 'month') {
      const total = by * 12 + (bm - 1) + N;
      return monthV(Math.floor(total / 12), (total % 12) + 1, true);
    }
    if (unit === 'year') return yearV(by + N, true);
    // "a decade ago" is a year ten years back (as TimeBank and AQUAINT annotate it), not the decade before.
    if (unit === 'decade') return yearV(by + 10 * N, true);
    if (unit === 'hour' || unit === 'minute' || unit === 'second') return dayV(base, true);
    return undefined;
  }
  return undefined;
}
