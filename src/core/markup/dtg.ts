/**
 * Military date-time groups: `DDHHMMZ MON YY` (`091630Z JUL 11`, `241530ZNOV26`, `091630Z JUL 2011`),
 * any zone letter A-Z except J, resolved to an ISO-8601 UTC string. Zone letters: Z = UTC,
 * A..I = UTC+1..+9, K..M = UTC+10..+12, N..Y = UTC-1..-12. Two-digit years are 20YY. Groups whose day
 * does not exist in the month (`310000Z FEB 24`) are not DTGs.
 */
import { DTG } from './patterns';
import type { MarkupSpan } from './types';

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const DTG_RE = new RegExp(DTG, 'g');

/** Offset from UTC in hours of a military time-zone letter, or undefined for J (local time) and non-letters. */
export function zoneOffsetHours(letter: string): number | undefined {
  if (letter === 'Z') return 0;
  const c = letter.charCodeAt(0);
  if (letter.length !== 1 || letter === 'J') return undefined;
  if (c >= 65 && c <= 73) return c - 64; // A..I = +1..+9
  if (c >= 75 && c <= 77) return c - 65; // K..M = +10..+12
  if (c >= 78 && c <= 89) return -(c - 77); // N..Y = -1..-12
  return undefined;
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** ISO-8601 UTC (`2011-07-09T16:30:00Z`) of a DTG's fields, or undefined if the date does not exist. */
export function dtgToIso(day: number, hour: number, minute: number, zone: string, month: number, year: number): string | undefined {
  const offset = zoneOffsetHours(zone);
  if (offset === undefined) return undefined;
  const daysInMonth = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  if (day < 1 || day > daysInMonth) return undefined;
  const d = new Date(Date.UTC(year, month, day, hour - offset, minute));
  return (
    `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}` +
    `T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:00Z`
  );
}

/** Date-time groups in `text`, sorted by start; `value` is the ISO-8601 UTC instant. */
export function findDtgs(text: string): MarkupSpan[] {
  const out: MarkupSpan[] = [];
  DTG_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = DTG_RE.exec(text)) !== null) {
    const [, dd, hh, mi, zone, mon, yy] = m;
    const yearText = yy ?? '';
    const year = yearText.length === 2 ? 2000 + Number(yearText) : Number(yearText);
    const iso = dtgToIso(Number(dd), Number(hh), Number(mi), zone ?? '', MONTHS.indexOf(mon ?? ''), year);
    if (iso === undefined) continue;
    out.push({ start: m.index, end: m.index + m[0].length, text: m[0], kind: 'dtg', value: iso });
  }
  return out;
}
