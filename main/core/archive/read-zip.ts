// A .zip's articles: its entries read as if they were a folder (`dump.zip/2019/a.json`), batch by batch from
// the page thread (zip-entries.ts), each parsed as a file of its own; a bad entry costs only itself.

import { ArticleParseError } from '../errors.js';
import type { Article, ImportProblem } from '../../contract/model.js';
import type { PageReader } from './page-reader.js';
import { defaultPageReader } from './read-saved-page.js';
import type { ArchiveFile } from './walk-archive.js';
import type { ZipBatch } from './zip-entries.js';

/** What a file's articles are: as `readArticleFile` returns them. */
interface ReadArticles {
  articles: Article[];
  problems: ImportProblem[];
  changed?: { size: number; mtimeMs: number };
}

/**
 * The articles of every entry of the zip `file`, each parsed by `parseEntry` under its path inside
 * (`dump.zip/2019/a.json`: its id derives from that path). Throws `ArticleParseError` when the zip itself
 * cannot be read; an entry that cannot is a problem named by its path inside.
 */
export function readZipFile(
  file: ArchiveFile,
  parseEntry: (path: string, bytes: Uint8Array) => Omit<ReadArticles, 'changed'>,
  reader: PageReader | null = defaultPageReader(),
): ReadArticles {
  if (reader === null) throw new ArticleParseError(file.path, 'zips are read in a thread of their own, and this build has none (dist/page-worker.cjs)');
  const read: ReadArticles = { articles: [], problems: [] };
  for (let from: number | null = 0; from !== null; ) {
    const batch: ZipBatch = reader.ask({ kind: 'zip', path: file.path, fsPath: file.absolutePath, from });
    if (batch.size !== file.size || Math.round(batch.mtimeMs) !== Math.round(file.mtimeMs)) read.changed = { size: batch.size, mtimeMs: batch.mtimeMs };
    for (const { name, reason } of batch.problems) read.problems.push({ path: name === '' ? file.path : `${file.path}/${name}`, reason });
    for (const { name, bytes } of batch.entries) {
      const path = `${file.path}/${name}`;
      try {
        const parsed = parseEntry(path, bytes);
        read.articles.push(...parsed.articles);
        read.problems.push(...parsed.problems);
      } catch (error) {
        if (!(error instanceof ArticleParseError)) throw error;
        read.problems.push({ path, reason: error.reason });
      }
    }
    from = batch.next;
  }
  return read;
}
