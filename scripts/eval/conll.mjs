#!/usr/bin/env node
// eval-runs: [] ["--detok"] ["--data", "WIKINEURAL"]
// npm run eval -- [--data FILE] [--detok]
// Scores dist/core.js analyze() on a CoNLL-2003 file exactly as ../shared/eval/score.mjs does: its own reader rebuilds
// each document's text (tokens joined by single spaces, or news-style with --detok), spans are exact character
// matches, person->PER, organization->ORG, place->LOC, group->MISC; the headline is micro F1 over PER+ORG+LOC.
// Reads ../shared (evaluation data): not needed by the extension or the tests.
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { pct, prf, requireBuiltCore, requireShared } from '../shared.mjs';

const args = process.argv.slice(2);
const detok = args.includes('--detok');
const dataArg = args.indexOf('--data') >= 0 ? args[args.indexOf('--data') + 1] : null;
const data = dataArg === 'WIKINEURAL' ? requireShared('eval/ner-extra/wikineural-en-dev.txt', 'npm run eval') : dataArg || requireShared('eval/conll2003-dev.txt', 'npm run eval');
const scorer = await import(pathToFileURL(requireShared('eval/score.mjs', 'npm run eval')).href);
const core = createRequire(import.meta.url)(requireBuiltCore());

const TYPE = { person: 'PER', organization: 'ORG', place: 'LOC', group: 'MISC' };
const TYPES = ['PER', 'ORG', 'LOC', 'MISC'];
const docs = scorer.readConll(data, { detok });
const c = Object.fromEntries(TYPES.map((t) => [t, { tp: 0, fp: 0, fn: 0 }]));
let words = 0;
const t0 = performance.now();
for (const d of docs) {
  words += d.nTokens;
  const pred = new Set(core.analyze(d.text).entities.filter((e) => TYPE[e.type]).map((e) => `${e.start}:${e.end}:${TYPE[e.type]}`));
  const gold = new Set(d.gold.filter((g) => c[g.type]).map((g) => `${g.start}:${g.end}:${g.type}`));
  for (const p of pred) c[p.split(':')[2]][gold.has(p) ? 'tp' : 'fp']++;
  for (const g of gold) if (!pred.has(g)) c[g.split(':')[2]].fn++;
}
const ms = performance.now() - t0;
console.log(`data: ${data}${detok ? ' (news-style spacing)' : ' (single-space tokens)'}; ${docs.length} documents, ${words} tokens`);
console.log(`${'type'.padEnd(8)}     P     R    F1`);
for (const t of TYPES) {
  const s = prf(c[t]);
  console.log(`${t.padEnd(8)} ${pct(s.p)} ${pct(s.r)} ${pct(s.f)}   tp=${s.tp} fp=${s.fp} fn=${s.fn}`);
}
const m = prf(['PER', 'ORG', 'LOC'].reduce((a, t) => ({ tp: a.tp + c[t].tp, fp: a.fp + c[t].fp, fn: a.fn + c[t].fn }), { tp: 0, fp: 0, fn: 0 }));
console.log(`${'micro'.padEnd(8)} ${pct(m.p)} ${pct(m.r)} ${pct(m.f)}   (PER+ORG+LOC)`);
console.log(`throughput: ${Math.round(words / (ms / 1000))} words/s (one pass, includes all entity types)`);
console.log(`micro F1 ${m.f.toFixed(3)}`);
