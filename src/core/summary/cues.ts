import { parse } from './nlp';

/**
 * Cue phrases for "why" (cause, purpose, circumstance) and "how" (channel, means, manner), in the spirit of
 * Giveme5W1H: an answer is given only where the text states it with a cue, never guessed. Each hit is a phrase of
 * one sentence with its class; the smaller the rank, the stronger the cue.
 */
export interface CueHit {
  /** Offset in the sentence where the cue starts. */
  at: number;
  answer: string;
  rank: number;
  kind: 'purpose-stated' | 'cause' | 'purpose' | 'circumstance' | 'channel' | 'means';
}

// ---------------------------------------------------------------- why

/** "The purpose of the visit was …": the answer is what follows. */
const STATED_PURPOSE = /\bthe (?:purpose|aim|goal|objective) of (?:the|this|his|her|their) (?:trip|visit|meeting|talks|move|operation|attack|tour|mission)\b[^.]*?\b(?:is|was)\s+/i;

/** Causes: the cue and what follows it to the clause's end. */
const CAUSE = [
  /\b(?:because(?: of)?|due to(?!\s+(?:be|have|start|begin|end|meet|arrive|take|open|close|leave|visit|vote|sign|return|resume|hold|make|finish|expire|go|come|run)\b)|owing to|as a result of|in response to|in reaction to|in retaliation (?:for|against)|in protest (?:at|against|over)|to protest (?:against )?|in the wake of|in the face of|on suspicion of|on charges? of|on grounds of|on the grounds that|for fear (?:of|that)|out of (?:fear|concern|respect|anger|frustration)|prompted by|triggered by|sparked by|citing|responding to|in support of|in solidarity with)\s/i,
  // Accused of something: "accused the mayor of rigging the vote", "charged with fraud".
  /\b(?:accus(?:ed|es|ing)|suspect(?:ed|s)?|convicted|acquitted|guilty)\b[^,.;]{0,60}?\s(of)\s(?=(?:[\p{L}-]+ing|plotting|murder|fraud|corruption|treason|espionage|spying|terrorism|theft|bribery|embezzl\w*|smuggling|kidnapping|rape|assault|genocide|war crimes|crimes|links|involvement|complicity|collusion|sabotage|subversion|incitement|trying|attempting|planning)\b)/iu,
  // A conflict or feeling over something: "protests over fuel prices", "resigned over the scandal", "calm over a census".
  /\b(?:protests?|protested|disputes?|rows?|rift|anger|angry|outrage|outcry|concerns?|concerned|worries|worried|fears?|tensions?|clash(?:es|ed)?|resign(?:s|ed)?|quit|quits|sued?|criticism|furore|uproar|stand-?off|feud|calm|unrest|strikes?|boycott(?:s|ed)?|sanctions|dismay|alarm|fury|spat|quarrel|wrangle|confrontation|crisis|split|walk-?out|walked out)\s+(over)\s(?!(?:the |a |an )?(?:weekend|past|next|last|coming|previous|years?|months?|weeks?|days?|hours?|\d|half|a third|two|three|four|five|six|seven|eight|nine|ten|several|many|dozens|hundreds|thousands)\b)/iu,
  // Judged or rewarded for something: "hanged a farmer for drug trafficking", "thanked him for supporting talks".
  /\b(?:arrested|charged|jailed|imprisoned|sentenced|convicted|fined|detained|executed|hanged|punished|prosecuted|indicted|sued|expelled|suspended|sacked|dismissed|banned|blamed|praised|honoured|honored|awarded|rewarded|thanked|thanks|gratitude|grateful|apologi[sz]ed|criticised|criticized|condemned|closed|shut|wanted)\b[^,.;]{0,120}?\s(for)\s(?!(?:the )?(?:first|second|third|last|\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|many|about|up to|more than|at least|years?|months?|weeks?|days?|hours?|life|now|ever|good)\b)/i,
];

/** Purposes stated with a cue. */
const PURPOSE = [
  /\b(?:(?:is|are|was|were|be|been) (?:meant|designed|intended) to|in order to|so as to|so that|aimed at|with the aim of|with a view to|in an? (?:effort|bid|attempt|move) to|(?:seeking|hoping|aiming|trying) to|(?:hoped|hopes|hope|sought|seeks|aimed|aims|intends|intended|wants) to(?=\s+(?!be\b)[\p{L}]+))\s/iu,
  // The aim of talks: "held talks in Geneva on ending the war".
  /\b(?:talks|negotiations|discussions|consultations|meeting|summit|conference)\b[^,.;]{0,50}?\s(on|about)\s(?=[a-z]{3,}ing\b)/u,
  // Gathering or travelling for an event: "arrived on Friday for talks on …", "decorated the city for celebrations".
  /\b(?:arriv|came|come|flew|fly|flies|travel|went|goes|gone|heads?|headed|return|gather|met|meet|assembl|conven|summon|dress|decorat|prepar|invit|left|leave|sent|send|deploy)[\p{L}]*\b[^,.;]{0,80}?\s(for)\s(?=(?:the |a |an |his |her |their |its )?(?:[\p{L}-]+ ){0,2}?(?:talks|celebrations?|meetings?|consultations|negotiations|discussions|summit|funeral|ceremony|commemorations?|festivities|treatment|check-?ups?|surgery|operation|holidays?|vacation|rally|elections?|wedding|inauguration|anniversary|conference|trial|hearing|questioning|interrogation|pilgrimage|prayers?)\b)/iu,
];

/** Verbs and nouns whose "to" introduces their complement, not a purpose: "decided to", "called on voters to". */
const INFL = '(?:e|es|ed|d|s|ing|ning|ned|ted|red|led)?';
const COMPLEMENT_BEFORE_TO = new RegExp(
  String.raw`(?:\b(?:(?:decid|agree|plan|refus|promis|threaten|tr(?:y|ie)|attempt|expect|fail|continu|begin|start|need|vow|pledg|prepar|intend|seem|appear|offer|manag|afford|declin|wish|lik|prefer|tend|happen|hop|seek|aim|want|schedul|suppos|effort|bid|select|elect|appoint|nominat|pick|hir)${INFL}|began|begun|sought|going|able|unable|likely|unlikely|ready|due|set|used|willing|unwilling|eager|keen|reluctant|poised|have|has|had|having|choose|chose|chosen|about|right|decision|determination|resolve|commitment|move|way|chance|opportunity|power|time|ability|readiness|willingness|order|request|call|calls|refusal|failure|first|last|only|so as|in order|is|are|was|were|be|been|being|am)\s+(?:not\s+)?|\b(?:(?:urg|ask|demand|order|invit|allow|forc|persuad|encourag|help|advis|warn|permit|enabl|want|expect|need|requir|instruct|authori[sz]|compel|oblig|press|pressur|caus)${INFL}|call(?:s|ed|ing)?\s+(?:on|upon)|appeal(?:s|ed|ing)?\s+to|tell|tells|told|lead|leads|led|get|gets|got)\s+(?:[^\s,;:]+\s+){0,6})$`,
  'iu',
);

/** Purpose infinitives ("fighting in the north to aid the rebels"), found by compromise, complements skipped. */
function purposeInfinitives(s: string): { at: number; cueEnd: number }[] {
  if (!/\bto\s/i.test(s)) return [];
  let hits: { text: string; offset: { start: number; length: number } }[];
  try {
    hits = (parse(s) as unknown as { match: (m: string) => { json: (o: object) => typeof hits } }).match('to #Infinitive').json({ offset: true });
  } catch {
    return [];
  }
  const out: { at: number; cueEnd: number }[] = [];
  // "urged the agency to avoid force and to explain …": an infinitive joined by "and" to a complement is one too.
  let complementEnd = -1;
  for (const h of hits) {
    const at = h.offset.start;
    if (!/^to\s/i.test(s.slice(at, at + 3))) continue;
    if (complementEnd >= 0 && /\s(?:and|or)\s+(?:then\s+|also\s+)?$/i.test(s.slice(complementEnd, at)) && !/[;:]/.test(s.slice(complementEnd, at))) {
      complementEnd = at + 3;
      continue;
    }
    complementEnd = -1;
    const verb = s.slice(at + 3).match(/^\s*([\p{L}-]+)/u)?.[1] ?? '';
    if (/^(?:be|have|do|the|a|an|war|power|death|court|trial|office|jail|prison|work|school|church|hospital|bed|date|light|life)$/i.test(verb)) continue;
    const clauseStart = Math.max(s.lastIndexOf(',', at), s.lastIndexOf(';', at), s.lastIndexOf(':', at)) + 1;
    // "announced plans Monday to close …": a time word between the noun or verb and its "to" changes nothing.
    const before = s.slice(clauseStart, at).replace(/(?:\s+(?:on\s+)?(?:today|yesterday|(?:mon|tues|wednes|thurs|fri|satur|sun)day))+(\s+)$/i, '$1');
    if (!before.trim() || COMPLEMENT_BEFORE_TO.test(before)) {
      complementEnd = at + 3;
      continue;
    }
    out.push({ at, cueEnd: at + 3 });
  }
  return out;
}

/** Circumstances that give a cause: "after the operator agreed …", "amid protests over …" (not dates, not gerunds). */
const CIRCUMSTANCE =
  /\b(?:after|following|amid|amidst|ahead of)\s(?!(?:a|an|the)?\s*(?:meeting|talks|visit|ceremony|session|game|match|speech)\b|[\p{L}]+ing\b|(?:the\s+)?(?:[\p{Lu}][\p{L}]+day|\d|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|noon|midnight|dawn|dusk|week|month|year|hours?\b|days?\b|minutes?\b|that\b|this\b|which\b|it\b))/iu;

/** The rest of the clause after a cue, at most 22 words. */
function clauseAfter(s: string, from: number): string {
  let rest = s.slice(from);
  rest = rest.split(/[;:!?]|,\s+(?!and\b)|\s[-–—]{1,2}\s|\.(?:\s|$)|\s(?:said|says|told)\b/)[0];
  const words = rest.trim().split(/\s+/);
  if (words.length > 22) rest = words.slice(0, 22).join(' ');
  return rest.trim();
}

const clean = (x: string) => x.replace(/[.;,”"’]+$/u, '').replace(/\s+/g, ' ').trim();

/** No news sentence is longer; a huge unbroken line is read only so far (the cues and compromise stay fast). */
const MAX_SENTENCE = 1500;

/**
 * The why-cues of a sentence. With `accept` (the caller keeps only the hits it accepts, then the lowest rank), the
 * purpose infinitives (rank 2, the only cue that needs compromise's full tagger) are looked for only when no
 * accepted hit ranks above them: they could not be chosen.
 */
export function whyCues(s: string, accept?: (h: CueHit) => boolean): CueHit[] {
  s = s.slice(0, MAX_SENTENCE);
  const out: CueHit[] = [];
  const push = (at: number, answer: string, rank: number, kind: CueHit['kind']) => {
    answer = clean(answer);
    if (answer.split(/\s+/).length >= 2) out.push({ at, answer, rank, kind });
  };
  const stated = STATED_PURPOSE.exec(s);
  if (stated) push(stated.index, clauseAfter(s, stated.index + stated[0].length), 0, 'purpose-stated');
  // Every match, not only the first: a later one counts when an earlier one is dropped (inside a concession).
  const cueRegex = (re: RegExp, rank: number, kind: CueHit['kind']) => {
    for (const m of s.matchAll(new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`))) {
      // With a captured cue word ("for"), the answer starts there; otherwise at the match.
      const cueAt = m[1] ? m.index! + m[0].lastIndexOf(m[1]) : m.index!;
      const cueText = s.slice(cueAt, m.index! + m[0].length);
      push(cueAt, `${cueText.trim()} ${clauseAfter(s, m.index! + m[0].length)}`, rank, kind);
    }
  };
  for (const re of CAUSE) cueRegex(re, 1, 'cause');
  // "Seven men who hijacked a jet were charged …": what they did is why they were charged.
  const deed = /\b(?:who|which)\s+([^,;]{5,90}?)\s+(?:were|was|have been|has been|had been|will be)\s+(?:on\s+\p{L}+\s+|formally\s+|later\s+|also\s+)?(?:charged|arrested|jailed|convicted|sentenced|detained|indicted|fined|tried|executed|expelled|punished)\b/iu.exec(s);
  if (deed) push(deed.index + deed[0].indexOf(deed[1]), deed[1], 1, 'cause');
  // Moved by something: "so shaken by the attempt on her life that …", "angered by the decision".
  const moved = /\b(?:so\s+)?(?:shaken|upset|angered|alarmed|frightened|shocked|outraged|incensed|worried|disturbed|spurred|driven|provoked|motivated)\s+(?:by|at|over)\s+/i.exec(s);
  if (moved) push(moved.index, `${moved[0].trim()} ${clauseAfter(s, moved.index + moved[0].length).split(/\s+(?:that|when)\s/)[0]}`, 1, 'cause');
  for (const re of PURPOSE) cueRegex(re, 2, 'purpose');
  cueRegex(CIRCUMSTANCE, 3, 'circumstance');
  // A cue inside another cue's phrase is part of it: in "after days of protests over pay" the cause is the
  // protests (over pay), not "over pay" alone.
  const nested = (h: CueHit) => out.some((o) => o !== h && o.at < h.at && h.at < o.at + o.answer.length && s.slice(o.at, o.at + o.answer.length) === o.answer);
  const decided = accept !== undefined && out.some((h) => h.rank < 2 && accept(h) && !nested(h));
  for (const p of decided ? [] : purposeInfinitives(s)) {
    const rest = clauseAfter(s, p.cueEnd);
    if (rest.split(/\s+/).length >= 2) push(p.at, `to ${rest}`, 2, 'purpose');
  }
  // "Although supposedly aimed at criminals, …": what a concession grants is not the reason.
  const conceded: [number, number][] = [];
  for (const m of s.matchAll(/\b(?:although|though|even if|despite|in spite of|notwithstanding)\s/giu)) {
    const rest = s.slice(m.index! + m[0].length);
    const stop = rest.search(/[,;:]|\s[-–—]{1,2}\s/);
    conceded.push([m.index!, m.index! + m[0].length + (stop < 0 ? rest.length : stop)]);
  }
  return out.filter((h) => !nested(h) && !conceded.some(([a, b]) => h.at > a && h.at < b));
}

// ---------------------------------------------------------------- how

/** Channels of a statement: "in a statement carried by …", "told a news conference", "by telephone". */
const CHANNEL = [
  /\b(?:by (?:tele)?phone|by video(?:[- ]?link)?|by letter|by fax|by (?:e-?mail)|over the (?:tele)?phone)\b/i,
  /\bin an? (?:joint |written |brief |televised |radio |television |telephone |phone |video |separate |official )?(?:statement|interview|letter|speech|commentary|editorial|broadcast|communique|communiqué|message|call|conversation|address|news conference|press conference|news briefing|briefing|report|decree|article|open letter)\b(?:\s+(?:to|with|by|carried by|issued by|published by|released by|on|from|posted on)\s+(?:[^,.;]|(?<=\d)[.,](?=\d)){1,60})?/i,
  /\b(?:told|addressed|at|gave) (?:a |an )?(?:news|press) (?:conference|briefing)\b(?:\s+in\s+[\p{Lu}][\p{L}-]+)?/iu,
  /\btold (?:reporters|journalists|Reuters)\b/,
  /\btold (?:parliament|the (?:BBC|parliament|court|assembly|council)|[\p{Lu}][\p{L}-]+(?: [\p{Lu}][\p{L}-]+)? (?:radio|television|TV|newspaper|daily|news agency|agency))\b/u,
  /\b(?:released|issued|published|sent|wrote) (?:a |an )?(?:joint |open |written )?(?:letter|statement|communique|communiqué|report|decree)\b/i,
];

/** Means and manner: instruments, methods, preceding actions, votes. */
const MEANS = [
  /\b(?:on (?:his|her|their|a|an) (?:[\p{L}-]+ )?(?:state|official|working|private|surprise) visit|in person|(?:via|using) (?:(?!(?:to|for|and|in|on|at|from|with|after|before|as|which|that|who)\b)[\p{L}\p{N}$'’&-]+(?:[.,](?=\d)[\p{N}]+)?(?: |(?=[,.;:)]|$))){1,6}|armed with (?:[^,.;]|(?<=\d)[.,](?=\d)){1,60}|with (?:drones?|missiles?|rockets?|artillery|tanks|knives|guns|explosives|bombs?|grenades|machine-?guns?|rifles)\b(?:[^,.;]|(?<=\d)[.,](?=\d)){0,40}|thanks to (?:[^,.;]|(?<=\d)[.,](?=\d)){1,60}|with the (?:help|support|backing|aid|assistance) of (?:[^,.;]|(?<=\d)[.,](?=\d)){1,60}|with (?:finance|financing|funding|money|funds|loans?|credit) (?:provided |supplied )?(?:by|from) (?:[^,.;]|(?<=\d)[.,](?=\d)){1,60}|as part of (?:[^,.;]|(?<=\d)[.,](?=\d)){1,60}|through (?:talks|negotiations|mediation|diplomacy|dialogue|a (?:deal|referendum|vote|court))\b(?:[^,.;]|(?<=\d)[.,](?=\d)){0,40}|(?:voted|by a vote of|by a margin of) \d+[-–]\d+|in an? (?:[\p{L}-]+ )?(?:vote|ballot|referendum)\b|by (?:helicopter|road|air|sea|boat|bus|train|car|plane)\b(?!\s+(?!(?:to|from|and|or|on|in|at|for|with|after|before|via|into|across|over|through|under|during|as|while|when|the|a|an)\b)\p{Ll})|on (?:a|an) (?:[\p{L}-]+ ){0,3}flight\b(?:[^,.;]|(?<=\d)[.,](?=\d)){0,40})/iu,
];

/** "by cutting costs", "after driving out the rebels", "after being spotted": lower-case gerunds only (not "by Beijing"). */
const PRIOR_ACTION = /\b(?:[Bb]y|[Aa]fter) (?:being [a-z]{3,}(?:ed|en|wn)|(?!(?:morning|evening|spring|wedding|ceiling|nothing|something|anything|everything|during|king|thing|being|saying|stating|adding|noting|explaining|announcing|telling|claiming|arguing|insisting|asking)\b)[a-z]{3,}ing)\b(?:[^,.;]|(?<=\d)[.,](?=\d)){0,60}/u;

/** Words that count a time before "after": "two days after", "shortly after", "within hours after". */
const TIME_SPAN = String.raw`(?:minutes?|hours?|days?|weeks?|months?|years?|decades?|shortly|soon|just|moments?|immediately|long|right|only|hard|not long)`;

export function howCues(s: string): CueHit[] {
  s = s.slice(0, MAX_SENTENCE);
  const out: CueHit[] = [];
  const scan = (re: RegExp, rank: number, kind: CueHit['kind']) => {
    const m = re.exec(s);
    if (!m) return;
    // A phrase its length limit cut inside a word ("Harbour Capi") ends at the word before.
    const cut = /[\p{L}\p{N}]/u.test(s[m.index + m[0].length] ?? '') ? m[0].replace(/\s+\S*$/u, '') : m[0];
    const answer = clean(cut);
    if (answer.split(/\s+/).length >= 2) out.push({ at: m.index, answer, rank, kind });
  };
  for (const re of MEANS) scan(re, 1, 'means');
  // "two days after escaping", "shortly after landing": a time counted from an act, not the means.
  scan(new RegExp(String.raw`(?<!\b(?:${TIME_SPAN})\s+)` + PRIOR_ACTION.source, PRIOR_ACTION.flags), 1, 'means');
  // "said after an informal session", "agreed after two days of talks": the occasion it came out of.
  scan(/\bafter (?:an? |the |their |two |three |several |long |lengthy )?(?:[\p{L}-]+ ){0,2}(?:session|meeting|talks|consultations|negotiations|debate|hearing|summit|vote)\b(?:[^,.;]|(?<=\d)[.,](?=\d)){0,40}/iu, 2, 'means');
  // "told reporters" is any speaker's; it is a weaker channel than "in a statement" or "told a news conference".
  CHANNEL.forEach((re, i) => scan(re, i === 3 ? 3 : 2, 'channel'));
  return out;
}
