// Locates ../shared (evaluation data and scorer). Only training, evaluation and benchmark scripts use it;
// the extension and the tests never do. A fresh clone has no ../shared: say so clearly.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const sharedDir = process.env.ANALYST_LENS_SHARED || path.resolve(repoRoot, '..', 'shared');

export function requireShared(relative, purpose) {
  const p = path.join(sharedDir, relative);
  if (!fs.existsSync(p)) {
    console.error(
      `error: ${p} not found.\n` +
        `${purpose} needs the evaluation data in ../shared beside this repository (or set ANALYST_LENS_SHARED).\n` +
        'The extension and `npm test` do not need it.',
    );
    process.exit(2);
  }
  return p;
}

export function requireBuiltCore() {
  const p = path.join(repoRoot, 'dist', 'core.js');
  if (!fs.existsSync(p)) {
    console.error('error: dist/core.js not found: run `npm run build` first.');
    process.exit(2);
  }
  return p;
}

/** Precision, recall and F1 of counts { tp, fp, fn } (0 where undefined), with the counts. */
export const prf = ({ tp, fp, fn }) => {
  const p = tp + fp ? tp / (tp + fp) : 0;
  const r = tp + fn ? tp / (tp + fn) : 0;
  return { p, r, f: p + r ? (2 * p * r) / (p + r) : 0, tp, fp, fn };
};
/** A ratio as a percentage, one decimal, padded to 5 characters. */
export const pct = (x) => (100 * x).toFixed(1).padStart(5);

const NEWS_NO_SPACE_BEFORE = new Set([',', '.', ';', ':', '!', '?', ')', ']', '}', '%', "'s", "'S", "'", "n't", "N'T", "'re", "'ll", "'ve", "'m", "'d", "''", '”', '’', '...']);
const NEWS_NO_SPACE_AFTER = new Set(['(', '[', '{', '$', 'US$', 'CA$', 'AU$', '#', '``', '`', '“', '£', '€', '¥']);
const NEWS_REPLACE = { '``': '"', "''": '"' };
/**
 * News spacing of a text tokenised with single spaces (MEANTIME: "EADS N.V. ( EADS )"): no space before , . ) 's
 * n't ..., none after ( $ #; `` and '' become ". Returns { text, at } where at(i) maps an offset of the tokenised
 * text to the new one (a character's own position) and endAt(end) maps a span's end. Used by every MEANTIME scorer
 * (actors-meantime, dates --meantime, fivew-meantime), so their news-spacing figures read the same text.
 */
export function newsSpacing(src) {
  const map = new Int32Array(src.length + 1);
  let out = '';
  let pos = 0;
  src.split('\n').forEach((line, li) => {
    if (li > 0) { map[pos - 1] = out.length; out += '\n'; }
    let quoteOpen = false;
    let prev = null;
    let i = 0;
    for (const tok of line.split(' ')) {
      if (i > 0) {
        const q = tok === '"' || tok === '``' || tok === "''";
        let sp = prev !== null && tok !== '';
        if (NEWS_NO_SPACE_BEFORE.has(tok) || NEWS_NO_SPACE_AFTER.has(prev)) sp = false;
        if (tok === '"' && quoteOpen) sp = false;
        if ((prev === '"' || prev === '``') && quoteOpen) sp = false;
        if (q && tok === "''") sp = false;
        map[pos + i - 1] = out.length;
        if (sp) out += ' ';
      }
      if (tok === '"') quoteOpen = !quoteOpen;
      if (tok === '``') quoteOpen = true;
      if (tok === "''") quoteOpen = false;
      const start = out.length;
      out += NEWS_REPLACE[tok] ?? tok;
      for (let k = 0; k < tok.length; k++) map[pos + i + k] = Math.min(start + k, out.length - 1);
      i += tok.length + 1;
      if (tok !== '') prev = tok;
    }
    pos += line.length + 1;
  });
  map[src.length] = out.length;
  return { text: out, at: (i) => map[i], endAt: (i) => map[i - 1] + 1 };
}
