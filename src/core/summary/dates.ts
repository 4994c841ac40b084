import type { Entity, ReportDate, SummaryOptions, TimeGranularity, TimelineEntry } from '../types';
import { frontMatter, sentenceAt, type Sentence } from './sentences';
import { MONTHS, MONTH_PATTERN as MONTH_RE } from '../text/lexicon';
import { findTimexes, normaliseTimex, tenseAt, type TimexKind, type TimexValue } from './timex';

// compromise-dates resolves relative expressions ("this morning", "last Tuesday") against a given day (nlp.ts).
import { parseDates } from './nlp';


const pad = (n: number, w = 2) => String(n).padStart(w, '0');
export const ymd = (y: number, m: number, d: number) => `${pad(y, 4)}-${pad(m)}-${pad(d)}`;

function valid(y: number, m: number, d: number): boolean {
  if (y < 1000 || y > 9999 || m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

export interface AbsoluteDate {
  date: string;
  start: number;
  end: number;
}

/**
 * The first full calendar date (with day, month and year) in a string: ISO "2020-02-27" or "2020-02-27T10:00Z",
 * "27 February 2020", "February 27, 2020" (or "February 27 , 2020" as tokenised text has it), "Feb. 27 2020", "27/02/2020" (day first, as outside the US, unless the
 * first number cannot be a day).
 */
export function findAbsoluteDate(s: string): AbsoluteDate | undefined {
  const found: AbsoluteDate[] = [];
  const add = (m: RegExpExecArray | null, y: number, mo: number, d: number) => {
    if (m && valid(y, mo, d)) found.push({ date: ymd(y, mo, d), start: m.index, end: m.index + m[0].length });
  };
  const iso = /(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)/.exec(s);
  if (iso) add(iso, +iso[1], +iso[2], +iso[3]);
  const dmy = new RegExp(`(?<![\\p{L}\\d])(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH_RE}(?:[^\\S\\n]?,)?\\s+(\\d{4})(?!\\d)`, 'iu').exec(s);
  if (dmy) add(dmy, +dmy[3], MONTHS[dmy[2].toLowerCase()], +dmy[1]);
  const mdy = new RegExp(`(?<![\\p{L}])${MONTH_RE}\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:[^\\S\\n]?,)?\\s+(\\d{4})(?!\\d)`, 'iu').exec(s);
  if (mdy) add(mdy, +mdy[3], MONTHS[mdy[1].toLowerCase()], +mdy[2]);
  const num = /(?<![\d/])(\d{1,2})[/.](\d{1,2})[/.](\d{4})(?![\d/])/.exec(s);
  if (num) {
    const a = +num[1];
    const b = +num[2];
    if (a > 12) add(num, +num[3], b, a);
    else if (b > 12) add(num, +num[3], a, b);
    else add(num, +num[3], b, a);
  }
  found.sort((x, y) => x.start - y.start);
  return found[0];
}

/** A YYYY-MM-DD (or ISO timestamp, or any full date findAbsoluteDate reads) to YYYY-MM-DD. */
export function normaliseDate(s: string | undefined): string | undefined {
  if (!s) return undefined;
  const t = s.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[T ].*)?$/.exec(t);
  if (iso) return valid(+iso[1], +iso[2], +iso[3]) ? `${iso[1]}-${iso[2]}-${iso[3]}` : undefined;
  const found = findAbsoluteDate(t);
  return found && found.start === 0 && found.end === t.length ? found.date : undefined;
}

/**
 * The date the report speaks from: the caller's explicit date, else front matter `date:`, else a full date in the
 * first lines (a dateline), else the caller's fallback (e.g. the file's modification time), else none.
 */
export function findReportDate(text: string, options: SummaryOptions = {}): ReportDate {
  const given = normaliseDate(options.reportDate);
  if (given && (options.reportDateSource ?? 'option') === 'option') return { date: given, source: 'option' };
  const fm = frontMatter(text);
  for (const key of ['date', 'published', 'created', 'report-date', 'report_date']) {
    const f = fm?.fields[key];
    const d = f && normaliseDate(f.value);
    if (f && d) return { date: d, source: 'front-matter', text: f.value, start: f.start, end: f.end };
  }
  const bodyStart = fm ? fm.end : 0;
  // First five non-empty lines, or 600 characters: where a dateline or "Date:" line sits.
  let end = bodyStart;
  let lines = 0;
  while (end < text.length && lines < 5 && end - bodyStart < 600) {
    const nl = text.indexOf('\n', end);
    const lineEnd = nl < 0 ? text.length : nl + 1;
    if (text.slice(end, lineEnd).trim()) lines++;
    end = lineEnd;
  }
  const head = text.slice(bodyStart, Math.min(end, bodyStart + 600));
  const found = findAbsoluteDate(head);
  if (found) {
    const s = bodyStart + found.start;
    return { date: found.date, source: 'text', text: text.slice(s, bodyStart + found.end), start: s, end: bodyStart + found.end };
  }
  if (given) return { date: given, source: 'fallback' };
  return { source: 'none' };
}

const addDays = (date: string, n: number) => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

interface CompromiseDate {
  text: string;
  offset?: { start: number; length: number };
  dates?: { start?: string | null; end?: string | null; unit?: string; duration?: Record<string, number> };
}

function runCompromise(s: string, today: string): CompromiseDate[] {
  try {
    const doc = parseDates(s) as unknown as { dates: (o: object) => { json: (o: object) => CompromiseDate[] } };
    return doc.dates({ today, timezone: 'UTC' }).json({ offset: true });
  } catch {
    return [];
  }
}

const RELATIVE = /\b(?:today|tonight|yesterday|tomorrow|this|last|next|past|coming|previous|ago|earlier|later|morning|afternoon|evening|night)\b/i;
const FUTURE_CUE = /\b(?:will|shall|is due|are due|is to|are to|plans?|planned|scheduled|expected|upcoming|next)\b/i;

/**
 * Every temporal expression of the report, resolved to calendar values against the report date: the patterns and
 * normaliser of timex.ts first (HeidelTime-style, with the governing verb's tense), then the NER's date and time
 * entities that the patterns do not cover. What the normaliser cannot read goes to plain calendar arithmetic and
 * compromise-dates (only for the sentences that need it: it costs tens of milliseconds a call). Durations and sets
 * keep their own types; each expression is listed once.
 */
export function buildTimeline(text: string, sentences: readonly Sentence[], entities: readonly Entity[], reportDate: string | undefined, skip?: { start?: number; end?: number }): TimelineEntry[] {
  const spans: { start: number; end: number; text: string; kind: TimexKind; si: number; entity?: Entity }[] = [];
  // The dateline's own date is the report date (metadata), not an event of the timeline.
  const skipped = (x: { start: number; end: number }) => skip?.start !== undefined && skip.end !== undefined && x.start < skip.end && skip.start < x.end;
  for (const x of findTimexes(text)) {
    const si = sentenceAt(sentences, x.start);
    if (si < 0 || x.end > sentences[si].end || skipped(x)) continue;
    spans.push({ ...x, si });
  }
  const covered = (e: { start: number; end: number }) => spans.some((x) => x.start < e.end && e.start < x.end);
  for (const e of entities) {
    if ((e.type !== 'date' && e.type !== 'time') || covered(e) || skipped(e)) continue;
    spans.push({ start: e.start, end: e.end, text: e.text, kind: e.type, si: sentenceAt(sentences, e.start), entity: e });
  }
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  const today = reportDate ?? '';
  const out: TimelineEntry[] = [];
  let anchor: string | undefined;
  // Discourse references (timex.ts TimexContext): the quarter the text reports on, the last year and month it named.
  const refs: { quarter?: string; year?: number; month?: string } = {};
  const entityCache = new Map<string, CompromiseDate | undefined>();
  const seen = new Set<string>();
  /** Whether a sentence speaks of several months: tested once per sentence, not once per expression. */
  const monthsSpanOf = new Map<object, boolean>();
  // Dates first, then times of day (which take their sentence's date, wherever it stands in the sentence).
  const ordered = [...spans.filter((x) => x.kind !== 'time'), ...spans.filter((x) => x.kind === 'time')];
  for (const x of ordered) {
    const key = `${x.start}:${x.end}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const s: { start: number; end: number; text: string } = x.si >= 0 ? sentences[x.si] : { start: x.start, end: x.end, text: x.text };
    const tense = tenseAt(s.text, x.start - s.start, x.end - s.start);
    // A time of day belongs to the day its sentence names, else to the report date.
    let ctxAnchor = anchor;
    if (x.kind === 'time') {
      const sameSentence = out.filter((o) => o.sentence.start === s.start && o.type === 'date' && o.granularity === 'day' && o.date);
      const nearest = sameSentence.sort((a, b) => Math.abs(a.start - x.start) - Math.abs(b.start - x.start))[0];
      ctxAnchor = nearest ? nearest.date : today || undefined;
    }
    // A sentence about several months ("for the nine months", "the first half") compares years, not the quarter.
    let monthsSpan = monthsSpanOf.get(s);
    if (monthsSpan === undefined) monthsSpanOf.set(s, (monthsSpan = MONTHS_SPAN.test(s.text)));
    const quarter = monthsSpan ? undefined : refs.quarter;
    // A month named before it in the sentence ("in February, up from the same period last year").
    const sentenceMonth = [...out].reverse().find((o) => o.sentence.start === s.start && o.start < x.start && o.type === 'date' && /^\d{4}-\d{2}$/.test(o.value ?? ''))?.value;
    // A year named before it in the sentence ("$3 million last year, down from $4 million the year before").
    const sentenceYear = [...out].reverse().find((o) => o.sentence.start === s.start && o.start < x.start && o.type === 'date' && /^\d{4}$/.test(o.value ?? ''))?.value;
    const v = normaliseTimex(x.text, x.kind, { dct: today || undefined, tense, anchor: ctxAnchor ?? (today || undefined), ...refs, quarter, sentenceMonth, sentenceYear: sentenceYear ? +sentenceYear : undefined });
    if (v && x.kind === 'date') noteReference(refs, x.text, v, today);
    let entry: Omit<TimelineEntry, 'sentence'>;
    // A value of X's is a date no calendar arithmetic can tell (a lunar holiday: "during Ramadan"): left unresolved.
    if (v && (v.date || v.kind === 'duration' || v.kind === 'set' || /_REF$/.test(v.value) || /^\d{2,4}$/.test(v.value) || v.value === 'XXXX-XX-XX' || !today)) {
      entry = { start: x.start, end: x.end, text: x.text, type: v.kind, granularity: v.granularity, relative: v.relative, resolved: !!v.date, value: v.value };
      if (v.date) entry.date = v.date;
      if (v.endDate && v.endDate !== v.date) entry.endDate = v.endDate;
      if (v.time) entry.time = v.time;
    } else {
      const e: Entity = x.entity ?? ({ start: x.start, end: x.end, text: x.text, type: x.kind === 'time' ? 'time' : 'date' } as Entity);
      const q = quickResolve(e, today, s.text);
      if (q) entry = q;
      else {
        let cd: CompromiseDate | undefined;
        if (today) {
          // Only the expression itself: compromise-dates on a whole sentence costs tens of milliseconds.
          const k = x.text.toLowerCase();
          if (!entityCache.has(k)) entityCache.set(k, runCompromise(x.text, today)[0]);
          cd = entityCache.get(k);
        }
        entry = resolveEntry(e, cd, today);
      }
      if (entry.date && !entry.value) entry.value = entry.granularity === 'year' ? entry.date.slice(0, 4) : entry.granularity === 'month' ? entry.date.slice(0, 7) : entry.time ? `${entry.date}T${entry.time}` : entry.date;
    }
    if (entry.type === 'date' && entry.granularity === 'day' && entry.date && x.kind !== 'time') anchor = entry.date;
    out.push({ ...entry, sentence: { start: s.start, end: s.end, text: s.text } });
  }
  return out.sort((a, b) => a.start - b.start);
}

/**
 * Remember what an expression names outright for later anaphora: a quarter ("the third quarter", "Q3", not "a year
 * ago"), a year written in the text ("in 1995"), a month named by its name.
 */
function noteReference(refs: { quarter?: string; year?: number; month?: string }, text: string, v: TimexValue, today: string): void {
  const value = v.value;
  const named = !/\b(?:ago|earlier|before|last|that|same|previous|following|year-ago|year-earlier)\b/i.test(text);
  // The quarter a report is about has ended, and not long ago (not "the 1987 second quarter", not one still running).
  // A fiscal quarter may be numbered from another month: it only has to have ended.
  const reported = !!v.endDate && !!today && v.endDate <= today && (v.endDate >= addDays(today, -200) || /fiscal/i.test(text));
  // The first such quarter is the one the report is about (its lead); later ones are mentioned in passing.
  if (!refs.quarter && /^\d{4}-Q[1-4]$/.test(value) && named && reported && /quarter|\bq[1-4]\b|\b[1-4]q\b/i.test(text)) refs.quarter = value;
  if (named && /\d{4}|nineteen|two thousand/i.test(text) && /^\d{4}/.test(value)) refs.year = +value.slice(0, 4);
  if (named && MONTH_NAME.test(text) && /^\d{4}-\d{2}/.test(value)) refs.month = value.slice(0, 7);
}
const MONTHS_SPAN = /\b(?:nine|six|twelve|eight|ten|eleven|first \w+|latest \w+) months\b|\b(?:nine|six|12)-month\b|\bfirst half\b|\bfull year\b/i;
const MONTH_NAME = new RegExp(`\\b${MONTH_RE}(?![a-z])`, 'i');

const NUMBER_WORDS: Record<string, number> = { a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12 };

/**
 * Expressions that need no parser: full dates, ISO dates, today/yesterday/tomorrow and parts of the day, bare
 * weekdays (report conventions), "three days ago", a bare year. Undefined for anything else.
 */
function quickResolve(e: Entity, today: string, sentence: string): Omit<TimelineEntry, 'sentence'> | undefined {
  const base = { start: e.start, end: e.end, text: e.text, type: e.type as TimelineEntry['type'] };
  const lower = e.text.toLowerCase().replace(/\s+/g, ' ');
  const abs = findAbsoluteDate(e.text);
  if (abs && abs.start === 0 && abs.end === e.text.length) return { ...base, date: abs.date, granularity: 'day', relative: false, resolved: true };
  const year = /^(?:the )?((?:19|20)\d{2})$/.exec(lower);
  if (year) return { ...base, date: `${year[1]}-01-01`, endDate: `${year[1]}-12-31`, granularity: 'year', relative: false, resolved: true };
  if (!today) return undefined;
  const part = /\b(morning|afternoon|evening|night)\b/.test(lower);
  const day = (n: number): Omit<TimelineEntry, 'sentence'> => ({ ...base, date: addDays(today, n), granularity: part ? 'part-of-day' : 'day', relative: true, resolved: true });
  if (/^(?:today|tonight|this (?:morning|afternoon|evening)|earlier today|later today)$/.test(lower)) return day(0);
  if (/^yesterday(?: (?:morning|afternoon|evening|night))?$/.test(lower) || lower === 'last night') return day(-1);
  if (/^tomorrow(?: (?:morning|afternoon|evening|night))?$/.test(lower)) return day(1);
  if (/^the day before yesterday$/.test(lower)) return day(-2);
  if (/^the day after tomorrow$/.test(lower)) return day(2);
  const ago = /^(\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve) (day|week)s? ago$/.exec(lower);
  if (ago) {
    const n = /^\d/.test(ago[1]) ? +ago[1] : NUMBER_WORDS[ago[1]];
    return { ...day(-n * (ago[2] === 'week' ? 7 : 1)), granularity: 'day' };
  }
  const weekday = WEEKDAYS.findIndex((w) => new RegExp(`^(?:on )?${w}$`).test(lower));
  if (weekday >= 0) {
    // A bare weekday in a report is the last such day, or the next one when the sentence speaks of the future.
    const dow = new Date(`${today}T00:00:00Z`).getUTCDay();
    const d = weekday === dow ? today : FUTURE_CUE.test(sentence) ? addDays(today, (weekday - dow + 7) % 7 || 7) : addDays(today, -((dow - weekday + 7) % 7));
    return { ...base, date: d, granularity: 'day', relative: true, resolved: true };
  }
  return undefined;
}

function resolveEntry(e: Entity, cd: CompromiseDate | undefined, today: string): Omit<TimelineEntry, 'sentence'> {
  const base = { start: e.start, end: e.end, text: e.text, type: e.type as TimelineEntry['type'] };
  const relative = RELATIVE.test(e.text) || (!/\d{4}/.test(e.text) && !findAbsoluteDate(e.text));
  const abs = findAbsoluteDate(e.text);
  if (abs && abs.start === 0) return { ...base, date: abs.date, granularity: 'day', relative: false, resolved: true };
  const iso = /^(\d{4})-(\d{2})-(\d{2})/.exec(e.text);
  if (iso) return { ...base, date: iso[0], granularity: 'day', relative: false, resolved: true };

  let start = cd?.dates?.start ?? undefined;
  let end = cd?.dates?.end ?? undefined;
  let time: string | undefined;
  const clock = /(\d{1,2})(?::(\d{2}))?\s*([ap])\.?m\.?/i.exec(e.text) ?? /\b(\d{1,2}):(\d{2})\b/.exec(e.text);
  if (clock) {
    let h = +clock[1];
    if (clock[3]) h = (h % 12) + (clock[3].toLowerCase() === 'p' ? 12 : 0);
    time = `${pad(h)}:${pad(clock[2] ? +clock[2] : 0)}`;
  } else if (/\bnoon\b/i.test(e.text)) time = '12:00';
  else if (/\bmidnight\b/i.test(e.text)) time = '00:00';

  const lower = e.text.toLowerCase();
  if (!start && today && e.type === 'time' && time) start = end = today;
  if (!start) return { ...base, time, granularity: 'unknown', relative, resolved: false };
  let date = start.slice(0, 10);
  let endDate = end ? end.slice(0, 10) : undefined;
  // Without a year, "5 January" in a report of 27 February is last January, not next.
  if (today && !/\d{4}/.test(e.text) && !/\b(?:next|coming|tomorrow)\b/.test(lower) && date > addDays(today, 60)) {
    date = `${+date.slice(0, 4) - 1}${date.slice(4)}`;
    if (endDate) endDate = `${+endDate.slice(0, 4) - 1}${endDate.slice(4)}`;
  }
  if (!time && cd?.dates?.unit === 'time' && start.length > 10 && !/morning|afternoon|evening|night/.test(lower)) time = start.slice(11, 16);
  const unit = cd?.dates?.unit;
  let granularity: TimeGranularity = 'day';
  if (time) granularity = 'time';
  else if (/morning|afternoon|evening|night/.test(lower)) granularity = 'part-of-day';
  else if (unit === 'year' || unit === 'month' || unit === 'week' || unit === 'day') granularity = unit;
  else if (endDate && endDate !== date) granularity = 'range';
  const result: Omit<TimelineEntry, 'sentence'> = { ...base, date, granularity, relative, resolved: true };
  if (endDate && endDate !== date) result.endDate = endDate;
  if (time) result.time = time;
  return result;
}
