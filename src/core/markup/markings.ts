/**
 * Classification markings: portion markings `(U)`, `(TS//SI//NF)`, `(S//REL TO USA, GBR)`; banner
 * lines `TOP SECRET//SI//NOFORN`, `UNCLASSIFIED//FOR OFFICIAL USE ONLY`, or a bare level alone on its
 * line; and Traffic Light Protocol labels `TLP:AMBER+STRICT`. Levels and control markings are
 * upper case, as written in marked documents; "(a)", "(s)" in "item(s)", "TSA" are not markings.
 */
import { BANNER, BANNER_LINE, PORTION, TLP } from './patterns';
import type { MarkingType, MarkupSpan } from './types';

const LEVEL_ABBREVIATION: Record<string, string> = {
  'TOP SECRET': 'TS',
  SECRET: 'S',
  CONFIDENTIAL: 'C',
  UNCLASSIFIED: 'U',
  CUI: 'CUI',
  TS: 'TS',
  S: 'S',
  C: 'C',
  U: 'U',
};

const PORTION_RE = new RegExp(PORTION, 'g');
const BANNER_RE = new RegExp(BANNER, 'g');
const BANNER_LINE_RE = new RegExp(BANNER_LINE, 'gm');
const TLP_RE = new RegExp(TLP, 'gi');

function marking(input: string, start: number, end: number, subtype: MarkingType, value: string): MarkupSpan {
  return { start, end, text: input.slice(start, end), kind: 'marking', subtype, value };
}

/** Classification level of a marking, abbreviated: 'TS' | 'S' | 'C' | 'U' | 'CUI'. */
function levelOf(text: string): string {
  const m = /^\(?(TOP SECRET|SECRET|CONFIDENTIAL|UNCLASSIFIED|CUI|TS|S|C|U)(?=\/\/|\)|$)/.exec(text);
  return m ? (LEVEL_ABBREVIATION[m[1] ?? ''] ?? '') : '';
}

/** Portion markings, banners and TLP labels in `text`, sorted by start. `value` is the level ('TS', 'TLP:AMBER'). */
export function findMarkings(text: string): MarkupSpan[] {
  const out: MarkupSpan[] = [];
  let m: RegExpExecArray | null;
  PORTION_RE.lastIndex = 0;
  while ((m = PORTION_RE.exec(text)) !== null) {
    out.push(marking(text, m.index, m.index + m[0].length, 'portion', levelOf(m[0])));
  }
  BANNER_RE.lastIndex = 0;
  while ((m = BANNER_RE.exec(text)) !== null) {
    out.push(marking(text, m.index, m.index + m[0].length, 'banner', levelOf(m[0])));
  }
  BANNER_LINE_RE.lastIndex = 0;
  while ((m = BANNER_LINE_RE.exec(text)) !== null) {
    const level = m[1] ?? '';
    const start = m.index + m[0].indexOf(level);
    out.push(marking(text, start, start + level.length, 'banner', levelOf(level)));
  }
  TLP_RE.lastIndex = 0;
  while ((m = TLP_RE.exec(text)) !== null) {
    out.push(marking(text, m.index, m.index + m[0].length, 'tlp', m[0].toUpperCase().replace(/\s+/g, '')));
  }
  return out.sort((a, b) => a.start - b.start);
}
