#!/usr/bin/env node
// One keystroke's worker round trip (issue #11): the same generated report and keystrokes as the typing integration
// test (test/integration/suite/staleHighlights.test.ts), driven through the analysis worker's own handler
// (dist/worker.js, in this process) as the extension host drives it: 'edit' (the change event's delta), then
// 'analyze' with the host's base version (answered as a patch), then the host's applyAnalysisPatch.
// Prints p50/p95 per part. Generated text only: needs neither ../shared nor a VS Code.
// Usage: node bench/typing.mjs [words...] [--reps N] [--profile dir]   (default 10000 40000; --reps 3)
// With --reps N the keystrokes are typed N times into fresh documents; besides the first run's figures it prints the
// least CPU time each keystroke took over the N runs (p50/p95): what a keystroke costs when nothing else interferes
// (the other figures move with the machine's load).
import path from 'node:path';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import inspector from 'node:inspector';
import { repoRoot } from '../scripts/shared.mjs';

const require = createRequire(import.meta.url);
require(path.join(repoRoot, 'dist', 'worker.js'));
const handle = globalThis[Symbol.for('analystLens.workerHandle')];
const core = require(path.join(repoRoot, 'dist', 'core.js'));
if (!handle) throw new Error('dist/worker.js did not leave its handler: run npm run build first');

const PEOPLE = ['Maria Lopez', 'Anton Reyes', 'Mira Holt', 'Jonas Berg', 'Amina Diallo', 'Kenji Sato', 'Elena Petrova', 'Omar Haddad', 'Lucia Moretti', 'Tomas Novak'];
const ORGS = ['Northern Fleet', 'Harbour Authority', 'Ministry of Transport', 'Red Cross', 'United Nations', 'World Bank', 'Coast Guard'];
const PLACES = ['Odesa', 'Lisbon', 'Nairobi', 'Oslo', 'Manila', 'Lima', 'Tunis', 'Hanoi', 'Riga', 'Quito'];
const MONTHS = ['January', 'March', 'May', 'July', 'September', 'November'];
const TEMPLATES = [
  (p, q, o, l, d) => `${p} of the ${o} met ${q} in ${l} on ${d} to discuss the shipping schedule.`,
  (p, _q, o, l) => `The ${o} said that ${p} would travel to ${l} next week with a small delegation.`,
  (p, q, _o, l, d) => `According to ${q}, the convoy left ${l} on ${d} and ${p} confirmed the route.`,
  (_p, q, o, l) => `Officials in ${l} told reporters that the ${o} had asked ${q} for more time.`,
];
function report(words) {
  const out = ['# Shipping situation report', ''];
  let n = 0;
  for (let i = 0; n < words; i++) {
    const sentences = [];
    for (let k = 0; k < 4; k++) {
      const j = i * 4 + k;
      const s = TEMPLATES[j % TEMPLATES.length](PEOPLE[j % PEOPLE.length], PEOPLE[(j * 3 + 1) % PEOPLE.length], ORGS[j % ORGS.length], PLACES[(j * 7) % PLACES.length], `${(j % 27) + 1} ${MONTHS[j % MONTHS.length]} 2024`);
      sentences.push(s);
      n += s.split(/\s+/).length;
    }
    out.push(sentences.join(' '), '');
    if (i % 12 === 11) out.push(`## Section ${Math.floor(i / 12) + 2}`, '');
  }
  return out.join('\n');
}
const pct = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];
const options = { maxLength: 2_000_000, format: 'markdown' };
let id = 1;
const ask = (req) => {
  // structured clone both ways, as postMessage does
  const res = handle(structuredClone({ ...req, id: id++ }));
  if (!res.ok) throw new Error(res.error);
  return structuredClone(res);
};

// --profile <dir>: a CPU profile of the keystrokes alone (not the first analysis) per size, typing-<words>.cpuprofile.
const profArg = process.argv.indexOf('--profile');
const profDir = profArg > 0 ? process.argv[profArg + 1] : undefined;
const session = profDir ? new inspector.Session() : undefined;
session?.connect();
const post = (method, params = {}) => new Promise((resolve, reject) => session.post(method, params, (err, res) => (err ? reject(err) : resolve(res))));
/** CPU milliseconds of this process (the worker's handler runs on this thread): less sensitive to a busy machine. */
const cpuMs = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };

const repsArg = process.argv.indexOf('--reps');
const reps = repsArg > 0 ? Math.max(1, Number(process.argv[repsArg + 1]) || 1) : 3;
const sizes = process.argv.slice(2).filter((a, i, all) => all[i - 1] !== '--profile' && all[i - 1] !== '--reps').map(Number).filter((n) => n > 0);

/** Types the keystrokes into a fresh document of `words` words; returns the parts' times per keystroke. */
async function typeOnce(words, rep) {
  const uri = `untitled:typing-${words}-${rep}`;
  let text = report(words);
  let version = 1;
  let held = ask({ kind: 'analyze', uri, version, text, options }).analysis; // what the host holds (first analysis, whole)
  const parts = { edit: [], analyze: [], apply: [], total: [], cpu: [] };
  const profile = session && rep === 0;
  if (profile) { await post('Profiler.enable'); await post('Profiler.setSamplingInterval', { interval: 100 }); await post('Profiler.start'); }
  for (const where of ['top', 'middle']) {
    let at = where === 'top' ? text.indexOf('\n\n') + 2 : text.indexOf('\n\n', Math.floor(text.length / 2)) + 2;
    for (const ch of 'Later Maria Lopez met the Mayor '.slice(0, 30)) {
      const c0 = cpuMs();
      const t0 = performance.now();
      version++;
      ask({ kind: 'edit', uri, version, changes: [{ offset: at, length: 0, text: ch }] });
      text = text.slice(0, at) + ch + text.slice(at);
      at++;
      const t1 = performance.now();
      const res = ask({ kind: 'analyze', uri, version, options, base: version - 1 });
      const t2 = performance.now();
      held = res.patch ? core.applyAnalysisPatch(held, res.patch) : res.analysis;
      const t3 = performance.now();
      parts.edit.push(t1 - t0);
      parts.analyze.push(t2 - t1);
      parts.apply.push(t3 - t2);
      parts.total.push(t3 - t0);
      parts.cpu.push(cpuMs() - c0);
    }
  }
  if (profile) {
    const { profile: prof } = await post('Profiler.stop');
    fs.mkdirSync(profDir, { recursive: true });
    fs.writeFileSync(path.join(profDir, `typing-${words}.cpuprofile`), JSON.stringify(prof));
  }
  ask({ kind: 'forget', uri });
  const check = core.analyze(text, options);
  if (JSON.stringify(check.entities) !== JSON.stringify(held.entities)) throw new Error('patched analysis differs from a full analysis');
  return { parts, entities: held.entities.length };
}

const f = (xs) => `p50 ${pct(xs, 50).toFixed(1)} / p95 ${pct(xs, 95).toFixed(1)} ms`;
for (const words of sizes.length ? sizes : [10_000, 40_000]) {
  const { parts, entities } = await typeOnce(words, 0);
  console.log(`one keystroke's worker round trip, ${words.toLocaleString('en')} words (${entities} entities), 60 keystrokes at the top and in the middle:`);
  console.log(`   total ${f(parts.total)}, CPU ${f(parts.cpu)}  (edit ${f(parts.edit)}; analyze+patch ${f(parts.analyze)}; host applyAnalysisPatch ${f(parts.apply)})`);
  if (reps > 1) {
    // per keystroke: the least CPU milliseconds of edit + analysis + patch over the runs
    const least = [...parts.cpu];
    for (let rep = 1; rep < reps; rep++) (await typeOnce(words, rep)).parts.cpu.forEach((ms, k) => (least[k] = Math.min(least[k], ms)));
    console.log(`   least CPU per keystroke over ${reps} runs (what it costs when nothing interferes): ${f(least)}`);
  }
}
