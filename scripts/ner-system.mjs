// score.mjs system module for the statistical NER tagger (src/core/ner).
//   node ../shared/eval/score.mjs --data ../shared/eval/conll2003-dev.txt --system ./scripts/ner-system.mjs [--detok]
// Bundles src/core/ner/index.ts with esbuild to out/ner.cjs (the same way the product bundles embed the model),
// then maps our types to the scorer's: person -> PER, organization -> ORG, place -> LOC, group -> MISC.
import { buildSync } from 'esbuild';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outfile = path.join(repo, 'out/ner.cjs');
buildSync({
  entryPoints: [path.join(repo, 'src/core/ner/index.ts')],
  outfile,
  bundle: true,
  platform: 'neutral',
  format: 'cjs',
  target: 'es2020',
  logLevel: 'warning',
});
const ner = createRequire(import.meta.url)(outfile);
const MAP = { person: 'PER', organization: 'ORG', place: 'LOC', group: 'MISC' };

export default function system(text) {
  return ner.recognizeNames(text).map((s) => ({ start: s.start, end: s.end, type: MAP[s.type] }));
}
system.label = 'analyst-lens statistical NER (src/core/ner)';
