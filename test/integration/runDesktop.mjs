#!/usr/bin/env node
// Runs the integration suite in desktop VS Code (Electron) through @vscode/test-electron, for desktops with internet:
// it downloads VS Code from Microsoft's update server into .vscode-test/ on first use. Machines without that
// access (CI here) use `npm run test:integration` (code-server + headless Chromium) instead.
// On a headless Linux box, run it under a virtual display: `xvfb-run -a npm run test:integration:desktop`.
// Environment: VSCODE_TEST_VERSION (default "stable"). `npm run build` first.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fixtureWorkspace, repoRoot } from './codeServer.mjs';

const suitePath = join(repoRoot, 'out', 'test', 'integration', 'suite');
if (!existsSync(join(suitePath, 'index.js')) || !existsSync(join(repoRoot, 'dist', 'extension.js'))) {
  console.error('[desktop] the extension or the suite is not built: run `npm run build` first.');
  console.log('integration (desktop): 0 passed, 0 failed');
  process.exit(1);
}

let runTests;
try {
  ({ runTests } = await import('@vscode/test-electron'));
} catch (err) {
  console.error(`[desktop] cannot load @vscode/test-electron (${err.message}). It needs Node 22 or later; run \`npm install\` first.`);
  process.exit(1);
}

const version = process.env.VSCODE_TEST_VERSION || 'stable';
try {
  const code = await runTests({
    version,
    extensionDevelopmentPath: repoRoot,
    extensionTestsPath: suitePath,
    launchArgs: [fixtureWorkspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes'],
  });
  console.log(`[desktop] VS Code ${version} exited with ${code}`);
  process.exit(code === 0 ? 0 : 1);
} catch (err) {
  const msg = err?.message ?? String(err);
  console.error(`[desktop] the desktop run failed: ${msg}`);
  if (/ENOTFOUND|ECONNREFUSED|ECONNRESET|ETIMEDOUT|EAI_AGAIN|getaddrinfo|fetch failed|socket|network|download/i.test(msg + (err?.cause?.message ?? ''))) {
    console.error(
      '[desktop] @vscode/test-electron could not download VS Code (it needs access to Microsoft\'s update server).\n' +
        '[desktop] On a machine without internet, run the same suite in code-server instead: npm run test:integration',
    );
  }
  process.exit(1);
}
