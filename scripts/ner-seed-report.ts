/**
 * Acceptance report for the NER tagger: which required mentions of an expected.json are found (with the right type),
 * which are missed, and which `not_entities` are produced. Default: the sample report written for this repository.
 *   npx tsx scripts/ner-seed-report.ts [test/fixtures/sample/dubrovnik-visit.txt]
 * The ../shared seed report works too (read in place, never copied):
 *   npx tsx scripts/ner-seed-report.ts ../shared/seeds/000_931ddf8dbef545ad.txt
 */
import fs from 'node:fs';
import path from 'node:path';
import { recognizeNames, type NameSpan } from '../src/core/ner/index';

const txtPath = path.resolve(process.argv[2] ?? 'test/fixtures/sample/dubrovnik-visit.txt');
const expPath = txtPath.replace(/\.txt$/, '.expected.json');
if (!fs.existsSync(txtPath) || !fs.existsSync(expPath)) {
  console.error(`ner-seed-report: ${txtPath} or ${expPath} not found`);
  process.exit(1);
}
const text = fs.readFileSync(txtPath, 'utf8');
interface Actor { name: string; mentions: string[]; required?: boolean }
const exp = JSON.parse(fs.readFileSync(expPath, 'utf8')) as {
  people?: Actor[]; organizations?: Actor[]; places?: Actor[]; groups?: string[]; not_entities?: string[];
};
const spans = recognizeNames(text);
const found = spans.map((s) => ({ ...s, text: text.slice(s.start, s.end) }));

/** every occurrence of `surface` (as a whole word) must be a span of type `type` */
function check(surface: string, type: NameSpan['type']): { total: number; ok: number; wrong: string[] } {
  let total = 0, ok = 0;
  const wrong: string[] = [];
  const re = new RegExp(`(?<![\\p{L}\\p{N}])${surface.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'gu');
  for (const m of text.matchAll(re)) {
    const s = m.index ?? 0, e = s + surface.length;
    // occurrences inside a longer required mention (e.g. "Jurak" inside "Tomislav Jurak") are judged there
    const exact = found.find((f) => f.start === s && f.end === e);
    const inside = found.find((f) => f.start <= s && f.end >= e && f.type === type && (f.start < s || f.end > e));
    total++;
    if (exact && exact.type === type) ok++;
    else if (inside && longer.has(`${type}:${inside.text}`)) { total--; }
    else wrong.push(exact ? `${exact.type}` : found.filter((f) => f.start < e && s < f.end).map((f) => `${f.type}:"${f.text}"`).join(' ') || 'missed');
  }
  return { total, ok, wrong };
}

const longer = new Set<string>();
const groups: Array<[string, Actor[] | undefined, NameSpan['type']]> = [
  ['people', exp.people, 'person'], ['organizations', exp.organizations, 'organization'], ['places', exp.places, 'place'],
];
for (const [, actors, type] of groups) for (const a of actors ?? []) for (const m of a.mentions) longer.add(`${type}:${m}`);
let req = 0, got = 0;
for (const [label, actors, type] of groups) {
  console.log(`${label}:`);
  for (const a of actors ?? []) {
    for (const m of a.mentions) {
      const r = check(m, type);
      const optional = a.required === false;
      if (!optional) { req += r.total; got += r.ok; }
      console.log(`  ${r.ok === r.total ? 'ok  ' : 'MISS'} ${type} "${m}" ${r.ok}/${r.total}${optional ? ' (optional)' : ''}${r.wrong.length ? '  got: ' + r.wrong.join(', ') : ''}`);
    }
  }
}
console.log('groups:');
for (const g of exp.groups ?? []) {
  const r = check(g, 'group');
  console.log(`  ${r.ok === r.total ? 'ok  ' : 'MISS'} group "${g}" ${r.ok}/${r.total}${r.wrong.length ? '  got: ' + r.wrong.join(', ') : ''}`);
}
const bad = (exp.not_entities ?? []).filter((n) => found.some((f) => f.text === n));
console.log(`required mention occurrences found with the right type: ${got}/${req}`);
console.log(`not_entities produced: ${bad.length ? bad.join(', ') : 'none'}`);
console.log(`all spans: ${found.map((f) => `${f.type}:${f.text}`).join(' | ')}`);
