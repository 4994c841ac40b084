// Per-stage times of what the incremental analyzer still does over the whole text per keystroke (issue #11), on the
// generated report of bench/typing.mjs with a fence, front matter and a link added. Usage: npx tsx bench/stages.ts [words]
import { maskMarkdown } from '../src/core/text/markdown';
import { joinWrappedLines } from '../src/core/ner';
import { looksTechnical, findCti } from '../src/core/cti';
import { splitPieces } from '../src/core/incremental';
const words = Number(process.argv[2] ?? 40000);
const PEOPLE = ['Maria Lopez', 'Anton Reyes', 'Mira Holt', 'Jonas Berg'];
const out = ['---', 'title: x', '---', '', '# Report', ''];
for (let i = 0, n = 0; n < words; i++) {
  const s = `${PEOPLE[i % 4]} met ${PEOPLE[(i + 1) % 4]} in Lisbon on ${i % 27 + 1} March 2024 to discuss the shipping schedule with [the port](https://x.org/${i}).`;
  out.push(s + ' ' + s, '');
  n += 2 * s.split(/\s+/).length;
  if (i % 50 === 0) out.push('```', 'code here', '```', '');
}
const text = out.join('\n');
const time = (name: string, f: () => unknown) => {
  f();
  const t0 = performance.now();
  let k = 0;
  while (performance.now() - t0 < 500) { f(); k++; }
  console.log(`${name.padEnd(28)} ${((performance.now() - t0) / k).toFixed(3)} ms`);
};
console.log(`${words} words, ${text.length} chars`);
time('maskMarkdown', () => maskMarkdown(text));
const m = maskMarkdown(text);
time('joinWrappedLines', () => joinWrappedLines(m));
const a = joinWrappedLines(m);
time('looksTechnical', () => looksTechnical(a));
time('findCti (news)', () => findCti(a, false));
time('splitPieces', () => { const s: number[] = [], e: number[] = []; splitPieces(a, s, e); });
