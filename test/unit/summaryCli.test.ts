import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs, run } from '../../src/cli/main';

const SAMPLE = join(__dirname, '..', 'fixtures', 'sample', 'dubrovnik-visit.txt');

async function cli(...args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await run(args, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), stderrIsTTY: false });
  return { code, stdout, stderr };
}

describe('[cli] analyst-lens', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'analyst-lens-cli-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('summarize --format json prints the summary; --date sets the report date', async () => {
    const r = await cli('summarize', SAMPLE, '--format', 'json', '--date', '2025-03-14');
    assert.equal(r.code, 0, r.stderr);
    const s = JSON.parse(r.stdout);
    assert.equal(s.schemaVersion, 1);
    assert.deepEqual(s.reportDate, { date: '2025-03-14', source: 'option' });
    assert.equal(s.timeline[0].date, '2025-03-14');
    assert.equal(s.title, 'dubrovnik-visit');
  });

  it('without --date, falls back to the file modification time and says so', async () => {
    const r = await cli('summarize', SAMPLE, '--format=json');
    assert.equal(JSON.parse(r.stdout).reportDate.source, 'fallback');
  });

  it('writes each format to --out', async () => {
    for (const [format, check] of [
      ['md', (t: string) => assert.match(t, /^# dubrovnik-visit\n/)],
      ['csv', (t: string) => assert.match(t, /^type,text,canonical_actor/)],
      ['stix', (t: string) => assert.equal(JSON.parse(t).type, 'bundle')],
      ['json', (t: string) => assert.equal(JSON.parse(t).schemaVersion, 1)],
    ] as const) {
      const out = join(dir, `out.${format}`);
      const r = await cli('summarize', SAMPLE, '-f', format, '-o', out);
      assert.equal(r.code, 0, r.stderr);
      assert.equal(r.stdout, '');
      check(readFileSync(out, 'utf8'));
    }
  });

  it('entities prints the entity layer as JSON with lines and columns', async () => {
    const r = await cli('entities', SAMPLE);
    assert.equal(r.code, 0);
    const e = JSON.parse(r.stdout).entities.find((x: { text: string }) => x.text === 'Duarte Vasconcelos');
    assert.deepEqual([e.type, e.line, e.column], ['person', 1, 39]);
  });

  it('exit 2 on usage errors, with the usage on stderr', async () => {
    for (const args of [[], ['frobnicate', SAMPLE], ['summarize'], ['summarize', SAMPLE, '--format', 'pdf'], ['summarize', SAMPLE, '--date', 'soon'], ['summarize', SAMPLE, '--bogus'], ['summarize', SAMPLE, '--out']]) {
      const r = await cli(...args);
      assert.equal(r.code, 2, `${args.join(' ')} -> ${r.stderr}`);
      assert.match(r.stderr, /^analyst-lens: .+\n\nUsage:/);
    }
    assert.equal((await cli('--help')).code, 0);
    assert.match((await cli('--help')).stdout, /analyst-lens summarize <input>\.\.\./);
  });

  it('exit 1 with a clear message for missing, unreadable, binary and directory inputs', async () => {
    const bin = join(dir, 'image.png');
    writeFileSync(bin, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 1, 2, 3]));
    const locked = join(dir, 'locked.txt');
    writeFileSync(locked, 'secret');
    chmodSync(locked, 0);
    const cases: [string, RegExp][] = [
      [join(dir, 'missing.md'), /cannot read .*missing\.md: no such file/],
      [bin, /looks like a binary file/],
    ];
    // root reads any file whatever its mode: check permissions only where they apply.
    if (process.getuid?.() !== 0) cases.push([locked, /cannot read .*locked\.txt: permission denied/]);
    for (const [file, msg] of cases) {
      const r = await cli('summarize', file);
      assert.equal(r.code, 1, file);
      assert.match(r.stderr, msg);
      assert.equal(r.stdout, '');
    }
    assert.equal((await cli('summarize', SAMPLE, '--out', join(dir, 'no', 'such', 'dir.md'))).code, 1);
    // A directory is a batch of reports: it needs JSON Lines or --out-dir.
    const d = await cli('summarize', dir);
    assert.equal(d.code, 2);
    assert.match(d.stderr, /several reports: use --format jsonl/);
  });

  it('parses options in any order, with = or a separate value', () => {
    const p = parseArgs(['--format=csv', 'summarize', '-o', 'x.csv', 'a.md', '--jobs', '3', 'b.md']);
    assert.deepEqual([p.format, p.out, p.command, p.inputs, p.jobs, p.help], ['csv', 'x.csv', 'summarize', ['a.md', 'b.md'], 3, false]);
  });
});
