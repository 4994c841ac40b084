import type { Entity } from '../types';
import { countryOf } from './demonyms';
import { nameKey } from './names';
import { roleMatches, splitTitle } from './roles';

/** What nominal linking needs to know about a person actor. */
export interface NominalTarget {
  id: string;
  roles: readonly string[];
  affiliation?: string;
  firstMention: number;
}

export interface NominalMention {
  start: number;
  end: number;
  text: string;
  actorId: string;
  confidence: number;
  /** Why: the role and the one person of the document who holds it. */
  evidence: string;
}

// "the president", "the Israel leader", "the Russian defence minister": a role noun in lower case after "the" and up
// to three capitalised words (a country, a demonym or an organisation).
const LOWER_ROLE =
  /\b([Tt]he)\s+((?:\p{Lu}[\p{L}'’.-]*\s+){0,3})(leader|president|premier|prime minister|chancellor|foreign minister|defen[cs]e minister|interior minister|finance minister|minister|king|queen|emir|general|army chief|spy chief|spokesman|spokeswoman|spokesperson|ambassador|envoy)(?![\p{L}\p{N}-])/gu;
const OFFICE_AFTER = /^['’]s\s+(?:office|bureau|ministry|residence|cabinet|administration|government|spokesman|spokeswoman|spokesperson)\b/;
const SPACE = /^[ \t\u00a0]+$/;

/**
 * Nominal references to people: "the Premier", "the Russian President", "the Israel leader". A reference is linked
 * when the role it names (and the country, when one is named) fits exactly one person of the report, preferring
 * people already mentioned before it. These links are lower-confidence than names (0.5–0.75).
 */
export function findNominals(text: string, ents: readonly Entity[], targets: readonly NominalTarget[]): NominalMention[] {
  const out: NominalMention[] = [];
  const link = (start: number, end: number, role: string, affiliation: string | undefined) => {
    const fits = targets.filter((t) => roleMatches(t.roles, role) && (!affiliation || (t.affiliation && nameKey(t.affiliation) === nameKey(affiliation))));
    const before = fits.filter((t) => t.firstMention < start);
    let chosen: NominalTarget | undefined;
    let confidence = 0;
    if (before.length === 1) {
      chosen = before[0];
      confidence = affiliation ? 0.75 : 0.7;
    } else if (before.length === 0 && fits.length === 1) {
      chosen = fits[0];
      confidence = 0.5;
    }
    if (chosen) {
      const held = chosen.roles.find((r) => roleMatches([r], role)) ?? role;
      const where = before.length === 1 ? 'the only one mentioned before it' : 'the only one in the document';
      out.push({ start, end, text: text.slice(start, end), actorId: chosen.id, confidence, evidence: `${held}${affiliation ? ` (${affiliation})` : ''}: ${where} with that role` });
    }
  };

  // Capitalised titles the analysis found: "the Premier", "the Russian President" (not "the President Putin").
  for (let i = 0; i < ents.length; i++) {
    const t = ents[i];
    if (t.type !== 'title') continue;
    const next = ents[i + 1];
    if (next && (next.type === 'person' || next.type === 'title') && SPACE.test(text.slice(t.end, next.start))) continue;
    if (OFFICE_AFTER.test(text.slice(t.end, t.end + 24))) continue;
    let start = t.start;
    let affiliation: string | undefined;
    const prev = ents[i - 1];
    if (prev && (prev.type === 'group' || prev.type === 'place') && /^(?:['’]s)?[ \t\u00a0]+$/.test(text.slice(prev.end, t.start))) {
      affiliation = countryOf(prev.text) ?? prev.text;
      start = prev.start;
    }
    const the = /\b[Tt]he[ \t\u00a0]+$/.exec(text.slice(Math.max(0, start - 8), start));
    if (!the) continue;
    start -= the[0].length;
    const roles = splitTitle(t.text);
    if (roles.length !== 1) continue;
    link(start, t.end, roles[0], affiliation);
  }

  // Role nouns in lower case.
  LOWER_ROLE.lastIndex = 0;
  for (let m = LOWER_ROLE.exec(text); m; m = LOWER_ROLE.exec(text)) {
    const words = m[2].trim();
    let affiliation: string | undefined;
    if (words) {
      affiliation = countryOf(words);
      if (!affiliation) {
        // An organisation or a place the analysis knows ("the IDF chief"): compare with affiliations as written.
        const known = ents.find((e) => e.start >= m!.index && e.end <= m!.index + m![0].length && (e.type === 'organization' || e.type === 'place' || e.type === 'group'));
        if (!known) continue;
        affiliation = countryOf(known.text) ?? known.text;
      }
    }
    if (OFFICE_AFTER.test(text.slice(m.index + m[0].length, m.index + m[0].length + 24))) continue;
    link(m.index, m.index + m[0].length, m[3], affiliation);
  }
  return out.sort((a, b) => a.start - b.start);
}
