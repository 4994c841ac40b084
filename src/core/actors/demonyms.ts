/** Demonyms and country names for affiliations: the core's one lexicon (`src/core/text/lexicon.ts`). */
export { countryOf, countryOfDemonym, countryOfName } from '../text/lexicon';
