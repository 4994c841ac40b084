export interface QuantitySpan {
  start: number;
  end: number;
}

const NUMBER = '(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?';
const SCALE = '(?:\\s+(?:thousand|million|billion|trillion|bn|m))?';
const CURRENCY_PREFIX = '(?:US\\$|\\$|€|£|¥|USD\\s?|EUR\\s?|GBP\\s?)';
const UNITS =
  '(?:percent|per\\s+cent|%|km|kilomet(?:er|re)s?|miles?|kg|kilograms?|tons?|tonnes?|barrels?|troops|soldiers|people|civilians|casualties|' +
  'dollars|euros|pounds|rubles|roubles|shekels|rials?|degrees?|-degree|meters|metres|feet|hectares|acres|missiles|rockets|drones|aircraft|' +
  'tanks|vehicles|ships|vessels|fighters|militants|refugees|migrants|victims|deaths|dead|wounded|injured|arrests|servers|hosts|accounts|users|records)';

const QUANTITY_RE = new RegExp(
  `(?<![\\p{L}\\p{N}.,])(?:${CURRENCY_PREFIX}${NUMBER}${SCALE}|${NUMBER}${SCALE}\\s?(?:${UNITS})|${NUMBER}\\s+(?:thousand|million|billion|trillion))(?![\\p{L}\\p{N}])`,
  'giu',
);

/** Amounts with a unit or currency: "$5 billion", "20 percent", "3,000 troops", "360-degree". Bare numbers are not reported. */
export function findQuantities(text: string): QuantitySpan[] {
  const out: QuantitySpan[] = [];
  QUANTITY_RE.lastIndex = 0;
  for (let m = QUANTITY_RE.exec(text); m; m = QUANTITY_RE.exec(text)) out.push({ start: m.index, end: m.index + m[0].length });
  return out;
}
