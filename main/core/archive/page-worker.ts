// Worker-thread entry (bundled to dist/page-worker.cjs): reads saved pages with Readability, where a page
// that takes too long can be stopped (page-reader.ts terminates this thread and starts another). It answers
// one page at a time on the port it is given, and raises the shared signal when the answer is posted.

import { workerData } from 'node:worker_threads';
import { ArticleParseError } from '../errors.js';
import { parseHtml } from './parse-html.js';
import type { PageReply, PageRequest, PageWorkerData } from './page-reader.js';

const { port, signal } = workerData as PageWorkerData;

function answer(reply: PageReply | null): void {
  if (reply !== null) port.postMessage(reply);
  Atomics.store(signal, 0, 1);
  Atomics.notify(signal, 0);
}

function read({ path, html }: PageRequest): PageReply {
  try {
    return { ok: true, drafts: parseHtml(path, html) };
  } catch (error) {
    if (error instanceof ArticleParseError) return { ok: false, reason: error.reason };
    return { ok: false, reason: `the page could not be read (${error instanceof Error ? error.message : String(error)})` };
  }
}

// Ready once linkedom and Readability are loaded and have read a page: their start is not the first page's time.
read({ path: 'warm-up.html', html: '<title>Warm-up</title><p>A page read at start.</p>' });
port.on('message', (request: PageRequest) => answer(read(request)));
answer(null);
