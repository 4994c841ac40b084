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
