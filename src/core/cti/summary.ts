/** The summary's Threat section (summary/summarize.ts adds it when the report names CTI entities). */
import type { Entity, SummaryIndicator, SummaryThreat } from '../types';
import { buildThreat } from './threat';

export function threatSection(text: string, entities: readonly Entity[], indicators: readonly SummaryIndicator[], citations: number): SummaryThreat | undefined {
  const picture = buildThreat(text, entities);
  const vulnerabilities = indicators.filter((i) => i.type === 'cve').map((i) => i.value.toUpperCase());
  if (!picture.actors.length && !picture.malware.length && !picture.tools.length && !picture.techniques.length) return undefined;
  const iocs = indicators.filter((i) => i.type !== 'cve' && i.type !== 'attack-technique' && !i.citation).length;
  return { ...picture, vulnerabilities: [...new Set(vulnerabilities)], indicators: iocs, citations };
}
