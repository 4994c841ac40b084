import nlp from 'compromise';
import datePlugin from 'compromise-dates';

/**
 * The summary's one door to compromise: the tagger that topics (noun phrases) and clauses (verbs) read, and the
 * date parser that dates.ts falls back to. Two things make it cheaper than calling `nlp()` everywhere:
 *
 * - compromise-dates registers a hook that runs its date tagger on every `nlp()` call (about 40% of the cost of a
 *   parse). Only `parseDates` needs it, so the hook is taken out of the default run and `parseDates` runs it on its
 *   own document: the tags it adds are the same either way.
 * - Within `withParseCache`, a text is parsed once: the lead sentences that topics tags are the sentences whose
 *   verbs the clause reader asks for. The cache lives for one call (one summary), so memory stays bounded and a
 *   repeated summary of the same text costs what the first one did.
 * - compromise's chunker (noun/verb phrase chunks, a fifth of a parse) runs only on the documents whose verb phrases
 *   are read (`parseVerbs`): it sets each term's chunk and no tags, so the other readers see the same tags.
 *
 * Documents handed out may be shared: callers read them (json, verbs, match) and never change them.
 */

// compromise-dates extends the shared compromise instance; registering it does not change what analyze() finds.
nlp.plugin(datePlugin as unknown as Parameters<typeof nlp.plugin>[0]);

/** A parsed compromise document (the view type of the build in use). */
export type Doc = ReturnType<typeof nlp>;

let configured = false;
/** Takes the date tagger out of the hooks every `nlp()` call runs (done once, after the plugin is applied). */
function ready(): void {
  if (configured) return;
  configured = true;
  const world = (nlp as unknown as { world: () => { hooks?: string[] } }).world();
  if (Array.isArray(world.hooks)) world.hooks = world.hooks.filter((h) => h !== 'dates');
}

let cache: Map<string, Doc> | undefined;

/** Runs `fn` with a parse cache: each distinct text is parsed once until `fn` returns. Nests (the outer cache wins). */
export function withParseCache<T>(fn: () => T): T {
  if (cache) return fn();
  cache = new Map();
  try {
    return fn();
  } finally {
    cache = undefined;
  }
}

/** The hooks `parse` runs: compromise's default run without the date tagger (see ready) and the chunker. */
let parseHooks: string[] | undefined;

/** The tagged document of `text` (no date tagging, no chunks), from the cache when one is open. */
export function parse(text: string): Doc {
  ready();
  const hit = cache?.get(text);
  if (hit) return hit;
  parseHooks ??= worldOf().hooks.filter((h) => h !== 'chunks');
  // compromise's `nlp(text)`, with the chunker left for parseVerbs.
  const doc = withHooks(parseHooks, () => nlp(text));
  cache?.set(text, doc);
  return doc;
}

const worldOf = () => (nlp as unknown as { world: () => { hooks: string[] } }).world();

/** Runs `fn` with compromise's default hooks set to `hooks`; the shared list is put back before anything else runs. */
function withHooks<T>(hooks: string[], fn: () => T): T {
  const world = worldOf();
  const saved = world.hooks;
  world.hooks = hooks;
  try {
    return fn();
  } finally {
    world.hooks = saved;
  }
}

const chunked = new WeakSet<object>();

/** `parse(text)` with compromise's phrase chunks, which `doc.verbs()` reads (computed once per document). */
export function parseVerbs(text: string): Doc {
  const doc = parse(text);
  if (!chunked.has(doc)) {
    doc.compute('chunks');
    chunked.add(doc);
  }
  return doc;
}

/**
 * A lighter tagging of `text`: compromise's lexicon and pre-tagger (word lists, suffixes, capitals, neighbours)
 * without its post-tagger's pattern sweep, about a sixth of the cost of `parse`. Good enough to tell nouns and
 * adjectives from the rest; not for verbs. Not cached.
 */
export function parseLight(text: string): Doc {
  ready();
  // What `nlp.tokenize(text)` does (the tokenizer, then alias, normal, machine and contractions) without its second
  // 'normal' pass: the tokenizer has set every term's normal form from its text already, and the pass computes the
  // same from the same text (8% of this tagging).
  const doc = withHooks([], () => nlp(text));
  doc.compute(['alias', 'machine', 'contractions', 'index', 'id', 'freeze', 'typeahead', 'lexicon', 'preTagger']);
  return doc;
}

/** A document of `text` with compromise-dates' tags, for `doc.dates()`. Never shared: the date tagger changes tags. */
export function parseDates(text: string): Doc {
  ready();
  const doc = nlp(text);
  doc.compute('dates');
  return doc;
}

/** A term of a parsed document with its character offset in the parsed text (what `.json({ terms: { offset } })` gives). */
export interface TaggedTerm {
  text: string;
  post: string;
  tags: string[];
  normal: string;
  offset: { start: number; length: number };
}

interface RawTerm {
  text: string;
  post?: string;
  tags: Set<string>;
  normal?: string;
  offset?: { start: number; length: number };
}

/**
 * The terms of `doc` with their offsets, read from compromise's term objects directly: the same fields as
 * `doc.json({ offset: true, terms: { offset: true } })` gives per term, without building the rest of its JSON
 * (sentence text, chunks, ids), which cost more than the tagging of the light pass.
 */
export function termsOf(doc: Doc): TaggedTerm[] {
  doc.compute('offset');
  const out: TaggedTerm[] = [];
  for (const terms of (doc as unknown as { docs: RawTerm[][] }).docs) {
    for (const t of terms) {
      const o = t.offset ?? { start: 0, length: 0 };
      out.push({ text: t.text, post: t.post ?? '', tags: [...t.tags], normal: t.normal ?? '', offset: { start: o.start, length: o.length } });
    }
  }
  return out;
}
