// Worker-thread entry (bundled to dist/index-worker.cjs): one search engine holding some of the archive's
// shards. It speaks the engine protocol (engine-protocol.ts): an `EngineMessage` in, `WorkerMessage`s out.

import os from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { toErrorValue } from '../errors.js';
import { handleEngineRequest, type EngineMessage, type WorkerMessage } from './engine-protocol.js';
import { ShardEngine } from './shard-engine.js';
import { loadReaders } from '../index/build-library-data.js';
import { closeCacheFiles } from '../index/stored-records.js';

/** What the library tells each worker it starts (its `workerData`). */
export interface WorkerSettings {
  /** Whether the engine prepares in the background what requests would make on first use (see `EngineHooks.warmAhead`). */
  warmAhead: boolean;
}

/** Progress goes out in batches: a message per file cost the main thread as much as the reading. */
const progressBatch = 25;

/**
 * Engines run below normal priority, as desktop indexers do: on 2 cores, two engines indexing at full
 * priority kept the main thread (the window, the CLI's progress) waiting for a time slice for up to 90 ms.
 * Only on Linux, where the priority of pid 0 is the calling thread's; elsewhere it would be the whole app's.
 */
function lowerPriority(): void {
  if (process.platform !== 'linux') return;
  try {
    os.setPriority(0, os.constants.priority.PRIORITY_BELOW_NORMAL);
  } catch {
    // Not permitted (some containers): the engine runs at normal priority.
  }
}

const port = parentPort;
if (port) {
  lowerPriority();
  // The readers of article files are a bundle of their own (scripts/build.mjs), which a one-shot command on a
  // warm cache never loads. A worker loads it as it starts, while the main thread walks the folder: loaded at
  // the first file read instead, it added ~120 ms to a cold open of BBC (issue 19).
  setImmediate(loadReaders);
  const post = (message: WorkerMessage): void => port.postMessage(message);
  let unreported = 0;
  const flushProgress = (): void => {
    if (unreported > 0) post({ type: 'progress', files: unreported });
    unreported = 0;
  };
  const engine = new ShardEngine({
    fileRead: () => {
      unreported += 1;
      if (unreported >= progressBatch) flushProgress();
    },
    quotesReady: (ready) => post({ type: 'quotes', ready }),
    notice: (message) => post({ type: 'notice', message }),
    warmAhead: (workerData as Partial<WorkerSettings> | null)?.warmAhead !== false,
  });
  // One request at a time, in order: opening and updating must finish before the next search. The engine's
  // background work (quotes, cache writes) runs between them.
  let queue: Promise<void> = Promise.resolve();
  port.on('message', (message: EngineMessage) => {
    queue = queue.then(async () => {
      try {
        const value = await handleEngineRequest(engine, message.request);
        flushProgress();
        // The last request before the pool ends this thread: its cache files close now (a thread's end does not close them).
        if (message.request.type === 'save' && message.request.ending === true) closeCacheFiles();
        post({ id: message.id, ok: true, value });
      } catch (error) {
        flushProgress();
        post({ id: message.id, ok: false, error: toErrorValue(error) });
      }
    });
  });
}
