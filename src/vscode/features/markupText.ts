/**
 * The pure parts of the markup features (no vscode import, so unit tests run them in plain Node): sliced search,
 * span lookup, defang/refang edits, marking caveats.
 */
import { defang, findMarkup, refang, type MarkupSpan } from '../../core';

/** Text is searched in slices of about this many characters, split at blank lines, yielding in between. */
const SLICE = 32_768;

const yieldToHost = (): Promise<void> => new Promise((r) => setTimeout(r, 0));

/**
 * `findMarkup` over `text` in slices cut at blank lines (no markup spans a blank line), giving the event loop back
 * between slices so that a long report never stalls the extension host. Returns undefined if `stillWanted` turns false.
 */
export async function findMarkupSliced(text: string, stillWanted: () => boolean = () => true, slice = SLICE): Promise<MarkupSpan[] | undefined> {
  if (text.length <= slice) return findMarkup(text);
  const out: MarkupSpan[] = [];
  let from = 0;
  while (from < text.length) {
    let to = Math.min(text.length, from + slice);
    if (to < text.length) {
      const blank = /\n[ \t]*\r?\n/g;
      blank.lastIndex = to;
      const m = blank.exec(text);
      to = m ? m.index + 1 : text.length;
    }
    for (const s of findMarkup(text.slice(from, to))) out.push({ ...s, start: s.start + from, end: s.end + from });
    from = to;
    if (from < text.length) {
      await yieldToHost();
      if (!stillWanted()) return undefined;
    }
  }
  return out;
}

/** The span whose range holds `offset` (`start <= offset < end`); `spans` sorted and disjoint, as findMarkup returns them. */
export function spanAt(spans: readonly MarkupSpan[], offset: number): MarkupSpan | undefined {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = spans[mid] as MarkupSpan;
    if (s.end <= offset) lo = mid + 1;
    else if (s.start > offset) hi = mid - 1;
    else return s;
  }
  return undefined;
}

/** Indicator types that can be defanged: the ones a click or a resolver can reach. Hashes, CVEs and ATT&CK ids stay. */
const NETWORK_TYPES = new Set(['url', 'domain', 'ipv4', 'ipv6', 'email']);

/**
 * The new text of each indicator to rewrite, refanged or defanged. The writer's case is kept (`EVIL[.]COM` →
 * `EVIL.COM`), so that refang undoes defang exactly; copies use the normalised `value` instead.
 */
export function fangEdits(spans: readonly MarkupSpan[], mode: 'defang' | 'refang'): { start: number; end: number; text: string }[] {
  const out: { start: number; end: number; text: string }[] = [];
  for (const s of spans) {
    if (s.kind !== 'indicator') continue;
    const text = mode === 'refang' ? refang(s.text) : NETWORK_TYPES.has(s.subtype ?? '') ? defang(s.text) : s.text;
    if (text !== s.text) out.push({ start: s.start, end: s.end, text });
  }
  return out;
}

/** Refanged indicator values, first-seen order, without repeats. */
export function uniqueValues(spans: readonly MarkupSpan[]): string[] {
  return [...new Set(spans.filter((s) => s.kind === 'indicator').map((s) => s.value ?? s.text))];
}

/** Common control markings and dissemination caveats, by the abbreviations used in portion marks and banners. */
const CAVEATS: Record<string, string> = {
  NF: 'NOFORN: not releasable to foreign nationals',
  NOFORN: 'NOFORN: not releasable to foreign nationals',
  OC: 'ORCON: dissemination and extraction controlled by the originator',
  ORCON: 'ORCON: dissemination and extraction controlled by the originator',
  IMC: 'IMCON: controlled imagery',
  IMCON: 'IMCON: controlled imagery',
  PR: 'PROPIN: caution, proprietary information involved',
  PROPIN: 'PROPIN: caution, proprietary information involved',
  RELIDO: 'RELIDO: releasable by an information disclosure official',
  FISA: 'FISA: Foreign Intelligence Surveillance Act information',
  SI: 'SI: Special Intelligence (a SIGINT control system)',
  TK: 'TK: TALENT KEYHOLE (an overhead reconnaissance control system)',
  HCS: 'HCS: HUMINT Control System',
  SCI: 'SCI: Sensitive Compartmented Information',
  SAR: 'SAR: Special Access Required',
  RD: 'RD: Restricted Data (Atomic Energy Act)',
  FRD: 'FRD: Formerly Restricted Data (Atomic Energy Act)',
  FOUO: 'FOUO: For Official Use Only',
  'FOR OFFICIAL USE ONLY': 'FOUO: For Official Use Only',
  LES: 'LES: Law Enforcement Sensitive',
  SBU: 'SBU: Sensitive But Unclassified',
  DSEN: 'DSEN: DEA Sensitive',
  FGI: 'FGI: Foreign Government Information',
  DISPLAY: 'DISPLAY ONLY: may be shown to, but not given to, the listed countries',
};

/** Meanings of the control markings after the level: `(S//REL TO USA, GBR//NF)` → REL TO …, NOFORN. */
export function caveatsOf(marking: string): string[] {
  const body = marking.replace(/^\(|\)$/g, '');
  const parts = body.split('//').slice(1);
  const out: string[] = [];
  for (const part of parts) {
    for (const item of part.split('/')) {
      const t = item.trim();
      if (!t) continue;
      if (/^REL(?:\s+TO)?\b/.test(t)) out.push(`REL TO: releasable to ${t.replace(/^REL(?:\s+TO)?\s*/, '') || 'the listed countries'}`);
      else if (/^DISPLAY ONLY\b/.test(t)) out.push(`DISPLAY ONLY: may be shown to, but not given to, ${t.replace(/^DISPLAY ONLY\s*/, '') || 'the listed countries'}`);
      else out.push(CAVEATS[t] ?? CAVEATS[t.split(/[-\s]/)[0] ?? ''] ?? `${t}: control marking`);
    }
  }
  return out;
}
