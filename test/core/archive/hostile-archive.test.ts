// Issue 14's property test: an archive of generated hostile files (deep nesting, long runs, quote floods,
// broken encodings, binary junk) beside good ones opens, the good files stay searchable, and each hostile
// file is either read (its marker word finds it) or reported with a reason. The real engine and page
// threads run (dist/), so the time budget is in play. Bounded by the test's timeout, never by a timed
// assertion; peak memory is measured by scripts/measure-hostile.mjs.
import path from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { openLibrary } from '../../../main/core/library.js';
import { hostileKindNames, writeHostileArchive } from '../../support/hostile-archive.js';
import { distDir, tempDir } from '../../support/paths.js';
import { ensureBuilt } from '../../support/run-cli.js';

beforeAll(ensureBuilt);

it.each([14, 2026])('opens a hostile archive (seed %i): good files searchable, each hostile one read or reported', async (seed) => {
  const archiveDir = tempDir();
  const { good, hostile } = writeHostileArchive(archiveDir, seed);
  expect(new Set(hostile.map((f) => f.kind))).toEqual(new Set(hostileKindNames));

  const library = await openLibrary({ archiveDir, cacheDir: tempDir(), workerScript: path.join(distDir, 'index-worker.cjs') });
  try {
    const found = async (marker: string): Promise<string[]> => (await library.search(marker, { limit: 5 })).hits.map((h) => h.path);
    const reported = new Map(library.problems.map((p) => [p.path.replace(/ \(.*\)$/, ''), p.reason]));
    for (const file of good) {
      expect(reported.get(file.path), file.path).toBeUndefined();
      expect(await found(file.marker ?? ''), file.kind).toEqual([file.path]);
    }
    for (const file of hostile) {
      const reason = reported.get(file.path);
      if (reason !== undefined) expect(reason, file.path).toMatch(/\w{3}/);
      else expect(file.marker === null ? [] : await found(file.marker), `${file.kind}: ${file.path} is neither read nor reported`).toEqual([file.path]);
    }
  } finally {
    await library.close({ finishQuotes: false });
  }
}, 120_000);
