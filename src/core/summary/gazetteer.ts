/** The summary's place and country look-ups: the core's one lexicon (`src/core/text/lexicon.ts`). */
export { COUNTRIES, lookupPlace, toCountry, isoOf } from '../text/lexicon';
