// A saved page, within its budgets (issue 14): past the element budget it is read as plain text without
// Readability, whose cost grows steeply with nesting; within it, Readability runs in a thread that is
// stopped when the page takes longer than its time budget (page-reader.ts).

import { existsSync } from 'node:fs';
import path from 'node:path';
import { ArticleParseError } from '../errors.js';
import { emptyDraft, type ArticleDraft, type ParsedFile } from './article-draft.js';
import { flattenHtml } from './flatten-html.js';
import { measureHtml, pageLimits, type HtmlShape } from './html-scan.js';
import { PageReader } from './page-reader.js';
import { parseHtml } from './parse-html.js';
import { normalizeParagraphs } from './paragraphs.js';

/**
 * The article of a saved page, and a problem when a budget was hit: a page past `pageLimits` is read as
 * its title and paragraphs (flatten-html.ts). `reader` runs Readability in a thread it can stop; without
 * one (tests that run the sources, where no bundled page-worker.cjs exists) it runs here.
 */
export function readSavedPage(file: string, html: string, reader: PageReader | null = defaultPageReader()): ParsedFile {
  const shape = measureHtml(html, pageLimits);
  const over = overLimit(shape);
  if (over === null) {
    const drafts = reader === null ? parseHtml(file, html) : reader.parse(file, html);
    return { articles: drafts.map((draft, position) => ({ draft, position })), problems: [] };
  }
  const { title, paragraphs } = flattenHtml(html);
  if (title === '' && paragraphs.length === 0) throw new ArticleParseError(file, `the page has no readable text (${over})`);
  const draft: ArticleDraft = emptyDraft(title, normalizeParagraphs(paragraphs.join('\n\n')));
  return { articles: [{ draft, position: 0 }], problems: [{ where: '', reason: `${over}: read as plain text, without finding the article in it` }] };
}

/** What budget `shape` is over, in words, or null. */
function overLimit(shape: HtmlShape): string | null {
  if (shape.depth > pageLimits.depth) return `the page nests elements more than ${pageLimits.depth} deep`;
  if (shape.elements > pageLimits.elements) return `the page has more than ${pageLimits.elements.toLocaleString('en')} elements`;
  return null;
}

/**
 * The page reader of this thread: one per engine thread, started with the first page it reads, from the
 * page-worker.cjs bundled beside this code (dist/); null when there is none (the sources run in tests).
 */
export function defaultPageReader(): PageReader | null {
  if (sharedReader === undefined) {
    const script = typeof __dirname === 'string' ? path.join(__dirname, 'page-worker.cjs') : '';
    sharedReader = script !== '' && existsSync(script) ? new PageReader(script) : null;
  }
  return sharedReader;
}
let sharedReader: PageReader | null | undefined;
