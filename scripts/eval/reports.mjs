#!/usr/bin/env node
// The 60 annotated news reports of ../shared/eval/reports (5W1H, actors and roles, non-persons, quotes, dates),
// scored by the shared scorer through its adapter for dist/core.js. Extra arguments go to the scorer (e.g. --errors f.jsonl).
import { spawnSync } from 'node:child_process';
import { repoRoot, requireBuiltCore, requireShared } from '../shared.mjs';

requireBuiltCore();
const scorer = requireShared('eval/reports/score-reports.mjs', 'npm run eval');
const adapter = requireShared('eval/reports/adapter-dist-core.mjs', 'npm run eval');
const r = spawnSync(process.execPath, [scorer, '--system', adapter, ...process.argv.slice(2)], {
  stdio: 'inherit', env: { ...process.env, CORE_DIR: repoRoot },
});
process.exit(r.status ?? 1);
