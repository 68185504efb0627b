// The text of a PDF with pdfjs-dist (its legacy build, made for Node): lines in the order the document
// draws them, paragraphs where the line spacing opens up, words hyphenated at line ends joined again, the
// headline from the document's title or its first heading. Runs in the page thread (page-worker.ts).

import type * as PdfjsModule from 'pdfjs-dist/legacy/build/pdf.mjs';
import { emptyDraft, type ArticleDraft } from './article-draft.js';
import { normalizeParagraphs } from './paragraphs.js';

/** What the reader needs besides the bytes: pdfjs's font data, and how many pages to read at most. */
export interface PdfOptions {
  /** The folders of pdfjs's CMaps and standard fonts (ending in `/`): CJK and Cyrillic text needs them. */
  cMapUrl: string;
  standardFontDataUrl: string;
  maxPages: number;
}

/** A PDF's article, and what was left out of it (pages past the limit). */
export interface PdfText {
  draft: ArticleDraft;
  problems: string[];
}

/** Thrown for a PDF with no article in it; the reason is the user's. */
export class PdfError extends Error {}

/** One line of text as drawn: its text, left edge, baseline and font size. */
interface Line {
  text: string;
  x: number;
  y: number;
  size: number;
}

/** A line within this many of its font sizes below the last one continues its paragraph (1.2 is single spacing). */
const paragraphGap = 1.6;

/** A line this many times the body's font size or larger is a heading. */
const headingScale = 1.3;

/** Document titles that are no headline: what a producer writes when no one set one. */
const placeholderTitle = /^(untitled|microsoft word - .*|document\d*|.*\.(docx?|pdf|rtf|odt|indd))$/i;

/**
 * The article of the PDF `bytes`; throws `PdfError` when it is encrypted, not a PDF, or has no text layer
 * (a scan: Verbatim does not run OCR). Every document is destroyed, read or not.
 */
export async function extractPdfText(bytes: Uint8Array, options: PdfOptions): Promise<PdfText> {
  const pdfjs = await loadPdfjs();
  const task = pdfjs.getDocument({ data: bytes, cMapUrl: options.cMapUrl, cMapPacked: true, standardFontDataUrl: options.standardFontDataUrl, isEvalSupported: false, useSystemFonts: false, disableFontFace: true, verbosity: 0 });
  try {
    const document = await task.promise.catch((error: unknown) => {
      const name = (error as { name?: unknown } | null)?.name;
      if (name === 'PasswordException') throw new PdfError('the PDF is encrypted with a password: Verbatim cannot read it');
      if (name === 'InvalidPDFException') throw new PdfError('not a readable PDF (the file is damaged or not a PDF)');
      throw new PdfError(`the PDF cannot be read (${error instanceof Error ? error.message : String(error)})`);
    });
    const pages = Math.min(document.numPages, options.maxPages);
    const lines: Line[][] = [];
    for (let number = 1; number <= pages; number += 1) {
      const page = await document.getPage(number);
      const content = await page.getTextContent();
      lines.push(pageLines(content.items));
      page.cleanup();
    }
    const info = (await document.getMetadata()).info as { Title?: unknown } | undefined;
    const problems = document.numPages > pages ? [`only the first ${pages.toLocaleString('en')} of its ${document.numPages.toLocaleString('en')} pages are read (VERBATIM_PDF_PAGES)`] : [];
    return { draft: draftOf(lines, typeof info?.Title === 'string' ? info.Title : ''), problems };
  } finally {
    await task.destroy();
  }
}

type Pdfjs = typeof PdfjsModule;
let pdfjsModule: Promise<Pdfjs> | undefined;

/**
 * pdfjs, loaded on the first PDF (it is large), with its worker's code run in this thread: this thread is
 * already off the engine's, and a bundle has no worker file to start.
 */
function loadPdfjs(): Promise<Pdfjs> {
  pdfjsModule ??= (async () => {
    // pdfjs warns on load about the canvas it does not need for text; a command's output must stay clean.
    const log = console.log;
    console.log = () => undefined;
    try {
      const worker = await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
      (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;
      return await import('pdfjs-dist/legacy/build/pdf.mjs');
    } finally {
      console.log = log;
    }
  })();
  return pdfjsModule;
}

/** A page's text items joined into lines (pdfjs marks a line's end with `hasEOL`). */
function pageLines(items: readonly unknown[]): Line[] {
  const lines: Line[] = [];
  let current: Line | null = null;
  for (const item of items) {
    if (typeof item !== 'object' || item === null || !('str' in item)) continue;
    const { str, hasEOL, transform } = item as { str: string; hasEOL: boolean; transform: number[] };
    if (str !== '') {
      const size = Math.hypot(transform[2] ?? 0, transform[3] ?? 0);
      if (current === null) current = { text: str, x: transform[4] ?? 0, y: transform[5] ?? 0, size };
      else current.text += str;
    }
    if (hasEOL && current !== null) {
      lines.push(current);
      current = null;
    }
  }
  if (current !== null) lines.push(current);
  return lines.filter((line) => line.text.trim() !== '');
}

/** The article: the headline, then paragraphs rebuilt from the lines of every page. */
function draftOf(pages: readonly Line[][], documentTitle: string): ArticleDraft {
  const all = pages.flat();
  if (all.length === 0) throw new PdfError('the PDF has no text layer (a scanned image?): Verbatim does not run OCR');
  const bodySize = commonSize(all);
  const first = pages.find((page) => page.length > 0) ?? [];
  let headingLines = 0;
  while (headingLines < first.length && (first[headingLines]?.size ?? 0) >= bodySize * headingScale) headingLines += 1;
  const heading = first.slice(0, headingLines).map((l) => l.text.trim()).join(' ');
  const stated = documentTitle.trim();
  const title = stated !== '' && !placeholderTitle.test(stated) ? stated : heading;
  const paragraphs: string[] = [];
  let text = '';
  let previous: Line | null = null;
  for (const [p, page] of pages.entries()) {
    const lines = p === pages.indexOf(first) ? page.slice(headingLines) : page;
    for (const line of lines) {
      // A line further below the last than the spacing allows starts a paragraph; a line above it (the next
      // column, the next page) continues the sentence.
      const gap = previous === null ? 0 : previous.y - line.y;
      if (previous !== null && gap > paragraphGap * Math.max(previous.size, line.size)) {
        paragraphs.push(text);
        text = '';
      }
      text = joinLine(text, line.text);
      previous = line;
    }
  }
  paragraphs.push(text);
  const body = normalizeParagraphs(paragraphs.join('\n\n'));
  return emptyDraft(title !== '' ? title : (body.split('\n')[0] ?? '').slice(0, 120), body);
}

/**
 * `text` continued by the next line: a word hyphenated at the line's end ("govern-" "ment") is joined
 * again, a soft hyphen dropped; otherwise one space. A hyphen before a capital or a digit stays ("Anglo-"
 * "French": the hyphen was the word's).
 */
export function joinLine(text: string, line: string): string {
  const next = line.trim();
  if (text === '') return next;
  if (text.endsWith('\u00AD')) return text.slice(0, -1) + next;
  // Chromium and typesetters draw a break's hyphen as U+2010 HYPHEN, others as the ASCII one.
  if (/\p{L}[-\u2010]$/u.test(text) && /^\p{Ll}/u.test(next)) return text.slice(0, -1) + next;
  return /[\s\u2010-]$/u.test(text) ? text + next : `${text} ${next}`;
}

/** The font size most of the text is set in. */
function commonSize(lines: readonly Line[]): number {
  const chars = new Map<number, number>();
  for (const line of lines) {
    const size = Math.round(line.size * 2) / 2;
    chars.set(size, (chars.get(size) ?? 0) + line.text.length);
  }
  let best = 0;
  let most = -1;
  for (const [size, count] of chars) if (count > most) [best, most] = [size, count];
  return best;
}
