/**
 * One generic versioned per-document cache: a value per document key, valid for one version of that document.
 * Least recently used documents are dropped beyond `max`. Shared by the document models (worker), the shell's
 * analysis and actor caches, and anything else that keeps "the X of version V of document D".
 */
export class VersionedCache<T> {
  private readonly entries = new Map<string, { version: number; value: T }>();

  constructor(private readonly max = 20) {}

  /** The value kept for this exact version, or undefined. */
  get(key: string, version: number): T | undefined {
    const e = this.entries.get(key);
    if (!e || e.version !== version) return undefined;
    this.touch(key, e);
    return e.value;
  }

  /** The latest value kept for a document, whatever its version. */
  peek(key: string): { version: number; value: T } | undefined {
    return this.entries.get(key);
  }

  set(key: string, version: number, value: T): T {
    this.touch(key, { version, value });
    while (this.entries.size > this.max) this.entries.delete(this.entries.keys().next().value as string);
    return value;
  }

  /** The value for this version, computed (and kept) when missing. */
  getOrCreate(key: string, version: number, create: () => T): T {
    const hit = this.get(key, version);
    return hit !== undefined ? hit : this.set(key, version, create());
  }

  delete(key: string): void {
    this.entries.delete(key);
  }

  clear(): void {
    this.entries.clear();
  }

  keys(): string[] {
    return [...this.entries.keys()];
  }

  get size(): number {
    return this.entries.size;
  }

  private touch(key: string, e: { version: number; value: T }): void {
    this.entries.delete(key);
    this.entries.set(key, e);
  }
}
