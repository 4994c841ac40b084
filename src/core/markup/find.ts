import { findDtgs } from './dtg';
import { findConfidence, findEstimative } from './estimative';
import { findIndicators, resolveOverlaps } from './indicators';
import { findMarkings } from './markings';
import type { MarkupSpan } from './types';

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
