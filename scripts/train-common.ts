/** Pieces shared by scripts/train.ts (news NER) and scripts/train-cti.ts (CTI tagger). */
import { allowed, forEachBioSpan } from '../src/core/ner/model';

export interface Trained { hashes: Uint32Array; weights: Float32Array; trans: Float32Array }

/** The BIO spans of `tags` as "start:end:kind" keys. */
export function spanKeys(tags: Uint8Array): Set<string> {
  const out = new Set<string>();
  forEachBioSpan(tags, (i, j, k) => out.add(`${i}:${j}:${k}`));
  return out;
}

/** Averaged-perceptron weights and transitions (w - acc / c), impossible transitions forbidden explicitly. */
export function averaged(w: Float64Array, acc: Float64Array, tw: Float64Array, tacc: Float64Array, c: number, nT: number): { weights: Float32Array; trans: Float32Array } {
  const weights = new Float32Array(w.length);
  for (let i = 0; i < w.length; i++) weights[i] = w[i] - acc[i] / c;
  const trans = new Float32Array(tw.length);
  for (let i = 0; i < tw.length; i++) trans[i] = tw[i] - tacc[i] / c;
  // Viterbi enforces them anyway
  for (let p0 = 0; p0 <= nT; p0++) for (let t = 0; t < nT; t++) if (!allowed(p0 === nT ? 0 : p0, t)) trans[p0 * nT + t] = 0;
  return { weights, trans };
}

/** Weights and transitions times `quant`, rounded. */
export function quantiseBy(m: Trained, quant: number): Trained {
  const weights = new Float32Array(m.weights.length);
  for (let i = 0; i < weights.length; i++) weights[i] = Math.round(m.weights[i] * quant);
  const trans = new Float32Array(m.trans.length);
  for (let i = 0; i < trans.length; i++) trans[i] = Math.round(m.trans[i] * quant);
  return { hashes: m.hashes, weights, trans };
}
