#!/usr/bin/env node
// eval-runs: []
// Temporal expressions on TempEval-3 training documents (../shared/eval/dates/te3-timebank.json and te3-aquaint.json:
// TimeBank 183 + AQUAINT 73 news documents, each with its document creation time and every TIMEX3). The system is
// what the CLI shows: summarize(text, { reportDate: DCT }).timeline. Scored per corpus:
//   found (relaxed)  = gold DATE/TIME expressions overlapped by a timeline entry (also shown for all four types);
//   value right      = gold DATE/TIME with a calendar value (starting with a year) whose overlapping entry carries
//                      that TIMEX3 value exactly (entry.value, else the entry's date cut to the gold's granularity);
//   type right       = gold DURATION/SET overlapped by an entry of the same type;
//   precision        = timeline entries overlapping some gold timex.
// Never the TempEval-3 platinum test documents. Options: --errors file.jsonl (misses and wrong values), --only timebank|aquaint.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { requireBuiltCore, requireShared } from '../shared.mjs';

const args = process.argv.slice(2);
const opt = (k) => { const i = args.indexOf(k); return i >= 0 ? args[i + 1] : undefined; };
const core = createRequire(import.meta.url)(requireBuiltCore());
const corpora = ['timebank', 'aquaint'].filter((c) => !opt('--only') || opt('--only') === c);
const errors = [];
const pct = (n, d) => (d ? `${((100 * n) / d).toFixed(1)}%` : 'n/a');
const line = [];
const t0 = Date.now();
for (const name of corpora) {
  const docs = JSON.parse(fs.readFileSync(requireShared(`eval/dates/te3-${name}.json`, 'npm run eval (dates)'), 'utf8'));
  const S = { dt: 0, dtFound: 0, all: 0, allFound: 0, cal: 0, calRight: 0, ds: 0, dsTyped: 0, sys: 0, sysHit: 0 };
  for (const doc of docs) {
    const dct = String(doc.gold.dct).slice(0, 10);
    let timeline = [];
    try { timeline = core.summarize(doc.text, { reportDate: dct, reportDateSource: 'option' }).timeline; }
    catch (e) { errors.push({ corpus: name, id: doc.id, kind: 'system-error', message: String(e).slice(0, 300) }); }
    const overlaps = (a, b) => a.start < b.end && b.start < a.end;
    S.sys += timeline.length;
    S.sysHit += timeline.filter((t) => doc.gold.timexes.some((g) => overlaps(t, g))).length;
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
          if (hits.some((t) => valueOf(t) === gv)) S.calRight++;
          else if (hits.length) errors.push({ corpus: name, id: doc.id, dct, kind: 'wrong-value', text: g.text, gold: gv, system: hits.map((t) => [t.text, t.value ?? t.date ?? null, t.type]), sentence: hits[0].sentence.text.slice(0, 200) });
        }
      } else {
        S.ds++;
        if (hits.some((t) => t.type === g.type.toLowerCase())) S.dsTyped++;
        else errors.push({ corpus: name, id: doc.id, kind: hits.length ? 'wrong-type' : 'missed', text: g.text, type: g.type, value: g.value, system: hits.map((t) => [t.text, t.type]) });
      }
    }
  }
  console.log(`${name.padEnd(9)} docs=${docs.length} date/time found ${S.dtFound}/${S.dt} (${pct(S.dtFound, S.dt)}) · all types found ${pct(S.allFound, S.all)} · calendar values right ${S.calRight}/${S.cal} (${pct(S.calRight, S.cal)}) · durations/sets typed ${S.dsTyped}/${S.ds} (${pct(S.dsTyped, S.ds)}) · precision ${pct(S.sysHit, S.sys)}`);
  line.push(`${name} found=${pct(S.dtFound, S.dt)} values=${pct(S.calRight, S.cal)} P=${pct(S.sysHit, S.sys)}`);
}
if (opt('--errors')) fs.writeFileSync(opt('--errors'), errors.map((e) => JSON.stringify(e)).join('\n') + '\n');
console.log(`SUMMARY dates (TempEval-3 train, relaxed) ${line.join(' · ')} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
