// The shingle index of one shard: every three-word shingle of every article body, hashed, as the articles
// holding it. Built between requests once the shard is open, or when a claim needs it first (issue 17: it
// must not slow an open); two typed
// arrays bucketed by the hash's top bits (a counting sort), so building is two passes and a lookup scans
// one small bucket.

import { hashShingle, hashWord, shingleSize } from './shingle-hash.js';
import { foldWord } from './verify-words.js';

/** Shingles of a shard's articles, by hash; articles are numbered in the order given to `buildShingleIndex`. */
export interface ShingleIndex {
  /** How many articles were indexed. */
  readonly articles: number;
  readonly bits: number;
  /** Bucket `b` is entries `offsets[b]` to `offsets[b + 1]`. */
  readonly offsets: Uint32Array;
  readonly keys: Uint32Array;
  /** The article number of each entry; within a bucket, in article order. */
  readonly owners: Uint32Array;
}

const wordPattern = /[\p{L}\p{N}]+(?:['’‘`][\p{L}\p{N}]+)*/gu;

/** Indexes the shingles of `texts` (article bodies), article `i` being `texts[i]`. */
export function buildShingleIndex(texts: readonly string[]): ShingleIndex {
  const builder = new ShingleIndexBuilder(texts.map((body) => ({ body })));
  builder.advance(Number.POSITIVE_INFINITY);
  return builder.finish();
}

/**
 * Builds a shard's shingle index a few articles at a time (issue 17): the engines build it between requests
 * once a shard is open, so that neither an open nor a search waits for it, and `finish` completes it at once
 * when a claim comes first.
 */
export class ShingleIndexBuilder {
  private keys: Uint32Array = new Uint32Array(1 << 16);
  private owners: Uint32Array = new Uint32Array(1 << 16);
  private count = 0;
  private next = 0;
  private built: ShingleIndex | null = null;

  /** @param articles read one at a time as the index is built (a cached article reads its text when asked: see index/stored-records.ts) */
  constructor(private readonly articles: readonly { readonly body: string }[]) {}

  /** A builder whose index is `index`, already built (a shard's cache keeps it: see `isShingleIndex`). */
  static of(index: ShingleIndex): ShingleIndexBuilder {
    const builder = new ShingleIndexBuilder([]);
    builder.built = index;
    return builder;
  }

  /** True once the index is built (`finish`). */
  get finished(): boolean {
    return this.built !== null;
  }

  /** Reads articles until `until` (a `performance.now()` time) or the last; true when every article is read. */
  advance(until: number): boolean {
    while (this.next < this.articles.length) {
      if (performance.now() >= until) return false;
      this.add(this.articles[this.next]?.body ?? '', this.next);
      this.next += 1;
    }
    return true;
  }

  /** The index, reading the articles left first. */
  finish(): ShingleIndex {
    if (this.built === null) {
      this.advance(Number.POSITIVE_INFINITY);
      this.built = bucket(this.keys.subarray(0, this.count), this.owners.subarray(0, this.count), this.articles.length);
      this.keys = new Uint32Array(0);
      this.owners = new Uint32Array(0);
    }
    return this.built;
  }

  private add(text: string, article: number): void {
    let a = 0;
    let b = 0;
    let seen = 0;
    for (const match of text.matchAll(wordPattern)) {
      const c = hashWord(foldWord(match[0]));
      if (++seen >= shingleSize) {
        if (this.count === this.keys.length) {
          this.keys = grow(this.keys);
          this.owners = grow(this.owners);
        }
        this.keys[this.count] = hashShingle(a, b, c);
        this.owners[this.count++] = article;
      }
      a = b;
      b = c;
    }
  }
}

/**
 * Whether `value` is a shingle index of `articles` articles that `articlesWithShingle` can read: a cache
 * may hold a damaged one (then it is built again). Reads every entry once (2 ms for 2 million).
 */
export function isShingleIndex(value: unknown, articles: number): value is ShingleIndex {
  if (typeof value !== 'object' || value === null) return false;
  const { articles: count, bits, offsets, keys, owners } = value as Record<string, unknown>;
  if (count !== articles || typeof bits !== 'number' || !Number.isInteger(bits) || bits < 4 || bits > 24) return false;
  if (!(offsets instanceof Uint32Array) || !(keys instanceof Uint32Array) || !(owners instanceof Uint32Array)) return false;
  if (offsets.length !== (1 << bits) + 1 || keys.length !== owners.length || offsets[0] !== 0 || offsets[1 << bits] !== keys.length) return false;
  for (let b = 1; b < offsets.length; b++) if ((offsets[b] as number) < (offsets[b - 1] as number)) return false;
  for (let i = 0; i < owners.length; i++) if ((owners[i] as number) >= articles) return false;
  return true;
}

/** The articles holding the shingle `key`, each once, in article order. */
export function articlesWithShingle(index: ShingleIndex, key: number): number[] {
  const bucketOf = key >>> (32 - index.bits);
  const found: number[] = [];
  for (let i = index.offsets[bucketOf] as number, end = index.offsets[bucketOf + 1] as number; i < end; i++) {
    if (index.keys[i] !== key) continue;
    const owner = index.owners[i] as number;
    if (found[found.length - 1] !== owner) found.push(owner);
  }
  return found;
}

/** The entries counting-sorted into buckets by the top bits of their key (about 8 entries a bucket). */
function bucket(keys: Uint32Array, owners: Uint32Array, articles: number): ShingleIndex {
  const bits = Math.min(24, Math.max(4, Math.ceil(Math.log2(Math.max(1, keys.length / 8)))));
  const shift = 32 - bits;
  const offsets = new Uint32Array((1 << bits) + 1);
  for (let i = 0; i < keys.length; i++) {
    const b = ((keys[i] as number) >>> shift) + 1;
    offsets[b] = (offsets[b] as number) + 1;
  }
  for (let b = 1; b < offsets.length; b++) offsets[b] = (offsets[b] as number) + (offsets[b - 1] as number);
  const next = offsets.slice(0, -1);
  const sortedKeys = new Uint32Array(keys.length);
  const sortedOwners = new Uint32Array(keys.length);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] as number;
    const at = next[key >>> shift] as number;
    next[key >>> shift] = at + 1;
    sortedKeys[at] = key;
    sortedOwners[at] = owners[i] as number;
  }
  return { articles, bits, offsets, keys: sortedKeys, owners: sortedOwners };
}

function grow(array: Uint32Array): Uint32Array {
  const bigger = new Uint32Array(array.length * 2);
  bigger.set(array);
  return bigger;
}
