// A PDF's article, read in the page thread (pdf-text.ts) within its time budget and a page limit that a
// user can set (VERBATIM_PDF_PAGES), so that one 2,000-page report costs at most its limit.

import { ArticleParseError } from '../errors.js';
import type { ParsedFile } from './article-draft.js';
import type { PageReader } from './page-reader.js';
import { defaultPageReader } from './read-saved-page.js';

/**
 * The most pages read of one PDF: `VERBATIM_PDF_PAGES` (read by every entry point and inherited by engine
 * threads), else 200. An e-paper issue is 20-100 pages; `npm run bench` measured 9-11 pages a second (one-page
 * PDFs, on 2 cores shared with a load of 20), so 200 pages stay well within the thread's time (`fileTimeoutMs`).
 */
export const pdfPageLimit = pagesFromEnvironment(process.env['VERBATIM_PDF_PAGES']) ?? 200;

function pagesFromEnvironment(value: string | undefined): number | undefined {
  return value !== undefined && /^[1-9]\d*$/.test(value) ? Number(value) : undefined;
}

/**
 * The article of the PDF `bytes` at `path`, with a problem when pages were left out; throws
 * `ArticleParseError` when it has none (encrypted, damaged, a scan without text).
 */
export function readPdf(path: string, bytes: Uint8Array, reader: PageReader | null = defaultPageReader()): ParsedFile {
  if (reader === null) throw new ArticleParseError(path, 'PDFs are read in a thread of their own, and this build has none (dist/page-worker.cjs)');
  const { draft, problems } = reader.ask({ kind: 'pdf', path, bytes, maxPages: pdfPageLimit });
  return { articles: [{ draft, position: 0 }], problems: problems.map((reason) => ({ where: '', reason })) };
}
