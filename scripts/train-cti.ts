/**
 * Train the CTI tagger shipped in src/core/cti/model/data.ts (threat actors, malware, tools, security teams).
 *
 *   npx tsx scripts/train-cti.ts [--dry] [--epochs N] [--min-count N] [--quant S] [--prune P] [--doc N] [--pass2]
 *                                [--no-attack] [--other TYPES]
 *
 * Reads APTNER (../shared/eval/ner-extra/aptner-train.bio.conll; dev for the printed scores): threat-report sentences
 * in BIO with 21 types, of which APT, MAL and TOOL are learnt, and a fourth kind OTHER (not output) from --other
 * (default FILE,ACT,OS,PROT,IDTY,SECTEAM: file names, attack actions, operating systems, protocols, identities and
 * security teams, the types APTNER gives words that are tools or malware elsewhere: "Word", "email", "PowerShell";
 * ALL for every other type);
 * the rest are O. --prune P drops quantised weights of magnitude P or less (the size budget). APTNER has no document
 * boundaries: consecutive sentences are grouped into pseudo-documents of --doc sentences (default 20) so the
 * document features (how a word is written elsewhere, pass 2) see a report-sized context.
 * Same machinery as the news tagger (src/core/ner: features, averaged structured perceptron, Viterbi, joint two-pass
 * encoding); the gazetteer is src/core/cti/gazetteer.ts (news places and names + ATT&CK group/malware/tool names).
 * Deterministic: seeded shuffles.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { averaged, indexFeatures, mulberry32, quantiseBy, spanKeys, type Trained } from './train-common';
import { MAX_FEATURES, N_TAGS, NerDoc, tokenFeatures } from '../src/core/ner/features';
import { base64Encode, buildModel, ByteWriter, encodeJoint, tagDoc, viterbi, type LinearModel } from '../src/core/ner/model';
import { tagCtiDoc } from '../src/core/cti/tagger';
import { nerModel } from '../src/core/ner';
import { buildCtiGazetteer } from '../src/core/cti/gazetteer';
import { CTI_KINDS, decodeCtiModel, writeCtiMagic } from '../src/core/cti/codec';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..');
const shared = path.resolve(process.env.ANALYST_LENS_SHARED ?? path.resolve(repo, '../shared'), 'eval/ner-extra');
const TRAIN = path.join(shared, 'aptner-train.bio.conll');
const DEV = path.join(shared, 'aptner-dev.bio.conll');
const OUT = path.join(repo, 'src/core/cti/model/data.ts');

const argv = process.argv.slice(2);
const opt = (name: string, def: number) => {
  const i = argv.indexOf(name);
  return i >= 0 ? Number(argv[i + 1]) : def;
};
const EPOCHS = opt('--epochs', 12);
const MIN_COUNT = opt('--min-count', 2);
const QUANT = opt('--quant', 8);
const DOC = opt('--doc', 20);
const PRUNE = opt('--prune', 10);
const FOLDS = 2;
// pass 2 (document-level labels) adds little on APTNER dev and doubles the model
const PASS2 = argv.includes('--pass2');
const NO_ATTACK = argv.includes('--no-attack');
const DRY = argv.includes('--dry');

if (!fs.existsSync(TRAIN)) {
  console.error(`train-cti: training data not found at ${TRAIN}\n` +
    'APTNER lives in shared/eval/ner-extra/ beside the repository checkout (or set ANALYST_LENS_SHARED).');
  process.exit(1);
}

interface TrainDoc { words: string[]; gold: Uint8Array; sentences: { start: number; end: number }[] }

/** APTNER type -> kind index (tag B = 1 + 2k, I = 2 + 2k); other types are O. */
const KIND = new Map<string, number>(CTI_KINDS.map((k, i) => [k, i]));
const OTHER = new Set((() => { const i = argv.indexOf('--other'); return i >= 0 ? argv[i + 1] : 'FILE,ACT,OS,PROT,IDTY,SECTEAM'; })().split(','));
/** APTNER type -> kind index: APT, MAL, TOOL; the --other types OTHER; the rest O (undefined). */
const kindOf = (type: string): number | undefined => {
  const k = KIND.get(type);
  if (k !== undefined && CTI_KINDS[k] !== 'OTHER') return k;
  return type !== '' && (OTHER.has(type) || OTHER.has('ALL')) ? KIND.get('OTHER') : undefined;
};

function readAptner(file: string): TrainDoc[] {
  const sents: { words: string[]; tags: number[] }[] = [];
  let cur: { words: string[]; tags: number[] } = { words: [], tags: [] };
  let prev = '';
  for (const raw of fs.readFileSync(file, 'utf8').split(/\r?\n/)) {
    const line = raw.trim();
    if (!line) { if (cur.words.length) sents.push(cur); cur = { words: [], tags: [] }; prev = ''; continue; }
    const cols = line.split(/\s+/);
    const tag = cols[cols.length - 1];
    const type = tag === 'O' ? '' : tag.slice(2);
    const k = kindOf(type);
    let t = 0;
    if (k !== undefined) t = tag.startsWith('B-') || prev !== type ? 1 + 2 * k : 2 + 2 * k;
    prev = type;
    cur.words.push(cols[0]);
    cur.tags.push(t);
  }
  if (cur.words.length) sents.push(cur);
  const docs: TrainDoc[] = [];
  for (let i = 0; i < sents.length; i += DOC) {
    const words: string[] = [], tags: number[] = [], sentences: { start: number; end: number }[] = [];
    for (const s of sents.slice(i, i + DOC)) {
      sentences.push({ start: words.length, end: words.length + s.words.length });
      words.push(...s.words);
      tags.push(...s.tags);
    }
    docs.push({ words, gold: Uint8Array.from(tags), sentences });
  }
  return docs;
}

// ---------------------------------------------------------------- perceptron (as in scripts/train.ts)



function train(docs: TrainDoc[], nerDocs: NerDoc[], label: string, seed: number): Trained {
  const t0 = Date.now();
  const buf = new Uint32Array(MAX_FEATURES);
  // pass A: the features seen often enough, numbered
  const { index, hashList, nTok } = indexFeatures(nerDocs, MIN_COUNT);
  const F = hashList.length;
  const offs = new Int32Array(nTok + 1);
  let feats = new Int32Array(nTok * 40);
  const gold = new Uint8Array(nTok);
  const sents: Array<[number, number]> = [];
  let p = 0, g = 0;
  for (let di = 0; di < nerDocs.length; di++) {
    const d = nerDocs[di];
    for (const s of docs[di].sentences) sents.push([g + s.start, g + s.end]);
    for (let i = 0; i < d.n; i++) {
      const k = tokenFeatures(d, i, buf);
      if (feats.length < p + k) { const nf = new Int32Array(feats.length * 2); nf.set(feats); feats = nf; }
      for (let f = 0; f < k; f++) { const ix = index.get(buf[f]); if (ix !== undefined) feats[p++] = ix; }
      gold[g] = docs[di].gold[i];
      offs[++g] = p;
    }
  }
  const nT = N_TAGS;
  const w = new Float64Array(F * nT), acc = new Float64Array(F * nT);
  const TR = (nT + 1) * nT;
  const tw = new Float64Array(TR), tacc = new Float64Array(TR);
  const rnd = mulberry32(seed);
  const order = sents.map((_, i) => i);
  let c = 1;
  let em = new Float32Array(256 * nT);
  let pred = new Uint8Array(256);
  const trans32 = new Float32Array(TR);
  for (let ep = 0; ep < EPOCHS; ep++) {
    for (let i = order.length - 1; i > 0; i--) { const j = Math.floor(rnd() * (i + 1)); const t = order[i]; order[i] = order[j]; order[j] = t; }
    let errs = 0;
    for (let i = 0; i < TR; i++) trans32[i] = tw[i];
    for (const si of order) {
      const [a, b] = sents[si];
      const n = b - a;
      if (em.length < n * nT) { em = new Float32Array(n * nT * 2); pred = new Uint8Array(n * 2); }
      em.fill(0, 0, n * nT);
      for (let i = a; i < b; i++) {
        const base = (i - a) * nT;
        for (let f = offs[i]; f < offs[i + 1]; f++) {
          const o = feats[f] * nT;
          for (let t = 0; t < nT; t++) em[base + t] += w[o + t];
        }
      }
      viterbi(trans32, nT, em, n, pred);
      let wrong = false;
      for (let i = 0; i < n; i++) if (pred[i] !== gold[a + i]) { wrong = true; break; }
      if (wrong) {
        errs++;
        for (let i = 0; i < n; i++) {
          const gt = gold[a + i], pt = pred[i];
          if (gt !== pt) {
            for (let f = offs[a + i]; f < offs[a + i + 1]; f++) {
              const o = feats[f] * nT;
              w[o + gt] += 1; acc[o + gt] += c;
              w[o + pt] -= 1; acc[o + pt] -= c;
            }
          }
          const gp = i === 0 ? nT : gold[a + i - 1];
          const pp = i === 0 ? nT : pred[i - 1];
          if (gp !== pp || gt !== pt) {
            tw[gp * nT + gt] += 1; tacc[gp * nT + gt] += c;
            tw[pp * nT + pt] -= 1; tacc[pp * nT + pt] -= c;
            trans32[gp * nT + gt] = tw[gp * nT + gt];
            trans32[pp * nT + pt] = tw[pp * nT + pt];
          }
        }
      }
      c++;
    }
    if (ep === EPOCHS - 1 || ep % 4 === 0) console.log(`  [${label}] epoch ${ep + 1}/${EPOCHS}: ${errs} of ${order.length} sentences wrong (${((Date.now() - t0) / 1000).toFixed(1)}s)`);
  }
  const { weights, trans } = averaged(w, acc, tw, tacc, c, nT);
  console.log(`  [${label}] ${F} features (count >= ${MIN_COUNT}), ${nTok} tokens`);
  return { hashes: Uint32Array.from(hashList), weights, trans };
}

/** Quantised weights; with --prune P, weights of magnitude P or less (quantised units) are dropped (smaller model). */
function quantise(m: Trained): Trained {
  const q = quantiseBy(m, QUANT);
  if (PRUNE > 0) for (let i = 0; i < q.weights.length; i++) if (Math.abs(q.weights[i]) <= PRUNE) q.weights[i] = 0;
  return q;
}
const toModel = (m: Trained): LinearModel => buildModel(N_TAGS, m.trans, m.hashes, m.weights);

function evaluate(docs: TrainDoc[], predicted: Uint8Array[]): string {
  const tp = [0, 0, 0, 0], fp = [0, 0, 0, 0], fn = [0, 0, 0, 0];
  docs.forEach((d, di) => {
    const g = spanKeys(d.gold), p = spanKeys(predicted[di]);
    for (const s of p) { const k = +s.split(':')[2]; if (g.has(s)) tp[k]++; else fp[k]++; }
    for (const s of g) { const k = +s.split(':')[2]; if (!p.has(s)) fn[k]++; }
  });
  const f = (a: number, b: number, c: number) => (2 * a) / (2 * a + b + c || 1);
  const parts = CTI_KINDS.map((n, k) => `${n} ${(100 * f(tp[k], fp[k], fn[k])).toFixed(1)} (P ${(100 * tp[k] / (tp[k] + fp[k] || 1)).toFixed(0)} R ${(100 * tp[k] / (tp[k] + fn[k] || 1)).toFixed(0)})`);
  const mt = tp[0] + tp[1] + tp[2], mp = fp[0] + fp[1] + fp[2], mn = fn[0] + fn[1] + fn[2];
  return `micro(APT+MAL+TOOL) F1 ${(100 * f(mt, mp, mn)).toFixed(2)}  ${parts.join('  ')}`;
}

const tagAll = (m: LinearModel, docs: TrainDoc[], nds: NerDoc[]) => nds.map((d, i) => tagDoc(m, d, docs[i].sentences));

// ---------------------------------------------------------------- main

const T0 = Date.now();
const trainDocs = readAptner(TRAIN);
const devDocs = fs.existsSync(DEV) ? readAptner(DEV) : [];
console.log(`train-cti: ${trainDocs.length} pseudo-documents of ${DOC} sentences, ${trainDocs.reduce((a, d) => a + d.words.length, 0)} tokens; dev ${devDocs.length}`);
const gaz = NO_ATTACK ? new Map(nerModel().gaz) : buildCtiGazetteer(nerModel().gaz);
const mk = (d: TrainDoc) => new NerDoc(d.words, d.sentences, gaz);
const trainND = trainDocs.map(mk);
const devND = devDocs.map(mk);

console.log('pass 1');
const p1q = quantise(train(trainDocs, trainND, 'pass1', 1));
const p1m = toModel(p1q);
const devP1 = tagAll(p1m, devDocs, devND);
if (devDocs.length) console.log(`  dev pass1 quantised: ${evaluate(devDocs, devP1)}`);

let p2q: Trained | null = null;
if (PASS2) {
  const jack: Uint8Array[] = new Array(trainDocs.length);
  for (let k = 0; k < FOLDS; k++) {
    const idx = trainDocs.map((_, i) => i).filter((i) => i % FOLDS !== k);
    const mm = toModel(quantise(train(idx.map((i) => trainDocs[i]), idx.map((i) => trainND[i]), `fold${k}`, 10 + k)));
    trainDocs.forEach((d, i) => { if (i % FOLDS === k) jack[i] = tagDoc(mm, trainND[i], d.sentences); });
  }
  trainND.forEach((d, i) => d.setPass1(jack[i]));
  console.log('pass 2');
  p2q = quantise(train(trainDocs, trainND, 'pass2', 2));
  if (devDocs.length) {
    devND.forEach((d, i) => d.setPass1(devP1[i]));
    console.log(`  dev pass2 quantised: ${evaluate(devDocs, tagAll(toModel(p2q), devDocs, devND))}`);
  }
}

const w = new ByteWriter();
writeCtiMagic(w);
w.byte(NO_ATTACK ? 0 : 1);
// pass 1 only: the same weights twice would waste space, so a one-pass model stores pass 2 as empty
encodeJoint(w, N_TAGS, p1q, p2q ?? { trans: new Float32Array((N_TAGS + 1) * N_TAGS), hashes: new Uint32Array(0), weights: new Float32Array(0) });
w.byte(p2q ? 1 : 0);
const bytes = w.bytes();
if (devDocs.length) {
  const shipped = decodeCtiModel(bytes);
  const nds = devDocs.map((d) => new NerDoc(d.words, d.sentences, gaz));
  const pred = nds.map((d, i) => tagCtiDoc(shipped.joint, shipped.pass2, d, devDocs[i].sentences).tags);
  console.log(`  dev shipped model (decoded, joint inference): ${evaluate(devDocs, pred)}`);
}
const b64 = base64Encode(bytes);
const src = `// Generated by scripts/train-cti.ts. Do not edit.\n` +
  `// CTI tagger (threat actors, malware, tools) trained on APTNER train (threat-report sentences;\n` +
  `// github.com/wangxuren/APTNER, licence: none stated). Gazetteer: the news model's + MITRE ATT&CK names.\n` +
  `// ${bytes.length} bytes, base64. Options: epochs=${EPOCHS} minCount=${MIN_COUNT} quant=${QUANT} prune=${PRUNE} doc=${DOC} pass2=${PASS2} attack=${!NO_ATTACK} other=${[...OTHER].join(',')}.\n` +
  `export const CTI_MODEL_BASE64 =\n  '${b64}';\n`;
if (!DRY) {
  fs.mkdirSync(path.dirname(OUT), { recursive: true });
  fs.writeFileSync(OUT, src);
  console.log(`wrote ${path.relative(repo, OUT)}: ${src.length} bytes on disk (${bytes.length} bytes binary)`);
} else console.log(`dry run: model would be ${src.length} bytes on disk`);
console.log(`done in ${((Date.now() - T0) / 1000).toFixed(1)}s`);
