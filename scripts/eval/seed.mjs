#!/usr/bin/env node
// eval-runs: []
// npm run eval -- seed
// The seed acceptance check: runs ../shared/checks/seedcheck.mjs (the shared scorer, against the shared seed report
// ../shared/seeds/000_931ddf8dbef545ad.txt and its expected.json) on this repository's dist/core.js and prints its
// result (misses, forbidden spans, then `seed: ok/total required mentions exact, ...`). Exits with the scorer's code.
// Reads ../shared in place: the seed report is never copied into the repository (the tests use
// test/fixtures/sample, a report written for the repository). Needs `npm run build` first.
import { spawnSync } from 'node:child_process';
import { repoRoot, requireBuiltCore, requireShared } from '../shared.mjs';

requireBuiltCore();
const check = requireShared('checks/seedcheck.mjs', 'The seed acceptance check (npm run eval -- seed)');
requireShared('seeds/000_931ddf8dbef545ad.txt', 'The seed acceptance check (npm run eval -- seed)');
const r = spawnSync(process.execPath, [check, repoRoot], { encoding: 'utf8', cwd: repoRoot });
if (r.error) {
  console.error(`error: could not run ${check}: ${r.error.message}`);
  process.exit(2);
}
process.stdout.write(r.stdout);
process.stderr.write(r.stderr);
if (!/^seed: /m.test(r.stdout)) console.error(`error: ${check} printed no "seed:" result line (exit ${r.status})`);
process.exit(r.status ?? 2);
