// Test support: every article of listed files at once, the way the engines read them one file at a time.
import { readArticleFile, type FileArticles } from '../../main/core/archive/read-archive.js';
import type { ArchiveFile } from '../../main/core/archive/walk-archive.js';

/** Reads `files` in order; a bad file gives problems, never a throw (as in `readArticleFile`). */
export function readArticles(files: readonly ArchiveFile[]): FileArticles {
  const read = files.map(readArticleFile);
  return { articles: read.flatMap((r) => r.articles), problems: read.flatMap((r) => r.problems) };
}
