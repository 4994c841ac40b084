/** 32-bit hashing for features: FNV-1a over UTF-16 code units plus murmur3's finaliser. */

export function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return fmix(h);
}

/** Hash of a (template, value) pair. */
export function h1(t: number, a: number): number {
  return fmix((Math.imul(t, 0x9e3779b1) ^ a) + 0x7f4a7c15);
}

/** Hash of a (template, value, value) triple. */
export function h2(t: number, a: number, b: number): number {
  return fmix(h1(t, a) ^ Math.imul(b, 0x27d4eb2f) ^ 0x165667b1);
}

/** Hash of a (template, value, value, value) quadruple. */
export function h3(t: number, a: number, b: number, c: number): number {
  return fmix(h2(t, a, b) ^ Math.imul(c, 0x9e3779b1) ^ 0x1b873593);
}
