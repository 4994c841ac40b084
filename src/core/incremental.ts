/**
 * Incremental analysis: `createIncrementalAnalyzer().analyze(text)` equals `analyze(text)` exactly, but keeps
 * what it computed for the previous texts, so re-analysis after a small edit redoes only what the edit changed.
 *
 * The text (after Markdown masking) is cut into blocks at blank lines (whitespace runs holding two or more "\n").
 *  - Name tagging (ner/incremental.ts): tokens, sentences and per-token features are cached per block (key: the
 *    block's text); pass-1 and pass-2 Viterbi results per sentence, keyed by the document-level values their
 *    features see. Only sentences whose key changed are tagged again.
 *  - Rule stages: blocks are grouped into units (a block is joined to the next one when a rule could match across
 *    the blank line between them: see `mayContinue`). Words, titles, known organisations, dates, times and
 *    quantities are cached per unit (key: the unit's text); the unit's resolved spans are recomputed only when its
 *    names changed. Person propagation (document level) collects the names of all units, then runs per unit.
 * Caches hold only what the latest analysis used (generation sweep), so memory follows the document size.
 */
import type { Analysis, AnalyzeOptions } from './types';
import { localSpans, prepareInput, ruleParts, toAnalysis, type RuleParts } from './analyze';
import { personNames, propagateNames, type PersonNames, type RawSpan } from './extract/spans';
import { IncrementalTagger, NerBlock } from './ner/incremental';
import type { NameSpan } from './ner';

export interface IncrementalAnalyzer {
  /** Same result as `analyze(text, options)`. */
  analyze(text: string, options?: AnalyzeOptions): Analysis;
  /** Entries in the caches (blocks tagged, rule units), for tests and diagnostics. */
  cacheStats(): { blocks: number; units: number };
}

/** A blank line: a whitespace run with two line feeds or more. Always maximal (greedy on both ends). */
const BLANK_LINE = /\s*\n\s*\n\s*/g;

/**
 * True when a rule could match across the blank line after `block` (whose last character is not a space): the
 * date, time and quantity patterns cross whitespace only with `\s+`/`\s*` after a letter, a digit, a comma, a
 * month abbreviation with its dot ("Jan.") or "a.m."/"p.m."; a title's "of"/"for" domain may be the next line's
 * first word.
 */
export function mayContinue(block: string): boolean {
  const tail = block.slice(-2);
  if (/[\p{L}\p{N}\p{M},]$/u.test(tail)) return true;
  if (block.endsWith('.') && /(?:jan|feb|mar|apr|aug|sep|sept|oct|nov|dec|m)\.$/i.test(block.slice(-6))) return true;
  // the last letters before trailing punctuation: "of" / "for" ("Director of (\n\nState")
  let i = block.length;
  while (i > 0 && !/[\p{L}\p{N}\p{M}]/u.test(block[i - 1])) i--;
  const word = block.slice(Math.max(0, i - 3), i);
  return word.endsWith('of') || word.endsWith('for');
}

interface Unit {
  parts: RuleParts;
  names: NameSpan[] | null;
  local: RawSpan[];
  /** person names of `local` */
  persons: PersonNames;
  /** key of the document's person names `final` was computed with */
  namesKey: string | null;
  final: RawSpan[];
  gen: number;
}

interface CachedBlock {
  block: NerBlock;
  gen: number;
}

function sameNames(a: readonly NameSpan[], b: readonly NameSpan[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i].start !== b[i].start || a[i].end !== b[i].end || a[i].type !== b[i].type) return false;
  return true;
}

export function createIncrementalAnalyzer(): IncrementalAnalyzer {
  const blocks = new Map<string, CachedBlock>();
  const units = new Map<string, Unit>();
  const tagger = new IncrementalTagger();
  let gen = 0;

  function analyzeText(text: string, options: AnalyzeOptions = {}): Analysis {
    gen++;
    const { input, maxLength, original, analyzed } = prepareInput(text, options);

    // blocks: [start, end) between blank lines
    const starts: number[] = [];
    const ends: number[] = [];
    let last = 0;
    BLANK_LINE.lastIndex = 0;
    for (let m = BLANK_LINE.exec(analyzed); m; m = BLANK_LINE.exec(analyzed)) {
      if (m.index > last) { starts.push(last); ends.push(m.index); }
      last = m.index + m[0].length;
    }
    if (analyzed.length > last) { starts.push(last); ends.push(analyzed.length); }

    const nb = starts.length;
    const texts: string[] = new Array(nb);
    const ner: NerBlock[] = new Array(nb);
    for (let b = 0; b < nb; b++) {
      const t = analyzed.slice(starts[b], ends[b]);
      texts[b] = t;
      let c = blocks.get(t);
      if (!c) { c = { block: new NerBlock(t), gen }; blocks.set(t, c); }
      c.gen = gen;
      ner[b] = c.block;
    }
    tagger.tag(ner);

    // units: runs of blocks no rule crosses
    const unitList: Array<{ unit: Unit; start: number; text: string }> = [];
    const personsAll: PersonNames = { surnames: new Set(), fullNames: new Set() };
    let b = 0;
    while (b < nb) {
      let e = b;
      while (e + 1 < nb && mayContinue(texts[e])) e++;
      const ustart = starts[b];
      const utext = b === e ? texts[b] : analyzed.slice(ustart, ends[e]);
      let names: NameSpan[];
      if (b === e) names = ner[b].names;
      else {
        names = [];
        for (let k = b; k <= e; k++) {
          const d = starts[k] - ustart;
          for (const n of ner[k].names) names.push({ start: n.start + d, end: n.end + d, type: n.type });
        }
      }
      let u = units.get(utext);
      if (!u) {
        u = { parts: ruleParts(utext), names: null, local: [], persons: { surnames: new Set(), fullNames: new Set() }, namesKey: null, final: [], gen };
        units.set(utext, u);
      }
      u.gen = gen;
      if (u.names === null || (u.names !== names && !sameNames(u.names, names))) {
        u.names = names;
        u.local = localSpans(utext, u.parts, names);
        u.persons = personNames(utext, u.parts.ws, u.local);
        u.namesKey = null;
      }
      for (const s of u.persons.surnames) personsAll.surnames.add(s);
      for (const f of u.persons.fullNames) personsAll.fullNames.add(f);
      unitList.push({ unit: u, start: ustart, text: utext });
      b = e + 1;
    }

    // document-level person propagation, unit by unit
    const namesKey = personsAll.surnames.size === 0 ? '' : [...personsAll.surnames].sort().join('\n') + '\n\n' + [...personsAll.fullNames].sort().join('\n');
    const spans: RawSpan[] = [];
    for (const { unit: u, start, text: utext } of unitList) {
      if (u.namesKey !== namesKey) {
        u.final = propagateNames(utext, u.parts.ws, u.local, personsAll);
        u.namesKey = namesKey;
      }
      if (start === 0) for (const s of u.final) spans.push(s);
      else for (const s of u.final) spans.push({ ...s, start: s.start + start, end: s.end + start });
    }

    // generation sweep: keep only what this analysis used
    for (const [k, c] of blocks) if (c.gen !== gen) blocks.delete(k);
    for (const [k, u] of units) if (u.gen !== gen) units.delete(k);

    return toAnalysis(input, maxLength, original, spans, options);
  }

  return { analyze: analyzeText, cacheStats: () => ({ blocks: blocks.size, units: units.size }) };
}
