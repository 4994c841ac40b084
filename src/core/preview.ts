/**
 * Visible lines first (issue #11): the analysis of one stretch of a long report, so the lines on screen are
 * highlighted while the whole document is still being analysed. The stretch is widened to whole paragraphs; in
 * Markdown the code, front matter and link targets of the whole text are blanked first, so a stretch that starts
 * inside a code block is never read as prose. Document-level decisions (one name one type, propagation) see only the
 * stretch: the analysis of the whole document replaces this one as soon as it exists.
 */
import { analyze } from './analyze';
import { maskMarkdown } from './text/markdown';
import { ENTITY_TYPES, type Analysis, type AnalyzeOptions, type EntityType } from './types';

/** Start of the paragraph holding `offset` (after the blank line before it), or 0. */
function paragraphStart(text: string, offset: number): number {
  const i = text.lastIndexOf('\n\n', Math.max(0, offset - 1));
  return i < 0 ? 0 : i + 2;
}

/** End of the paragraph holding `offset` (at the blank line after it), or the end of the text. */
function paragraphEnd(text: string, offset: number): number {
  const i = text.indexOf('\n\n', offset);
  return i < 0 ? text.length : i;
}

/** The stretch [from, to) of `text` widened to whole paragraphs, within the analysed length. */
export function previewRange(text: string, from: number, to: number, maxLength = Number.MAX_SAFE_INTEGER): { start: number; end: number } {
  const limit = Math.min(text.length, maxLength);
  const a = Math.max(0, Math.min(from, limit));
  const b = Math.max(a, Math.min(to, limit));
  const start = paragraphStart(text, a);
  return { start, end: Math.min(limit, Math.max(start, paragraphEnd(text, b))) };
}

/**
 * The entities of the paragraphs that hold [from, to), with offsets into the whole text. `length` is the whole
 * text's; `preview` marks the analysis as one of a stretch only.
 */
export function previewAnalysis(text: string, from: number, to: number, options: AnalyzeOptions = {}): Analysis & { preview: { start: number; end: number } } {
  const { start, end } = previewRange(text, from, to, options.maxLength);
  const source = options.format === 'markdown' ? maskMarkdown(text) : text;
  const part = analyze(source.slice(start, end), { ...options, format: 'plain', maxLength: undefined });
  const counts = Object.fromEntries(ENTITY_TYPES.map((t) => [t, 0])) as Record<EntityType, number>;
  const entities = part.entities.map((e) => {
    counts[e.type]++;
    return { ...e, start: e.start + start, end: e.end + start, text: text.slice(e.start + start, e.end + start) };
  });
  return { entities, counts, length: text.length, preview: { start, end } };
}
