/**
 * A small gazetteer for summaries: countries, their demonyms, and cities and regions that reports name often. It
 * only fills "country" for places the text does not qualify itself; the text wins where it says ("the Russian
 * resort city of Sochi").
 */

/** Demonym -> country. */
export const DEMONYMS: Record<string, string> = {
  Afghan: 'Afghanistan', Albanian: 'Albania', Algerian: 'Algeria', American: 'United States', Argentine: 'Argentina',
  Armenian: 'Armenia', Australian: 'Australia', Austrian: 'Austria', Azerbaijani: 'Azerbaijan', Bahraini: 'Bahrain',
  Bangladeshi: 'Bangladesh', Belarusian: 'Belarus', Belgian: 'Belgium', Bosnian: 'Bosnia and Herzegovina',
  Brazilian: 'Brazil', British: 'United Kingdom', Bulgarian: 'Bulgaria', Burmese: 'Myanmar', Canadian: 'Canada',
  Chadian: 'Chad', Chilean: 'Chile', Chinese: 'China', Colombian: 'Colombia', Croatian: 'Croatia', Cuban: 'Cuba',
  Cypriot: 'Cyprus', Czech: 'Czech Republic', Danish: 'Denmark', Dutch: 'Netherlands', Egyptian: 'Egypt',
  Emirati: 'United Arab Emirates', Eritrean: 'Eritrea', Estonian: 'Estonia', Ethiopian: 'Ethiopia', Finnish: 'Finland',
  French: 'France', Georgian: 'Georgia', German: 'Germany', Greek: 'Greece', Hungarian: 'Hungary', Indian: 'India',
  Indonesian: 'Indonesia', Iranian: 'Iran', Iraqi: 'Iraq', Irish: 'Ireland', Israeli: 'Israel', Italian: 'Italy',
  Japanese: 'Japan', Jordanian: 'Jordan', Kazakh: 'Kazakhstan', Kenyan: 'Kenya', Korean: 'Korea', Kosovar: 'Kosovo',
  Kuwaiti: 'Kuwait', Kyrgyz: 'Kyrgyzstan', Latvian: 'Latvia', Lebanese: 'Lebanon', Libyan: 'Libya',
  Lithuanian: 'Lithuania', Malaysian: 'Malaysia', Malian: 'Mali', Mexican: 'Mexico', Moldovan: 'Moldova',
  Moroccan: 'Morocco', Nigerian: 'Nigeria', Nigerien: 'Niger', 'North Korean': 'North Korea', Norwegian: 'Norway',
  Omani: 'Oman', Pakistani: 'Pakistan', Palestinian: 'Palestine', Philippine: 'Philippines', Polish: 'Poland',
  Portuguese: 'Portugal', Qatari: 'Qatar', Romanian: 'Romania', Russian: 'Russia', Saudi: 'Saudi Arabia',
  Serbian: 'Serbia', Slovak: 'Slovakia', Slovenian: 'Slovenia', Somali: 'Somalia', 'South African': 'South Africa',
  'South Korean': 'South Korea', Spanish: 'Spain', Sudanese: 'Sudan', Swedish: 'Sweden', Swiss: 'Switzerland',
  Syrian: 'Syria', Taiwanese: 'Taiwan', Tajik: 'Tajikistan', Thai: 'Thailand', Tunisian: 'Tunisia', Turkish: 'Turkey',
  Turkmen: 'Turkmenistan', Ugandan: 'Uganda', Ukrainian: 'Ukraine', Uzbek: 'Uzbekistan', Venezuelan: 'Venezuela',
  Vietnamese: 'Vietnam', Yemeni: 'Yemen',
};

const COUNTRY_ALIASES: Record<string, string> = {
  US: 'United States', 'U.S.': 'United States', USA: 'United States', 'United States of America': 'United States',
  America: 'United States', UK: 'United Kingdom', 'U.K.': 'United Kingdom', Britain: 'United Kingdom',
  'Great Britain': 'United Kingdom', 'Russian Federation': 'Russia', 'Islamic Republic of Iran': 'Iran',
  'Syrian Arab Republic': 'Syria', Burma: 'Myanmar', 'Republic of Korea': 'South Korea', DPRK: 'North Korea',
  "Türkiye": 'Turkey', UAE: 'United Arab Emirates', KSA: 'Saudi Arabia', Holland: 'Netherlands',
};

export const COUNTRIES = new Set<string>([
  ...Object.values(DEMONYMS),
  'Korea', 'Vatican', 'Singapore', 'Luxembourg', 'Monaco', 'Iceland', 'Peru', 'Ecuador', 'Bolivia', 'Paraguay',
  'Uruguay', 'Nepal', 'Bhutan', 'Sri Lanka', 'Mongolia', 'Laos', 'Cambodia', 'New Zealand', 'Ghana', 'Senegal',
  'Zimbabwe', 'Zambia', 'Tanzania', 'Rwanda', 'Burundi', 'Congo', 'Angola', 'Mozambique', 'Namibia', 'Botswana',
  'Djibouti', 'Mauritania', 'Burkina Faso', 'Cameroon', 'Gabon', 'Liberia', 'Sierra Leone', 'Guinea', 'Haiti',
  'Jamaica', 'Panama', 'Costa Rica', 'Nicaragua', 'Honduras', 'Guatemala', 'El Salvador', 'North Macedonia',
  'Montenegro',
]);

/**
 * Cities and regions -> country, for places the text names without saying where they are. Disputed territories
 * (West Bank, Gaza, Golan Heights, Crimea, ...) are left out on purpose: the summary does not decide their status.
 */
const PLACES: Record<string, [string, 'city' | 'region']> = {
  Moscow: ['Russia', 'city'], 'St Petersburg': ['Russia', 'city'], 'Saint Petersburg': ['Russia', 'city'], Sochi: ['Russia', 'city'],
  Jerusalem: ['Israel', 'city'], 'Tel Aviv': ['Israel', 'city'], Haifa: ['Israel', 'city'], Damascus: ['Syria', 'city'],
  Aleppo: ['Syria', 'city'], Idlib: ['Syria', 'region'], Tehran: ['Iran', 'city'], Baghdad: ['Iraq', 'city'],
  Beirut: ['Lebanon', 'city'], Amman: ['Jordan', 'city'], Cairo: ['Egypt', 'city'], Riyadh: ['Saudi Arabia', 'city'],
  Ankara: ['Turkey', 'city'], Istanbul: ['Turkey', 'city'], Kyiv: ['Ukraine', 'city'], Kiev: ['Ukraine', 'city'],
  Washington: ['United States', 'city'], 'New York': ['United States', 'city'], London: ['United Kingdom', 'city'],
  Paris: ['France', 'city'], Berlin: ['Germany', 'city'], Beijing: ['China', 'city'], Tokyo: ['Japan', 'city'],
  Brussels: ['Belgium', 'city'], Geneva: ['Switzerland', 'city'], Vienna: ['Austria', 'city'], Doha: ['Qatar', 'city'],
  'Abu Dhabi': ['United Arab Emirates', 'city'], Dubai: ['United Arab Emirates', 'city'],
  Kabul: ['Afghanistan', 'city'], Islamabad: ['Pakistan', 'city'], 'New Delhi': ['India', 'city'], Minsk: ['Belarus', 'city'],
};

export function countryOf(name: string): string | undefined {
  return COUNTRY_ALIASES[name] ?? (COUNTRIES.has(name) ? name : undefined);
}

/** Kind and country of a place name from the gazetteer alone. */
export function lookupPlace(name: string): { kind?: 'country' | 'city' | 'region'; country?: string } {
  const c = countryOf(name);
  if (c) return { kind: 'country', country: c };
  const p = PLACES[name];
  return p ? { kind: p[1], country: p[0] } : {};
}

/** "Russian" -> "Russia", "Israel" -> "Israel", "Israel’s" -> "Israel". */
export function toCountry(word: string): string | undefined {
  const w = word.replace(/['’]s$/u, '');
  return DEMONYMS[w] ?? countryOf(w);
}
