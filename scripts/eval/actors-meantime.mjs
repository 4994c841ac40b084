// eval-runs: []
// npm run eval -- actors-meantime [--errors] [--only tok|news]
// The actor model (summarize().actors / .organizations of dist/core.js) on MEANTIME English: 120 Wikinews articles
// (../shared/eval/meantime/meantime.json) whose gold entities (PER, ORG, LOC, PRO = products, FIN = financial, MIX)
// list every mention with offsets. Nobody tuned the actor model to these articles: this is the held-out check.
// Each article is summarised as the CLI does (reportDate = the gold creation date, format plain) twice:
//  - tok: the text as distributed, tokenised with spaces before punctuation ("EADS N.V. ( EADS )");
//  - news: the same text with news spacing (no space before , . ) 's n't ..., none after ( $ #; `` and '' become "),
//    gold offsets mapped onto it. Real reports look like this one: judge mostly by it.
// MEANTIME marks entities only in the first six lines of each article (headline, date line, first four sentences):
// actors are built from the whole article, and judged on their mentions in those lines only.
// Each mention of an actor is matched to the smallest gold mention overlapping it (a name inside a longer nominal
// phrase belongs to the name). Figures:
//  - persons P: person actors with a mention on a gold PER entity / person actors (judged P leaves out actors no
//    gold mention overlaps: MEANTIME does not mark every entity);
//  - persons R: gold PER entities with a name mention (NAM) found by some person actor; also over gold PER entities
//    with >= 2 mentions or a name;
//  - junk people: person actors whose mentions hit only gold ORG/LOC/PRO/FIN entities (never a PER);
//  - organisations P/R: organisation actors on a gold ORG entity / organisation actors; named gold ORG entities
//    found by an organisation actor (also: found by any actor, whatever its type);
//  - merges: person actors whose mentions hit two gold PER entities; splits: gold PER entities held by two person
//    actors or more (each of them counts as right for P).
// --errors lists every error, by class. Reads ../shared (evaluation data): not needed by the extension or tests.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { newsSpacing, requireBuiltCore, requireShared } from '../shared.mjs';

const args = process.argv.slice(2);
const showErrors = args.includes('--errors');
const only = args.indexOf('--only') >= 0 ? args[args.indexOf('--only') + 1] : null;
const data = JSON.parse(fs.readFileSync(requireShared('eval/meantime/meantime.json', 'npm run eval'), 'utf8'));
const core = createRequire(import.meta.url)(requireBuiltCore());

const variants = [
  { name: 'tok', label: 'tokenised text (as distributed)', prep: (doc) => ({ text: doc.text, gold: doc.gold.entities }) },
  {
    name: 'news',
    label: 'news spacing (detokenised)',
    prep: (doc) => {
      const d = newsSpacing(doc.text);
      const gold = doc.gold.entities.map((e) => ({
        ...e,
        mentions: e.mentions.map((m) => ({ ...m, start: d.at(m.start), end: d.at(m.end - 1) + 1, text: d.text.slice(d.at(m.start), d.at(m.end - 1) + 1) })),
      }));
      return { text: d.text, gold };
    },
  },
];

const pct = (n, d) => (d ? `${((100 * n) / d).toFixed(1)}%` : 'n/a');
const named = (e) => e.mentions.some((m) => m.syntactic_type === 'NAM');
const summaryParts = [];
for (const v of variants) {
  if (only && only !== v.name) continue;
  const c = { splits: 0, persons: 0, perHit: 0, perNone: 0, junk: 0, merges: 0, goldNamed: 0, foundNamed: 0, goldTwo: 0, foundTwo: 0, orgs: 0, orgHit: 0, orgNone: 0, goldOrg: 0, foundOrg: 0, foundOrgAny: 0, groups: 0 };
  const errs = { splits: [], junk: [], none: [], missed: [], merges: [], orgWrong: [], orgNone: [], orgMissed: [] };
  const t0 = performance.now();
  for (const doc of data) {
    const { text, gold } = v.prep(doc);
    const gm = [];
    for (const e of gold) for (const m of e.mentions) gm.push({ ...m, entity: e });
    const goldOf = (m) => {
      let best = null;
      for (const g of gm) if (g.start < m.end && m.start < g.end && (!best || g.end - g.start < best.end - best.start)) best = g;
      return best;
    };
    let regionEnd = -1;
    for (let k = 0; k < 6 && regionEnd < text.length; k++) { const nl = text.indexOf('\n', regionEnd + 1); regionEnd = nl < 0 ? text.length : nl; }
    const s = core.summarize(text, { reportDate: doc.gold.dct, reportDateSource: 'option', format: 'plain' });
    const found = new Map(); // gold entity -> types of the actors that found it
    const personHits = new Map(); // gold PER entity -> person actors on it
    const line = (m) => { const a = text.lastIndexOf('\n', m.start - 1) + 1; const b = text.indexOf('\n', m.end); return text.slice(Math.max(a, m.start - 70), Math.min(b < 0 ? text.length : b, m.end + 50)).replace(/\s+/g, ' '); };
    for (const a of [...s.actors, ...s.organizations]) {
      const inRegion = a.mentions.filter((m) => m.start < regionEnd);
      if (!inRegion.length) continue;
      const hits = inRegion.map((m) => ({ m, g: goldOf(m) }));
      const ents = new Set(hits.filter((h) => h.g).map((h) => h.g.entity));
      for (const e of ents) { const t = found.get(e) ?? new Set(); t.add(a.type); found.set(e, t); }
      const types = new Set([...ents].map((e) => e.type));
      const desc = () => `${doc.id.slice(0, 40)} | ${a.type} "${a.name}" (${a.mentions.length}) | ${[...ents].map((e) => `${e.type}:${e.name}`).join('; ') || '-'} | …${line(inRegion[0])}…`;
      if (a.type === 'person') {
        c.persons++;
        const per = [...ents].filter((e) => e.type === 'PER');
        if (per.length) c.perHit++;
        else if (ents.size) { c.junk++; errs.junk.push(desc()); }
        else { c.perNone++; errs.none.push(desc()); }
        if (per.length > 1) { c.merges++; errs.merges.push(desc()); }
        for (const e of per) personHits.set(e, (personHits.get(e) ?? 0) + 1);
      } else if (a.type === 'organization') {
        c.orgs++;
        if (types.has('ORG')) c.orgHit++;
        else if (ents.size) errs.orgWrong.push(desc());
        else { c.orgNone++; errs.orgNone.push(desc()); }
      } else if (a.type === 'group') c.groups++;
    }
    for (const e of gold) {
      const types = found.get(e);
      if (e.type === 'PER') {
        if ((personHits.get(e) ?? 0) > 1) { c.splits++; errs.splits.push(`${doc.id.slice(0, 40)} | ${e.name} | ${personHits.get(e)} person actors`); }
        const two = e.mentions.length >= 2 || named(e);
        if (named(e)) {
          c.goldNamed++;
          if (types?.has('person')) c.foundNamed++;
          else errs.missed.push(`${doc.id.slice(0, 40)} | ${e.name} | found as ${types ? [...types].join('/') : '-'} | ${e.mentions.map((m) => m.text).join(' / ')}`);
        }
        if (two) { c.goldTwo++; if (types?.has('person')) c.foundTwo++; }
      } else if (e.type === 'ORG' && named(e)) {
        c.goldOrg++;
        if (types?.has('organization')) c.foundOrg++;
        else errs.orgMissed.push(`${doc.id.slice(0, 40)} | ${e.name} | found as ${types ? [...types].join('/') : '-'} | ${e.mentions.filter((m) => m.syntactic_type === 'NAM').map((m) => m.text).join(' / ')}`);
        if (types) c.foundOrgAny++;
      }
    }
  }
  const ms = performance.now() - t0;
  console.log(`MEANTIME actors, ${v.label}: ${data.length} articles (${(ms / 1000).toFixed(1)} s)`);
  console.log(`  persons P:        ${c.perHit}/${c.persons} (${pct(c.perHit, c.persons)})   judged P ${pct(c.perHit, c.persons - c.perNone)} (${c.perNone} person actors on no gold entity)`);
  console.log(`  persons R:        ${c.foundNamed}/${c.goldNamed} named gold persons (${pct(c.foundNamed, c.goldNamed)});  ${c.foundTwo}/${c.goldTwo} with >= 2 mentions or a name (${pct(c.foundTwo, c.goldTwo)})`);
  console.log(`  junk people:      ${c.junk} person actors whose mentions hit only gold ORG/LOC/PRO/FIN entities`);
  console.log(`  person merges:    ${c.merges} person actors on two gold persons;  split persons: ${c.splits} gold persons held by two person actors or more`);
  console.log(`  organisations P:  ${c.orgHit}/${c.orgs} (${pct(c.orgHit, c.orgs)})   judged P ${pct(c.orgHit, c.orgs - c.orgNone)}`);
  console.log(`  organisations R:  ${c.foundOrg}/${c.goldOrg} named gold ORG entities (${pct(c.foundOrg, c.goldOrg)});  found by an actor of any type ${c.foundOrgAny} (${pct(c.foundOrgAny, c.goldOrg)}); group actors ${c.groups}`);
  if (showErrors) {
    for (const [k, list] of Object.entries(errs)) {
      console.log(`\n  -- ${k} (${list.length})`);
      for (const x of list) console.log(`  ${x}`);
    }
    console.log('');
  }
  summaryParts.push(`${v.name}: personP=${pct(c.perHit, c.persons)} personR=${pct(c.foundNamed, c.goldNamed)} junkPeople=${c.junk} merges=${c.merges} splits=${c.splits} orgP=${pct(c.orgHit, c.orgs)} orgR=${pct(c.foundOrg, c.goldOrg)}`);
}
console.log(`SUMMARY actors-meantime ${summaryParts.join(' | ')}`);
