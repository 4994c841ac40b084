#!/usr/bin/env node
// eval-runs: []
// npm run eval -- fivew-meantime [--list] [--only title|file]
// The structured summary's 5W1H on held-out news nobody tuned to: MEANTIME English (../shared/eval/meantime/
// meantime.json, 120 Wikinews articles, CC BY 4.0; title line, date line, then one sentence a line), with news
// spacing (scripts/shared.mjs newsSpacing). MEANTIME has no 5W1H gold; these checks are derived from its gold
// entities, events and the document creation time (DCT), which only cover the first six lines (headline, date
// line, four sentences): that is where the 5W1H reads its main event.
//  - who names a participant: the answer and the text of an Arg0 or Arg1 participant of some gold event in those
//    lines share at least half of the answer's content words (or the answer holds half of the participant's);
//    a bare people's adjective ("Russian") never counts.
//  - who+what: what holds the trigger word of a gold event one of whose Arg0/Arg1 participants who names.
//  - where is a place: the answer matches a gold LOC mention (same words, or one inside the other); "not a place"
//    when it matches only other gold mentions (an organisation, a product); unknown when it matches none.
//  - when is right: the answer's date (the bare report date, or "expression (date)") lies in the time a gold event
//    of those lines is anchored to (IS_INCLUDED, INCLUDES, SIMULTANEOUS, BEGINS, ENDS...) at no coarser a
//    granularity, or is a day from a week before the DCT to the day after it. "since 1992" and "last year" fail.
// Each article is summarised twice, as the CLI reads a file (no title: the first line is read as the headline)
// and as the reports scorer calls summarize (the first line passed as the title). --list prints every answer
// with its verdict. Reads ../shared (evaluation data); the extension and the tests do not need it.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { newsSpacing, requireBuiltCore, requireShared } from '../shared.mjs';

const args = process.argv.slice(2);
const list = args.includes('--list');
const only = args.indexOf('--only') >= 0 ? args[args.indexOf('--only') + 1] : null;
const data = JSON.parse(fs.readFileSync(requireShared('eval/meantime/meantime.json', 'npm run eval -- fivew-meantime'), 'utf8'));
const core = createRequire(import.meta.url)(requireBuiltCore());

const STOP = new Set('the a an of in on at to for and or by with from its his her their as is was were has have had be been will would that this s'.split(' '));
const words = (x) => (String(x).toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter((w) => !STOP.has(w));
/** At least half of a's content words are in b, or b's in a (the reports scorer's loose match, both ways). */
function matches(a, b) {
  const wa = words(a), wb = words(b);
  if (!wa.length || !wb.length) return false;
  const inB = wa.filter((w) => wb.includes(w)).length;
  const inA = wb.filter((w) => wa.includes(w)).length;
  return inB * 2 >= wa.length || inA * 2 >= wb.length;
}
const DEMONYM = /^(?:american|british|russian|chinese|japanese|french|german|european|asian|african|australian|canadian|indian|irish|italian|spanish|korean|israeli|iraqi|iranian|arab|mexican|brazilian|dutch|swiss|swedish|polish|turkish|greek|romanian|indonesian|qatari|thai|singaporean|us|u\.s\.|uk|u\.k\.)$/i;
const day = (iso) => Date.parse(`${iso}T00:00:00Z`) / 86400000;
/** The days [lo, hi] of a TIMEX3 calendar value (a day, month, quarter, year; a week or a part of day roughly). */
function period(v) {
  let m;
  if ((m = /^(\d{4})-(\d{2})-(\d{2})/.exec(v))) return [day(m[0]), day(m[0])];
  if ((m = /^(\d{4})-W(\d{2})/.exec(v))) { const lo = day(`${m[1]}-01-01`) + 7 * (+m[2] - 1) - 3; return [lo, lo + 10]; }
  if ((m = /^(\d{4})-Q(\d)/.exec(v))) return [day(`${m[1]}-${String(3 * m[2] - 2).padStart(2, '0')}-01`), day(`${m[1]}-${String(3 * m[2] - 2).padStart(2, '0')}-01`) + 91];
  if ((m = /^(\d{4})-(\d{2})$/.exec(v))) return [day(`${m[1]}-${m[2]}-01`), day(`${m[1]}-${m[2]}-01`) + 30];
  if ((m = /^(\d{4})$/.exec(v))) return [day(`${m[1]}-01-01`), day(`${m[1]}-12-31`)];
  return undefined;
}
const ANCHOR = new Set(['IS_INCLUDED', 'INCLUDES', 'SIMULTANEOUS', 'BEGINS', 'ENDS', 'BEGUN_BY', 'ENDED_BY']);
/**
 * When is right: its date lies in the time a gold event of the annotated lines is anchored to (IS_INCLUDED,
 * INCLUDES, SIMULTANEOUS, BEGINS, ENDS ...), at no coarser a granularity than that time; or it is a day from a week
 * before the DCT to the day after it (news reports the days just past).
 */
function whenRight(answer, dct, times) {
  const m = /(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?\)?\s*$/.exec(answer);
  if (!m) return { ok: false, why: 'no date' };
  const ours = m[3] ? 'day' : m[2] ? 'month' : 'year';
  const d = m[3] ? day(`${m[1]}-${m[2]}-${m[3]}`) : m[2] ? day(`${m[1]}-${m[2]}-01`) : day(`${m[1]}-01-01`);
  const rank = { day: 0, month: 1, year: 2 };
  for (const t of times) {
    const p = period(t.value);
    const theirs = /^\d{4}$/.test(t.value) ? 'year' : /^\d{4}-(?:\d{2}|Q\d)$/.test(t.value) ? 'month' : 'day';
    if (p && d >= p[0] && d <= p[1] && rank[ours] <= rank[theirs]) return { ok: true, why: '' };
  }
  if (ours === 'day' && dct && d >= day(dct) - 7 && d <= day(dct) + 1) return { ok: true, why: '' };
  return { ok: false, why: ours === 'year' ? 'year only' : dct ? `${Math.round(d - day(dct))} days from the DCT, no gold event at that time` : 'no DCT' };
}

const modes = ['file', 'title'].filter((m) => !only || only === m);
const summary = [];
for (const mode of modes) {
  const S = { docs: 0, who: 0, whoOk: 0, whoDemonym: 0, pair: 0, where: 0, place: 0, notPlace: 0, whereUnknown: 0, when: 0, whenOk: 0, errors: 0 };
  for (const d of data) {
    const t = newsSpacing(d.text);
    const text = t.text;
    const lines = text.split('\n');
    const annotatedEnd = lines.slice(0, 6).join('\n').length;
    const dct = /^\d{4}-\d{2}-\d{2}$/.test(String(d.gold.dct ?? '')) ? d.gold.dct : undefined;
    const opts = { ...(dct ? { reportDate: dct, reportDateSource: 'option' } : {}), format: 'plain', ...(mode === 'title' ? { title: lines[0] } : {}) };
    let f;
    try {
      f = core.summarize(text, opts).fiveW;
    } catch (e) {
      S.errors++;
      console.log(`error ${d.id}: ${String(e).slice(0, 200)}`);
      continue;
    }
    S.docs++;
    // Gold events of the annotated lines, with their agents and patients.
    const inLines = d.gold.events.filter((e) => t.at(e.start) < annotatedEnd);
    const times = inLines.flatMap((e) => (e.times ?? []).filter((x) => ANCHOR.has(x.rel)));
    const events = inLines.map((e) => ({ trigger: e.text, parts: e.participants.filter((p) => p.role === 'Arg0' || p.role === 'Arg1').map((p) => p.text.replace(/ ``| ''|`` |''/g, '"')) }));
    const mentions = d.gold.entities.flatMap((e) => e.mentions.map((m) => ({ type: e.type, text: newsSpacing(m.text).text })));
    const verdict = {};
    const who = f.who.answer;
    if (who) {
      S.who++;
      const demonym = DEMONYM.test(who.trim());
      const named = !demonym && events.some((e) => e.parts.some((p) => matches(who, p)));
      if (demonym) S.whoDemonym++;
      if (named) S.whoOk++;
      const pair = named && events.some((e) => e.parts.some((p) => matches(who, p)) && words(f.what.answer).includes(words(e.trigger)[0]));
      if (pair) S.pair++;
      verdict.who = demonym ? 'DEMONYM' : named ? 'ok' : 'no participant';
      verdict.what = pair ? 'ok' : '-';
    }
    const where = f.where.answer;
    if (where) {
      S.where++;
      const w = ` ${words(where).join(' ')} `;
      const same = (m) => ` ${words(m.text).join(' ')} ` === w;
      // A place inside a longer gold place or holding one ("Toulouse" in "Toulouse, France"); a name that is, or
      // holds, an organisation or product ("UK RAF") is not one; "United States" inside "United States Air Force" says nothing.
      const place = w.trim() && mentions.some((m) => m.type === 'LOC' && (same(m) || ` ${words(m.text).join(' ')} `.includes(w) || w.includes(` ${words(m.text).join(' ')} `)));
      const other = w.trim() && mentions.some((m) => m.type !== 'LOC' && words(m.text).length && (same(m) || w.includes(` ${words(m.text).join(' ')} `)));
      if (place) { S.place++; verdict.where = 'place'; }
      else if (other) { S.notPlace++; verdict.where = 'NOT A PLACE'; }
      else { S.whereUnknown++; verdict.where = 'unknown'; }
    }
    const when = f.when.answer;
    if (when) {
      S.when++;
      const w = whenRight(when, dct, times);
      if (w.ok) S.whenOk++;
      verdict.when = w.ok ? 'ok' : w.why;
    }
    if (list) {
      console.log(`## ${mode} ${d.id}`);
      for (const k of ['who', 'what', 'when', 'where', 'why', 'how']) console.log(`  ${k}: ${f[k].answer}${verdict[k] ? `   [${verdict[k]}]` : ''}`);
    }
  }
  const p = (n, dd) => (dd ? `${((100 * n) / dd).toFixed(1)}%` : 'n/a');
  console.log(`${mode.padEnd(5)} docs=${S.docs} who names a participant ${S.whoOk}/${S.who} (${p(S.whoOk, S.who)}), bare demonym ${S.whoDemonym} · who+what an event ${S.pair}/${S.who} (${p(S.pair, S.who)}) · where a place ${S.place}/${S.place + S.notPlace} (${p(S.place, S.place + S.notPlace)}), not a place ${S.notPlace}, unknown ${S.whereUnknown} of ${S.where} · when right ${S.whenOk}/${S.when} (${p(S.whenOk, S.when)})${S.errors ? ` · errors ${S.errors}` : ''}`);
  summary.push(`${mode}: who=${p(S.whoOk, S.who)} demonyms=${S.whoDemonym} who+what=${p(S.pair, S.who)} wherePlace=${p(S.place, S.place + S.notPlace)} (${S.notPlace} not) whenRight=${p(S.whenOk, S.when)}`);
}
console.log(`SUMMARY fivew-meantime (held-out, checks derived from MEANTIME gold events, entities and DCT) ${summary.join(' · ')}`);
