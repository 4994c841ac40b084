import type { Actor, ActorType, Entity, Relation, RelationParticipant, RelationType, TimelineEntry } from '../types';
import type { Sentence } from './sentences';
import { itemsWithin, lowerBound } from '../text/intervals';

/**
 * Verb patterns, one relation type each. Order matters: earlier patterns win where two match at one place
 * ("had a private meeting with" is a meeting, not a statement). Written for report English; `(?:will |to )` forms
 * catch planned events.
 */
const VERBS: [RelationType, string][] = [
  ['call', "(?:held|hold|holds|had|has|have|will hold|will have) (?:a |an |the |their |his |her )?(?:[\\p{L}-]+ ){0,2}(?:phone |telephone |video |conference )?(?:call|calls|conversation) with"],
  ['talks', "(?:held|hold|holds|had|conducted|conducts|will hold|began|begin|opened|resumed|resume|are holding|were holding|is holding) (?:a |an |the |their |his |her )?(?:[\\p{L}-]+ ){0,2}(?:talks|negotiations|consultations)(?: with)?"],
  ['meeting', "(?:held|hold|holds|had|will hold) (?:a |an |the |their |his |her )?(?:[\\p{L}-]+ ){0,3}(?:meeting|meetings|summit)(?: with)?"],
  ['meeting', '(?:met|meets|meet|will meet|to meet|is meeting|was meeting)(?: with)?'],
  ['meeting', '(?:hosted|hosts|received|welcomed)'],
  ['call', '(?:phoned|telephoned|called|spoke|talked|speaks)(?: by (?:tele)?phone)? (?:with|to)'],
  ['call', '(?:held|had) (?:a )?(?:phone|telephone|video) (?:call|conversation) with'],
  ['visit', '(?:visited|visits|will visit|toured|paid (?:a |an )?(?:[\\p{L}-]+ ){0,2}visit to)'],
  ['travel', '(?:travell?ed|travels|flew|flies|went|headed|returned|came|will travel|is travelling|arrived|arrives|landed|lands) (?:to|in|at)'],
  ['warning', '(?:warned|warns|cautioned|will warn)'],
  ['threat', '(?:threatened|threatens)'],
  ['accompaniment', '(?:accompanied|accompanies|joined|escorted)'],
  ['arrest', '(?:arrested|arrests|detained|detains|apprehended|captured|jailed|took into custody)'],
  ['attack', '(?:attacked|attacks|struck|strikes|bombed|shelled|raided|invaded|targeted|killed|shot down|fired (?:[\\p{L}-]+ ){0,2}(?:at|on)|launched (?:an? )?(?:[\\p{L}-]+ ){0,2}(?:attack|strike|strikes|raid|offensive) (?:on|against))'],
  ['agreement', '(?:agreed|agrees|signed|signs|reached (?:an? )?(?:[\\p{L}-]+ ){0,2}(?:agreement|deal|accord) with|concluded (?:an? )?(?:[\\p{L}-]+ ){0,2}(?:agreement|deal))(?: with)?'],
  ['discussion', '(?:discussed|discusses|negotiated|negotiates)'],
  ['support', '(?:supported|supports|backed|backs|endorsed|endorses)'],
  ['criticism', '(?:criticized|criticised|condemned|condemns|denounced|accused|accuses|blamed)'],
  ['statement', '(?:said|says|stated|stressed|stresses|announced|announces|declared|told|tells|noted|claimed|claims|emphasi[sz]ed|reiterated|confirmed|denied|insisted|added)'],
];
/** Events that happen to someone: the target must be named next to the verb ("received the minister", not "received orders"). */
const NEEDS_ACTOR_TARGET = /^(?:hosted|hosts|received|welcomed|meet|meets|met|will meet|to meet|is meeting|was meeting)$/i;
/** Physical encounters: a place ("Washington") is never their agent. */
const PHYSICAL: ReadonlySet<RelationType> = new Set(['meeting', 'call', 'talks', 'visit', 'travel', 'accompaniment', 'arrest', 'discussion']);
// Matches only where no letter or hyphen stands before (extractRelations checks it: a leading lookbehind would run at
// every position of every sentence).
const VERB_RE = new RegExp(`(?:also\\s+)?(${VERBS.map(([, p]) => `(?:${p})`).join('|')})(?![\\p{L}-])`, 'giu');
const VERB_TYPES = VERBS.map(([t, p]) => [t, new RegExp(`^(?:${p})$`, 'iu')] as const);

/** Events that happen somewhere together, so a place named earlier (a trip's destination) carries over. */
const PLACED: ReadonlySet<RelationType> = new Set(['meeting', 'talks', 'accompaniment', 'discussion', 'agreement']);
/** Events whose content is a reported clause ("warned … that …"). */
const SPOKEN: ReadonlySet<RelationType> = new Set(['statement', 'warning', 'threat', 'agreement', 'criticism', 'support']);

interface Ref {
  start: number;
  end: number;
  actor?: Actor;
  /** he/she, "the two leaders": resolved later */
  pronoun?: 'singular' | 'plural';
  /** A group acting through its forces or officials: "Russian forces", "Israeli officials". */
  group?: { actor: Actor; name: string };
}

export interface RelationInput {
  text: string;
  sentences: readonly Sentence[];
  entities: readonly Entity[];
  actors: readonly Actor[];
  timeline: readonly TimelineEntry[];
}

/** What makes a nationality an actor: "Russian forces attacked …". */
const GROUP_BODY = /^ (?:forces|troops|army|military|navy|soldiers|officials|authorities|government|jets|warplanes|drones|police|militants|fighters)(?![\p{L}])/u;

const AGENT_TYPES: ReadonlySet<ActorType> = new Set(['person', 'organization', 'place']);

/** Who did what to whom, where and when: one relation per verb that has an agent, typed by the verb. */
export function extractRelations({ text, sentences, entities, actors, timeline: unsorted }: RelationInput): Relation[] {
  // by start, so a sentence's dates are found by binary search (stable: equal starts keep their order)
  const timeline = [...unsorted].sort((a, b) => a.start - b.start);
  const refs: Ref[] = [];
  for (const a of actors) {
    if (a.type === 'group') {
      for (const m of a.mentions) {
        const body = GROUP_BODY.exec(text.slice(m.end, m.end + 40));
        if (body) refs.push({ start: m.start, end: m.end + body[0].length, group: { actor: a, name: `${m.text}${body[0]}` } });
      }
      continue;
    }
    if (!AGENT_TYPES.has(a.type)) continue;
    for (const m of a.mentions) refs.push({ start: m.start, end: m.end, actor: a });
  }
  const PRONOUN = /(?<![\p{L}])(?:(he|she)|((?:the|both) (?:two )?(?:leaders|sides|men|ministers|presidents)))(?![\p{L}])/giu;
  for (let m = PRONOUN.exec(text); m; m = PRONOUN.exec(text)) {
    refs.push({ start: m.index, end: m.index + m[0].length, pronoun: m[1] ? 'singular' : 'plural' });
  }
  refs.sort((a, b) => a.start - b.start || b.end - a.end);
  // Titles and demonyms may stand between names in a list or before a name: "Chilean Foreign Minister Ana Rojas".
  // Sorted by start, so a gap looks only at the fillers near it (the result does not depend on their order).
  const filler = entities.filter((e) => e.type === 'title' || e.type === 'group' || e.type === 'quantity').sort((a, b) => a.start - b.start);
  const fillerSpan = filler.reduce((n, f) => Math.max(n, f.end - f.start), 0);
  const mask = (from: number, to: number) => {
    let s = text.slice(from, to);
    for (let i = lowerBound(filler, from - fillerSpan); i < filler.length && filler[i].start < to; i++) {
      const f = filler[i];
      if (f.end <= from || f.start >= to) continue;
      const a = Math.max(f.start, from) - from;
      const b = Math.min(f.end, to) - from;
      s = s.slice(0, a) + ' '.repeat(b - a) + s.slice(b);
    }
    return s;
  };

  const relations: Relation[] = [];
  let lastPerson: { actor: Actor; at: number } | undefined;
  let lastMeeting: Relation | undefined;
  const trips: Relation[] = [];

  for (const s of sentences) {
    if (s.kind === 'heading') continue;
    const inSentence: Ref[] = [];
    for (let i = lowerBound(refs, s.start); i < refs.length && refs[i].start < s.end; i++) if (refs[i].end <= s.end) inSentence.push(refs[i]);
    const verbs: { start: number; end: number; text: string; type: RelationType }[] = [];
    VERB_RE.lastIndex = 0;
    for (let m = VERB_RE.exec(s.text); m; m = VERB_RE.exec(s.text)) {
      if (m.index > 0 && LETTER_OR_HYPHEN.test(charBefore(s.text, m.index))) {
        VERB_RE.lastIndex = m.index + 1;
        continue;
      }
      const vStart = s.start + m.index + m[0].indexOf(m[1]);
      const vText = m[1];
      const type = VERB_TYPES.find(([, re]) => re.test(vText.replace(/\s+/g, ' ')))?.[0] ?? 'other';
      // A verb inside a quotation is the speaker's, not an event of the report.
      if (insideQuote(text, s.start, vStart)) continue;
      verbs.push({ start: vStart, end: vStart + vText.length, text: vText, type });
    }
    // The agents each verb of the sentence found or shared, for a verb coordinated with it ("flew to X and met Y").
    const agentsOf = new Map<number, RelationParticipant[]>();
    for (const [vi, v] of verbs.entries()) {
      const agents = chain(inSentence.filter((r) => r.end <= v.start).reverse(), v.start, 'back', mask, text);
      // "condemned the attack and met X": a verb's objects end where the next verb starts.
      const limit = verbs[vi + 1]?.start ?? s.end;
      // "met in Brussels": a place after "in/at" is where an encounter happens, not its counterpart.
      const targets = chain(inSentence.filter((r) => r.start >= v.end && r.start < limit), v.end, 'forward', mask, text).filter(
        (r) => !(PLACED.has(v.type) && r.actor?.type === 'place' && /\b(?:in|at|near|outside|inside)\s+(?:the\s+)?$/i.test(text.slice(Math.max(0, r.start - 12), r.start))),
      );
      const resolve = (refsIn: Ref[], role: 'agent' | 'target'): RelationParticipant[] => {
        const out: RelationParticipant[] = [];
        for (const r of refsIn) {
          if (r.actor) out.push(participant(r.actor, role, r));
          else if (r.group) out.push({ name: r.group.name, type: 'group', role, start: r.start, end: r.end });
          else if (r.pronoun === 'singular') {
            // "he" is the person who acted earlier in this sentence, else the first person named before it here,
            // else the last person who acted before.
            const earlier = relations.filter((x) => x.evidence.start === s.start).flatMap((x) => x.participants.filter((p) => p.role === 'agent' && p.type === 'person'));
            const named = inSentence.find((x) => x.actor?.type === 'person' && x.end <= r.start)?.actor;
            const who = (earlier[0]?.id && actors.find((a) => a.id === earlier[0].id)) || named || lastPerson?.actor;
            if (who) out.push(participant(who, role, r));
          }
          else if (r.pronoun === 'plural' && lastMeeting) for (const p of lastMeeting.participants) if (p.id) out.push({ ...p, role, start: r.start, end: r.end });
        }
        return out;
      };
      let agentsP = resolve(agents, 'agent');
      let targetsP = resolve(targets, 'target');
      // Passive voice: "X was attacked by Y" — Y acts, X undergoes.
      const passive = /\b(?:was|were|been|being|is|are|be|got)\s+(?:[\p{L}]+ly\s+)?$/u.test(text.slice(Math.max(s.start, v.start - 30), v.start)) && /ed$|struck|shot down|taken$/.test(v.text);
      if (passive) {
        const byAt = text.slice(v.end, s.end).search(/^\s+(?:[\p{L}]+\s+){0,4}?by\s/u);
        const after = inSentence.filter((r) => r.start >= v.end);
        const byRefs = byAt >= 0 ? chain(after, v.end + text.slice(v.end).indexOf('by', byAt) + 2, 'forward', mask, text) : [];
        const patients = agentsP.map((p) => ({ ...p, role: 'target' as const }));
        agentsP = resolve(byRefs, 'agent');
        targetsP = patients;
      }
      // "Rojas condemned the strike and said …", "X flew to Lima and met Y", "X arrived, toured a camp and then met Y": a
      // verb coordinated with the one before it (and no subject of its own) shares that verb's subject.
      const prev = verbs[vi - 1];
      if (!agentsP.length && !agents.length && !passive && prev && agentsOf.get(vi - 1)?.length && coordinated(text.slice(prev.end, v.start))) {
        agentsP = agentsOf.get(vi - 1)!.map(({ start: _s, end: _e, ...rest }) => rest);
      }
      agentsOf.set(vi, agentsP);
      // A place is a government only where it speaks or acts politically ("Moscow warned"); it never meets or travels.
      if (PHYSICAL.has(v.type)) agentsP = agentsP.filter((p) => p.type !== 'place');
      if (v.type === 'arrest') targetsP = targetsP.filter((p) => p.type === 'person' || p.type === 'group' || p.type === 'organization');
      // "received orders", "met the demands": without a named person, organisation or country next to the verb, no meeting.
      if (NEEDS_ACTOR_TARGET.test(v.text.replace(/\s+with$/i, '')) && !/\swith$/i.test(v.text)) {
        // "received more orders than Airbus": a comparison names no party to a meeting.
        const between = targets[0] ? text.slice(v.end, targets[0].start) : '';
        const direct = targets[0] && between.trim().split(/\s+/).filter(Boolean).length <= 4 && !/\bthan\b/i.test(between) && !/^\s?['’]s\b/u.test(text.slice(targets[0].end, targets[0].end + 4));
        // "A and B met", "the two leaders met", "the G7 nations met": the subject names the parties themselves.
        const collective = agents.length === 1 && /^\s+(?:[\p{L}-]+\s+)?(?:nations|countries|leaders|ministers|members|delegates|delegations|states|sides|parties|partners|allies)\s+(?:have\s+|had\s+|also\s+)?$/iu.test(text.slice(agents[0].end, v.start));
        const plural = /^(?:met|meet|meets|will meet|to meet)$/i.test(v.text) && (agentsP.length > 1 || agents.some((r) => r.pronoun === 'plural') || collective) && !/^\s+(?:the|a|an|his|her|its|their|our|my|your)\s/i.test(text.slice(v.end, v.end + 7));
        if (!(direct && targetsP.some((p) => p.type !== 'place')) && !plural) continue;
      }
      if (!agentsP.length) continue;
      let where: Relation['where'];
      if (v.type === 'travel' || v.type === 'visit') {
        const dest = targetsP.find((p) => p.type === 'place');
        if (dest) {
          where = { name: dest.name, id: dest.id, start: dest.start, end: dest.end, inferred: false };
          targetsP = targetsP.filter((p) => p !== dest);
        }
        // "returned to the stage", "went to Apple": a trip goes to a place.
        if (v.type === 'travel' && !dest) continue;
      }
      where ??= placeIn(text, s, inSentence, v.start, [...agents, ...targets]);
      if (!where && PLACED.has(v.type)) {
        const ids = new Set(agentsP.concat(targetsP).map((p) => p.id));
        const trip = [...trips].reverse().find((t) => t.participants.some((p) => ids.has(p.id)) && t.where);
        if (trip?.where) where = { name: trip.where.name, id: trip.where.id, inferred: true };
      }
      let when = whenIn(s, timeline, v.start);
      if (!when) when = eveOf(s, trips, timeline);
      if (!when && v.type === 'discussion' && lastMeeting?.when) when = { ...lastMeeting.when, start: undefined, end: undefined, inferred: true };
      // Agents and targets are never the same actor.
      const agentIds = new Set(agentsP.map((p) => p.id));
      targetsP = targetsP.filter((p) => !agentIds.has(p.id));
      agentsP = dedupe(agentsP);
      targetsP = dedupe(targetsP);
      const after = targets.length ? targets[targets.length - 1].end : v.end;
      const reported = SPOKEN.has(v.type) ? thatClause(text, s, after) : undefined;
      const content = reported ?? (SPOKEN.has(v.type) ? objectPhrase(text, s, after, true, limit) : v.type === 'discussion' ? objectPhrase(text, s, after, false, limit) : undefined);
      const rel: Relation = {
        id: `rel:${relations.length}`,
        type: v.type,
        verb: v.text,
        participants: [...agentsP, ...targetsP],
        description: '',
        evidence: { start: s.start, end: s.end, text: s.text },
      };
      if (where) rel.where = where;
      if (when) rel.when = when;
      if (content) rel.content = content;
      rel.description = describe(rel, agentsP, targetsP, reported !== undefined);
      relations.push(rel);
      if ((v.type === 'travel' || v.type === 'visit') && where) trips.push(rel);
      if (v.type === 'meeting' || v.type === 'call' || v.type === 'talks') lastMeeting = rel;
    }
    // The last person named in this sentence is who "he" means in the next, unless a relation said otherwise.
    const persons = inSentence.filter((r) => r.actor?.type === 'person');
    const firstAgent = relations.length && relations[relations.length - 1].evidence.start === s.start ? relations[relations.length - 1].participants.find((p) => p.role === 'agent' && p.type === 'person') : undefined;
    if (firstAgent?.id) {
      const a = actors.find((x) => x.id === firstAgent.id);
      if (a) lastPerson = { actor: a, at: s.start };
    } else if (persons.length) lastPerson = { actor: persons[0].actor!, at: persons[0].start };
  }
  quoteScan = undefined;
  return relations;
}

function participant(a: Actor, role: 'agent' | 'target', r: Ref): RelationParticipant {
  return { id: a.id, name: a.name, type: a.type, role, start: r.start, end: r.end };
}

function dedupe(ps: RelationParticipant[]): RelationParticipant[] {
  const seen = new Set<string>();
  return ps.filter((p) => {
    const k = p.id ?? p.name;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/**
 * The words between two verbs coordinate the second with the first: "… and", "… and then", "…, " in a series, with no
 * clause of its own in between (a relative clause, a quotation, a new sentence subject is found by chain()).
 */
function coordinated(between: string): boolean {
  if (/[;:“”"()]|\b(?:that|which|who|whom|where|when|while|because|if|but|or|said|says|told)\b/i.test(between)) return false;
  return /(?:\band|,)\s+(?:(?:also|then|later|briefly|separately)\s+)?$/.test(between) && between.length <= 120;
}

const CLAUSE_BREAK = /[;:.!?“”"()]|\b(?:that|which|who|whom|where|when|while|because|after|before|if)\b/i;

/**
 * Names next to the verb: the nearest one, then further ones in a list ("A, B and C accompanied"). Between names
 * only titles, demonyms, "and" and commas may stand; a comma list needs an "and" nearer the verb.
 */
function chain(ordered: Ref[], verbAt: number, dir: 'back' | 'forward', mask: (a: number, b: number) => string, text: string): Ref[] {
  const out: Ref[] = [];
  let edge = verbAt;
  let sawAnd = false;
  for (const r of ordered) {
    const gap = dir === 'back' ? mask(r.end, edge) : mask(edge, r.start);
    if (out.length === 0) {
      if (dir === 'back') {
        // Between the agent and its verb: an adverb or auxiliary, or an appositive in commas.
        const g = gap.replace(/^['’]s\b/u, '');
        // "The envoy, Mark Dunne, travelled": the name closes an apposition to a noun, and acts.
        const closesApposition = /^\s*,\s*$/.test(g) && /(?:^|\s)(?:[Tt]he|[Aa]n?|[Ii]ts|[Tt]heir|[Hh]is|[Hh]er)\s+(?:[\p{Ll}-]+\s+){0,3}[\p{Ll}-]+\s*,\s*$/u.test(text.slice(Math.max(0, r.start - 60), r.start));
        const ok = g.length <= 40 && (!/[,;:“”"()]/.test(g) || /^\s*,[^,;:]{1,80},\s*$/.test(g) || closesApposition) && !/\b(?:that|which|who|where|when|with|to|of|by|for|from|against|and)\b/i.test(g);
        if (!ok || /^['’]s\b/u.test(gap)) return out;
      } else {
        const ok = gap.length <= 60 && !CLAUSE_BREAK.test(gap) && !/,/.test(gap) && !/\b(?:said|says|told)\b/.test(gap);
        if (!ok) return out;
      }
      out.push(r);
      edge = dir === 'back' ? r.start : r.end;
      continue;
    }
    const g = gap.trim();
    const isAnd = /^(?:,\s*)?(?:and|&)$/.test(g) || /^and\s*,?$/.test(g);
    const isComma = /^,$/.test(g);
    if (isAnd) sawAnd = true;
    else if (!(isComma && (sawAnd || dir === 'forward'))) break;
    // "Chile’s Deputy Interior Minister …": a possessive names an affiliation, not another agent.
    if (dir === 'back' && /^['’]s/u.test(text.slice(r.end, r.end + 2))) break;
    out.push(r);
    edge = dir === 'back' ? r.start : r.end;
  }
  return dir === 'back' ? out.reverse() : out;
}

const LETTER_OR_HYPHEN = /[\p{L}-]/u;
/** The character (code point) that ends right before `at`. */
function charBefore(text: string, at: number): string {
  const c = text.charCodeAt(at - 1);
  const pair = c >= 0xdc00 && c <= 0xdfff && at >= 2 && text.charCodeAt(at - 2) >= 0xd800 && text.charCodeAt(at - 2) <= 0xdbff;
  return pair ? text.slice(at - 2, at) : text[at - 1];
}

/** Where the last insideQuote scan stopped: verbs come in text order, so the next one continues from there. */
let quoteScan: { text: string; para: number; at: number; open: boolean; straight: boolean } | undefined;

function insideQuote(text: string, from: number, at: number): boolean {
  // Quotes may open in an earlier sentence: count from the paragraph start.
  const para = text.lastIndexOf('\n', from) + 1;
  let p = para;
  let open = false;
  let straight = false;
  const last = quoteScan;
  if (last && last.text === text && last.para === para && last.at <= at) ({ at: p, open, straight } = last);
  for (; p < at; p++) {
    const c = text[p];
    if (c === '“') open = true;
    else if (c === '”') open = false;
    else if (c === '"') straight = !straight;
  }
  quoteScan = { text, para, at, open, straight };
  return open || straight;
}

function placeIn(text: string, s: Sentence, refs: Ref[], verbAt: number, exclude: Ref[]): Relation['where'] {
  const candidates = refs.filter((r) => r.actor?.type === 'place' && !exclude.includes(r));
  // "…, where he met …": the place just before the where-clause.
  const whereAt = text.slice(s.start, verbAt).search(/,?\s+where\s+[^,]*$/);
  if (whereAt >= 0) {
    const abs = s.start + whereAt;
    const before = candidates.filter((r) => r.end <= abs).pop();
    if (before?.actor) return { name: before.actor.name, id: before.actor.id, start: before.start, end: before.end, inferred: false };
  }
  for (const r of candidates) {
    const lead = text.slice(Math.max(s.start, r.start - 50), r.start);
    if (/\b(?:in|at)\s+(?:the\s+)?(?:[\p{L}-]+\s+){0,4}$/u.test(lead) && !/[,;]/.test(lead.slice(lead.search(/\b(?:in|at)\s+(?:the\s+)?(?:[\p{L}-]+\s+){0,4}$/u)))) {
      return { name: r.actor!.name, id: r.actor!.id, start: r.start, end: r.end, inferred: false };
    }
  }
  return undefined;
}

function whenIn(s: Sentence, timeline: readonly TimelineEntry[], verbAt: number): Relation['when'] {
  const inS = itemsWithin(timeline, s.start, s.end);
  if (!inS.length) return undefined;
  // The nearest date expression to the verb.
  const t = [...inS].sort((a, b) => Math.abs(a.start - verbAt) - Math.abs(b.start - verbAt))[0];
  return { text: t.text, date: t.date, start: t.start, end: t.end, inferred: false };
}

/** "on the eve of the envoy’s visit": the day before the trip the report told of. */
function eveOf(s: Sentence, trips: readonly Relation[], timeline: readonly TimelineEntry[]): Relation['when'] {
  const m = /\bon the eve of ([^,;.]+)/i.exec(s.text);
  if (!m) return undefined;
  const start = s.start + m.index;
  const when: Relation['when'] = { text: m[0], start, end: start + m[0].length, inferred: true };
  const trip = /\b(?:arrival|visit|trip)\b/i.test(m[1]) ? trips[trips.length - 1] : undefined;
  const tripDate = trip?.when?.date ?? timeline.find((t) => trip && t.start >= trip.evidence.start && t.end <= trip.evidence.end)?.date;
  if (tripDate) {
    const d = new Date(`${tripDate}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() - 1);
    when.date = d.toISOString().slice(0, 10);
  }
  return when;
}

function thatClause(text: string, s: Sentence, from: number): string | undefined {
  const rest = text.slice(from, s.end);
  const m = /^\s*(?:,\s*)?(?:that\s+)?/.exec(rest);
  let c = rest.slice(m ? m[0].length : 0).trim().replace(/[.;:!?]+$/u, '');
  if (!/^that\b/i.test(rest.trim()) && c.split(/\s+/).length < 3) return undefined;
  if (!/^\s*that\b/i.test(rest)) return undefined;
  if (c.length > 240) c = `${c.slice(0, 237).replace(/\s+\S*$/, '')}…`;
  return c || undefined;
}

/** What follows the verb (and its target) up to the end of the clause: "an agreement on grain transit". */
function objectPhrase(text: string, s: Sentence, from: number, clauseOnly = false, to = s.end): string | undefined {
  // up to the next verb of the sentence: "condemned the attack and met X" -> "the attack"
  let c = text.slice(from, Math.min(s.end, to)).trim().replace(/[.;:!?]+$/u, '');
  if (to < s.end) c = c.replace(/(?:\s*,|\s+and|\s+then|\s+also)+$/u, '').trim();
  if (clauseOnly) c = c.split(/,|;|\s+(?:and|but|while|after|before|as)\s+(?:said|says|told|added|warned|stressed)\b|\s+and\s+(?=\p{Ll}+ed\b)/u)[0].trim();
  if (clauseOnly && (!c || /^(?:on|in|at|to|with|by|from)\b/.test(c) || c.split(/\s+/).length > 20)) return undefined;
  if (c.length > 160) c = `${c.slice(0, 157).replace(/\s+\S*$/, '')}…`;
  return c || undefined;
}

function describe(r: Relation, agents: RelationParticipant[], targets: RelationParticipant[], reported: boolean): string {
  const list = (ps: RelationParticipant[]) => (ps.length <= 2 ? ps.map((p) => p.name).join(' and ') : `${ps.slice(0, -1).map((p) => p.name).join(', ')} and ${ps[ps.length - 1].name}`);
  let d = `${list(agents)} ${r.verb.replace(/^to /, '')}`;
  if (targets.length) d += ` ${list(targets)}`;
  if (r.content && !reported) d += ` ${r.content}`;
  if ((r.type === 'travel' || (r.type === 'visit' && !targets.length)) && r.where) d += ` ${r.where.name}`;
  else if (r.where) d += ` in ${r.where.name}`;
  if (r.when && !r.when.inferred) d += ` (${r.when.text}${r.when.date ? `, ${r.when.date}` : ''})`;
  if (r.content && reported) d += `: ${r.content}`;
  return d;
}
