#!/usr/bin/env node
// Proves the browser build runs in a browser: serves dist/web/ on 127.0.0.1, opens a page in headless Chromium
// (Debian's /usr/bin/chromium through playwright-core), starts dist/worker.js as a real Web Worker, sends it the
// sample report (test/fixtures/sample) and checks the entities that come back. Also asserts the page made no request outside its origin.
// Prints `web: N passed, N failed` and exits non-zero on any failure.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
if (!fs.existsSync(chromiumPath)) {
  console.error(`web: Chromium not found at ${chromiumPath}: sudo apt-get install -y chromium (or set CHROMIUM_PATH)`);
  console.log('web: 0 passed, 1 failed');
  process.exit(1);
}
for (const f of ['dist/worker.js', 'dist/web/extension.js']) {
  if (!fs.existsSync(path.join(root, f))) {
    console.error(`web: ${f} missing: run npm run build first`);
    process.exit(1);
  }
}
const sample = fs.readFileSync(path.join(root, 'test/fixtures/sample/dubrovnik-visit.txt'), 'utf8');
const page = `<!doctype html><meta charset="utf-8"><title>Analyst Lens web worker</title>
<script>
window.result = new Promise((resolve, reject) => {
  const w = new Worker('/worker.js');
  w.onerror = (e) => reject(String(e.message || e));
  w.onmessage = (e) => resolve(e.data);
  fetch('/sample.txt').then((r) => r.text()).then((text) => w.postMessage({ id: 1, kind: 'analyze', uri: 'mem:sample', version: 1, text }));
});
</script>`;
const server = http.createServer((req, res) => {
  const routes = {
    '/': ['text/html', page],
    '/worker.js': ['text/javascript', fs.readFileSync(path.join(root, 'dist/worker.js'))],
    '/sample.txt': ['text/plain; charset=utf-8', sample],
  };
  const r = routes[req.url];
  if (!r) return res.writeHead(404).end();
  res.writeHead(200, { 'content-type': r[0] }).end(r[1]);
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const origin = `http://127.0.0.1:${server.address().port}`;

let passed = 0;
let failed = 0;
const check = (name, ok, detail = '') => {
  if (ok) passed++;
  else failed++;
  console.log(`  ${ok ? '✔' : '✗'} ${name}${!ok && detail ? `: ${detail}` : ''}`);
};

const browser = await chromium.launch({
  executablePath: chromiumPath,
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
});
try {
  const ctx = await browser.newContext();
  const p = await ctx.newPage();
  const outside = [];
  p.on('request', (r) => {
    if (!r.url().startsWith(origin)) outside.push(r.url());
  });
  console.log('web: the browser build in headless Chromium');
  await p.goto(origin + '/');
  const res = await p.evaluate(() => Promise.race([window.result, new Promise((_, rej) => setTimeout(() => rej('timeout'), 30000))]));
  const ents = res?.analysis?.entities ?? [];
  check('dist/worker.js runs as a Web Worker and answers', res?.ok === true, JSON.stringify(res).slice(0, 200));
  const has = (type, text) => ents.some((e) => e.type === type && e.text === text);
  check('finds Ivana Kovacevic (person), Dubrovnik (place), Radio Lumen (organisation), Croatian (group) in the sample', has('person', 'Ivana Kovacevic') && has('place', 'Dubrovnik') && has('organization', 'Radio Lumen') && has('group', 'Croatian'));
  check('offsets slice to the entity text in the browser', ents.length > 0 && ents.every((e) => sample.slice(e.start, e.end) === e.text));
  check('no request outside the page origin', outside.length === 0, outside.join(', '));
  const webExt = fs.readFileSync(path.join(root, 'dist/web/extension.js'), 'utf8');
  const nodeBuiltins = ['worker_threads', 'node:fs', '"fs"', 'child_process', 'node:path'].filter((m) => webExt.includes(`require("${m.replace(/"/g, '')}")`));
  check('the web extension bundle requires no Node built-in', nodeBuiltins.length === 0, nodeBuiltins.join(', '));
} catch (err) {
  check('web run', false, String(err));
} finally {
  await browser.close();
  server.close();
}
console.log(`web: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
