/** Helpers that keep span bookkeeping linear in the text size (quadratic scans are what make long reports slow). */

/** Index of the first item whose `start` is ≥ `offset` in an array sorted by start. */
export function lowerBound<T extends { start: number }>(items: readonly T[], offset: number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (items[mid].start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Items (sorted by start) lying entirely inside [start, end). */
export function itemsWithin<T extends { start: number; end: number }>(items: readonly T[], start: number, end: number): T[] {
  const out: T[] = [];
  for (let i = lowerBound(items, start); i < items.length && items[i].start < end; i++) if (items[i].end <= end) out.push(items[i]);
  return out;
}

/** Characters already claimed by a span: O(span length) checks instead of scanning every span. */
export class Occupancy {
  private readonly used: Uint8Array;
  constructor(length: number) {
    this.used = new Uint8Array(length + 1);
  }
  isFree(start: number, end: number): boolean {
    for (let i = start; i < end; i++) if (this.used[i]) return false;
    return true;
  }
  take(start: number, end: number): void {
    this.used.fill(1, start, end);
  }
}
