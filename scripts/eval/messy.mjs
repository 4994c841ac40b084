#!/usr/bin/env node
// eval-runs: []
// npm run eval -- messy [--errors]
// The messy-report fixtures (test/fixtures/messy: press releases, readouts, fact sheets, an advisory, a cable,
// web-copied news with furniture, one long digest of all of them) scored with dist/core.js analyze(): person-span
// precision and recall per file, junk persons (strings listed as never a person) and threat names typed place.
// Needs no ../shared (the fixtures are in the repository).
import { createRequire } from 'node:module';
import { requireBuiltCore } from '../shared.mjs';
import { loadMessy, scoreMessy } from '../../test/fixtures/messy/score.mjs';

const errors = process.argv.includes('--errors');
const core = createRequire(import.meta.url)(requireBuiltCore());
let tp = 0, fp = 0, gold = 0, found = 0, junk = 0;
console.log(`${'file'.padEnd(28)} persons P     R      gold  junk`);
for (const f of loadMessy()) {
  const s = scoreMessy(f.text, core.analyze(f.text, { format: f.format }).entities, f.exp);
  tp += s.tp; fp += s.fp; gold += s.gold; found += s.found; junk += s.junk.length;
  console.log(`${f.file.padEnd(28)} ${s.precision.toFixed(3)}  ${s.recall.toFixed(3)}  ${String(s.gold).padStart(5)}  ${String(s.junk.length).padStart(4)}`);
  if (errors) {
    if (s.falsePositives.length) console.log(`    not persons: ${s.falsePositives.join(' | ')}`);
    if (s.missed.length) console.log(`    missed: ${s.missed.join(' | ')}`);
    if (s.junk.length) console.log(`    junk: ${s.junk.join(' | ')}`);
    if (s.notPlacesTypedPlace.length) console.log(`    threat names as place: ${s.notPlacesTypedPlace.join(' | ')}`);
  }
}
const P = tp + fp ? tp / (tp + fp) : 1, R = gold ? found / gold : 1;
console.log(`messy persons: precision ${P.toFixed(3)} recall ${R.toFixed(3)} (${tp} of ${tp + fp} person spans right, ${found} of ${gold} person mentions found); junk ${junk}`);
