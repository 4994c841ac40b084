// Entry point of the integration suite, loaded by a real VS Code extension host: code-server's (runCodeServer.mjs)
// or desktop VS Code's (runDesktop.mjs, @vscode/test-electron). VS Code calls run() and reads its promise:
// resolved = every test passed.
//
// esbuild bundles this file with the test files (mocha stays external, resolved from node_modules at run time), so
// mocha cannot load the tests from disk: they are `require`d below after mocha's BDD globals (describe, it, …) have
// been put on globalThis by the 'pre-require' event. Keep the require()s (not imports): imports would be hoisted
// and run before the globals exist.
import Mocha from 'mocha';

/** Set by runCodeServer.mjs in the server's environment: lines of the mocha run are prefixed so the runner can tell
 * them from the workbench's console noise. */
const MARK = process.env.ANALYST_LENS_IT_MARK ?? '';

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 60_000, reporter: 'spec' });
  // Run a subset: ANALYST_LENS_IT_GREP=<regexp> (prefix it with ! to run everything else).
  const grep = process.env.ANALYST_LENS_IT_GREP;
  if (grep) {
    mocha.grep(new RegExp(grep.replace(/^!/, '')));
    if (grep.startsWith('!')) mocha.invert();
  }
  if (MARK) {
    // Every reporter line goes through Base.consoleLog; prefix each one.
    const base = Mocha.reporters.Base as unknown as { consoleLog: (...args: unknown[]) => void };
    const original = base.consoleLog;
    base.consoleLog = (...args: unknown[]) => {
      const text = args.length ? formatArgs(args) : '';
      for (const line of text.split('\n')) original.call(console, `${MARK}${line}`);
    };
  }
  mocha.suite.emit('pre-require', globalThis, 'bundle', mocha);
  /* eslint-disable @typescript-eslint/no-require-imports */
  require('./activation.test');
  require('./entities.test');
  require('./commands.test');
  require('./robustness.test');
  require('./editing.test');
  require('./summary.test');
  require('./security.test');
  require('./workspace.test');
  require('./actors.test');
  require('./markup.test');
  require('./final.test'); // last: leaves the sample report visible for the screenshot
  /* eslint-enable @typescript-eslint/no-require-imports */

  return new Promise((resolve, reject) => {
    try {
      const runner = mocha.run((failures) => {
        const passed = runner.stats?.passes ?? 0;
        const line = `ANALYST_LENS_RESULT ${JSON.stringify({ passed, failed: failures, pending: runner.stats?.pending ?? 0 })}`;
        console.log(MARK ? `${MARK}${line}` : line);
        if (failures > 0) reject(new Error(`${failures} integration test(s) failed.`));
        else resolve();
      });
    } catch (err) {
      console.error(err);
      reject(err instanceof Error ? err : new Error(String(err)));
    }
  });
}

function formatArgs(args: unknown[]): string {
  // Base.consoleLog is called printf-style: ('%d passing', 3) etc.
  const [first, ...rest] = args;
  if (typeof first !== 'string') return args.map(String).join(' ');
  let i = 0;
  const out = first.replace(/%[sdifjoO%]/g, (m) => {
    if (m === '%%') return '%';
    if (i >= rest.length) return m;
    const v = rest[i++];
    if (m === '%d' || m === '%i') return String(Math.trunc(Number(v)));
    if (m === '%f') return String(Number(v));
    if (m === '%j' || m === '%o' || m === '%O') return JSON.stringify(v);
    return String(v);
  });
  return [out, ...rest.slice(i).map(String)].join(' ');
}
