/**
 * Shrinks the shipped NER model without retraining: divides the quantised weights by S (coarser steps: smaller
 * varints), drops weights with |w| <= T (both passes) and the feature rows left empty, then writes
 * src/core/ner/model/data.ts again. Deterministic. Run it once on a freshly trained model.
 *
 *   npx tsx scripts/prune-model.ts --scale 2 --prune 1 [--dry]
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodeNerModel, encodeGazetteer, writeMagic } from '../src/core/ner/codec';
import { base64Decode, base64Encode, ByteWriter, encodeJoint } from '../src/core/ner/model';
import { NER_MODEL_BASE64 } from '../src/core/ner/model/data';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT = path.join(repo, 'src/core/ner/model/data.ts');
const argv = process.argv.slice(2);
const T = argv.includes('--prune') ? Number(argv[argv.indexOf('--prune') + 1]) : 1;
/** --scale S: weights and transitions divided by S and rounded (coarser quantisation: smaller varints) */
const S = argv.includes('--scale') ? Number(argv[argv.indexOf('--scale') + 1]) : 1;
const q = (v: number) => Math.round(v / S);
const m = decodeNerModel(base64Decode(NER_MODEL_BASE64));
const { nTags: nT, table, weights, trans1, trans2 } = m.joint;
const rows: Array<[number, number]> = [];
for (let p = 0; p < table.length; p += 2) if (table[p] !== 0) rows.push([table[p] >>> 0, table[p + 1]]);
rows.sort((a, b) => a[0] - b[0]);
const hashes: number[] = [];
const w1: number[] = [], w2: number[] = [];
for (const [h, r] of rows) {
  const o = r * 2 * nT;
  let keep = false;
  const a: number[] = [], b: number[] = [];
  for (let t = 0; t < nT; t++) {
    const x = Math.abs(q(weights[o + t])) > T ? q(weights[o + t]) : 0;
    const y = Math.abs(q(weights[o + nT + t])) > T ? q(weights[o + nT + t]) : 0;
    if (x || y) keep = true;
    a.push(x); b.push(y);
  }
  if (keep) { hashes.push(h); w1.push(...a); w2.push(...b); }
}
const w = new ByteWriter();
writeMagic(w);
encodeGazetteer(w, m.gaz);
encodeJoint(w, nT, { trans: Array.from(trans1, q), hashes, weights: w1 }, { trans: Array.from(trans2, q), hashes, weights: w2 });
const bytes = w.bytes();
const old = fs.readFileSync(OUT, 'utf8');
const header = old.split('\n').filter((l) => l.startsWith('//')).map((l) => l.replace(/ Pruned: .*$/, ''));
header[header.length - 1] = header[header.length - 1].replace(/\d+ bytes, base64/, `${bytes.length} bytes, base64`);
header[header.length - 1] += ` Pruned: weights / ${S}, |w| <= ${T} dropped (scripts/prune-model.ts), ${hashes.length} of ${rows.length} features kept.`;
const src = header.join('\n') + `\nexport const NER_MODEL_BASE64 =\n  '${base64Encode(bytes)}';\n`;
console.log(`features ${rows.length} -> ${hashes.length}; ${old.length} -> ${src.length} bytes on disk (${bytes.length} binary)`);
if (!argv.includes('--dry')) fs.writeFileSync(OUT, src);
