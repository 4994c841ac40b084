#!/usr/bin/env node
// eval-runs: [] ["--validation"]
// npm run eval -- gap [--validation] [--errors FILE.jsonl]
// GAP (../shared/eval/coref/gap-development.json, --validation: gap-validation.json; Apache-2.0): Wikipedia snippets,
// each with one pronoun and two names A and B, and which of them (or neither) the pronoun refers to. Runs analyze() +
// buildActors() of dist/core.js on each snippet, as the extension does, and reads the actor that owns the pronoun among
// its `pronounMentions` (actors/pronouns.ts; links of confidence >= 0.5, PRONOUN_MENTION_MIN). A is predicted coreferent when that actor
// has a mention overlapping A's span or written as A is (the same for B). GAP's metric: the A and B decisions of every
// example are binary; precision, recall and F1 of the "coreferent" class, overall and by the pronoun's gender (M, F),
// and the bias F1(F) / F1(M). Baseline printed alongside: "nearest name" (of A and B, the one nearest before the
// pronoun, else the nearest after, is coreferent), which uses the gold names and always answers.
// The test split is not used (it is not in ../shared). Reads ../shared (evaluation data): not needed by the extension
// or the tests.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { requireBuiltCore, requireShared, prf, pct } from '../shared.mjs';

const args = process.argv.slice(2);
const validation = args.includes('--validation');
const errorsFile = args.indexOf('--errors') >= 0 ? args[args.indexOf('--errors') + 1] : null;
const split = validation ? 'validation' : 'development';
const data = JSON.parse(fs.readFileSync(requireShared(`eval/coref/gap-${split}.json`, 'npm run eval -- gap'), 'utf8'));
const core = createRequire(import.meta.url)(requireBuiltCore());

const counts = () => ({ tp: 0, fp: 0, fn: 0 });
const ours = { all: counts(), M: counts(), F: counts() };
const base = { all: counts(), M: counts(), F: counts() };
let linked = 0, namesFound = 0;
const errors = [];
const tally = (c, gold, pred) => {
  if (pred && gold) c.tp++;
  else if (pred) c.fp++;
  else if (gold) c.fn++;
};
const t0 = Date.now();
for (const ex of data) {
  const { text } = ex;
  const g = ex.gold;
  const p = { start: g.pronoun.offset, end: g.pronoun.offset + g.pronoun.text.length };
  const span = (x) => ({ start: x.offset, end: x.offset + x.text.length, text: x.text });
  const A = span(g.A), B = span(g.B);
  const actors = core.buildActors(text, core.analyze(text), { actions: false });
  const owner = actors.find((a) => (a.pronounMentions ?? []).some((m) => m.start === p.start));
  const refersTo = (x) =>
    !!owner && owner.mentions.some((m) => (m.start < x.end && x.start < m.end) || m.text === x.text);
  const predA = refersTo(A), predB = refersTo(B);
  if (owner) linked++;
  for (const x of [A, B]) if (actors.some((a) => a.type === 'person' && a.mentions.some((m) => m.start < x.end && x.start < m.end))) namesFound++;
  // the nearest-name baseline
  const dist = (x) => (x.end <= p.start ? p.start - x.end : 1e6 + x.start - p.end);
  const nearA = dist(A) <= dist(B);
  for (const [c, pa, pb] of [[ours, predA, predB], [base, nearA, !nearA]]) {
    for (const k of ['all', g.gender]) {
      tally(c[k], g.A.coref, pa);
      tally(c[k], g.B.coref, pb);
    }
  }
  if (errorsFile && (predA !== g.A.coref || predB !== g.B.coref)) {
    const link = owner?.pronounMentions.find((m) => m.start === p.start);
    errors.push({ id: ex.id, gender: g.gender, pronoun: g.pronoun.text, A: g.A.text, goldA: g.A.coref, predA, B: g.B.text, goldB: g.B.coref, predB, ours: owner?.name, evidence: link?.evidence });
  }
}
const line = (name, c) => {
  const [a, m, f] = [prf(c.all), prf(c.M), prf(c.F)];
  const bias = m.f ? (f.f / m.f).toFixed(2) : 'n/a';
  console.log(`  ${name.padEnd(14)} P ${pct(a.p)}  R ${pct(a.r)}  F1 ${pct(a.f)}   M F1 ${pct(m.f)}  F F1 ${pct(f.f)}  bias F/M ${bias}`);
  return { a, m, f, bias };
};
console.log(`GAP ${split}: ${data.length} examples (${((Date.now() - t0) / 1000).toFixed(1)} s); pronoun linked in ${linked} (${pct(linked / data.length).trim()}%); names A/B found as persons ${namesFound}/${2 * data.length}`);
const o = line('ours', ours);
line('nearest name', base);
if (errorsFile) fs.writeFileSync(errorsFile, errors.map((e) => JSON.stringify(e)).join('\n') + '\n');
console.log(`SUMMARY gap-${split} P=${pct(o.a.p).trim()}% R=${pct(o.a.r).trim()}% F1=${pct(o.a.f).trim()}% M=${pct(o.m.f).trim()}% F=${pct(o.f.f).trim()}% bias=${o.bias}`);
