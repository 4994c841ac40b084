/**
 * The threat picture of a report: its threat actors (aliases merged through ATT&CK and "also known as"), malware,
 * tools and techniques, what the text says they do ("X uses Y", "X targets Z", "attributed to X") and whom they
 * target (sectors, countries, organisations). Built from an analysis' entities; pure.
 */
import type { Entity, Span } from '../types';
import { splitSentences } from '../actors/sentences';
import { attackTables, ctiKey, groupByName, softwareByName, techniqueById } from './attack';
import type { CtiType } from './types';

export interface ThreatEntity {
  /** Stable within a text: `${type}:${ATT&CK ID or name key}`. */
  id: string;
  type: CtiType;
  /** The first name the text uses ("Fancy Bear"); for techniques ATT&CK's name ("Spearphishing Attachment"). */
  name: string;
  /** Other names the text uses for it ("Fancy Bear", "Sofacy"). */
  aliases: string[];
  /** ATT&CK ID: G0007, S0002, T1059.001, and ATT&CK's name for it ("CHOPSTICK" for X-Agent). */
  attackId?: string;
  attackName?: string;
  /** ATT&CK's other names for a group or software, when known (not all used in the text). */
  knownAliases?: string[];
  /** Techniques: the ATT&CK tactics ("execution") and the parent technique of a sub-technique. */
  tactics?: string[];
  parent?: string;
  mentions: Span[];
  firstMention: number;
  mentionCount: number;
}

export type ThreatEventType = 'uses' | 'targets' | 'attributed-to';

export interface ThreatTarget {
  name: string;
  kind: 'sector' | 'country' | 'organization' | 'other';
  /** Entity id when the target is a threat entity or an analysed name. */
  id?: string;
  start: number;
  end: number;
}

/** A typed event the text states: "APT28 used X-Agent", "APT28 targeted government agencies in Germany". */
export interface ThreatEvent {
  /** `threat:${index}` */
  id: string;
  type: ThreatEventType;
  /** The verb or phrase as written ("used", "targeted", "attributed to"). */
  verb: string;
  source: { id: string; name: string; type: CtiType };
  target: { id?: string; name: string; type: CtiType | ThreatTarget['kind'] };
  /** "APT28 uses X-Agent" */
  description: string;
  evidence: Span;
}

export interface ThreatPicture {
  actors: ThreatEntity[];
  malware: ThreatEntity[];
  tools: ThreatEntity[];
  techniques: ThreatEntity[];
  /** Sectors, countries and organisations the text says are targeted, first mention first, one per name. */
  targets: ThreatTarget[];
  events: ThreatEvent[];
}

const CTI: ReadonlySet<string> = new Set(['threatActor', 'malware', 'tool', 'technique']);

/** Sectors named as targets: "government", "defence contractors", "financial institutions", ... */
const SECTOR = /\b(?:government(?:s|al)?(?: agencies| entities| organi[sz]ations| institutions)?|ministr(?:y|ies) of foreign affairs|foreign ministries|diplomat(?:s|ic (?:entities|missions|organi[sz]ations))|military|armed forces|defen[cs]e(?: contractors| industry| sector| organi[sz]ations)?|aerospace|energy(?: sector| companies)?|oil and gas|utilities|electric(?:ity)? (?:grid|utilities)|nuclear|financial(?: institutions| services| sector)?|banks?|banking|cryptocurrency exchanges|healthcare|hospitals|pharmaceutical(?: companies)?|telecom(?:munications)?(?: providers| companies)?|media(?: organi[sz]ations| outlets)?|journalists|education(?:al institutions)?|universities|academi[ac]|research institutes|think tanks|non-?governmental organi[sz]ations|NGOs|political parties|election(?:s| infrastructure)|critical infrastructure|manufacturing|technology companies|IT (?:companies|providers|service providers)|managed service providers|retail|hospitality|transportation|logistics|maritime|aviation|automotive|chemical(?: companies)?|legal|law firms|insurance|engineering|construction|mining|agriculture|water|satellite|semiconductor(?: companies)?|gaming|dissidents|activists|human rights (?:groups|organi[sz]ations))\b/gi;

/** "The group", "the actor", "the operators": the threat actor named last. */
const GROUP_REF = /\b(?:[Tt]he|[Tt]his|[Tt]hese) (?:group|actors?|threat actors?|threat group|APT group|operators?|attackers?|intruders?|adversar(?:y|ies))\b/;

const USES = /\b(?:uses?|used|using|deploy(?:s|ed|ing)?|leverag(?:e|es|ed|ing)|employ(?:s|ed|ing)?|relie[sd] on|rel(?:y|ying) on|deliver(?:s|ed|ing)?|dropp?(?:s|ed|ing)?|install(?:s|ed|ing)?|execut(?:e|es|ed|ing)|launch(?:es|ed|ing)?|distribut(?:e|es|ed|ing)|spread(?:s|ing)?|wields?|ran|runs?|operat(?:e|es|ed|ing))\b/gi;
const TARGETS = /\b(?:target(?:s|ed|ing)?|attack(?:s|ed|ing)?|compromis(?:e|es|ed|ing)|breach(?:es|ed|ing)?|infiltrat(?:e|es|ed|ing)|hack(?:s|ed|ing)?|spear-?phish(?:es|ed|ing)?|against)\b/gi;
const ATTRIBUTED = /\b(?:attribut(?:e|es|ed|ing)|assess(?:es|ed)? (?:with \w+ confidence )?to be (?:linked|tied) |linked|tied)(?: \w+){0,2}? to\b/gi;
const USED_BY = /\b(?:used|deployed|operated|employed|leveraged|wielded) by\b/gi;

interface Named { start: number; end: number; name: string; id?: string; type: CtiType | ThreatTarget['kind'] }

export function buildThreat(text: string, entities: readonly Entity[]): ThreatPicture {
  const byId = new Map<string, ThreatEntity>();
  const idOfMention = new Map<number, string>();

  for (const e of entities) {
    if (!CTI.has(e.type)) continue;
    const type = e.type as CtiType;
    const { id, name, rec } = identify(type, e.text);
    const key = id;
    let t = byId.get(key);
    if (!t) {
      t = { id: key, type, name, aliases: [], mentions: [], firstMention: e.start, mentionCount: 0 };
      if (rec) Object.assign(t, rec);
      byId.set(key, t);
    }
    t.mentions.push({ start: e.start, end: e.end, text: e.text });
    t.mentionCount++;
    if (e.text !== t.name && !t.aliases.includes(e.text) && !(type === 'technique' && /^T\d/i.test(e.text) && e.text.toUpperCase() === t.attackId)) t.aliases.push(e.text);
    idOfMention.set(e.start, key);
  }
  // an alias declared in the text for an actor first seen under another name: "Sofacy (also known as APT28)"
  for (const [a, b] of aliasDeclarations(text, entities)) {
    const ia = idOfMention.get(a.start), ib = idOfMention.get(b.start);
    if (!ia || !ib || ia === ib) continue;
    const ta = byId.get(ia), tb = byId.get(ib);
    if (!ta || !tb || ta.type !== tb.type) continue;
    ta.mentions.push(...tb.mentions);
    ta.mentions.sort((x, y) => x.start - y.start);
    ta.mentionCount += tb.mentionCount;
    for (const n of [tb.name, ...tb.aliases]) if (n !== ta.name && !ta.aliases.includes(n)) ta.aliases.push(n);
    ta.firstMention = Math.min(ta.firstMention, tb.firstMention);
    ta.attackId ??= tb.attackId;
    for (const m of tb.mentions) idOfMention.set(m.start, ta.id);
    byId.delete(ib);
  }

  const sentences = splitSentences(text);
  const events: ThreatEvent[] = [];
  const targets = new Map<string, ThreatTarget>();
  const seen = new Set<string>();
  const addEvent = (type: ThreatEventType, verb: string, src: Named, tgt: Named, evidence: Span) => {
    const s = src.id ? byId.get(src.id) : undefined;
    if (!s) return;
    const tEnt = tgt.id ? byId.get(tgt.id) : undefined;
    const tName = tEnt?.name ?? tgt.name;
    const k = `${type}|${s.id}|${tEnt?.id ?? tName.toLowerCase()}`;
    if (s.id === tEnt?.id || seen.has(k)) return;
    seen.add(k);
    events.push({
      id: `threat:${events.length}`, type, verb,
      source: { id: s.id, name: s.name, type: s.type },
      target: { id: tEnt?.id, name: tName, type: tEnt?.type ?? tgt.type },
      description: `${s.name} ${type === 'uses' ? 'uses' : type === 'targets' ? 'targets' : 'is attributed to'} ${tName}`,
      evidence,
    });
  };

  let ei = 0;
  let lastActor: Named | undefined;
  for (const s of sentences) {
    while (ei < entities.length && entities[ei].end <= s.start) ei++;
    const inS: Named[] = [];
    for (let j = ei; j < entities.length && entities[j].start < s.end; j++) {
      const e = entities[j];
      if (CTI.has(e.type)) inS.push({ start: e.start, end: e.end, name: e.text, id: idOfMention.get(e.start), type: e.type as CtiType });
      else if (e.type === 'place') inS.push({ start: e.start, end: e.end, name: e.text, type: 'country' });
      else if (e.type === 'organization') inS.push({ start: e.start, end: e.end, name: e.text, type: 'organization' });
    }
    const sectors: Named[] = [];
    for (const m of s.text.matchAll(SECTOR)) {
      const a = s.start + m.index;
      if (!inS.some((n) => n.start < a + m[0].length && a < n.end)) sectors.push({ start: a, end: a + m[0].length, name: m[0], type: 'sector' });
    }
    const hasAgent = inS.some((n) => n.type === 'threatActor' || n.type === 'malware') || (lastActor && GROUP_REF.test(s.text));
    const actorsHere = inS.filter((n) => n.type === 'threatActor');
    if (!hasAgent) continue;
    const evidence: Span = { start: s.start, end: s.end, text: s.text };
    // the agent: the last threat actor before the verb, else "the group" (the last actor named before the
    // sentence), else the last entity of the other agent types
    const agentBefore = (at: number, types: readonly string[]) => {
      let actor: Named | undefined, other: Named | undefined;
      for (const n of inS) {
        if (n.end > at || !types.includes(n.type)) continue;
        if (n.type === 'threatActor') actor = n;
        else other = n;
      }
      if (actor) return actor;
      if (lastActor && GROUP_REF.test(text.slice(s.start, at))) return lastActor;
      return other;
    };
    // passive "X-Agent was used by APT28" first: it marks the verb that must not be read actively
    const passive = new Set<number>();
    for (const m of s.text.matchAll(USED_BY)) {
      const at = s.start + m.index, after = at + m[0].length;
      passive.add(at);
      const actor = inS.find((n) => n.start >= after && n.type === 'threatActor');
      if (!actor) continue;
      for (const n of inS) if (n.end <= at && (n.type === 'malware' || n.type === 'tool' || n.type === 'technique')) addEvent('uses', m[0], actor, n, evidence);
    }
    for (const m of s.text.matchAll(USES)) {
      const at = s.start + m.index;
      if (passive.has(at)) continue;
      const agent = agentBefore(at, ['threatActor', 'malware', 'tool']);
      if (!agent) continue;
      const next = nextVerbAt(s, at + m[0].length);
      for (const n of inS) {
        if (n.start < at || n.start >= next) continue;
        if (agent.type === 'threatActor' ? n.type === 'malware' || n.type === 'tool' || n.type === 'technique' : n.type === 'technique') addEvent('uses', m[0], agent, n, evidence);
      }
    }
    for (const m of s.text.matchAll(TARGETS)) {
      const at = s.start + m.index;
      const agent = agentBefore(at, ['threatActor', 'malware']);
      if (!agent) continue;
      const next = nextVerbAt(s, at + m[0].length);
      for (const n of [...inS, ...sectors]) {
        if (n.start < at || n.start >= next) continue;
        if (n.type !== 'country' && n.type !== 'organization' && n.type !== 'sector') continue;
        addEvent('targets', m[0], agent, n, evidence);
        const k = n.name.toLowerCase();
        if (!targets.has(k)) targets.set(k, { name: n.name, kind: n.type, start: n.start, end: n.end });
      }
    }
    for (const m of s.text.matchAll(ATTRIBUTED)) {
      const at = s.start + m.index, after = at + m[0].length;
      const subject = agentBefore(at, ['threatActor', 'malware', 'tool']);
      const to = inS.find((n) => n.start >= after && (n.type === 'threatActor' || n.type === 'organization' || n.type === 'country'));
      if (subject && to) addEvent('attributed-to', m[0], subject, to, evidence);
      else if (!subject && to?.type === 'threatActor') {
        // "The campaign is attributed to APT28": the malware and tools of the sentence are attributed to the actor
        for (const n of inS) if (n.end <= at && (n.type === 'malware' || n.type === 'tool')) addEvent('attributed-to', m[0], n, to, evidence);
      }
    }
    if (actorsHere.length) lastActor = actorsHere[actorsHere.length - 1];
  }

  const all = [...byId.values()].sort((a, b) => b.mentionCount - a.mentionCount || a.firstMention - b.firstMention);
  return {
    actors: all.filter((t) => t.type === 'threatActor'),
    malware: all.filter((t) => t.type === 'malware'),
    tools: all.filter((t) => t.type === 'tool'),
    techniques: all.filter((t) => t.type === 'technique').sort((a, b) => (a.attackId ?? a.name).localeCompare(b.attackId ?? b.name)),
    targets: [...targets.values()].sort((a, b) => a.start - b.start),
    events,
  };
}

/** Where the next clause verb of the sentence starts (a "uses" or "targets" verb after `from`), else its end. */
function nextVerbAt(s: Span, from: number): number {
  const rest = s.text.slice(from - s.start);
  const re = /\b(?:and|while|but|which|who)\s+(?:also\s+)?(?:has\s+|have\s+|had\s+)?(?:target|attack|compromis|use|deploy|leverag|employ|deliver|drop|install)\w*\b|[;]/i;
  const m = re.exec(rest);
  return m ? from + m.index : s.end;
}

/** ID, canonical name and ATT&CK facts of a CTI mention. */
function identify(type: CtiType, text: string): { id: string; name: string; rec?: Partial<ThreatEntity> } {
  if (type === 'technique') {
    const t = /^T\d{4}/i.test(text) ? techniqueById(text) : attackTables().techniqueNames.get(text.toLowerCase());
    if (t) return { id: `technique:${t.id}`, name: t.name, rec: { attackId: t.id, tactics: t.tactics, ...(t.parent ? { parent: t.parent } : {}) } };
    return { id: `technique:${text.toUpperCase()}`, name: text.toUpperCase() };
  }
  if (type === 'threatActor') {
    const g = groupByName(text);
    if (g) return { id: `threatActor:${g.id}`, name: text, rec: { attackId: g.id, attackName: g.name, knownAliases: [g.name, ...g.aliases].filter((n) => n !== text) } };
  } else {
    const s = softwareByName(text);
    if (s && s.id) {
      const known = [s.name, ...s.aliases].filter((n) => n !== text);
      return { id: `${type}:${s.id}`, name: text, rec: { attackId: s.id, attackName: s.name, ...(known.length ? { knownAliases: known } : {}) } };
    }
  }
  return { id: `${type}:${ctiKey(text)}`, name: text };
}

/**
 * "X (also known as Y)", "X, aka Y and Z", "X (a.k.a. Y)", "Y, also tracked as X": pairs [first entity, alias
 * entity] of CTI entities of the same type the text declares to be one.
 */
function aliasDeclarations(text: string, entities: readonly Entity[]): Array<[Entity, Entity]> {
  const out: Array<[Entity, Entity]> = [];
  const re = /\b(?:also known as|a\.?k\.?a\.?|also (?:called|named|tracked as|referred to as)|known (?:to others )?as)\b/gi;
  const cti = entities.filter((e) => CTI.has(e.type) && e.type !== 'technique');
  for (const m of text.matchAll(re)) {
    const at = m.index, after = at + m[0].length;
    let prev: Entity | undefined;
    for (const e of cti) if (e.end <= at && at - e.end <= 4) prev = e;
    if (!prev) continue;
    // the aliases: CTI entities right after, separated by commas, "and", "or" and quotes
    let pos = after;
    for (const e of cti) {
      if (e.start < pos) continue;
      if (!/^[\s,"'“”‘’()]*(?:(?:and|or)\s+)?["'“‘]?$/.test(text.slice(pos, e.start))) break;
      if (e.type === prev.type) out.push([prev, e]);
      pos = e.end;
    }
  }
  return out;
}
