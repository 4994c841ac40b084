/**
 * The CTI tagger's gazetteer: the news tagger's place and person-name lists (countries, cities, demonyms, first and
 * last names), with its three remaining kinds reused for ATT&CK names: 'org' marks group names and aliases,
 * 'place' malware, 'region' tools. Built from the news model's gazetteer and the ATT&CK table (nothing extra
 * is shipped); training (scripts/train-cti.ts) and inference build it the same way.
 */
import { GAZ_KINDS, GAZ_PREFIX, gazKey, type Gazetteer } from '../ner/features';
import { tokenize } from '../ner/tokenize';
import { attackTables } from './attack';

const bit = (k: (typeof GAZ_KINDS)[number]) => 1 << GAZ_KINDS.indexOf(k);
export const CTI_GAZ = { group: /* @__PURE__ */ bit('org'), malware: /* @__PURE__ */ bit('place'), tool: /* @__PURE__ */ bit('region') } as const;

export function buildCtiGazetteer(base: Gazetteer): Gazetteer {
  const REUSED = CTI_GAZ.group | CTI_GAZ.malware | CTI_GAZ.tool;
  const gaz: Gazetteer = new Map();
  for (const [k, v] of base) {
    const m = v & ~REUSED;
    if (m !== 0) gaz.set(k, m);
  }
  const add = (name: string, b: number) => {
    if (name.length < 2 || name.length > 60) return;
    const toks = tokenize(name).tokens.map((t) => t.text.toLowerCase().replace(/\u2019/g, "'"));
    if (toks.length === 0 || toks.length > 5) return;
    const k = gazKey(toks);
    gaz.set(k, (gaz.get(k) ?? 0) | b);
    for (let j = 1; j < toks.length; j++) {
      const pk = gazKey(toks.slice(0, j));
      gaz.set(pk, (gaz.get(pk) ?? 0) | GAZ_PREFIX);
    }
  };
  const t = attackTables();
  for (const g of t.groups) for (const n of [g.name, ...g.aliases]) add(n, CTI_GAZ.group);
  for (const s of t.software) for (const n of [s.name, ...s.aliases]) add(n, s.kind === 'tool' ? CTI_GAZ.tool : CTI_GAZ.malware);
  return gaz;
}
