// Saved pages read in a thread that can be stopped: a page Readability takes longer than the time budget
// over (issue 14: 2,000 nested <div>s took 50 s, 10,000 never finished) is abandoned and reported, the
// thread is terminated, and the next page gets a fresh one. Archives are read synchronously in engine
// threads, so the wait is synchronous too: Atomics.wait on a shared signal, then the reply taken from the
// port with receiveMessageOnPort.

import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import { ArticleParseError } from '../errors.js';
import type { ArticleDraft } from './article-draft.js';

/** A page taking longer than this is skipped: the nested page of issue 14 is flattened long before. */
export const pageTimeoutMs = 5000;

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

export interface PageRequest {
  path: string;
  html: string;
}

export type PageReply = { ok: true; drafts: ArticleDraft[] } | { ok: false; reason: string };

interface PageThread {
  worker: Worker;
  port: MessagePort;
  signal: Int32Array;
}

/** Reads saved pages in a thread started from `script` (dist/page-worker.cjs), each within `timeoutMs`. */
export class PageReader {
  private thread: PageThread | null = null;
  private idle: NodeJS.Timeout | null = null;

  constructor(
    private readonly script: string,
    private readonly timeoutMs = pageTimeoutMs,
  ) {}

  /**
   * The articles of the page `html` at `path`, as `parseHtml` reads them; throws `ArticleParseError` when
   * the page has none, or took longer than the time budget (then the thread is replaced).
   */
  parse(path: string, html: string): ArticleDraft[] {
    if (this.idle !== null) clearTimeout(this.idle);
    const thread = this.thread ?? this.start(path);
    Atomics.store(thread.signal, 0, 0);
    thread.port.postMessage({ path, html } satisfies PageRequest);
    const waited = Atomics.wait(thread.signal, 0, 0, this.timeoutMs);
    const reply = waited === 'timed-out' ? undefined : (receiveMessageOnPort(thread.port)?.message as PageReply | undefined);
    if (reply === undefined) {
      this.stop();
      throw new ArticleParseError(path, `took longer than ${this.timeoutMs / 1000} s to read: skipped`);
    }
    this.idle = setTimeout(() => this.stop(), idleMs).unref();
    if (!reply.ok) throw new ArticleParseError(path, reply.reason);
    return reply.drafts;
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
    if (Atomics.wait(signal, 0, 0, startTimeoutMs) === 'timed-out') {
      void worker.terminate();
      port1.close();
      throw new ArticleParseError(path, `the page reader did not start within ${startTimeoutMs / 1000} s: skipped`);
    }
    this.thread = { worker, port: port1, signal };
    return this.thread;
  }
}
