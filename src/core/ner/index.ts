/**
 * Statistical named-entity recognizer: averaged structured perceptron over BIO tags with first-order Viterbi,
 * hashed lexical/shape/context features, document-level case features, gazetteers, and a second pass that sees
 * the first pass's labels for other occurrences of each word in the document. Trained on CoNLL-2003 English
 * (`npm run train`); the model is embedded as a base64 string module (no I/O at runtime).
 */
import { decodeNerModel, type NerModel } from './codec';
import { gazKey, NerDoc } from './features';
import { nerView } from './normalize';
import { refineSpans, type TokSpan } from './refine';
import { base64Decode, tagDocJoint } from './model';
import { NER_MODEL_BASE64 } from './model/data';
import { tokenize, type SentenceRange, type Token } from './tokenize';

export { tokenize, normalizeToken } from './tokenize';
export { isFurnitureLine, joinWrappedLines, nerView } from './normalize';
export type { Token, SentenceRange, Tokenized } from './tokenize';

export interface NameSpan {
  start: number;
  end: number;
  type: 'person' | 'organization' | 'place' | 'group';
}

const TYPE_OF: ReadonlyArray<NameSpan['type']> = ['person', 'organization', 'place', 'group'];

let model: NerModel | null = null;

/** The decoded model (decoded once, on first use). */
export function nerModel(): NerModel {
  if (!model) {
    // The extension-host bundles carry no model (esbuild.mjs): tagging happens in the analysis worker.
    if (!NER_MODEL_BASE64) throw new Error('Analyst Lens: the name model is not in this bundle; reports are analysed in the analysis worker.');
    model = decodeNerModel(base64Decode(NER_MODEL_BASE64));
  }
  return model;
}

/** Longest sentence handed to the tagger; longer runs (e.g. a 1 MB line without punctuation) are cut. */
const MAX_SENTENCE = 250;

export function capSentences(sentences: SentenceRange[]): SentenceRange[] {
  let ok = true;
  for (const s of sentences) if (s.end - s.start > MAX_SENTENCE) { ok = false; break; }
  if (ok) return sentences;
  const out: SentenceRange[] = [];
  for (const s of sentences) {
    for (let a = s.start; a < s.end; a += MAX_SENTENCE) out.push({ start: a, end: Math.min(s.end, a + MAX_SENTENCE) });
  }
  return out;
}

/** Token-level BIO tags (indices into TAGS) for already tokenized text. */
export function tagTokens(tokens: readonly Token[], sentences: SentenceRange[]): Uint8Array {
  const m = nerModel();
  const sents = capSentences(sentences);
  const doc = new NerDoc(tokens.map((t) => t.text), sents, m.gaz);
  return tagDocJoint(m.joint, doc, sents);
}

/** A token that may not begin or end a name span: punctuation, quotes, possessive clitics. */
function isEdgeJunk(t: string): boolean {
  if (t.length === 0) return true;
  const l = t.toLowerCase();
  if (l === "'s" || l === '\u2019s' || l === "'" || l === '\u2019') return true;
  return !/[\p{L}\p{N}]/u.test(t);
}

function hasTok(tokens: readonly Token[], a: number, b: number, t: string): boolean {
  for (let i = a; i <= b; i++) if (tokens[i].text === t) return true;
  return false;
}

/** Named entities in raw text; offsets into `text`, end exclusive. Pure, synchronous, no I/O. */
export function recognizeNames(text: string): NameSpan[] {
  if (typeof text !== 'string' || text.length === 0) return [];
  const { tokens, sentences } = tokenize(nerView(text));
  if (tokens.length === 0) return [];
  return namesFromTags(tokens, tagTokens(tokens, sentences), capSentences(sentences));
}

const gazMask = (lower: string) => nerModel().gaz.get(gazKey([lower])) ?? 0;

/**
 * Name spans of tagged tokens (offsets of the tokens). A span never runs across sentences (I-X cannot start one).
 * With the sentences, person spans are repaired (`refineSpans`: function words, initials, particles, "A and B",
 * things named after people, headline fragments).
 */
export function namesFromTags(tokens: readonly Token[], tags: Uint8Array, sentences?: readonly SentenceRange[]): NameSpan[] {
  let spans: TokSpan[] = [];
  const n = tokens.length;
  let i = 0;
  while (i < n) {
    const t = tags[i];
    if (t === 0) { i++; continue; }
    const kind = (t - 1) >> 1;
    let j = i + 1;
    while (j < n && tags[j] === 2 + 2 * kind) j++;
    spans.push({ a: i, b: j - 1, kind });
    i = j;
  }
  if (sentences) spans = refineSpans(tokens, spans, sentences, gazMask);
  const out: NameSpan[] = [];
  for (const s of spans) {
    const kind = s.kind;
    let a = s.a, b = s.b;
    // keep brackets that are balanced inside the span: "Radnicki (N)", "(Jerry) Koosman"
    while (a <= b && isEdgeJunk(tokens[a].text) && !(tokens[a].text === '(' && hasTok(tokens, a + 1, b, ')'))) a++;
    while (b >= a && isEdgeJunk(tokens[b].text) && !(tokens[b].text === ')' && hasTok(tokens, a, b - 1, '('))) b--;
    if (a <= b) out.push({ start: tokens[a].start, end: tokens[b].end, type: TYPE_OF[kind] });
  }
  return out;
}
