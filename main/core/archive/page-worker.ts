// Worker-thread entry (bundled to dist/page-worker.cjs): reads saved pages with Readability, PDFs with pdfjs
// and zips with yauzl, where one that takes too long can be stopped (page-reader.ts terminates this thread
// and starts another). It answers one request at a time on the port it is given, and raises the shared
// signal when the answer is posted.

import path from 'node:path';
import { workerData } from 'node:worker_threads';
import { ArticleParseError } from '../errors.js';
import { parseHtml } from './parse-html.js';
import type { PageAnswers, PageReply, PageRequest, PageWorkerData } from './page-reader.js';
import { extractPdfText, PdfError } from './pdf-text.js';
import { readZipEntries, ZipError } from './zip-entries.js';

const { port, signal } = workerData as PageWorkerData;

/** pdfjs's CMaps and standard fonts, copied beside this bundle by scripts/build.mjs. */
const pdfjsData = path.join(__dirname, 'pdfjs');

function answer(reply: PageReply | null): void {
  if (reply !== null) port.postMessage(reply);
  Atomics.store(signal, 0, 1);
  Atomics.notify(signal, 0);
}

function work(request: PageRequest): PageAnswers[PageRequest['kind']] | Promise<PageAnswers[PageRequest['kind']]> {
  switch (request.kind) {
    case 'page':
      return parseHtml(request.path, request.html);
    case 'pdf':
      return extractPdfText(request.bytes, {
        cMapUrl: `${path.join(pdfjsData, 'cmaps')}${path.sep}`,
        standardFontDataUrl: `${path.join(pdfjsData, 'standard_fonts')}${path.sep}`,
        maxPages: request.maxPages,
      });
    case 'zip':
      return readZipEntries(request.fsPath, request.from);
  }
}

async function read(request: PageRequest): Promise<PageReply> {
  try {
    return { ok: true, value: await work(request) };
  } catch (error) {
    if (error instanceof ArticleParseError) return { ok: false, reason: error.reason };
    if (error instanceof PdfError || error instanceof ZipError) return { ok: false, reason: error.message };
    return { ok: false, reason: `the file could not be read (${error instanceof Error ? error.message : String(error)})` };
  }
}

// Ready once linkedom and Readability are loaded and have read a page: their start is not the first page's time.
void read({ kind: 'page', path: 'warm-up.html', html: '<title>Warm-up</title><p>A page read at start.</p>' }).then(() => {
  port.on('message', (request: PageRequest) => void read(request).then(answer));
  answer(null);
});
