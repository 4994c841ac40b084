/**
 * Estimative language (ICD 203, Analytic Standards, table of expressions of likelihood) and
 * analytic confidence phrases ("high/moderate/low confidence").
 *
 * Case-insensitive, whole words, longest phrase first: "very likely" is one span of the
 * 'very-likely' row, "unlikely" never contains a 'likely' span, "likelihood" is not a term.
 * "remote" is only estimative as "a remote chance/possibility" or "... is remote." so that
 * "remote access" and "remote code execution" are left alone.
 */
import { WORD_END, WORD_START } from './patterns';
import type { MarkupSpan } from './types';

export interface LikelihoodRow {
  /** Stable id, used as MarkupSpan.subtype. */
  id: string;
  /** ICD 203 row label (the first column's wording). */
  label: string;
  /** Probability band in percent. */
  band: [number, number];
  /** Terms of the row, as written in ICD 203 (both columns, adverb forms included). */
  terms: readonly string[];
}

export const ICD203_ROWS: readonly LikelihoodRow[] = [
  { id: 'almost-no-chance', label: 'almost no chance', band: [1, 5], terms: ['almost no chance', 'remote'] },
  {
    id: 'very-unlikely',
    label: 'very unlikely',
    band: [5, 20],
    terms: ['very unlikely', 'highly improbable', 'highly improbably'],
  },
  { id: 'unlikely', label: 'unlikely', band: [20, 45], terms: ['unlikely', 'improbable', 'improbably'] },
  {
    id: 'roughly-even-chance',
    label: 'roughly even chance',
    band: [45, 55],
    terms: ['roughly even chance', 'roughly even odds'],
  },
  { id: 'likely', label: 'likely', band: [55, 80], terms: ['likely', 'probable', 'probably'] },
  {
    id: 'very-likely',
    label: 'very likely',
    band: [80, 95],
    terms: ['very likely', 'highly probable', 'highly probably'],
  },
  {
    id: 'almost-certain',
    label: 'almost certain',
    band: [95, 99],
    terms: ['almost certain', 'almost certainly', 'nearly certain', 'nearly certainly'],
  },
];

export const CONFIDENCE_LEVELS = ['high', 'moderate', 'low'] as const;
export type ConfidenceLevel = (typeof CONFIDENCE_LEVELS)[number];

/** Words that make "remote" a likelihood when they follow it. */
export const REMOTE_NOUNS = ['chance', 'chances', 'possibility', 'likelihood', 'probability', 'prospect'];
/** Verbs that make "remote" a likelihood when they precede it and the clause ends after it. */
export const REMOTE_COPULAS = ['is', 'are', 'was', 'were', 'be', 'been', 'remains', 'remain', 'seems', 'seem', 'appears', 'appear'];

/** A term as a regex source: words joined by any run of whitespace. */
export function termSource(term: string, ws = String.raw`\s+`): string {
  return term.split(' ').join(ws);
}

/** Every term except "remote", longest first (so alternation prefers "very likely" to "likely"). */
export function plainTerms(): { term: string; row: LikelihoodRow }[] {
  const all: { term: string; row: LikelihoodRow }[] = [];
  for (const row of ICD203_ROWS) for (const term of row.terms) if (term !== 'remote') all.push({ term, row });
  return all.sort((a, b) => b.term.length - a.term.length || a.term.localeCompare(b.term));
}

/** "remote" before chance/possibility/...: "a remote possibility". Group 1 is "remote". */
export function remoteBeforeNounSource(): string {
  return `${WORD_START}(remote)(?=\\s+(?:${REMOTE_NOUNS.join('|')})${WORD_END})`;
}
/**
 * "remote" after a copula at the end of a clause: "the chance is remote.", "is only remote, but".
 * Group 1 is "remote", which ends the match.
 */
export function remoteAfterCopulaSource(): string {
  return (
    `${WORD_START}(?:${REMOTE_COPULAS.join('|')})\\s+(?:(?:only|very|extremely|still|at best)\\s+)?(remote)${WORD_END}` +
    `(?=\\s*(?:[.,;:!?)_*]|$|(?:that|but|at best)${WORD_END}))`
  );
}

const TERM_ROW = new Map<string, LikelihoodRow>(plainTerms().map(({ term, row }) => [term, row]));
const ROW_BY_ID = new Map<string, LikelihoodRow>(ICD203_ROWS.map((r) => [r.id, r]));

const TERMS_RE = new RegExp(`${WORD_START}(?:${plainTerms().map((t) => termSource(t.term)).join('|')})${WORD_END}`, 'gi');
/** "remote" + chance/possibility..., or copula + "remote" at the end of a clause. Group 1 or 2 is "remote". */
const REMOTE_RE = new RegExp(
  `${remoteBeforeNounSource()}|${remoteAfterCopulaSource()}`,
  'gim',
);
const CONFIDENCE_RE = new RegExp(`${WORD_START}(high|moderate|medium|low)(?:\\s+|-)confidence${WORD_END}`, 'gi');

function estimative(input: string, start: number, end: number, row: LikelihoodRow): MarkupSpan {
  return {
    start,
    end,
    text: input.slice(start, end),
    kind: 'estimative',
    subtype: row.id,
    row: row.label,
    band: [row.band[0], row.band[1]],
  };
}

/** Likelihood terms (kind 'estimative') in `text`, sorted by start. */
export function findEstimative(text: string): MarkupSpan[] {
  const out: MarkupSpan[] = [];
  TERMS_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TERMS_RE.exec(text)) !== null) {
    const row = TERM_ROW.get(m[0].toLowerCase().replace(/\s+/g, ' '));
    if (row) out.push(estimative(text, m.index, m.index + m[0].length, row));
  }
  const remoteRow = ROW_BY_ID.get('almost-no-chance');
  REMOTE_RE.lastIndex = 0;
  while (remoteRow && (m = REMOTE_RE.exec(text)) !== null) {
    // the "remote" word is the last 6 characters before the look-ahead in both alternatives
    const end = m.index + m[0].length;
    out.push(estimative(text, end - 'remote'.length, end, remoteRow));
  }
  return out.sort((a, b) => a.start - b.start);
}

/** Confidence phrases (kind 'confidence') in `text`: level 'high' | 'moderate' | 'low' ("medium" is 'moderate'). */
export function findConfidence(text: string): MarkupSpan[] {
  const out: MarkupSpan[] = [];
  CONFIDENCE_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = CONFIDENCE_RE.exec(text)) !== null) {
    const word = (m[1] ?? '').toLowerCase();
    const level: ConfidenceLevel = word === 'medium' ? 'moderate' : (word as ConfidenceLevel);
    out.push({ start: m.index, end: m.index + m[0].length, text: m[0], kind: 'confidence', level });
  }
  return out;
}
