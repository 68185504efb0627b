// Everything an archive needs before it can be searched, from files to index: read articles, extract
// quotes, build the lunr index. Runs in a worker thread (index-worker.ts) or, in tests, in-process.

import { readArticles } from '../archive/read-archive.js';
import type { ArchiveFile } from '../archive/walk-archive.js';
import type { Article, ImportProblem, Quote } from '../model.js';
import { extractQuotes } from '../quotes/extract-quotes.js';
import { buildIndex } from './configure-lunr.js';

/** An archive ready to search: structured-clone and JSON safe (it crosses the worker boundary and is cached). */
export interface LibraryData {
  articles: Article[];
  quotes: Quote[];
  problems: ImportProblem[];
  /** The serialized lunr index (`lunr.Index#toJSON()`). */
  index: object;
}

/** Progress of a build: `done` of `total` files read, then `indexing` while lunr builds. */
export interface BuildProgress {
  done: number;
  total: number;
}

/** Reads `files`, extracts quotes and builds the index; `problems` from the walk are carried along. */
export async function buildLibraryData(
  files: readonly ArchiveFile[],
  walkProblems: readonly ImportProblem[],
  onProgress?: (progress: BuildProgress) => void,
): Promise<LibraryData> {
  const total = files.length;
  onProgress?.({ done: 0, total });
  const { articles, problems } = await readArticles(files, (done) => {
    if (done % 50 === 0 || done === total) onProgress?.({ done, total });
  });
  const quotes = articles.flatMap((article) => extractQuotes(article));
  const index = buildIndex(articles).toJSON();
  return { articles, quotes, problems: [...walkProblems, ...problems], index };
}
