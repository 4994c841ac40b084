export { toMarkdown, mdEscape, type MarkdownOptions } from './markdown';
export { toJson, SUMMARY_SCHEMA_ID } from './json';
export { toCsv, csvField, CSV_COLUMNS } from './csv';
export { toStix, toStixJson, STIX_NAMESPACE, type StixBundle, type StixObject } from './stix';
export { sha1, uuidv5 } from './uuid';

import type { Summary } from '../../types';
import { toCsv } from './csv';
import { toJson } from './json';
import { toMarkdown } from './markdown';
import { toStixJson } from './stix';
import { fromSummaryAnnotations, toWebAnnotationJson } from '../../annotations/export';

import { EXPORTER_DESCRIPTORS, type ExportFormatName } from '../../descriptors';

export type ExportFormat = ExportFormatName;
export const EXPORT_FORMATS: readonly ExportFormat[] = EXPORTER_DESCRIPTORS.map((d) => d.name);

/** File name suffix of each format: `<report>.summary.md|json|csv|stix.json`. */
export const EXPORT_EXTENSIONS = Object.fromEntries(EXPORTER_DESCRIPTORS.map((d) => [d.name, d.extension])) as Record<ExportFormat, string>;

/**
 * The summary in one of the export formats, as text. `webannotation` is the summary's analyst annotations as a W3C
 * Web Annotation collection whose targets are `options.source` (the report's URI; default its title).
 */
export function exportSummary(summary: Summary, format: ExportFormat, options: { source?: string } = {}): string {
  switch (format) {
    case 'md':
      return toMarkdown(summary);
    case 'json':
      return toJson(summary);
    case 'csv':
      return toCsv(summary);
    case 'stix':
      return toStixJson(summary);
    case 'webannotation':
      return toWebAnnotationJson(fromSummaryAnnotations(summary.annotations ?? []), options.source ?? summary.title ?? 'report', summary.title);
  }
}

/** `reports/sochi.md` -> `sochi.summary.stix.json`. */
export function exportFileName(reportName: string, format: ExportFormat): string {
  const base = reportName.replace(/^.*[\\/]/, '').replace(/\.(?:md|markdown|txt|text)$/i, '') || 'report';
  return `${base}${EXPORT_EXTENSIONS[format]}`;
}
