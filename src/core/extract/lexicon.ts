/**
 * Small closed-class word lists used by the rule recognizers. Open-class knowledge (names, places)
 * comes from the statistical tagger; these lists cover what news style writes in a closed set:
 * titles and ranks, demonyms, calendar words.
 */

/** Head words of titles, roles and ranks (capitalised in running text when part of a title). */
export const TITLE_HEADS = new Set([
  'President', 'Vice-President', 'Premier', 'Minister', 'Secretary', 'Chancellor', 'Prime', 'Chairman', 'Chairwoman', 'Chair',
  'Advisor', 'Adviser', 'Director', 'Commander', 'Chief', 'Spokesman', 'Spokeswoman', 'Spokesperson', 'Ambassador', 'Envoy',
  'Governor', 'Senator', 'Congressman', 'Congresswoman', 'Representative', 'Mayor', 'King', 'Queen', 'Prince', 'Princess',
  'Emperor', 'Sheikh', 'Emir', 'Sultan', 'Pope', 'Cardinal', 'Archbishop', 'Bishop', 'Rabbi', 'Imam', 'Ayatollah', 'Judge',
  'Justice', 'Attorney', 'Attorney-General', 'Prosecutor', 'Commissioner', 'Inspector', 'Superintendent', 'Officer', 'Deputy',
  'Leader', 'Head', 'CEO', 'Chief Executive', 'Founder', 'Co-founder', 'Speaker', 'Councillor', 'Councilor', 'Lawmaker', 'MP',
  'General', 'Lieutenant-General', 'Major-General', 'Brigadier-General', 'Brigadier', 'Colonel', 'Lieutenant-Colonel', 'Major',
  'Captain', 'Lieutenant', 'Sergeant', 'Corporal', 'Private', 'Admiral', 'Vice-Admiral', 'Rear-Admiral', 'Commodore', 'Marshal',
  'Field-Marshal', 'Gen.', 'Lt.', 'Col.', 'Maj.', 'Capt.', 'Sgt.', 'Adm.', 'Cmdr.', 'Gov.', 'Sen.', 'Rep.', 'Pres.', 'Dr.',
  'Mr.', 'Mrs.', 'Ms.', 'Prof.', 'Professor', 'Doctor', 'Sir', 'Dame', 'Lord', 'Lady', 'Baron', 'Count', 'Duke', 'Mr', 'Mrs', 'Ms', 'Dr',
]);

/** Words that may precede a head inside a title: "Defense Minister", "National Security Advisor", "Vice President". */
export const TITLE_MODIFIERS = new Set([
  'Vice', 'Deputy', 'Acting', 'Interim', 'Former', 'First', 'Second', 'Senior', 'Junior', 'Chief', 'Executive', 'General',
  'Prime', 'Defense', 'Defence', 'Foreign', 'Finance', 'Interior', 'Justice', 'Health', 'Education', 'Energy', 'Trade',
  'Economy', 'Economic', 'Home', 'State', 'Security', 'National', 'Intelligence', 'Military', 'Operations', 'Army', 'Navy',
  'Air', 'Naval', 'Police', 'Supreme', 'Foreign Affairs', 'Homeland', 'Transport', 'Agriculture', 'Labour', 'Labor',
  'Culture', 'Tourism', 'Environment', 'Treasury', 'Communications', 'Information', 'Press', 'Regional', 'District',
  'Lieutenant', 'Major', 'Brigadier', 'Vice-', 'Rear', 'Field', 'Grand', 'High', 'Crown', 'Managing', 'Opposition',
  'Assistant', 'Associate', 'Financial', 'Permanent', 'Principal', 'Under',
  'Directorate', 'Division', 'Brigade', 'Battalion', 'Staff', 'Joint', 'Armed', 'Forces', 'Cabinet', 'Party', 'Group',
]);

/** Head words that are also common in non-title phrases; they only count as a title before a name or after a title modifier. */
export const WEAK_TITLE_HEADS = new Set(['King', 'Queen', 'Prince', 'Princess', 'Emperor', 'Duke', 'Baron', 'Dame', 'Cardinal', 'Pope', 'Sheikh', 'Emir', 'Sultan', 'General', 'Private', 'Major', 'Chief', 'Head', 'Leader', 'Officer', 'Deputy', 'Count', 'Justice', 'Judge', 'Speaker', 'Representative', 'Founder', 'Doctor', 'Lady', 'Lord', 'Sir', 'Prime', 'Chair']);

/** Ranks that, written alone, are never a person's name ("Major", "General"). */
export const RANK_WORDS = new Set([
  'General', 'Major', 'Colonel', 'Captain', 'Lieutenant', 'Sergeant', 'Corporal', 'Private', 'Admiral', 'Commodore', 'Marshal',
  'Brigadier', 'Commander', 'Director', 'President', 'Minister', 'Premier', 'Chancellor', 'Secretary', 'Governor', 'Senator',
  'Ambassador', 'Advisor', 'Adviser', 'Chief', 'Mr', 'Mrs', 'Ms', 'Dr', 'Major-General', 'Lieutenant-General', 'Brigadier-General',
  'King', 'Queen', 'Prince', 'Sheikh', 'Emir', 'Pope', 'Judge', 'Mayor', 'Spokesman', 'Officer',
]);

/** Month names and abbreviations: the core's one lexicon. */
export { MONTHS } from '../text/lexicon';
