/**
 * Demonyms and country names, for affiliations ("Russian President" -> Russia) and nominal references
 * ("the Israel leader"). A small closed table on purpose: it is pure data the core can carry into a worker or a
 * browser, it is reviewed like code, and the npm packages we looked at either have no demonyms (country-code
 * tables) or are unmaintained word lists much larger than the news vocabulary we need.
 */

/** Country (or bloc) -> its demonyms. Keys are the names affiliations are reported with. */
const TABLE: Record<string, string[]> = {
  Afghanistan: ['Afghan', 'Afghani'],
  Albania: ['Albanian'],
  Algeria: ['Algerian'],
  Argentina: ['Argentine', 'Argentinian'],
  Armenia: ['Armenian'],
  Australia: ['Australian'],
  Austria: ['Austrian'],
  Azerbaijan: ['Azerbaijani', 'Azeri'],
  Bahrain: ['Bahraini'],
  Bangladesh: ['Bangladeshi'],
  Belarus: ['Belarusian', 'Belarussian'],
  Belgium: ['Belgian'],
  Bosnia: ['Bosnian'],
  Brazil: ['Brazilian'],
  Bulgaria: ['Bulgarian'],
  Cambodia: ['Cambodian'],
  Canada: ['Canadian'],
  Chile: ['Chilean'],
  China: ['Chinese'],
  Colombia: ['Colombian'],
  Croatia: ['Croatian', 'Croat'],
  Cuba: ['Cuban'],
  Cyprus: ['Cypriot'],
  'Czech Republic': ['Czech'],
  Denmark: ['Danish', 'Dane'],
  Egypt: ['Egyptian'],
  Eritrea: ['Eritrean'],
  Estonia: ['Estonian'],
  Ethiopia: ['Ethiopian'],
  'European Union': ['European'],
  Finland: ['Finnish', 'Finn'],
  France: ['French'],
  Georgia: ['Georgian'],
  Germany: ['German'],
  Greece: ['Greek'],
  Hungary: ['Hungarian'],
  India: ['Indian'],
  Indonesia: ['Indonesian'],
  Iran: ['Iranian', 'Persian'],
  Iraq: ['Iraqi'],
  Ireland: ['Irish'],
  Israel: ['Israeli'],
  Italy: ['Italian'],
  Japan: ['Japanese'],
  Jordan: ['Jordanian'],
  Kazakhstan: ['Kazakh', 'Kazakhstani'],
  Kenya: ['Kenyan'],
  Kosovo: ['Kosovar'],
  Kuwait: ['Kuwaiti'],
  Kyrgyzstan: ['Kyrgyz'],
  Latvia: ['Latvian'],
  Lebanon: ['Lebanese'],
  Libya: ['Libyan'],
  Lithuania: ['Lithuanian'],
  Malaysia: ['Malaysian'],
  Mali: ['Malian'],
  Mexico: ['Mexican'],
  Moldova: ['Moldovan'],
  Mongolia: ['Mongolian'],
  Morocco: ['Moroccan'],
  Myanmar: ['Burmese', 'Myanmar'],
  Nepal: ['Nepalese', 'Nepali'],
  Netherlands: ['Dutch'],
  'New Zealand': ['New Zealander'],
  Niger: ['Nigerien'],
  Nigeria: ['Nigerian'],
  'North Korea': ['North Korean'],
  Norway: ['Norwegian'],
  Oman: ['Omani'],
  Pakistan: ['Pakistani'],
  Palestine: ['Palestinian'],
  Peru: ['Peruvian'],
  Philippines: ['Filipino', 'Philippine'],
  Poland: ['Polish', 'Pole'],
  Portugal: ['Portuguese'],
  Qatar: ['Qatari'],
  Romania: ['Romanian'],
  Russia: ['Russian'],
  'Saudi Arabia': ['Saudi'],
  Serbia: ['Serbian', 'Serb'],
  Singapore: ['Singaporean'],
  Slovakia: ['Slovak', 'Slovakian'],
  Slovenia: ['Slovenian', 'Slovene'],
  Somalia: ['Somali'],
  'South Africa': ['South African'],
  'South Korea': ['South Korean', 'Korean'],
  'South Sudan': ['South Sudanese'],
  Spain: ['Spanish', 'Spaniard'],
  'Sri Lanka': ['Sri Lankan'],
  Sudan: ['Sudanese'],
  Sweden: ['Swedish', 'Swede'],
  Switzerland: ['Swiss'],
  Syria: ['Syrian'],
  Taiwan: ['Taiwanese'],
  Tajikistan: ['Tajik'],
  Thailand: ['Thai'],
  Tunisia: ['Tunisian'],
  Turkey: ['Turkish', 'Turk'],
  Turkmenistan: ['Turkmen'],
  Ukraine: ['Ukrainian'],
  'United Arab Emirates': ['Emirati'],
  'United Kingdom': ['British', 'UK', 'U.K.'],
  'United States': ['American', 'US', 'U.S.', 'USA'],
  Uzbekistan: ['Uzbek'],
  Venezuela: ['Venezuelan'],
  Vietnam: ['Vietnamese'],
  Yemen: ['Yemeni'],
  Zimbabwe: ['Zimbabwean'],
};

/** Other ways texts name a country ("Britain", "the US"). */
const COUNTRY_ALIASES: Record<string, string> = {
  Britain: 'United Kingdom',
  'Great Britain': 'United Kingdom',
  England: 'United Kingdom',
  'United States of America': 'United States',
  America: 'United States',
  'Russian Federation': 'Russia',
  'Islamic Republic of Iran': 'Iran',
  Persia: 'Iran',
  Holland: 'Netherlands',
  'the Netherlands': 'Netherlands',
  Burma: 'Myanmar',
  'Ivory Coast': "Côte d'Ivoire",
  Türkiye: 'Turkey',
  UAE: 'United Arab Emirates',
  EU: 'European Union',
  'Palestinian territories': 'Palestine',
};

const BY_DEMONYM = new Map<string, string>();
const BY_NAME = new Map<string, string>();
for (const [country, forms] of Object.entries(TABLE)) {
  BY_NAME.set(country.toLowerCase(), country);
  for (const f of forms) BY_DEMONYM.set(f.toLowerCase(), country);
}
for (const [alias, country] of Object.entries(COUNTRY_ALIASES)) BY_NAME.set(alias.toLowerCase(), country);

const clean = (s: string) => s.trim().replace(/(?:['’]s|s['’])$/u, '').toLowerCase();

/** "Russian" -> "Russia", "Israeli" -> "Israel"; undefined when the word is not a known demonym. */
export function countryOfDemonym(word: string): string | undefined {
  return BY_DEMONYM.get(clean(word));
}

/** "Israel" -> "Israel", "Britain" -> "United Kingdom", "Israel’s" -> "Israel"; undefined for other names. */
export function countryOfName(name: string): string | undefined {
  return BY_NAME.get(clean(name));
}

/** A country for a demonym or a country name, whichever the word is. */
export function countryOf(word: string): string | undefined {
  return countryOfDemonym(word) ?? countryOfName(word);
}
