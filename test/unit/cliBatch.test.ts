// The batch command line as a user runs it: `node dist/cli.js` in a child process, over standard input, globs,
// directories and lists, with JSON Lines out. Needs `npm run build` first (npm test builds before it tests).
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const CLI = join(__dirname, '..', '..', 'dist', 'cli.js');

// Reports written for these tests.
const REPORTS: Record<string, string> = {
  'a.md': '# Visit to Lyon\n\nDefence Minister Anna Kowalski met General Pierre Martin in Lyon on 3 March 2025.\n',
  'b.txt': 'The Danish Red Cross said on Tuesday that 40 volunteers had reached Aarhus. Lars Nielsen led them.\n',
  'sub/c.md': 'Prime Minister Helena Varga flew to Vienna, where she spoke with Chancellor Otto Brandt.\n',
  'sub/notes.json': '{"not": "a report"}\n',
};

interface Line {
  file: string;
  ok: boolean;
  error?: string;
  summary?: { title: string; actors: { name: string }[] };
  entities?: { type: string; text: string; line: number }[];
  counts?: Record<string, number>;
}

function cli(args: string[], opts: { input?: string | Buffer; cwd?: string } = {}) {
  const r = spawnSync(process.execPath, [CLI, ...args], { input: opts.input ?? '', cwd: opts.cwd, encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Standard output as JSON Lines: every line must be one JSON object with "file" and "ok". */
function jsonl(stdout: string): Line[] {
  assert.ok(stdout.endsWith('\n'), 'JSONL ends with a newline');
  return stdout
    .slice(0, -1)
    .split('\n')
    .map((l) => {
      const o = JSON.parse(l) as Line;
      assert.equal(typeof o.file, 'string', l.slice(0, 200));
      assert.equal(typeof o.ok, 'boolean', l.slice(0, 200));
      return o;
    });
}

describe('[cli] batch: standard input, globs, directories, JSON Lines, --jobs, exit codes', function () {
  this.timeout(180_000);
  let dir: string;

  before(() => {
    assert.ok(existsSync(CLI), `${CLI} is missing: run npm run build first`);
    dir = mkdtempSync(join(tmpdir(), 'analyst-lens-batch-'));
    for (const [name, text] of Object.entries(REPORTS)) {
      mkdirSync(join(dir, name, '..'), { recursive: true });
      writeFileSync(join(dir, name), text);
    }
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('reads one report from standard input (-): entities as JSON, then as one JSON line named "-"', () => {
    const r = cli(['entities', '-'], { input: REPORTS['a.md'] });
    assert.equal(r.code, 0, r.stderr);
    const o = JSON.parse(r.stdout);
    assert.ok(o.entities.some((e: { type: string; text: string }) => e.type === 'person' && e.text === 'Anna Kowalski'), r.stdout);
    const l = cli(['entities', '-', '--format', 'jsonl'], { input: REPORTS['a.md'] });
    const lines = jsonl(l.stdout);
    assert.equal(lines.length, 1);
    assert.equal(lines[0].file, '-');
    assert.ok(lines[0].entities?.some((e) => e.text === 'Pierre Martin' && e.type === 'person'));
    assert.equal(r.stderr, '', 'no progress or noise on stderr when it is not a terminal');
  });

  it('a glob expands to the matching files in order, one summary line each', () => {
    const r = cli(['summarize', '**/*.md', '--format', 'jsonl'], { cwd: dir });
    assert.equal(r.code, 0, r.stderr);
    const lines = jsonl(r.stdout);
    assert.deepEqual(lines.map((l) => l.file), ['a.md', 'sub/c.md']);
    assert.deepEqual(lines.map((l) => l.summary?.title), ['Visit to Lyon', 'c'], 'the first heading, else the file name');
    assert.ok(lines[1].summary?.actors.some((a) => a.name === 'Helena Varga'), JSON.stringify(lines[1].summary?.actors));
  });

  it('a directory means its reports (.md, .txt), recursively, and nothing else', () => {
    const r = cli(['entities', dir, '--format', 'jsonl']);
    assert.equal(r.code, 0, r.stderr);
    const files = jsonl(r.stdout).map((l) => l.file.slice(dir.length + 1));
    assert.deepEqual(files, ['a.md', 'b.txt', 'sub/c.md']);
  });

  it('one unreadable file among good ones: a line with "ok": false, the others done, exit 1; --jobs 2 prints the same', () => {
    const gone = join(dir, 'gone.md');
    symlinkSync(join(dir, 'nowhere.md'), gone); // a dangling link: unreadable, even for root
    const binary = join(dir, 'scan.txt');
    writeFileSync(binary, Buffer.from([0x25, 0x50, 0x44, 0x46, 0, 1, 2, 3, 0, 0]));
    const inputs = [join(dir, 'a.md'), gone, join(dir, 'b.txt'), binary, join(dir, 'sub/c.md')];
    try {
      const one = cli(['entities', ...inputs, '--format', 'jsonl']);
      assert.equal(one.code, 1, 'exit 1 when any report failed');
      const lines = jsonl(one.stdout);
      assert.deepEqual(lines.map((l) => l.file), inputs, 'one line per input, in input order');
      assert.deepEqual(lines.map((l) => l.ok), [true, false, true, false, true]);
      assert.match(lines[1].error ?? '', /cannot read .*gone\.md: no such file/);
      assert.match(lines[3].error ?? '', /binary/);
      assert.ok(lines[4].entities?.some((e) => e.text === 'Otto Brandt'), 'the batch went on after the failures');
      assert.match(one.stderr, /gone\.md: no such file/);
      assert.match(one.stderr, /2 of 5 report\(s\) failed/);
      const two = cli(['entities', ...inputs, '--format', 'jsonl', '--jobs', '2']);
      assert.equal(two.code, 1);
      assert.equal(two.stdout, one.stdout, 'worker threads give the same lines in the same order');
      // All good: exit 0.
      assert.equal(cli(['entities', inputs[0], inputs[2], '--format', 'jsonl']).code, 0);
      if (process.getuid?.() !== 0) {
        const locked = join(dir, 'locked.md');
        writeFileSync(locked, 'Anna Kowalski');
        chmodSync(locked, 0);
        const l = jsonl(cli(['entities', inputs[0], locked, '--format', 'jsonl']).stdout);
        assert.match(l[1].error ?? '', /permission denied/);
        rmSync(locked, { force: true });
      }
    } finally {
      rmSync(gone, { force: true });
      rmSync(binary, { force: true });
    }
  });

  it('--input jsonl: one report a line on standard input (Spark pipe, Hadoop Streaming); a bad line fails alone', () => {
    const input = [
      JSON.stringify({ id: 'doc-1', text: REPORTS['b.txt'] }),
      '{ this is not json',
      JSON.stringify({ file: 'doc-3.md', text: REPORTS['sub/c.md'], date: '2025-03-04' }),
      '',
    ].join('\n');
    const r = cli(['summarize', '-', '--input', 'jsonl', '--format', 'jsonl'], { input });
    assert.equal(r.code, 1);
    const lines = jsonl(r.stdout);
    assert.deepEqual(lines.map((l) => [l.file, l.ok]), [['doc-1', true], ['<stdin>:2', false], ['doc-3.md', true]]);
    assert.equal((lines[2].summary as unknown as { reportDate: { date: string } }).reportDate.date, '2025-03-04');
  });

  it('--files-from - reads paths from standard input; --out-dir writes one file per report', () => {
    const out = join(dir, 'out');
    const r = cli(['summarize', '--files-from', '-', '--format', 'md', '--out-dir', out], { input: `${join(dir, 'a.md')}\n${join(dir, 'b.txt')}\n` });
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(readdirSync(out).sort(), ['a.summary.md', 'b.summary.md']);
    assert.match(readFileSync(join(out, 'a.summary.md'), 'utf8'), /^# Visit to Lyon/m);
    rmSync(out, { recursive: true, force: true });
  });

  it('several reports without jsonl or --out-dir, or a bad --jobs: a usage error (exit 2)', () => {
    assert.equal(cli(['summarize', join(dir, 'a.md'), join(dir, 'b.txt')]).code, 2);
    assert.equal(cli(['entities', dir]).code, 2);
    assert.equal(cli(['entities', dir, '--format', 'jsonl', '--jobs', 'many']).code, 2);
    const none = cli(['entities', join(dir, '*.pdf'), '--format', 'jsonl']);
    assert.equal(none.code, 1, 'a pattern that matches nothing is a failure');
    assert.match(jsonl(none.stdout)[0].error ?? '', /no file matches/);
  });
});
