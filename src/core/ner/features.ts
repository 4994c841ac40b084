/**
 * Feature extraction shared by training (scripts/train.ts) and inference (index.ts).
 * Every feature is a 32-bit hash of (template id, integer values); string work is done once per token
 * (normalised form, lower case, shapes), everything after that is integer mixing.
 */
import { h1, h2, h3, hashString } from './hash';
import { normalizeToken } from './tokenize';

/** BIO tags. Entity type index k (0..3) has B = 1 + 2k, I = 2 + 2k. */
export const TAGS = ['O', 'B-PER', 'I-PER', 'B-ORG', 'I-ORG', 'B-LOC', 'I-LOC', 'B-MISC', 'I-MISC'] as const;
export const N_TAGS = TAGS.length;
export const ENTITY_KINDS = ['PER', 'ORG', 'LOC', 'MISC'] as const;

/** Gazetteer categories (bit index in a gazetteer mask). */
export const GAZ_KINDS = ['country', 'city', 'region', 'demonym', 'firstname', 'lastname', 'org', 'place'] as const;
export const GAZ_MAX_LEN = 5;

/** Hashed gazetteer: key = gazKey() of the lower-cased token sequence, value = bit mask of GAZ_KINDS. */
export type Gazetteer = Map<number, number>;

// feature template ids
const enum T {
  Bias = 1, Word, Lower, Shape, SShape, Pre, Suf, Flags, FirstShape, WinL, WinS, BiL, BiS, TriS, LprevS, SLnext,
  Uc, UcL, UcS, Doc, DocCap, Gaz, GazCap, P2Maj, P2Any, P2Own, P2OwnMaj, P2Only, Len, WordS, DocForm, P2Nb, P2MajTag, Table, TableNb,
}

const BOS = hashString('<S>');
const EOS = hashString('</S>');

export const enum Cap {
  None = 0, // no letters
  Lower = 1, // starts lower-case, no capitals
  Init = 2, // capital then lower-case somewhere ("Paris", "McDonald")
  All = 3, // letters all capitals ("IBM", "PARIS", "I")
  Mixed = 4, // starts lower-case but has capitals ("iPhone", "al-Kabariti")
}

function isUpperCode(c: number, ch: string): boolean {
  if (c >= 65 && c <= 90) return true;
  if (c < 128) return false;
  return ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}
function isLowerCode(c: number, ch: string): boolean {
  if (c >= 97 && c <= 122) return true;
  if (c < 128) return false;
  return ch !== ch.toUpperCase() && ch === ch.toLowerCase();
}

/** Per-token string analysis: shape, short shape, capitalisation class, flags. */
function analyse(w: string): { shape: string; sshape: string; cap: number; flags: number } {
  let shape = '';
  let sshape = '';
  let last = '';
  let upper = 0, lower = 0, digit = 0, hyphen = 0, period = 0, other = 0;
  let firstUpper = false, firstLower = false;
  const n = w.length;
  for (let i = 0; i < n; i++) {
    const c = w.charCodeAt(i);
    const ch = w[i];
    let s: string;
    if (isUpperCode(c, ch)) { s = 'X'; upper++; if (i === 0) firstUpper = true; }
    else if (isLowerCode(c, ch)) { s = 'x'; lower++; if (i === 0) firstLower = true; }
    else if (c >= 48 && c <= 57) { s = 'd'; digit++; }
    else {
      if (c === 45) hyphen++;
      else if (c === 46) period++;
      else other++;
      s = c < 128 ? ch : c >= 0xd800 && c <= 0xdfff ? '' : 'o';
    }
    if (i < 12) shape += s;
    if (s !== last) { sshape += s; last = s; }
  }
  if (n > 12) shape += '+';
  let cap: number;
  if (upper === 0 && lower === 0) cap = Cap.None;
  else if (firstUpper) cap = lower > 0 ? Cap.Init : Cap.All;
  else if (upper > 0) cap = Cap.Mixed;
  else cap = firstLower ? Cap.Lower : upper > 0 ? Cap.Mixed : Cap.Lower;
  const flags = (digit > 0 ? 1 : 0) | (hyphen > 0 ? 2 : 0) | (period > 0 ? 4 : 0) | (other > 0 ? 8 : 0) |
    (digit === n ? 16 : 0) | (n === 1 ? 32 : 0);
  return { shape, sshape, cap, flags };
}

/** The key of a lower-cased token sequence in a Gazetteer. */
export function gazStep(prev: number, lowerHash: number): number {
  return prev === 0 ? h1(9001, lowerHash) : h2(9002, prev, lowerHash);
}
export function gazKey(lowerTokens: readonly string[]): number {
  let k = 0;
  for (const t of lowerTokens) k = gazStep(k, hashString(t));
  return k;
}

function lowerNorm(w: string): string {
  const l = w.toLowerCase();
  // digits to 0 so numbers generalise
  return /[0-9]/.test(l) ? l.replace(/[0-9]/g, '0') : l;
}

interface WordInfo {
  w: string;
  lo: string;
  hW: number;
  hLo: number;
  hL: number;
  hS: number;
  hSS: number;
  cap: number;
  flags: number;
}

/** Per-word analysis is cached across documents (bounded). */
const WORD_CACHE = new Map<string, WordInfo>();
const WORD_CACHE_MAX = 100_000;

function wordInfo(raw: string): WordInfo {
  const w = normalizeToken(raw);
  const lo = w.toLowerCase();
  const hLo = hashString(lo);
  const ln = lowerNorm(w);
  const r = analyse(w);
  return {
    w, lo, hW: hashString(w), hLo, hL: ln === lo ? hLo : hashString(ln), hS: hashString(r.shape), hSS: hashString(r.sshape),
    cap: r.cap, flags: r.flags,
  };
}

/**
 * A document prepared for feature extraction: per-token hashes and document-level statistics.
 * `words` are raw token strings; `sentences` are token index ranges.
 */
export class NerDoc {
  readonly n: number;
  readonly words: string[];
  readonly lower: string[];
  readonly hW: Uint32Array;
  readonly hL: Uint32Array;
  readonly hLo: Uint32Array;
  readonly hS: Uint32Array;
  readonly hSS: Uint32Array;
  readonly cap: Uint8Array;
  readonly flags: Uint8Array;
  readonly sentOf: Int32Array;
  readonly sentStart: Int32Array;
  readonly sentEnd: Int32Array;
  readonly ucSent: Uint8Array;
  /** share of tokens with digits in the sentence, bucketed 0..3 (tables, results) */
  readonly numSent: Uint8Array;
  readonly first: Uint8Array;
  readonly docMask: Uint8Array;
  readonly gazMask: Uint32Array;
  /** pass-1 tags, set before pass-2 features are extracted */
  p2: P2Stats | null = null;

  constructor(words: string[], sentences: ReadonlyArray<{ start: number; end: number }>, gaz: Gazetteer | null) {
    const n = words.length;
    this.n = n;
    this.words = new Array<string>(n);
    this.lower = new Array<string>(n);
    this.hW = new Uint32Array(n);
    this.hL = new Uint32Array(n);
    this.hLo = new Uint32Array(n);
    this.hS = new Uint32Array(n);
    this.hSS = new Uint32Array(n);
    this.cap = new Uint8Array(n);
    this.flags = new Uint8Array(n);
    this.sentOf = new Int32Array(n);
    this.sentStart = new Int32Array(n);
    this.sentEnd = new Int32Array(n);
    this.ucSent = new Uint8Array(n);
    this.numSent = new Uint8Array(n);
    this.first = new Uint8Array(n);
    this.docMask = new Uint8Array(n);
    this.gazMask = new Uint32Array(n);
    for (let i = 0; i < n; i++) {
      const raw = words[i];
      let info = WORD_CACHE.get(raw);
      if (info === undefined) {
        info = wordInfo(raw);
        if (WORD_CACHE.size >= WORD_CACHE_MAX) WORD_CACHE.clear();
        WORD_CACHE.set(raw, info);
      }
      this.words[i] = info.w;
      this.lower[i] = info.lo;
      this.hW[i] = info.hW;
      this.hLo[i] = info.hLo;
      this.hL[i] = info.hL;
      this.hS[i] = info.hS;
      this.hSS[i] = info.hSS;
      this.cap[i] = info.cap;
      this.flags[i] = info.flags;
    }
    // sentences
    const docBits = new Map<number, number>();
    let si = 0;
    for (const s of sentences) {
      let letterToks = 0, lowerToks = 0, numToks = 0;
      for (let i = s.start; i < s.end; i++) {
        this.sentOf[i] = si;
        this.sentStart[i] = s.start;
        this.sentEnd[i] = s.end;
        const c = this.cap[i];
        if (c !== Cap.None) { letterToks++; if (c === Cap.Lower || c === Cap.Init || c === Cap.Mixed) lowerToks++; }
        if (this.flags[i] & 1) numToks++;
      }
      const ratio = numToks / (s.end - s.start);
      const numB = numToks === 0 ? 0 : ratio < 0.15 ? 1 : ratio < 0.35 ? 2 : 3;
      // a headline: (almost) everything in capitals
      const uc = letterToks >= 2 && lowerToks <= letterToks * 0.25 ? 1 : 0;
      // first word: first token with letters or digits after opening punctuation
      let f = s.start;
      while (f < s.end && this.cap[f] === Cap.None && (this.flags[f] & 1) === 0) f++;
      for (let i = s.start; i < s.end; i++) {
        this.ucSent[i] = uc;
        this.numSent[i] = numB;
        if (i <= f) this.first[i] = 1;
        const c = this.cap[i];
        if (c === Cap.None) continue;
        let bit = 0;
        if (c === Cap.Lower) bit = 1;
        else if (!uc && i > f && c === Cap.Init) bit = 2;
        else if (!uc && c === Cap.All && this.words[i].length > 1) bit = 4;
        else if (!uc && i <= f && c === Cap.Init) bit = 8;
        else if (uc) bit = 16;
        if (bit) docBits.set(this.hLo[i], (docBits.get(this.hLo[i]) ?? 0) | bit);
      }
      // gazetteer matches
      if (gaz) {
        for (let i = s.start; i < s.end; i++) {
          if (this.cap[i] === Cap.None) continue;
          let key = 0;
          const maxJ = Math.min(s.end, i + GAZ_MAX_LEN);
          for (let j = i; j < maxJ; j++) {
            key = gazStep(key, this.hLo[j]);
            const m = gaz.get(key);
            if (m === undefined) continue;
            const len = j - i + 1;
            for (let k = 0; k < 8; k++) {
              if ((m & (1 << k)) === 0) continue;
              for (let t = i; t <= j; t++) {
                const pos = len === 1 ? 0 : t === i ? 1 : t === j ? 3 : 2;
                this.gazMask[t] |= 1 << (k * 4 + pos);
              }
            }
          }
        }
      }
      si++;
    }
    for (let i = 0; i < n; i++) this.docMask[i] = docBits.get(this.hLo[i]) ?? 0;
  }

  /** Install pass-1 tags (one per token) so pass-2 features can be extracted. */
  setPass1(tags: Uint8Array): void {
    this.p2 = new P2Stats(this, tags);
  }
}

/** Document-level statistics of pass-1 predictions: which types other occurrences of a word got. */
export class P2Stats {
  readonly tags: Uint8Array;
  private counts = new Map<number, Int32Array>();
  private tagCounts = new Map<number, Int32Array>();
  constructor(doc: NerDoc, tags: Uint8Array) {
    this.tags = tags;
    for (let i = 0; i < doc.n; i++) {
      const c = doc.cap[i];
      if (c === Cap.None || c === Cap.Lower) continue;
      let a = this.counts.get(doc.hLo[i]);
      if (!a) { a = new Int32Array(5); this.counts.set(doc.hLo[i], a); }
      const t = tags[i];
      a[t === 0 ? 0 : 1 + ((t - 1) >> 1)]++;
      let b = this.tagCounts.get(doc.hLo[i]);
      if (!b) { b = new Int32Array(N_TAGS); this.tagCounts.set(doc.hLo[i], b); }
      b[t]++;
    }
  }
  get(h: number): Int32Array | undefined {
    return this.counts.get(h);
  }
  getTags(h: number): Int32Array | undefined {
    return this.tagCounts.get(h);
  }
}

/**
 * Write the feature hashes of token `i` of `doc` to `out` (from index 0); returns how many.
 * `out` must hold at least MAX_FEATURES entries. Pass-2 features are added when `doc.p2` is set.
 */
export const MAX_FEATURES = 96;
/** Pass-1 features of token `i` (written from index 0); returns how many. */
export function baseFeatures(doc: NerDoc, i: number, out: Uint32Array): number {
  let k = 0;
  const s = doc.sentStart[i];
  const e = doc.sentEnd[i];
  const hL = doc.hL, hSS = doc.hSS;
  const L0 = hL[i], S0 = doc.hS[i], SS0 = hSS[i];
  const Lm1 = i - 1 >= s ? hL[i - 1] : BOS, Lm2 = i - 2 >= s ? hL[i - 2] : BOS;
  const Lp1 = i + 1 < e ? hL[i + 1] : EOS, Lp2 = i + 2 < e ? hL[i + 2] : EOS;
  const SSm1 = i - 1 >= s ? hSS[i - 1] : BOS, SSm2 = i - 2 >= s ? hSS[i - 2] : BOS;
  const SSp1 = i + 1 < e ? hSS[i + 1] : EOS, SSp2 = i + 2 < e ? hSS[i + 2] : EOS;
  const cap = doc.cap[i];
  const uc = doc.ucSent[i];
  const first = doc.first[i];
  out[k++] = h1(T.Bias, 0);
  out[k++] = h1(T.Word, doc.hW[i]);
  out[k++] = h1(T.Lower, L0);
  out[k++] = h1(T.Shape, S0);
  out[k++] = h1(T.SShape, SS0);
  out[k++] = h2(T.WordS, L0, SS0);
  // affixes of the lower-cased word
  const lo = doc.lower[i];
  const n = lo.length;
  if (n > 1) {
    let hp = 0, hs = 0;
    for (let j = 0; j < 4 && j < n; j++) {
      hp = h2(T.Pre, hp, lo.charCodeAt(j));
      out[k++] = hp;
      hs = h2(T.Suf, hs, lo.charCodeAt(n - 1 - j));
      out[k++] = hs;
    }
  }
  out[k++] = h2(T.Flags, doc.flags[i], cap);
  out[k++] = h3(T.FirstShape, first, SS0, uc);
  out[k++] = h1(T.Len, n > 8 ? 8 : n);
  // window
  out[k++] = h2(T.WinL, -2, Lm2);
  out[k++] = h2(T.WinL, -1, Lm1);
  out[k++] = h2(T.WinL, 1, Lp1);
  out[k++] = h2(T.WinL, 2, Lp2);
  out[k++] = h2(T.WinS, -2, SSm2);
  out[k++] = h2(T.WinS, -1, SSm1);
  out[k++] = h2(T.WinS, 1, SSp1);
  out[k++] = h2(T.WinS, 2, SSp2);
  out[k++] = h3(T.BiL, 0, Lm1, L0);
  out[k++] = h3(T.BiL, 1, L0, Lp1);
  out[k++] = h3(T.BiS, 0, SSm1, SS0);
  out[k++] = h3(T.BiS, 1, SS0, SSp1);
  out[k++] = h3(T.TriS, SSm1, SS0, SSp1);
  out[k++] = h2(T.LprevS, Lm1, SS0);
  out[k++] = h2(T.SLnext, SS0, Lp1);
  // tables and results lines
  const nb = doc.numSent[i];
  if (nb >= 2) {
    out[k++] = h2(T.Table, nb, SS0);
    out[k++] = h3(T.TableNb, nb, SSm1, SSp1);
  }
  // headline (all-caps sentence) conjunctions
  if (uc) {
    out[k++] = h1(T.Uc, cap);
    out[k++] = h1(T.UcL, L0);
    out[k++] = h2(T.UcS, SSm1, SSp1);
  }
  // document: how the word is written elsewhere in the document
  if (cap !== Cap.None) {
    const dm = doc.docMask[i];
    out[k++] = h3(T.Doc, dm, cap, uc);
    out[k++] = h3(T.DocCap, dm & 7, first, cap);
  }
  // gazetteers
  const gm = doc.gazMask[i];
  if (gm !== 0) {
    for (let b = 0; b < 32; b++) {
      if ((gm & (1 << b)) === 0) continue;
      out[k++] = h1(T.Gaz, b);
      out[k++] = h3(T.GazCap, b, cap, uc);
      if (k > MAX_FEATURES - 24) break;
    }
  }
  for (let f = 0; f < k; f++) if (out[f] === 0) out[f] = 1; // 0 marks an empty slot in the model table
  return k;
}

/**
 * Write the pass-2 features of token `i` to `out` from index `k`; returns the new count.
 * Needs `doc.p2` (pass-1 labels); does nothing without it.
 */
export function pass2Features(doc: NerDoc, i: number, out: Uint32Array, k: number): number {
  const p2 = doc.p2;
  if (p2) {
    const k0 = k;
    const s = doc.sentStart[i];
    const e = doc.sentEnd[i];
    const cap = doc.cap[i];
    const uc = doc.ucSent[i];
    const own = p2.tags[i];
    const ownType = own === 0 ? 0 : 1 + ((own - 1) >> 1);
    out[k++] = h1(T.P2Own, own);
    out[k++] = h3(T.P2Nb, i - 1 >= s ? p2.tags[i - 1] : 99, own, i + 1 < e ? p2.tags[i + 1] : 99);
    if (cap !== Cap.None && cap !== Cap.Lower) {
      const c = p2.get(doc.hLo[i]);
      let maj = 0;
      if (c) {
        let best = 0;
        for (let t = 1; t < 5; t++) {
          const v = c[t] - (t === ownType ? 1 : 0);
          if (v > 0) out[k++] = h1(T.P2Any, t);
          if (v > best) { best = v; maj = t; }
        }
        const others0 = c[0] - (ownType === 0 ? 1 : 0);
        if (maj === 0 && others0 > 0) out[k++] = h1(T.P2Only, 0);
      }
      out[k++] = h1(T.P2Maj, maj);
      const ct = p2.getTags(doc.hLo[i]);
      if (ct) {
        let bestT = 0, bestV = 0;
        for (let t = 1; t < N_TAGS; t++) {
          const v = ct[t] - (t === own ? 1 : 0);
          if (v > bestV) { bestV = v; bestT = t; }
        }
        out[k++] = h2(T.P2MajTag, bestT, cap === Cap.All ? 1 : 0);
      }
      out[k++] = h3(T.P2OwnMaj, own, maj, uc);
    }
    for (let f = k0; f < k; f++) if (out[f] === 0) out[f] = 1;
  }
  return k;
}

/** All features of token `i`: base features, plus pass-2 features when `doc.p2` is set. */
export function tokenFeatures(doc: NerDoc, i: number, out: Uint32Array): number {
  return pass2Features(doc, i, out, baseFeatures(doc, i, out));
}
