import { MAX_FEATURES, type NerDoc, tokenFeatures } from '../src/core/ner/features';
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

/** A small seeded PRNG (mulberry32): the training order is the same on every run with the same seed. */
export function mulberry32(a: number): () => number {
  return () => {
    a |= 0; a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Pass A of training: the feature hashes seen at least `minCount` times, numbered in order of first appearance. */
export function indexFeatures(nerDocs: readonly NerDoc[], minCount: number): { index: Map<number, number>; hashList: number[]; nTok: number } {
  const buf = new Uint32Array(MAX_FEATURES);
  const counts = new Map<number, number>();
  let nTok = 0;
  for (const d of nerDocs) {
    nTok += d.n;
    for (let i = 0; i < d.n; i++) {
      const k = tokenFeatures(d, i, buf);
      for (let f = 0; f < k; f++) counts.set(buf[f], (counts.get(buf[f]) ?? 0) + 1);
    }
  }
  const index = new Map<number, number>();
  const hashList: number[] = [];
  for (const [h, c] of counts) if (c >= minCount) { index.set(h, hashList.length); hashList.push(h); }
  return { index, hashList, nTok };
}
