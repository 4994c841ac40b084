// Entry point of the integration suite, loaded by a real VS Code extension host: code-server's (runCodeServer.mjs)
// or desktop VS Code's (runDesktop.mjs, @vscode/test-electron). VS Code calls run() and reads its promise:
// resolved = every test passed. The mocha set-up is shared with the untrusted-workspace suite (../mochaRun.ts).
import { runMocha } from '../mochaRun';

export function run(): Promise<void> {
  return runMocha(() => {
    /* eslint-disable @typescript-eslint/no-require-imports */
    require('./activation.test');
    require('./entities.test');
    require('./commands.test');
    require('./robustness.test');
    require('./editing.test');
    require('./staleHighlights.test');
    require('./summary.test');
    require('./security.test');
    require('./workspace.test');
    require('./actors.test');
    require('./markup.test');
    require('./cti.test');
    require('./lens.test');
    require('./annotations.test');
    require('./final.test'); // last: leaves the sample report visible for the screenshot
    /* eslint-enable @typescript-eslint/no-require-imports */
  });
}
