// Saved pages, PDFs and zips read in a thread that can be stopped (PDFs and zips because pdfjs and yauzl
// are asynchronous, and engine threads read synchronously): a page Readability takes longer than the time budget
// over (issue 14: 2,000 nested <div>s took 50 s, 10,000 never finished) is abandoned and reported, the
// thread is terminated, and the next page gets a fresh one. Archives are read synchronously in engine
// threads, so the wait is synchronous too: Atomics.wait on a shared signal, then the reply taken from the
// port with receiveMessageOnPort.
//
// The budget is processor time, not the clock's: engine threads (and so page threads) run below normal
// priority, and on a busy machine (2 cores, load 12) an ordinary BBC page waited more than 5 s for the
// processor. Node 20 cannot measure one thread's time, so the process's is counted: the page thread's
// and whatever other engines did meanwhile. With every core busy that runs as many times faster as there are
// cores, so the process may spend the budget once per core: a page is never cut for the others' work.

import { availableParallelism } from 'node:os';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import { ArticleParseError } from '../errors.js';
import type { ArticleDraft } from './article-draft.js';
import type { PdfText } from './pdf-text.js';
import type { ZipBatch } from './zip-entries.js';

/** A page taking more processor time than this is skipped: the nested page of issue 14 is flattened long before. */
export const pageTimeoutMs = 5000;

/** However starved of the processor, a page is given up after this many times its budget on the clock. */
const clockFactor = 12;

/** How often a waiting read looks at the processor time used. */
const checkEveryMs = 50;

/** How long a fresh thread may take to load linkedom and Readability (~0.1 s; far more on a busy machine). */
const startTimeoutMs = 30_000;

/** An idle thread is ended after this long: it holds linkedom's and Readability's code (~30 MB). */
const idleMs = 5000;

/**
 * A page's heap: a page within the element budget (read-saved-page.ts) needs far less. One that needs
 * more ends its thread, and is reported when its time is up.
 */
const pageHeapMb = 1024;

/** What a page thread is given at start. */
export interface PageWorkerData {
  port: MessagePort;
  /** Element 0 becomes 1 when the thread is ready, and again when a reply is posted. */
  signal: Int32Array;
}

/** What the thread is asked: a saved page, a PDF's text, or a batch of a zip's entries (zip-entries.ts). */
export type PageRequest =
  | { kind: 'page'; path: string; html: string }
  | { kind: 'pdf'; path: string; bytes: Uint8Array; maxPages: number }
  | { kind: 'zip'; path: string; fsPath: string | Uint8Array; from: number };

/** The answer to each kind of request. */
export interface PageAnswers {
  page: ArticleDraft[];
  pdf: PdfText;
  zip: ZipBatch;
}

export type PageReply<K extends PageRequest['kind'] = PageRequest['kind']> = { ok: true; value: PageAnswers[K] } | { ok: false; reason: string };

/**
 * The processor time a PDF or a batch of a zip may take: a PDF is read up to its page limit (200 by default,
 * ~20 s at the 9-11 pages a second `npm run bench` measured on a loaded machine), a batch unpacks at most 32 MB.
 */
export const fileTimeoutMs = 60_000;

interface PageThread {
  worker: Worker;
  port: MessagePort;
  signal: Int32Array;
}

/** Reads saved pages (each within `timeoutMs`), PDFs and zips in a thread started from `script` (dist/page-worker.cjs). */
export class PageReader {
  private thread: PageThread | null = null;
  private idle: NodeJS.Timeout | null = null;

  constructor(
    private readonly script: string,
    private readonly timeoutMs = pageTimeoutMs,
  ) {}

  /**
   * The articles of the page `html` at `path`, as `parseHtml` reads them; throws `ArticleParseError` when
   * the page has none, or took more than the time budget (then the thread is replaced).
   */
  parse(path: string, html: string): ArticleDraft[] {
    return this.ask({ kind: 'page', path, html });
  }

  /**
   * The thread's answer to `request` (a page within this reader's budget, a PDF or a zip batch within
   * `fileTimeoutMs`); throws `ArticleParseError` with the thread's reason, or when the time is up (then
   * the thread is replaced).
   */
  ask<K extends PageRequest['kind']>(request: PageRequest & { kind: K }): PageAnswers[K] {
    if (this.idle !== null) clearTimeout(this.idle);
    const thread = this.thread ?? this.start(request.path);
    const timeoutMs = request.kind === 'page' ? this.timeoutMs : Math.max(this.timeoutMs, fileTimeoutMs);
    Atomics.store(thread.signal, 0, 0);
    thread.port.postMessage(request);
    const reply = this.waitForReply(thread, timeoutMs) ? (receiveMessageOnPort(thread.port)?.message as PageReply<K> | undefined) : undefined;
    if (reply === undefined) {
      this.stop();
      throw new ArticleParseError(request.path, `took more than ${timeoutMs / 1000} s of processor time to read: skipped`);
    }
    this.idle = setTimeout(() => this.stop(), idleMs).unref();
    if (!reply.ok) throw new ArticleParseError(request.path, reply.reason);
    return reply.value;
  }

  /** Waits for the thread's reply: true when it came within `timeoutMs` (see the header). */
  private waitForReply(thread: PageThread, timeoutMs: number): boolean {
    const processorAtStart = process.cpuUsage();
    const processorBudgetMs = timeoutMs * availableParallelism();
    const giveUpAt = performance.now() + timeoutMs * clockFactor;
    for (;;) {
      Atomics.wait(thread.signal, 0, 0, checkEveryMs);
      // The signal, not the wake-up: the notify of the previous reply can come late, after its signal was
      // seen and this request sent (it did, once in 300 pages on a busy machine).
      if (Atomics.load(thread.signal, 0) !== 0) return true;
      const used = process.cpuUsage(processorAtStart);
      if ((used.user + used.system) / 1000 >= processorBudgetMs || performance.now() >= giveUpAt) return false;
    }
  }

  /** Ends the thread (a new one starts with the next page). */
  stop(): void {
    if (this.idle !== null) clearTimeout(this.idle);
    this.idle = null;
    if (this.thread === null) return;
    void this.thread.worker.terminate();
    this.thread.port.close();
    this.thread = null;
  }

  private start(path: string): PageThread {
    const { port1, port2 } = new MessageChannel();
    const signal = new Int32Array(new SharedArrayBuffer(4));
    const worker = new Worker(this.script, {
      workerData: { port: port2, signal } satisfies PageWorkerData,
      transferList: [port2],
      resourceLimits: { maxOldGenerationSizeMb: pageHeapMb },
    });
    // A thread that dies (out of memory) sends an error event, which unheard would end this thread too;
    // its page is reported when its time is up.
    worker.on('error', () => undefined);
    // Neither keeps a command from exiting: the thread only ever works while a read waits for it.
    worker.unref();
    port1.unref();
    Atomics.wait(signal, 0, 0, startTimeoutMs);
    if (Atomics.load(signal, 0) === 0) {
      void worker.terminate();
      port1.close();
      throw new ArticleParseError(path, `the page reader did not start within ${startTimeoutMs / 1000} s: skipped`);
    }
    this.thread = { worker, port: port1, signal };
    return this.thread;
  }
}
