// Everything an archive needs before it can be searched, from files to index: read the files, extract
// quotes, set exact duplicates aside, build the lunr index. Runs in a worker thread (engine/index-worker.ts)
// or, in tests, in-process. An update re-reads only the files that changed. A first build may leave the
// quotes for later (`quotes: null`): the index is searchable without them, and extracting them was half the
// work.

import { createHash } from 'node:crypto';
import { loadReaders, readArticleFile } from '../archive/read-archive.js';
import type { ArchiveFile } from '../archive/walk-archive.js';
import type { Article, ImportProblem, Quote } from '../../contract/model.js';
import { extractQuotes } from '../quotes/extract-quotes.js';
import { quoteBudgetReason } from '../quotes/quote-budget.js';
import { maxIndexedWords } from '../util/text-budgets.js';
import { isOverWordBudget } from './build-index.js';
import { buildIndexes, type SerializedIndexes } from './configure-lunr.js';

/** One file of the archive as read: what the cache keeps per file, so an update re-reads only changes. */
export interface FileRecord {
  path: string;
  size: number;
  mtimeMs: number;
  articles: Article[];
  /** A digest of each article's headline and text, in order: equal digests are exact duplicates. */
  digests: string[];
  /**
   * The quotes of its articles; null until extracted (see `extractRecordQuotes`). A cache may hold nulls:
   * it is written before the quotes are extracted, and again after (see shard-engine.ts).
   */
  quotes: Quote[] | null;
  problems: ImportProblem[];
}

/** An archive ready to search: structured-clone and JSON safe (it crosses the worker boundary and is cached). */
export interface LibraryData {
  /** In path order. */
  files: FileRecord[];
  /** Folders that could not be read, symlink loops: problems of the walk itself. */
  walkProblems: ImportProblem[];
  /** The serialized lunr indexes, one per language shard, of the articles that are not duplicates. */
  indexes: SerializedIndexes;
  /**
   * A digest of what the archive's people are resolved from (engine/quotes-digest.ts), set once every quote
   * is extracted: saved people are reused on the next open when it is the same, without listing the quotes.
   */
  quotesDigest?: string;
}

/** Progress of a build: `done` of `total` files read. */
export interface BuildProgress {
  done: number;
  total: number;
}

/**
 * The searchable view of `LibraryData`: originals (exact duplicates within it left out), their quotes, all
 * problems. Duplicates across shards are the main thread's to find (library/duplicates.ts).
 */
export interface AssembledLibrary {
  articles: Article[];
  quotes: Quote[];
  problems: ImportProblem[];
}

/** Derives the searchable view; deterministic, so the worker and the main thread agree on it. */
export function assembleLibrary(data: Pick<LibraryData, 'files' | 'walkProblems'>): AssembledLibrary {
  const { articles, problems } = assembleArticles(data);
  const kept = new Set(articles.map((article) => article.id));
  const quotes: Quote[] = [];
  for (const file of data.files) for (const quote of file.quotes ?? []) if (kept.has(quote.articleId)) quotes.push(quote);
  return { articles, quotes, problems };
}

/** `assembleLibrary` without the quotes, which it leaves unread (see index/stored-records.ts). */
export function assembleArticles(data: Pick<LibraryData, 'files' | 'walkProblems'>): Omit<AssembledLibrary, 'quotes'> {
  const articles: Article[] = [];
  const problems: ImportProblem[] = [...data.walkProblems];
  const seenTexts = new Set<string>();
  // Indexed loops: this runs once per shard at every open, before its code is optimized (iterators allocate then).
  for (let f = 0; f < data.files.length; f += 1) {
    const file = data.files[f] as FileRecord;
    if (file.problems.length > 0) problems.push(...file.problems);
    for (let i = 0; i < file.articles.length; i += 1) {
      const article = file.articles[i] as Article;
      const key = file.digests[i] ?? articleDigest(article);
      if (seenTexts.has(key)) continue;
      seenTexts.add(key);
      articles.push(article);
    }
  }
  return { articles, problems };
}

/** Loads the readers of article files now, not at the first file read (see scripts/build.mjs). */
export { loadReaders };

/** A digest of an article's headline and text: equal digests are exact duplicates. */
export function articleDigest(article: Pick<Article, 'title' | 'body'>): string {
  return createHash('sha1').update(`${article.title}\0${article.body}`).digest('hex');
}

/**
 * Reads one file into its record: articles, their quotes (unless `quotes` is false), its problems, with
 * one for each article the index takes only part of (`maxIndexedWords`).
 */
export function readFileRecord(file: ArchiveFile, quotes = true): FileRecord {
  const { articles, problems, changed } = readArticleFile(file);
  const record: FileRecord = {
    path: file.path,
    // What was read: when the file changed after the walk, not the listing's (see `readAsListed`).
    size: changed?.size ?? file.size,
    mtimeMs: changed?.mtimeMs ?? file.mtimeMs,
    articles,
    digests: articles.map(articleDigest),
    problems,
    // Last: the cache turns it into an accessor once written, and back (index/stored-records.ts `forgetQuotes`).
    quotes: null,
  };
  articles.forEach((article, i) => {
    if (isOverWordBudget(article)) {
      const reason = `only its first ${maxIndexedWords.toLocaleString('en')} words are indexed; search does not find the rest`;
      problems.push({ path: file.path, reason: articleReason(articles, i, reason) });
    }
  });
  if (quotes) extractRecordQuotes(record);
  return record;
}

/**
 * Fills in the quotes of a record read without them; `known` gives the quotes of articles already
 * extracted (for a result shown before the record's turn came), so none is extracted twice. Adds a
 * problem for each article whose quotes stopped at a budget (see `quoteBudgetReason`), and returns those.
 */
export function extractRecordQuotes(record: FileRecord, known: (article: Article) => Quote[] | undefined = () => undefined): ImportProblem[] {
  if (record.quotes !== null) return [];
  const found: ImportProblem[] = [];
  record.quotes = record.articles.flatMap((article, i) => {
    const quotes = known(article) ?? extractQuotes(article);
    const reason = quoteBudgetReason(article.body, quotes.length);
    if (reason !== null) found.push({ path: record.path, reason: articleReason(record.articles, i, reason) });
    return quotes;
  });
  record.problems.push(...found);
  return found;
}

/** A problem's reason about the `i`th article of a file: named by its number when the file holds several. */
function articleReason(articles: readonly Article[], i: number, reason: string): string {
  return articles.length > 1 ? `article ${i + 1}: ${reason}` : reason;
}

/** True when `record` was read from the file as it is now. */
export function isCurrent(record: Pick<FileRecord, 'size' | 'mtimeMs'>, file: ArchiveFile): boolean {
  return record.size === file.size && Math.round(record.mtimeMs) === Math.round(file.mtimeMs);
}

/**
 * True when every record of `data` was read from `files` as listed. A file that changed between the walk
 * and its read (issue 14: one grew from a few KB to 124 MB) makes it false: the data is then not what the
 * listing's fingerprint names, so it must not be cached under it, and the next open reads the shard again.
 */
export function readAsListed(data: Pick<LibraryData, 'files'>, files: readonly ArchiveFile[]): boolean {
  return data.files.length === files.length && data.files.every((record, i) => {
    const file = files[i];
    return file !== undefined && record.path === file.path && isCurrent(record, file);
  });
}

/**
 * Builds library data for the archive listing `files`, reusing the records of `previous` for files that
 * have not changed (none when building from scratch); `onFileRead` is called for each file actually read.
 * With `quotes: false`, the records of files read are left without quotes (`extractRecordQuotes` later).
 */
export function buildLibraryData(
  files: readonly ArchiveFile[],
  walkProblems: readonly ImportProblem[],
  onFileRead?: () => void,
  previous: readonly FileRecord[] = [],
  options: { quotes?: boolean } = {},
): LibraryData {
  const known = new Map(previous.map((r) => [r.path, r]));
  const records = files.map((file) => {
    const old = known.get(file.path);
    if (old !== undefined && isCurrent(old, file)) return old;
    const record = readFileRecord(file, options.quotes ?? true);
    onFileRead?.();
    return record;
  });
  const { articles } = assembleArticles({ files: records, walkProblems: [...walkProblems] });
  return { files: records, walkProblems: [...walkProblems], indexes: buildIndexes(articles) };
}
