#!/usr/bin/env node
// Runs the integration suite (out/test/integration/suite) inside a REAL VS Code extension host: code-server started
// on 127.0.0.1, its web workbench driven by headless Chromium (playwright-core), the extension loaded from this
// repository as an extension under development. `npm test` builds first; this script builds nothing.
//
// Prints the mocha output, saves test-artifacts/highlighted-report.png (the sample report as a person sees it) and
// the full workbench console in test-artifacts/, and ends with `integration: N passed, N failed`.
// Exit code: 0 only when the suite exited with 0 and at least one test passed.
//
// Environment: ANALYST_LENS_IT_IDLE_MS (default 660000: the suite fails when it prints nothing for that long; the
// longest per-test mocha timeout is 600 s), ANALYST_LENS_IT_TIMEOUT_MS (default 2700000: a cap on a whole suite),
// ANALYST_LENS_IT_VERBOSE=1 (echo the console noise too),
// ANALYST_LENS_IT_GREP=<regexp> (only the matching tests; a leading ! runs all the others),
// ANALYST_LENS_IT_NO_MARKDOWN=1 (the built-in Markdown language features and Markdown math are disabled: the typing
// test then measures the extension host without their work; the default run keeps them, as users have them),
// ANALYST_LENS_IT_QUIET_HOST=1 (the same, and code-server's port auto-forwarding scan and the merge-conflict code
// lenses are off too: what is left in the extension host while typing is Analyst Lens; the typing test says so).
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync, createWriteStream } from 'node:fs';
import { join } from 'node:path';
import {
  ensureAll,
  findPort,
  fixtureWorkspace,
  launchChromium,
  makeTempDir,
  repoRoot,
  say,
  startCodeServer,
  workbenchUrl,
} from './codeServer.mjs';

// A suite is judged by progress, not by its total time: on a loaded machine (CI beside other jobs) the whole suite
// can take several times longer than on an idle one, while a hung test still stops printing.
const IDLE_MS = Number(process.env.ANALYST_LENS_IT_IDLE_MS) || 11 * 60_000;
const TIMEOUT_MS = Number(process.env.ANALYST_LENS_IT_TIMEOUT_MS) || 45 * 60_000;
const VERBOSE = process.env.ANALYST_LENS_IT_VERBOSE === '1';
const QUIET_HOST = process.env.ANALYST_LENS_IT_QUIET_HOST === '1';
const NO_MARKDOWN = QUIET_HOST || process.env.ANALYST_LENS_IT_NO_MARKDOWN === '1';
/** Settings that take other work out of the extension host (ANALYST_LENS_IT_QUIET_HOST=1). */
const QUIET_SETTINGS = { 'remote.autoForwardPorts': false, 'remote.autoForwardPortsSource': 'output', 'merge-conflict.codeLens.enabled': false, 'merge-conflict.decorators.enabled': false };
const MARK = '\u00a7it\u00a7 '; // prefix of the suite's own lines (see suite/index.ts)
const artifacts = join(repoRoot, 'test-artifacts');
const screenshotPath = join(artifacts, 'highlighted-report.png');
const untrustedScreenshotPath = join(artifacts, 'untrusted-workspace.png');
const suitePath = join(repoRoot, 'out', 'test', 'integration', 'suite');
const untrustedSuitePath = join(repoRoot, 'out', 'test', 'integration', 'untrusted');

const started = Date.now();
const secs = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;

let server;
let browser;
/** One entry per suite run: { name, code, passed, failed }. */
const runs = [];

function finish(message) {
  if (message) console.error(`[integration] ${message}`);
  const p = runs.reduce((n, r) => n + r.passed, 0);
  const f = runs.reduce((n, r) => n + r.failed, 0);
  if (runs.length > 1) say(runs.map((r) => `${r.name}: ${r.passed} passed, ${r.failed} failed (exit code ${r.code})`).join('; '));
  console.log(`integration: ${p} passed, ${f} failed`);
  process.exitCode = runs.length && runs.every((r) => r.code === 0) && p >= 1 && f === 0 ? 0 : 1;
}

async function cleanup() {
  await browser?.close().catch(() => undefined);
  await server?.stop().catch(() => undefined);
}

async function main() {
  const { node24, entry } = ensureAll();
  for (const f of [join(suitePath, 'index.js'), join(untrustedSuitePath, 'index.js'), join(repoRoot, 'dist', 'extension.js')]) {
    if (!existsSync(f)) {
      finish(`${f} is missing: run \`npm run build\` first (npm test does).`);
      return;
    }
  }
  mkdirSync(artifacts, { recursive: true });
  for (const f of [screenshotPath, untrustedScreenshotPath]) rmSync(f, { force: true });
  rmSync(join(artifacts, 'summary-hostile.png'), { force: true });
  rmSync(join(fixtureWorkspace, '.analyst'), { recursive: true, force: true }); // left by an interrupted run
  // 1. The main suite, workspace trust disabled (the folder is trusted).
  runs.push(await runSuite({ node24, entry, name: 'main suite', suite: suitePath, logPrefix: '', screenshotFile: screenshotPath }));
  await cleanup();
  // 2. The untrusted-workspace suite: a second code-server with workspace trust enabled; the folder opens in
  //    restricted mode (trust is never granted).
  // The main suite writes .analyst/ (registry corrections, annotations) in the fixture folder; the untrusted suite
  // checks that nothing creates it, so it starts without one.
  rmSync(join(fixtureWorkspace, '.analyst'), { recursive: true, force: true });
  say(`untrusted workspace: a second code-server with workspace trust enabled (${secs()})`);
  runs.push(await runSuite({ node24, entry, name: 'untrusted suite', suite: untrustedSuitePath, logPrefix: 'untrusted-', screenshotFile: untrustedScreenshotPath, workspaceTrust: true }));
  finish();
}

/** Runs one suite in a fresh code-server + Chromium. Returns { name, code, passed, failed } (code 1 on a timeout). */
async function runSuite({ node24, entry, name, suite, logPrefix, screenshotFile, workspaceTrust = false }) {
  let passed = 0;
  let failed = 0;
  let result = null; // { passed, failed } from the suite's ANALYST_LENS_RESULT line
  let seenPassed = 0; // ✔ lines so far (reported when the suite never finishes)
  let lastProgress = Date.now();
  const done = (code, message) => {
    if (message) console.error(`[integration] ${name}: ${message}`);
    return { name, code, passed: result ? result.passed : passed, failed: result ? result.failed : failed };
  };
  const consoleLog = createWriteStream(join(artifacts, `${logPrefix}workbench-console.log`));
  const serverLog = createWriteStream(join(artifacts, `${logPrefix}code-server.log`));
  const signalDir = makeTempDir('analyst-lens-it-signal-');

  const port = await findPort();
  say(`starting code-server on 127.0.0.1:${port} (${secs()})`);
  server = await startCodeServer({
    node24,
    entry,
    port,
    workspaceTrust,
    disableExtensions: NO_MARKDOWN ? ['vscode.markdown-language-features', 'vscode.markdown-math'] : [],
    settings: QUIET_HOST ? QUIET_SETTINGS : {},
    // The workbench queries the extension gallery from the browser (open-vsx.org by default): point it at the server
    // itself (a 404) so that no request of the run leaves loopback.
    env: { EXTENSIONS_GALLERY: JSON.stringify({ serviceUrl: `http://127.0.0.1:${port}/no-extension-gallery` }), ANALYST_LENS_IT_MARK: MARK, ANALYST_LENS_IT_SIGNAL_DIR: signalDir, ANALYST_LENS_IT_GREP: process.env.ANALYST_LENS_IT_GREP ?? '', ANALYST_LENS_IT_NO_MARKDOWN: NO_MARKDOWN ? '1' : '', ANALYST_LENS_IT_QUIET_HOST: QUIET_HOST ? '1' : '' },
    onOutput: (line) => serverLog.write(`${line}\n`),
  });
  say(`code-server is up at ${server.base} (${secs()}); starting headless Chromium`);

  browser = await launchChromium();
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  page.on('console', (msg) => {
    const text = msg.text();
    if (text.includes(MARK)) return; // the suite's lines arrive through codeAutomationLog as well
    consoleLog.write(`[${msg.type()}] ${text}\n`);
    if (VERBOSE) console.log(`  (console) ${text}`);
  });
  page.on('pageerror', (err) => consoleLog.write(`[pageerror] ${err.stack ?? err.message}\n`));
  // Every request of the run (the page, its frames, webviews), for the security test: none may leave code-server.
  const requests = [];
  page.context().on('request', (req) => requests.push(req));

  let xssCheck = null;
  const runXssCheck = async () => {
    let verdict;
    try {
      verdict = await checkHostileSummary(page, server.base, requests);
    } catch (err) {
      verdict = { ok: false, failures: [`the check itself failed: ${err?.stack ?? err}`], checked: {} };
    }
    say(`security check of the summary view: ${verdict.ok ? 'ok' : `FAILED: ${verdict.failures.join('; ')}`}`);
    const file = join(signalDir, 'xss-verdict.json');
    writeFileSync(`${file}.tmp`, JSON.stringify(verdict, null, 2));
    renameSync(`${file}.tmp`, file);
  };

  let screenshot = null;
  const shots = [];
  const takeScreenshot = async () => {
    try {
      // Decorations are DOM nodes in the editor's .view-overlays layer (class names "ced-…" per decoration type).
      await page.waitForSelector('.monaco-editor .view-overlays div[class*="ced-"]', { state: 'attached', timeout: 120_000 });
      await page.waitForTimeout(500); // let the last layout pass paint
      await page.screenshot({ path: screenshotFile });
      const n = await page.locator('.monaco-editor .view-overlays div[class*="ced-"]').count();
      say(`screenshot with ${n} highlight nodes on screen: ${screenshotFile}`);
    } catch (err) {
      console.error(`[integration] no screenshot: ${err.message}`);
      await page.screenshot({ path: join(artifacts, 'no-highlights.png') }).catch(() => undefined);
    } finally {
      writeFileSync(join(signalDir, 'screenshot-taken'), '');
    }
  };

  let resolveExit;
  const exited = new Promise((r) => (resolveExit = r));
  await page.exposeFunction('codeAutomationLog', (type, args) => {
    const text = (Array.isArray(args) ? args : [args]).map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' ');
    for (const raw of text.split('\n')) {
      const i = raw.indexOf(MARK);
      if (i < 0) {
        consoleLog.write(`[${type}] ${raw}\n`);
        if (VERBOSE) console.log(`  (${type}) ${raw}`);
        continue;
      }
      const line = raw.slice(i + MARK.length);
      lastProgress = Date.now();
      if (/^\s*✔/.test(line)) seenPassed++;
      if (line.startsWith('ANALYST_LENS_RESULT ')) {
        try {
          result = JSON.parse(line.slice('ANALYST_LENS_RESULT '.length));
        } catch {
          /* fall back to the passing/failing lines */
        }
        continue;
      }
      if (line === 'ANALYST_LENS_XSS_CHECK') {
        xssCheck ??= runXssCheck();
        continue;
      }
      // A named screenshot asked for by a test (suite/shots.ts): test-artifacts/<name>.png, then a signal file.
      if (line.startsWith('ANALYST_LENS_SHOT ')) {
        const shotName = line.slice('ANALYST_LENS_SHOT '.length).replace(/[^\w-]/g, '');
        shots.push(
          (async () => {
            try {
              await page.waitForTimeout(700); // let hovers, menus and notifications finish their animation
              await page.screenshot({ path: join(artifacts, `${shotName}.png`) });
              say(`screenshot ${join(artifacts, `${shotName}.png`)}`);
            } catch (err) {
              console.error(`[integration] no screenshot ${shotName}: ${err.message}`);
            } finally {
              writeFileSync(join(signalDir, `shot-${shotName}`), '');
              writeFileSync(join(signalDir, `${shotName}-taken`), '');
            }
          })(),
        );
        continue;
      }
      if (line === 'ANALYST_LENS_SCREENSHOT_READY' && screenshotFile) {
        screenshot ??= takeScreenshot();
        continue;
      }
      let m;
      if ((m = /^\s*(\d+) passing\b/.exec(line))) passed = Number(m[1]);
      if ((m = /^\s*(\d+) failing\b/.exec(line))) failed = Number(m[1]);
      console.log(line.trim() ? `  ${line}` : '');
    }
  });
  await page.exposeFunction('codeAutomationExit', (code) => resolveExit(Number(code)));

  const url = workbenchUrl({ port, folder: fixtureWorkspace, extensionDevelopmentPath: repoRoot, extensionTestsPath: suite });
  say(`opening the workbench with the ${name} (${secs()})`);
  // On a loaded machine the workbench page can take well over 30 s (playwright's default) to load: wait for the
  // navigation to commit only; the suite's own deadline (TIMEOUT_MS) bounds the rest.
  await page.goto(url, { waitUntil: 'commit', timeout: 180_000 });

  let timer;
  const suiteStarted = Date.now();
  lastProgress = suiteStarted; // progress is counted from the workbench's load, not code-server's start
  let why = '';
  const timeout = new Promise((r) => {
    timer = setInterval(() => {
      if (Date.now() - lastProgress > IDLE_MS) why = `no progress for ${IDLE_MS / 1000} s (set ANALYST_LENS_IT_IDLE_MS to change)`;
      else if (Date.now() - suiteStarted > TIMEOUT_MS) why = `still running after ${TIMEOUT_MS / 1000} s (set ANALYST_LENS_IT_TIMEOUT_MS to change)`;
      if (why) r('timeout');
    }, 1000);
  });
  const serverDied = new Promise((r) => server.proc.once('exit', () => r('server-exit')));
  const outcome = await Promise.race([exited, timeout, serverDied]);
  clearInterval(timer);
  if (screenshot) await screenshot;
  await Promise.all(shots);
  if (xssCheck) await xssCheck;
  consoleLog.end();
  serverLog.end();
  rmSync(signalDir, { recursive: true, force: true });

  if (outcome === 'timeout') {
    await page.screenshot({ path: join(artifacts, 'timeout.png') }).catch(() => undefined);
    // The tests that passed before the suite stopped still count; the unfinished suite counts as one failure.
    passed = Math.max(passed, seenPassed);
    failed = Math.max(failed, 1);
    return done(1, `timed out: ${why}, after ${passed} passing tests; see test-artifacts/timeout.png, workbench-console.log, ${logPrefix}code-server.log.`);
  }
  if (outcome === 'server-exit') {
    return done(1, `code-server exited before the suite finished (see test-artifacts/${logPrefix}code-server.log).`);
  }
  const exitCode = outcome;
  say(`${name} finished with exit code ${exitCode} (${secs()})`);
  if (screenshotFile && !screenshot) console.error(`[integration] the ${name} never signalled the screenshot (did it fail early?)`);
  return done(exitCode, exitCode !== 0 ? `the ${name} failed (exit code ${exitCode})` : undefined);
}

/** `promise`, or a rejection after `ms` (a frame that never answers must not hang the check). */
function within(ms, promise) {
  let t;
  return Promise.race([promise, new Promise((_, rej) => (t = setTimeout(() => rej(new Error(`no answer within ${ms} ms`)), ms)))]).finally(() => clearTimeout(t));
}

/** The hostile strings of reports/hostile.md that the summary view must show as text. */
const HOSTILE_TEXTS = [
  '<script>window.__lensPwned=1</script>',
  '<b>bold</b> <script>alert(1)</script>',
  '"><script>window.__lensPwned=4</script>',
  '<img src=x onerror="window.__lensPwned=2">',
  '<iframe src="javascript:window.__lensPwned=5"></iframe>',
];

/**
 * Inspects every frame of the workbench page (webviews are nested iframes) once the summary of reports/hostile.md is
 * shown: no frame ran the report's code (window.__lensPwned), the summary frame shows the hostile strings as text,
 * has no script without the nonce, no inline event handler, no javascript: URL, and no request left code-server.
 * Takes test-artifacts/summary-hostile.png. Returns { ok, failures, checked }.
 */
async function checkHostileSummary(page, base, requests) {
  // The webview may be rebuilt while it is inspected (a frame detaches): look for it again, a few times.
  for (let attempt = 1; ; attempt++) {
    try {
      return await inspectHostileSummary(page, base, requests);
    } catch (err) {
      if (attempt >= 3 || !/detached|destroyed|navigat/i.test(err.message)) throw err;
      await page.waitForTimeout(500);
    }
  }
}

async function inspectHostileSummary(page, base, requests) {
  const failures = [];
  const checked = {};
  let summary;
  const deadline = Date.now() + 90_000; // generous: a loaded machine renders the webview late
  while (!summary && Date.now() < deadline) {
    for (const f of page.frames()) {
      const hit = await within(2000, f
        .evaluate(() => {
          const root = document.getElementById('root');
          return !!root && !!document.querySelector('meta[http-equiv="Content-Security-Policy"]') && root.textContent.includes('Putin') && root.textContent.includes('Hostile');
        }))
        .catch(() => false);
      if (hit) {
        summary = f;
        break;
      }
    }
    if (!summary) await page.waitForTimeout(200);
  }
  const frames = page.frames();
  checked.frames = frames.length;
  checked.pwned = [];
  for (const f of frames) {
    const v = await within(2000, f.evaluate(() => (window).__lensPwned ?? null)).catch((e) => `unreadable: ${e.message.split('\n')[0]}`);
    if (v !== null && !String(v).startsWith('unreadable: ')) failures.push(`frame ${f.url().slice(0, 120)} has window.__lensPwned = ${v}`);
    checked.pwned.push({ url: f.url().slice(0, 160), value: v });
  }
  if (!summary) {
    failures.push('no frame shows the summary of reports/hostile.md');
  } else {
    const dom = await within(5000, summary.evaluate(() => {
      const root = document.getElementById('root');
      const all = [...document.querySelectorAll('*')];
      return {
        text: root.innerText,
        scripts: [...document.querySelectorAll('script')].map((s) => ({
          src: s.getAttribute('src'),
          nonce: s.nonce ?? '',
          inRoot: root.contains(s),
          // VS Code injects one inline script into every webview (it defines acquireVsCodeApi) before the page's own.
          vscodeApi: !s.src && !s.nonce && !root.contains(s) && s.textContent.includes('acquireVsCodeApi') && s === document.scripts[0],
          head: s.src ? undefined : s.textContent.slice(0, 80),
        })),
        csp: document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? null,
        handlers: all.filter((el) => [...el.attributes].some((a) => /^on/i.test(a.name))).map((el) => el.outerHTML.slice(0, 200)),
        imgOnerror: document.querySelectorAll('img[onerror]').length,
        jsUrls: all.filter((el) => ['href', 'src', 'action', 'formaction'].some((a) => /^\s*javascript:/i.test(el.getAttribute(a) ?? ''))).map((el) => el.outerHTML.slice(0, 200)),
        foreign: [...root.querySelectorAll('script, img, iframe, object, embed, b, form, link, meta, style')].map((el) => el.outerHTML.slice(0, 200)),
      };
    }));
    checked.summaryFrame = summary.url().slice(0, 160);
    checked.scripts = dom.scripts;
    checked.csp = dom.csp;
    for (const t of HOSTILE_TEXTS) if (!dom.text.includes(t)) failures.push(`the view does not show ${JSON.stringify(t)} as text`);
    if (!dom.scripts.length) failures.push('the view has no script at all (is this the summary document?)');
    for (const sc of dom.scripts) if (!sc.nonce && !sc.vscodeApi) failures.push(`a script without the nonce: ${JSON.stringify(sc)}`);
    if (!dom.scripts.some((sc) => sc.nonce && /\/media\/summary\.js$/.test(sc.src ?? ''))) failures.push('media/summary.js is not loaded with the nonce');
    if (!/default-src 'none'/.test(dom.csp ?? '')) failures.push(`CSP in the view: ${dom.csp}`);
    if (dom.imgOnerror) failures.push(`${dom.imgOnerror} img[onerror] in the view`);
    if (dom.handlers.length) failures.push(`inline event handlers in the view: ${dom.handlers.join(' | ')}`);
    if (dom.jsUrls.length) failures.push(`javascript: URLs in the view: ${dom.jsUrls.join(' | ')}`);
    if (dom.foreign.length) failures.push(`report markup became elements: ${dom.foreign.join(' | ')}`);
  }
  // Webview resources (asWebviewUri) have https://*.vscode-resource.vscode-cdn.net URLs that never reach the network:
  // the webview's service worker answers them from code-server. Allowed only when the service worker did.
  const allowed = (r) =>
    r.url === base || r.url.startsWith(`${base}/`) || /^(vscode-webview|blob|data):/i.test(r.url) || (r.webviewResource && r.fromServiceWorker);
  const seen = await Promise.all(
    requests.map(async (req) => {
      const url = req.url();
      const webviewResource = /^https:\/\/[^/]+\.vscode-resource\.vscode-cdn\.net\//.test(url);
      const fromServiceWorker = webviewResource ? ((await req.response().catch(() => null))?.fromServiceWorker() ?? false) : false;
      return { url, webviewResource, fromServiceWorker };
    }),
  );
  checked.webviewResources = seen.filter((r) => r.webviewResource).map((r) => `${r.url} (${r.fromServiceWorker ? 'service worker' : 'NETWORK'})`);
  const off = [...new Set(seen.filter((r) => !allowed(r)).map((r) => r.url))];
  checked.requests = requests.length;
  checked.offOrigin = off;
  if (off.length) failures.push(`requests left ${base}: ${off.slice(0, 10).join(', ')}`);
  try {
    await page.screenshot({ path: join(artifacts, 'summary-hostile.png') });
    say(`screenshot of the summary of the hostile report: ${join(artifacts, 'summary-hostile.png')}`);
  } catch (err) {
    failures.push(`no screenshot: ${err.message}`);
  }
  return { ok: failures.length === 0, failures, checked };
}

const onSignal = async (sig) => {
  console.error(`[integration] ${sig}: stopping code-server`);
  await cleanup();
  process.exit(130);
};
process.once('SIGINT', onSignal);
process.once('SIGTERM', onSignal);

try {
  await main();
} catch (err) {
  finish(err?.stack ?? String(err));
} finally {
  await cleanup();
}
