// The mocha set-up both integration suites share (suite/ in the normal workspace, untrusted/ in restricted mode):
// BDD globals, the ANALYST_LENS_IT_GREP filter, reporter lines prefixed with the runner's mark so it can tell them
// from the workbench's console noise, and the ANALYST_LENS_RESULT line the runner counts.
//
// esbuild bundles each suite, so mocha cannot load test files from disk: `loadTests` require()s them after the
// 'pre-require' event has put describe/it on globalThis (imports would be hoisted and run before the globals exist).
import Mocha from 'mocha';

/** Set by runCodeServer.mjs in the server's environment. */
const MARK = process.env.ANALYST_LENS_IT_MARK ?? '';

export function runMocha(loadTests: () => void): Promise<void> {
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
  loadTests();

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
