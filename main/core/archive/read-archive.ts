// Reads the listed files of an archive into articles; every file that cannot be read becomes a problem.

import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { ArticleParseError } from '../errors.js';
import type { Article, ImportProblem } from '../model.js';
import type { ArticleDraft } from './article-draft.js';
import { decodeText, looksBinary } from './decode-text.js';
import { parseMarkdown } from './parse-md.js';
import { parseTxt } from './parse-txt.js';
import { describeFsError, type ArchiveFile } from './walk-archive.js';

/** Files larger than this are not read (stated in the problem): no news article is 20 MB of text. */
export const maxFileBytes = 20 * 1024 * 1024;

type Parser = (path: string, text: string) => ArticleDraft[];

const parsers: Record<string, Parser> = {
  '.txt': parseTxt,
  '.text': parseTxt,
  '.md': parseMarkdown,
  '.markdown': parseMarkdown,
};

/** The file extensions Verbatim reads. */
export const supportedExtensions: readonly string[] = Object.keys(parsers);

/**
 * The stable id of the `index`-th article of the file at `path` (0 for single-article files).
 * @example articleId('politics/017.txt') // '3f0c5e0b1d2a4c6e'
 */
export function articleId(path: string, index = 0): string {
  const key = index === 0 ? path : `${path}#${index}`;
  return createHash('sha256').update(key).digest('hex').slice(0, 16);
}

/** Parses one file's bytes; throws `ArticleParseError` with the reason when it is not an article. */
export function parseArticleFile(path: string, bytes: Uint8Array): Article[] {
  const dot = path.lastIndexOf('.');
  const extension = dot > path.lastIndexOf('/') ? path.slice(dot).toLowerCase() : '';
  const parser = parsers[extension];
  if (!parser) {
    const kind = extension === '' ? 'a file without an extension' : `"${extension}" files`;
    throw new ArticleParseError(path, `not an article format Verbatim reads (${kind}; it reads ${supportedExtensions.join(', ')})`);
  }
  if (bytes.length === 0) throw new ArticleParseError(path, 'the file is empty');
  if (looksBinary(bytes)) throw new ArticleParseError(path, 'the file is binary, not text');
  const { text } = decodeText(bytes);
  if (text.trim() === '') throw new ArticleParseError(path, 'the file holds only white space');
  return parser(path, text).map((draft, index) => ({ id: articleId(path, index), path, ...draft }));
}

/**
 * Reads `files` in order, calling `onFile` after each. Returns the articles and the problems, never throws
 * for a bad file.
 */
export async function readArticles(
  files: readonly ArchiveFile[],
  onFile?: (done: number) => void,
): Promise<{ articles: Article[]; problems: ImportProblem[] }> {
  const articles: Article[] = [];
  const problems: ImportProblem[] = [];
  let done = 0;
  for (const file of files) {
    try {
      if (file.size > maxFileBytes) {
        throw new ArticleParseError(file.path, `the file is ${formatMiB(file.size)}; Verbatim reads files up to ${formatMiB(maxFileBytes)}`);
      }
      articles.push(...parseArticleFile(file.path, await readFile(file.absolutePath)));
    } catch (error) {
      const reason = error instanceof ArticleParseError ? error.reason : `the file cannot be read (${describeFsError(error)})`;
      problems.push({ path: file.path, reason });
    }
    done += 1;
    onFile?.(done);
  }
  return { articles, problems };
}

function formatMiB(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}
