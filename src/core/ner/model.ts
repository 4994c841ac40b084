/**
 * Linear sequence model (averaged structured perceptron weights) with first-order Viterbi decoding over BIO
 * tags, plus its compact binary encoding (varints, sparse rows, integer weights) and base64 transport.
 */
import { baseFeatures, MAX_FEATURES, N_TAGS, NerDoc, pass2Features, tokenFeatures } from './features';

export interface LinearModel {
  nTags: number;
  /** (nTags + 1) x nTags: row p = previous tag p (row nTags = sentence start), column = current tag. */
  trans: Float32Array;
  /** open-addressing table: feature hash -> row (index into weights / nTags); keys 0 = empty */
  keys: Uint32Array;
  rows: Int32Array;
  mask: number;
  weights: Float32Array;
  nFeatures: number;
}

/** Allowed BIO transitions: I-X only after B-X or I-X. */
export function allowed(prev: number, cur: number): boolean {
  if (cur === 0 || (cur & 1) === 1) return true; // O or B-*
  return prev === cur || prev === cur - 1;
}

export function buildModel(nTags: number, trans: Float32Array, hashes: Uint32Array, weights: Float32Array): LinearModel {
  let cap = 16;
  while (cap < hashes.length * 2) cap <<= 1;
  const keys = new Uint32Array(cap);
  const rows = new Int32Array(cap);
  const mask = cap - 1;
  for (let r = 0; r < hashes.length; r++) {
    const h = hashes[r];
    let p = h & mask;
    while (keys[p] !== 0) p = (p + 1) & mask;
    keys[p] = h;
    rows[p] = r;
  }
  return { nTags, trans, keys, rows, mask, weights, nFeatures: hashes.length };
}

export function lookup(m: LinearModel, h: number): number {
  const keys = m.keys;
  let p = h & m.mask;
  for (;;) {
    const k = keys[p];
    if (k === h) return m.rows[p];
    if (k === 0) return -1;
    p = (p + 1) & m.mask;
  }
}

const featBuf = new Uint32Array(MAX_FEATURES);

/** Emission scores for tokens [s, e) of `doc` into `em` ((e - s) x nTags). */
export function emissions(m: LinearModel, doc: NerDoc, s: number, e: number, em: Float32Array): void {
  const nT = m.nTags;
  const w = m.weights;
  em.fill(0, 0, (e - s) * nT);
  for (let i = s; i < e; i++) {
    const k = tokenFeatures(doc, i, featBuf);
    const base = (i - s) * nT;
    for (let f = 0; f < k; f++) {
      const r = lookup(m, featBuf[f]);
      if (r < 0) continue;
      const o = r * nT;
      for (let t = 0; t < nT; t++) em[base + t] += w[o + t];
    }
  }
}

let vBack = new Int8Array(0);
let vScore = new Float64Array(0);

/** Constrained first-order Viterbi. `em` is n x nTags; writes best tags into `out[0..n)`. */
export function viterbi(trans: Float32Array, nT: number, em: Float32Array, n: number, out: Uint8Array): void {
  if (n === 0) return;
  if (vBack.length < n * nT) vBack = new Int8Array(n * nT * 2);
  if (vScore.length < 2 * nT) vScore = new Float64Array(2 * nT);
  const sc = vScore;
  const startRow = nT * nT;
  for (let t = 0; t < nT; t++) {
    sc[t] = allowed(0, t) ? em[t] + trans[startRow + t] : -Infinity;
    vBack[t] = -1;
  }
  let cur = 0;
  for (let i = 1; i < n; i++) {
    const nxt = cur === 0 ? nT : 0;
    for (let t = 0; t < nT; t++) {
      let best = -Infinity, arg = 0;
      for (let p = 0; p < nT; p++) {
        if (!allowed(p, t)) continue;
        const v = sc[cur + p] + trans[p * nT + t];
        if (v > best) { best = v; arg = p; }
      }
      sc[nxt + t] = best + em[i * nT + t];
      vBack[i * nT + t] = arg;
    }
    cur = nxt;
  }
  let best = -Infinity, arg = 0;
  for (let t = 0; t < nT; t++) if (sc[cur + t] > best) { best = sc[cur + t]; arg = t; }
  for (let i = n - 1; i >= 0; i--) {
    out[i] = arg;
    arg = vBack[i * nT + arg];
  }
}

/** Tag every sentence of `doc` with `m`; returns one tag per token. */
export function tagDoc(m: LinearModel, doc: NerDoc, sentences: ReadonlyArray<{ start: number; end: number }>): Uint8Array {
  const tags = new Uint8Array(doc.n);
  let em = new Float32Array(64 * N_TAGS);
  let tmp = new Uint8Array(64);
  for (const s of sentences) {
    const n = s.end - s.start;
    if (n <= 0) continue;
    if (em.length < n * N_TAGS) { em = new Float32Array(n * N_TAGS * 2); tmp = new Uint8Array(n * 2); }
    emissions(m, doc, s.start, s.end, em);
    viterbi(m.trans, m.nTags, em, n, tmp);
    tags.set(tmp.subarray(0, n), s.start);
  }
  return tags;
}

// ---------------------------------------------------------------- joint two-pass model (inference)

/**
 * Pass-1 and pass-2 weights in one table: row r holds 2 x nTags weights (pass 1, then pass 2), so each base
 * feature is looked up once for both passes; only the pass-2 features need a second lookup.
 */
export interface JointModel {
  nTags: number;
  trans1: Float32Array;
  trans2: Float32Array;
  /** interleaved [hash | 0, row] pairs, hash 0 = empty */
  table: Int32Array;
  mask: number;
  /** quantised weights, 2 x nTags per row (small integers: half the memory of floats, fewer cache misses) */
  weights: Int16Array;
}

/**
 * Encode pass-1 and pass-2 models (integer weights) as one joint table: sorted hash deltas, a 2 x nTags bit mask
 * of non-zero weights, then those weights as zigzag varints. Features present in both passes are stored once.
 */
export function encodeJoint(w: ByteWriter, nTags: number,
  m1: { trans: ArrayLike<number>; hashes: ArrayLike<number>; weights: ArrayLike<number> },
  m2: { trans: ArrayLike<number>; hashes: ArrayLike<number>; weights: ArrayLike<number> }): void {
  w.byte(nTags);
  for (let i = 0; i < (nTags + 1) * nTags; i++) w.zigzag(m1.trans[i]);
  for (let i = 0; i < (nTags + 1) * nTags; i++) w.zigzag(m2.trans[i]);
  const rows = new Map<number, number[]>();
  const add = (m: { hashes: ArrayLike<number>; weights: ArrayLike<number> }, off: number) => {
    for (let r = 0; r < m.hashes.length; r++) {
      let row = rows.get(m.hashes[r]);
      for (let t = 0; t < nTags; t++) {
        const v = m.weights[r * nTags + t];
        if (v === 0) continue;
        if (!row) { row = new Array<number>(2 * nTags).fill(0); rows.set(m.hashes[r], row); }
        row[off + t] = v;
      }
    }
  };
  add(m1, 0);
  add(m2, nTags);
  const keys = [...rows.keys()].sort((a, b) => a - b);
  w.varint(keys.length);
  let prev = 0;
  for (const h of keys) {
    const row = rows.get(h) as number[];
    w.varint(h - prev);
    prev = h;
    let mask = 0;
    for (let t = 0; t < 2 * nTags; t++) if (row[t] !== 0) mask |= 1 << t;
    w.varint(mask);
    for (let t = 0; t < 2 * nTags; t++) if (row[t] !== 0) w.zigzag(row[t]);
  }
}

export function decodeJoint(r: ByteReader): JointModel {
  const nT = r.byte();
  const trans1 = new Float32Array((nT + 1) * nT);
  for (let i = 0; i < trans1.length; i++) trans1[i] = r.zigzag();
  const trans2 = new Float32Array((nT + 1) * nT);
  for (let i = 0; i < trans2.length; i++) trans2[i] = r.zigzag();
  const F = r.varint();
  let cap = 16;
  while (cap < F * 2) cap <<= 1;
  const table = new Int32Array(cap * 2);
  const mask = cap - 1;
  const weights = new Int16Array(F * 2 * nT);
  let h = 0;
  for (let row = 0; row < F; row++) {
    h += r.varint();
    const m = r.varint();
    const o = row * 2 * nT;
    for (let t = 0; t < 2 * nT; t++) {
      if (m & (1 << t)) {
        const v = r.zigzag();
        weights[o + t] = v > 32767 ? 32767 : v < -32767 ? -32767 : v;
      }
    }
    let p = h & mask;
    while (table[p * 2] !== 0) p = (p + 1) & mask;
    table[p * 2] = h | 0;
    table[p * 2 + 1] = row;
  }
  return { nTags: nT, trans1, trans2, table, mask, weights };
}

export function jointLookup(m: JointModel, h: number): number {
  const table = m.table;
  const key = h | 0;
  let p = h & m.mask;
  for (;;) {
    const k = table[p * 2];
    if (k === key) return table[p * 2 + 1];
    if (k === 0) return -1;
    p = (p + 1) & m.mask;
  }
}

/** Two-pass tagging of every sentence of `doc`; returns one tag per token (pass-2 labels). */
export function tagDocJoint(m: JointModel, doc: NerDoc, sentences: ReadonlyArray<{ start: number; end: number }>): Uint8Array {
  const nT = m.nTags;
  const n = doc.n;
  const em1 = new Float32Array(n * nT);
  const em2 = new Float32Array(n * nT);
  const w = m.weights;
  const buf = featBuf;
  for (let i = 0; i < n; i++) {
    const k = baseFeatures(doc, i, buf);
    const base = i * nT;
    for (let f = 0; f < k; f++) {
      const r = jointLookup(m, buf[f]);
      if (r < 0) continue;
      const o = r * 2 * nT;
      for (let t = 0; t < nT; t++) {
        em1[base + t] += w[o + t];
        em2[base + t] += w[o + nT + t];
      }
    }
  }
  const tags1 = viterbiSentences(m.trans1, nT, em1, n, sentences);
  return jointPass2(m, doc, tags1, em2, sentences, buf);
}

/** Viterbi over each sentence of `em` (n tokens x nT tags); one tag per token. */
export function viterbiSentences(trans: Float32Array, nT: number, em: Float32Array, n: number, sentences: ReadonlyArray<{ start: number; end: number }>): Uint8Array {
  const tags = new Uint8Array(n);
  for (const s of sentences) {
    if (s.end > s.start) viterbi(trans, nT, em.subarray(s.start * nT, s.end * nT), s.end - s.start, tags.subarray(s.start, s.end));
  }
  return tags;
}

/** Pass 2 of joint tagging: gives `doc` the pass-1 tags, adds the pass-2 emissions to `em2` and decodes them. */
export function jointPass2(m: JointModel, doc: NerDoc, tags1: Uint8Array, em2: Float32Array, sentences: ReadonlyArray<{ start: number; end: number }>, buf: Uint32Array): Uint8Array {
  const nT = m.nTags;
  const w = m.weights;
  doc.setPass1(tags1);
  for (let i = 0; i < doc.n; i++) {
    const k = pass2Features(doc, i, buf, 0);
    const base = i * nT;
    for (let f = 0; f < k; f++) {
      const r = jointLookup(m, buf[f]);
      if (r < 0) continue;
      const o = r * 2 * nT + nT;
      for (let t = 0; t < nT; t++) em2[base + t] += w[o + t];
    }
  }
  return viterbiSentences(m.trans2, nT, em2, doc.n, sentences);
}

/** Calls `visit(i, j, k)` for each BIO span of `tags` (tokens i..j-1, kind k; tag 1+2k begins it, 2+2k continues it). */
export function forEachBioSpan(tags: Uint8Array, visit: (i: number, j: number, k: number) => void): void {
  for (let i = 0; i < tags.length;) {
    const t = tags[i];
    if (t === 0) { i++; continue; }
    const k = (t - 1) >> 1;
    let j = i + 1;
    while (j < tags.length && tags[j] === 2 + 2 * k) j++;
    visit(i, j, k);
    i = j;
  }
}

// ---------------------------------------------------------------- binary encoding

export class ByteWriter {
  private buf = new Uint8Array(1 << 16);
  length = 0;
  private ensure(n: number) {
    if (this.length + n <= this.buf.length) return;
    let c = this.buf.length * 2;
    while (c < this.length + n) c *= 2;
    const b = new Uint8Array(c);
    b.set(this.buf.subarray(0, this.length));
    this.buf = b;
  }
  byte(v: number) { this.ensure(1); this.buf[this.length++] = v & 255; }
  varint(v: number) {
    // unsigned, up to 2^32
    this.ensure(5);
    while (v >= 128) { this.buf[this.length++] = (v & 127) | 128; v = Math.floor(v / 128); }
    this.buf[this.length++] = v;
  }
  zigzag(v: number) { this.varint(v >= 0 ? v * 2 : -v * 2 - 1); }
  bytes(): Uint8Array { return this.buf.slice(0, this.length); }
}

export class ByteReader {
  pos = 0;
  constructor(readonly buf: Uint8Array) {}
  byte(): number { return this.buf[this.pos++]; }
  varint(): number {
    let v = 0, mul = 1, b: number;
    do { b = this.buf[this.pos++]; v += (b & 127) * mul; mul *= 128; } while (b & 128);
    return v;
  }
  zigzag(): number { const v = this.varint(); return v & 1 ? -(v + 1) / 2 : v / 2; }
}

/** Encode a model whose weights are already integers (quantised). Rows with all-zero weights are dropped. */
export function encodeModel(w: ByteWriter, nTags: number, trans: ArrayLike<number>, hashes: ArrayLike<number>, weights: ArrayLike<number>): void {
  w.byte(nTags);
  for (let i = 0; i < (nTags + 1) * nTags; i++) w.zigzag(trans[i]);
  const order: number[] = [];
  for (let r = 0; r < hashes.length; r++) {
    let nz = false;
    for (let t = 0; t < nTags; t++) if (weights[r * nTags + t] !== 0) { nz = true; break; }
    if (nz) order.push(r);
  }
  order.sort((a, b) => hashes[a] - hashes[b]);
  w.varint(order.length);
  let prev = 0;
  for (const r of order) {
    w.varint(hashes[r] - prev);
    prev = hashes[r];
    let mask = 0;
    for (let t = 0; t < nTags; t++) if (weights[r * nTags + t] !== 0) mask |= 1 << t;
    w.varint(mask);
    for (let t = 0; t < nTags; t++) if (mask & (1 << t)) w.zigzag(weights[r * nTags + t]);
  }
}

export function decodeModel(r: ByteReader): LinearModel {
  const nTags = r.byte();
  const trans = new Float32Array((nTags + 1) * nTags);
  for (let i = 0; i < trans.length; i++) trans[i] = r.zigzag();
  const n = r.varint();
  const hashes = new Uint32Array(n);
  const weights = new Float32Array(n * nTags);
  let prev = 0;
  for (let i = 0; i < n; i++) {
    prev += r.varint();
    hashes[i] = prev;
    const mask = r.varint();
    for (let t = 0; t < nTags; t++) if (mask & (1 << t)) weights[i * nTags + t] = r.zigzag();
  }
  return buildModel(nTags, trans, hashes, weights);
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

export function base64Decode(s: string): Uint8Array {
  const lut = new Uint8Array(128);
  for (let i = 0; i < 64; i++) lut[B64.charCodeAt(i)] = i;
  let len = s.length;
  while (len > 0 && s.charCodeAt(len - 1) === 61) len--;
  const out = new Uint8Array(Math.floor((len * 3) / 4));
  let o = 0, acc = 0, bits = 0;
  for (let i = 0; i < len; i++) {
    acc = (acc << 6) | lut[s.charCodeAt(i)];
    bits += 6;
    if (bits >= 8) { bits -= 8; out[o++] = (acc >> bits) & 255; }
  }
  return out.subarray(0, o);
}

export function base64Encode(b: Uint8Array): string {
  let s = '';
  let i = 0;
  for (; i + 2 < b.length; i += 3) {
    const v = (b[i] << 16) | (b[i + 1] << 8) | b[i + 2];
    s += B64[(v >> 18) & 63] + B64[(v >> 12) & 63] + B64[(v >> 6) & 63] + B64[v & 63];
  }
  if (i < b.length) {
    const v = (b[i] << 16) | ((i + 1 < b.length ? b[i + 1] : 0) << 8);
    s += B64[(v >> 18) & 63] + B64[(v >> 12) & 63] + (i + 1 < b.length ? B64[(v >> 6) & 63] : '=') + '=';
  }
  return s;
}
