/**
 * The analyst-markup layer: estimative language, confidence phrases, classification markings,
 * date-time groups and indicators of compromise, found by pure functions over text.
 */
import { findDtgs } from './dtg';
import { findConfidence, findEstimative } from './estimative';
import { findIndicators, resolveOverlaps } from './indicators';
import { findMarkings } from './markings';
import type { MarkupSpan } from './types';

export type { IndicatorType, MarkingType, MarkupKind, MarkupSpan } from './types';
export { defang, findIndicators, refang } from './indicators';
export { CONFIDENCE_LEVELS, ICD203_ROWS, findConfidence, findEstimative } from './estimative';
export type { ConfidenceLevel, LikelihoodRow } from './estimative';
export { findMarkings } from './markings';
export { dtgToIso, findDtgs, zoneOffsetHours } from './dtg';
export { lintMarkup, LINT_CODES } from './lint';
export type { LintCode, LintOptions, LintSeverity, MarkupDiagnostic } from './lint';

/**
 * All analyst markup in `text`, sorted by start. Spans never overlap: where two recognizers claim
 * the same characters the earlier, then longer, span wins (in practice they are disjoint).
 */
export function findMarkup(text: string): MarkupSpan[] {
  return resolveOverlaps([
    ...findMarkings(text),
    ...findDtgs(text),
    ...findEstimative(text),
    ...findConfidence(text),
    ...findIndicators(text),
  ]);
}
