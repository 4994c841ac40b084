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

/**
 * Country -> [ISO 3166-1 alpha-2, STIX region-ov], for STIX locations. Compact on purpose: "Name:CC:region".
 */
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
North Macedonia:MK:southern-europe|Montenegro:ME:southern-europe|Vatican:VA:southern-europe`;

const ISO = new Map<string, { code: string; region: string }>(
  ISO_TABLE.split(/\|\s*/).map((row) => {
    const [name, code, region] = row.trim().split(':');
    return [name, { code, region }] as const;
  }),
);

/** Regions the gazetteer knows by name without a country (disputed or cross-border). */
const REGIONS: Record<string, string> = {
  'West Bank': 'western-asia', 'Jordan Valley': 'western-asia', Gaza: 'western-asia', 'Gaza Strip': 'western-asia',
  'Golan Heights': 'western-asia', Crimea: 'eastern-europe', Donbas: 'eastern-europe', Kashmir: 'southern-asia',
  Sahel: 'western-africa', Balkans: 'southern-europe', Caucasus: 'western-asia', 'Middle East': 'western-asia',
  Europe: 'europe', Africa: 'africa', Asia: 'asia',
};

/** ISO code and STIX region of a country name, or the region of a known region name. */
export function isoOf(name: string | undefined): { code?: string; region?: string } {
  if (!name) return {};
  const c = ISO.get(countryOf(name) ?? name);
  if (c) return c;
  return REGIONS[name] ? { region: REGIONS[name] } : {};
}
