// Reads the listed files of an archive into articles; every file (or entry of a file) that cannot be
// read becomes a problem with the reason. Formats are chosen by extension and confirmed by content.

import { createHash } from 'node:crypto';
import { ArticleParseError } from '../errors.js';
import type { Article, ImportProblem } from '../../contract/model.js';
import type { ArticleDraft, ParsedFile } from './article-draft.js';
import { decodeText, looksBinary } from './decode-text.js';
import { detectLanguage, normalizeLanguage } from './detect-language.js';
import { gunzipBytes } from './gunzip-bytes.js';
import { parseCsv } from './parse-csv.js';
import { parseJson, parseJsonLines } from './parse-json.js';
import { parseMarkdown } from './parse-md.js';
import { declaredCharset } from './parse-html.js';
import { parseTxt } from './parse-txt.js';
import { readPdf } from './read-pdf.js';
import { readRegularFile } from './regular-file.js';
import { readZipFile } from './read-zip.js';
import { readSavedPage } from './read-saved-page.js';
import { describeFsError, type ArchiveFile } from './walk-archive.js';
import { extensions, supportedExtensions, type Format } from './formats.js';
import { detachStrings } from '../util/detach-strings.js';

/**
 * Nothing: imported, this module is loaded already. The bundles that load it lazily (scripts/build.mjs) load
 * it here, so that a worker thread can load it ahead of the first file it reads.
 */
export function loadReaders(): void {
  // Loaded.
}

/** Files larger than this are not read (stated in the problem): no news file is 50 MB of text. */
export const maxFileBytes = 50 * 1024 * 1024;

/**
 * The stable id of the article at `position` in the file at `path` (0 for single-article files).
 * @example articleId('politics/017.txt') // '3f0c5e0b1d2a4c6e'
 */
export function articleId(path: string, position = 0): string {
  const key = position === 0 ? path : `${path}#${position}`;
  return createHash('sha256').update(key).digest('hex').slice(0, 16);
}

/** The articles of one file and its broken entries. */
export interface FileArticles {
  articles: Article[];
  problems: ImportProblem[];
  /**
   * The size and modification time of the file as it was read, present only when they are not the
   * listing's (it changed after the walk): a cache must not file what was read under the listing's stamp.
   */
  changed?: { size: number; mtimeMs: number };
}

/**
 * Parses one file's bytes; throws `ArticleParseError` with the reason when it holds no article. `name`
 * (the path by default) decides the format by its extension: a `.gz` is unpacked and read by the name
 * inside (`x.csv.gz` as `x.csv`); the articles are named by `path` either way.
 */
export function parseArticleFile(path: string, bytes: Uint8Array, name = path): FileArticles {
  const extension = extensionOf(name);
  if (bytes.length === 0) throw new ArticleParseError(path, 'the file is empty');
  if (extension === '.gz') return parseArticleFile(path, gunzipBytes(path, bytes, maxFileBytes), gzipInner(path, name));
  if (extension === '.pdf') return named(path, readPdf(path, bytes));
  if (looksBinary(bytes)) throw new ArticleParseError(path, `the file is binary, not text${binaryKind(bytes)}`);
  const byExtension = extensions[extension];
  const declared = byExtension === 'html' || byExtension === undefined ? declaredCharset(bytes) : undefined;
  const { text } = decodeText(bytes, declared);
  if (text.trim() === '') throw new ArticleParseError(path, 'the file holds only white space');
  const format = confirmFormat(byExtension, text);
  if (format === null) {
    const kind = extension === '' ? 'a file without an extension' : `"${extension}" files`;
    throw new ArticleParseError(path, `not an article format Verbatim reads (${kind}; it reads ${supportedExtensions.join(', ')})`);
  }
  return named(path, parseAs(format, path, text));
}

/** The articles of a parsed file with their ids, paths and languages, and its problems named by place. */
function named(path: string, parsed: ParsedFile): FileArticles {
  const articles = parsed.articles.map(({ draft, position }) => {
    // `body` last, as a cached article has it: once its cache is written, an article's text becomes an accessor
    // reading the file, and only a last property can be replaced without making the object a hash table. The
    // other fields are copies: a headline sliced from the file's text kept all of it in memory (util/detach-strings.ts).
    const { body, ...fields } = withLanguage(draft);
    return { id: articleId(path, position), path, ...detachStrings(fields), body };
  });
  const problems = parsed.problems.map((p) => ({ path: p.where === '' ? path : `${path} (${p.where})`, reason: p.reason }));
  return { articles, problems };
}

function parseAs(format: Format, path: string, text: string): ParsedFile {
  const single = (drafts: ArticleDraft[]): ParsedFile => ({ articles: drafts.map((draft, position) => ({ draft, position })), problems: [] });
  switch (format) {
    case 'txt':
      return single(parseTxt(path, text));
    case 'md':
      return single(parseMarkdown(path, text));
    case 'html':
      return readSavedPage(path, text);
    case 'json':
      return parseJson(path, text);
    case 'jsonl':
      return parseJsonLines(path, text);
    case 'csv':
    case 'tsv':
      return parseCsv(path, text, format === 'tsv');
  }
}

/** The extension's format, corrected by what the text really is (a saved page named .txt, JSON lines named .json). */
function confirmFormat(byExtension: Format | undefined, text: string): Format | null {
  const start = text.replace(/^\uFEFF/, '').trimStart().slice(0, 200).toLowerCase();
  const looksHtml = start.startsWith('<!doctype html') || start.startsWith('<html') || (start.startsWith('<') && /<(head|body|meta|title)\b/.test(text.slice(0, 2000).toLowerCase()));
  if (looksHtml && byExtension !== 'md') return 'html';
  if (byExtension === 'json' && start.startsWith('{') && isJsonLines(text)) return 'jsonl';
  if (byExtension !== undefined) return byExtension;
  if (start.startsWith('{') || start.startsWith('[')) return isJsonLines(text) ? 'jsonl' : 'json';
  return null;
}

/** True when the text is several lines that each hold a JSON object, and not one JSON document. */
function isJsonLines(text: string): boolean {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  if (lines.length < 2 || !lines.every((l) => l.trimStart().startsWith('{'))) return false;
  try {
    JSON.parse(text);
    return false;
  } catch {
    return true;
  }
}

/** The name inside a gzip'd file (`x.csv.gz` → `x.csv`); a compressed file inside it is refused (bombs nest). */
function gzipInner(path: string, name: string): string {
  const inner = name.slice(0, -'.gz'.length);
  const innerExtension = extensionOf(inner);
  if (innerExtension === '.gz' || innerExtension === '.zip') {
    throw new ArticleParseError(path, `a compressed file inside a compressed file (${innerExtension} in .gz) is not opened: archives nest at most one level`);
  }
  return inner;
}

function withLanguage(draft: ArticleDraft): ArticleDraft {
  const stated = normalizeLanguage(draft.language);
  return { ...draft, language: stated ?? detectLanguage(`${draft.title}\n${draft.body}`) };
}

function extensionOf(path: string): string {
  const name = path.slice(path.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot).toLowerCase() : '';
}

const magic: readonly [string, number[]][] = [
  ['a PDF document', [0x25, 0x50, 0x44, 0x46]],
  ['a PNG image', [0x89, 0x50, 0x4e, 0x47]],
  ['a JPEG image', [0xff, 0xd8, 0xff]],
  ['a GIF image', [0x47, 0x49, 0x46, 0x38]],
  ['a ZIP archive (or a Word/OpenDocument file)', [0x50, 0x4b, 0x03, 0x04]],
  ['a gzip archive', [0x1f, 0x8b]],
];

/** ": it looks like a PDF document" for known binary formats, else "". */
function binaryKind(bytes: Uint8Array): string {
  for (const [kind, signature] of magic) {
    if (signature.every((b, i) => bytes[i] === b)) return `: it looks like ${kind}`;
  }
  return '';
}

/** Reads one listed file that is not a zip; a file that cannot be read gives one problem. */
function readPlainFile(file: ArchiveFile): FileArticles {
  let changed: FileArticles['changed'];
  const result = (read: FileArticles): FileArticles => (changed === undefined ? read : { ...read, changed });
  try {
    if (file.size > maxFileBytes) {
      throw new ArticleParseError(file.path, `the file is ${formatMiB(file.size)}; Verbatim reads files up to ${formatMiB(maxFileBytes)}`);
    }
    const { bytes, size, mtimeMs } = readRegularFile(file.absolutePath, file.path, maxFileBytes);
    if (size !== file.size || Math.round(mtimeMs) !== Math.round(file.mtimeMs)) changed = { size, mtimeMs };
    if (bytes.length > maxFileBytes) {
      throw new ArticleParseError(file.path, `the file grew to more than ${formatMiB(maxFileBytes)} after the archive was listed; Verbatim reads files up to ${formatMiB(maxFileBytes)}`);
    }
    return result(parseArticleFile(file.path, bytes));
  } catch (error) {
    return result(unreadable(file, error));
  }
}

/**
 * A listed file's articles: a zip's entries, or the file's own. Synchronous: archives are read in engine
 * worker threads, where a blocking read of a small file costs a fraction of a promise round trip.
 */
export function readArticleFile(file: ArchiveFile): FileArticles {
  if (extensionOf(file.path) !== '.zip') return readPlainFile(file);
  try {
    return readZipFile(file, parseArticleFile);
  } catch (error) {
    return unreadable(file, error);
  }
}

/** The one problem of a file that cannot be read. */
function unreadable(file: ArchiveFile, error: unknown): FileArticles {
  if (error instanceof ArticleParseError) return { articles: [], problems: [{ path: file.path, reason: error.reason }] };
  const code = (error as { code?: unknown } | null)?.code;
  const reason = code === 'ENOENT' ? 'the file disappeared while the archive was being read' : `the file cannot be read (${describeFsError(error)})`;
  return { articles: [], problems: [{ path: file.path, reason }] };
}

function formatMiB(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}
