// `walkArchive` in a thread of its own (archive/walk-worker.ts): a one-shot command's thread reads the index
// caches while the folder is walked, on another core (issue 19: at 10x BBC the walk was 180 ms of a 1.2 s
// search, and the caches' reading 450 ms).

import { Worker } from 'node:worker_threads';
import type { ArchiveListing, FsPath } from './walk-archive.js';

/** What the walk's thread posts. */
export type WalkMessage = { listing: ArchiveListing } | { error: string };

/**
 * The listing of `archiveDir` as `walkArchive` makes it, walked in a thread running `script` (the bundled
 * walk-worker.cjs). Rejects when the thread cannot start or its walk fails: the caller walks in its own thread then.
 */
export function walkInThread(script: string, archiveDir: string): Promise<ArchiveListing> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(script, { workerData: archiveDir });
    worker.once('message', (message: WalkMessage) => {
      void worker.terminate();
      if ('listing' in message) resolve(asBuffers(message.listing));
      else reject(new Error(message.error));
    });
    worker.once('error', reject);
    // After the message, this changes nothing (the promise is settled).
    worker.once('exit', (code) => reject(new Error(`the walk's thread ended (exit code ${code})`)));
  });
}

/**
 * `listing` with the paths that were Buffers (names that are not valid UTF-8) Buffers again, as a walk in
 * this thread gives them: a thread's message turns them into Uint8Arrays.
 */
function asBuffers(listing: ArchiveListing): ArchiveListing {
  const buffer = (p: FsPath | Uint8Array): FsPath => (typeof p === 'string' || Buffer.isBuffer(p) ? p : Buffer.from(p.buffer, p.byteOffset, p.byteLength));
  for (const file of listing.files) if (typeof file.absolutePath !== 'string') file.absolutePath = buffer(file.absolutePath);
  return { ...listing, folders: listing.folders.map(buffer) };
}
