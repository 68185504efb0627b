import { cpSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, tempDir } from '../support/paths.js';
import { ensureBuilt, runCli } from '../support/run-cli.js';

let archive: string;
let cacheDir: string;

beforeAll(() => {
  ensureBuilt();
  archive = tempDir();
  cacheDir = tempDir();
  cpSync(path.join(repoRoot, 'test', 'fixtures', 'languages'), archive, { recursive: true });
});

describe('verbatim search in Russian and Kazakh (issue 15)', () => {
  // The article has "спортсменам" and "паводка": Snowball alone stemmed "спортсмен" and "паводок" otherwise.
  it.each([['спортсмен', 'ru-flood.txt'], ['спортсмены', 'ru-flood.txt'], ['паводок', 'ru-flood.txt'], ['көпірлер', 'kk-astana.txt'], ['қаланың', 'kk-astana.txt']])(
    'finds %s in another form than the article has',
    (query, file) => {
      const run = runCli(['search', query, '--archive', archive, '--json', '--cache-dir', cacheDir]);
      expect(run.status).toBe(0);
      const reply = JSON.parse(run.stdout) as { hits: { path: string }[] };
      expect(reply.hits.map((h) => h.path)).toEqual([file]);
    },
  );
});
