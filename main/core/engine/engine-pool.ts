// The main thread's side of the engines: one worker thread per core, each holding some shards. A worker
// that dies (out of memory, a runaway query) is restarted from the cache and the request that killed it
// is answered with an error; the app itself never goes down with it.

import { Worker } from 'node:worker_threads';
import type { Correction } from '../../contract/model.js';
import { fromErrorValue, toErrorValue, VerbatimError } from '../errors.js';
import { engineHeapMb } from './engine-heap.js';
import { handleEngineRequest, type EngineMessage, type EngineMethod, type EngineReply, type EngineRequest, type WorkerMessage } from './engine-protocol.js';
import { ShardEngine, type QuotesReady, type ShardSpec } from './shard-engine.js';

/** A search, article or quote request that takes longer than this stops its worker, which is restarted. */
export const requestTimeoutMs = 30_000;
/** How long closing waits for caches being written (a 50x archive writes ~700 MB). */
const saveTimeoutMs = 120_000;

/** What engines report besides their answers. */
export interface PoolEvents {
  /** Told how many more files the engines have read. */
  onFilesRead: (count: number) => void;
  onNotice: (message: string) => void;
  /** A shard opened with `quotesPending` has all its quotes now. */
  onQuotesReady?: (ready: QuotesReady) => void;
  /** An engine was restarted from the cache: what it was told since its open (the archive's people) is gone. */
  onRestarted?: () => void;
}

/** One engine, as the main thread sees it: each request is answered with its method's reply type. */
export interface Engine {
  request<M extends EngineMethod>(request: EngineRequest<M>, timeoutMs?: number): Promise<EngineReply<M>>;
  terminate(): Promise<void>;
}

/** An engine in a worker thread, restarted when it dies. */
class WorkerEngine implements Engine {
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (value: EngineReply<EngineMethod>) => void; reject: (e: Error) => void; timer: NodeJS.Timeout | null }>();
  private stopped = false;
  /** What a restarted worker must be given again: the corrections, its shards and the hidden ids. */
  private shards: ShardSpec[] = [];
  private hidden: string[] = [];
  private corrections: Correction[] = [];
  private restarting: Promise<void> | null = null;

  constructor(
    private readonly script: string,
    private readonly events: PoolEvents,
    private readonly workerData: unknown,
    /** Its heap cap, MB (see engine-heap.ts). */
    private readonly heapMb: number,
  ) {}

  private spawn(): Worker {
    const worker = new Worker(this.script, { workerData: this.workerData, resourceLimits: { maxOldGenerationSizeMb: this.heapMb } });
    worker.on('message', (reply: WorkerMessage) => {
      if ('type' in reply) {
        if (reply.type === 'progress') this.events.onFilesRead(reply.files);
        else if (reply.type === 'quotes') this.events.onQuotesReady?.(reply.ready);
        else this.events.onNotice(reply.message);
        return;
      }
      const waiting = this.pending.get(reply.id);
      if (!waiting) return;
      this.pending.delete(reply.id);
      if (waiting.timer) clearTimeout(waiting.timer);
      if (reply.ok) waiting.resolve(reply.value);
      else waiting.reject(fromErrorValue(reply.error));
    });
    const died = (why: string): void => this.retire(worker, why);
    worker.on('error', (error) => died(/heap|memory/i.test(error.message) ? 'out of memory' : error.message));
    worker.on('exit', (code) => died(`exit code ${code}`));
    return worker;
  }

  /** Forgets `worker` (if it is still the current one), fails what it had pending, and starts a new one. */
  private retire(worker: Worker, why: string): void {
    if (this.worker !== worker) return;
    this.worker = null;
    this.failAll(new VerbatimError('engine-restarted', `The search engine stopped (${why}) and is being restarted; try again.`));
    if (!this.stopped && this.shards.length > 0) {
      this.events.onNotice(`The search engine stopped (${why}); it is being restarted from the cache.`);
      // Failures of the restore reach the next request; nothing else waits on this promise.
      this.restarting = this.restore().catch(() => undefined);
    }
  }

  private async restore(): Promise<void> {
    try {
      // Before the shards, so that their quote counts are counted corrected.
      if (this.corrections.length > 0) await this.send({ type: 'corrections', corrections: this.corrections });
      await this.send({ type: 'open', shards: this.shards });
      if (this.hidden.length > 0) await this.send({ type: 'hide', ids: this.hidden });
      this.events.onRestarted?.();
    } finally {
      this.restarting = null;
    }
  }

  private failAll(error: Error): void {
    for (const [id, waiting] of this.pending) {
      if (waiting.timer) clearTimeout(waiting.timer);
      waiting.reject(error);
      this.pending.delete(id);
    }
  }

  private send<M extends EngineMethod>(request: EngineRequest<M>, timeoutMs?: number): Promise<EngineReply<M>> {
    this.worker ??= this.spawn();
    const worker = this.worker;
    const id = this.nextId++;
    return new Promise<EngineReply<M>>((resolve, reject) => {
      const timer =
        timeoutMs === undefined
          ? null
          : setTimeout(() => {
              this.pending.delete(id);
              reject(new VerbatimError('timeout', `The request took longer than ${timeoutMs / 1000} s and was stopped.`));
              // A runaway query: end the worker; a new one is started from the cache.
              this.retire(worker, 'a request ran too long');
              void worker.terminate();
            }, timeoutMs);
      // The worker answers request `id` with its method's reply (see handleEngineRequest).
      this.pending.set(id, { resolve: resolve as (value: EngineReply<EngineMethod>) => void, reject, timer });
      worker.postMessage({ id, request } satisfies EngineMessage);
    });
  }

  async request<M extends EngineMethod>(request: EngineRequest<M>, timeoutMs?: number): Promise<EngineReply<M>> {
    if (this.restarting) await this.restarting.catch(() => undefined);
    this.remember(request);
    return this.send(request, timeoutMs);
  }

  /** Keeps what a restarted worker must be given again. */
  private remember(request: EngineRequest): void {
    if (request.type === 'open') this.shards = [...this.shards.filter((s) => !request.shards.some((o) => o.shard === s.shard)), ...request.shards];
    if (request.type === 'update') this.shards = [...this.shards.filter((s) => s.shard !== request.shard.shard), request.shard];
    if (request.type === 'close') this.shards = this.shards.filter((s) => s.shard !== request.shard);
    if (request.type === 'hide') this.hidden = [...request.ids];
    if (request.type === 'corrections') this.corrections = [...request.corrections];
  }

  async terminate(): Promise<void> {
    this.stopped = true;
    this.failAll(new VerbatimError('closed', 'The archive was closed.'));
    await this.worker?.terminate();
    this.worker = null;
  }
}

/** An engine in this thread (tests, hosts without the bundled worker script, a one-shot command on a warm cache). */
class InProcessEngine implements Engine {
  private readonly engine: ShardEngine;

  constructor(private readonly events: PoolEvents) {
    this.engine = new ShardEngine({
      fileRead: () => events.onFilesRead(1),
      quotesReady: (ready) => events.onQuotesReady?.(ready),
      notice: (message) => events.onNotice(message),
    });
  }

  async request<M extends EngineMethod>(request: EngineRequest<M>): Promise<EngineReply<M>> {
    try {
      const value = await handleEngineRequest(this.engine, request);
      // In this thread, quotes and caches are done before the next request rather than in the background.
      if (request.type === 'open' || request.type === 'update') for (const notice of await this.engine.save()) this.events.onNotice(notice);
      return value;
    } catch (error) {
      // The same typed errors as across a thread boundary.
      throw fromErrorValue(toErrorValue(error));
    }
  }

  async terminate(): Promise<void> {
    // Nothing runs in the background.
  }
}

/** The engines of one archive. */
export class EnginePool {
  readonly engines: Engine[];
  private readonly onNotice: (message: string) => void;

  /**
   * `workerScript` runs each engine in a worker thread (given `workerData`); without it, the engines run in
   * this thread, one request after another.
   */
  constructor(options: PoolEvents & { workerScript?: string | undefined; workerData?: unknown; count: number }) {
    const count = Math.max(1, options.count);
    const heapMb = engineHeapMb(count);
    this.onNotice = options.onNotice;
    this.engines = Array.from({ length: count }, () =>
      options.workerScript ? new WorkerEngine(options.workerScript, options, options.workerData, heapMb) : new InProcessEngine(options),
    );
  }

  /** The engine that serves `shard`. */
  engineFor(shard: number): Engine {
    return this.engines[shard % this.engines.length] as Engine;
  }

  /** Sends `request` to every engine; answers in engine order. */
  broadcast<M extends EngineMethod>(request: EngineRequest<M>, timeoutMs?: number): Promise<EngineReply<M>[]> {
    return Promise.all(this.engines.map((engine) => engine.request(request, timeoutMs)));
  }

  /**
   * Ends the engines, once the caches they are writing are saved; with `finishQuotes`, once every pending
   * quote is extracted and saved too.
   */
  async close(options: { finishQuotes: boolean }): Promise<void> {
    const unsaved = await this.broadcast({ type: 'save', finishQuotes: options.finishQuotes, ending: true }, saveTimeoutMs).catch(() => []);
    // A cache that could not be written is told, as it is when written in the background.
    for (const notice of unsaved.flat()) this.onNotice(notice);
    await Promise.all(this.engines.map((engine) => engine.terminate()));
  }
}
