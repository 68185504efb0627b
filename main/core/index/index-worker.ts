// Worker-thread entry (bundled to dist/index-worker.cjs): one search engine holding some of the archive's
// shards. Requests come as { id, request } and are answered as { id, ok, value | error }; file-read
// progress is posted as { type: 'progress' }.

import { parentPort } from 'node:worker_threads';
import { ShardEngine } from '../engine/shard-engine.js';
import { handleEngineRequest, serializeError, type EngineMessage } from '../engine/engine-protocol.js';

const port = parentPort;
if (port) {
  const engine = new ShardEngine(() => port.postMessage({ type: 'progress' }));
  // One request at a time, in order: opening and updating must finish before the next search.
  let queue: Promise<void> = Promise.resolve();
  port.on('message', (message: EngineMessage) => {
    queue = queue.then(async () => {
      try {
        port.postMessage({ id: message.id, ok: true, value: await handleEngineRequest(engine, message.request) });
      } catch (error) {
        port.postMessage({ id: message.id, ok: false, error: serializeError(error) });
      }
    });
  });
}
