import type { Actor, ActorType, Analysis, BuildActorsOptions, Entity, Mention, MentionKind, Quote, RegistryEntry, Span } from '../types';
import { applySplits } from '../lens/corrections';
import { appositionThing, COMPANY_BEFORE, companyContext } from '../extract/spans';
import { acronymOf, isAcronym, leadingLowercase, looksLikeName, nameKey, nameTokens, slug } from './names';
import { countryOf, countryOfName } from './demonyms';
import { readMentionContext, roleKey } from './roles';
import { isRoleHead, readStructure, type StructureFact } from './appositions';
import { findNominals } from './nominals';
import { attributeQuotes, findQuotations, isScareQuote, joinSplitQuotes, type LinkedMention } from './quotes';
import { sentenceIndexAt, splitSentences } from './sentences';
import { findActions } from './actions';
import { findReported } from './reported';
import { affiliationsFromDescriptions } from './introductions';
import { resolvePronouns, PRONOUN_MENTION_MIN } from './pronouns';
import { resolveOrgPronouns } from './orgpronouns';
import { findAgeDescriptions } from './ages';

const ACTOR_TYPES = new Set<string>(['person', 'organization', 'place', 'group']);

/** A mention before it belongs to an actor. */
interface Raw {
  start: number;
  end: number;
  text: string;
  type: ActorType;
  kind: MentionKind;
  confidence: number;
  key: string;
  /** Index into analysis.entities when the mention comes from an entity. */
  entity?: number;
  /** Index into the registry when the mention names a registry entry. */
  entry?: number;
  /** Why the mention joined its actor, when it is not the name itself. */
  evidence?: string;
}

/** An actor being assembled. */
interface Draft {
  type: ActorType;
  raws: Raw[];
  entry?: number;
  name: string;
  id: string;
  roles: string[];
  rank?: string;
  affiliation?: string;
  aliases: string[];
  mentions: Mention[];
}

/**
 * Merges the person, organisation, place and group mentions of an analysed text into actors: one per real-world
 * actor, with a canonical name, aliases as written, roles and ranks, affiliation, nominal references, quotes,
 * co-occurring actors, actions and a salience. Registry entries merge names by alias and override what the text
 * says; ignored names are never actors. Pure and synchronous.
 */
export function buildActors(text: string, analysis: Analysis, options: BuildActorsOptions = {}): Actor[] {
  const ents = [...analysis.entities].sort((a, b) => a.start - b.start || b.end - a.end);
  const registry = options.registry ?? [];
  const ignored = new Set([...(options.ignore ?? [])].map(nameKey));

  // 1. Mentions from entities and from registry names found in the text.
  let raws: Raw[] = [];
  ents.forEach((e, i) => {
    if (!ACTOR_TYPES.has(e.type)) return;
    // The analyst's entity annotations are names as written, even in lower case.
    const byAnalyst = e.source === 'annotation';
    const skip = byAnalyst ? 0 : leadingLowercase(e.text);
    const start = e.start + skip;
    const t = text.slice(start, e.end);
    const key = nameKey(t);
    // Ignored names stay until clustering, so the surnames of an ignored full name go with it.
    if ((!byAnalyst && !looksLikeName(t)) || !key) return;
    raws.push({ start, end: e.end, text: t, type: e.type as ActorType, kind: 'name', confidence: 1, key, entity: i });
  });
  const registryKeys = new Map<string, number>();
  registry.forEach((entry, idx) => {
    for (const n of [entry.name, ...(entry.aliases ?? [])]) {
      const k = nameKey(n);
      if (k && !ignored.has(k) && !registryKeys.has(k)) registryKeys.set(k, idx);
    }
  });
  raws = addRegistryMatches(text, raws, registry, registryKeys, ignored);

  // 1a. "“…” ― Jane Roe" at the end of a line: the name signing a quotation is a person, even when the tagger missed it.
  for (const m of text.matchAll(/[”"’][ \t\u00a0]*[―—–][ \t\u00a0]*(\p{Lu}[\p{L}'’.-]*(?:[ \t\u00a0]+\p{Lu}[\p{L}'’.-]*){0,3}?)[ \t\u00a0]*\.?[ \t\u00a0]*(?=\r?\n|$)/gu)) {
    const name = /[^.\s]{2}\.$/.test(m[1]) ? m[1].slice(0, -1) : m[1]; // "Per Dahl." ends a sentence; "Julie A." keeps its initial
    const start = m.index! + m[0].indexOf(m[1]);
    const end = start + name.length;
    const key = nameKey(name);
    if (!key || !looksLikeName(name) || ignored.has(key) || raws.some((r) => r.start < end && start < r.end)) continue;
    raws.push({ start, end, text: name, type: 'person', kind: 'name', confidence: 0.8, key });
  }
  raws.sort((a, b) => a.start - b.start);

  // 1b. Names the tagger took for people that the words around them show are things or places.
  const things = new Map<string, ActorType>();
  const byOwnName = new Map<string, ActorType>();
  for (const r of raws) {
    if (r.type !== 'person' || r.kind !== 'name') continue;
    r.type = personOrThing(text, r);
    // "General Motors Corporation" read as the title "General" and a person: the organisation keeps its first word.
    const prev = r.type === 'organization' && r.entity !== undefined && r.entity > 0 ? ents[r.entity - 1] : undefined;
    if (prev && prev.type === 'title' && /^\p{Lu}\p{Ll}+$/u.test(prev.text) && /^ $/.test(text.slice(prev.end, r.start)) && ORG_NAME_END.test(r.text)) {
      r.start = prev.start;
      r.text = text.slice(r.start, r.end);
      r.key = nameKey(r.text);
    }
    // A word of a name typed by its own last word ("Clinton" of a "Clinton Foundation") may still be a person's surname.
    if (r.type !== 'person') for (const t of nameTokens(r.key)) if (!ORG_NAME_END.test(r.text) && !SITE_NAME_END.test(r.text)) things.set(t, r.type); else byOwnName.set(t, r.type);
  }
  // "Nimitz" after "the aircraft carrier Chester Nimitz": a word of a thing's name is not a person either, unless it is
  // the surname of a person of the document ("Clinton" of "Hillary Clinton" beside the "Clinton Foundation").
  const fullSurnames = new Set<string>();
  for (const r of raws) if (r.type === 'person') { const t = nameTokens(r.key); if (t.length >= 2) fullSurnames.add(t[t.length - 1]); }
  for (const r of raws) {
    if (r.type !== 'person' || r.kind !== 'name' || nameTokens(r.key).length !== 1) continue;
    const t = things.get(r.key) ?? (fullSurnames.has(r.key) ? undefined : byOwnName.get(r.key));
    if (t) r.type = t;
  }
  raws = raws.filter((r) => !(r.type === 'person' && (quotedTitle(text, r) || insideChiefTitle(text, r))));

  // 1c. Words around a name that show it speaks. "Lisbon radio said": a place with a broadcaster's noun after it is
  // that broadcaster, an organisation. "Rashid said" where "Rashid" was typed a place: a place does not speak, so a
  // single word that is the surname of one person of the document (and no country) is that person, everywhere.
  const speaking = new Set<string>();
  const surnames = new Map<string, number>();
  for (const r of raws) if (r.type === 'person') { const t = nameTokens(r.key); if (t.length >= 2) surnames.set(t[t.length - 1], (surnames.get(t[t.length - 1]) ?? 0) + 1); }
  for (const r of raws) {
    if (r.kind !== 'name' || r.type === 'group') continue;
    const after = text.slice(r.end, r.end + 40);
    const media = r.type === 'place' ? /^[ \t\u00a0]+(?:radio|television|TV)\b/i.exec(after) : null;
    if (media) {
      r.end += media[0].length;
      r.text = text.slice(r.start, r.end);
      r.key = nameKey(r.text);
      r.type = 'organization';
      delete r.entity;
      continue;
    }
    const toks = nameTokens(r.key);
    if (toks.length === 1 && surnames.has(toks[0]) && !countryOf(r.text) && !countryOfName(r.text) && SAYS_AFTER.test(after)) speaking.add(r.key);
  }
  for (const r of raws) if (speaking.has(r.key) && r.kind === 'name') r.type = 'person';

  // 1d. Companies the tagger read as a group: decided once, by the analysis (extract/spans hiddenCompany), which hides
  // the tagger's "other" names that are no group of people and makes those with a company cue organisations. A
  // group that reaches the actor model (the analysis, an analyst's correction or annotation) is taken as given.

  // 1e. Products the tagger read as organisations or people: a model designation ("A380", "MD-95"), a name after a
  // brand and a model number ("Boeing 787 Dreamliner") or before a product noun ("MacBook Air laptops"), or after a
  // camel-case brand ("iPod Touch"), when no mention of the name shows a company.
  const products = new Map<string, boolean>();
  for (const r of raws) {
    if (r.kind !== 'name' || (r.type !== 'organization' && r.type !== 'person')) continue;
    const company = r.type === 'organization' && (companyContext(text, r.start, r.end) || ORG_NAME_END.test(r.text));
    const product = MODEL_NAME.test(r.text) || productCue(text, r);
    if (company) products.set(r.key, false);
    else if (product && !products.has(r.key)) products.set(r.key, true);
  }
  for (const r of raws) if (products.get(r.key) && r.kind === 'name' && (r.type === 'organization' || r.type === 'person')) r.type = 'group';

  // 2. One type per name: where the tagger disagrees with itself, the majority (then the first) wins.
  const votes = new Map<string, Map<ActorType, number>>();
  for (const r of raws) {
    if (r.type === 'group' || r.kind === 'registry') continue;
    const v = votes.get(r.key) ?? new Map<ActorType, number>();
    v.set(r.type, (v.get(r.type) ?? 0) + 1);
    votes.set(r.key, v);
  }
  for (const r of raws) {
    const v = votes.get(r.key);
    if (r.type === 'group' || !v || v.size < 2) continue;
    r.type = [...v.entries()].sort((a, b) => b[1] - a[1])[0][0];
  }

  // 3. Clusters.
  const drafts = cluster(raws, registry, registryKeys);

  // 4. Names, roles, affiliations; ignore by canonical name.
  const byEntity = new Map<number, Draft>();
  for (const d of drafts) for (const r of d.raws) if (r.entity !== undefined) byEntity.set(r.entity, d);
  const kept = drafts.filter((d) => {
    d.name = d.entry !== undefined ? registry[d.entry].name : canonicalName(d);
    if (ignored.has(nameKey(d.name))) return false;
    d.raws = d.raws.filter((r) => !ignored.has(r.key));
    if (d.entry === undefined && d.raws.length && ignored.size) d.name = canonicalName(d);
    return d.raws.length > 0;
  });
  // Read once, for the affiliations, the pronouns, the quotes and the co-occurrences below.
  const sentences = splitSentences(text);
  readRolesAndAffiliations(text, ents, kept, byEntity, registry, sentences);
  retypeOrganisations(text, ents, kept);
  assignIds(kept);

  // 5. Mentions and aliases as written.
  for (const d of kept) {
    const aliases = new Set<string>();
    for (const r of d.raws) {
      const mention: Mention = { start: r.start, end: r.end, text: r.text, kind: r.kind, confidence: r.confidence };
      if (r.evidence) mention.evidence = r.evidence;
      d.mentions.push(mention);
      if (r.text !== d.name) aliases.add(r.text);
      const poss = /^['’]s?(?![\p{L}\p{N}])/u.exec(text.slice(r.end, r.end + 3));
      if (poss) aliases.add(r.text + poss[0]);
      const e = r.entity !== undefined ? r.entity : -1;
      const prev = e > 0 ? ents[e - 1] : undefined;
      if (prev && prev.type === 'title' && /^[ \t\u00a0]+$/.test(text.slice(prev.end, r.start)) && r.text !== d.name) aliases.add(`${prev.text} ${r.text}`);
    }
    d.aliases = [...aliases];
  }

  // 6. Nominal references ("the Premier", "the Israel leader").
  const people = kept.filter((d) => d.type === 'person');
  const nominals = findNominals(
    text,
    ents,
    people.map((d) => ({ id: d.id, roles: d.roles, affiliation: d.affiliation, firstMention: Math.min(...d.mentions.map((m) => m.start)) })),
  );
  const byId = new Map(kept.map((d) => [d.id, d]));
  const taken = kept.flatMap((d) => d.mentions);
  for (const n of nominals) {
    // A name inside the phrase ("Israel" in "the Israel leader") stays a mention of its own actor.
    if (taken.some((m) => m.start < n.end && n.start < m.end && (m.start < n.start || m.end > n.end))) continue;
    const d = byId.get(n.actorId)!;
    d.mentions.push({ start: n.start, end: n.end, text: n.text, kind: 'nominal', confidence: n.confidence, evidence: n.evidence });
    if (!d.aliases.includes(n.text)) d.aliases.push(n.text);
  }
  for (const d of kept) d.mentions.sort((a, b) => a.start - b.start);

  const allQuotations = findQuotations(text);

  // 6b. Pronouns ("he", "her") to people, with their gender (pronouns.ts).
  const coref = resolvePronouns(text, people.map((d) => ({ id: d.id, mentions: d.mentions, roles: d.roles })), { skip: [...ents, ...taken], sentences, quotations: allQuotations });
  // "it"/"its" to organisations and to countries acting as one (orgpronouns.ts).
  const orgTargets = kept.filter((d) => d.type === 'organization' || (d.type === 'place' && countryOfName(d.name)));
  const orgLinks = resolveOrgPronouns(text, orgTargets.map((d) => ({ id: d.id, type: d.type as 'organization' | 'place', mentions: d.mentions })), { sentences, quotations: allQuotations, things: ents });
  // "the 45-year-old" to the one person introduced with that age (descriptions.ts).
  const ageLinks = findAgeDescriptions(text, people, coref.genders);

  // 7. Quotes.
  const linked: LinkedMention[] = kept.flatMap((d) => d.mentions.map((m) => ({ ...m, actorId: d.id, type: d.type })));
  // A scare quote (the so-called “peace dividend”) is the writer's distance from a phrase, not anyone's words.
  const quotations = allQuotations.filter((q) => !isScareQuote(text, q));
  const roles = new Map(people.map((d) => [d.id, d.roles]));
  const affiliations = new Map(people.map((d) => [d.id, d.affiliation]));
  const direct = attributeQuotes(text, quotations, linked, coref, roles, affiliations);
  const reported = findReported(text, quotations, linked, sentences, new Set(direct.filter((q) => q.speakerId).map((q) => q.start)), { roles, affiliations, genders: coref.genders });
  // A quotation inside reported speech ("Jones says Smith “never paid his own bills”") has the same speaker.
  for (const q of direct) {
    // (a quotation whose own attribution names no one, "said one source", keeps no speaker)
    if (q.speakerId || q.speakerText) continue;
    // …, or that the quotation goes on from ("He acknowledged that many had left. “But for most of us …”").
    // (or whose sentence it follows: "The talks may stall, Berg said. “Nobody wants a deal before May.”")
    const r =
      reported.find((x) => x.start <= q.start && q.end <= x.end) ??
      reported.find((x) => x.end <= q.start && q.start - x.end <= 8 && /^[\s.!?"“”]*$/.test(text.slice(x.end, q.start))) ??
      reported.find((x) => x.end <= q.start && q.start - x.end <= 90 && /^,[^.!?\n“”"]{1,80}[.!?]\s*["“]?$/.test(text.slice(x.end, q.start)));
    if (r) Object.assign(q, { speakerId: r.speakerId, speakerText: r.speakerText, confidence: r.confidence });
  }
  // Reported speech whose content is itself a quotation (“…,” Berg said) only lends it its speaker: one quote, not two.
  const covered = (r: Quote): boolean =>
    direct.reduce((n, q) => n + Math.max(0, Math.min(q.end, r.end) - Math.max(q.start, r.start)), 0) >= (r.end - r.start) * 0.8;
  const quotes = [...joinSplitQuotes(text, quotations, direct), ...reported.filter((r) => !covered(r))].sort((a, b) => a.start - b.start);

  // 8. Co-occurrence by sentence.
  const inSentence = new Map<number, Set<Draft>>();
  for (const d of kept) {
    for (const m of d.mentions) {
      const s = sentenceIndexAt(sentences, m.start);
      if (s < 0) continue;
      const set = inSentence.get(s) ?? new Set<Draft>();
      set.add(d);
      inSentence.set(s, set);
    }
  }
  const pairs = new Map<Draft, Map<Draft, number>>();
  for (const set of inSentence.values()) {
    for (const a of set) {
      for (const b of set) {
        if (a === b || b.type === 'group') continue;
        const m = pairs.get(a) ?? new Map<Draft, number>();
        m.set(b, (m.get(b) ?? 0) + 1);
        pairs.set(a, m);
      }
    }
  }

  // 9. Actions.
  const actions =
    options.actions === false
      ? new Map<string, string[]>()
      : findActions(text, kept.filter((d) => d.type !== 'group').flatMap((d) => d.mentions.map((m) => ({ start: m.start, end: m.end, actorId: d.id }))));

  // 10. Assemble, with salience.
  const maxCount = Math.max(1, ...kept.map((d) => d.mentions.length));
  const length = Math.max(1, text.length);
  const actors: Actor[] = kept.map((d) => {
    const own = quotes.filter((q) => q.speakerId === d.id);
    const first = d.mentions[0]?.start ?? 0;
    let salience = 0.55 * (d.mentions.length / maxCount) + 0.25 * (1 - first / length) + 0.1 * Math.min(1, own.length) + 0.1 * (d.roles.length ? 1 : 0);
    // Nationalities are mentioned often but are rarely who a report is about.
    if (d.type === 'group') salience *= 0.5;
    const actor: Actor = {
      id: d.id,
      type: d.type,
      name: d.name,
      aliases: d.aliases,
      roles: d.roles,
      mentions: d.mentions,
      firstMention: first,
      mentionCount: d.mentions.length,
      salience: Math.round(Math.min(1, salience) * 1000) / 1000,
      quotes: own,
      related: [...(pairs.get(d) ?? new Map<Draft, number>()).entries()]
        .sort((a, b) => b[1] - a[1] || a[0].mentions[0].start - b[0].mentions[0].start)
        .map(([o, count]) => ({ id: o.id, name: o.name, type: o.type, count })),
      actions: actions.get(d.id) ?? [],
    };
    const pronouns = [...coref.links, ...orgLinks, ...ageLinks].filter((l) => l.actorId === d.id && l.confidence >= PRONOUN_MENTION_MIN).sort((a, b) => a.start - b.start);
    if (pronouns.length) actor.pronounMentions = pronouns.map((l) => ({ start: l.start, end: l.end, text: l.text, kind: ('kind' in l ? l.kind : 'pronoun') as MentionKind, confidence: l.confidence, evidence: l.evidence }));
    if (d.rank) actor.rank = d.rank;
    if (d.affiliation) actor.affiliation = d.affiliation;
    if (d.entry !== undefined) {
      const e = registry[d.entry];
      actor.registry = { source: e.source ?? 'options' };
      if (e.notes) actor.registry.notes = e.notes;
      if (e.tags?.length) actor.registry.tags = [...e.tags];
      if (e.watchlist !== undefined) actor.registry.watchlist = e.watchlist;
      if (e.start !== undefined) actor.registry.offset = e.start;
    }
    return actor;
  });
  return applySplits(actors.sort((a, b) => b.salience - a.salience || a.firstMention - b.firstMention), options.splits);
}

/** Registry names and aliases the tagger missed ("IDF"), found as whole words in the text. */
function addRegistryMatches(text: string, raws: Raw[], registry: readonly RegistryEntry[], keys: Map<string, number>, ignored: Set<string>): Raw[] {
  const names = registry.flatMap((e) => [e.name, ...(e.aliases ?? [])]).filter((n) => n && n.trim().length > 1 && !ignored.has(nameKey(n)));
  if (!names.length) return raws;
  const escaped = [...new Set(names.map((n) => n.trim()))].sort((a, b) => b.length - a.length).map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/['’]/g, "['’]").replace(/\s+/g, '\\s+'));
  const re = new RegExp(`(?<![\\p{L}\\p{N}])(?:${escaped.join('|')})(?![\\p{L}\\p{N}])`, 'gu');
  let out = raws;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    const key = nameKey(m[0]);
    const entry = keys.get(key);
    if (entry === undefined) continue;
    const over = out.filter((r) => r.start < end && start < r.end);
    if (over.some((r) => r.start < start || r.end > end)) continue; // a longer name already holds these words
    if (over.length === 1 && over[0].start === start && over[0].end === end) continue; // the entity is there
    out = out.filter((r) => !over.includes(r));
    const t = registry[entry].type ?? (over[0]?.type as ActorType | undefined) ?? (isAcronym(m[0]) ? 'organization' : 'person');
    out.push({ start, end, text: m[0], type: t, kind: 'registry', confidence: 1, key, entry });
  }
  return out.sort((a, b) => a.start - b.start);
}

/** Groups mentions into actors: registry names, full names, surnames, acronyms, shorter forms of organisations. */
function cluster(raws: Raw[], registry: readonly RegistryEntry[], registryKeys: Map<string, number>): Draft[] {
  const drafts: Draft[] = [];
  const byKey = new Map<string, Draft>();
  const draft = (k: string, type: ActorType, entry?: number): Draft => {
    let d = byKey.get(k);
    if (!d) {
      d = { type, raws: [], entry, name: '', id: '', roles: [], aliases: [], mentions: [] };
      byKey.set(k, d);
      drafts.push(d);
    }
    return d;
  };
  const singles: Raw[] = [];
  const placeKey = (r: Raw) => (r.type === 'place' ? nameKey(countryOfName(r.text) ?? r.text) : r.key);
  for (const r of raws) {
    const entry = r.entry ?? registryKeys.get(r.key);
    if (entry !== undefined) {
      r.entry = entry;
      draft(`reg:${entry}`, registry[entry].type ?? r.type, entry).raws.push(r);
    } else if (r.type === 'person' && nameTokens(r.key).length < 2) singles.push(r);
    else if (r.type === 'person') draft(`person:${nameTokens(r.key).join(' ')}`, 'person').raws.push(r);
    else draft(`${r.type}:${placeKey(r)}`, r.type).raws.push(r);
  }
  // Registry types win over the tagger's.
  for (const d of drafts) if (d.entry !== undefined && registry[d.entry].type) d.type = registry[d.entry].type!;

  // Surnames (and, failing that, first names) join the full name they belong to: the nearest one before them.
  const people = drafts.filter((d) => d.type === 'person');
  const tokensOf = (d: Draft) => {
    const names = d.entry !== undefined ? [registry[d.entry].name, ...(registry[d.entry].aliases ?? [])] : d.raws.map((r) => r.text);
    return names.map((n) => nameTokens(nameKey(n))).filter((t) => t.length >= 2);
  };
  const lastOf = new Map(people.map((d) => [d, new Set(tokensOf(d).map((t) => t[t.length - 1]))]));
  const firstOf = new Map(people.map((d) => [d, new Set(tokensOf(d).map((t) => t[0]))]));
  for (const r of singles) {
    const tok = nameTokens(r.key)[0] ?? r.key;
    let cands = people.filter((d) => lastOf.get(d)!.has(tok));
    let kind: MentionKind = 'surname';
    if (!cands.length) {
      cands = people.filter((d) => firstOf.get(d)!.has(tok));
      kind = 'alias';
    }
    if (!cands.length) {
      draft(`person:${r.key}`, 'person').raws.push(r);
      continue;
    }
    if (cands.length > 1) {
      // Two people carry this name ("Boris Yeltsin", "Naina Yeltsin"): "Yeltsin" alone stays apart rather than
      // moving one person's words to the other.
      draft(`person:${r.key}`, 'person').raws.push(r);
      continue;
    }
    const full = cands[0].raws.find((x) => nameTokens(x.key).length >= 2)?.text ?? '';
    const evidence = kind === 'surname' ? `surname of ${full}, the only person of the document with it` : `given name of ${full}, the only person of the document with it`;
    cands[0].raws.push({ ...r, kind, confidence: kind === 'surname' ? 1 : 0.7, evidence });
  }

  // Organisations: an acronym joins the one full name it abbreviates ("IDF" -> "Israel Defense Forces"); a shorter
  // form joins the one longer name that ends with it ("Foreign Ministry" -> "Russian Foreign Ministry").
  const orgs = drafts.filter((d) => d.type === 'organization' && d.entry === undefined);
  const merged = new Set<Draft>();
  for (const d of orgs) {
    const name = d.raws[0].text;
    const toks = nameTokens(d.raws[0].key);
    const targets = orgs.filter((o) => {
      if (o === d || merged.has(o)) return false;
      const oName = o.raws[0].text;
      if (isAcronym(name)) return acronymOf(oName) === name.replace(/\./g, '').toUpperCase();
      const ot = nameTokens(o.raws[0].key);
      return toks.length >= 2 && ot.length > toks.length && ot.slice(ot.length - toks.length).join(' ') === toks.join(' ');
    });
    if (targets.length !== 1) continue;
    const kind: MentionKind = 'alias';
    const evidence = isAcronym(name) ? `acronym of ${targets[0].raws[0].text}` : `shorter form of ${targets[0].raws[0].text}`;
    targets[0].raws.push(...d.raws.map((r) => ({ ...r, kind, confidence: 0.9, evidence })));
    merged.add(d);
  }
  const out = drafts.filter((d) => !merged.has(d) && d.raws.length);
  for (const d of out) d.raws.sort((a, b) => a.start - b.start);
  return out;
}

/** People: the fullest name; organisations: the longest; places and groups: the most frequent form. */
function canonicalName(d: Draft): string {
  const counts = new Map<string, { n: number; first: number; words: number }>();
  for (const r of d.raws) {
    if (r.kind !== 'name') continue;
    const c = counts.get(r.text) ?? { n: 0, first: r.start, words: nameTokens(r.key).length };
    c.n++;
    counts.set(r.text, c);
  }
  if (!counts.size) return d.raws[0].text;
  const ranked = [...counts.entries()].sort((a, b) => {
    const [x, y] = [a[1], b[1]];
    if (d.type === 'person' || d.type === 'organization') return y.words - x.words || b[0].length - a[0].length || y.n - x.n || x.first - y.first;
    return y.n - x.n || x.first - y.first;
  });
  return d.type === 'place' ? countryOfName(ranked[0][0]) ?? ranked[0][0] : ranked[0][0];
}

function readRolesAndAffiliations(text: string, ents: readonly Entity[], drafts: Draft[], byEntity: Map<number, Draft>, registry: readonly RegistryEntry[], sentences: readonly Span[]): void {
  const live = new Set(drafts);
  const plural = new Map<number, StructureFact>();
  const all = drafts.flatMap((d) => d.raws.filter((r) => r.entity !== undefined).map((r) => ({ d, r }))).sort((a, b) => a.r.start - b.r.start);
  for (const { d, r } of all) {
    const ctx = readMentionContext(text, ents, r.entity!);
    let facts: StructureFact[] = [];
    if (d.type === 'person') {
      for (const role of ctx.roles) if (!d.roles.some((x) => roleKey(x) === roleKey(role))) d.roles.push(role);
      if (ctx.rank && !d.rank) d.rank = ctx.rank;
      // Roles the sentence structure attaches to this mention: appositions, role nouns before the name, copulas.
      facts = readStructure(text, ents, r.entity!);
      // "two opposition leaders, X and Y": Y is listed after X and shares the plural role.
      const prev = prevPerson(ents, r.entity!);
      const shared = prev !== undefined ? plural.get(prev) : undefined;
      if (shared && /^(?:,[ \t\u00a0]*|,?[ \t\u00a0]+and[ \t\u00a0]+)$/.test(text.slice(ents[prev!].end, r.start))) facts.push(shared);
      for (const f of facts) {
        if (f.plural) plural.set(r.entity!, f);
        for (const role of f.roles) if (!d.roles.some((x) => roleKey(x) === roleKey(role))) d.roles.push(role);
      }
    }
    if (!d.affiliation && ctx.affiliation && d.type !== 'group') d.affiliation = ctx.affiliation;
    for (const f of facts) {
      if (!f.affiliation || nameKey(f.affiliation) === nameKey(d.name)) continue;
      // An organisation the structure names beats a city or state read from a title ("Texas billionaire X, the Reform Party candidate").
      if (!d.affiliation || (isLocalPlace(ents, d.affiliation) && isOrganisation(ents, f.affiliation))) d.affiliation = f.affiliation;
    }
    if (!d.affiliation && ctx.listedAfter !== undefined) {
      const prev = byEntity.get(ctx.listedAfter);
      if (prev && live.has(prev) && prev.affiliation) d.affiliation = prev.affiliation;
    }
    if (!d.affiliation && ctx.domain && d.type !== 'group') d.affiliation = ctx.domain;
    // "Russian Foreign Ministry", "Israeli Air Force": an organisation named after its country.
    if (!d.affiliation && d.type === 'organization') {
      const first = r.text.split(/\s+/)[0];
      const c = r.text.includes(' ') ? countryOf(first) : undefined;
      if (c) d.affiliation = c;
    }
    if (d.type === 'group' && !d.affiliation) {
      const c = countryOf(r.text);
      if (c && c !== r.text) d.affiliation = c;
    }
  }
  // a nationality told by a description in the sentence before or after the name ("… a Thai farmer. Somchai Dee, 24, …")
  const introduced = drafts.filter((d) => d.type === 'person').map((d) => ({ d, roles: d.roles, affiliation: d.affiliation, starts: d.raws.filter((r) => r.kind === 'name').map((r) => r.start).sort((a, b) => a - b) }));
  affiliationsFromDescriptions(text, ents, introduced, sentences);
  for (const x of introduced) x.d.affiliation = x.affiliation;
  for (const d of drafts) {
    if (d.entry === undefined) continue;
    const e = registry[d.entry];
    if (e.role) d.roles = [e.role, ...d.roles.filter((x) => roleKey(x) !== roleKey(e.role!))];
    if (e.affiliation) d.affiliation = e.affiliation;
  }
}

const SAYS_AFTER = /^,?[ \t\u00a0]+(?:said|says|told|added|asked|explained|insisted|argued|declared)\b/;
const FACILITY_AFTER = /^[ \t\u00a0]+(airport|square|street|avenue|boulevard|bridge|stadium|station|park|road|highway|harbour|harbor|port)\b/i;
const THING_AFTER = /^[ \t\u00a0]+(hospital|university|college|school|centre|center|prison|building|tower|hotel|foundation|institute|museum|library|award|prize|memorial|trophy|cup|fund)\b/i;
const FACILITY_NAME = /\s(?:Square|Street|Avenue|Boulevard|Airport|Bridge|Road|Park|Stadium|Station|Harbour|Harbor)$/;
const EPONYM_AFTER = /^(?:['’]s)?[ \t\u00a0]+(?:case|affair|scandal|trial|family|administration|government|era|years|camp|team|children|estate|murders?|killings?|doctrine|presidency|campaign|aides?|camp|supporters|allies|rally|ticket|plan)\b/i;
/** Last words that make a name an organisation's: "Motors Corporation", "Cingular Wireless", "Barclays Capital". */
const ORG_NAME_END = /\s(?:Corporation|Corp\.?|Inc\.?|Incorporated|Company|Co\.|Ltd\.?|Limited|LLC|PLC|plc|AG|SpA|GmbH|Group|Holdings?|Bank|Bancorp|Motors|Airlines|Airways|Aviation|Aerospace|Mutual|Wireless|Telecom|Partners|Associates|Industries|Systems|Technologies|Securities|Capital|Investments|Communications|Networks|Entertainment|Pharmaceuticals|Studios|Records|Insurance|Trust|Fund|Foundation|Institute|University|College|Council|Committee|Commission|Agency|Authority|Ministry|Department|Party|Association|Federation|League|Brothers)$/;
/** Last words that make a name a site's: "Everett Factory", "Delivery Center" ("Robert Plant", "John Tower" are people). */
const SITE_NAME_END = /\s(?:Factory|Works|Center|Centre|Terminal|Mall|Hospital|Hotel|Arena|Campus|Headquarters)$/;
/** A product noun right before the name: "the chat client Relay", "photo app Prism", "operating system Harbor". */
const PRODUCT_BEFORE = /\b(?:e-?mail client|browser|software|operating system|app|application|console|smartphone|handset|laptop|device|version|index|series|sitcom)[ \t\u00a0]+$/i;
const THING_BEFORE = /\b(?:RMS|USS|HMS|MV|SS|book|biography|memoir|novel|film|movie|album|song|newspaper|magazine|ship|vessel|carrier|yacht|tanker|liner|operation|programme|program|brand)[ \t\u00a0]+$/i;

/**
 * A name the tagger typed person, checked against the words around it: "Charles de Gaulle airport", "Green Square"
 * (places), "the Titanic", "the carrier Carl Vinson", "her biography My Turn" (things: never a person, so an
 * organisation here, the nearest actor type).
 */
function personOrThing(text: string, r: Raw): ActorType {
  const after = text.slice(r.end, r.end + 24);
  if (FACILITY_AFTER.test(after) || FACILITY_NAME.test(r.text)) return 'place';
  if (THING_AFTER.test(after)) return 'organization';
  // "General Motors Corporation" read as "General" + "Motors Corporation", "Washington Mutual", "Everett Factory":
  // the last word of the name says what it is.
  if (/\s/.test(r.text.trim())) {
    if (ORG_NAME_END.test(r.text)) return 'organization';
    if (SITE_NAME_END.test(r.text)) return 'place';
  }
  const before = text.slice(Math.max(0, r.start - 32), r.start);
  if (THING_BEFORE.test(before) || COMPANY_BEFORE.test(before)) return 'organization';
  if (PRODUCT_BEFORE.test(before)) return 'group';
  // An apposition that says what the name is: "X, an American automaker which", "X, the newest version of".
  const app = appositionThing(text, r.end);
  if (app) return app;
  // "the Titanic's hull": people are not written with "the" before their name ("the late …" aside)
  if (/(?:^|[^\p{L}])the[ \t\u00a0]+$/iu.test(before) && !EPONYM_AFTER.test(after)) return 'organization';
  return 'person';
}

/** Model designations: "A380", "MD-95", "C-17", "A330-200" (not "G20"). */
const MODEL_NAME = /^(?!G\d)[A-Z]{1,3}-?\d{2,4}(?:-\d{1,4})?[A-Z]{0,3}$/;
const PRODUCT_AFTER = /^(?:['’]s)?[ \t\u00a0]+(?:aircraft|airliners?|jetliners?|cars|sedans?|laptops?|notebooks?|smartphones?|handsets?|tablets?|operating system)\b/;
const BRAND_MODEL_BEFORE = /\p{Lu}[\p{L}-]*[ \t\u00a0]+\d{3}(?:-\d{1,3})?[ \t\u00a0]+$/u;
const CAMEL_BRAND_BEFORE = /(?:^|[\s(])(?:\p{Ll}+\p{Lu}|\p{Lu}\p{Ll}+\p{Lu})[\p{L}]*[ \t\u00a0]+$/u;

/** The words around a name that show a product. */
function productCue(text: string, r: Raw): boolean {
  const before = text.slice(Math.max(0, r.start - 40), r.start);
  // "Boeing 787 Dreamliner", but not a score table ("Ayr 24 Carlisle United 17")
  return PRODUCT_AFTER.test(text.slice(r.end, r.end + 30)) || (BRAND_MODEL_BEFORE.test(before) && !/^[ \t\u00a0]+\d/.test(text.slice(r.end, r.end + 3))) || (r.type === 'person' && CAMEL_BRAND_BEFORE.test(before));
}

/** Family relations: "X visits wife Y" says nothing of an organisation. */
const KIN = /^(?:wife|husband|son|daughter|brother|sister|mother|father|widow|widower|nephew|niece|cousin|uncle|aunt|grandson|granddaughter|grandfather|grandmother|stepson|stepdaughter|fiancee?|spouse|friend)$/i;
const LIST_GAP = /^(?:,?[ \t\u00a0]+(?:and|or|&)[ \t\u00a0]+|,[ \t\u00a0]+)$/;
const NAME_TYPES = new Set(['person', 'organization', 'place', 'group']);

/** The nearest name entity before (dir -1) or after (dir 1) entity `i`, past dates and amounts ("WorldCom ($103 billion)"). */
function nearName(ents: readonly Entity[], i: number, dir: 1 | -1): number | undefined {
  for (let k = i + dir; k >= 0 && k < ents.length; k += dir) {
    if (NAME_TYPES.has(ents[k].type)) return k;
    if (ents[k].type === 'title') return undefined;
  }
  return undefined;
}

/**
 * A person the text never treats as one (no role, rank, title or speech verb at any mention) that it lists beside
 * organisations ("between Alstom and Hitachi Rail", "Northwind Traders, Contoso and Fabrikam") or names
 * before a role and a person ("Nordbank analyst Petra Lind") is an organisation the tagger took for a person.
 */
function retypeOrganisations(text: string, ents: readonly Entity[], drafts: Draft[]): void {
  const orgsByKey = new Map<string, Draft>();
  for (const d of drafts) if (d.type === 'organization') for (const r of d.raws) orgsByKey.set(r.key, d);
  for (const d of drafts) {
    if (d.type !== 'person' || d.entry !== undefined || d.roles.length || d.rank) continue;
    // A full name that its surname or given name stands for elsewhere ("Obama adviser Jane Roe") is a person's.
    if (d.raws.some((r) => r.kind === 'surname' || r.kind === 'alias')) continue;
    let orgCue = false;
    let personCue = false;
    for (const r of d.raws) {
      const after = text.slice(r.end, r.end + 40);
      const before = text.slice(Math.max(0, r.start - 16), r.start);
      // "X said", "Mr. X", "X, 65,"
      if (SAYS_AFTER.test(after) || /^,[ \t\u00a0]+\d{1,3},/.test(after) || /\b(?:Mr|Mrs|Ms|Dr|Sir|Dame|Lord|Lady)\.?[ \t\u00a0]+$/.test(before)) personCue = true;
      if (r.entity === undefined || orgCue) continue;
      const gapless = (a: number, b: number) => text.slice(a, b).replace(/[ \t\u00a0]*\([^()\n]{0,40}\)/g, '');
      const prev = nearName(ents, r.entity, -1);
      const next = nearName(ents, r.entity, 1);
      // A comma alone is a list only when the list goes on past this name ("A, B and C"; not "Jane Roe, Reuters").
      const gapBefore = prev !== undefined ? gapless(ents[prev].end, r.start) : '';
      const gapAfter = next !== undefined ? gapless(r.end, ents[next].start) : '';
      const listed = (gap: string, other: string) => LIST_GAP.test(gap) && (!/^,[ \t\u00a0]+$/.test(gap) || LIST_GAP.test(other));
      if (prev !== undefined && ents[prev].type === 'organization' && listed(gapBefore, gapAfter)) orgCue = true;
      if (next !== undefined && ents[next].type === 'organization' && listed(gapAfter, gapBefore)) orgCue = true;
      // "Uralsib analyst Chris Weafer": a role noun between this name and the next person's.
      if (next !== undefined && ents[next].type === 'person') {
        const gap = /^[ \t\u00a0]+((?:[\p{L}.-]+[ \t\u00a0]+){1,3})$/u.exec(text.slice(r.end, ents[next].start));
        const last = gap?.[1].trim().split(/[ \t\u00a0]+/).pop();
        if (last && isRoleHead(last) && !KIN.test(last)) orgCue = true;
      }
    }
    if (!orgCue || personCue) continue;
    d.type = 'organization';
    const same = d.raws.map((r) => orgsByKey.get(r.key)).find((o) => o && o !== d);
    if (same) {
      same.raws.push(...d.raws);
      same.raws.sort((a, b) => a.start - b.start);
      d.raws = [];
    }
  }
  for (let i = drafts.length - 1; i >= 0; i--) if (!drafts[i].raws.length) drafts.splice(i, 1);
}

/** "Chief Operating Officer", "Chief Technology Officer": the middle word of a chief's title is no person. */
function insideChiefTitle(text: string, r: Raw): boolean {
  return !/\s/.test(r.text) && /\bChief[ \t\u00a0]+$/.test(text.slice(Math.max(0, r.start - 8), r.start)) && /^[ \t\u00a0]+(?:Officer|Executive|Director|Engineer|Economist|Strategist|Scientist)\b/.test(text.slice(r.end, r.end + 14));
}

/** A name that is exactly the words of a quotation ("the “Strike Hard” campaign"): a title or a slogan. */
function quotedTitle(text: string, r: Raw): boolean {
  return /["“‘']$/.test(text.slice(Math.max(0, r.start - 1), r.start)) && /^["”’']/.test(text.slice(r.end, r.end + 1));
}

/** A place of the text that is not a country ("Texas", "Chicago"). */
function isLocalPlace(ents: readonly Entity[], name: string): boolean {
  return !countryOfName(name) && !countryOf(name) && ents.some((e) => e.type === 'place' && e.text === name);
}
function isOrganisation(ents: readonly Entity[], name: string): boolean {
  return ents.some((e) => e.type === 'organization' && name.includes(e.text));
}

/** Index of the person entity right before entity `i`, when nothing but other entities lies between. */
function prevPerson(ents: readonly Entity[], i: number): number | undefined {
  for (let k = i - 1; k >= 0; k--) {
    if (ents[k].type === 'person') return k;
    if (ents[k].type !== 'title') return undefined;
  }
  return undefined;
}

function assignIds(drafts: Draft[]): void {
  const used = new Set<string>();
  for (const d of [...drafts].sort((a, b) => a.raws[0].start - b.raws[0].start)) {
    const base = `${d.type}:${slug(d.name)}`;
    let id = base;
    for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
    used.add(id);
    d.id = id;
  }
}
