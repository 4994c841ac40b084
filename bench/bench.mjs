#!/usr/bin/env node
// npm run bench — prints speed and memory figures of the analysis core (no pass/fail: tests never time things).
// Text: the sample report (test/fixtures/sample) and the CoNLL-2003 dev documents (../shared/eval) concatenated as plain prose.
// Reads ../shared: a benchmark script, not needed by the extension or the tests.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { execFileSync } from 'node:child_process';
import { repoRoot, requireBuiltCore, requireShared } from '../scripts/shared.mjs';

const require = createRequire(import.meta.url);
const corePath = requireBuiltCore();
const core = require(corePath);
const nlp = require('compromise');
const scorer = await import(pathToFileURL(requireShared('eval/score.mjs', 'npm run bench')).href);
const sample = fs.readFileSync(path.join(repoRoot, 'test/fixtures/sample/dubrovnik-visit.txt'), 'utf8');
const docs = scorer.readConll(requireShared('eval/conll2003-dev.txt', 'npm run bench'), { detok: true });
const corpus = [sample, ...docs.map((d) => d.text)].join('\n\n');
const countWords = (t) => (t.match(/\S+/g) || []).length;
const corpusWords = countWords(corpus);

/** First n words of the corpus (repeated if needed), as one report. */
function report(n) {
  let text = '';
  while (countWords(text) < n) text += (text ? '\n\n' : '') + corpus;
  const m = [...text.matchAll(/\S+/g)];
  return text.slice(0, m[n - 1].index + m[n - 1][0].length);
}
function time(fn, minMs = 1500) {
  fn(); // warm-up
  const runs = [];
  const t0 = performance.now();
  while (performance.now() - t0 < minMs || runs.length < 3) {
    const a = performance.now();
    fn();
    runs.push(performance.now() - a);
  }
  runs.sort((a, b) => a - b);
  return runs[Math.floor(runs.length / 2)];
}
const fmt = (n) => Math.round(n).toLocaleString('en');
// `npm run bench -- --only 5,7` runs only those sections (numbers as printed below).
const onlyArg = process.argv.indexOf('--only');
const only = onlyArg > 0 ? new Set(String(process.argv[onlyArg + 1] ?? '').split(',').map(Number)) : undefined;
const want = (n) => !only || only.has(n);
const pctile = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];

console.log(`Analyst Lens benchmark — ${os.cpus().length} cores (${os.cpus()[0]?.model ?? '?'}), Node ${process.version}, ${new Date().toISOString()}`);
console.log(`text: sample report + ${docs.length} CoNLL-2003 dev documents, news-style spacing: ${fmt(corpusWords)} words\n`);

// 1. Throughput: the whole core (every entity type) vs compromise's people/places/organizations, same text, same run.
if (want(1)) {
const paragraphs = corpus.split(/\n\n/);
const coreMs = time(() => { for (const p of paragraphs) core.analyze(p); });
const compMs = time(() => { for (const p of paragraphs) { const d = nlp(p); d.people().json({ offset: true }); d.places().json({ offset: true }); d.organizations().json({ offset: true }); } });
// The name tagger alone (src/core/ner, bundled by scripts/ner-system.mjs as the scorer uses it), on the same text.
const nerSystem = (await import(pathToFileURL(path.join(repoRoot, 'scripts/ner-system.mjs')).href)).default;
const nerMs = time(() => { for (const p of paragraphs) nerSystem(p); });
const coreWps = corpusWords / (coreMs / 1000);
const compWps = corpusWords / (compMs / 1000);
const nerWps = corpusWords / (nerMs / 1000);
console.log('1. throughput (median pass over all documents)');
console.log(`   core analyze():                     ${fmt(coreWps)} words/s`);
console.log(`   name tagger alone (src/core/ner):   ${fmt(nerWps)} words/s`);
console.log(`   compromise people/places/orgs:      ${fmt(compWps)} words/s`);
console.log(`   ratio core / compromise:            ${(coreWps / compWps).toFixed(2)}×  (goal ≥ 3×)`);
console.log(`   ratio name tagger / compromise:     ${(nerWps / compWps).toFixed(2)}×  (goal ≥ 5×)\n`);
}

// 2. Re-analysis after a one-character edit in a 10,000-word report.
if (want(2)) {
  const base = report(10_000);
  const inc = core.createIncrementalAnalyzer ? core.createIncrementalAnalyzer() : null;
  const label = inc ? 'incremental analyzer' : 'full re-analysis (no incremental analyzer in this build)';
  const run = (t) => (inc ? inc.analyze(t) : core.analyze(t));
  run(base);
  const times = [];
  let text = base;
  let seedN = 7;
  for (let i = 0; i < 60; i++) {
    seedN = (seedN * 1103515245 + 12345) % 2147483648;
    const at = seedN % text.length;
    text = text.slice(0, at) + (i % 2 ? '' : 'x') + text.slice(at + (i % 2 ? 1 : 0));
    const a = performance.now();
    run(text);
    times.push(performance.now() - a);
  }
  console.log(`2. re-analysis after a one-character edit, 10,000 words (${label}), 60 edits`);
  console.log(`   median ${pctile(times, 50).toFixed(1)} ms, p95 ${pctile(times, 95).toFixed(1)} ms  (goal: median ≤ 10 ms)\n`);
}

// 3. Cost per word as documents grow.
if (want(3)) {
console.log('3. cost per word by document size (one document, full analysis)');
const per = {};
for (const n of [1_000, 10_000, 100_000]) {
  const t = report(n);
  const ms = time(() => core.analyze(t), n >= 100_000 ? 3000 : 1500);
  per[n] = (ms * 1000) / n;
  console.log(`   ${fmt(n).padStart(7)} words: ${ms.toFixed(1).padStart(8)} ms  = ${per[n].toFixed(2)} µs/word`);
}
console.log(`   100k / 1k per-word cost: ${(per[100_000] / per[1_000]).toFixed(2)}×  (goal ≤ 1.5×)\n`);
}

// 4. Memory for a 1 MB report (in a fresh process so earlier work does not count) and bundle sizes.
if (want(4)) {
  const probe = `const core=require(${JSON.stringify(corePath)});const fs=require('fs');const t=fs.readFileSync(0,'utf8');` +
    `let peak=0;const iv=setInterval(()=>{peak=Math.max(peak,process.memoryUsage().heapUsed)},5);` +
    `const r=core.analyze(t);peak=Math.max(peak,process.memoryUsage().heapUsed);clearInterval(iv);` +
    `console.log(JSON.stringify({peak,rss:process.memoryUsage().rss,entities:r.entities.length}))`;
  let oneMb = report(200_000);
  while (oneMb.length < 1_000_000) oneMb += '\n\n' + corpus;
  oneMb = oneMb.slice(0, 1_000_000);
  const out = JSON.parse(execFileSync(process.execPath, ['--expose-gc', '-e', probe], { input: oneMb, maxBuffer: 1 << 26 }).toString());
  console.log('4. memory and size');
  console.log(`   1 MB report: peak heap ${(out.peak / 2 ** 20).toFixed(0)} MB, rss ${(out.rss / 2 ** 20).toFixed(0)} MB, ${fmt(out.entities)} entities  (goal: heap < 200 MB)`);
  for (const f of ['dist/extension.js', 'dist/web/extension.js', 'dist/worker.js', 'dist/web/worker.js', 'dist/core.js']) {
    const p = path.join(repoRoot, f);
    if (fs.existsSync(p)) console.log(`   ${f.padEnd(24)} ${(fs.statSync(p).size / 2 ** 20).toFixed(2)} MB`);
  }
  console.log('   (goal: extension bundle with the model < 2 MB; build with `node esbuild.mjs --production` for shipped sizes)\n');
}

// 5. The rest of the core on long text: actors, summary, analyst markup (incl. a catastrophic-backtracking probe).
if (want(5)) {
  console.log('5. other stages');
  const t = report(10_000);
  const a = core.analyze(t);
  if (core.buildActors) console.log(`   buildActors, 10,000 words:            ${time(() => core.buildActors(t, a), 1000).toFixed(0)} ms`);
  if (core.summarize) console.log(`   summarize, 10,000 words (analysis included): ${time(() => core.summarize(t), 1000).toFixed(0)} ms`);
  if (core.createDocumentModel) {
    // What the editor pays: the model of the version already has its analysis, sentences and actors.
    const cpu = (fn) => {
      fn();
      const xs = [];
      for (let i = 0; i < 5; i++) {
        const u0 = process.cpuUsage();
        fn();
        const u = process.cpuUsage(u0);
        xs.push((u.user + u.system) / 1000);
      }
      return pctile(xs, 50);
    };
    const fresh = () => {
      const m = core.createDocumentModel(t, { analysis: a });
      void m.sentences;
      void m.actors;
      return m;
    };
    const wall = [];
    for (let i = 0; i < 5; i++) {
      const m = fresh();
      const s0 = performance.now();
      m.summary();
      wall.push(performance.now() - s0);
    }
    const models = Array.from({ length: 6 }, fresh);
    let k = 0;
    const cpuMs = cpu(() => models[k++].summary());
    console.log(`   summary from the document model, 10,000 words: ${pctile(wall, 50).toFixed(0)} ms wall, ${cpuMs.toFixed(0)} ms CPU  (goal ≤ 100 ms)`);
  }
  if (core.findMarkup) {
    const evil = ['a.'.repeat(20_000), '1:'.repeat(20_000), 'f'.repeat(50_000), '('.repeat(10_000) + 'TS//' + 'A '.repeat(10_000)].join(' ');
    const ms = time(() => core.findMarkup(evil), 500);
    console.log(`   findMarkup on a 130,000-character hostile line: ${ms.toFixed(0)} ms  (budget 1,000 ms: ${ms < 1000 ? 'within' : 'OVER'})`);
    const hex = '0123456789abcdef'.repeat(3_125);
    console.log(`   findMarkup on a 50,000-character hex line:      ${time(() => core.findMarkup(hex), 500).toFixed(0)} ms`);
  }
}

// 6. Workspace indexing with the worker pool the extension uses (2 worker_threads running dist/worker.js), on
//    about 1 million words of reports, and a warm reopen: read the persisted index, stat every report, reuse all.
if (want(6)) {
  const { Worker } = await import('node:worker_threads');
  const os2 = await import('node:os');
  const workerPath = path.join(repoRoot, 'dist', 'worker.js');
  const reports = [];
  let words = 0;
  for (let i = 0; words < 1_000_000; i++) {
    const t = report(2_000 + (i % 5) * 1_000);
    reports.push(t);
    words += countWords(t);
  }
  const tmp = fs.mkdtempSync(path.join(os2.tmpdir(), 'lens-bench-'));
  reports.forEach((t, i) => fs.writeFileSync(path.join(tmp, `r${i}.md`), t));
  const files = reports.map((_, i) => path.join(tmp, `r${i}.md`));
  const poolSize = 2;
  const workers = Array.from({ length: poolSize }, () => new Worker(workerPath));
  const entries = new Map();
  const t0 = performance.now();
  let next = 0;
  let id = 1;
  await Promise.all(
    workers.map(async (w) => {
      for (let f = files[next++]; f; f = files[next++]) {
        const text = fs.readFileSync(f, 'utf8');
        const myId = id++;
        const res = await new Promise((resolve) => {
          const on = (m) => m.id === myId && (w.off('message', on), resolve(m));
          w.on('message', on);
          w.postMessage({ id: myId, kind: 'index', uri: f, text, options: { format: 'markdown' } });
        });
        const st = fs.statSync(f);
        entries.set(f, { mtime: st.mtimeMs, size: st.size, entry: res.entry });
      }
    }),
  );
  const coldMs = performance.now() - t0;
  await Promise.all(workers.map((w) => w.terminate()));
  const cache = path.join(tmp, 'workspace-index-v1.json');
  fs.writeFileSync(cache, JSON.stringify({ version: 1, files: Object.fromEntries(entries) }));
  const t1 = performance.now();
  const loaded = JSON.parse(fs.readFileSync(cache, 'utf8')).files;
  let reused = 0;
  for (const f of files) {
    const st = fs.statSync(f);
    if (loaded[f] && loaded[f].mtime === st.mtimeMs && loaded[f].size === st.size) reused++;
  }
  const warmMs = performance.now() - t1;
  console.log(`6. workspace index (${files.length} reports, ${fmt(words)} words, ${poolSize} workers)`);
  console.log(`   cold: ${(coldMs / 1000).toFixed(1)} s = ${fmt(words / (coldMs / 1000))} words/s  (goal: 1M words ≤ 30 s)`);
  console.log(`   warm reopen (read the ${(fs.statSync(cache).size / 2 ** 20).toFixed(1)} MB index, stat every report, ${reused} reused): ${warmMs.toFixed(0)} ms  (goal ≤ 2 s)`);
  fs.rmSync(tmp, { recursive: true, force: true });
}

// 7. The command line (dist/cli.js) as a batch tool: start-up time, and throughput over 1,000 reports (the CoNLL-2003
//    dev documents, cycled, one file each) in ONE process with 2 worker threads, JSON Lines out. Wall-clock figures
//    depend on how busy the machine is; the CPU seconds of the child process (Linux /proc) do not.
if (want(7)) await benchCli();

async function benchCli() {
  const { spawnSync } = await import('node:child_process');
  const cli = path.join(repoRoot, 'dist', 'cli.js');
  if (!fs.existsSync(cli)) {
    console.log('7. command line: dist/cli.js missing (npm run build)');
    return;
  }
  /** CPU seconds of finished children of this process (user + system), from /proc/self/stat; undefined elsewhere. */
  const childCpu = () => {
    try {
      const f = fs.readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
      return (Number(f[13]) + Number(f[14])) / 100; // cutime, cstime (fields 16, 17) in clock ticks (USER_HZ = 100)
    } catch {
      return undefined;
    }
  };
  const runCli = (args, input) => {
    const c0 = childCpu();
    const t0 = performance.now();
    const r = spawnSync(process.execPath, [cli, ...args], { input: input ?? '', maxBuffer: 1 << 30 });
    const wall = (performance.now() - t0) / 1000;
    const c1 = childCpu();
    if (r.status !== 0) throw new Error(`analyst-lens ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
    return { wall, cpu: c0 === undefined || c1 === undefined ? undefined : c1 - c0, stdout: r.stdout };
  };
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const startup = (label, args, input) => {
    runCli(args, input); // warm the file cache
    const runs = Array.from({ length: 5 }, () => runCli(args, input));
    const cpu = runs.every((r) => r.cpu !== undefined) ? `, cpu ${median(runs.map((r) => r.cpu)).toFixed(2)} s` : '';
    console.log(`   ${label.padEnd(44)} wall ${median(runs.map((r) => r.wall)).toFixed(2)} s${cpu}  (median of 5)`);
  };
  console.log('7. command line (dist/cli.js)');
  startup('start-up: --version (no core loaded)', ['--version']);
  startup('start-up + one sentence: entities -', ['entities', '-'], 'Vladimir Putin met Benjamin Netanyahu in Sochi.');
  startup('start-up + one sentence: summarize -', ['summarize', '-'], 'Vladimir Putin met Benjamin Netanyahu in Sochi.');

  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'lens-cli-bench-'));
  const N = 1_000;
  let words = 0;
  for (let i = 0; i < N; i++) {
    const t = docs[i % docs.length].text;
    words += countWords(t);
    fs.writeFileSync(path.join(tmp, `report-${String(i).padStart(4, '0')}.txt`), t);
  }
  console.log(`   throughput: ${fmt(N)} reports (${fmt(words)} words), one process, --jobs 2, --format jsonl`);
  for (const command of ['entities', 'summarize']) {
    const r = runCli([command, tmp, '--format', 'jsonl', '--jobs', '2']);
    const lines = r.stdout.toString().trim().split('\n');
    const ok = lines.filter((l) => JSON.parse(l).ok).length;
    const perCpu = r.cpu ? `; ${(N / r.cpu).toFixed(0)} reports per CPU-second, so about ${((2 * N) / r.cpu).toFixed(0)}/s on 2 idle cores` : '';
    console.log(`   ${command.padEnd(10)} ${(N / r.wall).toFixed(1)} reports/s (wall ${r.wall.toFixed(1)} s, ${ok}/${lines.length} ok${r.cpu !== undefined ? `, cpu ${r.cpu.toFixed(1)} s` : ''}${perCpu})  (goal ≥ 50/s on 2 cores)`);
  }
  fs.rmSync(tmp, { recursive: true, force: true });
}

// 8. One keystroke's round trip through the analysis worker's handler at 10k and 40k words (bench/typing.mjs: the
//    typing integration test's generated report and keystrokes; CPU and wall-clock p50/p95).
if (want(8)) {
  console.log('8. typing');
  process.stdout.write(execFileSync(process.execPath, [path.join(repoRoot, 'bench', 'typing.mjs')], { encoding: 'utf8' }).replace(/^/gm, '   '));
}
