#!/usr/bin/env node
// npm run eval — prints every development figure in one run. Each figure set is a script in scripts/eval/
// (one per capability: NER on CoNLL/WikiNEuRal/APTNER, the 60 annotated reports, quotes, coreference, dates, ...),
// run in turn as its own process so one failing scorer does not hide the others.
// Reads ../shared (evaluation data; set ANALYST_LENS_SHARED elsewhere): not needed by the extension or the tests.
//   npm run eval                 every scorer
//   npm run eval -- conll dates  only the named ones (file names without .mjs)
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { repoRoot, requireBuiltCore, sharedDir } from './shared.mjs';

requireBuiltCore();
if (!fs.existsSync(sharedDir)) {
  console.error(`error: ${sharedDir} not found: npm run eval needs the evaluation data in ../shared (or ANALYST_LENS_SHARED).`);
  process.exit(2);
}
const dir = path.join(repoRoot, 'scripts', 'eval');
const only = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const order = (f) => ['conll.mjs'].indexOf(f) >>> 0;
const scripts = fs.readdirSync(dir).filter((f) => f.endsWith('.mjs') && (!only.length || only.includes(f.replace(/\.mjs$/, ''))))
  .sort((a, b) => order(a) - order(b) || a.localeCompare(b));
let failed = 0;
for (const f of scripts) {
  // Each script may declare its variants on its first line: `// eval-runs: [] ["--detok"]` (JSON arrays of arguments).
  const head = fs.readFileSync(path.join(dir, f), 'utf8').split('\n', 3).find((l) => l.startsWith('// eval-runs:'));
  const runs = head ? [...head.slice('// eval-runs:'.length).matchAll(/\[[^\]]*\]/g)].map((m) => JSON.parse(m[0])) : [[]];
  for (const args of runs) {
    console.log(`\n=== ${f.replace(/\.mjs$/, '')}${args.length ? ' ' + args.join(' ') : ''} ===`);
    const r = spawnSync(process.execPath, [path.join(dir, f), ...args], { stdio: 'inherit', cwd: repoRoot });
    if (r.status !== 0) { failed++; console.log(`(${f} exited with ${r.status})`); }
  }
}
process.exit(failed ? 1 : 0);
