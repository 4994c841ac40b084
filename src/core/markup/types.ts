/**
 * Plain data types of the analyst-markup layer (estimative language, classification markings,
 * date-time groups, indicators of compromise). Serialisable; offsets are UTF-16 code units.
 */

export type MarkupKind = 'indicator' | 'estimative' | 'confidence' | 'marking' | 'dtg';

export type IndicatorType =
  | 'ipv4'
  | 'ipv6'
  | 'domain'
  | 'url'
  | 'email'
  | 'md5'
  | 'sha1'
  | 'sha256'
  | 'cve'
  | 'attack-technique';

export type MarkingType = 'portion' | 'banner' | 'tlp';

export interface MarkupSpan {
  start: number;
  /** Exclusive; `text === input.slice(start, end)`. */
  end: number;
  text: string;
  kind: MarkupKind;
  /**
   * indicator: an IndicatorType; marking: 'portion' | 'banner' | 'tlp'; estimative: the ICD 203 row id
   * (e.g. 'very-likely').
   */
  subtype?: string;
  /**
   * indicator: refanged value (hxxp -> http, [.] -> .); dtg: ISO-8601 UTC string;
   * marking: the classification level or TLP label ('TS', 'S', 'C', 'U', 'TLP:AMBER+STRICT', ...).
   */
  value?: string;
  /** indicator: the text was defanged. */
  defanged?: boolean;
  /** estimative: ICD 203 row label, e.g. 'very likely', and its band in percent, e.g. [80, 95]. */
  row?: string;
  band?: [number, number];
  /** confidence: 'high' | 'moderate' | 'low'. */
  level?: string;
}
