// A compact form of a lunr index, loaded lazily. lunr's own JSON holds one object per term, field and
// article; parsing it and collecting that garbage was most of a warm start (issue 6: 1 s of every 1.3 s per
// shard at 10x BBC). Here each term's postings are one block of bytes with the term's weight in each
// article (what lunr's field vectors hold, term by term instead of article by article), which a search
// reads as typed arrays; the cache stores a block per term and an open reads none of them: a search reads
// its terms' blocks (issue 19). lunr's own objects are made only if lunr itself runs a query.

import lunr from 'lunr';

/** The compact form of a lunr index. */
export interface CompactIndex {
  format: 'verbatim-lunr-compact-3';
  /** lunr's version: an index from another version is rebuilt. */
  version: string;
  fields: string[];
  pipeline: string[];
  /** Document refs; postings refer to them by position. */
  refs: string[];
  /** Index terms, sorted (as lunr's token set wants them). */
  terms: string[];
  /** lunr's `_index` of each term (its position in the field vectors). */
  termIndex: Int32Array;
  /** Each term's postings with their weights, by term number (see `TermPostings`). */
  postings: PostingBlocks;
}

/**
 * Where the postings of a compact index are: in memory once built (`MemoryPostings`), or in its cache file,
 * each term's read when a search first needs it (index/stored-records.ts).
 */
export interface PostingBlocks {
  /** How many terms there are. */
  readonly count: number;
  /** The bytes of term `n`'s postings (see `encodePostings`); null when they cannot be read (a damaged cache). */
  block(n: number): Uint8Array | null;
}

/**
 * One term's postings: per field, the articles holding it (by number, in the order lunr lists them) and the
 * term's weight in each one's field vector (lunr's BM25 score, boosted and rounded as lunr rounds it).
 */
export interface TermPostings {
  docs: Int32Array[];
  weights: Float64Array[];
}

/** The postings of every term, one block after another, each at a multiple of 8. */
export class MemoryPostings implements PostingBlocks {
  constructor(
    private readonly bytes: Uint8Array,
    /** Where each block starts; one more entry (the end). */
    private readonly starts: Float64Array,
  ) {}

  get count(): number {
    return this.starts.length - 1;
  }

  block(n: number): Uint8Array | null {
    const from = this.starts[n];
    const to = this.starts[n + 1];
    return from === undefined || to === undefined ? null : this.bytes.subarray(from, to);
  }
}

/**
 * Room for the postings of `terms` terms in `fieldCount` fields, `countOf(term, field)` articles each, with the
 * views to fill: `docs(term, field)` and `weights(term, field)`. A term's block: the count per field (32-bit),
 * the weights of every field (64-bit, at a multiple of 8), then the articles (32-bit); a search reads a block
 * as views of it, without decoding.
 */
export function allocatePostings(
  terms: number,
  fieldCount: number,
  countOf: (term: number, field: number) => number,
): { postings: MemoryPostings; docs: (term: number, field: number) => Int32Array; weights: (term: number, field: number) => Float64Array } {
  const head = align8(4 * fieldCount);
  const starts = new Float64Array(terms + 1);
  const totals = new Int32Array(terms);
  for (let t = 0; t < terms; t += 1) {
    let total = 0;
    for (let f = 0; f < fieldCount; f += 1) total += countOf(t, f);
    totals[t] = total;
    starts[t + 1] = (starts[t] ?? 0) + head + align8(12 * total);
  }
  const buffer = new ArrayBuffer(starts[terms] ?? 0);
  const ints = new Int32Array(buffer);
  for (let t = 0; t < terms; t += 1) for (let f = 0; f < fieldCount; f += 1) ints[(starts[t] ?? 0) / 4 + f] = countOf(t, f);
  /** Where field `f` of term `t` starts among the term's articles (and weights). */
  const offset = (t: number, f: number): number => {
    let k = 0;
    for (let g = 0; g < f; g += 1) k += ints[(starts[t] ?? 0) / 4 + g] ?? 0;
    return k;
  };
  return {
    postings: new MemoryPostings(new Uint8Array(buffer), starts),
    docs: (t, f) => new Int32Array(buffer, (starts[t] ?? 0) + head + 8 * (totals[t] ?? 0) + 4 * offset(t, f), countOf(t, f)),
    weights: (t, f) => new Float64Array(buffer, (starts[t] ?? 0) + head + 8 * offset(t, f), countOf(t, f)),
  };
}

/** The postings of `terms` terms in `fieldCount` fields, `postingOf(term, field)` giving each field's articles and weights. */
export function encodePostings(terms: number, fieldCount: number, postingOf: (term: number, field: number) => { docs: ArrayLike<number>; weights: ArrayLike<number> }): MemoryPostings {
  const room = allocatePostings(terms, fieldCount, (t, f) => postingOf(t, f).docs.length);
  for (let t = 0; t < terms; t += 1) {
    for (let f = 0; f < fieldCount; f += 1) {
      const { docs, weights } = postingOf(t, f);
      room.docs(t, f).set(docs);
      room.weights(t, f).set(weights);
    }
  }
  return room.postings;
}

/**
 * A term's postings read from its block: views of it when it lies at a multiple of 8 in memory (a copy
 * otherwise). Throws on a block that does not fit its counts.
 */
export function decodePostings(block: Uint8Array, fieldCount: number): TermPostings {
  let bytes = block;
  if (bytes.byteOffset % 8 !== 0) bytes = new Uint8Array(bytes);
  const head = align8(4 * fieldCount);
  if (bytes.byteLength < head) throw new Error('a posting block is cut short');
  const counts = new Int32Array(bytes.buffer, bytes.byteOffset, fieldCount);
  let total = 0;
  for (const count of counts) {
    if (count < 0) throw new Error('a posting block is damaged');
    total += count;
  }
  if (head + 12 * total > bytes.byteLength) throw new Error('a posting block is cut short');
  const allWeights = new Float64Array(bytes.buffer, bytes.byteOffset + head, total);
  const allDocs = new Int32Array(bytes.buffer, bytes.byteOffset + head + 8 * total, total);
  const docs: Int32Array[] = [];
  const weights: Float64Array[] = [];
  let k = 0;
  for (const count of counts) {
    docs.push(allDocs.subarray(k, k + count));
    weights.push(allWeights.subarray(k, k + count));
    k += count;
  }
  return { docs, weights };
}

function align8(n: number): number {
  return Math.ceil(n / 8) * 8;
}

type Posting = Record<string, unknown> & { _index: number };

/**
 * Loads a compact index; lunr's own parts are made on first use. Throws on foreign or damaged data (a
 * term's postings are read, and checked, when first searched).
 */
export function loadCompactIndex(data: CompactIndex): lunr.Index {
  if (data.format !== 'verbatim-lunr-compact-3') throw new Error('not a Verbatim compact index');
  if (data.version !== lunr.version) throw new Error(`index was saved by lunr ${String(data.version)}, this is lunr ${lunr.version}`);
  const { fields, refs, terms, termIndex, postings } = data;
  if (terms.length !== termIndex.length || postings.count !== terms.length) throw new Error('the index is damaged (its parts differ in length)');

  // lunr's parts are made on first use: a search reads postings through `termPostings` and the terms of
  // wildcard and fuzzy terms from the sorted terms (search/query-index.ts); building the token set and the
  // lookup tables at every open took 74 ms of a one-shot search's 790 ms of CPU at BBC's size (issue 19).
  // lunr's own token set, inverted index and field vectors are made only for a query lunr runs itself (see
  // query-index.ts), and in tests.
  const index = new lunr.Index({ fields, pipeline: lunr.Pipeline.load(data.pipeline) } as unknown as lunr.Index.Attributes);
  lazyProperty(index, 'tokenSet', () => tokenTrie(terms));
  lazyProperty(index, 'invertedIndex', () => {
    const termNumbers = new Map<string, number>(terms.map((term, i) => [term, i]));
    const materializePosting = (i: number): Posting => {
      const posting: Posting = { _index: termIndex[i] ?? 0 };
      const { docs } = termPostings(data, i);
      fields.forEach((field, f) => {
        const refsOfField: Record<string, object> = {};
        for (const doc of docs[f] ?? []) refsOfField[refs[doc] ?? ''] = {};
        posting[field] = refsOfField;
      });
      return posting;
    };
    return lazyRecord(terms, (term) => {
      const i = termNumbers.get(term);
      return i === undefined ? undefined : materializePosting(i);
    });
  });
  // lunr's constructor calls it `fieldVectors` (its typings, `documentVectors`): every article's vector per
  // field, its terms in ascending `_index` order, made from all the postings at once.
  lazyProperty(index, 'fieldVectors', () => {
    const elements = fields.map(() => refs.map((): [number, number][] => []));
    for (let i = 0; i < terms.length; i += 1) {
      const { docs, weights } = termPostings(data, i);
      fields.forEach((_, f) => {
        const fieldDocs = docs[f] ?? new Int32Array(0);
        fieldDocs.forEach((doc, k) => elements[f]?.[doc]?.push([termIndex[i] ?? 0, weights[f]?.[k] ?? 0]));
      });
    }
    const vectors: Record<string, lunr.Vector> = Object.create(null) as Record<string, lunr.Vector>;
    fields.forEach((field, f) => {
      refs.forEach((ref, n) => {
        const pairs = (elements[f]?.[n] ?? []).sort((a, b) => a[0] - b[0]);
        vectors[`${field}/${ref}`] = new lunr.Vector(pairs.flat());
      });
    });
    return vectors;
  });
  return index;
}

/** The postings of term `n` of `index`; none in any field when its block cannot be read. */
export function termPostings(index: CompactIndex, n: number): TermPostings {
  const block = index.postings.block(n);
  if (block !== null) {
    try {
      return decodePostings(block, index.fields.length);
    } catch {
      // Damaged past its checksum: as unreadable.
    }
  }
  return { docs: index.fields.map(() => new Int32Array(0)), weights: index.fields.map(() => new Float64Array(0)) };
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
  const root = new lunr.TokenSet() as TrieNode;
  // The nodes along the previous term: sorted terms share their prefix with it.
  const path: TrieNode[] = [root];
  let previous = '';
  for (const term of terms) {
    let common = 0;
    while (common < term.length && common < previous.length && term[common] === previous[common]) common += 1;
    path.length = common + 1;
    let node = path[common] ?? root;
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
    previous = term;
  }
  return root;
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
