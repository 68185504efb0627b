// `verbatim index` on an archive nothing changed in (issue 19): counted from the summaries its caches store,
// without starting an engine or opening a shard, and the same as an open counts it; anything a summary
// cannot tell (a damaged cache, a changed file, a correction that drops a quote) opens the archive instead.
import { appendFileSync, cpSync, existsSync, openSync, readFileSync, readdirSync, readSync, realpathSync, rmSync, utimesSync, writeSync, closeSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSavedListing, savedListingFileFor } from '../../../main/core/archive/saved-listing.js';
import { walkArchive } from '../../../main/core/archive/walk-archive.js';
import { cacheFolderFor } from '../../../main/core/index/index-cache.js';
import { indexArchive, openLibrary, type IndexedArchive, type Library, type OpenLibraryOptions } from '../../../main/core/library.js';
import { itWithCorpora } from '../../support/corpora.js';
import { bbcDir, contentDir, distDir, tempDir } from '../../support/paths.js';

/** A worker script that notes each worker it starts in `log`, then runs the real one (dist/index-worker.cjs). */
function countingWorker(dir: string, log: string): string {
  const script = path.join(dir, 'counting-worker.cjs');
  writeFileSync(script, `require('node:fs').appendFileSync(${JSON.stringify(log)}, 'worker\\n');\nrequire(${JSON.stringify(path.join(distDir, 'index-worker.cjs'))});\n`);
  return script;
}

const workersStarted = (log: string): number => (existsSync(log) ? readFileSync(log, 'utf8').split('\n').filter(Boolean).length : 0);

/** What `verbatim index` prints of an archive (its `cache` aside). */
const counts = (archive: Pick<IndexedArchive, 'articleCount' | 'quoteCount' | 'duplicates' | 'problems'>) => ({
  articles: archive.articleCount,
  quotes: archive.quoteCount,
  duplicates: archive.duplicates,
  problems: archive.problems,
});

async function indexed(options: OpenLibraryOptions): Promise<IndexedArchive> {
  const archive = await indexArchive(options);
  await archive.close();
  return archive;
}

async function opened<T>(options: OpenLibraryOptions, use: (library: Library) => Promise<T>): Promise<T> {
  const library = await openLibrary(options);
  try {
    return await use(library);
  } finally {
    await library.close();
  }
}

/** An archive copied from `from`, with worker threads that count themselves in `log`. */
function setUp(from: string): { options: OpenLibraryOptions; archiveDir: string; cacheDir: string; log: string } {
  const dir = tempDir();
  const archiveDir = path.join(dir, 'archive');
  const cacheDir = path.join(dir, 'cache');
  cpSync(from, archiveDir, { recursive: true });
  const log = path.join(dir, 'workers.log');
  return { options: { archiveDir, cacheDir, workerScript: countingWorker(dir, log), engines: 2 }, archiveDir, cacheDir, log };
}

describe('indexArchive', () => {
  itWithCorpora(
    'counts the BBC corpus from its caches without starting an engine, as an open counts it (duplicates across shards included)',
    async () => {
      const { options, log } = setUp(bbcDir);
      const built = await indexed(options);
      expect(built.cache).toBe('built');
      const started = workersStarted(log);
      expect(started).toBe(2);

      const counted = await indexed(options);
      expect(counted.cache).toBe('loaded');
      expect(workersStarted(log)).toBe(started);
      expect(counts(counted)).toEqual(counts(built));
      expect(counted.articleCount).toBe(2127);
      expect(counted.duplicates).toHaveLength(98);
      // More than one shard, so the summaries' duplicates are found across shards as an open finds them.
      expect(readdirSync(path.join(options.cacheDir, readdirSync(options.cacheDir)[0] ?? '')).filter((n) => n.endsWith('.cache')).length).toBeGreaterThan(1);
      expect(await opened(options, async (library) => counts(library))).toEqual(counts(counted));
    },
    180_000,
  );

  it('opens and rebuilds a cache damaged past its header instead of counting its summary', async () => {
    const { options } = setUp(contentDir);
    const built = await indexed(options);
    const folder = path.join(options.cacheDir, readdirSync(options.cacheDir)[0] ?? '');
    const cache = path.join(folder, readdirSync(folder).find((n) => n.endsWith('.cache')) ?? '');
    // One byte of the data an open reads, well past the header line.
    const fd = openSync(cache, 'r+');
    const byte = Buffer.alloc(1);
    const at = readFileSync(cache).indexOf(0x0a) + 200;
    readSync(fd, byte, 0, 1, at);
    writeSync(fd, Buffer.from([byte[0] === 0x41 ? 0x42 : 0x41]), 0, 1, at);
    closeSync(fd);
    const told: string[] = [];
    const rebuilt = await indexed({ ...options, onNotice: (message) => told.push(message) });
    expect(rebuilt.cache).toBe('built');
    expect(told.join('\n')).toMatch(/was damaged \(checksum mismatch\) and is rebuilt/);
    expect(counts(rebuilt)).toEqual(counts(built));
    expect((await indexed(options)).cache).toBe('loaded');
  }, 60_000);

  it('sees a file added since the caches were written', async () => {
    const { options, archiveDir } = setUp(contentDir);
    const before = await indexed(options);
    appendFileSync(path.join(archiveDir, 'zebra-crossing.txt'), 'Zebra crossings return\n\nThe council said: "Zebra crossings will return to the high street."\n');
    const after = await indexed(options);
    expect(after.cache).toBe('built');
    expect(after.articleCount).toBe(before.articleCount + 1);
    expect(after.quoteCount).toBe(before.quoteCount + 1);
  }, 60_000);

  it('saves the listing it walked before it is closed, counted from its summaries: the next command trusts it', async () => {
    const { options, archiveDir, cacheDir } = setUp(contentDir);
    const hourAgo = new Date(Date.now() - 3_600_000);
    utimesSync(archiveDir, hourAgo, hourAgo);
    await indexed(options);
    const listing = savedListingFileFor(cacheFolderFor(cacheDir, realpathSync(archiveDir)));
    rmSync(listing);
    const again = await indexed(options);
    expect(again.cache).toBe('loaded');
    const saved = await readSavedListing(listing, realpathSync(archiveDir));
    expect(saved?.listing.files).toEqual((await walkArchive(archiveDir)).files);
    expect(saved?.plan?.fingerprints).toHaveLength(2);
  }, 60_000);

  it('counts the quotes of an archive a correction dropped one of as an open does, one fewer', async () => {
    const { options, log } = setUp(contentDir);
    const before = await indexed(options);
    await opened(options, async (library) => {
      const quote = (await library.quotes({ limit: 1 })).quotes[0];
      if (quote === undefined) throw new Error('the bundled archive has no quote');
      await library.correct({ type: 'not-quote', quoteId: quote.id, quoteText: quote.text });
    });
    const started = workersStarted(log);
    const after = await indexed(options);
    expect(after.quoteCount).toBe(before.quoteCount - 1);
    // Opened, in its engines: a summary counts quotes as extracted, not as corrected.
    expect(workersStarted(log)).toBeGreaterThan(started);
    expect(await opened(options, async (library) => library.quoteCount)).toBe(after.quoteCount);
  }, 60_000);
});
