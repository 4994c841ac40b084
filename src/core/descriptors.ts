/**
 * Descriptor tables: one row per entity type and one per export format. Every list that used to repeat them (theme
 * colours, settings, status-bar labels, overlap priority, export pickers, CLI format names) reads these rows, and a
 * unit test checks that package.json contributes a setting and a colour for every entity type. Adding a type or an
 * exporter starts here (docs/EXTENDING.md).
 */
import type { EntityType } from './types';

export interface EntityTypeDescriptor {
  type: EntityType;
  /** Singular and plural labels for the status bar and lists. */
  label: string;
  plural: string;
  /** Theme colour id of its highlight (package.json contributes.colors). */
  colorId: string;
  /** The boolean setting that turns its highlight on or off (package.json contributes.configuration). */
  setting: string;
  /** Where spans of different types overlap, the lower priority wins (person over title over organisation...). */
  priority: number;
  /** Whether a span of this type may run across a line break (the incremental analyzer must then join the lines). */
  mayCrossLine: boolean;
}

const row = (type: EntityType, label: string, plural: string, priority: number, mayCrossLine: boolean): EntityTypeDescriptor => ({
  type,
  label,
  plural,
  colorId: `analystLens.${type}Background`,
  setting: `analystLens.highlight.${type}`,
  priority,
  mayCrossLine,
});

/** One row per entity type. A Record, so a new EntityType does not compile until it has its row. */
export const ENTITY_TYPE_DESCRIPTORS: Readonly<Record<EntityType, EntityTypeDescriptor>> = {
  person: row('person', 'person', 'people', 0, true),
  title: row('title', 'title', 'titles', 1, true),
  organization: row('organization', 'organisation', 'organisations', 2, true),
  place: row('place', 'place', 'places', 3, true),
  group: row('group', 'group', 'groups', 4, false),
  date: row('date', 'date', 'dates', 5, true),
  time: row('time', 'time', 'times', 6, false),
  quantity: row('quantity', 'quantity', 'quantities', 7, true),
  // threat-intelligence types (src/core/cti): merged after overlaps are resolved (cti/index.ts mergeCti)
  threatActor: row('threatActor', 'threat actor', 'threat actors', 8, true),
  malware: row('malware', 'malware', 'malware', 9, true),
  tool: row('tool', 'tool', 'tools', 10, true),
  technique: row('technique', 'technique', 'techniques', 11, true),
};

export type ExportFormatName = 'md' | 'json' | 'csv' | 'stix' | 'webannotation';

export interface ExporterDescriptor {
  name: ExportFormatName;
  /** Other names the CLI and commands accept (`--format markdown`). */
  aliases: string[];
  /** File name suffix: `<report>.summary.md`. */
  extension: string;
  /** What the export picker shows. */
  label: string;
  detail: string;
  /** Save-dialog filter: name and file extensions. */
  filter: [string, string[]];
}

/** One row per export format, in the order pickers list them. */
export const EXPORTER_DESCRIPTORS: readonly ExporterDescriptor[] = [
  { name: 'md', aliases: ['markdown'], extension: '.summary.md', label: 'Markdown', detail: 'A brief to paste into a report or an email', filter: ['Markdown', ['md']] },
  { name: 'json', aliases: [], extension: '.summary.json', label: 'JSON', detail: 'The summary data (schemas/summary.schema.json)', filter: ['JSON', ['json']] },
  { name: 'csv', aliases: [], extension: '.summary.csv', label: 'CSV', detail: 'One row per entity mention, for spreadsheets', filter: ['CSV', ['csv']] },
  { name: 'stix', aliases: ['stix2.1', 'stix2'], extension: '.summary.stix.json', label: 'STIX 2.1', detail: 'A bundle for threat-intelligence platforms', filter: ['STIX 2.1 JSON', ['json']] },
  { name: 'webannotation', aliases: ['web-annotation', 'jsonld'], extension: '.annotations.jsonld', label: 'W3C Web Annotation', detail: "The analyst's annotations as Web Annotation JSON-LD (Hypothesis, INCEpTION)", filter: ['JSON-LD', ['jsonld', 'json']] },
];

/** The exporter a name or alias means (case-insensitive), or undefined. */
export function exporterNamed(name: string): ExporterDescriptor | undefined {
  const n = String(name ?? '').trim().toLowerCase();
  return EXPORTER_DESCRIPTORS.find((d) => d.name === n || d.aliases.includes(n));
}
