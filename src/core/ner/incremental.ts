/**
 * Incremental tagging: the same two-pass tagging as `tagDocJoint`, over a text cut into blocks (paragraphs), with
 * per-sentence results kept between calls.
 *
 * Why this is exact: a token's pass-1 features depend only on its sentence's tokens and on `docMask` (document
 * level); its pass-2 features depend on its sentence, the pass-1 tags of its sentence and `P2Stats` (document
 * level). So a sentence's pass-1 tags are a function of (sentence tokens, docMask of its tokens), and its pass-2
 * tags a function of (sentence tokens, pass-1 emissions, pass-2 feature hashes of its tokens). Each cached result
 * is stored with exactly that key and reused only when the key is equal. Sentences never cross blocks (a blank line
 * always ends a sentence), so a block tokenized alone gives the same tokens and sentences as the whole text.
 */
import { baseFeatures, MAX_FEATURES, NerDoc, pass2Features } from './features';
import { jointLookup, viterbi } from './model';
import { capSentences, namesFromTags, nerModel, type NameSpan } from './index';
import { tokenize, type SentenceRange, type Token } from './tokenize';

interface SentenceResult {
  /** docMask values of the sentence's tokens the pass-1 result was computed with */
  dm: Uint8Array;
  tags1: Uint8Array;
  /** pass-2 emissions from the base features (pass-2 features are added on top) */
  em2: Float32Array;
  /** pass-2 feature hashes (per token: count, then hashes) the pass-2 result was computed with */
  p2: Uint32Array | null;
  tags2: Uint8Array | null;
}

/** A block of text (offsets relative to the block) prepared for tagging, with its per-sentence results. */
export class NerBlock {
  readonly tokens: Token[];
  readonly sentences: SentenceRange[];
  readonly doc: NerDoc;
  /** distinct lower-case hashes of the block and the docMask bits they get inside the block */
  readonly maskKeys: Uint32Array;
  readonly maskBits: Uint8Array;
  readonly results: Array<SentenceResult | null>;
  /** pass-2 tags of the block's tokens */
  readonly tags: Uint8Array;
  /** names of the block (offsets relative to the block); a new array whenever they change */
  names: NameSpan[] = [];
  private fresh = true;

  constructor(text: string) {
    const { tokens, sentences } = tokenize(text);
    this.tokens = tokens;
    this.sentences = capSentences(sentences);
    this.doc = new NerDoc(tokens.map((t) => t.text), this.sentences, nerModel().gaz);
    const bits = new Map<number, number>();
    for (let i = 0; i < this.doc.n; i++) bits.set(this.doc.hLo[i], this.doc.docMask[i]);
    this.maskKeys = Uint32Array.from(bits.keys());
    this.maskBits = Uint8Array.from(bits.values());
    this.results = new Array<SentenceResult | null>(this.sentences.length).fill(null);
    this.tags = new Uint8Array(this.doc.n);
  }

  /** Called after tagging: recompute the names when a sentence's tags changed. */
  updateNames(changed: boolean): void {
    if (changed || this.fresh) {
      this.names = this.tokens.length ? namesFromTags(this.tokens, this.tags) : [];
      this.fresh = false;
    }
  }
}

/** Fields of NerDoc holding token indices (shifted when blocks are concatenated) and sentence indices. */
const TOKEN_INDEX_FIELDS = new Set(['sentStart', 'sentEnd']);
const SENTENCE_INDEX_FIELDS = new Set(['sentOf']);

/**
 * The NerDoc of the blocks' tokens in order, as `new NerDoc` would build it for the whole token sequence and its
 * sentences, except `docMask` (left zero: the caller fills in the document-level values) and `p2` (null).
 * Built by copying the blocks' arrays: every per-token field of a NerDoc is sentence-local.
 */
export function concatDocs(docs: readonly NerDoc[]): NerDoc {
  let n = 0;
  for (const d of docs) n += d.n;
  const out = Object.create(NerDoc.prototype) as Record<string, unknown>;
  const proto = (docs[0] ?? new NerDoc([], [], null)) as unknown as Record<string, unknown>;
  for (const key of Object.keys(proto)) {
    const v = proto[key];
    if (key === 'n') out.n = n;
    else if (key === 'p2') out.p2 = null;
    else if (key === 'docMask') out.docMask = new Uint8Array(n);
    else if (Array.isArray(v)) {
      const arr = new Array(n);
      let o = 0;
      for (const d of docs) {
        const src = (d as unknown as Record<string, unknown[]>)[key];
        for (let i = 0; i < src.length; i++) arr[o + i] = src[i];
        o += src.length;
      }
      out[key] = arr;
    } else if (ArrayBuffer.isView(v)) {
      const Ctor = (v as unknown as { constructor: new (n: number) => Int32Array }).constructor;
      const arr = new Ctor(n);
      const shiftTok = TOKEN_INDEX_FIELDS.has(key);
      const shiftSent = SENTENCE_INDEX_FIELDS.has(key);
      let o = 0, so = 0;
      for (const d of docs) {
        const src = (d as unknown as Record<string, Int32Array>)[key];
        if (shiftTok && o !== 0) for (let i = 0; i < src.length; i++) arr[o + i] = src[i] + o;
        else if (shiftSent && so !== 0) for (let i = 0; i < src.length; i++) arr[o + i] = src[i] + so;
        else arr.set(src, o);
        o += src.length;
        if (shiftSent) so += d.n === 0 ? 0 : src[src.length - 1] + 1;
      }
      out[key] = arr;
    } else {
      out[key] = v;
    }
  }
  return out as unknown as NerDoc;
}

let featBuf = new Uint32Array(MAX_FEATURES);
let sigBuf = new Uint32Array(1024);

function sameBytes(a: Uint8Array, b: Uint8Array, s: number): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[s + i]) return false;
  return true;
}

/**
 * Tag the blocks of one text (in order). Afterwards each block's `tags` and `names` hold its results, equal to
 * what `recognizeNames` gives for the whole text. Returns how many sentences needed pass 1 / pass 2 again.
 */
export function tagBlocks(blocks: readonly NerBlock[]): { pass1: number; pass2: number } {
  const m = nerModel().joint;
  const nT = m.nTags;
  const w = m.weights;
  const doc = concatDocs(blocks.map((b) => b.doc));
  const n = doc.n;
  // document-level docMask: how each lower-cased word is written anywhere in the text
  const bits = new Map<number, number>();
  for (const b of blocks) {
    const keys = b.maskKeys, vals = b.maskBits;
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i];
      const v = bits.get(k);
      bits.set(k, v === undefined ? vals[i] : v | vals[i]);
    }
  }
  const dm = doc.docMask;
  const hLo = doc.hLo;
  for (let i = 0; i < n; i++) dm[i] = bits.get(hLo[i]) as number;

  // pass 1
  let pass1 = 0;
  const tags1 = new Uint8Array(n);
  let off = 0;
  for (const b of blocks) {
    for (let si = 0; si < b.sentences.length; si++) {
      const s = b.sentences[si];
      const len = s.end - s.start;
      const gs = off + s.start;
      let r = b.results[si];
      if (len > 0 && (r === null || !sameBytes(r.dm, dm, gs))) {
        pass1++;
        const em1 = new Float32Array(len * nT);
        const em2 = new Float32Array(len * nT);
        for (let i = 0; i < len; i++) {
          const k = baseFeatures(doc, gs + i, featBuf);
          const base = i * nT;
          for (let f = 0; f < k; f++) {
            const row = jointLookup(m, featBuf[f]);
            if (row < 0) continue;
            const o = row * 2 * nT;
            for (let t = 0; t < nT; t++) {
              em1[base + t] += w[o + t];
              em2[base + t] += w[o + nT + t];
            }
          }
        }
        const t1 = new Uint8Array(len);
        viterbi(m.trans1, nT, em1, len, t1);
        r = { dm: dm.slice(gs, gs + len), tags1: t1, em2, p2: null, tags2: null };
        b.results[si] = r;
      }
      if (r) tags1.set(r.tags1, gs);
    }
    off += b.doc.n;
  }
  doc.setPass1(tags1);

  // pass 2
  let pass2 = 0;
  off = 0;
  for (const b of blocks) {
    let changed = false;
    for (let si = 0; si < b.sentences.length; si++) {
      const s = b.sentences[si];
      const len = s.end - s.start;
      const r = b.results[si];
      if (len <= 0 || !r) continue;
      const gs = off + s.start;
      // the pass-2 feature hashes of the sentence, each token's preceded by their count
      let pos = 0;
      for (let i = gs; i < gs + len; i++) {
        if (sigBuf.length < pos + MAX_FEATURES + 1) {
          const nb = new Uint32Array(sigBuf.length * 2 + MAX_FEATURES);
          nb.set(sigBuf.subarray(0, pos));
          sigBuf = nb;
        }
        const k = pass2Features(doc, i, sigBuf, pos + 1);
        sigBuf[pos] = k - pos - 1;
        pos = k;
      }
      const old = r.p2;
      let same = old !== null && old.length === pos;
      if (same) for (let j = 0; j < pos; j++) if (old![j] !== sigBuf[j]) { same = false; break; }
      if (!same) {
        pass2++;
        const em2 = r.em2.slice();
        let p = 0;
        for (let i = 0; i < len; i++) {
          const cnt = sigBuf[p++];
          const base = i * nT;
          for (let f = 0; f < cnt; f++) {
            const row = jointLookup(m, sigBuf[p++]);
            if (row < 0) continue;
            const o = row * 2 * nT + nT;
            for (let t = 0; t < nT; t++) em2[base + t] += w[o + t];
          }
        }
        const t2 = new Uint8Array(len);
        viterbi(m.trans2, nT, em2, len, t2);
        r.p2 = sigBuf.slice(0, pos);
        if (!r.tags2 || !sameBytes(r.tags2, t2, 0)) changed = true;
        r.tags2 = t2;
        b.tags.set(t2, s.start);
      }
    }
    b.updateNames(changed);
    off += b.doc.n;
  }
  return { pass1, pass2 };
}
