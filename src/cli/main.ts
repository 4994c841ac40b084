/**
 * analyst-lens: the summary and entity layers of Analyst Lens on the command line.
 *   analyst-lens summarize <file> --format md|json|csv|stix [--out file] [--date YYYY-MM-DD]
 *   analyst-lens entities <file>
 *   analyst-lens annotations <file>
 * Exit codes: 0 ok, 1 runtime error (unreadable or binary file, write failure), 2 usage error.
 */
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  analyze,
  annotationFilePath,
  applyOverridesToAnalysis,
  EXPORT_FORMATS,
  exportSummary,
  parseAnnotationFile,
  reanchorAll,
  summarize,
  toWebAnnotationJson,
  withAnnotations,
  type Annotation,
  type ExportFormat,
} from '../core';
import { lineIndex } from '../core/summary/sentences';
import { normaliseDate } from '../core/summary/dates';

declare const ANALYST_LENS_VERSION: string | undefined;
const VERSION = typeof ANALYST_LENS_VERSION === 'string' ? ANALYST_LENS_VERSION : 'dev';

export const USAGE = `Usage:
  analyst-lens summarize <file> [--format md|json|csv|stix|webannotation] [--out <file>] [--date YYYY-MM-DD]
  analyst-lens entities <file> [--out <file>]
  analyst-lens annotations <file> [--out <file>]
  analyst-lens --help | --version

Commands:
  summarize   Turn a report into a brief: BLUF, 5W1H, actors, places, timeline, relations, quotes, topics.
              --format  md (default): a Markdown brief; json: the summary data (schemas/summary.schema.json);
                        csv: one row per entity mention; stix: a STIX 2.1 bundle; webannotation: the
                        analyst's annotations as W3C Web Annotation JSON-LD.
              --date    The report's date, for "yesterday" and "this morning". Default: front matter "date:",
                        else a date in the first lines, else the file's modification time.
  entities    The entities of a report as JSON (type, text, offsets, line, column).
  annotations The analyst's annotations of a report (.analyst/annotations/<report path>.json in the report's
              folder or a folder above it) as W3C Web Annotation JSON-LD, re-anchored against the report as it
              is now (annotations whose text is gone have no position). summarize includes them too.

Options:
  -o, --out <file>   Write to a file instead of standard output.
  -h, --help         Show this help.
  -v, --version      Show the version.

Exit codes: 0 ok, 1 the file could not be read or written, or is not text; 2 usage error.
`;

export interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
}

class UsageError extends Error {}

interface Parsed {
  command?: string;
  file?: string;
  format: ExportFormat;
  out?: string;
  date?: string;
  help: boolean;
  version: boolean;
}

const FORMAT_ALIASES: Record<string, ExportFormat> = {
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
};

export function parseArgs(args: readonly string[]): Parsed {
  const p: Parsed = { format: 'md', help: false, version: false };
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
      case '-f':
      case '--format': {
        const v = value().toLowerCase();
        const f = FORMAT_ALIASES[v];
        if (!f) throw new UsageError(`unknown format "${v}": use one of ${EXPORT_FORMATS.join(', ')}`);
        p.format = f;
        break;
      }
      case '-o':
      case '--out':
        p.out = value();
        break;
      case '-d':
      case '--date': {
        const v = value();
        const d = normaliseDate(v);
        if (!d) throw new UsageError(`--date "${v}" is not a date: use YYYY-MM-DD`);
        p.date = d;
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
  [p.command, p.file] = positional;
  if (positional.length > 2) throw new UsageError(`unexpected argument "${positional[2]}"`);
  return p;
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

/**
 * The annotations file of a report: `.analyst/annotations/<path>.json` in the nearest folder above the report that
 * has one. Returns the annotations re-anchored against `text`, and problems as messages.
 */
export function findAnnotations(file: string, text: string): { path?: string; annotations: Annotation[]; problems: string[] } {
  const abs = resolve(file);
  for (let dir = dirname(abs); ; dir = dirname(dir)) {
    const rel = relative(dir, abs).split(sep).join('/');
    const candidate = join(dir, ...annotationFilePath(rel).split('/'));
    if (existsSync(candidate)) {
      let raw: string;
      try {
        raw = readFileSync(candidate, 'utf8');
      } catch (err) {
        return { path: candidate, annotations: [], problems: [`cannot read ${candidate}: ${(err as Error).message}`] };
      }
      const parsed = parseAnnotationFile(raw, rel);
      return { path: candidate, annotations: reanchorAll(parsed.file.annotations, text), problems: parsed.problems.map((p) => `${candidate}: ${p.message}`) };
    }
    if (dirname(dir) === dir) return { annotations: [], problems: [] };
  }
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
  if (looksBinary(buf)) throw new RuntimeError(`${file} looks like a binary file, not a text report`);
  let text = buf.toString('utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return { text, mtime };
}

/** Runs the CLI; returns the exit code. */
export function run(args: readonly string[], io: Io): number {
  let p: Parsed;
  try {
    p = parseArgs(args);
  } catch (err) {
    io.stderr(`analyst-lens: ${(err as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (p.help) {
    io.stdout(USAGE);
    return 0;
  }
  if (p.version) {
    io.stdout(`${VERSION}\n`);
    return 0;
  }
  if (!p.command) {
    io.stderr(`analyst-lens: no command given\n\n${USAGE}`);
    return 2;
  }
  if (p.command !== 'summarize' && p.command !== 'entities' && p.command !== 'annotations') {
    io.stderr(`analyst-lens: unknown command "${p.command}"\n\n${USAGE}`);
    return 2;
  }
  if (!p.file) {
    io.stderr(`analyst-lens: ${p.command} needs a file\n\n${USAGE}`);
    return 2;
  }
  try {
    const { text, mtime } = readReport(p.file);
    let output: string;
    if (p.command === 'annotations') {
      const found = findAnnotations(p.file, text);
      for (const m of found.problems) io.stderr(`analyst-lens: ${m}\n`);
      if (!found.path) io.stderr(`analyst-lens: no annotations file for ${p.file} (looked for ${annotationFilePath(basename(p.file))} in its folder and the folders above)\n`);
      output = toWebAnnotationJson(found.annotations, pathToFileURL(resolve(p.file)).href, basename(p.file));
    } else if (p.command === 'summarize') {
      const title = basename(p.file).replace(/\.(?:md|markdown|txt|text)$/i, '');
      const format = /\.(?:md|markdown)$/i.test(p.file) ? 'markdown' : 'plain';
      // The analyst's annotations: entity annotations override the model, tags and notes get their section.
      const found = findAnnotations(p.file, text);
      for (const m of found.problems) io.stderr(`analyst-lens: ${m}\n`);
      const analysis = found.annotations.length ? applyOverridesToAnalysis(analyze(text, { format }), found.annotations, text) : undefined;
      const summary = p.date
        ? summarize(text, { reportDate: p.date, reportDateSource: 'option', title, format, analysis })
        : summarize(text, { reportDate: mtime, reportDateSource: 'fallback', title, format, analysis });
      output = exportSummary(withAnnotations(summary, found.annotations), p.format, { source: pathToFileURL(resolve(p.file)).href });
    } else {
      const at = lineIndex(text);
      const a = analyze(text, { format: /\.(?:md|markdown)$/i.test(p.file) ? 'markdown' : 'plain' });
      output = `${JSON.stringify(
        { file: p.file, counts: a.counts, limited: a.limited, entities: a.entities.map((e) => ({ type: e.type, text: e.text, start: e.start, end: e.end, ...at(e.start) })) },
        null,
        2,
      )}\n`;
    }
    if (p.out) {
      try {
        writeFileSync(p.out, output, 'utf8');
      } catch (err) {
        throw new RuntimeError(`cannot write ${p.out}: ${(err as Error).message}`);
      }
      io.stderr(`analyst-lens: wrote ${p.out}\n`);
    } else io.stdout(output);
    return 0;
  } catch (err) {
    io.stderr(`analyst-lens: ${err instanceof RuntimeError ? err.message : (err as Error).stack ?? String(err)}\n`);
    return 1;
  }
}

// Entry point when run as a program (dist/cli.js), not when imported by tests.
if (typeof require !== 'undefined' && typeof module !== 'undefined' && require.main === module) {
  process.exitCode = run(process.argv.slice(2), {
    stdout: (s) => process.stdout.write(s),
    stderr: (s) => process.stderr.write(s),
  });
}
