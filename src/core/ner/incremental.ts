/**
 * Incremental tagging: the same two-pass tagging as `tagDocJoint`, over a text cut into blocks (paragraphs between
 * blank lines), keeping results between calls.
 *
 * Why this is exact: a token's pass-1 features depend only on its sentence's tokens and on `docMask` (document
 * level: how its lower-cased word is written anywhere); its pass-2 features depend on its sentence, the pass-1 tags
 * of its sentence and `P2Stats` (document level: the pass-1 labels of the word's other occurrences). So
 *  - a sentence's pass-1 result is a function of (its tokens, the docMask of its tokens): it is kept with that
 *    docMask and recomputed when a docMask value differs;
 *  - its pass-2 result is a function of (pass-1 emissions, the pass-2 feature hashes of its tokens): it is kept
 *    with those hashes and recomputed when they differ.
 * The document-level statistics are kept as counts (per word: blocks with each docMask bit; capitalised occurrences
 * per pass-1 label), updated by the blocks and sentences that changed; only sentences holding a word whose
 * statistics changed are checked again. Sentences never cross blocks (a blank line always ends a sentence, and
 * the tokenizer looks no further than the next line), so a block tokenized alone gives the same tokens and
 * sentences as the whole text.
 */
import { baseFeatures, MAX_FEATURES, NerDoc, P2Stats, pass2Features } from './features';
import { jointLookup, viterbi } from './model';
import { capSentences, namesFromTags, nerModel, type NameSpan } from './index';
import { nerView } from './normalize';
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
  /** tokens, sentences and features of the block alone (its docMask is the block's own: see `gdm`) */
  readonly doc: NerDoc;
  /** distinct lower-case hashes of the block -> the docMask bits they get inside the block */
  readonly words: Map<number, number>;
  /** per sentence: its tokens, joined (key of results carried over from an earlier version of the block) */
  readonly keys: string[];
  /** docMask values of the tokens in the whole document */
  readonly gdm: Uint8Array;
  results: Array<SentenceResult | null>;
  readonly tags1: Uint8Array;
  /** pass-2 tags of the block's tokens */
  readonly tags: Uint8Array;
  /** names of the block (offsets relative to the block); a new array whenever they change */
  names: NameSpan[] = [];
  /** whether the results are those of the current document */
  tagged = false;

  constructor(text: string) {
    const { tokens, sentences } = tokenize(nerView(text));
    this.tokens = tokens;
    this.sentences = capSentences(sentences);
    const doc = new NerDoc(tokens.map((t) => t.text), this.sentences, nerModel().gaz);
    this.doc = doc;
    this.words = new Map();
    for (let i = 0; i < doc.n; i++) this.words.set(doc.hLo[i], doc.docMask[i]);
    this.keys = this.sentences.map((s) => tokens.slice(s.start, s.end).map((t) => t.text).join('\u0001'));
    this.gdm = new Uint8Array(doc.n);
    this.results = new Array<SentenceResult | null>(this.sentences.length).fill(null);
    this.tags1 = new Uint8Array(doc.n);
    this.tags = new Uint8Array(doc.n);
  }
}

const featBuf = new Uint32Array(MAX_FEATURES);
let sigBuf = new Uint32Array(1024);
/** emission scores being summed (viterbi reads only the first len x nTags) */
let scratch = new Float32Array(64 * 9);

function sameBytes(a: Uint8Array, b: Uint8Array, s: number): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[s + i]) return false;
  return true;
}

/** Pass 1 of tokens [s, e) of `doc` (whose docMask holds the document-level values). */
function pass1(doc: NerDoc, s: number, e: number): SentenceResult {
  const m = nerModel().joint;
  const nT = m.nTags;
  const w = m.weights;
  const len = e - s;
  if (scratch.length < len * nT) scratch = new Float32Array(len * nT * 2);
  const em1 = scratch;
  em1.fill(0, 0, len * nT);
  const em2 = new Float32Array(len * nT);
  for (let i = 0; i < len; i++) {
    const k = baseFeatures(doc, s + i, featBuf);
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
  const tags1 = new Uint8Array(len);
  viterbi(m.trans1, nT, em1, len, tags1);
  return { dm: doc.docMask.slice(s, e), tags1, em2, p2: null, tags2: null };
}

/** Pass 2 of tokens [s, e) of `doc` (p2 set); returns true when the result was computed again. */
function pass2(doc: NerDoc, s: number, e: number, r: SentenceResult): boolean {
  // the pass-2 feature hashes of the sentence, each token's preceded by their count
  let pos = 0;
  for (let i = s; i < e; i++) {
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
  if (old !== null && old.length === pos) {
    let same = true;
    for (let j = 0; j < pos; j++) if (old[j] !== sigBuf[j]) { same = false; break; }
    if (same) return false;
  }
  const m = nerModel().joint;
  const nT = m.nTags;
  const w = m.weights;
  const len = e - s;
  if (scratch.length < len * nT) scratch = new Float32Array(len * nT * 2);
  const em2 = scratch;
  em2.set(r.em2);
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
  r.tags2 = t2;
  return true;
}

/** Whether the block holds one of the words. */
function holdsAny(b: NerBlock, words: ReadonlySet<number>): boolean {
  if (words.size === 0) return false;
  if (words.size > b.words.size) {
    for (const h of b.words.keys()) if (words.has(h)) return true;
    return false;
  }
  for (const h of words) if (b.words.has(h)) return true;
  return false;
}

/** The block's doc as the whole document sees it: document-level docMask, and P2 statistics when given. */
function view(b: NerBlock, p2: P2Stats | null): NerDoc {
  const v = Object.assign(Object.create(NerDoc.prototype) as NerDoc, b.doc) as unknown as Record<string, unknown>;
  v.docMask = b.gdm;
  v.p2 = p2;
  return v as unknown as NerDoc;
}

/** Keeps the document-level statistics of the blocks of one changing text; `tag` brings every block up to date. */
export class IncrementalTagger {
  /** occurrences of each block in the latest text */
  private mult = new Map<NerBlock, number>();
  /** per word: number of block occurrences with each docMask bit (0..7), and holding the word at all (8) */
  private maskCounts = new Map<number, Int32Array>();
  /** per word: its document-level docMask */
  private mask = new Map<number, number>();
  private counts = new Map<number, Int32Array>();
  private tagCounts = new Map<number, Int32Array>();

  /**
   * Tag the blocks of a text (in order). Afterwards each block's `tags` and `names` hold its results, equal to
   * what `recognizeNames` gives for the whole text. Returns how many sentences needed pass 1 / pass 2 again.
   */
  tag(blocks: readonly NerBlock[]): { pass1: number; pass2: number } {
    const cur = new Map<NerBlock, number>();
    for (const b of blocks) cur.set(b, (cur.get(b) ?? 0) + 1);
    const old = this.mult;
    // blocks with fewer occurrences than before (and how many fewer), blocks with more (and how many more)
    const removed: NerBlock[] = [], removedK: number[] = [], added: NerBlock[] = [], addedK: number[] = [];
    old.forEach((n, b) => { const n2 = cur.get(b) ?? 0; if (n2 < n) { removed.push(b); removedK.push(n - n2); } });
    cur.forEach((n, b) => { const n0 = old.get(b) ?? 0; if (n > n0) { added.push(b); addedK.push(n - n0); } });
    const distinct = [...cur.keys()];

    // 1. docMask: block occurrences removed and added
    const maskTouched = new Set<number>();
    const addMask = (b: NerBlock, k: number) => {
      for (const [h, bits] of b.words) {
        let c = this.maskCounts.get(h);
        if (!c) { c = new Int32Array(9); this.maskCounts.set(h, c); }
        for (let j = 0; j < 8; j++) if (bits & (1 << j)) c[j] += k;
        c[8] += k;
        maskTouched.add(h);
      }
    };
    for (let j = 0; j < removed.length; j++) addMask(removed[j], -removedK[j]);
    for (let j = 0; j < added.length; j++) addMask(added[j], addedK[j]);
    const maskChanged = new Set<number>();
    for (const h of maskTouched) {
      const c = this.maskCounts.get(h) as Int32Array;
      if (c[8] === 0) {
        this.maskCounts.delete(h);
        this.mask.delete(h);
        continue;
      }
      let v = 0;
      for (let j = 0; j < 8; j++) if (c[j] > 0) v |= 1 << j;
      if (this.mask.get(h) !== v) { this.mask.set(h, v); maskChanged.add(h); }
    }

    // 2. P2 statistics: remove the occurrences that are gone (with the tags they had)
    const p2Before = new Map<number, Int32Array | null>();
    const countSentence = (b: NerBlock, s: number, e: number, tags: Uint8Array, off: number, k: number) => {
      const doc = b.doc;
      for (let i = s; i < e; i++) {
        const h = doc.hLo[i];
        if (!p2Before.has(h)) {
          const a = this.counts.get(h);
          const t = this.tagCounts.get(h);
          if (a && t) { const snap = new Int32Array(a.length + t.length); snap.set(a); snap.set(t, a.length); p2Before.set(h, snap); }
          else p2Before.set(h, null);
        }
        P2Stats.count(doc, i, tags[i - off], k, this.counts, this.tagCounts);
      }
    };
    const spare = new Map<string, SentenceResult>();
    for (let j = 0; j < removed.length; j++) {
      const b = removed[j];
      if (!b.tagged) continue;
      const n2 = cur.get(b) ?? 0;
      countSentence(b, 0, b.doc.n, b.tags1, 0, -removedK[j]);
      if (n2 === 0) {
        // gone from the text: its sentence results may serve the block that replaced it
        for (let si = 0; si < b.sentences.length; si++) { const r = b.results[si]; if (r) spare.set(b.keys[si], r); }
        b.tagged = false;
        b.results = new Array<SentenceResult | null>(b.sentences.length).fill(null);
      }
    }

    // 3. pass 1: new blocks, and sentences holding a word whose docMask changed
    let n1 = 0;
    const check2 = new Map<NerBlock, Uint8Array>();
    for (const b of distinct) {
      const doc = b.doc;
      const sents = b.sentences;
      if (!b.tagged) {
        for (let i = 0; i < doc.n; i++) b.gdm[i] = this.mask.get(doc.hLo[i]) as number;
        let v: NerDoc | null = null;
        for (let si = 0; si < sents.length; si++) {
          const s = sents[si];
          if (s.end <= s.start) continue;
          let r = spare.get(b.keys[si]) ?? null;
          if (r && !sameBytes(r.dm, b.gdm, s.start)) r = null;
          if (r) spare.delete(b.keys[si]);
          else { v ??= view(b, null); r = pass1(v, s.start, s.end); n1++; }
          b.results[si] = r;
          b.tags1.set(r.tags1, s.start);
        }
        check2.set(b, new Uint8Array(sents.length).fill(1));
        continue;
      }
      if (!holdsAny(b, maskChanged)) continue;
      const marks = new Uint8Array(sents.length);
      for (let i = 0; i < doc.n; i++) {
        const h = doc.hLo[i];
        if (maskChanged.has(h)) { b.gdm[i] = this.mask.get(h) as number; marks[doc.sentOf[i]] = 1; }
      }
      const survivors = Math.min(cur.get(b) as number, old.get(b) ?? 0);
      let v: NerDoc | null = null;
      let m2: Uint8Array | null = null;
      for (let si = 0; si < sents.length; si++) {
        if (!marks[si]) continue;
        const s = sents[si];
        const r = b.results[si];
        if (s.end <= s.start || !r || sameBytes(r.dm, b.gdm, s.start)) continue;
        v ??= view(b, null);
        const r2 = pass1(v, s.start, s.end);
        n1++;
        b.results[si] = r2;
        if (!sameBytes(r2.tags1, r.tags1, 0)) {
          countSentence(b, s.start, s.end, r.tags1, s.start, -survivors);
          countSentence(b, s.start, s.end, r2.tags1, s.start, survivors);
          b.tags1.set(r2.tags1, s.start);
        }
        m2 ??= new Uint8Array(sents.length);
        m2[si] = 1;
      }
      if (m2) check2.set(b, m2);
    }

    // 4. P2 statistics: add the new occurrences
    // (a block not tagged yet is new: all its occurrences are in `added`)
    for (let j = 0; j < added.length; j++) countSentence(added[j], 0, added[j].doc.n, added[j].tags1, 0, addedK[j]);
    const p2Changed = new Set<number>();
    for (const [h, snap] of p2Before) {
      const a = this.counts.get(h);
      const t = this.tagCounts.get(h);
      if (!a || !t) { if (snap) p2Changed.add(h); continue; }
      let total = 0;
      for (let j = 0; j < a.length; j++) total += a[j];
      if (total === 0) {
        this.counts.delete(h);
        this.tagCounts.delete(h);
        if (snap) p2Changed.add(h);
        continue;
      }
      let same = snap !== null;
      if (snap) {
        for (let j = 0; j < a.length && same; j++) if (snap[j] !== a[j]) same = false;
        for (let j = 0; j < t.length && same; j++) if (snap[a.length + j] !== t[j]) same = false;
      }
      if (!same) p2Changed.add(h);
    }

    // 5. pass 2: sentences whose pass 1 changed, and sentences holding a word whose P2 statistics changed
    let n2 = 0;
    for (const b of distinct) {
      const doc = b.doc;
      const sents = b.sentences;
      let marks = check2.get(b) ?? null;
      const fresh = !b.tagged;
      if (!fresh && holdsAny(b, p2Changed)) {
        marks ??= new Uint8Array(sents.length);
        for (let i = 0; i < doc.n; i++) if (p2Changed.has(doc.hLo[i])) marks[doc.sentOf[i]] = 1;
      }
      if (marks) {
        const v = view(b, P2Stats.view(b.tags1, this.counts, this.tagCounts));
        let changed = fresh;
        for (let si = 0; si < sents.length; si++) {
          if (!marks[si]) continue;
          const s = sents[si];
          const r = b.results[si];
          if (s.end <= s.start || !r) continue;
          const before = r.tags2;
          if (pass2(v, s.start, s.end, r)) {
            n2++;
            if (!before || !sameBytes(before, r.tags2 as Uint8Array, 0)) changed = true;
          }
          if (fresh || r.tags2 !== before) b.tags.set(r.tags2 as Uint8Array, s.start);
        }
        if (changed) b.names = doc.n ? namesFromTags(b.tokens, b.tags, b.sentences) : [];
      }
      b.tagged = true;
    }
    this.mult = cur;
    return { pass1: n1, pass2: n2 };
  }
}
