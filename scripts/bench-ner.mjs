// Throughput of the statistical NER tagger vs compromise, measured in the same process on the same texts.
//   node scripts/bench-ner.mjs [--rounds 5] [--detok]
// Texts: every CoNLL-2003 dev document rebuilt by ../shared/eval/score.mjs (tokens joined by single spaces, or
// news-style spacing with --detok). Words = CoNLL tokens. Each round times one full pass of each system over all
// documents (whole-document calls); rounds alternate the systems; the median round is reported.
// compromise is timed two ways: bare `nlp(text)` + `.people()/.places()/.organizations()` materialised with
// `.out('array')`, and with `.json({offset: true})` as score.mjs uses it (needed to get character spans).
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const shared = path.join(process.env.ANALYST_LENS_SHARED || path.resolve(repo, '../shared'), 'eval');
const scorer = path.join(shared, 'score.mjs');
const dev = path.join(shared, 'conll2003-dev.txt');
if (!fs.existsSync(scorer) || !fs.existsSync(dev)) {
  console.error(`bench-ner: ${scorer} / ${dev} not found: the evaluation data lives in shared/eval/ beside the repository.`);
  process.exit(1);
}
const args = process.argv.slice(2);
const rounds = args.includes('--rounds') ? +args[args.indexOf('--rounds') + 1] : 5;
const detok = args.includes('--detok');

const { readConll } = await import(pathToFileURL(scorer).href);
const nerSystem = (await import(pathToFileURL(path.join(repo, 'scripts/ner-system.mjs')).href)).default;
const nlp = (await import('compromise')).default;

const docs = readConll(dev, { detok });
const words = docs.reduce((a, d) => a + d.nTokens, 0);
const chars = docs.reduce((a, d) => a + d.text.length, 0);

const systems = {
  'ner (src/core/ner)': (t) => nerSystem(t).length,
  'compromise people/places/orgs': (t) => {
    const d = nlp(t);
    return d.people().out('array').length + d.places().out('array').length + d.organizations().out('array').length;
  },
  'compromise + json offsets': (t) => {
    const d = nlp(t);
    return d.people().json({ offset: true }).length + d.places().json({ offset: true }).length + d.organizations().json({ offset: true }).length;
  },
};
// warm-up
for (const f of Object.values(systems)) for (const d of docs.slice(0, 40)) f(d.text);
const times = Object.fromEntries(Object.keys(systems).map((k) => [k, []]));
for (let r = 0; r < rounds; r++) {
  for (const [k, f] of Object.entries(systems)) {
    const t0 = performance.now();
    for (const d of docs) f(d.text);
    times[k].push(performance.now() - t0);
  }
}
const med = (a) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)];
console.log(`${docs.length} documents, ${words} words, ${chars} chars, ${detok ? 'detok' : 'plain'} text, ${rounds} rounds, node ${process.version}`);
const wps = {};
for (const k of Object.keys(systems)) {
  wps[k] = words / (med(times[k]) / 1000);
  console.log(`${k.padEnd(32)} ${Math.round(wps[k]).toString().padStart(8)} words/s  (median ${med(times[k]).toFixed(0)} ms; rounds ${times[k].map((t) => t.toFixed(0)).join(', ')})`);
}
const ner = wps['ner (src/core/ner)'];
console.log(`ratio vs compromise people/places/orgs: ${(ner / wps['compromise people/places/orgs']).toFixed(2)}x; vs compromise + json offsets: ${(ner / wps['compromise + json offsets']).toFixed(2)}x`);
