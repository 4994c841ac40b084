/** Actors: mentions merged into who is who in a report (see buildActors). */
export { buildActors } from './build';
export { parseRegistry, appendRegistryEntry, addIgnoredName } from './registry';
export { findQuotations, attributeQuotes, type Quotation } from './quotes';
export { splitSentences, sentenceIndexAt } from './sentences';
export { countryOf, countryOfDemonym, countryOfName } from './demonyms';
export { nameKey } from './names';
export { splitTitle, isRank } from './roles';
