export { summarize, SUMMARY_SCHEMA_VERSION } from './summarize';
export { findReportDate, findAbsoluteDate, normaliseDate } from './dates';
export { splitSentences, lineIndex } from './sentences';
export * from './export';
