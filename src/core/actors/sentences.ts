/** The actors' sentences: the core's one segmentation (`src/core/text/segment.ts`). */
export { splitSentences, sentenceIndexAt } from '../text/segment';
