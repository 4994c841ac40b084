#!/usr/bin/env node
// `npm start`: the extension, live, in a real VS Code in your browser (code-server on 127.0.0.1), on the fixture
// workspace with the sample report open in a dark theme. Never runs npm ci/install: run `npm ci` once before.
// Installs what is missing only the first time (Node 24 and code-server into .vscode-test/, cached with a stamp),
// builds when dist/ is missing or older than src/, and keeps running until Ctrl-C. The URL it prints is short
// (http://127.0.0.1:PORT/): that port answers with a redirect to the workbench URL with the extension loaded.
// After changing the code, run `npm run build` (or keep `npm run watch` running) and reload the browser tab.
// Environment: PORT (default 8080; a free port is chosen when it is taken), ANALYST_LENS_THEME (default
// "Default Dark Modern"; e.g. "Default Light Modern").
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { join } from 'node:path';
import {
  ensureAll,
  findPort,
  fixtureWorkspace,
  repoRoot,
  say,
  startCodeServer,
  workbenchUrl,
} from '../test/integration/codeServer.mjs';

const started = Date.now();
if (!existsSync(join(repoRoot, 'node_modules', 'esbuild'))) {
  console.error('The project\'s dependencies are missing: run `npm ci` once, then `npm start`.');
  process.exit(1);
}
const { node24, entry } = ensureAll();

/** Newest modification time of the files under a folder (0 when there is none). */
function newest(dir) {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}
const bundle = join(repoRoot, 'dist', 'extension.js');
const stale = !existsSync(bundle) || newest(join(repoRoot, 'src')) > statSync(bundle).mtimeMs;
if (stale) {
  say(existsSync(bundle) ? 'src/ changed since the last build: npm run build' : 'dist/extension.js is missing: npm run build');
  const r = spawnSync('npm', ['run', 'build'], { cwd: repoRoot, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

// The short URL's port (a redirect) and, behind it, code-server's own port.
const wanted = Number(process.env.PORT) || 8080;
delete process.env.PORT; // code-server reads PORT too, and it would win over --bind-addr
const port = await findPort(wanted);
if (port !== wanted) say(`port ${wanted} is taken: using ${port}`);
const serverPort = await findPort(port + 1);

const server = await startCodeServer({
  node24,
  entry,
  port: serverPort,
  onOutput: (line) => {
    // The server's own errors, less the expected ones of a machine without internet (extension gallery lookups).
    if (process.env.ANALYST_LENS_VERBOSE || /error/i.test(line) && !/open-vsx|gallery|ENOTFOUND|EAI_AGAIN|getaddrinfo/i.test(line)) console.log(`  (code-server) ${line}`);
  },
});

// The sample opens in a dark theme. The Extension Development Host window does not read this throwaway profile's
// user settings, so the window opens a workspace file (kept in the profile's folder, not in the repository) that
// holds the fixture folder and the theme.
const workspaceFile = join(server.stateDir, 'analyst-lens-sample.code-workspace');
writeFileSync(
  workspaceFile,
  JSON.stringify({ folders: [{ path: fixtureWorkspace }], settings: { 'workbench.colorTheme': process.env.ANALYST_LENS_THEME || 'Default Dark Modern' } }, null, 2),
);
const longUrl = workbenchUrl({
  port: serverPort,
  folder: fixtureWorkspace,
  extensionDevelopmentPath: repoRoot,
  openFile: join(fixtureWorkspace, 'reports', 'dubrovnik-visit.md'),
}).replace(/\?folder=[^&]*/, `?workspace=${encodeURIComponent(workspaceFile)}`);
// http://127.0.0.1:PORT/ redirects to the workbench with the extension and the sample report.
const redirect = http.createServer((req, res) => {
  res.writeHead(302, { Location: longUrl, 'Cache-Control': 'no-store' });
  res.end();
});
await new Promise((resolve, reject) => redirect.once('error', reject).listen(port, '127.0.0.1', resolve));
const url = `http://127.0.0.1:${port}/`;

console.log(`
  Analyst Lens is running in VS Code (code-server) — ready in ${((Date.now() - started) / 1000).toFixed(0)} s.
  Open in a browser on this machine:

    ${url}

  Workspace: ${fixtureWorkspace}
  Rebuild with \`npm run build\` and reload the window to see changes. Ctrl-C stops the server.
`);

let stopping = false;
const stop = async (sig) => {
  if (stopping) return;
  stopping = true;
  say(`${sig}: stopping code-server`);
  redirect.close();
  await server.stop();
  process.exit(0);
};
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));
server.proc.on('exit', (code, signal) => {
  if (stopping) return;
  console.error(`[vscode-test] code-server exited (${code ?? signal})`);
  process.exit(1);
});
