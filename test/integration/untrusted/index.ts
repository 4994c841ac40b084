// Entry point of the untrusted-workspace suite: runCodeServer.mjs starts a second code-server WITH workspace trust
// (no --disable-workspace-trust), so the fixture folder opens in restricted mode, and loads this suite. Same mocha
// set-up as suite/index.ts (bundled by esbuild; tests are require()d after the BDD globals exist).
import Mocha from 'mocha';

const MARK = process.env.ANALYST_LENS_IT_MARK ?? '';

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 60_000, reporter: 'spec' });
  const grep = process.env.ANALYST_LENS_IT_GREP;
  if (grep) {
    mocha.grep(new RegExp(grep.replace(/^!/, '')));
    if (grep.startsWith('!')) mocha.invert();
  }
  if (MARK) {
    const base = Mocha.reporters.Base as unknown as { consoleLog: (...args: unknown[]) => void };
    const original = base.consoleLog;
    base.consoleLog = (...args: unknown[]) => {
      const [first, ...rest] = args;
      let i = 0;
      const text = typeof first === 'string' ? [first.replace(/%[sdifjoO%]/g, (m) => (m === '%%' ? '%' : i < rest.length ? String(rest[i++]) : m)), ...rest.slice(i).map(String)].join(' ') : args.map(String).join(' ');
      for (const line of text.split('\n')) original.call(console, `${MARK}${line}`);
    };
  }
  mocha.suite.emit('pre-require', globalThis, 'bundle', mocha);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require('./untrusted.test');
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      const line = `ANALYST_LENS_RESULT ${JSON.stringify({ passed: runner.stats?.passes ?? 0, failed: failures, pending: runner.stats?.pending ?? 0 })}`;
      console.log(MARK ? `${MARK}${line}` : line);
      if (failures > 0) reject(new Error(`${failures} integration test(s) failed.`));
      else resolve();
    });
  });
}
