// A least-recently-used cache bounded by the total weight of what it holds (words, bytes), not by a count.

/**
 * Keeps values by key, dropping the least recently used when their weights add up to more than
 * `maxWeight`. The value set last is always kept, even when it alone weighs more.
 * ```ts
 * const words = new Lru<Article, Words>(400_000);
 * words.set(article, read(article), wordCount);
 * words.get(article); // read again: now the most recently used
 * ```
 */
export class Lru<K, V> {
  /** In use order, least recent first (a Map iterates in insertion order). */
  private readonly entries = new Map<K, { value: V; weight: number }>();
  private weight = 0;

  constructor(private readonly maxWeight: number) {}

  /** The value kept for `key`, which becomes the most recently used; undefined when none is. */
  get(key: K): V | undefined {
    const entry = this.entries.get(key);
    if (entry === undefined) return undefined;
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.value;
  }

  /** Keeps `value` for `key` as the most recently used, then drops the least recently used until the rest fit. */
  set(key: K, value: V, weight: number): void {
    const old = this.entries.get(key);
    if (old !== undefined) {
      this.entries.delete(key);
      this.weight -= old.weight;
    }
    this.entries.set(key, { value, weight });
    this.weight += weight;
    for (const [oldKey, entry] of this.entries) {
      if (this.weight <= this.maxWeight || oldKey === key) break;
      this.entries.delete(oldKey);
      this.weight -= entry.weight;
    }
  }
}
