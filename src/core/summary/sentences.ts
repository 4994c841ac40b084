/** The summary's sentences, front matter and line index: the core's one segmentation (`src/core/text/segment.ts`). */
export { splitSentences, frontMatter, sentenceAt, lineIndex, type Sentence, type FrontMatter } from '../text/segment';
