/**
 * The one lexicon of the core: countries, their demonyms and other names, ISO 3166 codes and STIX regions, cities
 * and regions that reports name often, months, holidays, peoples, faiths and parties, and the abbreviations whose
 * final dot is not a full stop. Actors, the summary, the STIX export, the sentence splitter, the tokenizer, the
 * highlights and the lint all read these tables; nothing else in the core keeps its own copy.
 *
 * Small closed tables on purpose: pure data the core can carry into a worker or a browser, reviewed like code; the
 * npm packages we looked at either have no demonyms (country-code tables) or are unmaintained word lists much larger
 * than the news vocabulary we need.
 */

// ---------------------------------------------------------------------------------------------------------------
// Abbreviations

/**
 * Words (lower-cased, without their final dot) whose dot does not end a sentence: "Mr. Putin", "Gen. Haliva",
 * "U.S. forces", "Jan. 5", "et al.". Used by the sentence splitter, the tokenizer and the lint.
 */
export const ABBREVIATIONS: ReadonlySet<string> = new Set(
  ('mr mrs ms messrs dr prof gen lt col maj capt cpt cpl sgt adm cmdr gov sen rep pres supt insp amb hon rev fr ' +
    'st mt ft ave blvd rd jr sr vs v cf etc inc corp ltd co cos plc bros dept div univ assn approx est fig vol pp al ' +
    'jan feb mar apr jun jul aug sep sept oct nov dec ' +
    'e.g i.e u.s u.k u.n a.m p.m n.a').split(' '),
);

/**
 * Further abbreviations the tokenizer keeps a dot on: "No." and "Nos." (a sentence ends at "no." unless a number
 * follows), day names and US state forms, which are also common words ("sun.", "ill.", "miss.", "wash.") and so never
 * stop a sentence from ending.
 */
export const TOKEN_ABBREVIATIONS: ReadonlySet<string> = new Set([
  ...ABBREVIATIONS,
  ...'no nos mon tue tues wed thu thur thurs fri sat sun'.split(' '),
  ...'calif ariz ark colo conn del fla ga ill ind kan kans ky la md mass mich minn miss mo mont neb nev okla ore pa penn tenn tex va vt wash wis wyo'.split(' '),
]);

// ---------------------------------------------------------------------------------------------------------------
// Months

/** Month names and abbreviations, lower-cased -> 1..12. */
export const MONTHS: Readonly<Record<string, number>> = {
  january: 1, february: 2, march: 3, april: 4, may: 5, june: 6, july: 7, august: 8, september: 9, october: 10, november: 11,
  december: 12, jan: 1, feb: 2, mar: 3, apr: 4, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};

/** A regular-expression source matching one month name or abbreviation (one capture group), optional final dot. */
export const MONTH_PATTERN =
  '(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?';

// ---------------------------------------------------------------------------------------------------------------
// Holidays

/**
 * How a holiday's date is found in a given year: a fixed month and day; the `nth` weekday (0 = Sunday) of a month,
 * counted from day `from` (default 1; `nth` -1 = the last); or a number of days after Easter Sunday.
 */
export type HolidayRule = { month: number; day: number } | { month: number; weekday: number; nth: number; from?: number } | { easter: number };

export interface Holiday {
  name: string;
  /** How it is written: lower case, one space between words, ' for any apostrophe. */
  forms: readonly string[];
  /** Absent when the date follows a lunar or lunisolar calendar (Ramadan, Passover, Diwali): left unresolved. */
  rule?: HolidayRule;
  /** A word that, after the name, makes it something else ("Easter Island"). */
  notBefore?: string;
}

/**
 * The holidays reports name as dates: the highlights (extract/temporal) mark them, the summary's timeline
 * (summary/timex) resolves those with a rule against the report date. Where a holiday's date differs by country,
 * the rule is the one its spelling points to: "Labor Day", "Memorial Day", "Thanksgiving", "Election Day" and
 * "Independence Day" as in the United States, "Labour Day" on 1 May.
 */
export const HOLIDAYS: readonly Holiday[] = [
  { name: 'Christmas Day', forms: ['christmas', 'christmas day'], rule: { month: 12, day: 25 } },
  { name: 'Christmas Eve', forms: ['christmas eve'], rule: { month: 12, day: 24 } },
  { name: 'Boxing Day', forms: ['boxing day'], rule: { month: 12, day: 26 } },
  { name: "New Year's Day", forms: ["new year's", "new year's day"], rule: { month: 1, day: 1 } },
  { name: "New Year's Eve", forms: ["new year's eve"], rule: { month: 12, day: 31 } },
  { name: 'Easter Sunday', forms: ['easter', 'easter sunday'], rule: { easter: 0 }, notBefore: 'island' },
  { name: 'Easter Monday', forms: ['easter monday'], rule: { easter: 1 } },
  { name: 'Good Friday', forms: ['good friday'], rule: { easter: -2 } },
  { name: 'Thanksgiving', forms: ['thanksgiving', 'thanksgiving day'], rule: { month: 11, weekday: 4, nth: 4 } },
  { name: 'Independence Day', forms: ['independence day'], rule: { month: 7, day: 4 } },
  { name: 'Labor Day', forms: ['labor day'], rule: { month: 9, weekday: 1, nth: 1 } },
  { name: 'Labour Day', forms: ['labour day'], rule: { month: 5, day: 1 } },
  { name: 'Memorial Day', forms: ['memorial day'], rule: { month: 5, weekday: 1, nth: -1 } },
  // the Tuesday after the first Monday of November
  { name: 'Election Day', forms: ['election day'], rule: { month: 11, weekday: 2, nth: 1, from: 2 } },
  { name: 'Veterans Day', forms: ['veterans day'], rule: { month: 11, day: 11 } },
  { name: 'Armistice Day', forms: ['armistice day'], rule: { month: 11, day: 11 } },
  { name: 'Halloween', forms: ['halloween'], rule: { month: 10, day: 31 } },
  { name: 'Lunar New Year', forms: ['lunar new year', 'chinese new year'] },
  { name: 'Ramadan', forms: ['ramadan'] },
  { name: 'Eid', forms: ['eid'] },
  { name: 'Eid al-Fitr', forms: ['eid al-fitr'] },
  { name: 'Eid al-Adha', forms: ['eid al-adha'] },
  { name: 'Hanukkah', forms: ['hanukkah'] },
  { name: 'Passover', forms: ['passover'] },
  { name: 'Yom Kippur', forms: ['yom kippur'] },
  { name: 'Rosh Hashanah', forms: ['rosh hashanah'] },
  { name: 'Diwali', forms: ['diwali'] },
  { name: 'Nowruz', forms: ['nowruz'] },
];

const holidayKey = (text: string) => text.toLowerCase().replace(/[’]/g, "'").replace(/\s+/g, ' ').trim();
const HOLIDAY_BY_FORM: ReadonlyMap<string, Holiday> = new Map(HOLIDAYS.flatMap((h) => h.forms.map((f) => [f, h] as const)));

/**
 * A regular-expression source (no capture group) matching any holiday's name, longest forms first, words apart by
 * any white space, either apostrophe. For a pattern with the `i` flag; `initialCase` makes it work without: each
 * word's first letter in either case, the rest in lower case ("Christmas", "christmas").
 */
export function holidayPattern(initialCase = false): string {
  const part = (p: string) => (initialCase && /^[a-z]/.test(p) ? `[${p[0]}${p[0].toUpperCase()}]${p.slice(1)}` : p);
  const word = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').split('-').map(part).join('-').replace(/'/g, "['’]");
  const alts = HOLIDAYS.flatMap((h) => h.forms.map((f) => ({ f, src: f.split(' ').map(word).join('\\s+') + (h.notBefore ? `(?!\\s+${word(h.notBefore)})` : '') })));
  return `(?:${alts.sort((a, b) => b.f.length - a.f.length).map((a) => a.src).join('|')})`;
}

/** The holiday a text names as a whole ("Christmas Eve", "new year’s"), or undefined. */
export function holidayNamed(text: string): Holiday | undefined {
  return HOLIDAY_BY_FORM.get(holidayKey(text));
}

/** A holiday's date in a year, YYYY-MM-DD; undefined when it has no rule. Easter by the Gregorian computus. */
export function holidayDate(h: Holiday, year: number): string | undefined {
  const r = h.rule;
  if (!r) return undefined;
  let at: number;
  if ('easter' in r) {
    // Anonymous Gregorian algorithm (Meeus/Jones/Butcher)
    const a = year % 19, b = Math.floor(year / 100), c = year % 100, d = Math.floor(b / 4), e = b % 4;
    const f = Math.floor((b + 8) / 25), g = Math.floor((b - f + 1) / 3), hh = (19 * a + b - d - g + 15) % 30;
    const i = Math.floor(c / 4), k = c % 4, l = (32 + 2 * e + 2 * i - hh - k) % 7, m = Math.floor((a + 11 * hh + 22 * l) / 451);
    const n = hh + l - 7 * m + 114;
    at = Date.UTC(year, Math.floor(n / 31) - 1, (n % 31) + 1 + r.easter);
  } else if ('day' in r) {
    at = Date.UTC(year, r.month - 1, r.day);
  } else if (r.nth > 0) {
    const from = r.from ?? 1;
    const dow = new Date(Date.UTC(year, r.month - 1, from)).getUTCDay();
    at = Date.UTC(year, r.month - 1, from + ((r.weekday - dow + 7) % 7) + 7 * (r.nth - 1));
  } else {
    const last = new Date(Date.UTC(year, r.month, 0));
    at = Date.UTC(year, r.month - 1, last.getUTCDate() - ((last.getUTCDay() - r.weekday + 7) % 7));
  }
  return new Date(at).toISOString().slice(0, 10);
}

// ---------------------------------------------------------------------------------------------------------------
// Countries

/** Country (or bloc) -> its demonyms. Keys are the names affiliations and summaries report. */
const TABLE: Record<string, string[]> = {
  Afghanistan: ['Afghan', 'Afghani'],
  Albania: ['Albanian'],
  Algeria: ['Algerian'],
  Angola: [],
  Argentina: ['Argentine', 'Argentinian'],
  Armenia: ['Armenian'],
  Australia: ['Australian'],
  Austria: ['Austrian'],
  Azerbaijan: ['Azerbaijani', 'Azeri'],
  Bahrain: ['Bahraini'],
  Bangladesh: ['Bangladeshi'],
  Belarus: ['Belarusian', 'Belarussian'],
  Belgium: ['Belgian'],
  Bhutan: [],
  Bolivia: [],
  'Bosnia and Herzegovina': ['Bosnian'],
  Botswana: [],
  Brazil: ['Brazilian'],
  Bulgaria: ['Bulgarian'],
  'Burkina Faso': [],
  Burundi: [],
  Cambodia: ['Cambodian'],
  Cameroon: [],
  Canada: ['Canadian'],
  Chad: ['Chadian'],
  Chile: ['Chilean'],
  China: ['Chinese'],
  Colombia: ['Colombian'],
  Congo: [],
  'Costa Rica': [],
  Croatia: ['Croatian', 'Croat'],
  Cuba: ['Cuban'],
  Cyprus: ['Cypriot'],
  'Czech Republic': ['Czech'],
  "Côte d'Ivoire": ['Ivorian'],
  Denmark: ['Danish', 'Dane'],
  Djibouti: [],
  Ecuador: [],
  Egypt: ['Egyptian'],
  'El Salvador': [],
  Eritrea: ['Eritrean'],
  Estonia: ['Estonian'],
  Ethiopia: ['Ethiopian'],
  'European Union': ['European'],
  Finland: ['Finnish', 'Finn'],
  France: ['French'],
  Gabon: [],
  Georgia: ['Georgian'],
  Germany: ['German'],
  Ghana: [],
  Greece: ['Greek'],
  Guatemala: [],
  Guinea: [],
  Haiti: [],
  Honduras: [],
  Hungary: ['Hungarian'],
  Iceland: [],
  India: ['Indian'],
  Indonesia: ['Indonesian'],
  Iran: ['Iranian', 'Persian'],
  Iraq: ['Iraqi'],
  Ireland: ['Irish'],
  Israel: ['Israeli'],
  Italy: ['Italian'],
  Jamaica: [],
  Japan: ['Japanese'],
  Jordan: ['Jordanian'],
  Kazakhstan: ['Kazakh', 'Kazakhstani'],
  Kenya: ['Kenyan'],
  Korea: [],
  Kosovo: ['Kosovar'],
  Kuwait: ['Kuwaiti'],
  Kyrgyzstan: ['Kyrgyz'],
  Laos: [],
  Latvia: ['Latvian'],
  Lebanon: ['Lebanese'],
  Liberia: [],
  Libya: ['Libyan'],
  Lithuania: ['Lithuanian'],
  Luxembourg: [],
  Malaysia: ['Malaysian'],
  Mali: ['Malian'],
  Mauritania: [],
  Mexico: ['Mexican'],
  Moldova: ['Moldovan'],
  Monaco: [],
  Mongolia: ['Mongolian'],
  Montenegro: [],
  Morocco: ['Moroccan'],
  Mozambique: [],
  Myanmar: ['Burmese', 'Myanmar'],
  Namibia: [],
  Nepal: ['Nepalese', 'Nepali'],
  Netherlands: ['Dutch'],
  'New Zealand': ['New Zealander'],
  Nicaragua: [],
  Niger: ['Nigerien'],
  Nigeria: ['Nigerian'],
  'North Korea': ['North Korean'],
  'North Macedonia': [],
  Norway: ['Norwegian'],
  Oman: ['Omani'],
  Pakistan: ['Pakistani'],
  Palestine: ['Palestinian'],
  Panama: [],
  Paraguay: [],
  Peru: ['Peruvian'],
  Philippines: ['Filipino', 'Philippine'],
  Poland: ['Polish', 'Pole'],
  Portugal: ['Portuguese'],
  Qatar: ['Qatari'],
  Romania: ['Romanian'],
  Russia: ['Russian'],
  Rwanda: [],
  'Saudi Arabia': ['Saudi'],
  Senegal: [],
  Serbia: ['Serbian', 'Serb'],
  'Sierra Leone': [],
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
  Tanzania: [],
  Thailand: ['Thai'],
  Tunisia: ['Tunisian'],
  Turkey: ['Turkish', 'Turk'],
  Turkmenistan: ['Turkmen'],
  Uganda: ['Ugandan'],
  Ukraine: ['Ukrainian'],
  'United Arab Emirates': ['Emirati'],
  'United Kingdom': ['British', 'UK', 'U.K.'],
  'United States': ['American', 'US', 'U.S.', 'USA'],
  Uruguay: [],
  Uzbekistan: ['Uzbek'],
  Vatican: [],
  Venezuela: ['Venezuelan'],
  Vietnam: ['Vietnamese'],
  Yemen: ['Yemeni'],
  Zambia: [],
  Zimbabwe: ['Zimbabwean'],
};

/** Blocs: affiliations, never a country of a place. */
const BLOCS = new Set(['European Union']);

/** Other ways texts name a country ("Britain", "the US"). */
const COUNTRY_ALIASES: Record<string, string> = {
  US: 'United States', 'U.S.': 'United States', USA: 'United States', 'United States of America': 'United States',
  America: 'United States', UK: 'United Kingdom', 'U.K.': 'United Kingdom', Britain: 'United Kingdom',
  'Great Britain': 'United Kingdom', England: 'United Kingdom', 'Russian Federation': 'Russia',
  'Islamic Republic of Iran': 'Iran', Persia: 'Iran', 'Syrian Arab Republic': 'Syria', Burma: 'Myanmar',
  'Republic of Korea': 'South Korea', DPRK: 'North Korea', Türkiye: 'Turkey', UAE: 'United Arab Emirates',
  KSA: 'Saudi Arabia', Holland: 'Netherlands', 'the Netherlands': 'Netherlands', Bosnia: 'Bosnia and Herzegovina',
  'Ivory Coast': "Côte d'Ivoire", EU: 'European Union', 'Palestinian territories': 'Palestine',
};

const BY_DEMONYM = new Map<string, string>();
const BY_NAME = new Map<string, string>();
for (const [country, forms] of Object.entries(TABLE)) {
  BY_NAME.set(country.toLowerCase(), country);
  for (const f of forms) BY_DEMONYM.set(f.toLowerCase(), country);
}
for (const [alias, country] of Object.entries(COUNTRY_ALIASES)) BY_NAME.set(alias.toLowerCase(), country);

/** Every country name the lexicon knows (canonical forms, no blocs). */
export const COUNTRIES: ReadonlySet<string> = new Set(Object.keys(TABLE).filter((c) => !BLOCS.has(c)));

const clean = (s: string) => s.trim().replace(/(?:['’]s|s['’])$/u, '').toLowerCase();

/** "Russian" -> "Russia", "Israeli" -> "Israel"; undefined when the word is not a known demonym. */
export function countryOfDemonym(word: string): string | undefined {
  return BY_DEMONYM.get(clean(word));
}

/** "Israel" -> "Israel", "Britain" -> "United Kingdom", "Israel’s" -> "Israel"; undefined for other names. */
export function countryOfName(name: string): string | undefined {
  return BY_NAME.get(clean(name));
}

/** A country for a demonym or a country name, whichever the word is ("Russian", "Israel’s", "U.S."). */
export function countryOf(word: string): string | undefined {
  return countryOfDemonym(word) ?? countryOfName(word);
}

// ---------------------------------------------------------------------------------------------------------------
// Groups

/**
 * Peoples, faiths and parties' members that are no country's demonym (singular, lower case): the one list behind
 * `isGroupName` (what the analysis colours as a group) and, through it, the rule that a group is no company whatever
 * the words around it (extract/spans mayBeCompanyName: "Arab leaders said", "Republicans said"). A party's own name is an organisation, not a group
 * ("Labour", the "Ministry of Labour"): only its members are listed ("Labourite", "Tory", "Democrat").
 */
const GROUP_WORDS: ReadonlySet<string> = new Set(
  ('muslim moslem islamic islamist jihadist christian catholic protestant evangelical orthodox anglican baptist methodist ' +
    'mormon quaker jew jewish hindu sikh buddhist sunni shia shiite shi\'ite alawite druze yazidi copt coptic kurd arab ' +
    'bedouin berber tuareg pashtun tajik uzbek hazara baloch uighur uyghur tibetan rohingya tamil sinhalese hutu tutsi ' +
    'zulu xhosa maori aborigine aboriginal afrikaner basque catalan flemish walloon chechen ingush ossetian abkhaz tatar ' +
    'cossack roma serb croat bosniak slav yugoslav soviet briton scot welshman latino hispanic republican democrat ' +
    'communist socialist liberal conservative labourite tory maoist marxist loyalist unionist nationalist royalist ' +
    'separatist zionist').split(' '),
);

/**
 * Whether one word names a people, a faith or a party's members: a known group word or a country's demonym, in
 * the singular or the plural ("Kurds", "Tories", "Frenchmen", "Shiites"). No guess from the word's shape.
 */
export function isPeopleWord(word: string): boolean {
  const lower = word.toLowerCase().replace(/[’']s$/u, '');
  const singular = lower.replace(/(?:men)$/, 'man').replace(/(?<=[a-z]{2})ies$/, 'y').replace(/(?<=[a-z]{3})(?:es|s)$/, '');
  for (const w of [lower, singular, lower.replace(/s$/, '')]) {
    if (GROUP_WORDS.has(w) || BY_DEMONYM.has(w)) return true;
  }
  return false;
}

/** Seas and regions that have the shape of a demonym: "the Mediterranean", "the Balkans". */
const NOT_GROUP_WORDS: ReadonlySet<string> = new Set(['mediterranean', 'caribbean', 'balkans', 'andean']);

/**
 * Whether a name the tagger put in its "other" class names a group of people (what the product colours as a
 * group: nationalities, religious, ethnic and political groups) rather than an event, a work, a product or a
 * competition ("World Cup", "Schindler's List", "Boeing 767", "Labor Day"). Decided by the last word: a demonym
 * ("South Korean", "Iraqis"), a known group word ("Bosnian Serbs", "Roman Catholic"), or the shape of a demonym
 * ("Zairean", "Surinamese", "Scottish").
 */
export function isGroupName(name: string): boolean {
  const words = name.trim().split(/\s+/);
  const last = words[words.length - 1] ?? '';
  if (/-/.test(last)) return !!countryOfDemonym(last) || !!countryOfDemonym(name); // "Surinamese-born", "U.S.-led": no
  if (isPeopleWord(last) || countryOfDemonym(name)) return true;
  const lower = last.toLowerCase().replace(/[’']s$/u, '');
  if (NOT_GROUP_WORDS.has(lower)) return false;
  const cased = last.charAt(0) + last.slice(1).toLowerCase();
  return /^\p{Lu}\p{Ll}{2,}(?:an|ese|ish|[^aeiou]i)s?$/u.test(cased);
}

/** A country (never a bloc) a place name names: "Britain" -> "United Kingdom"; undefined for cities and blocs. */
function countryNamed(name: string): string | undefined {
  const c = countryOfName(name);
  return c && !BLOCS.has(c) ? c : undefined;
}

// ---------------------------------------------------------------------------------------------------------------
// Places

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
  Warsaw: ['Poland', 'city'], Krakow: ['Poland', 'city'], Odesa: ['Ukraine', 'city'], Odessa: ['Ukraine', 'city'],
  Kharkiv: ['Ukraine', 'city'], Lviv: ['Ukraine', 'city'], Dnipro: ['Ukraine', 'city'], Zaporizhzhia: ['Ukraine', 'city'],
  Madrid: ['Spain', 'city'], Rome: ['Italy', 'city'], Ottawa: ['Canada', 'city'], Canberra: ['Australia', 'city'],
  Seoul: ['South Korea', 'city'], Pyongyang: ['North Korea', 'city'], Manila: ['Philippines', 'city'], Jakarta: ['Indonesia', 'city'],
  Bangkok: ['Thailand', 'city'], Hanoi: ['Vietnam', 'city'], Nairobi: ['Kenya', 'city'], 'Addis Ababa': ['Ethiopia', 'city'],
  Khartoum: ['Sudan', 'city'], Tripoli: ['Libya', 'city'], Tunis: ['Tunisia', 'city'], Algiers: ['Algeria', 'city'],
  Rabat: ['Morocco', 'city'], Sanaa: ['Yemen', 'city'], Aden: ['Yemen', 'city'], Muscat: ['Oman', 'city'], Manama: ['Bahrain', 'city'],
  Baku: ['Azerbaijan', 'city'], Yerevan: ['Armenia', 'city'], Tbilisi: ['Georgia', 'city'], Astana: ['Kazakhstan', 'city'],
  Tashkent: ['Uzbekistan', 'city'], Bucharest: ['Romania', 'city'], Budapest: ['Hungary', 'city'], Prague: ['Czech Republic', 'city'],
  Sofia: ['Bulgaria', 'city'], Belgrade: ['Serbia', 'city'], Zagreb: ['Croatia', 'city'], Athens: ['Greece', 'city'],
  Lisbon: ['Portugal', 'city'], Dublin: ['Ireland', 'city'], Oslo: ['Norway', 'city'], Stockholm: ['Sweden', 'city'],
  Helsinki: ['Finland', 'city'], Copenhagen: ['Denmark', 'city'], Amsterdam: ['Netherlands', 'city'], 'The Hague': ['Netherlands', 'city'],
  Bern: ['Switzerland', 'city'], Riga: ['Latvia', 'city'], Vilnius: ['Lithuania', 'city'], Tallinn: ['Estonia', 'city'],
  Chisinau: ['Moldova', 'city'], Havana: ['Cuba', 'city'], Caracas: ['Venezuela', 'city'], Bogota: ['Colombia', 'city'],
  Lima: ['Peru', 'city'], Santiago: ['Chile', 'city'], 'Buenos Aires': ['Argentina', 'city'], Brasilia: ['Brazil', 'city'],
  'Mexico City': ['Mexico', 'city'], Mosul: ['Iraq', 'city'], Basra: ['Iraq', 'city'], Erbil: ['Iraq', 'city'], Homs: ['Syria', 'city'],
  Latakia: ['Syria', 'city'], Isfahan: ['Iran', 'city'], Eilat: ['Israel', 'city'], Ashdod: ['Israel', 'city'], Sderot: ['Israel', 'city'],
  Shanghai: ['China', 'city'], Taipei: ['Taiwan', 'city'], Karachi: ['Pakistan', 'city'], Mumbai: ['India', 'city'], Lagos: ['Nigeria', 'city'],
  Abuja: ['Nigeria', 'city'], Mogadishu: ['Somalia', 'city'], Bamako: ['Mali', 'city'], Niamey: ['Niger', 'city'], Minsk: ['Belarus', 'city'],
  Kabul: ['Afghanistan', 'city'], Islamabad: ['Pakistan', 'city'], 'New Delhi': ['India', 'city'],
};

/** Kind and country of a place name from the lexicon alone. */
export function lookupPlace(name: string): { kind?: 'country' | 'city' | 'region'; country?: string } {
  const c = countryNamed(name);
  if (c) return { kind: 'country', country: c };
  const p = PLACES[name];
  return p ? { kind: p[1], country: p[0] } : {};
}

// ---------------------------------------------------------------------------------------------------------------
// ISO 3166-1 codes and STIX regions

/** Country -> [ISO 3166-1 alpha-2, STIX region-ov], for STIX locations. Compact on purpose: "Name:CC:region". */
const ISO_TABLE = `Afghanistan:AF:southern-asia|Albania:AL:southern-europe|Algeria:DZ:northern-africa|United States:US:northern-america|
Argentina:AR:south-america|Armenia:AM:western-asia|Australia:AU:australia-new-zealand|Austria:AT:western-europe|
Azerbaijan:AZ:western-asia|Bahrain:BH:western-asia|Bangladesh:BD:southern-asia|Belarus:BY:eastern-europe|Belgium:BE:western-europe|
Bosnia and Herzegovina:BA:southern-europe|Brazil:BR:south-america|United Kingdom:GB:northern-europe|Bulgaria:BG:eastern-europe|
Myanmar:MM:south-eastern-asia|Canada:CA:northern-america|Chad:TD:middle-africa|Chile:CL:south-america|China:CN:eastern-asia|
Colombia:CO:south-america|Croatia:HR:southern-europe|Cuba:CU:caribbean|Cyprus:CY:western-asia|Czech Republic:CZ:eastern-europe|
Denmark:DK:northern-europe|Netherlands:NL:western-europe|Egypt:EG:northern-africa|United Arab Emirates:AE:western-asia|
Eritrea:ER:eastern-africa|Estonia:EE:northern-europe|Ethiopia:ET:eastern-africa|Finland:FI:northern-europe|France:FR:western-europe|
Georgia:GE:western-asia|Germany:DE:western-europe|Greece:GR:southern-europe|Hungary:HU:eastern-europe|India:IN:southern-asia|
Indonesia:ID:south-eastern-asia|Iran:IR:southern-asia|Iraq:IQ:western-asia|Ireland:IE:northern-europe|Israel:IL:western-asia|
Italy:IT:southern-europe|Japan:JP:eastern-asia|Jordan:JO:western-asia|Kazakhstan:KZ:central-asia|Kenya:KE:eastern-africa|
Kosovo:XK:southern-europe|Kuwait:KW:western-asia|Kyrgyzstan:KG:central-asia|Latvia:LV:northern-europe|Lebanon:LB:western-asia|
Libya:LY:northern-africa|Lithuania:LT:northern-europe|Malaysia:MY:south-eastern-asia|Mali:ML:western-africa|Mexico:MX:central-america|
Moldova:MD:eastern-europe|Morocco:MA:northern-africa|Nigeria:NG:western-africa|Niger:NE:western-africa|North Korea:KP:eastern-asia|
Norway:NO:northern-europe|Oman:OM:western-asia|Pakistan:PK:southern-asia|Palestine:PS:western-asia|Philippines:PH:south-eastern-asia|
Poland:PL:eastern-europe|Portugal:PT:southern-europe|Qatar:QA:western-asia|Romania:RO:eastern-europe|Russia:RU:eastern-europe|
Saudi Arabia:SA:western-asia|Serbia:RS:southern-europe|Slovakia:SK:eastern-europe|Slovenia:SI:southern-europe|Somalia:SO:eastern-africa|
South Africa:ZA:southern-africa|South Korea:KR:eastern-asia|Spain:ES:southern-europe|Sudan:SD:northern-africa|Sweden:SE:northern-europe|
Switzerland:CH:western-europe|Syria:SY:western-asia|Taiwan:TW:eastern-asia|Tajikistan:TJ:central-asia|Thailand:TH:south-eastern-asia|
Tunisia:TN:northern-africa|Turkey:TR:western-asia|Turkmenistan:TM:central-asia|Uganda:UG:eastern-africa|Ukraine:UA:eastern-europe|
Uzbekistan:UZ:central-asia|Venezuela:VE:south-america|Vietnam:VN:south-eastern-asia|Yemen:YE:western-asia|Singapore:SG:south-eastern-asia|
Luxembourg:LU:western-europe|Monaco:MC:western-europe|Iceland:IS:northern-europe|Peru:PE:south-america|Ecuador:EC:south-america|
Bolivia:BO:south-america|Paraguay:PY:south-america|Uruguay:UY:south-america|Nepal:NP:southern-asia|Bhutan:BT:southern-asia|
Sri Lanka:LK:southern-asia|Mongolia:MN:eastern-asia|Laos:LA:south-eastern-asia|Cambodia:KH:south-eastern-asia|
New Zealand:NZ:australia-new-zealand|Ghana:GH:western-africa|Senegal:SN:western-africa|Zimbabwe:ZW:eastern-africa|Zambia:ZM:eastern-africa|
Tanzania:TZ:eastern-africa|Rwanda:RW:eastern-africa|Burundi:BI:eastern-africa|Angola:AO:middle-africa|Mozambique:MZ:eastern-africa|
Namibia:NA:southern-africa|Botswana:BW:southern-africa|Djibouti:DJ:eastern-africa|Mauritania:MR:western-africa|
Burkina Faso:BF:western-africa|Cameroon:CM:middle-africa|Gabon:GA:middle-africa|Liberia:LR:western-africa|Sierra Leone:SL:western-africa|
Guinea:GN:western-africa|Haiti:HT:caribbean|Jamaica:JM:caribbean|Panama:PA:central-america|Costa Rica:CR:central-america|
Nicaragua:NI:central-america|Honduras:HN:central-america|Guatemala:GT:central-america|El Salvador:SV:central-america|
North Macedonia:MK:southern-europe|Montenegro:ME:southern-europe|Vatican:VA:southern-europe|
Côte d'Ivoire:CI:western-africa|South Sudan:SS:eastern-africa`;

const ISO = new Map<string, { code: string; region: string }>(
  ISO_TABLE.split(/\|\s*/).map((row) => {
    const [name, code, region] = row.trim().split(':');
    return [name, { code, region }] as const;
  }),
);

/** Regions the lexicon knows by name without a country (disputed or cross-border). */
const REGIONS: Record<string, string> = {
  'West Bank': 'western-asia', 'Jordan Valley': 'western-asia', Gaza: 'western-asia', 'Gaza Strip': 'western-asia',
  'Golan Heights': 'western-asia', Crimea: 'eastern-europe', Donbas: 'eastern-europe', Kashmir: 'southern-asia',
  Sahel: 'western-africa', Balkans: 'southern-europe', Caucasus: 'western-asia', 'Middle East': 'western-asia',
  Europe: 'europe', Africa: 'africa', Asia: 'asia',
};

/** ISO code and STIX region of a country name, or the region of a known region name. */
export function isoOf(name: string | undefined): { code?: string; region?: string } {
  if (!name) return {};
  const c = ISO.get(countryNamed(name) ?? name);
  if (c) return c;
  return REGIONS[name] ? { region: REGIONS[name] } : {};
}

/**
 * The country a capitalised word names or is the demonym of, never a bloc: "Russian" -> "Russia",
 * "Israel’s" -> "Israel"; undefined for lower-case words ("us") and other words.
 */
export function toCountry(word: string): string | undefined {
  if (!/^\p{Lu}/u.test(word.trim())) return undefined;
  const c = countryOf(word);
  return c && !BLOCS.has(c) ? c : undefined;
}
