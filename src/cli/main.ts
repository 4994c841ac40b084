/**
 * analyst-lens: the summary and entity layers of Analyst Lens on the command line, one report or thousands.
 *   analyst-lens summarize <input>... --format md|json|csv|stix|jsonl [--out file | --out-dir dir] [--date YYYY-MM-DD] [--jobs N]
 *   analyst-lens entities <input>... [--format json|jsonl] [--jobs N]
 *   analyst-lens annotations <input>... (the analyst's annotations as W3C Web Annotation JSON-LD)
 * Inputs: files, directories (their .md/.markdown/.txt/.text files, recursively), globs, `-` (standard input),
 * `--files-from <file|->` (paths one a line). One process for the whole batch; `--jobs N` analyses in N worker threads.
 * Exit codes: 0 every report done, 1 at least one report failed (each failure is reported, the batch goes on),
 * 2 usage error.
 *
 * Start-up: the analysis core is loaded only when a report is analysed (`--help` and `--version` never load it), and
 * the bundle (dist/cli.js) holds only this file: it requires dist/core.js, the library build, at run time.
 */
import type * as CoreModule from '../core';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync, type Stats } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { availableParallelism, cpus } from 'node:os';

type Core = typeof CoreModule;
type ExportFormat = CoreModule.ExportFormat;

declare const ANALYST_LENS_VERSION: string | undefined;
const VERSION = typeof ANALYST_LENS_VERSION === 'string' ? ANALYST_LENS_VERSION : 'dev';

let core: Core | undefined;
/** The analysis core, loaded on first use (bundled: dist/core.js beside dist/cli.js). */
function loadCore(): Core {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (core ??= require('../core') as Core);
}

export const USAGE = `Usage:
  analyst-lens summarize <input>... [--format md|json|csv|stix|webannotation|jsonl] [--out <file> | --out-dir <dir>] [--date YYYY-MM-DD]
  analyst-lens entities <input>... [--format json|jsonl] [--out <file> | --out-dir <dir>]
  analyst-lens annotations <input>... [--format json|jsonl] [--out <file> | --out-dir <dir>]
  analyst-lens --help | --version

Inputs (any number, any mix):
  report.md         a file
  reports/          a directory: its .md, .markdown, .txt and .text files, recursively
  'reports/**/*.md' a glob (quote it; ** spans directories, {a,b} and [abc] work)
  -                 standard input: one report, or one JSON object a line with --input jsonl
  --files-from <f>  the paths listed in file f, one a line (- for standard input)

Commands:
  summarize   Turn a report into a brief: BLUF, 5W1H, actors, places, timeline, relations, quotes, topics.
              --format  md (default): a Markdown brief; json: the summary data (schemas/summary.schema.json);
                        csv: one row per entity mention; stix: a STIX 2.1 bundle; webannotation: the
                        analyst's annotations as W3C Web Annotation JSON-LD;
                        jsonl: one line per report: {"file","ok":true,"summary":{...}} or {"file","ok":false,"error"}.
              --date    The report's date, for "yesterday" and "this morning". Default: front matter "date:",
                        else a date in the first lines, else the file's modification time.
  entities    The entities of a report (type, text, offsets, line, column). --format json (default) or jsonl:
              {"file","ok":true,"counts":{...},"limited":false,"entities":[...]} a line.
  annotations The analyst's annotations of a report (.analyst/annotations/<report path>.json in the report's
              folder or a folder above it) as a W3C Web Annotation collection (JSON-LD), re-anchored against the
              report as it is now (annotations whose text is gone have no position). summarize includes them:
              entity annotations override the model, tags and notes get their own section.

Options:
  -f, --format <f>      Output format (see above). Several inputs need jsonl or --out-dir.
  -o, --out <file>      Write to a file instead of standard output.
      --out-dir <dir>   One output file per report in dir (name.summary.md, name.entities.json, ...).
  -j, --jobs <n>        Worker threads (default 1; 0 = one per processor). Output keeps the input order.
      --input jsonl     Standard input holds one report a line: {"file": "name", "text": "...", "date"?: "YYYY-MM-DD"}.
  -q, --quiet           No progress line (it is shown only when standard error is a terminal anyway).
  -h, --help            Show this help.
  -v, --version         Show the version.

Exit codes: 0 every report done; 1 at least one failed (each failure is reported, the others still run); 2 usage error.
`;

export interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  /** Standard input (default process.stdin). */
  stdin?: NodeJS.ReadableStream;
  /** Whether standard error is a terminal (progress is shown only then). Default: process.stderr.isTTY. */
  stderrIsTTY?: boolean;
}

class UsageError extends Error {}

type Command = 'summarize' | 'entities' | 'annotations';
type OutFormat = ExportFormat | 'jsonl';

interface Parsed {
  command?: string;
  file?: string;
  inputs: string[];
  format: OutFormat;
  formatGiven: boolean;
  out?: string;
  outDir?: string;
  date?: string;
  jobs: number;
  filesFrom: string[];
  stdinJsonl: boolean;
  quiet: boolean;
  help: boolean;
  version: boolean;
}

const FORMAT_ALIASES: Record<string, OutFormat> = {
  md: 'md',
  markdown: 'md',
  json: 'json',
  csv: 'csv',
  stix: 'stix',
  'stix2.1': 'stix',
  stix2: 'stix',
  webannotation: 'webannotation',
  'web-annotation': 'webannotation',
  jsonld: 'webannotation',
  jsonl: 'jsonl',
  ndjson: 'jsonl',
  'json-lines': 'jsonl',
};

export function parseArgs(args: readonly string[]): Parsed {
  const p: Parsed = { inputs: [], format: 'md', formatGiven: false, jobs: 1, filesFrom: [], stdinJsonl: false, quiet: false, help: false, version: false };
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const eq = a.startsWith('--') ? a.indexOf('=') : -1;
    const name = eq > 0 ? a.slice(0, eq) : a;
    const value = () => {
      if (eq > 0) return a.slice(eq + 1);
      const v = args[++i];
      if (v === undefined || (v.startsWith('-') && v.length > 1)) throw new UsageError(`${name} needs a value`);
      return v;
    };
    switch (name) {
      case '-h':
      case '--help':
        p.help = true;
        break;
      case '-v':
      case '--version':
        p.version = true;
        break;
      case '-q':
      case '--quiet':
        p.quiet = true;
        break;
      case '-f':
      case '--format': {
        const v = value().toLowerCase();
        const f = FORMAT_ALIASES[v];
        if (!f) throw new UsageError(`unknown format "${v}": use one of md, json, csv, stix, jsonl`);
        p.format = f;
        p.formatGiven = true;
        break;
      }
      case '-o':
      case '--out':
        p.out = value();
        break;
      case '--out-dir':
        p.outDir = value();
        break;
      case '-d':
      case '--date':
        // checked against the core's date parser in run(), which loads the core only when it is needed
        p.date = value();
        break;
      case '-j':
      case '--jobs': {
        const v = value();
        const n = /^\d+$/.test(v) ? Number(v) : NaN;
        if (!Number.isFinite(n) || n > 256) throw new UsageError(`--jobs "${v}" is not a number of threads (0 to 256)`);
        p.jobs = n === 0 ? processors() : n;
        break;
      }
      case '--files-from':
        p.filesFrom.push(value());
        break;
      case '--input': {
        const v = value().toLowerCase();
        if (v !== 'jsonl' && v !== 'text') throw new UsageError(`--input "${v}": use jsonl or text`);
        p.stdinJsonl = v === 'jsonl';
        break;
      }
      case '--':
        positional.push(...args.slice(i + 1));
        i = args.length;
        break;
      default:
        if (a.startsWith('-') && a !== '-') throw new UsageError(`unknown option ${a}`);
        positional.push(a);
    }
  }
  [p.command, ...p.inputs] = positional;
  p.file = p.inputs[0];
  return p;
}

function processors(): number {
  try {
    return availableParallelism();
  } catch {
    return cpus().length || 1;
  }
}

/** Text with many NUL or control characters is not a report. */
export function looksBinary(buf: Uint8Array): boolean {
  const n = Math.min(buf.length, 65_536);
  if (n === 0) return false;
  let bad = 0;
  for (let i = 0; i < n; i++) {
    const c = buf[i];
    if (c === 0) return true;
    if (c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) bad++;
  }
  return bad / n > 0.01;
}

class RuntimeError extends Error {}

function decode(buf: Buffer, name: string): string {
  if (looksBinary(buf)) throw new RuntimeError(`${name} looks like a binary file, not a text report`);
  let text = buf.toString('utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return text;
}

function readReport(file: string): { text: string; mtime?: string } {
  let buf: Buffer;
  let mtime: string | undefined;
  try {
    const st = statSync(file);
    if (st.isDirectory()) throw new RuntimeError(`${file} is a directory, not a report`);
    mtime = st.mtime.toISOString().slice(0, 10);
    buf = readFileSync(file);
  } catch (err) {
    if (err instanceof RuntimeError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : (err as Error).message;
    throw new RuntimeError(`cannot read ${file}: ${why}`);
  }
  return { text: decode(buf, file), mtime };
}

// ---------------------------------------------------------------------------------------------------------------
// Inputs: files, directories, globs, standard input, lists of paths.

/** One report to analyse: a path to read, or text already read (standard input). `error`: the input itself is bad. */
export interface Input {
  name: string;
  path?: string;
  text?: string;
  date?: string;
  error?: string;
}

const REPORT_FILE = /\.(?:md|markdown|txt|text)$/i;
const SKIPPED_DIRS = new Set(['node_modules', '.git', '.hg', '.svn', '.vscode-test']);

/** The entries of a directory, sorted by name, each with its path and stat; unreadable ones are passed over. */
function* entries(dir: string): Generator<{ n: string; p: string; st: Stats }> {
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch {
    return;
  }
  for (const n of names) {
    const p = join(dir, n);
    let st: Stats;
    try {
      st = statSync(p);
    } catch {
      continue;
    }
    yield { n, p, st };
  }
}

/** Files of a directory that look like reports, recursively, sorted (deterministic order). */
function* walk(dir: string): Generator<string> {
  for (const { n, p, st } of entries(dir)) {
    if (st.isDirectory()) {
      if (!SKIPPED_DIRS.has(n)) yield* walk(p);
    } else if (st.isFile() && REPORT_FILE.test(n)) yield p;
  }
}

const GLOB_CHARS = /[*?[{]/;

/** A glob as a regular expression over '/'-separated paths: `**` any directories, `*` `?` `[..]` `{a,b}` within one. */
export function globToRegExp(glob: string): RegExp {
  let re = '';
  let inGroup = 0;
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*') {
      if (glob[i + 1] === '*') {
        const slash = glob[i + 2] === '/';
        re += slash ? '(?:[^/]*(?:/|$))*' : '.*';
        i += slash ? 2 : 1;
      } else re += '[^/]*';
    } else if (c === '?') re += '[^/]';
    else if (c === '[') {
      const end = glob.indexOf(']', i + 1);
      if (end < 0) re += '\\[';
      else {
        const body = glob.slice(i + 1, end).replace(/^!/, '^').replace(/\\/g, '\\\\');
        re += `[${body}]`;
        i = end;
      }
    } else if (c === '{') {
      inGroup++;
      re += '(?:';
    } else if (c === '}' && inGroup) {
      inGroup--;
      re += ')';
    } else if (c === ',' && inGroup) re += '|';
    else re += c.replace(/[.+^$()|\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

/** Files matching a glob, sorted. Walks from the glob's longest directory prefix without wildcards. */
function* expandGlob(glob: string): Generator<string> {
  const norm = glob.split(sep).join('/');
  const parts = norm.split('/');
  const firstWild = parts.findIndex((x) => GLOB_CHARS.test(x));
  const baseParts = parts.slice(0, firstWild);
  const base = baseParts.length ? baseParts.join('/') || '/' : '.';
  const re = globToRegExp(parts.slice(firstWild).join('/'));
  const deep = parts.slice(firstWild).some((x) => x.includes('**')) || parts.length - firstWild > 1;
  function* rec(dir: string, rel: string): Generator<string> {
    for (const { n, p, st } of entries(dir)) {
      const r = rel ? `${rel}/${n}` : n;
      if (st.isDirectory()) {
        if (deep && !SKIPPED_DIRS.has(n)) yield* rec(p, r);
      } else if (re.test(r)) yield base === '.' && !norm.startsWith('./') ? r : join(base, r);
    }
  }
  yield* rec(base, '');
}

async function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(typeof c === 'string' ? Buffer.from(c) : (c as Buffer));
  return Buffer.concat(chunks);
}

async function* lines(stream: NodeJS.ReadableStream): AsyncGenerator<string> {
  let rest = '';
  for await (const c of stream) {
    rest += typeof c === 'string' ? c : (c as Buffer).toString('utf8');
    let nl: number;
    while ((nl = rest.indexOf('\n')) >= 0) {
      yield rest.slice(0, nl).replace(/\r$/, '');
      rest = rest.slice(nl + 1);
    }
  }
  if (rest) yield rest.replace(/\r$/, '');
}

/** A line of `--input jsonl`: {"file"|"id"|"name", "text", "date"?}. */
function jsonlInput(line: string, n: number): Input {
  const where = `<stdin>:${n}`;
  let o: unknown;
  try {
    o = JSON.parse(line);
  } catch {
    return { name: where, error: `${where}: not a JSON object` };
  }
  if (!o || typeof o !== 'object' || Array.isArray(o)) return { name: where, error: `${where}: not a JSON object` };
  const r = o as Record<string, unknown>;
  const id = [r.file, r.id, r.name].find((x) => typeof x === 'string' || typeof x === 'number');
  const name = id === undefined ? where : String(id);
  if (typeof r.text !== 'string') return { name, error: `${where}: no "text" string` };
  return { name, text: r.text, date: typeof r.date === 'string' ? r.date : undefined };
}

/** A directory, or a glob that is not the name of an existing file. */
function isManyReports(arg: string): boolean {
  if (arg === '-') return false;
  try {
    return statSync(arg).isDirectory();
  } catch {
    return GLOB_CHARS.test(arg);
  }
}

/** Every input, in order: arguments first, then --files-from lists. Lazy: a huge list streams. */
async function* inputs(p: Parsed, stdin: NodeJS.ReadableStream): AsyncGenerator<Input> {
  for (const a of p.inputs) {
    if (a === '-') {
      if (p.stdinJsonl) {
        let n = 0;
        for await (const line of lines(stdin)) {
          n++;
          if (line.trim()) yield jsonlInput(line, n);
        }
      } else {
        try {
          yield { name: '-', text: decode(await readAll(stdin), 'standard input') };
        } catch (err) {
          yield { name: '-', error: err instanceof RuntimeError ? err.message : `cannot read standard input: ${(err as Error).message}` };
        }
      }
      continue;
    }
    let st;
    try {
      st = statSync(a);
    } catch {
      st = undefined;
    }
    if (st?.isDirectory()) {
      let any = false;
      for (const f of walk(a)) {
        any = true;
        yield { name: f, path: f };
      }
      if (!any) yield { name: a, error: `${a}: no .md, .markdown, .txt or .text files in this directory` };
    } else if (!st && isManyReports(a)) {
      let any = false;
      for (const f of expandGlob(a)) {
        any = true;
        yield { name: f, path: f };
      }
      if (!any) yield { name: a, error: `${a}: no file matches this pattern` };
    } else yield { name: a, path: a };
  }
  for (const list of p.filesFrom) {
    let src: AsyncIterable<string> | Iterable<string>;
    if (list === '-') src = lines(stdin);
    else {
      try {
        src = readFileSync(list, 'utf8').split(/\r?\n/);
      } catch (err) {
        yield { name: list, error: `cannot read the list ${list}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (err as Error).message}` };
        continue;
      }
    }
    for await (const line of src) {
      const f = line.trim();
      if (f) yield { name: f, path: f };
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// One report -> its output.

export interface Job {
  command: Command;
  format: OutFormat;
  date?: string;
}

/** What one report produced: the output text (a JSONL line ends in '\n'), or the error message. */
export type Outcome = { name: string; ok: true; output: string; warnings?: string[] } | { name: string; ok: false; error: string };

/**
 * The analyst's annotations of a report: `.analyst/annotations/<path>.json` in the nearest folder above the report
 * that has one, re-anchored against `text`. Problems (a malformed file) come back as messages.
 */
export function findAnnotations(c: Core, file: string, text: string): { path?: string; annotations: CoreModule.Annotation[]; problems: string[] } {
  const abs = resolve(file);
  for (let dir = dirname(abs); ; dir = dirname(dir)) {
    const rel = relative(dir, abs).split(sep).join('/');
    const candidate = join(dir, ...c.annotationFilePath(rel).split('/'));
    if (existsSync(candidate)) {
      let raw: string;
      try {
        raw = readFileSync(candidate, 'utf8');
      } catch (err) {
        return { path: candidate, annotations: [], problems: [`cannot read ${candidate}: ${(err as Error).message}`] };
      }
      const parsed = c.parseAnnotationFile(raw, rel);
      return { path: candidate, annotations: c.reanchorAll(parsed.file.annotations, text), problems: parsed.problems.map((p) => `${candidate}: ${p.message}`) };
    }
    if (dirname(dir) === dir) return { annotations: [], problems: [] };
  }
}

const isMarkdown = (name: string) => /\.(?:md|markdown)$/i.test(name);

/** Analyses one input. Never throws: a failure is an outcome (and in JSONL a line with "ok": false). */
export function processInput(input: Input, job: Job): Outcome {
  const { name } = input;
  try {
    if (input.error) throw new RuntimeError(input.error);
    const { text, mtime } = input.text !== undefined ? { text: input.text, mtime: undefined } : readReport(input.path ?? name);
    const c = loadCore();
    const format = isMarkdown(name) ? 'markdown' : 'plain';
    let output: string;
    // The analyst's annotations, for reports read from a file.
    const found = input.path !== undefined && job.command !== 'entities' ? findAnnotations(c, input.path, text) : { annotations: [], problems: [] as string[] };
    const warnings = [...found.problems];
    const source = input.path !== undefined ? pathToFileURL(resolve(input.path)).href : name;
    if (job.command === 'annotations') {
      if (input.path !== undefined && !found.path) warnings.push(`no annotations file for ${name} (looked for ${c.annotationFilePath(basename(name))} in its folder and the folders above)`);
      const collection = c.toWebAnnotationCollection(found.annotations, source, basename(name));
      output = job.format === 'jsonl' ? `${JSON.stringify({ file: name, ok: true, annotations: collection })}\n` : `${JSON.stringify(collection, null, 2)}\n`;
    } else if (job.command === 'summarize') {
      const title = basename(name).replace(/\.(?:md|markdown|txt|text)$/i, '');
      const given = input.date ?? job.date;
      // Entity annotations override the model; tags and notes get their section.
      const analysis = found.annotations.length ? c.applyOverridesToAnalysis(c.analyze(text, { format }), found.annotations, text) : undefined;
      const summary = c.withAnnotations(
        given
          ? c.summarize(text, { reportDate: given, reportDateSource: 'option', title, format, analysis })
          : c.summarize(text, { reportDate: mtime, reportDateSource: 'fallback', title, format, analysis }),
        found.annotations,
      );
      output = job.format === 'jsonl' ? `${JSON.stringify({ file: name, ok: true, summary })}\n` : c.exportSummary(summary, job.format, { source });
    } else {
      const at = c.lineIndex(text);
      const a = c.analyze(text, { format });
      const entities = a.entities.map((e) => ({ type: e.type, text: e.text, start: e.start, end: e.end, ...at(e.start) }));
      output =
        job.format === 'jsonl'
          ? `${JSON.stringify({ file: name, ok: true, counts: a.counts, limited: a.limited ?? false, entities })}\n`
          : `${JSON.stringify({ file: name, counts: a.counts, limited: a.limited, entities }, null, 2)}\n`;
    }
    return warnings.length ? { name, ok: true, output, warnings } : { name, ok: true, output };
  } catch (err) {
    const message = err instanceof RuntimeError ? err.message : `${name}: ${(err as Error).stack ?? String(err)}`;
    return { name, ok: false, error: message };
  }
}

/** The JSONL line of a failure. */
const errorLine = (o: { name: string; error: string }) => `${JSON.stringify({ file: o.name, ok: false, error: o.error })}\n`;

// ---------------------------------------------------------------------------------------------------------------
// Worker threads (--jobs N): each thread loads the core once and analyses the reports sent to it.

interface WorkerTask {
  id: number;
  input: Input;
  job: Job;
}

interface Pool {
  run(input: Input, job: Job): Promise<Outcome>;
  close(): Promise<void>;
}

function workerPool(n: number, file: string): Pool {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { Worker } = require('node:worker_threads') as typeof import('node:worker_threads');
  const pending = new Map<number, { resolve: (o: Outcome) => void; input: Input }>();
  const idle: import('node:worker_threads').Worker[] = [];
  const queue: WorkerTask[] = [];
  const busy = new Map<import('node:worker_threads').Worker, number>();
  let nextId = 0;
  const dispatch = () => {
    while (idle.length && queue.length) {
      const w = idle.pop()!;
      const t = queue.shift()!;
      busy.set(w, t.id);
      w.postMessage(t);
    }
  };
  const spawn = (): void => {
    const w = new Worker(file, { workerData: { analystLensCliWorker: true } });
    w.on('message', (m: { id: number; outcome: Outcome }) => {
      busy.delete(w);
      pending.get(m.id)?.resolve(m.outcome);
      pending.delete(m.id);
      idle.push(w);
      dispatch();
    });
    w.on('error', (err) => {
      // A thread that dies (out of memory on one report) fails its report only; a new thread takes its place.
      const id = busy.get(w);
      busy.delete(w);
      if (id !== undefined) {
        const p = pending.get(id);
        pending.delete(id);
        p?.resolve({ name: p.input.name, ok: false, error: `${p.input.name}: the analysis thread failed: ${err.message}` });
      }
      if (!closing) {
        spawn();
        dispatch();
      }
    });
    idle.push(w);
  };
  let closing = false;
  for (let i = 0; i < n; i++) spawn();
  return {
    run(input, job) {
      const id = nextId++;
      return new Promise<Outcome>((resolve) => {
        pending.set(id, { resolve, input });
        queue.push({ id, input, job });
        dispatch();
      });
    },
    async close() {
      closing = true;
      await Promise.all([...idle, ...busy.keys()].map((w) => w.terminate()));
    },
  };
}

function workerMain(port: import('node:worker_threads').MessagePort): void {
  port.on('message', (t: WorkerTask) => port.postMessage({ id: t.id, outcome: processInput(t.input, t.job) }));
}

// ---------------------------------------------------------------------------------------------------------------
// The program.

/** Output file name of a report in --out-dir. */
function outName(c: Core, name: string, job: Job): string {
  const base = name === '-' ? 'stdin' : name;
  if (job.command === 'entities') return `${basename(base).replace(REPORT_FILE, '') || 'report'}.entities.json`;
  if (job.command === 'annotations') return `${basename(base).replace(REPORT_FILE, '') || 'report'}.annotations.jsonld`;
  return c.exportFileName(base, job.format as ExportFormat);
}

/** Runs the CLI; resolves to the exit code. */
export async function run(args: readonly string[], io: Io): Promise<number> {
  let p: Parsed;
  try {
    p = parseArgs(args);
  } catch (err) {
    io.stderr(`analyst-lens: ${(err as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const usage = (msg: string) => {
    io.stderr(`analyst-lens: ${msg}\n\n${USAGE}`);
    return 2;
  };
  if (p.help) {
    io.stdout(USAGE);
    return 0;
  }
  if (p.version) {
    io.stdout(`${VERSION}\n`);
    return 0;
  }
  if (!p.command) return usage('no command given');
  if (p.command !== 'summarize' && p.command !== 'entities' && p.command !== 'annotations') return usage(`unknown command "${p.command}"`);
  const command: Command = p.command;
  if (!p.inputs.length && !p.filesFrom.length) return usage(`${command} needs a file, a directory, a glob or - (standard input)`);
  if (command === 'entities' && p.formatGiven && p.format !== 'json' && p.format !== 'jsonl') return usage('entities writes json or jsonl');
  if (command === 'annotations' && p.formatGiven && p.format !== 'json' && p.format !== 'jsonl' && p.format !== 'webannotation') return usage('annotations writes Web Annotation JSON-LD (json) or jsonl');
  const format: OutFormat = command !== 'summarize' && !p.formatGiven ? 'json' : p.format;
  if (p.inputs.filter((x) => x === '-').length > 1 || (p.inputs.includes('-') && p.filesFrom.includes('-'))) return usage('standard input can be read only once');
  if (p.stdinJsonl && !p.inputs.includes('-')) return usage('--input jsonl reads standard input: add - to the inputs');
  if (p.out && p.outDir) return usage('--out and --out-dir exclude each other');
  // Several reports: one JSON line each, or one file each. "Several" is known before any report is read.
  const several = p.inputs.length > 1 || p.filesFrom.length > 0 || p.stdinJsonl || p.inputs.some(isManyReports);
  if (several && format !== 'jsonl' && !p.outDir) return usage('several reports: use --format jsonl (one line each) or --out-dir <dir> (one file each)');
  if (p.outDir && format === 'jsonl') return usage('--out-dir writes one file per report: use a format other than jsonl, or --out');

  let date: string | undefined;
  if (p.date !== undefined) {
    date = loadCore().normaliseDate(p.date);
    if (!date) return usage(`--date "${p.date}" is not a date: use YYYY-MM-DD`);
  }
  const job: Job = { command, format, date };
  const stdin = io.stdin ?? process.stdin;

  // Where outputs go: standard output (in input order), one file (--out), or one file per report (--out-dir).
  const collected: string[] = [];
  const usedNames = new Set<string>();
  if (p.outDir) {
    try {
      mkdirSync(p.outDir, { recursive: true });
    } catch (err) {
      io.stderr(`analyst-lens: cannot create ${p.outDir}: ${(err as Error).message}\n`);
      return 1;
    }
  }
  let failed = 0;
  let done = 0;
  const progress = !p.quiet && (io.stderrIsTTY ?? process.stderr.isTTY === true);
  let lastProgress = 0;
  const showProgress = (name: string, final = false) => {
    if (!progress) return;
    const now = Date.now();
    if (!final && now - lastProgress < 100) return;
    lastProgress = now;
    const label = name.length > 60 ? `…${name.slice(-59)}` : name;
    io.stderr(`\r\x1b[K${done} done${failed ? `, ${failed} failed` : ''}${final ? '' : ` · ${label}`}`);
    if (final) io.stderr('\n');
  };
  const emit = (o: Outcome) => {
    done++;
    if (o.ok) for (const w of o.warnings ?? []) io.stderr(`analyst-lens: ${w}\n`);
    if (!o.ok) {
      failed++;
      if (format === 'jsonl') collected.push(errorLine(o)), flush();
      if (progress) io.stderr('\r\x1b[K');
      io.stderr(`analyst-lens: ${o.error}\n`);
    } else if (p.outDir) {
      let n = outName(loadCore(), o.name, job);
      for (let k = 2; usedNames.has(n); k++) n = n.replace(/^([^.]*?)(?:-\d+)?(\..*)$/, `$1-${k}$2`);
      usedNames.add(n);
      try {
        writeFileSync(join(p.outDir!, n), o.output, 'utf8');
      } catch (err) {
        failed++;
        io.stderr(`analyst-lens: cannot write ${join(p.outDir!, n)}: ${(err as Error).message}\n`);
      }
    } else {
      collected.push(o.output);
      flush();
    }
    showProgress(o.name);
  };
  const flush = () => {
    if (p.out || !collected.length) return; // --out: written at the end, in one go
    io.stdout(collected.join(''));
    collected.length = 0;
  };

  if (p.jobs <= 1) {
    for await (const input of inputs(p, stdin)) emit(processInput(input, job));
  } else {
    // Keep at most 4 reports per thread in flight; print in input order.
    const pool = workerPool(p.jobs, __filename);
    const window: Promise<Outcome>[] = [];
    try {
      for await (const input of inputs(p, stdin)) {
        window.push(pool.run(input, job));
        while (window.length >= p.jobs * 4) emit(await window.shift()!);
      }
      while (window.length) emit(await window.shift()!);
    } finally {
      await pool.close();
    }
  }
  showProgress('', true);

  if (p.out) {
    const text = collected.join('');
    if (text || format === 'jsonl') {
      try {
        writeFileSync(p.out, text, 'utf8');
        io.stderr(`analyst-lens: wrote ${p.out}\n`);
      } catch (err) {
        io.stderr(`analyst-lens: cannot write ${p.out}: ${(err as Error).message}\n`);
        return 1;
      }
    }
  }
  if (several && failed) io.stderr(`analyst-lens: ${failed} of ${done} report(s) failed\n`);
  return failed ? 1 : 0;
}

// Entry point when run as a program (dist/cli.js), or as one of its worker threads; not when imported by tests.
if (typeof require !== 'undefined' && typeof module !== 'undefined') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const wt = require('node:worker_threads') as typeof import('node:worker_threads');
  if (!wt.isMainThread && (wt.workerData as { analystLensCliWorker?: boolean } | undefined)?.analystLensCliWorker) {
    if (wt.parentPort) workerMain(wt.parentPort);
  } else if (require.main === module) {
    // A closed pipe downstream (`| head`) ends the run quietly.
    process.stdout.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw err;
    });
    void run(process.argv.slice(2), {
      stdout: (s) => process.stdout.write(s),
      stderr: (s) => process.stderr.write(s),
    }).then(
      (code) => {
        process.exitCode = code;
      },
      (err) => {
        process.stderr.write(`analyst-lens: ${(err as Error).stack ?? String(err)}\n`);
        process.exitCode = 1;
      },
    );
  }
}
