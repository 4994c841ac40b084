import type { Actor, Analysis, Entity, ReportDate, SummaryOptions, TimelineEntry } from '../types';
import { buildTimeline, findReportDate } from '../summary/dates';
import { frontMatter, splitSentences } from '../summary/sentences';
import { holidayNamed, holidayPattern } from '../text/lexicon';

/** Every date and time of a text resolved as the summary resolves them, with the report date they were read against. */
export interface ResolvedTemporal {
  reportDate: ReportDate;
  /** One entry per date or time entity outside front matter, sorted by start. */
  entries: TimelineEntry[];
}

/**
 * Resolves the dates and times of an analysis to calendar dates, exactly as summarize() builds its timeline (same
 * report date, same sentences, same resolver in src/core/summary/dates.ts), without building the rest of the summary.
 */
export function resolveTemporal(text: string, analysis: Analysis, options: Pick<SummaryOptions, 'reportDate' | 'reportDateSource'> = {}): ResolvedTemporal {
  const reportDate = findReportDate(text, options);
  const fm = frontMatter(text);
  const entities = analysis.entities.filter((e) => (e.type === 'date' || e.type === 'time') && (!fm || e.start >= fm.end));
  if (!entities.length) return { reportDate, entries: [] };
  return { reportDate, entries: buildTimeline(text, splitSentences(text), entities, reportDate.date) };
}

const SOURCE: Record<ReportDate['source'], string> = {
  option: 'the analystLens.reportDate setting',
  'front-matter': 'the front matter',
  text: 'the dateline',
  fallback: "the file's modification time",
  none: 'nowhere',
};

const HOLIDAY_NAME = new RegExp(holidayPattern(), 'i');

/** One line saying what a date or time resolved to and how: "2020-02-26 · relative to the report date 2020-02-27 (front matter)". */
export function explainTemporal(entry: TimelineEntry, reportDate: ReportDate): { value: string; how: string } {
  const range = entry.endDate && entry.endDate !== entry.date ? `${entry.date} – ${entry.endDate}` : entry.date;
  const value = entry.resolved && range ? `${range}${entry.time ? ` ${entry.time}` : ''}` : entry.time ?? 'not resolved';
  let how: string;
  if (!entry.resolved) {
    const named = HOLIDAY_NAME.exec(entry.text);
    const holiday = named ? holidayNamed(named[0]) : undefined;
    if (holiday && !holiday.rule) how = `${holiday.name} follows a lunar or lunisolar calendar: its date moves every year and is not computed`;
    else how = reportDate.date ? 'not a calendar expression the resolver reads' : 'relative, and the report has no date to resolve it against';
  }
  else if (entry.relative) how = `relative: resolved against the report date ${reportDate.date ?? '?'} (from ${SOURCE[reportDate.source]})`;
  else how = 'absolute: read from the text itself';
  const grain = entry.granularity !== 'unknown' && entry.granularity !== 'day' ? ` · granularity: ${entry.granularity}` : '';
  return { value, how: `${how}${grain}` };
}

/**
 * The actor a title belongs to: the person named right after it ("Prime Minister Netanyahu"), the actor whose
 * mention contains it ("the Prime Minister" linked by role), else the actor nearest to it that the text gives this
 * role. Undefined when no actor carries it.
 */
export function titleOwner(text: string, title: Entity, actors: readonly Actor[]): Actor | undefined {
  let best: { actor: Actor; score: number } | undefined;
  const key = title.text.toLowerCase().replace(/\s+/g, ' ');
  for (const actor of actors) {
    for (const m of actor.mentions) {
      let score = Infinity;
      const gap = text.slice(title.end, m.start);
      if (m.start >= title.end && /^[\s.,]{0,3}$/.test(gap) && !/\n\s*\n/.test(gap)) score = 0;
      else if (m.start <= title.start && title.end <= m.end) score = 1;
      else if (actor.roles.some((r) => r.toLowerCase() === key)) score = 10 + Math.abs(m.start - title.start) / 1e6;
      if (!best || score < best.score) best = { actor, score };
    }
  }
  return best && Number.isFinite(best.score) ? best.actor : undefined;
}

const WORD_NUMBERS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20,
  thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90, hundred: 100, dozen: 12,
};
const SCALES: Record<string, number> = { thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12, k: 1e3, m: 1e6, bn: 1e9 };

/** A quantity's number and what it counts: "300 troops" → 300, "troops"; "$2.5 million" → 2,500,000, "$". */
export function readQuantity(text: string): { value?: number; unit?: string; approximate: boolean } {
  const t = text.trim();
  const approximate = /\b(?:about|around|some|nearly|almost|approximately|roughly|over|more than|less than|at least|up to|dozens|hundreds|thousands|several)\b|~/i.test(t);
  const m = /([$€£¥])?\s*(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s*(thousand|million|billion|trillion|bn|k|m)?\b\s*(%|per ?cent|[\p{L}][\p{L}\s-]*)?/iu.exec(t);
  if (m) {
    let value = Number(m[2].replace(/,/g, ''));
    if (m[3]) value *= SCALES[m[3].toLowerCase()] ?? 1;
    const unit = (m[1] ?? m[4]?.trim()) || undefined;
    return { value, unit, approximate };
  }
  const w = /\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|a hundred|hundred|a dozen|dozen)\b(?:\s+(thousand|million|billion))?\s*([\p{L}][\p{L}\s-]*)?/iu.exec(t);
  if (w) {
    const base = WORD_NUMBERS[w[1].toLowerCase().replace(/^a /, '')];
    return { value: base * (w[2] ? SCALES[w[2].toLowerCase()] : 1), unit: w[3]?.trim() || undefined, approximate };
  }
  return { approximate };
}
