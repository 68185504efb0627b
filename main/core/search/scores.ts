// An engine's articles by number, and the articles a query's clauses find, with scores, kept by that number
// in typed arrays instead of maps by id: combining the clauses of a query over thousands of matches was a
// fifth of a search's time at 10x BBC, and most of its garbage (issue 6).

import type { Article } from '../../contract/model.js';
import { lowerBound } from '../util/lower-bound.js';

/** An engine's articles by number, with what a search asks of each again and again. */
export interface ArticleTable {
  articles: readonly Article[];
  numbers: ReadonlyMap<string, number>;
  /** 1 for an article never returned (an exact duplicate of an earlier file). */
  hidden: Uint8Array;
  /** Each article's facet values (the year is the date's first four characters), read once, not per search. */
  sources: FacetColumn;
  years: FacetColumn;
  languages: FacetColumn;
  /** Per list of refs (an index's, see queryIndex): the article number of each, -1 for none. */
  refNumbers: WeakMap<readonly string[], Int32Array>;
}

/** Numbers `articles` in order; `hidden` are the ids never returned. */
export function makeArticleTable(articles: Iterable<Article>, hidden: ReadonlySet<string>): ArticleTable {
  const list = [...articles];
  // Loops, not `new Map(list.map(...))` and `Uint8Array.from(list, ...)`: at 50x BBC, 100 ms of the first search.
  const numbers = new Map<string, number>();
  for (let n = 0; n < list.length; n += 1) numbers.set((list[n] as Article).id, n);
  return {
    articles: list,
    numbers,
    hidden: hiddenFlags(list, hidden),
    sources: facetColumn(list, (article) => article.source),
    years: facetColumn(list, (article) => article.date?.slice(0, 4) ?? null),
    languages: facetColumn(list, (article) => article.language),
    refNumbers: new WeakMap(),
  };
}

/** 1 for each of `articles` (by number) that is in `hidden`, 0 for the others. */
export function hiddenFlags(articles: readonly Article[], hidden: ReadonlySet<string>): Uint8Array {
  const flags = new Uint8Array(articles.length);
  for (let n = 0; n < articles.length; n += 1) if (hidden.has((articles[n] as Article).id)) flags[n] = 1;
  return flags;
}

/**
 * One facet's value of each article, as its number in `values` (-1 for none, or empty): the facets of a
 * search count numbers into an array, not strings into a map (at 50x BBC, 3 ms of a query with 5,000 hits).
 */
export interface FacetColumn {
  codes: Int32Array;
  values: readonly string[];
}

function facetColumn(articles: readonly Article[], valueOf: (article: Article) => string | null): FacetColumn {
  const values: string[] = [];
  const codeOf = new Map<string, number>();
  const codes = new Int32Array(articles.length);
  for (let n = 0; n < articles.length; n += 1) {
    const value = valueOf(articles[n] as Article);
    let code = -1;
    if (value !== null && value !== '') {
      code = codeOf.get(value) ?? values.length;
      if (code === values.length) {
        values.push(value);
        codeOf.set(value, code);
      }
    }
    codes[n] = code;
  }
  return { codes, values };
}

/**
 * The article number of each of `refs` (an index's, see queryIndex), -1 for none; looked up once per index:
 * looking up every match of every query by id cost more than scoring it (a cache miss at each lookup).
 */
export function refNumbers(table: ArticleTable, refs: readonly string[]): Int32Array {
  let numbers = table.refNumbers.get(refs);
  if (numbers === undefined) {
    numbers = new Int32Array(refs.length);
    for (let i = 0; i < refs.length; i += 1) numbers[i] = table.numbers.get(refs[i] as string) ?? -1;
    table.refNumbers.set(refs, numbers);
  }
  return numbers;
}

/**
 * Scores by article number, listed in the order first set (the order of equal results): a `Map` from
 * article to score, with the same order, in arrays sized to the archive.
 */
export class Scores {
  /** Article numbers in the order first set. */
  readonly order: number[] = [];
  private readonly values: Float64Array;
  private readonly present: Uint8Array;

  constructor(articleCount: number) {
    this.values = new Float64Array(articleCount);
    this.present = new Uint8Array(articleCount);
  }

  get size(): number {
    return this.order.length;
  }

  has(article: number): boolean {
    return this.present[article] === 1;
  }

  /** The score of `article`; 0 when it has none (check `has`). */
  get(article: number): number {
    return this.values[article] ?? 0;
  }

  set(article: number, score: number): void {
    if (this.present[article] !== 1) {
      this.present[article] = 1;
      this.order.push(article);
    }
    this.values[article] = score;
  }
}

/**
 * Articles in any of `list`, each with its best score. One list is its own union (scores are never negative):
 * no copy sized to the archive, which a query made per group (at 50x BBC 1 MB each, and fresh memory is slow to
 * touch on the machines measured, issue 19). Neither this nor `intersectScores` changes what it is given.
 */
export function unionScores(list: readonly Scores[], articleCount: number): Scores {
  if (list.length === 1) return list[0] as Scores;
  const union = new Scores(articleCount);
  for (const scores of list) {
    for (const article of scores.order) union.set(article, Math.max(union.has(article) ? union.get(article) : 0, scores.get(article)));
  }
  return union;
}

/** Articles in all of `list`, with the sum of their scores (added smallest list first), in that list's order. */
export function intersectScores(list: readonly Scores[], articleCount: number): Scores {
  if (list.length === 1) return list[0] as Scores;
  const [smallest, ...others] = [...list].sort((a, b) => a.size - b.size);
  const result = new Scores(articleCount);
  if (!smallest) return result;
  outer: for (const article of smallest.order) {
    let total = smallest.get(article);
    for (const scores of others) {
      if (!scores.has(article)) continue outer;
      total += scores.get(article);
    }
    result.set(article, total);
  }
  return result;
}

/** Articles matching some of the groups: more groups first, then score. */
export function partialScores(list: readonly Scores[], articleCount: number): Scores {
  const groups = new Uint8Array(articleCount);
  const sums = new Scores(articleCount);
  for (const scores of list) {
    for (const article of scores.order) {
      groups[article] = (groups[article] ?? 0) + 1;
      sums.set(article, (sums.has(article) ? sums.get(article) : 0) + scores.get(article));
    }
  }
  // Groups matched dominate the score, so ranking by score ranks by groups first.
  const result = new Scores(articleCount);
  for (const article of sums.order) result.set(article, (groups[article] ?? 0) * 1000 + sums.get(article));
  return result;
}

/**
 * The positions of `values`, highest value first, equal values in position order: what a stable sort by
 * descending value gives. A counting sort by each value's rank among the distinct values, which are sorted
 * natively: sorting thousands of results with a comparator was a tenth of a search (issue 6).
 */
export function descendingOrder(values: Float64Array): Int32Array {
  const sorted = values.slice().sort();
  // The distinct values, highest first.
  const distinct = new Float64Array(sorted.length);
  let kinds = 0;
  for (let i = sorted.length - 1; i >= 0; i -= 1) {
    const value = sorted[i] ?? 0;
    if (kinds === 0 || value < (distinct[kinds - 1] ?? 0)) distinct[kinds++] = value;
  }
  const ranks = new Int32Array(values.length);
  const starts = new Int32Array(kinds + 1);
  for (let i = 0; i < values.length; i += 1) {
    const value = values[i] ?? 0;
    // Its position among the distinct values (descending), where it always is.
    const rank = lowerBound(kinds, (k) => (distinct[k] ?? 0) > value);
    ranks[i] = rank;
    starts[rank + 1] = (starts[rank + 1] ?? 0) + 1;
  }
  for (let r = 1; r <= kinds; r += 1) starts[r] = (starts[r] ?? 0) + (starts[r - 1] ?? 0);
  const order = new Int32Array(values.length);
  for (let i = 0; i < values.length; i += 1) {
    const rank = ranks[i] ?? 0;
    order[starts[rank] ?? 0] = i;
    starts[rank] = (starts[rank] ?? 0) + 1;
  }
  return order;
}
