// Entry point of the untrusted-workspace suite: runCodeServer.mjs starts a second code-server WITH workspace trust
// (no --disable-workspace-trust), so the fixture folder opens in restricted mode, and loads this suite. The mocha
// set-up is shared with the main suite (../mochaRun.ts).
import { runMocha } from '../mochaRun';

export function run(): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return runMocha(() => require('./untrusted.test'));
}
