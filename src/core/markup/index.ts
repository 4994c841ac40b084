/**
 * The analyst-markup layer: estimative language, confidence phrases, classification markings,
 * date-time groups and indicators of compromise, found by pure functions over text.
 */
export { findMarkup } from './find';
export type { IndicatorType, MarkingType, MarkupKind, MarkupSpan } from './types';
export { defang, findIndicators, refang } from './indicators';
export { CONFIDENCE_LEVELS, ICD203_ROWS, findConfidence, findEstimative } from './estimative';
export type { ConfidenceLevel, LikelihoodRow } from './estimative';
export { findMarkings } from './markings';
export { dtgToIso, findDtgs, zoneOffsetHours } from './dtg';
export { lintMarkup, LINT_CODES } from './lint';
export type { LintCode, LintOptions, LintSeverity, MarkupDiagnostic } from './lint';

