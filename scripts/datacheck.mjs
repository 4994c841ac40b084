#!/usr/bin/env node
// Data rule check: no text of the ../shared data sets in the repository. Lists every run of N or more words
// (default 7, `--n 5` for a stricter look) that a tracked source, test, doc or fixture file shares with a data file
// of ../shared (dev and train sets, the seed report). Scorer code and the guides in ../shared are not data and are
// skipped, so `import … from 'node:path'` is no finding. Words are compared lower-cased, letters and digits only, so
// tokenised text ("do n't", "U.S .") still matches. Exit code 1 when something is found.
//   node scripts/datacheck.mjs [--n 7]
import fs from 'node:fs';
import path from 'node:path';
import { execSync } from 'node:child_process';
import { repoRoot, requireShared } from './shared.mjs';

const nArg = process.argv.indexOf('--n');
const N = nArg > 0 ? Number(process.argv[nArg + 1]) : 7;
const shared = requireShared('eval', 'The data rule check');
const root = path.dirname(shared);

const words = (t) => t.toLowerCase().match(/[a-z0-9]+/g) ?? [];
function walk(d, out = []) {
  for (const e of fs.readdirSync(d, { withFileTypes: true })) {
    const p = path.join(d, e.name);
    if (e.isDirectory()) walk(p, out);
    else out.push(p);
  }
  return out;
}
/** The prose of a data file: the first column of a token-per-line file, the strings of a JSON file, else the text. */
function dataText(p) {
  const t = fs.readFileSync(p, 'utf8');
  const lines = t.slice(0, 20000).split('\n').filter((l) => l.trim());
  const tokenPerLine = lines.length > 20 && lines.filter((l) => l.trim().split(/\s+/).length <= 6).length >= 0.9 * lines.length;
  if (/\.(conll|txt)$/.test(p) && tokenPerLine) {
    return t
      .split('\n')
      .map((l) => l.split(/[ \t]/)[0])
      .join(' ');
  }
  if (p.endsWith('.json')) {
    const out = [];
    const rec = (v) => {
      if (typeof v === 'string') out.push(v);
      else if (v && typeof v === 'object') for (const k in v) rec(v[k]);
    };
    try {
      rec(JSON.parse(t));
    } catch {
      return t;
    }
    return out.join(' \n ');
  }
  return t;
}

const index = new Map();
const dataFiles = walk(root).filter((p) => /\.(txt|conll|json)$/.test(p) && !/stix2-json-schemas/.test(p));
for (const p of dataFiles) {
  const w = words(dataText(p));
  for (let i = 0; i + N <= w.length; i++) {
    const k = w.slice(i, i + N).join(' ');
    if (!index.has(k)) index.set(k, path.relative(root, p));
  }
}

const files = execSync('git ls-files', { cwd: repoRoot, encoding: 'utf8' })
  .split('\n')
  .filter((f) => /^(src|test|docs|scripts|bench|media|schemas|README|CHANGELOG)/.test(f) && /\.(ts|mjs|js|md|txt|json)$/.test(f))
  .filter((f) => !/stix2-schemas|\/model\/data\.ts$/.test(f));
let found = 0;
for (const f of files) {
  const text = fs.readFileSync(path.join(repoRoot, f), 'utf8');
  const toks = [];
  const re = /[a-z0-9]+/gi;
  for (let m = re.exec(text); m; m = re.exec(text)) toks.push({ w: m[0].toLowerCase(), i: m.index });
  const key = (a) => toks.slice(a, a + N).map((t) => t.w).join(' ');
  for (let i = 0; i + N <= toks.length; ) {
    const src = index.get(key(i));
    if (!src) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j + N <= toks.length && index.has(key(j))) j++;
    const end = toks[j + N - 2];
    const line = text.slice(0, toks[i].i).split('\n').length;
    console.log(`${f}:${line} [${j - i + N - 1} words, ${src}] ${text.slice(toks[i].i, end.i + end.w.length).replace(/\s+/g, ' ').slice(0, 160)}`);
    found++;
    i = j + N - 1;
  }
}
console.log(`${found} run(s) of ${N}+ words shared with ${dataFiles.length} data files of ${root}`);
process.exit(found ? 1 : 0);
