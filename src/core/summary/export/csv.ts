import type { Summary } from '../../types';

/** One CSV field (RFC 4180): quoted when it holds a quote, comma or line break; quotes doubled. */
export function csvField(v: string | number | undefined): string {
  const s = v === undefined ? '' : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export const CSV_COLUMNS = ['type', 'text', 'canonical_actor', 'actor_id', 'line', 'column', 'start', 'end', 'actor_roles'] as const;

/**
 * One row per entity mention: type, text, canonical actor, line, column (1-based), offsets, and the actor's roles
 * (`; `-separated, registry roles included). CRLF line ends.
 */
export function toCsv(summary: Summary): string {
  const rows: string[] = [CSV_COLUMNS.join(',')];
  const roles = new Map<string, string>();
  for (const a of [...summary.actors, ...summary.organizations, ...summary.places]) if (a.roles.length) roles.set(a.id, a.roles.join('; '));
  for (const m of summary.mentions) {
    const r = m.actorId ? roles.get(m.actorId) : undefined;
    rows.push([m.type, m.text, m.actorName, m.actorId, m.line, m.column, m.start, m.end, r].map(csvField).join(','));
  }
  // Indicators: type `indicator:<kind>`, the text as written, the refanged value as the canonical form.
  for (const i of summary.indicators) {
    for (const m of i.mentions) {
      rows.push([`indicator:${i.type}`, m.text, i.value, '', m.line, m.column, m.start, m.end, ''].map(csvField).join(','));
    }
  }
  return `${rows.join('\r\n')}\r\n`;
}
