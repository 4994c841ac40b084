import type { Summary } from '../../types';

/** `$id` of schemas/summary.schema.json, the documented shape of this export. */
export const SUMMARY_SCHEMA_ID = 'urn:analyst-lens:schema:summary:1';

/** The summary as pretty-printed JSON (schemas/summary.schema.json; `schemaVersion` says which version). */
export function toJson(summary: Summary): string {
  return `${JSON.stringify(summary, null, 2)}\n`;
}
