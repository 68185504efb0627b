// The folder walk of a one-shot command, in a thread of its own: the command's thread reads the index caches
// meanwhile (library/open-archive.ts, issue 19). Bundled as dist/walk-worker.cjs: it holds the walk alone, so
// the thread starts in a few milliseconds. Posts the listing, or the walk's error.

import { parentPort, workerData } from 'node:worker_threads';
import { walkArchive } from './walk-archive.js';
import type { WalkMessage } from './walk-in-thread.js';

const post = (message: WalkMessage): void => parentPort?.postMessage(message);

walkArchive(String(workerData)).then(
  (listing) => post({ listing }),
  (error: unknown) => post({ error: error instanceof Error ? error.message : String(error) }),
);
