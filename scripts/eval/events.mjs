#!/usr/bin/env node
// eval-runs: []
// Meeting-like events on MEANTIME English (../shared/eval/meantime/meantime.json: 120 Wikinews articles with events,
// their participants and times). Gold: events whose predicate is meet / meeting / talk(s) / visit / summit / call
// (a call with someone, not "call for"), with their participants of type person, organisation or place (Arg0, Arg1,
// Arg2; products and financial objects are not actors). System: the summary's relations of type meeting, call,
// talks and visit, from summarize(text, { reportDate: DCT }).
//   recall    = gold events matched by a system relation in the same sentence whose participants overlap every gold
//               actor participant (an event with one plural participant, "the G7 nations met", needs that one);
//   found     = gold events with any system meeting-like relation in their sentence;
//   precision = system meeting-like relations whose sentence holds a gold meeting-like event and whose participants
//               overlap at least one gold participant of it (for a gold event without annotated participants: whose
//               verb phrase holds its trigger, "held their Autumn meetings").
// "meet" meaning satisfy ("meet my duties", "meet the demand") is not a meeting-like event.
// MEANTIME is business and automotive news: meeting-like events are few, so the figures move in large steps.
// Options: --errors file.jsonl.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { requireBuiltCore, requireShared } from '../shared.mjs';

const args = process.argv.slice(2);
const errorsFile = args.includes('--errors') ? args[args.indexOf('--errors') + 1] : undefined;
const core = createRequire(import.meta.url)(requireBuiltCore());
const docs = JSON.parse(fs.readFileSync(requireShared('eval/meantime/meantime.json', 'npm run eval (events)'), 'utf8'));

const MEETING_PRED = /^(?:meet|meeting|talk|talks|visit|summit)$/;
const ACTOR = new Set(['PER', 'ORG', 'LOC']);
const SYS_TYPES = new Set(['meeting', 'call', 'talks', 'visit']);
const overlaps = (a, b) => a.start < b.end && b.start < a.end;
const errors = [];
let gold = 0, recalled = 0, foundAny = 0, sys = 0, sysRight = 0;
const t0 = Date.now();
for (const doc of docs) {
  const text = doc.text;
  const isGold = (e) => {
    // "meet my duties", "meet the demand": meet in the sense of satisfy is no meeting.
    if (/^meet/.test(e.pred) && /^\s+(?:my|his|her|its|their|our|the|all|these|those)?\s*(?:[\p{L}-]+\s+){0,2}?(?:duties|demands?|needs|targets?|expectations|obligations|requirements|deadlines?|standards|criteria|goals?|costs?|conditions)\b/iu.test(text.slice(e.end, e.end + 60))) return false;
    if (MEETING_PRED.test(e.pred)) return true;
    // "held a call with", "called X": a call with someone, not "called for" / "called it".
    return e.pred === 'call' && /^\s*with\b/i.test(text.slice(e.end, e.end + 8));
  };
  const all = doc.gold.events.filter(isGold).map((e) => {
    // Participant spans: find each participant's text near the event (the gold gives text, not offsets).
    const parts = (e.participants || []).filter((p) => /^Arg[012]$/.test(p.role) && ACTOR.has(p.type)).map((p) => {
      const near = Math.max(0, e.start - 400);
      const i = text.indexOf(p.text, near);
      return { ...p, start: i, end: i < 0 ? -1 : i + p.text.length };
    }).filter((p) => p.start >= 0);
    return { ...e, parts };
  });
  // Recall is scored on events with actor participants; precision on every meeting-like event of the sentence
  // (MEANTIME leaves some, "the IMF and the World Bank held their meetings", without participants).
  const events = all.filter((e) => e.parts.length > 0);
  let s;
  try { s = core.summarize(text, { reportDate: String(doc.gold.dct || '').slice(0, 10) || undefined, reportDateSource: 'option' }); }
  catch (err) { errors.push({ id: doc.id, kind: 'system-error', message: String(err).slice(0, 300) }); continue; }
  const rels = s.relations.filter((r) => SYS_TYPES.has(r.type));
  const covers = (r, p) => r.participants.some((q) => q.start !== undefined && overlaps(q, p));
  for (const e of events) {
    gold++;
    const inSentence = rels.filter((r) => r.evidence.start <= e.start && e.end <= r.evidence.end);
    if (inSentence.length) foundAny++;
    if (inSentence.some((r) => e.parts.every((p) => covers(r, p)))) recalled++;
    else errors.push({ id: doc.id, kind: 'missed', event: e.text, participants: e.parts.map((p) => p.text), system: inSentence.map((r) => r.description) });
  }
  for (const r of rels) {
    sys++;
    const here = all.filter((e) => r.evidence.start <= e.start && e.end <= r.evidence.end);
    const right = here.some((e) => (e.parts.length ? e.parts.some((p) => covers(r, p)) : r.verb.toLowerCase().includes(e.text.toLowerCase())));
    if (right) sysRight++;
    else errors.push({ id: doc.id, kind: 'spurious', relation: r.description, sentence: r.evidence.text.slice(0, 200) });
  }
}
const pct = (n, d) => (d ? `${((100 * n) / d).toFixed(1)}%` : 'n/a');
if (errorsFile) fs.writeFileSync(errorsFile, errors.map((e) => JSON.stringify(e)).join('\n') + '\n');
console.log(`MEANTIME meeting-like events: gold ${gold} (with actor participants), system relations ${sys}`);
console.log(`  recall (both participants) ${recalled}/${gold} (${pct(recalled, gold)}); sentence found ${foundAny}/${gold}; precision ${sysRight}/${sys} (${pct(sysRight, sys)})`);
console.log(`SUMMARY events (MEANTIME meet/talks/visit/call) P=${pct(sysRight, sys)} R=${pct(recalled, gold)} gold=${gold} system=${sys} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
