#!/usr/bin/env node
// eval-runs: []
// npm run eval -- aptner [--data FILE] [--show N]
// APTNER dev (threat-intelligence report sentences): how often the news tagger (dist/core.js analyze()) calls a
// malware, tool or threat-actor name a person or a place. The text is rebuilt by ../shared/eval/score.mjs's reader
// (tokens joined by single spaces, sentences by newlines, the whole file one document). A gold MAL/TOOL/APT span
// whose first letter is upper case (lower-case spans such as "attackers" or "backdoor" are not names) counts as
// "typed person/place" when a person or place entity overlaps it. Also printed: the share typed organisation, and
// how many of our organisation/person/place spans overlap a threat name.
// Reads ../shared (evaluation data): not needed by the extension or the tests.
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { requireBuiltCore, requireShared } from '../shared.mjs';

const args = process.argv.slice(2);
const dataArg = args.indexOf('--data') >= 0 ? args[args.indexOf('--data') + 1] : null;
const show = args.indexOf('--show') >= 0 ? Number(args[args.indexOf('--show') + 1]) : 0;
const data = dataArg || requireShared('eval/ner-extra/aptner-dev.bio.conll', 'npm run eval');
const scorer = await import(pathToFileURL(requireShared('eval/score.mjs', 'npm run eval')).href);
const core = createRequire(import.meta.url)(requireBuiltCore());

const THREAT = new Set(['MAL', 'TOOL', 'APT']);
const docs = scorer.readConll(data, {});
const per = Object.fromEntries([...THREAT].map((t) => [t, { n: 0, person: 0, place: 0, org: 0 }]));
let ours = { person: 0, place: 0, organization: 0 };
let oursOnThreat = { person: 0, place: 0, organization: 0 };
const examples = [];
const t0 = performance.now();
for (const d of docs) {
  const ents = core.analyze(d.text).entities;
  const threat = d.gold.filter((g) => THREAT.has(g.type) && /^\p{Lu}/u.test(d.text.slice(g.start, g.end)));
  const overlaps = (a, b) => a.start < b.end && b.start < a.end;
  for (const g of threat) {
    const c = per[g.type];
    c.n++;
    const hit = ents.filter((e) => overlaps(e, g));
    if (hit.some((e) => e.type === 'person')) c.person++;
    else if (hit.some((e) => e.type === 'place')) c.place++;
    if (hit.some((e) => e.type === 'organization')) c.org++;
    if (hit.some((e) => e.type === 'person' || e.type === 'place') && examples.length < show) {
      examples.push(`${g.type} "${d.text.slice(g.start, g.end)}" -> ${hit.map((e) => `${e.type} "${e.text}"`).join(', ')}`);
    }
  }
  for (const e of ents) {
    if (!(e.type in ours)) continue;
    ours[e.type]++;
    if (threat.some((g) => overlaps(e, g))) oursOnThreat[e.type]++;
  }
}
const pct = (a, b) => (b ? ((100 * a) / b).toFixed(1) : '0.0') + '%';
console.log(`data: ${data}; ${docs.length} document(s); ${((performance.now() - t0) / 1000).toFixed(1)} s`);
let n = 0, pp = 0, org = 0;
for (const [t, c] of Object.entries(per)) {
  n += c.n; pp += c.person + c.place; org += c.org;
  console.log(`${t.padEnd(5)} spans ${String(c.n).padStart(5)}  person ${pct(c.person, c.n).padStart(6)}  place ${pct(c.place, c.n).padStart(6)}  organization ${pct(c.org, c.n).padStart(6)}`);
}
for (const t of Object.keys(ours)) console.log(`our ${t} spans: ${ours[t]}, of them on a malware/tool/threat-actor name: ${oursOnThreat[t]} (${pct(oursOnThreat[t], ours[t])})`);
for (const x of examples) console.log('  ' + x);
console.log(`threat names typed person or place: ${pp}/${n} (${pct(pp, n)}); typed organization ${pct(org, n)}`);
