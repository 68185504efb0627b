import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { EnginePool } from '../../../main/core/engine/engine-pool.js';
import type { ShardSpec } from '../../../main/core/engine/shard-engine.js';
import { repoRoot, tempDir } from '../../support/paths.js';

const flakyWorker = path.join(repoRoot, 'test', 'fixtures', 'engine', 'flaky-worker.cjs');
let pool: EnginePool | null = null;

afterEach(async () => {
  await pool?.close({ finishQuotes: false });
  pool = null;
});

function start(): { pool: EnginePool; log: () => string[]; notices: string[] } {
  const dir = tempDir();
  const logFile = path.join(dir, 'log');
  const notices: string[] = [];
  pool = new EnginePool({
    workerScript: flakyWorker,
    workerData: { log: logFile, crashed: path.join(dir, 'crashed') },
    count: 1,
    onFilesRead: () => undefined,
    onNotice: (m) => notices.push(m),
  });
  const log = (): string[] => readFileSync(logFile, 'utf8').trim().split('\n');
  return { pool, log, notices };
}

const shard: ShardSpec = { shard: 0, files: [], walkProblems: [], cacheFile: '/nonexistent/shard.cache', fingerprint: 'x' };
const search = (query: string) => ({ type: 'search', query, limit: 5, sort: 'relevance' }) as const;

describe('an engine worker that dies', () => {
  it('answers the request that killed it with an error, is restarted with its shards, and answers again', async () => {
    const { pool, log, notices } = start();
    const engine = pool.engineFor(0);
    await engine.request({ type: 'open', shards: [shard] });
    await engine.request({ type: 'hide', ids: ['a'] });
    await expect(engine.request(search('crash'))).rejects.toMatchObject({ code: 'engine-restarted' });
    await expect(engine.request(search('after'))).resolves.toEqual({ echo: 'search' });
    expect(log()).toEqual(['open', 'hide', 'search:crash', 'open', 'hide', 'search:after']);
    expect(notices.join('\n')).toMatch(/stopped \(exit code 3\); it is being restarted/);
  });

  it('stops a request that runs too long and restarts the worker', async () => {
    const { pool, log } = start();
    const engine = pool.engineFor(0);
    await engine.request({ type: 'open', shards: [shard] });
    await expect(engine.request(search('hang'), 300)).rejects.toMatchObject({ code: 'timeout' });
    await expect(engine.request(search('after'))).resolves.toEqual({ echo: 'search' });
    expect(log()).toEqual(['open', 'search:hang', 'open', 'search:after']);
  });
});
