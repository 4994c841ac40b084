#!/usr/bin/env node
// eval-runs: [] ["--meantime"]
// Temporal expressions on TempEval-3 training documents (../shared/eval/dates/te3-timebank.json and te3-aquaint.json:
// TimeBank 183 + AQUAINT 73 news documents, each with its document creation time and every TIMEX3). The system is
// what the CLI shows: summarize(text, { reportDate: DCT }).timeline. Scored per corpus:
//   found (relaxed)  = gold DATE/TIME expressions overlapped by a timeline entry (also shown for all four types);
//   value right      = gold DATE/TIME with a calendar value (starting with a year) whose overlapping entry carries
//                      that TIMEX3 value (entry.value, else the entry's date cut to the gold's granularity): the same
//                      string, or an equivalent form (1999-W7 = 1999-W07, 1968-XX = 1968), or a refinement the gold
//                      leaves out (our wider "Friday night" = ...TNI over a gold "Friday"; "Sunday night" = ...TNI
//                      where the gold stops at the day). Those credits are counted and printed, and the exact-string
//                      figure is printed beside the total;
//   type right       = gold DURATION/SET overlapped by an entry of the same type;
//   precision        = timeline entries overlapping some gold timex (MEANTIME: entries in its annotated lines).
// Never the TempEval-3 platinum test documents. Options: --errors file.jsonl (misses, wrong values, and entries no gold
// timex overlaps), --only timebank|aquaint,
// --classes (the misses by class: missed, granularity, weekday direction or anchor, month year, quarter, gold with X, ...).
// --meantime scores held-out text nobody tuned to instead: MEANTIME English (../shared/eval/meantime/meantime.json,
// 120 Wikinews articles, CC BY 4.0, gold DCT and TIMEX3 values) the same way, twice: the text as stored (tokenised,
// a space before every punctuation mark: "March 01 , 2008") and detokenised the way news is written (no space
// before , . ; : ) % 's n't '' and none after ( $ ``; gold offsets mapped), the figure to judge by. The dateline's
// timex (gold `dct`) is the report date itself, metadata the timeline leaves out: it is not scored as a timex;
// instead "report date from text" counts the documents whose report date summarize finds in the text (without
// the option) equal to the gold DCT. Gold values left as misses, not tuned to: ISO weeks one above ISO 8601
// ("this week" on Thursday 2008-10-09 = 2008-W42), weekdays resolved to the DCT's own day, a DCT unlike its dateline.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { newsSpacing, requireBuiltCore, requireShared } from '../shared.mjs';

const args = process.argv.slice(2);
const opt = (k) => { const i = args.indexOf(k); return i >= 0 ? args[i + 1] : undefined; };
const core = createRequire(import.meta.url)(requireBuiltCore());
const meantime = args.includes('--meantime');
const corpora = meantime ? ['meantime', 'meantime-detok'] : ['timebank', 'aquaint'].filter((c) => !opt('--only') || opt('--only') === c);
const errors = [];
const pct = (n, d) => (d ? `${((100 * n) / d).toFixed(1)}%` : 'n/a');
const line = [];
const t0 = Date.now();
const WEEKDAY = /\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b/i;
const MONTH = /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?(?![a-z])/i;
// Equivalent TIMEX3 forms: ISO week numbers with or without their zero ("1999-W7" = "1999-W07"), and trailing
// unknown fields that add nothing ("1968-XX" = "1968", "1998-XX-XX" = "1998").
const canon = (v) => String(v).replace(/-W(\d)(?!\d)/, '-W0$1').replace(/(?:-(?:XX|WXX|QX|X))+$/, '');
/**
 * How an entry's value matches the gold value: 'exact'; 'equivalent form' (see canon); 'finer, wider span' when
 * the entry covers more text than the gold ("Friday night" over a gold "Friday") and refines its value
 * ("1998-10-23TNI" for "1998-10-23"); 'part of day the gold text names' when the gold's own text names the part of
 * day the TIMEX3 guidelines put in the value ("Sunday night" = 2000-04-16TNI) and the gold value stops at the day.
 * Undefined when no entry matches. The summary line also prints the exact-string figure.
 */
function valueMatch(gv, hits, g) {
  const valueOf = (t) => t.value ?? (t.date ? t.date.slice(0, gv.length) : undefined);
  if (hits.some((t) => valueOf(t) === gv)) return 'exact';
  if (hits.some((t) => valueOf(t) !== undefined && canon(valueOf(t)) === canon(gv))) return 'equivalent form';
  const wider = (t) => t.start <= g.start && t.end >= g.end && t.end - t.start > g.end - g.start;
  if (/^\d{4}-\d{2}-\d{2}$/.test(gv) && hits.some((t) => wider(t) && String(valueOf(t)).startsWith(`${gv}T`))) return 'finer, wider span';
  // TIMEX3 values a part of day the text names ("Thursday morning" = 1999-10-07TMO); some gold values stop at the day.
  const part = /\b(morning|afternoon|evening|night|tonight)\b/i.exec(g.text)?.[1].toLowerCase();
  const code = { morning: 'MO', afternoon: 'AF', evening: 'EV', night: 'NI', tonight: 'NI' }[part];
  if (code && /^\d{4}-\d{2}-\d{2}$/.test(gv) && hits.some((t) => valueOf(t) === `${gv}T${code}`)) return 'part of day the gold text names';
  return undefined;
}
const unitOf = (v) => (/T\d/.test(v) ? 'time' : /T[A-Z]/.test(v) ? 'part of day' : /-Q/.test(v) ? 'quarter' : /-H\d/.test(v) ? 'half' : /-W\d+-WE/.test(v) ? 'weekend' : /-W/.test(v) ? 'week' : /-(?:SP|SU|FA|WI)/.test(v) ? 'season' : /^\d{4}-\d{2}-\d{2}/.test(v) ? 'day' : /^\d{4}-\d{2}$/.test(v) ? 'month' : /^\d{4}$/.test(v) ? 'year' : 'other');
const dayDiff = (a, b) => (Date.parse(a.slice(0, 10)) - Date.parse(b.slice(0, 10))) / 86400000;
/** Why a gold calendar value was not matched: one class per gold expression (printed with --classes). */
function missClass(g, gv, hits, dct, valueOf) {
  if (!hits.length) return 'missed (no entry overlaps)';
  const vs = hits.map(valueOf).filter((v) => v !== undefined && v !== null).map(String);
  if (!vs.length) return 'unresolved (entry without value)';
  if (/X/.test(gv)) return 'gold underspecified (X in gold, ours specific)';
  const v = vs.find((x) => /^\d{4}/.test(x)) ?? vs[0];
  if (!/^\d{4}/.test(v)) return `not a calendar value (${v.replace(/\d+/g, 'N')})`;
  const text = `${g.text} ${hits.map((t) => t.text).join(' ')}`;
  if (v.startsWith(gv) || gv.startsWith(v) || (v.slice(0, 4) === gv.slice(0, 4) && v.length !== gv.length)) return `granularity: gold ${unitOf(gv)}, ours ${unitOf(v)}`;
  const day = /^\d{4}-\d{2}-\d{2}/;
  if (WEEKDAY.test(text) && day.test(v) && day.test(gv)) {
    const side = (x) => Math.sign(dayDiff(x, dct));
    if (Math.abs(dayDiff(v, gv)) <= 7 && side(v) !== side(gv)) return 'weekday: wrong direction (past/future)';
    return 'weekday: wrong anchor (gold not counted from the DCT)';
  }
  if (MONTH.test(g.text) && !/\d{4}/.test(g.text) && v.slice(4) === gv.slice(4)) return 'month without year: wrong year (direction)';
  if (/-W\d/.test(v) && /-W\d/.test(gv)) return 'week: other week';
  if (/Q\d/.test(gv) || /Q\d/.test(v)) return 'quarter: other quarter/year';
  if (v.slice(4) === gv.slice(4)) return 'other year, same shape (anchor)';
  return 'other (anchor or reading)';
}
function loadCorpus(name) {
  if (!name.startsWith('meantime')) return JSON.parse(fs.readFileSync(requireShared(`eval/dates/te3-${name}.json`, 'npm run eval (dates)'), 'utf8'));
  const raw = JSON.parse(fs.readFileSync(requireShared('eval/meantime/meantime.json', 'npm run eval -- dates --meantime'), 'utf8'));
  return raw.map((d) => {
    // One gold DCT is written day-month-year ("03-02-2009" for a dateline of February 03, 2009).
    const dmy = /^(\d{2})-(\d{2})-(\d{4})$/.exec(String(d.gold.dct ?? ''));
    if (dmy) d = { ...d, gold: { ...d.gold, dct: `${dmy[3]}-${dmy[2]}-${dmy[1]}` } };
    // The dateline's timex (the whole second line) is the report date (metadata), not a timeline event; two
    // documents have no gold DCT: summarize reads their dateline.
    const l1 = d.text.indexOf('\n') + 1;
    const l2 = d.text.indexOf('\n', l1);
    const timexes = d.gold.timexes.filter((g) => !g.dct && !(g.start === l1 && g.end === l2)).map((g) => ({ ...g, type: String(g.type).toUpperCase() }));
    // Only the headline, dateline and the first four sentences (one a line) are annotated: precision counts there.
    let annotatedEnd = 0;
    for (let i = 0; i < 6 && annotatedEnd >= 0; i++) annotatedEnd = d.text.indexOf('\n', annotatedEnd + (i ? 1 : 0));
    if (annotatedEnd < 0) annotatedEnd = d.text.length;
    if (name === 'meantime') return { id: d.id, text: d.text, annotatedEnd, gold: { dct: d.gold.dct, timexes } };
    const t = newsSpacing(d.text);
    const mapped = timexes.map((g) => ({ ...g, start: t.at(g.start), end: t.endAt(g.end) }));
    for (const g of mapped) if (t.text.slice(g.start, g.end).replace(/\s/g, '') !== g.text.replace(/\s/g, '')) throw new Error(`detokenise: ${d.id} ${g.text}`);
    return { id: d.id, text: t.text, annotatedEnd: annotatedEnd >= d.text.length ? t.text.length : t.at(annotatedEnd - 1) + 1, gold: { dct: d.gold.dct, timexes: mapped.map((g) => ({ ...g, text: t.text.slice(g.start, g.end) })) } };
  });
}
for (const name of corpora) {
  const docs = loadCorpus(name);
  let dctFromText = 0;
  const S = { classes: {}, credits: {}, calExact: 0, dt: 0, dtFound: 0, all: 0, allFound: 0, cal: 0, calRight: 0, ds: 0, dsTyped: 0, sys: 0, sysHit: 0 };
  for (const doc of docs) {
    let dct = doc.gold.dct ? String(doc.gold.dct).slice(0, 10) : undefined;
    let timeline = [];
    try {
      const summary = core.summarize(doc.text, dct ? { reportDate: dct, reportDateSource: 'option' } : {});
      timeline = summary.timeline;
      dct ??= summary.reportDate.date;
    }
    catch (e) { errors.push({ corpus: name, id: doc.id, kind: 'system-error', message: String(e).slice(0, 300) }); }
    if (meantime && doc.gold.dct && core.findReportDate(doc.text, {}).date === dct) dctFromText++;
    const overlaps = (a, b) => a.start < b.end && b.start < a.end;
    const scored = doc.annotatedEnd === undefined ? timeline : timeline.filter((t) => t.start < doc.annotatedEnd);
    S.sys += scored.length;
    S.sysHit += scored.filter((t) => doc.gold.timexes.some((g) => overlaps(t, g))).length;
    // With --errors, the entries no gold timex overlaps (what precision counts against), for reading in aggregate.
    for (const t of scored) if (!doc.gold.timexes.some((g) => overlaps(t, g))) errors.push({ corpus: name, id: doc.id, kind: 'extra', text: t.text, type: t.type, system: t.value ?? t.date ?? null, sentence: t.sentence.text.slice(0, 200) });
    for (const g of doc.gold.timexes) {
      const hits = timeline.filter((t) => overlaps(t, g));
      S.all++;
      if (hits.length) S.allFound++;
      if (g.type === 'DATE' || g.type === 'TIME') {
        S.dt++;
        if (hits.length) S.dtFound++;
        else errors.push({ corpus: name, id: doc.id, kind: 'missed', text: g.text, type: g.type, value: g.value });
        if (/^\d{4}/.test(String(g.value))) {
          S.cal++;
          const gv = String(g.value);
          const valueOf = (t) => t.value ?? (t.date ? t.date.slice(0, gv.length) : undefined);
          const how = valueMatch(gv, hits, g);
          if (how) {
            S.calRight++;
            if (how === 'exact') S.calExact++;
            else S.credits[how] = (S.credits[how] ?? 0) + 1;
          } else {
            const cls = missClass(g, gv, hits, dct, valueOf);
            S.classes[cls] = (S.classes[cls] ?? 0) + 1;
            if (hits.length) errors.push({ corpus: name, id: doc.id, dct, kind: 'wrong-value', class: cls, text: g.text, gold: gv, system: hits.map((t) => [t.text, t.value ?? t.date ?? null, t.type]), sentence: hits[0].sentence.text.slice(0, 200) });
          }
        }
      } else {
        S.ds++;
        if (hits.some((t) => t.type === g.type.toLowerCase())) S.dsTyped++;
        else errors.push({ corpus: name, id: doc.id, kind: hits.length ? 'wrong-type' : 'missed', text: g.text, type: g.type, value: g.value, system: hits.map((t) => [t.text, t.type]) });
      }
    }
  }
  console.log(`${name.padEnd(9)} docs=${docs.length} date/time found ${S.dtFound}/${S.dt} (${pct(S.dtFound, S.dt)}) · all types found ${pct(S.allFound, S.all)} · calendar values right ${S.calRight}/${S.cal} (${pct(S.calRight, S.cal)}; exact strings ${pct(S.calExact, S.cal)}) · durations/sets typed ${S.dsTyped}/${S.ds} (${pct(S.dsTyped, S.ds)}) · precision ${pct(S.sysHit, S.sys)}`);
  if (meantime) console.log(`  report date from text (no option) = gold DCT: ${dctFromText}/${docs.filter((d) => d.gold.dct).length} (${pct(dctFromText, docs.filter((d) => d.gold.dct).length)})`);
  line.push(`${name} found=${pct(S.dtFound, S.dt)} values=${pct(S.calRight, S.cal)} P=${pct(S.sysHit, S.sys)}`);
  if (Object.keys(S.credits).length) console.log(`  values counted right beyond exact strings: ${Object.entries(S.credits).map(([k, n]) => `${k} ${n}`).join(', ')}`);
  if (args.includes('--classes')) {
    console.log(`  calendar values not right, by class (${S.cal - S.calRight}):`);
    for (const [k, n] of Object.entries(S.classes).sort((a, b) => b[1] - a[1])) console.log(`    ${String(n).padStart(4)}  ${k}`);
  }
}
if (opt('--errors')) fs.writeFileSync(opt('--errors'), errors.map((e) => JSON.stringify(e)).join('\n') + '\n');
console.log(`SUMMARY dates (${meantime ? 'MEANTIME held-out, tokenised and detokenised' : 'TempEval-3 train'}, relaxed) ${line.join(' · ')} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
