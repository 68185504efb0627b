// Worker-thread entry: builds an archive's library data off the main thread and posts it back.
// Messages out: { type: 'progress', done, total } ... then { type: 'done', data } or { type: 'error', message }.

import { parentPort, workerData } from 'node:worker_threads';
import type { ArchiveFile } from '../archive/walk-archive.js';
import type { ImportProblem } from '../model.js';
import { buildLibraryData, type FileRecord } from './build-library-data.js';

/** What the worker is started with. */
export interface IndexWorkerInput {
  files: ArchiveFile[];
  problems: ImportProblem[];
  /** Records of a previous build; unchanged files are not read again. */
  previous: FileRecord[];
}

const port = parentPort;
if (port) {
  const input = workerData as IndexWorkerInput;
  buildLibraryData(input.files, input.problems, (p) => port.postMessage({ type: 'progress', ...p }), input.previous)
    .then((data) => port.postMessage({ type: 'done', data }))
    .catch((error: unknown) => {
      port.postMessage({ type: 'error', message: error instanceof Error ? error.message : String(error) });
    });
}
