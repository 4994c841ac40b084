import type { Relation, RelationType, Summary, SummaryActor, SummaryIndicator, SummaryPlace } from '../../types';
import { isoOf } from '../gazetteer';
import { uuidv5 } from './uuid';
import { attackPatternObject, threatObjects } from '../../cti/stix';
import { annotationNotes } from '../../annotations/stix';

/** Namespace of Analyst Lens STIX ids (a fixed random UUID): the same content gives the same id on every export. */
export const STIX_NAMESPACE = '5b3c1e0a-8f2d-4c1e-9a57-2f6d4e8b9c31';

export interface StixObject {
  type: string;
  spec_version: '2.1';
  id: string;
  created: string;
  modified: string;
  [key: string]: unknown;
}

export interface StixBundle {
  type: 'bundle';
  id: string;
  objects: StixObject[];
}

/** STIX relationship_type for each relation type (lowercase, hyphens: the spec's pattern). */
const REL_TYPES: Record<RelationType, string> = {
  meeting: 'met-with',
  travel: 'travelled-to',
  statement: 'addressed',
  warning: 'warned',
  accompaniment: 'accompanied',
  attack: 'attacked',
  agreement: 'agreed-with',
  discussion: 'discussed-with',
  threat: 'threatened',
  support: 'supported',
  criticism: 'criticized',
  call: 'spoke-with',
  talks: 'held-talks-with',
  visit: 'visited',
  arrest: 'arrested',
  other: 'related-to',
};

const id = (type: string, ...parts: (string | undefined)[]) => `${type}--${uuidv5([type, ...parts.map((p) => p ?? '')].join('\u001f'), STIX_NAMESPACE)}`;

/**
 * The summary as a STIX 2.1 bundle: a `report` whose object_refs list an `identity` per person and organisation, a
 * `location` per place, a `relationship` per relation (one per agent-target pair; travel as `located-at`), and a
 * `note` per quote. Ids are UUIDv5 of the content and timestamps come from the report date, so exporting the same
 * report twice gives the same bundle.
 */
export function toStix(summary: Summary): StixBundle {
  const ts = summary.reportDate.date ? `${summary.reportDate.date}T00:00:00.000Z` : '1970-01-01T00:00:00.000Z';
  const common = { spec_version: '2.1' as const, created: ts, modified: ts };
  const objects: StixObject[] = [];
  const byActor = new Map<string, string>();

  const identity = (a: SummaryActor, cls: 'individual' | 'organization') => {
    const o: StixObject = { type: 'identity', ...common, id: id('identity', cls, a.name), name: a.name, identity_class: cls };
    const desc: string[] = [];
    if (a.affiliation) desc.push(`Affiliation: ${a.affiliation}.`);
    if (a.aliases.length) desc.push(`Also named: ${a.aliases.join(', ')}.`);
    if (desc.length) o.description = desc.join(' ');
    if (a.roles.length) o.roles = [...a.roles];
    objects.push(o);
    byActor.set(a.id, o.id);
  };
  for (const a of summary.actors) if (a.type === 'person') identity(a, 'individual');
  for (const a of summary.organizations) identity(a, 'organization');

  for (const p of summary.places as SummaryPlace[]) {
    const iso = isoOf(p.kind === 'country' ? p.name : p.country);
    const named = isoOf(p.name);
    const o: StixObject = { type: 'location', ...common, id: id('location', p.name), name: p.name };
    if (iso.code) o.country = iso.code;
    if (iso.region ?? named.region) o.region = iso.region ?? named.region;
    // STIX requires a region, a country or coordinates: a place the gazetteer does not know says so.
    if (!o.country && !o.region) o.region = 'unknown';
    if (p.kind === 'city' && p.kind !== undefined) o.city = p.name;
    if (p.country && !iso.code) o.description = `In ${p.country}.`;
    objects.push(o);
    byActor.set(p.id, o.id);
  }

  // Nationalities acting through their forces or officials ("Russian forces") are group identities.
  const participantRef = new Map<string, string>();
  for (const r of summary.relations) {
    for (const p of r.participants) {
      if (p.id || p.type !== 'group' || participantRef.has(p.name)) continue;
      const o: StixObject = { type: 'identity', ...common, id: id('identity', 'group', p.name), name: p.name, identity_class: 'group' };
      objects.push(o);
      participantRef.set(p.name, o.id);
    }
  }
  const refOf = (p: { id?: string; name: string }) => (p.id ? byActor.get(p.id) : participantRef.get(p.name));

  const rels: StixObject[] = [];
  const seen = new Set<string>();
  const addRel = (r: Relation, src: string, tgt: string, relType: string) => {
    const key = `${relType}|${src}|${tgt}|${r.evidence.text}`;
    if (src === tgt || seen.has(key)) return;
    seen.add(key);
    const o: StixObject = { type: 'relationship', ...common, id: id('relationship', key), relationship_type: relType, source_ref: src, target_ref: tgt, description: r.description };
    if (r.when?.date) o.start_time = `${r.when.date}T00:00:00.000Z`;
    rels.push(o);
  };
  for (const r of summary.relations) {
    const agents = r.participants.filter((p) => p.role === 'agent' && refOf(p));
    const targets = r.participants.filter((p) => p.role === 'target' && refOf(p));
    for (const a of agents) {
      for (const t of targets) addRel(r, refOf(a)!, refOf(t)!, REL_TYPES[r.type]);
      // A trip is the traveller located at the destination.
      if ((r.type === 'travel' || r.type === 'visit') && r.where?.id && byActor.has(r.where.id)) addRel(r, refOf(a)!, byActor.get(r.where.id)!, 'located-at');
    }
  }
  objects.push(...rels);

  // Threat section: intrusion sets, malware, tools, attack patterns and their uses/targets/attributed-to relationships.
  // (Places and organisations already in the bundle are the same objects: same content, same id.)
  const have = new Set(objects.map((o) => o.id));
  if (summary.threat) for (const o of threatObjects(summary.threat, common, id, isoOf)) if (!have.has(o.id)) { objects.push(o); have.add(o.id); }
  // Indicators of compromise: STIX patterns for observables, vulnerabilities for CVEs, attack patterns for ATT&CK.
  // Citations (listed only when asked for) are not exported as indicators.
  for (const i of summary.indicators) {
    if (i.citation) continue;
    const o = indicatorObject(i, common, ts);
    if (!have.has(o.id)) { objects.push(o); have.add(o.id); }
  }

  const reportName = summary.title ?? (summary.bluf.text ? shorten(summary.bluf.text, 100) : 'Report summary');
  const reportId = id('report', reportName, summary.reportDate.date);
  for (const q of summary.quotes) {
    const speaker = q.speakerId ? byActor.get(q.speakerId) : undefined;
    const o: StixObject = {
      type: 'note',
      ...common,
      id: id('note', q.speaker, q.text),
      abstract: q.indirect ? (q.speaker ? `Reported speech of ${q.speaker}` : 'Unattributed reported speech') : q.speaker ? `Quote by ${q.speaker}` : 'Unattributed quote',
      content: q.text,
      object_refs: [speaker ?? reportId],
    };
    objects.push(o);
  }

  // The analyst's notes (annotations that carry one), each referring to the report.
  objects.push(...annotationNotes(summary.annotations, reportId, common, (a) => id('note', 'annotation', a.id)));

  const report: StixObject = {
    type: 'report',
    ...common,
    id: reportId,
    name: reportName,
    published: ts,
    report_types: ['threat-report'],
    object_refs: objects.map((o) => o.id),
  };
  if (summary.bluf.text) report.description = summary.bluf.text;
  if (summary.topics.length) report.labels = summary.topics.slice(0, 8).map((t) => t.text);
  // A report must refer to something: an empty summary refers to itself through a note.
  if (!objects.length) {
    const note: StixObject = { type: 'note', ...common, id: id('note', 'empty', reportName), content: 'Analyst Lens found no actors, places or relations in this report.', object_refs: [reportId] };
    objects.push(note);
    report.object_refs = [note.id];
  }
  const all = [report, ...objects];
  return { type: 'bundle', id: id('bundle', reportId), objects: all };
}

const PATTERN_PATHS: Record<string, string> = {
  ipv4: 'ipv4-addr:value',
  ipv6: 'ipv6-addr:value',
  domain: 'domain-name:value',
  url: 'url:value',
  email: 'email-addr:value',
  md5: "file:hashes.MD5",
  sha1: "file:hashes.'SHA-1'",
  sha256: "file:hashes.'SHA-256'",
};

/** A STIX pattern string literal: backslash and quote escaped. */
const patternString = (v: string) => `'${v.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

function indicatorObject(i: SummaryIndicator, common: { spec_version: '2.1'; created: string; modified: string }, validFrom: string): StixObject {
  if (i.type === 'cve') {
    const name = i.value.toUpperCase();
    return { type: 'vulnerability', ...common, id: id('vulnerability', name), name, external_references: [{ source_name: 'cve', external_id: name }] };
  }
  if (i.type === 'attack-technique') return attackPatternObject(i.value, common, id);
  const path = PATTERN_PATHS[i.type] ?? 'artifact:payload_bin';
  const value = i.type === 'md5' || i.type === 'sha1' || i.type === 'sha256' ? i.value.toLowerCase() : i.value;
  const o: StixObject = {
    type: 'indicator',
    ...common,
    id: id('indicator', i.type, value),
    name: `${i.type}: ${value}`,
    indicator_types: ['unknown'],
    pattern: `[${path} = ${patternString(value)}]`,
    pattern_type: 'stix',
    valid_from: validFrom,
  };
  if (i.sentence.text) o.description = `Reported in: ${shorten(i.sentence.text, 300)}`;
  return o;
}

function shorten(s: string, max: number): string {
  return s.length <= max ? s : `${s.slice(0, max).replace(/\s+\S*$/, '')}…`;
}

/** The bundle as pretty-printed JSON text. */
export function toStixJson(summary: Summary): string {
  return `${JSON.stringify(toStix(summary), null, 2)}\n`;
}
