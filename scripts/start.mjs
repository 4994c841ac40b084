#!/usr/bin/env node
// `npm start`: the extension, live, in a real VS Code in your browser (code-server on 127.0.0.1), on the fixture
// workspace with the sample report open. Installs what is missing (Node 24 and code-server into .vscode-test/,
// cached), builds if dist/ is missing, and keeps running until Ctrl-C. After changing the code, run `npm run build`
// (or keep `npm run watch` running) and reload the browser tab ("Developer: Reload Window").
// Environment: PORT (default 8080; a free port is chosen when it is taken).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
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

const { node24, entry } = ensureAll();

if (!existsSync(join(repoRoot, 'dist', 'extension.js'))) {
  say('dist/extension.js is missing: npm run build');
  const r = spawnSync('npm', ['run', 'build'], { cwd: repoRoot, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

const wanted = Number(process.env.PORT) || 8080;
const port = await findPort(wanted);
if (port !== wanted) say(`port ${wanted} is taken: using ${port}`);

const server = await startCodeServer({
  node24,
  entry,
  port,
  onOutput: (line) => {
    // The server's own errors, less the expected ones of a machine without internet (extension gallery lookups).
    if (/error/i.test(line) && !/open-vsx|gallery|ENOTFOUND|EAI_AGAIN|getaddrinfo/i.test(line)) console.log(`  (code-server) ${line}`);
  },
});

const url = workbenchUrl({
  port,
  folder: fixtureWorkspace,
  extensionDevelopmentPath: repoRoot,
  openFile: join(fixtureWorkspace, 'reports', 'sochi-visit.md'),
});

console.log(`
  Analyst Lens is running in VS Code (code-server ${server.base}).
  Open this URL in a browser on this machine:

    ${url}

  Workspace: ${fixtureWorkspace}
  Rebuild with \`npm run build\` and reload the window to see changes. Ctrl-C stops the server.
`);

let stopping = false;
const stop = async (sig) => {
  if (stopping) return;
  stopping = true;
  say(`${sig}: stopping code-server`);
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
