#!/usr/bin/env node
// eval-runs: []
// npm run eval -- cti [--doc N] [--core PATH]
// Scores dist/core.js analyze() on APTNER dev (../shared/eval/ner-extra/aptner-dev.bio.conll): threat-report
// sentences in BIO. APTNER has no document boundaries, so consecutive sentences are grouped into pseudo-reports of
// --doc sentences (default 20; tokens joined by single spaces, sentences by "\n"), as the CTI tagger was trained.
// Prints exact-span P/R/F1 for APT (threatActor), MAL (malware) and TOOL (tool), their micro F1, and the share of
// gold APT/MAL/TOOL names that the full pipeline types as a person or a place (any overlap), and as an organisation.
// --core PATH scores another build (e.g. ../main/dist/core.js for the figures before the CTI tagger).
// Reads ../shared (evaluation data): not needed by the extension or the tests.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { pct, prf, requireBuiltCore, requireShared } from '../shared.mjs';

const args = process.argv.slice(2);
const argOf = (k, d) => (args.indexOf(k) >= 0 ? args[args.indexOf(k) + 1] : d);
const DOC = Number(argOf('--doc', 20));
const data = requireShared('eval/ner-extra/aptner-dev.bio.conll', 'npm run eval -- cti');
const corePath = argOf('--core', null) ? path.resolve(argOf('--core')) : requireBuiltCore();
const core = createRequire(import.meta.url)(corePath);

const TYPES = ['APT', 'MAL', 'TOOL'];
const OF = { threatActor: 'APT', malware: 'MAL', tool: 'TOOL' };

// sentences: [{tok, tag}]
const sents = [];
let cur = [];
for (const raw of fs.readFileSync(data, 'utf8').split(/\r?\n/)) {
  const line = raw.trim();
  if (!line) { if (cur.length) sents.push(cur); cur = []; continue; }
  const cols = line.split(/\s+/);
  cur.push({ tok: cols[0], tag: cols[cols.length - 1] });
}
if (cur.length) sents.push(cur);

const docs = [];
for (let i = 0; i < sents.length; i += DOC) {
  let text = '';
  const gold = [];
  for (const s of sents.slice(i, i + DOC)) {
    if (text) text += '\n';
    let open = null;
    const close = () => { if (open) { gold.push(open); open = null; } };
    s.forEach(({ tok, tag }, k) => {
      if (k > 0) text += ' ';
      const start = text.length;
      text += tok;
      const type = tag === 'O' ? null : tag.slice(2);
      if (!type) { close(); return; }
      if (tag.startsWith('I-') && open && open.type === type) open.end = text.length;
      else { close(); open = { start, end: text.length, type }; }
    });
    close();
  }
  docs.push({ text, gold });
}

const c = Object.fromEntries(TYPES.map((t) => [t, { tp: 0, fp: 0, fn: 0 }]));
// The same, with APTNER's generic terms left out of gold (it labels "email", "C2", "DLL", "backdoor" ... as TOOL/MAL;
// the product does not highlight generic words as names): core.isGenericCtiTerm decides.
const names = Object.fromEntries(TYPES.map((t) => [t, { tp: 0, fp: 0, fn: 0 }]));
let genericGold = 0;
let goldNames = 0, asPersonPlace = 0, asOrg = 0, technical = 0, words = 0;
const confusions = new Map();
const t0 = performance.now();
for (const d of docs) {
  words += d.text.split(/\s+/).length;
  const ents = core.analyze(d.text).entities;
  if (core.looksTechnical?.(d.text)) technical++;
  const pred = new Set(ents.filter((e) => OF[e.type]).map((e) => `${e.start}:${e.end}:${OF[e.type]}`));
  const gold = new Set(d.gold.filter((g) => c[g.type]).map((g) => `${g.start}:${g.end}:${g.type}`));
  for (const p of pred) c[p.split(':')[2]][gold.has(p) ? 'tp' : 'fp']++;
  for (const g of gold) if (!pred.has(g)) c[g.split(':')[2]].fn++;
  const generic = (k) => { const [a, b] = k.split(':'); return core.isGenericCtiTerm?.(d.text.slice(+a, +b)) ?? false; };
  for (const p of pred) names[p.split(':')[2]][gold.has(p) ? 'tp' : 'fp']++;
  for (const g of gold) { if (generic(g)) genericGold++; else if (!pred.has(g)) names[g.split(':')[2]].fn++; }
  for (const g of d.gold) {
    if (!c[g.type]) continue;
    goldNames++;
    const over = ents.filter((e) => e.start < g.end && g.start < e.end);
    if (over.some((e) => e.type === 'person' || e.type === 'place')) {
      asPersonPlace++;
      const k = `${g.type}->${over.find((e) => e.type === 'person' || e.type === 'place').type}`;
      confusions.set(k, (confusions.get(k) ?? 0) + 1);
    }
    if (over.some((e) => e.type === 'organization')) asOrg++;
  }
}
const ms = performance.now() - t0;
console.log(`data: ${data}; ${docs.length} pseudo-reports of ${DOC} sentences, ${words} tokens; core ${corePath}`);
console.log(`reports the CTI tagger ran on (looksTechnical): ${technical}/${docs.length}`);
console.log(`${'type'.padEnd(8)}     P     R    F1`);
for (const t of TYPES) {
  const s = prf(c[t]);
  console.log(`${t.padEnd(8)} ${pct(s.p)} ${pct(s.r)} ${pct(s.f)}   tp=${s.tp} fp=${s.fp} fn=${s.fn}`);
}
const m = prf(TYPES.reduce((a, t) => ({ tp: a.tp + c[t].tp, fp: a.fp + c[t].fp, fn: a.fn + c[t].fn }), { tp: 0, fp: 0, fn: 0 }));
console.log(`${'micro'.padEnd(8)} ${pct(m.p)} ${pct(m.r)} ${pct(m.f)}   (APT+MAL+TOOL, exact spans)`);
const mn = prf(TYPES.reduce((a, t) => ({ tp: a.tp + names[t].tp, fp: a.fp + names[t].fp, fn: a.fn + names[t].fn }), { tp: 0, fp: 0, fn: 0 }));
console.log(`${'names'.padEnd(8)} ${pct(mn.p)} ${pct(mn.r)} ${pct(mn.f)}   (the same without APTNER's ${genericGold} generic-term gold spans: ` +
  `${TYPES.map((t) => `${t} ${pct(prf(names[t]).f).trim()}`).join(', ')})`);
console.log(`APT/MAL/TOOL names typed person or place: ${asPersonPlace}/${goldNames} = ${pct(asPersonPlace / goldNames)}%  ` +
  `(${[...confusions].map(([k, v]) => `${k} ${v}`).join(', ')}); typed organisation: ${asOrg}/${goldNames} = ${pct(asOrg / goldNames)}%`);
console.log(`throughput: ${Math.round(words / (ms / 1000))} words/s (analyze(), all entity types)`);
console.log(`micro F1 ${m.f.toFixed(3)}`);
