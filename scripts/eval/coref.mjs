#!/usr/bin/env node
// eval-runs: []
// npm run eval -- coref [--errors FILE.jsonl]
// Person links on MEANTIME English (../shared/eval/meantime/meantime.json: 120 Wikinews articles with coreference
// chains mixing names, nominals and pronouns). Runs analyze() + buildActors() of dist/core.js on each text.
//  - a link is a pair of mentions we put in one person actor; it is judged when both mentions overlap a gold mention;
//  - right when the gold puts both in one chain. Precision of person links = right / judged (issue #12: >= 95%);
//  - also printed: the same precision over pairs whose gold mentions are both persons (the rest are products or
//    companies the tagger typed person: a typing error, not a wrong link); person actors that merge two gold person chains, and gold person-chain pairs we link (recall side).
//  - pronoun links (actors' pronounMentions, actors/pronouns.ts) are kept out of the figures above and scored apart:
//    a pronoun of ours that overlaps a gold mention is right when the gold puts it in the chain of one of the actor's
//    mentions (judged only when some mention of the actor overlaps a gold mention);
//  - "it"/"its" links of organisation and country actors (actors/orgpronouns.ts) are judged the same way, apart again.
// Reads ../shared (evaluation data): not needed by the extension or the tests.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { requireBuiltCore, requireShared } from '../shared.mjs';

const args = process.argv.slice(2);
const errorsFile = args.indexOf('--errors') >= 0 ? args[args.indexOf('--errors') + 1] : null;
const data = JSON.parse(fs.readFileSync(requireShared('eval/meantime/meantime.json', 'npm run eval'), 'utf8'));
const core = createRequire(import.meta.url)(requireBuiltCore());

let pronounJudged = 0, pronounRight = 0, pronounUnjudged = 0;
let orgJudged = 0, orgRight = 0, orgUnjudged = 0, orgLinks = 0, goldOrgIts = 0;
let judged = 0, right = 0, judgedPer = 0, rightPer = 0, unjudged = 0, mergedActors = 0, personActors = 0, goldPairs = 0, goldPairsLinked = 0;
const byKind = {};
const errors = [];
for (const doc of data) {
  const gm = [];
  for (const e of doc.gold.entities) for (const m of e.mentions) gm.push({ ...m, chain: e.id, type: e.type });
  const chainOf = (m) => {
    // the smallest gold mention overlapping ours (a name inside a longer nominal phrase belongs to the name)
    const over = gm.filter((g) => g.start < m.end && m.start < g.end);
    over.sort((a, b) => (a.end - a.start) - (b.end - b.start));
    return over[0];
  };
  const analysis = core.analyze(doc.text);
  const all = core.buildActors(doc.text, analysis, { actions: false });
  const actors = all.filter((a) => a.type === 'person');
  // "it"/"its"/"itself" of organisations (and countries): judged like the person pronouns below
  for (const a of all.filter((x) => x.type === 'organization' || x.type === 'place')) {
    const chainsOfActor = new Set(a.mentions.map(chainOf).filter(Boolean).map((g) => g.chain));
    for (const p of a.pronounMentions ?? []) {
      orgLinks++;
      const g = chainOf(p);
      if (!g || !chainsOfActor.size) { orgUnjudged++; continue; }
      orgJudged++;
      if (chainsOfActor.has(g.chain)) orgRight++;
      else errors.push({ id: doc.id, actor: a.name, pronoun: p.text, at: p.start, goldPronoun: g.chain, evidence: p.evidence });
    }
  }
  for (const g of gm) if ((g.type === 'ORG' || g.type === 'LOC') && /^(?:it|its|itself)$/i.test(g.text ?? doc.text.slice(g.start, g.end))) goldOrgIts++;
  const pairOf = new Map();
  for (const a of actors) {
    const chainsOfActor = new Set(a.mentions.map(chainOf).filter(Boolean).map((g) => g.chain));
    for (const p of a.pronounMentions ?? []) {
      const g = chainOf(p);
      if (!g || !chainsOfActor.size) { pronounUnjudged++; continue; }
      pronounJudged++;
      if (chainsOfActor.has(g.chain)) pronounRight++;
      else errors.push({ id: doc.id, actor: a.name, pronoun: p.text, at: p.start, goldPronoun: g.chain, evidence: p.evidence });
    }
    personActors++;
    const ms = a.mentions.map((m) => ({ m, g: chainOf(m) }));
    const chains = new Set(ms.filter((x) => x.g && x.g.type === 'PER').map((x) => x.g.chain));
    if (chains.size > 1) mergedActors++;
    for (let i = 0; i < ms.length; i++) {
      for (let j = i + 1; j < ms.length; j++) {
        const x = ms[i], y = ms[j];
        if (!x.g || !y.g) { unjudged++; continue; }
        judged++;
        const k = x.m.kind === 'name' && y.m.kind === 'name' ? 'name' : [x.m.kind, y.m.kind].filter((k) => k !== 'name').sort().join('+');
        byKind[k] ??= { judged: 0, right: 0 };
        byKind[k].judged++;
        if (x.g.type === 'PER' && y.g.type === 'PER') { judgedPer++; if (x.g.chain === y.g.chain) rightPer++; }
        if (x.g.chain === y.g.chain) { right++; byKind[k].right++; }
        else errors.push({ id: doc.id, actor: a.name, a: x.m.text, aKind: x.m.kind, b: y.m.text, bKind: y.m.kind, goldA: x.g.chain, goldB: y.g.chain });
        if (x.g.chain === y.g.chain) pairOf.set(`${x.g.m_id}:${y.g.m_id}`, 1);
      }
    }
  }
  for (const e of doc.gold.entities) if (e.type === 'PER') goldPairs += (e.mentions.length * (e.mentions.length - 1)) / 2;
  goldPairsLinked += pairOf.size;
}
const pct = (n, d) => (d ? `${((100 * n) / d).toFixed(1)}%` : 'n/a');
console.log(`MEANTIME: ${data.length} articles, ${personActors} person actors`);
console.log(`  person-link precision:    ${right}/${judged} (${pct(right, judged)})   (${unjudged} pairs with a mention the gold does not mark)`);
for (const [k, v] of Object.entries(byKind)) console.log(`    ${k.padEnd(22)}  ${v.right}/${v.judged} (${pct(v.right, v.judged)})`);
console.log(`  between gold persons only: ${rightPer}/${judgedPer} (${pct(rightPer, judgedPer)})   (leaves out products and companies the tagger typed person)`);
console.log(`  actors merging two gold persons: ${mergedActors}`);
console.log(`  gold person-mention pairs linked: ${goldPairsLinked}/${goldPairs} (${pct(goldPairsLinked, goldPairs)})`);
console.log(`  pronoun links (pronounMentions, apart from the above): ${pronounRight}/${pronounJudged} right (${pct(pronounRight, pronounJudged)})   (${pronounUnjudged} where the gold marks no mention)`);
console.log(`  it/its links to organisations and countries: ${orgRight}/${orgJudged} right (${pct(orgRight, orgJudged)})   (${orgUnjudged} of ${orgLinks} where the gold marks no mention or no mention of the actor; gold ORG/LOC it/its/itself mentions: ${goldOrgIts})`);
if (errorsFile) fs.writeFileSync(errorsFile, errors.map((e) => JSON.stringify(e)).join('\n') + '\n');
console.log(`SUMMARY meantime personLinkPrecision=${pct(right, judged)} goldPersonsOnly=${pct(rightPer, judgedPer)} mergedActors=${mergedActors} pronounLinks=${pct(pronounRight, pronounJudged)} orgPronounLinks=${pct(orgRight, orgJudged)} (${orgRight}/${orgJudged})`);
