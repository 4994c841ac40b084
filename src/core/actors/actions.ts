/**
 * Verbs actors are the subject of, by a word-level rule: the first word after a mention, past auxiliaries and
 * adverbs, when it is a verb form news prose uses for what actors do: a regular past tense ("warned", "travelled"),
 * an irregular one ("met", "held"), or a present tense from a short list ("says", "warns").
 *
 * Why not compromise's tagger: it would add ~600 KB to the extension host bundle and ~4 ms a sentence, for the same
 * answer in the cases that matter (subject + verb right after the name). Mistakes it avoids by construction: "targets"
 * in "Hezbollah targets, …" is not in the present-tense list.
 */

/** A mention that may be the subject of a verb, with the actor it belongs to. */
export interface SubjectCandidate {
  start: number;
  end: number;
  actorId: string;
}

// Words between a subject and its verb that do not stop the search: "Netanyahu also met", "Moscow has warned".
const SKIPPABLE = new Set([
  'has', 'have', 'had', 'is', 'was', 'were', 'are', 'will', 'would', 'could', 'should', 'may', 'might', 'must', 'did', 'does',
  'also', 'then', 'later', 'reportedly', 'subsequently', 'not', 'never', 'already', 'again', 'first', 'personally', 'himself',
  'herself', 'itself', 'themselves', 'allegedly', 'once', 'just', 'recently', 'still', 'quickly', 'publicly', 'privately',
]);

const IRREGULAR_PAST = new Set([
  'met', 'said', 'told', 'held', 'spoke', 'went', 'took', 'made', 'gave', 'left', 'sent', 'led', 'won', 'lost', 'began', 'came',
  'saw', 'fought', 'struck', 'flew', 'drove', 'wrote', 'chose', 'thought', 'brought', 'bought', 'kept', 'became', 'ran', 'shot',
  'hit', 'set', 'put', 'cut', 'let', 'sought', 'knew', 'grew', 'threw', 'rose', 'fell', 'broke', 'stood', 'understood', 'paid',
  'laid', 'built', 'felt', 'heard', 'meant', 'sold', 'spent', 'taught', 'withdrew', 'undertook', 'overtook', 'forbade', 'swore',
  'found', 'got', 'dealt', 'forgave', 'hid', 'lent', 'sank', 'seized', 'slew', 'sped', 'spun', 'stole', 'swept', 'tore', 'woke',
  'wore', 'beat', 'bid', 'bore', 'oversaw', 'foresaw', 'upheld', 'withheld', 'forecast', 'shut', 'quit', 'spread', 'read',
]);

const PRESENT = new Set([
  'says', 'warns', 'claims', 'denies', 'insists', 'argues', 'meets', 'visits', 'threatens', 'calls', 'plans', 'seeks', 'wants',
  'expects', 'accuses', 'rejects', 'supports', 'urges', 'vows', 'announces', 'confirms', 'demands', 'refuses', 'agrees', 'tells',
  'holds', 'leads', 'controls', 'believes', 'fears', 'hopes', 'intends', 'opposes', 'backs', 'condemns', 'welcomes', 'signs',
  'travels', 'arrives', 'returns', 'launches', 'orders', 'reports', 'admits', 'pledges', 'promises', 'stresses', 'adds',
  'notes', 'explains', 'responds', 'replies', 'appoints', 'dismisses', 'fires', 'sends', 'deploys', 'withdraws', 'attacks',
]);

// Past forms that are mostly adjectives or nouns after a name ("the Israel-based", "Hamas-led" are one word anyway).
const NOT_VERBS = new Set(['red', 'bed', 'shed', 'need', 'seed', 'speed', 'feed', 'creed', 'greed', 'deed', 'weed', 'hundred', 'kindred', 'sacred', 'naked', 'wicked', 'beloved', 'alleged', 'so-called', 'armed', 'united', 'based']);

const WORD = /[\p{L}'’-]+/uy;

/** Is this lower-case word a verb form a subject can take? */
export function isActionVerb(w: string): boolean {
  if (IRREGULAR_PAST.has(w) || PRESENT.has(w)) return true;
  if (NOT_VERBS.has(w)) return false;
  return /^[a-z][a-z-]{1,}(?:ed)$/.test(w) && w.length > 3;
}

/**
 * The verbs each actor is the subject of. A possessive ("Netanyahu’s arrival"), a comma (an apposition) or a
 * following name ("Putin and Erdogan spoke": only the last name gets the verb) means no verb for that mention.
 */
export function findActions(text: string, candidates: readonly SubjectCandidate[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const c of candidates) {
    if (/^(?:['’]s?(?![\p{L}])|[,(:;])/u.test(text.slice(c.end, c.end + 2))) continue;
    let i = c.end;
    for (let n = 0; n < 4; n++) {
      const gap = /^[ \t\u00a0]+/.exec(text.slice(i, i + 8));
      if (!gap) break;
      i += gap[0].length;
      WORD.lastIndex = i;
      const m = WORD.exec(text);
      if (!m) break;
      const w = m[0];
      const lower = w.toLowerCase();
      if (w !== lower) break; // a capitalised word: another name, not a verb
      i += w.length;
      if (SKIPPABLE.has(lower) || (lower.endsWith('ly') && lower.length > 4)) continue;
      if (isActionVerb(lower)) {
        const list = out.get(c.actorId) ?? [];
        if (!list.includes(lower)) list.push(lower);
        out.set(c.actorId, list);
      }
      break;
    }
  }
  return out;
}
