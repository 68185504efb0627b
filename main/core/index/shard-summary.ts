// What the main thread needs of a shard to count the archive and set duplicates aside, without its index:
// each article's id, path and digest, its quotes' count, and the shard's problems. An engine makes it when it
// opens a shard (engine/shard-engine.ts); the index cache also stores it, so that `verbatim index` on an
// archive whose caches are current answers from it and opens no shard at all (issue 19: at 50x BBC, loading
// fourteen shards to count them was 2 s of 3.2 and most of the memory).

import type { Article, ImportProblem } from '../../contract/model.js';
import { articleDigest, assembleArticles, type FileRecord, type LibraryData } from './build-library-data.js';
import { quoteCountsOf, quotesMissing } from './stored-records.js';

/** Per article of a shard, in its files' order, duplicates within the shard included. */
export interface ArticleColumns {
  ids: string[];
  paths: string[];
  /** Of headline and text (see `articleDigest`): equal digests are exact duplicates, across shards too. */
  digests: string[];
}

/** A shard whose quotes are all extracted, as the index cache stores it beside its data. */
export interface CacheSummary extends ArticleColumns {
  /** Quotes per article as extracted, no correction applied, in the order of `ids` (0 for a duplicate within the shard). */
  quoteCounts: Int32Array;
  /** The walk's problems (shard 0's) and its files', in path order. */
  problems: ImportProblem[];
}

/** The ids, paths and digests of the articles of `files`, in order (columns, not an object per article: see `ShardSummary`). */
export function articleColumns(files: readonly FileRecord[]): ArticleColumns {
  const ids: string[] = [];
  const paths: string[] = [];
  const digests: string[] = [];
  // Indexed loops: this runs once per shard at every open, before its code is optimized (iterators allocate then).
  for (let f = 0; f < files.length; f += 1) {
    const file = files[f] as FileRecord;
    for (let i = 0; i < file.articles.length; i += 1) {
      const article = file.articles[i] as Article;
      ids.push(article.id);
      paths.push(article.path);
      digests.push(file.digests[i] ?? articleDigest(article));
    }
  }
  return { ids, paths, digests };
}

/** The summary of `data` (null while some of its quotes are still to be extracted), counted as an engine counts a shard with no corrections. */
export function summarizeShard(data: LibraryData): CacheSummary | null {
  // Before anything is made: a first build's cache is written before its quotes are extracted.
  if (data.files.some(quotesMissing)) return null;
  const { articles, problems } = assembleArticles(data);
  const kept = new Set(articles);
  const counts: number[] = [];
  for (const record of data.files) {
    const raw = quoteCountsOf(record) ?? [];
    record.articles.forEach((article, i) => counts.push(kept.has(article) ? (raw[i] ?? 0) : 0));
  }
  return { ...articleColumns(data.files), quoteCounts: Int32Array.from(counts), problems };
}

/** Whether `value` is a summary of the shape `summarizeShard` makes (one read from a cache file). */
export function isCacheSummary(value: unknown): value is CacheSummary {
  if (typeof value !== 'object' || value === null) return false;
  const { ids, paths, digests, quoteCounts, problems } = value as Partial<CacheSummary>;
  if (!isStrings(ids) || !isStrings(paths) || !isStrings(digests) || !(quoteCounts instanceof Int32Array)) return false;
  const count = ids.length;
  return paths.length === count && digests.length === count && quoteCounts.length === count && quoteCounts.every((n) => n >= 0) && Array.isArray(problems) && problems.every(isProblem);
}

function isStrings(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

function isProblem(value: unknown): value is ImportProblem {
  if (typeof value !== 'object' || value === null) return false;
  const { path, reason } = value as Partial<ImportProblem>;
  return typeof path === 'string' && typeof reason === 'string';
}
