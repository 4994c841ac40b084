// Shared launch code for a real VS Code (code-server: VS Code server + web workbench) driven by headless Chromium.
// Used by test/integration/runCodeServer.mjs (the integration tests) and scripts/start.mjs (`npm start`).
// Recipe and background: shared/VSCODE-TESTS.md. Everything installed here lands in .vscode-test/ (gitignored)
// and is cached: a second run finds it and skips the step.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const cacheDir = join(repoRoot, '.vscode-test');
export const fixtureWorkspace = join(repoRoot, 'test', 'fixtures', 'workspace');
export const NODE24_VERSION = '24.21.0';
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const APT_HINT = 'sudo apt-get install -y chromium libkrb5-dev pkg-config';

export function say(msg) {
  console.log(`[vscode-test] ${msg}`);
}

function run(cmd, args, opts = {}) {
  say(`$ ${cmd} ${args.join(' ')}${opts.cwd ? `   (in ${opts.cwd})` : ''}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', ...opts });
  if (r.error) throw new Error(`${cmd} could not start: ${r.error.message}`);
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited with ${r.status ?? r.signal}`);
}

function sha256(file) {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

/** Exits with a clear message when Debian's Chromium (and with it the build deps) is not installed. */
export function requireChromium() {
  if (existsSync(CHROMIUM)) return CHROMIUM;
  console.error(`[vscode-test] ${CHROMIUM} not found. Install Chromium and the build dependencies of code-server's native addons first:\n\n    ${APT_HINT}\n`);
  process.exit(1);
}

/**
 * Node 24 (code-server needs it to install and to run), from the npm registry package node-<platform>-<arch>.
 * Returns { node, binDir, nodeDir }. Uses the running Node when it is already 24.
 */
export function ensureNode24() {
  if (process.versions.node.split('.')[0] === '24') {
    const binDir = dirname(process.execPath);
    return { node: process.execPath, binDir, nodeDir: resolve(binDir, '..') };
  }
  const pkg = `node-${process.platform}-${process.arch}`;
  const prefix = join(cacheDir, 'node24');
  const nodeDir = join(prefix, 'node_modules', pkg);
  const node = join(nodeDir, 'bin', process.platform === 'win32' ? 'node.exe' : 'node');
  const version = existsSync(node) ? spawnSync(node, ['--version'], { encoding: 'utf8' }).stdout?.trim() : undefined;
  if (version === `v${NODE24_VERSION}`) {
    say(`Node ${version}: cached in ${prefix}`);
  } else {
    say(`Node ${NODE24_VERSION} not found in ${prefix}: installing ${pkg}@${NODE24_VERSION} from the npm registry (about 190 MB)`);
    mkdirSync(prefix, { recursive: true });
    run('npm', ['install', '--prefix', prefix, '--no-audit', '--no-fund', '--loglevel=error', `${pkg}@${NODE24_VERSION}`]);
    if (!existsSync(node)) throw new Error(`${node} missing after the install`);
  }
  return { node, binDir: dirname(node), nodeDir };
}

/**
 * What an outer npm (`npm test`, `npm start`) puts in its scripts' environment about itself. Passed on, it would
 * describe Node 20 to the inner npm: code-server's postinstall reads the Node version from npm_config_user_agent.
 */
const OUTER_NPM_ENV = /^(npm_(lifecycle|package)_.*|npm_(node_)?execpath|npm_command|NODE|INIT_CWD|npm_config_(user_agent|node_gyp|npm_version|local_prefix|global_prefix|prefix|node_execpath|nodedir))$/i;

/** Environment for running npm/node-gyp/code-server with Node 24 first on PATH. */
export function node24Env(node24, extra = {}) {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !OUTER_NPM_ENV.test(k)));
  return {
    ...env,
    PATH: `${node24.binDir}${process.platform === 'win32' ? ';' : ':'}${process.env.PATH ?? ''}`,
    npm_config_nodedir: node24.nodeDir,
    ...extra,
  };
}

/**
 * code-server 4.139.1 from test/integration/code-server/{package.json,package-lock.json}, installed with `npm ci`
 * into .vscode-test/code-server. A stamp holds the hashes of both files: a change to either reinstalls.
 * Returns the path of code-server's entry.js.
 */
export function ensureCodeServer(node24) {
  const src = join(repoRoot, 'test', 'integration', 'code-server');
  const dir = join(cacheDir, 'code-server');
  const entry = join(dir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
  const stamp = join(dir, '.installed');
  const want = `${sha256(join(src, 'package.json'))} ${sha256(join(src, 'package-lock.json'))}`;
  if (existsSync(entry) && existsSync(stamp) && readFileSync(stamp, 'utf8').trim() === want) {
    say(`code-server: cached in ${dir}`);
    return entry;
  }
  say(`code-server not installed (or its package.json/lockfile changed): npm ci in ${dir} with Node 24 (about 3 minutes, 620 MB; native addons build from source)`);
  mkdirSync(dir, { recursive: true });
  rmSync(stamp, { force: true });
  copyFileSync(join(src, 'package.json'), join(dir, 'package.json'));
  copyFileSync(join(src, 'package-lock.json'), join(dir, 'package-lock.json'));
  const started = Date.now();
  run('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: dir, env: node24Env(node24) });
  if (!existsSync(entry)) throw new Error(`${entry} missing after npm ci: code-server's postinstall did not build it`);
  writeFileSync(stamp, `${want}\n`);
  say(`code-server installed in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  return entry;
}

/** Everything the launchers need, installed when missing: { node24, entry }. Exits (code 1) when Chromium is absent. */
export function ensureAll() {
  requireChromium();
  const node24 = ensureNode24();
  const entry = ensureCodeServer(node24);
  return { node24, entry };
}

function portFree(port) {
  return new Promise((res) => {
    const srv = createServer();
    srv.once('error', () => res(false));
    srv.listen(port, '127.0.0.1', () => srv.close(() => res(true)));
  });
}

/** `preferred` when it is free on 127.0.0.1, else a free port chosen by the OS. */
export async function findPort(preferred) {
  if (preferred && (await portFree(preferred))) return preferred;
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.once('error', rej);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => res(port));
    });
  });
}

/**
 * Starts code-server on 127.0.0.1:port in its own process group with a throwaway state folder.
 * Returns { port, base, proc, stateDir, stop() }; stop() kills the whole group and removes the state.
 * `onOutput(line)` receives the server's own stdout/stderr lines (default: dropped). `workspaceTrust: true` leaves
 * workspace trust on (no --disable-workspace-trust): a folder opens untrusted, in restricted mode, without the
 * startup trust prompt.
 */
export async function startCodeServer({ node24, entry, port, env = {}, onOutput, keepState = false, workspaceTrust = false, disableExtensions = [], settings = {} }) {
  const stateDir = mkdtempSync(join(tmpdir(), 'analyst-lens-code-server-'));
  for (const d of ['user', 'extensions']) mkdirSync(join(stateDir, d));
  // Default settings for a quiet, predictable workbench.
  mkdirSync(join(stateDir, 'user', 'User'), { recursive: true });
  writeFileSync(
    join(stateDir, 'user', 'User', 'settings.json'),
    JSON.stringify(
      {
        'workbench.startupEditor': 'none',
        'workbench.tips.enabled': false,
        'workbench.enableExperiments': false,
        'extensions.autoCheckUpdates': false,
        'extensions.autoUpdate': false,
        'extensions.ignoreRecommendations': true,
        'telemetry.telemetryLevel': 'off',
        'update.mode': 'none',
        'chat.disableAIFeatures': true,
        'security.workspace.trust.enabled': workspaceTrust,
        ...(workspaceTrust ? { 'security.workspace.trust.startupPrompt': 'never' } : {}),
        'window.commandCenter': false,
        'workbench.secondarySideBar.defaultVisibility': 'hidden',
        ...settings,
      },
      null,
      2,
    ),
  );
  writeFileSync(join(stateDir, 'config.yaml'), 'auth: none\ncert: false\n');
  const args = [
    entry,
    '--bind-addr', `127.0.0.1:${port}`,
    '--auth', 'none',
    '--disable-telemetry',
    '--disable-update-check',
    ...(workspaceTrust ? [] : ['--disable-workspace-trust']),
    '--disable-getting-started-override',
    '--user-data-dir', join(stateDir, 'user'),
    '--extensions-dir', join(stateDir, 'extensions'),
    '--config', join(stateDir, 'config.yaml'),
    '--vscode-option', 'enable-smoke-test-driver',
  ];
  const proc = spawn(node24.node, args, {
    cwd: repoRoot,
    // Built-in extensions left out of this run (e.g. to tell their work in the extension host from ours): the VS Code
    // server skips the built-in extensions this variable names (--disable-extension does not reach its extension host).
    env: node24Env(node24, disableExtensions.length ? { ...env, VSCODE_SKIP_BUILTIN_EXTENSIONS: disableExtensions.join(',') } : env),
    detached: true, // own process group: stop() kills the server and every extension host it started
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let exited = null;
  // If this process ends without stop() (an uncaught error, process.exit), take the server down with it.
  const killOnExit = () => {
    try {
      process.kill(-proc.pid, 'SIGKILL');
    } catch {
      /* already gone */
    }
  };
  process.once('exit', killOnExit);
  proc.on('exit', (code, signal) => {
    exited = { code, signal };
  });
  for (const stream of [proc.stdout, proc.stderr]) {
    let buf = '';
    stream.setEncoding('utf8');
    stream.on('data', (chunk) => {
      buf += chunk;
      let i;
      while ((i = buf.indexOf('\n')) >= 0) {
        const line = buf.slice(0, i);
        buf = buf.slice(i + 1);
        onOutput?.(line);
      }
    });
  }
  const base = `http://127.0.0.1:${port}`;
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    process.removeListener('exit', killOnExit);
    if (exited === null) {
      try {
        process.kill(-proc.pid, 'SIGTERM');
      } catch {
        /* already gone */
      }
      const deadline = Date.now() + 5000;
      while (exited === null && Date.now() < deadline) await sleep(100);
      try {
        process.kill(-proc.pid, 'SIGKILL'); // whatever is left of the group (extension hosts, watchers)
      } catch {
        /* group already empty */
      }
    }
    if (!keepState) rmSync(stateDir, { recursive: true, force: true });
  };
  // Wait for /healthz. On a loaded machine (CI sharing its cores) start-up can take minutes, not seconds.
  const healthMs = Number(process.env.ANALYST_LENS_SERVER_TIMEOUT_MS) || 300_000;
  const deadline = Date.now() + healthMs;
  for (;;) {
    if (exited) throw new Error(`code-server exited during start-up (${exited.code ?? exited.signal})`);
    try {
      const r = await fetch(`${base}/healthz`);
      if (r.ok) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`code-server did not answer ${base}/healthz within ${healthMs / 1000} s`);
    }
    await sleep(250);
  }
  return { port, base, proc, stateDir, stop, exited: () => exited };
}

/**
 * The workbench URL with a payload: the extension under development (and, for tests, the suite) loaded into the
 * extension host; `openFile` an absolute path to show first. Paths are absolute paths on this machine.
 */
export function workbenchUrl({ port, folder, extensionDevelopmentPath, extensionTestsPath, openFile }) {
  const remote = (p) => `vscode-remote://127.0.0.1:${port}${p}`;
  const payload = [];
  if (extensionDevelopmentPath) payload.push(['extensionDevelopmentPath', remote(extensionDevelopmentPath)]);
  if (extensionTestsPath) payload.push(['extensionTestsPath', remote(extensionTestsPath)]);
  if (openFile) payload.push(['openFile', remote(openFile)]);
  payload.push(['skipWelcome', 'true']);
  return `http://127.0.0.1:${port}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

/** Headless Debian Chromium through playwright-core (which downloads no browser). */
export async function launchChromium() {
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
}

export function sleep(ms) {
  return new Promise((r) => setTimeout(r, ms));
}

export function makeTempDir(prefix) {
  return mkdtempSync(join(tmpdir(), prefix));
}
