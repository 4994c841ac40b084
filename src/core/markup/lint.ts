/**
 * Lint rules for analyst markup (pure):
 * - `mixed-likelihood-rows`: likelihood terms from different ICD 203 rows in one paragraph, unless the
 *   paragraph carries a note ("Note:", "Analyst note:", "NB:") explaining the difference.
 * - `confidence-with-likelihood`: a confidence level and a likelihood term in one sentence (ICD 203
 *   asks analysts not to combine the two in the same sentence).
 * - `missing-portion-marking`: a paragraph without a portion marking in a document that uses portion
 *   markings. Headings, blank lines, banner/TLP lines, rules, tables' delimiter rows, fenced code,
 *   link reference definitions, lines of only HTML tags, and the classification authority block
 *   ("Classified By:", "Derived From:", "Declassify On:") are ignored.
 * Paragraphs are separated by blank lines; fenced code blocks and YAML front matter are never linted.
 */
import { ABBREVIATIONS } from '../text/lexicon';
import { findMarkup } from './find';
import type { MarkupSpan } from './types';

export type LintCode = 'mixed-likelihood-rows' | 'confidence-with-likelihood' | 'missing-portion-marking';
export type LintSeverity = 'error' | 'warning' | 'information' | 'hint';
export const LINT_CODES: readonly LintCode[] = ['mixed-likelihood-rows', 'confidence-with-likelihood', 'missing-portion-marking'];

export interface MarkupDiagnostic {
  start: number;
  end: number;
  code: LintCode;
  message: string;
  severity: LintSeverity;
}

export interface LintOptions {
  /** Per rule: `false` disables it, a severity overrides the default; all rules are on by default. */
  rules?: Partial<Record<LintCode, boolean | LintSeverity>>;
  /** Spans already found by `findMarkup(text)`, to avoid finding them again. */
  spans?: readonly MarkupSpan[];
}

const DEFAULT_SEVERITY: Record<LintCode, LintSeverity> = {
  'mixed-likelihood-rows': 'warning',
  'confidence-with-likelihood': 'warning',
  'missing-portion-marking': 'warning',
};

interface Line {
  start: number;
  end: number;
  text: string;
}
interface Block {
  start: number;
  end: number;
  lines: Line[];
}

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  const re = /[^\r\n]*(?:\r\n|\r|\n|$)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const raw = m[0];
    if (raw === '') break;
    const body = raw.replace(/[\r\n]+$/, '');
    lines.push({ start: m.index, end: m.index + body.length, text: body });
  }
  return lines;
}

/** Paragraphs: runs of non-blank lines outside fenced code blocks and front matter. */
function paragraphs(text: string): Block[] {
  const blocks: Block[] = [];
  let current: Line[] = [];
  let fence: string | undefined;
  const flush = (): void => {
    const first = current[0];
    const last = current[current.length - 1];
    if (first && last) blocks.push({ start: first.start, end: last.end, lines: current });
    current = [];
  };
  const lines = splitLines(text);
  // YAML front matter (`---` on the first line up to the next `---` or `...`) is not prose
  if (lines[0]?.text.trimEnd() === '---') {
    const close = lines.findIndex((l, i) => i > 0 && /^(?:---|\.\.\.)\s*$/.test(l.text));
    if (close > 0) lines.splice(0, close + 1);
  }
  for (const line of lines) {
    const f = /^\s{0,3}(`{3,}|~{3,})/.exec(line.text);
    if (fence !== undefined) {
      if (f && f[1]?.[0] === fence[0] && (f[1]?.length ?? 0) >= fence.length) fence = undefined;
      continue;
    }
    if (f) {
      flush();
      fence = f[1];
      continue;
    }
    if (line.text.trim() === '') flush();
    else current.push(line);
  }
  flush();
  return blocks;
}

const HEADING_RE = /^\s{0,3}#{1,6}(?:\s|$)/;
const RULE_RE = /^\s{0,3}(?:(?:-\s*){3,}|(?:\*\s*){3,}|(?:_\s*){3,}|=+\s*)$/;
const TABLE_DELIMITER_RE = /^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$/;
const AUTHORITY_RE = /^\s*(?:\*\*)?(?:Classified By|Derived From|Declassify On|Declassified On|Reason|Classification)\s*:/i;
/** `[1]: https://example.com "title"`: a link reference definition. */
const LINK_DEFINITION_RE = /^\s{0,3}\[[^\]]+\]:\s*\S+(?:\s+(?:"[^"]*"|'[^']*'|\([^)]*\)))?\s*$/;
/** A line of only HTML tags: `<br>`, `<div align="center">`, `</details>`. */
const HTML_TAG_LINE_RE = /^\s*(?:<\/?[A-Za-z][^>]*>\s*)+$/;
const NOTE_RE = /\b(?:note|nb|n\.b\.)\s*:/i;

function inside(spans: readonly MarkupSpan[], pos: number): boolean {
  return spans.some((s) => s.start <= pos && pos < s.end);
}

function within(spans: readonly MarkupSpan[], start: number, end: number): MarkupSpan[] {
  return spans.filter((s) => s.start >= start && s.end <= end);
}

/** Sentences of a paragraph as [start, end) ranges of the whole text. */
function sentences(text: string, block: Block, protectedSpans: readonly MarkupSpan[]): [number, number][] {
  const out: [number, number][] = [];
  const body = text.slice(block.start, block.end);
  let sentenceStart = block.start;
  const re = /[.!?]+["'\u2019\u201d)\]]*(?=\s)|\n(?=[ \t]*(?:[-*+]|\d+[.)])[ \t])/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(body)) !== null) {
    const at = block.start + m.index;
    const end = at + m[0].length;
    if (m[0] !== '\n') {
      if (inside(protectedSpans, at)) continue;
      const word = /([A-Za-z.]+)$/.exec(body.slice(0, m.index))?.[1]?.toLowerCase() ?? '';
      if (m[0].startsWith('.') && (ABBREVIATIONS.has(word) || /^[a-z]$/.test(word))) continue;
      const next = /^\s*(\S)/.exec(body.slice(m.index + m[0].length))?.[1] ?? '';
      if (/[a-z]/.test(next)) continue;
    }
    out.push([sentenceStart, end]);
    sentenceStart = end;
  }
  if (sentenceStart < block.end) out.push([sentenceStart, block.end]);
  return out;
}

function severityOf(code: LintCode, options: LintOptions | undefined): LintSeverity | undefined {
  const setting = options?.rules?.[code];
  if (setting === false) return undefined;
  if (setting === undefined || setting === true) return DEFAULT_SEVERITY[code];
  return setting;
}

function bandText(s: MarkupSpan): string {
  return s.band ? `${s.row}, ${s.band[0]}\u2013${s.band[1]}%` : (s.row ?? '');
}

/** Diagnostics for `text`, sorted by start. */
export function lintMarkup(text: string, options?: LintOptions): MarkupDiagnostic[] {
  const spans = options?.spans ?? findMarkup(text);
  const blocks = paragraphs(text);
  const out: MarkupDiagnostic[] = [];

  const mixed = severityOf('mixed-likelihood-rows', options);
  const combined = severityOf('confidence-with-likelihood', options);
  const portion = severityOf('missing-portion-marking', options);

  const spansOfBlock = spansByBlock(spans, blocks);
  // a portion marking in a paragraph (not in fenced code or front matter) means the document uses them
  const usesPortionMarkings = spansOfBlock.some((list) => list.some((s) => s.kind === 'marking' && s.subtype === 'portion'));

  blocks.forEach((block, blockIndex) => {
    const blockSpans = spansOfBlock[blockIndex] ?? [];
    const likelihood = blockSpans.filter((s) => s.kind === 'estimative');

    if (mixed && likelihood.length > 1 && !NOTE_RE.test(text.slice(block.start, block.end))) {
      const first = likelihood[0] as MarkupSpan;
      for (const s of likelihood) {
        if (s.subtype === first.subtype) continue;
        out.push({
          start: s.start,
          end: s.end,
          code: 'mixed-likelihood-rows',
          severity: mixed,
          message:
            `'${s.text}' (${bandText(s)}) is from a different ICD 203 likelihood row than '${first.text}' ` +
            `(${bandText(first)}) earlier in this paragraph. Use one row per paragraph, or add a note explaining the difference.`,
        });
      }
    }

    if (combined && likelihood.length > 0 && blockSpans.some((s) => s.kind === 'confidence')) {
      const protectedSpans = blockSpans.filter((s) => s.kind === 'indicator' || s.kind === 'marking' || s.kind === 'dtg');
      for (const [start, end] of sentences(text, block, protectedSpans)) {
        const conf = within(blockSpans, start, end).filter((s) => s.kind === 'confidence');
        const terms = within(likelihood, start, end);
        const term = terms[0];
        if (!term) continue;
        for (const c of conf) {
          out.push({
            start: c.start,
            end: c.end,
            code: 'confidence-with-likelihood',
            severity: combined,
            message:
              `'${c.text}' and the likelihood term '${term.text}' are in the same sentence. ICD 203: ` +
              `express confidence and likelihood in separate sentences.`,
          });
        }
      }
    }

    if (portion && usesPortionMarkings) {
      const content = block.lines.filter((l) => !isIgnorableLine(l, blockSpans));
      const first = content[0];
      const last = content[content.length - 1];
      if (first && last) {
        const hasPortion = blockSpans.some(
          (s) => s.kind === 'marking' && s.subtype === 'portion' && s.start >= first.start && s.end <= last.end,
        );
        if (!hasPortion) {
          const lead = first.text.length - first.text.trimStart().length;
          out.push({
            start: first.start + lead,
            end: first.end - (first.text.length - first.text.trimEnd().length),
            code: 'missing-portion-marking',
            severity: portion,
            message: 'Paragraph has no portion marking, but this document uses portion markings (e.g. "(U)").',
          });
        }
      }
    }
  });
  return out.sort((a, b) => a.start - b.start || a.end - b.end);
}

/** The spans lying wholly inside each block, in one pass over both (spans sorted by start first). */
function spansByBlock(spans: readonly MarkupSpan[], blocks: readonly Block[]): MarkupSpan[][] {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const out: MarkupSpan[][] = [];
  let i = 0;
  for (const block of blocks) {
    while (i < sorted.length && (sorted[i] as MarkupSpan).start < block.start) i++;
    const list: MarkupSpan[] = [];
    for (let j = i; j < sorted.length && (sorted[j] as MarkupSpan).start < block.end; j++) {
      const s = sorted[j] as MarkupSpan;
      if (s.end <= block.end) list.push(s);
    }
    out.push(list);
  }
  return out;
}

/** Headings, rules, table delimiter rows, authority-block lines, HTML comments and tag-only lines, link definitions, banner/TLP-only lines. */
function isIgnorableLine(line: Line, spans: readonly MarkupSpan[]): boolean {
  const t = line.text;
  if (HEADING_RE.test(t) || RULE_RE.test(t) || TABLE_DELIMITER_RE.test(t) || AUTHORITY_RE.test(t)) return true;
  if (/^\s*<!--.*-->\s*$/.test(t)) return true;
  if (LINK_DEFINITION_RE.test(t) || HTML_TAG_LINE_RE.test(t)) return true;
  let rest = t;
  for (const s of spans) {
    if (s.kind !== 'marking' || s.subtype === 'portion') continue;
    if (s.start < line.start || s.end > line.end) continue;
    const from = s.start - line.start;
    rest = rest.slice(0, from) + ' '.repeat(s.end - s.start) + rest.slice(from + (s.end - s.start));
  }
  return rest !== t && /^[\s*_#>|~-]*$/.test(rest);
}
