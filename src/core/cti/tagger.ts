/**
 * The CTI tagger: the news tagger's features and decoder (src/core/ner) with a model trained on threat reports
 * (scripts/train-cti.ts, APTNER): threat actors (APT), malware (MAL), tools (TOOL) and OTHER (not output; codec.ts).
 * Each span carries a confidence: the Viterbi path's margin over the best path that leaves the span out.
 */
import { baseFeatures, MAX_FEATURES, NerDoc, type Gazetteer } from '../ner/features';
import { base64Decode, forEachBioSpan, jointLookup, jointPass2, viterbiSentences, type JointModel } from '../ner/model';
import { capSentences, nerModel } from '../ner';
import type { SentenceRange, Token } from '../ner/tokenize';
import { CTI_MODEL_BASE64 } from './model/data';
import { CTI_KINDS, decodeCtiModel, type CtiModel } from './codec';
import { buildCtiGazetteer } from './gazetteer';

export type CtiKind = (typeof CTI_KINDS)[number];

export interface CtiSpan {
  start: number;
  end: number;
  kind: CtiKind;
  /** Mean per-token score margin of the span's tags over the O tag (quantised weight units); higher is surer. */
  margin: number;
}

let model: CtiModel | null = null;
let gaz: Gazetteer | null = null;

export function ctiModel(): { model: CtiModel; gaz: Gazetteer } {
  if (!model) {
    // The extension-host bundles carry no model (esbuild.mjs): tagging happens in the analysis worker.
    if (!CTI_MODEL_BASE64) throw new Error('Analyst Lens: the threat-intelligence model is not in this bundle; reports are analysed in the analysis worker.');
    model = decodeCtiModel(base64Decode(CTI_MODEL_BASE64));
  }
  if (!gaz) gaz = model.attackGazetteer ? buildCtiGazetteer(nerModel().gaz) : nerModel().gaz;
  return { model, gaz };
}

let buf: Uint32Array | null = null;

/** Tags every sentence of `doc`; returns the tags and the emission scores of the final pass. */
export function tagCtiDoc(m: JointModel, pass2: boolean, doc: NerDoc, sentences: ReadonlyArray<SentenceRange>): { tags: Uint8Array; em: Float32Array } {
  buf ??= new Uint32Array(MAX_FEATURES);
  const nT = m.nTags;
  const n = doc.n;
  const em1 = new Float32Array(n * nT);
  const em2 = pass2 ? new Float32Array(n * nT) : em1;
  const w = m.weights;
  for (let i = 0; i < n; i++) {
    const k = baseFeatures(doc, i, buf!);
    const base = i * nT;
    for (let f = 0; f < k; f++) {
      const r = jointLookup(m, buf![f]);
      if (r < 0) continue;
      const o = r * 2 * nT;
      for (let t = 0; t < nT; t++) {
        em1[base + t] += w[o + t];
        if (pass2) em2[base + t] += w[o + nT + t];
      }
    }
  }
  const tags1 = viterbiSentences(m.trans1, nT, em1, n, sentences);
  if (!pass2) return { tags: tags1, em: em1 };
  return { tags: jointPass2(m, doc, tags1, em2, sentences, buf!), em: em2 };
}

/** Punctuation, quotes and possessives never begin or end a span. */
function isEdgeJunk(t: string): boolean {
  const l = t.toLowerCase();
  if (l === "'s" || l === '\u2019s') return true;
  return !/[\p{L}\p{N}]/u.test(t);
}

/** CTI spans of tokenized text (offsets of the tokens). */
export function ctiSpansOfTokens(tokens: readonly Token[], sentences: SentenceRange[]): CtiSpan[] {
  if (tokens.length === 0) return [];
  const { model: m, gaz: g } = ctiModel();
  const sents = capSentences(sentences);
  const doc = new NerDoc(tokens.map((t) => t.text), sents, g);
  const { tags, em } = tagCtiDoc(m.joint, m.pass2, doc, sents);
  const nT = m.joint.nTags;
  const out: CtiSpan[] = [];
  forEachBioSpan(tags, (i, j, k) => {
    let a = i, b = j - 1;
    while (a <= b && isEdgeJunk(tokens[a].text)) a++;
    while (b >= a && isEdgeJunk(tokens[b].text)) b--;
    if (a <= b) {
      let margin = 0;
      for (let x = a; x <= b; x++) margin += em[x * nT + tags[x]] - em[x * nT];
      out.push({ start: tokens[a].start, end: tokens[b].end, kind: CTI_KINDS[k], margin: margin / (b - a + 1) });
    }
  });
  return out;
}
