/**
 * STIX 2.1 objects of the summary's Threat section: `intrusion-set` (with aliases), `malware` (`is_family`), `tool`,
 * `attack-pattern` (ATT&CK external reference and kill-chain phases), and `relationship`s `uses` / `targets` /
 * `attributed-to` for the events the text states. Targets become `location`s (countries) or `identity`s (sectors:
 * identity_class 'class'; organisations). summary/export/stix.ts adds them to the bundle.
 */
import type { SummaryThreat } from '../types';
import type { ThreatEntity } from './threat';
import { techniqueById } from './attack';

type Common = { spec_version: '2.1'; created: string; modified: string };
type Obj = { type: string; spec_version: '2.1'; id: string; created: string; modified: string; [key: string]: unknown };

const ATTACK_URL: Record<string, string> = { G: 'groups', S: 'software', T: 'techniques' };

export function attackReference(attackId: string): { source_name: string; external_id: string; url: string } {
  const kind = ATTACK_URL[attackId[0]] ?? 'techniques';
  return { source_name: 'mitre-attack', external_id: attackId, url: `https://attack.mitre.org/${kind}/${attackId.replace('.', '/')}/` };
}

/** The attack-pattern of an ATT&CK technique ID (for indicators of type attack-technique too). */
export function attackPatternObject(tid: string, common: Common, makeId: (type: string, ...parts: string[]) => string): Obj {
  const t = techniqueById(tid);
  const o: Obj = { type: 'attack-pattern', ...common, id: makeId('attack-pattern', tid.toUpperCase()), name: t ? t.name : tid.toUpperCase(), external_references: [attackReference(tid.toUpperCase())] };
  if (t?.tactics.length) o.kill_chain_phases = t.tactics.map((p) => ({ kill_chain_name: 'mitre-attack', phase_name: p }));
  return o;
}

export function threatObjects(t: SummaryThreat, common: Common, makeId: (type: string, ...parts: string[]) => string, isoOf: (name: string) => { code?: string; region?: string }): Obj[] {
  const objects: Obj[] = [];
  const ref = new Map<string, string>();
  const refs = (e: ThreatEntity) => (e.attackId ? { external_references: [attackReference(e.attackId)] } : {});
  const names = (e: ThreatEntity) => [...new Set([...e.aliases, ...(e.attackName && e.attackName !== e.name ? [e.attackName] : []), ...(e.knownAliases ?? [])])].filter((n) => n !== e.name);
  // Intrusion sets, malware and tools: a named object with its ATT&CK reference and aliases.
  const named = (type: 'intrusion-set' | 'malware' | 'tool', e: ThreatEntity, extra: { is_family?: boolean } = {}) => {
    const o: Obj = { type, ...common, id: makeId(type, e.attackId ?? e.name), name: e.name, ...extra, ...refs(e) };
    const al = names(e);
    if (al.length) o.aliases = al;
    objects.push(o);
    ref.set(e.id, o.id);
  };
  for (const a of t.actors) named('intrusion-set', a);
  for (const m of t.malware) named('malware', m, { is_family: true });
  for (const x of t.tools) named('tool', x);
  for (const x of t.techniques) {
    const o: Obj = x.attackId
      ? attackPatternObject(x.attackId, common, makeId)
      : { type: 'attack-pattern', ...common, id: makeId('attack-pattern', x.name), name: x.name };
    objects.push(o);
    ref.set(x.id, o.id);
  }
  // targets and attribution targets that are not threat entities: locations and identities
  const other = new Map<string, string>();
  const targetRef = (name: string, kind: string): string | undefined => {
    const k = `${kind}|${name.toLowerCase()}`;
    const known = other.get(k);
    if (known) return known;
    let o: Obj;
    if (kind === 'country') {
      const iso = isoOf(name);
      o = { type: 'location', ...common, id: makeId('location', name), name };
      if (iso.code) o.country = iso.code;
      if (iso.region) o.region = iso.region;
      if (!o.country && !o.region) o.region = 'unknown';
    } else if (kind === 'sector') {
      o = { type: 'identity', ...common, id: makeId('identity', 'class', name), name, identity_class: 'class' };
    } else if (kind === 'organization') {
      o = { type: 'identity', ...common, id: makeId('identity', 'organization', name), name, identity_class: 'organization' };
    } else return undefined;
    objects.push(o);
    other.set(k, o.id);
    return o.id;
  };
  for (const e of t.events) {
    const src = ref.get(e.source.id);
    const tgt = e.target.id ? ref.get(e.target.id) : targetRef(e.target.name, e.target.type);
    if (!src || !tgt || src === tgt) continue;
    objects.push({
      type: 'relationship', ...common, id: makeId('relationship', e.type, src, tgt),
      relationship_type: e.type, source_ref: src, target_ref: tgt, description: `${e.description}. ${e.evidence.text}`.slice(0, 1000),
    });
  }
  return objects;
}
