import { MONTHS } from './lexicon';
import { holidayPattern } from '../text/lexicon';

export interface TemporalSpan {
  start: number;
  end: number;
  type: 'date' | 'time';
}

const MONTH = '(?:Jan(?:uary|\\.)?|Feb(?:ruary|\\.)?|Mar(?:ch|\\.)?|Apr(?:il|\\.)?|May|June?|July?|Aug(?:ust|\\.)?|Sep(?:t(?:ember|\\.)?|\\.)?|Oct(?:ober|\\.)?|Nov(?:ember|\\.)?|Dec(?:ember|\\.)?)';
const WEEKDAY = '(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)';
const PART = '(?:morning|afternoon|evening|night|week|weekend|month|year|quarter|spring|summer|autumn|fall|winter)';
/** Holidays: the lexicon's one table (text/lexicon HOLIDAYS), which the summary's timeline resolves from too. */
const HOLIDAY = holidayPattern();
const NUMWORD = '(?:\\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a few|several|a|an)';
const UNIT = '(?:days?|weeks?|months?|years?|decades?|hours?|minutes?)';

// Order matters: longer forms first so alternation prefers them.
const DATE_PATTERNS = [
  // 5 January 2024 / January 5, 2024 / Tuesday, January 5
  `(?:${WEEKDAY},?\\s+)?\\d{1,2}(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH}(?:,?\\s+\\d{4})?`,
  `(?:${WEEKDAY},?\\s+)?${MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?(?:,?\\s+\\d{4})?(?!\\d)`,
  `${MONTH}\\s+\\d{4}`,
  // ISO and numeric dates
  '\\d{4}-\\d{2}-\\d{2}(?![\\d:])',
  '\\d{1,2}/\\d{1,2}/\\d{2,4}',
  // relative expressions
  `(?:early|late|earlier|later)\\s+(?:this|last|next)\\s+${PART}`,
  `(?:this|last|next|past|coming|previous)\\s+(?:${PART}|${WEEKDAY})`,
  `(?:the\\s+)?(?:day\\s+before\\s+yesterday|day\\s+after\\s+tomorrow)`,
  '(?:yesterday|today|tomorrow|tonight)(?:\\s+(?:morning|afternoon|evening|night))?',
  `${NUMWORD}\\s+${UNIT}\\s+ago`,
  `(?:in|since|by|until|during|from|of)\\s+(?:the\\s+)?(?:early\\s+|late\\s+|mid-)?(?:19|20)\\d{2}s?(?![\\d%]|[.,]\\d)`,
  `(?:on|last|next|this|by|until|since)\\s+${WEEKDAY}`,
  `${WEEKDAY}`,
  `(?:in|since|by|until|during|early|late|mid-|of)\\s+${MONTH}(?![a-z])`,
  // holidays: "before Christmas", "on New Year's Eve", "last Ramadan" (the summary's timex resolves them)
  `(?:(?:this|last|next)\\s+)?${HOLIDAY}`,
];

const TIME_PATTERNS = [
  // "6.13am" (British style) before the bare "13am" below can match inside it
  '\\d{1,2}\\.\\d{2}\\s*(?:[ap]\\.m\\.|[ap]m)(?![a-z])(?:\\s*(?:GMT|UTC|BST|CET|local time))?',
  '\\d{1,2}:\\d{2}(?::\\d{2})?\\s*(?:[ap]\\.?m\\.?)?(?:\\s*(?:GMT|UTC|EST|EDT|CET|CEST|BST|PST|PDT|local time))?',
  '\\d{1,2}\\s*[ap]\\.?m\\.?(?![a-z])',
  '\\d{4}\\s+(?:GMT|UTC|hours|hrs)',
  '(?:at\\s+)?(?:noon|midnight|dawn|dusk)',
];

/** A holiday named alone ("Christmas", "last Ramadan"): a date even where the tagger read a name. */
export const HOLIDAY_RE = new RegExp(`^(?:(?:this|last|next)\\s+)?${HOLIDAY}$`, 'iu');

const compile = (parts: string[]) => new RegExp(`(?<![\\p{L}\\p{N}])(?:${parts.join('|')})(?![\\p{L}\\p{N}])`, 'giu');
const DATE_RE = compile(DATE_PATTERNS);
const TIME_RE = compile(TIME_PATTERNS);
const LEADING_PREP = /^(?:in|since|by|until|during|from|of|on|at)\s+/i;

/**
 * Dates and times in running text: absolute ("5 January 2024", "2024-01-05"), partial ("January 2024", "Tuesday"),
 * and relative ("this morning", "last week", "three days ago"). Spans exclude a leading preposition.
 * Resolving them to calendar dates is the summary's job (it knows the report date).
 */
export function findTemporal(text: string): TemporalSpan[] {
  const out: TemporalSpan[] = [];
  for (const [re, type] of [[DATE_RE, 'date'], [TIME_RE, 'time']] as const) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      let start = m.index;
      const lead = LEADING_PREP.exec(m[0]);
      if (lead) start += lead[0].length;
      let end = m.index + m[0].length;
      while (end > start && /\s/.test(text[end - 1])) end--;
      // "May" and "March" alone are too ambiguous (modal verb, a march) unless a number is attached.
      const body = text.slice(start, end);
      if (/^(?:May|March|mar\.?|may)$/i.test(body)) continue;
      if (type === 'date' && /^[a-z]/.test(body) === false && MONTHS[body.toLowerCase()] !== undefined && !lead) continue;
      out.push({ start, end, type });
    }
  }
  return out;
}
