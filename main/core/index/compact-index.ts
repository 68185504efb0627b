// A compact serialized form of a lunr index, loaded lazily. lunr's own JSON holds one object per term,
// field and article; parsing it and collecting that garbage was most of a warm start (issue 6: 1 s of
// every 1.3 s per shard at 10x BBC). Here postings and vectors are typed arrays, which the cache stores as
// raw bytes and the garbage collector never scans, and a term's posting (or an article's vector) becomes
// lunr's object only when a search first touches it.

import lunr from 'lunr';

/** The serialized form (structured-clone safe). */
export interface CompactIndex {
  format: 'verbatim-lunr-compact-2';
  /** lunr's version: an index from another version is rebuilt. */
  version: string;
  fields: string[];
  pipeline: string[];
  /** Document refs; postings and vectors refer to them by position. */
  refs: string[];
  /** Index terms, sorted (as lunr's token set wants them). */
  terms: string[];
  /** lunr's `_index` of each term (its position in the vectors). */
  termIndex: Int32Array;
  /** Per term, per field in order: the count of documents, then their ref numbers. */
  postings: Int32Array;
  /** Where each term's postings start; one more entry than terms (the end). */
  postingStarts: Int32Array;
  /** Per field, per ref: the vector's elements (`termIndex, weight, ...`), one after another. */
  vectors: Float64Array;
  /** Where the vector of field `f`, ref `n` starts: entry `f * refs.length + n`; one more entry (the end). */
  vectorStarts: Int32Array;
}

type Posting = Record<string, unknown> & { _index: number };

/** Loads a compact index; postings and vectors are built on first use. Throws on foreign or damaged data. */
export function loadCompactIndex(data: CompactIndex): lunr.Index {
  if (data.format !== 'verbatim-lunr-compact-2') throw new Error('not a Verbatim compact index');
  if (data.version !== lunr.version) throw new Error(`index was saved by lunr ${String(data.version)}, this is lunr ${lunr.version}`);
  const { fields, refs, terms, termIndex, postings, postingStarts, vectors, vectorStarts } = data;
  if (
    terms.length !== termIndex.length ||
    postingStarts.length !== terms.length + 1 ||
    vectorStarts.length !== fields.length * refs.length + 1 ||
    (postingStarts[terms.length] ?? 0) > postings.length ||
    (vectorStarts[fields.length * refs.length] ?? 0) > vectors.length
  ) {
    throw new Error('the index is damaged (its parts differ in length)');
  }

  // lunr's parts are made on first use: a search reads postings from `data` directly (search/query-index.ts)
  // and needs the token set only for wildcard and fuzzy terms; building it and the lookup tables at every
  // open took 74 ms of a one-shot search's 790 ms of CPU at BBC's size (issue 19).
  const index = new lunr.Index({ fields, pipeline: lunr.Pipeline.load(data.pipeline) } as unknown as lunr.Index.Attributes);
  const trie = new TokenTrieBuilder(terms);
  tokenSetBuilders.set(index, trie);
  lazyProperty(index, 'tokenSet', () => {
    tokenSetBuilders.delete(index);
    trie.advance(Number.POSITIVE_INFINITY);
    return trie.root;
  });
  lazyProperty(index, 'invertedIndex', () => {
    const termNumbers = new Map<string, number>(terms.map((term, i) => [term, i]));
    const materializePosting = (i: number): Posting => {
      const posting: Posting = { _index: termIndex[i] ?? 0 };
      let at = postingStarts[i] ?? 0;
      for (const field of fields) {
        const count = postings[at] ?? 0;
        const docs: Record<string, object> = {};
        for (let k = 1; k <= count; k += 1) docs[refs[postings[at + k] ?? 0] ?? ''] = {};
        posting[field] = docs;
        at += count + 1;
      }
      return posting;
    };
    return lazyRecord(terms, (term) => {
      const i = termNumbers.get(term);
      return i === undefined ? undefined : materializePosting(i);
    });
  });
  // lunr's constructor calls it `fieldVectors` (its typings, `documentVectors`).
  lazyProperty(index, 'fieldVectors', () => {
    const fieldNumbers = new Map(fields.map((f, i) => [f, i]));
    const refNumbers = new Map(refs.map((r, i) => [r, i]));
    const fieldRefs = fields.flatMap((field) => refs.map((ref) => `${field}/${ref}`));
    return lazyRecord(fieldRefs, (fieldRef) => {
      const slash = fieldRef.indexOf('/');
      const f = fieldNumbers.get(fieldRef.slice(0, slash));
      const n = refNumbers.get(fieldRef.slice(slash + 1));
      if (f === undefined || n === undefined) return undefined;
      const at = f * refs.length + n;
      return new lunr.Vector(Array.from(vectors.subarray(vectorStarts[at] ?? 0, vectorStarts[at + 1] ?? 0)));
    });
  });
  return index;
}

/** The token sets of loaded indexes still being made (see `makeTokenSet`). */
const tokenSetBuilders = new WeakMap<lunr.Index, TokenTrieBuilder>();

/**
 * Goes on making the token set of an index `loadCompactIndex` loaded until `until` (a `performance.now()`
 * time); true once it is made (its first read finishes it at once).
 */
export function makeTokenSet(index: lunr.Index, until: number): boolean {
  const trie = tokenSetBuilders.get(index);
  if (trie === undefined) return true;
  if (!trie.advance(until)) return false;
  void (index as unknown as { tokenSet: lunr.TokenSet }).tokenSet;
  return true;
}

/** Gives `target` the property `key`, made by `make` on its first read and kept. */
function lazyProperty(target: object, key: string, make: () => unknown): void {
  Object.defineProperty(target, key, {
    configurable: true,
    enumerable: true,
    get: () => {
      const value = make();
      Object.defineProperty(target, key, { value, configurable: true, enumerable: true, writable: true });
      return value;
    },
  });
}

/** A node of lunr's token set, with the fields its typings leave out. */
type TrieNode = lunr.TokenSet & { final: boolean; edges: Record<string, TrieNode | undefined> };

/**
 * lunr's token set of `terms` (sorted), as a plain trie. lunr's own `TokenSet.fromArray` also merges equal
 * suffixes, which saves memory but took a third of loading an index (issue 6); searching walks edges only,
 * so a trie accepts exactly the same words and answers every query the same.
 */
export function tokenTrie(terms: readonly string[]): lunr.TokenSet {
  const trie = new TokenTrieBuilder(terms);
  trie.advance(Number.POSITIVE_INFINITY);
  return trie.root;
}

/** Makes `tokenTrie` a few terms at a time, so that a background slice can stop when its time is up. */
class TokenTrieBuilder {
  readonly root = new lunr.TokenSet() as TrieNode;
  /** The nodes along the previous term: sorted terms share their prefix with it. */
  private readonly path: TrieNode[] = [this.root];
  private previous = '';
  private next = 0;

  constructor(private readonly terms: readonly string[]) {}

  /** Adds terms until `until` (a `performance.now()` time); true once every term is in. */
  advance(until: number): boolean {
    const { terms, path } = this;
    while (this.next < terms.length) {
      // The clock is read every 512 terms: reading it costs as much as adding a few.
      if ((this.next & 511) === 0 && performance.now() >= until) return false;
      const term = terms[this.next] ?? '';
      this.next += 1;
      let common = 0;
      while (common < term.length && common < this.previous.length && term[common] === this.previous[common]) common += 1;
      path.length = common + 1;
      let node = path[common] ?? this.root;
      for (let i = common; i < term.length; i += 1) {
        const char = term.charAt(i);
        let child = node.edges[char];
        if (child === undefined) {
          child = new lunr.TokenSet() as TrieNode;
          node.edges[char] = child;
        }
        path.push(child);
        node = child;
      }
      node.final = true;
      this.previous = term;
    }
    return true;
  }
}

/** An object whose values are made by `make` on first read (and kept); its keys are `keys`. */
function lazyRecord<T extends object>(keys: readonly string[], make: (key: string) => T | undefined): Record<string, T> {
  const made: Record<string, T> = Object.create(null) as Record<string, T>;
  const known = new Set(keys);
  const get = (key: string): T | undefined => {
    let value = made[key];
    if (value === undefined && known.has(key)) {
      value = make(key);
      if (value !== undefined) made[key] = value;
    }
    return value;
  };
  return new Proxy(made, {
    get: (_target, key) => (typeof key === 'string' ? get(key) : undefined),
    has: (_target, key) => typeof key === 'string' && known.has(key),
    ownKeys: () => [...keys],
    getOwnPropertyDescriptor: (_target, key) => {
      if (typeof key !== 'string' || !known.has(key)) return undefined;
      return { value: get(key), enumerable: true, configurable: true, writable: true };
    },
  });
}
