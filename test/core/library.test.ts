import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { walkArchive } from '../../main/core/archive/walk-archive.js';
import { engineCount, openLibrary, shardCountFor, shardOf, shardUnits, startLibrary } from '../../main/core/library.js';
import type { SearchReply } from '../../main/contract/api.js';
import { itWithCorpora } from '../support/corpora.js';
import { bbcDir, contentDir, distDir, tempDir } from '../support/paths.js';

function cacheFiles(cacheDir: string): string[] {
  return readdirSync(cacheDir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.cache'))
    .map((e) => path.join(e.parentPath, e.name));
}

describe('the index cache', () => {
  it('is built on first open, loaded on the next, and the loaded index answers like the built one', async () => {
    const cacheDir = tempDir();
    const built = await openLibrary({ archiveDir: contentDir, cacheDir });
    const loaded = await openLibrary({ archiveDir: contentDir, cacheDir });
    expect(built.cache).toBe('built');
    expect(loaded.cache).toBe('loaded');
    expect(loaded.articleCount).toBe(built.articleCount);
    expect(loaded.quoteCount).toBe(built.quoteCount);
    for (const query of ['Putin Trump Alaska', 'bird flu', '"climate change"', 'president -Bush']) {
      const { tookMs: _a, ...a } = (await built.search(query));
      const { tookMs: _b, ...b } = (await loaded.search(query));
      expect(b).toEqual(a);
    }
    expect(cacheFiles(cacheDir)).toHaveLength(1);
  });

  it.each([
    ['truncated', (bytes: Buffer) => bytes.subarray(0, bytes.length - 100)],
    ['garbage', () => Buffer.from('not a cache at all')],
    ['a flipped byte', (bytes: Buffer) => Buffer.from(bytes.map((b, i) => (i === bytes.indexOf(0x0a) + 50 ? b ^ 1 : b)))],
  ])('is rebuilt, with a notice, when %s', async (_name, damage) => {
    const cacheDir = tempDir();
    // Closed first: its engine reads the quotes it let go back from the file (shard-engine.ts `forgetQuotes`),
    // and would find the damage first, and remove the file.
    await (await openLibrary({ archiveDir: contentDir, cacheDir })).close();
    const [file] = cacheFiles(cacheDir);
    writeFileSync(file ?? '', damage(readFileSync(file ?? '')));
    const notices: string[] = [];
    const reopened = await openLibrary({ archiveDir: contentDir, cacheDir, onNotice: (m) => notices.push(m) });
    expect(reopened.cache).toBe('built');
    expect(notices.join('\n')).toMatch(/damaged/);
    expect((await reopened.search('Putin Trump Alaska')).hits[0]?.path).toBe('kazinform-putin-trump-alaska.txt');
    expect((await openLibrary({ archiveDir: contentDir, cacheDir })).cache).toBe('loaded');
  });

  it('with an article text damaged after the header\'s checksum tells so when the text is read, shows it empty, and is rebuilt by the next open', async () => {
    // An open reads and checks what every search needs; each article's text has a checksum of its own, checked when read (issue 19).
    const cacheDir = tempDir();
    const built = await openLibrary({ archiveDir: contentDir, cacheDir });
    const id = (await built.search('Putin Trump Alaska')).hits[0]?.id ?? '';
    const body = (await built.article(id)).article.body;
    const [file = ''] = cacheFiles(cacheDir);
    const bytes = readFileSync(file);
    const newline = bytes.indexOf(0x0a);
    const header = JSON.parse(bytes.subarray(0, newline).toString('utf8')) as { bytes: number };
    const at = bytes.indexOf(Buffer.from(body.slice(0, 60), 'utf8'), newline + 1 + header.bytes);
    expect(at).toBeGreaterThan(newline + header.bytes);
    bytes[at] = (bytes[at] ?? 0) ^ 1;
    writeFileSync(file, bytes);

    const notices: string[] = [];
    const reopened = await openLibrary({ archiveDir: contentDir, cacheDir, onNotice: (m) => notices.push(m) });
    expect(reopened.cache).toBe('loaded');
    expect((await reopened.article(id)).article.body).toBe('');
    expect(notices).toEqual([`The index cache in ${path.dirname(file)} was damaged (a text fails its checksum); an article shows no text until the next start rebuilds it.`]);
    expect(existsSync(file)).toBe(false);
    const rebuilt = await openLibrary({ archiveDir: contentDir, cacheDir });
    expect(rebuilt.cache).toBe('built');
    expect((await rebuilt.article(id)).article.body).toBe(body);
  });

  it('is written after a build, in the worker threads too, before they end, and loads with another number of engines', async () => {
    // Shards are laid out by shardUnits, not engines: a cache a command built on two engines loads in the app's one.
    const cacheDir = tempDir();
    const workerScript = path.join(distDir, 'index-worker.cjs');
    const built = await openLibrary({ archiveDir: contentDir, cacheDir, workerScript, engines: 2 });
    await built.close();
    expect(cacheFiles(cacheDir)).toHaveLength(shardCountFor(63, shardUnits()));
    const loaded = await openLibrary({ archiveDir: contentDir, cacheDir, workerScript, engines: 1 });
    try {
      expect(loaded.cache).toBe('loaded');
      expect(loaded.articleCount).toBe(built.articleCount);
      expect((await loaded.search('Putin Trump Alaska')).hits[0]?.path).toBe('kazinform-putin-trump-alaska.txt');
    } finally {
      await loaded.close();
    }
  });

  it('cannot be saved: the archive opens anyway, with a notice', async () => {
    const cacheDir = path.join(tempDir(), 'not-a-folder');
    writeFileSync(cacheDir, 'a file where the cache folder would go');
    const notices: string[] = [];
    const library = await openLibrary({ archiveDir: contentDir, cacheDir, onNotice: (m) => notices.push(m) });
    expect(notices.join('\n')).toMatch(/could not be saved .*the next start rebuilds it/);
    expect((await library.search('Putin Trump Alaska')).total).toBeGreaterThan(0);
  });

  it('damaged alike in every shard, or unwritable, is told once per cause, without the damage\'s bytes', async () => {
    const workerScript = path.join(distDir, 'index-worker.cjs');
    const cacheDir = tempDir();
    await (await openLibrary({ archiveDir: contentDir, cacheDir, workerScript, engines: 2 })).close();
    const files = cacheFiles(cacheDir);
    expect(files.length).toBeGreaterThan(1);
    for (const file of files) writeFileSync(file, 'garbage \x1b]0;pwned\x07\nbytes');
    const notices: string[] = [];
    await (await openLibrary({ archiveDir: contentDir, cacheDir, workerScript, engines: 2, onNotice: (m) => notices.push(m) })).close();
    expect(notices).toEqual([`The index cache in ${path.dirname(files[0] ?? '')} was damaged (the header line is not JSON) and is rebuilt.`]);

    const notAFolder = path.join(tempDir(), 'not-a-folder');
    writeFileSync(notAFolder, 'a file where the cache folder would go');
    const unsaved: string[] = [];
    await (await openLibrary({ archiveDir: contentDir, cacheDir: notAFolder, workerScript, engines: 2, onNotice: (m) => unsaved.push(m) })).close();
    expect(unsaved).toHaveLength(1);
    expect(unsaved[0]).toMatch(/could not be saved \(ENOTDIR: not a directory\); the next start rebuilds it/);
  });

  it('loses the temporary files a crashed write left, when the archive is next opened', async () => {
    const cacheDir = tempDir();
    await openLibrary({ archiveDir: contentDir, cacheDir });
    const [file] = cacheFiles(cacheDir);
    // The pid of a process that has ended: its write can never finish.
    const ended = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout;
    const left = `${file ?? ''}.${ended}.${Date.now()}.tmp`;
    writeFileSync(left, 'half a cache');
    expect((await openLibrary({ archiveDir: contentDir, cacheDir })).cache).toBe('loaded');
    expect(existsSync(left)).toBe(false);
  });

  it('written by another V8 is rebuilt quietly, not reported as damaged', async () => {
    const cacheDir = tempDir();
    await openLibrary({ archiveDir: contentDir, cacheDir });
    const [file] = cacheFiles(cacheDir);
    const bytes = readFileSync(file ?? '');
    const newline = bytes.indexOf(0x0a);
    const header = JSON.parse(bytes.subarray(0, newline).toString('utf8')) as { v8: string };
    writeFileSync(file ?? '', Buffer.concat([Buffer.from(JSON.stringify({ ...header, v8: '1.0.0' })), bytes.subarray(newline)]));
    const notices: string[] = [];
    const reopened = await openLibrary({ archiveDir: contentDir, cacheDir, onNotice: (m) => notices.push(m) });
    expect(reopened.cache).toBe('built');
    expect(notices).toEqual([]);
    expect((await openLibrary({ archiveDir: contentDir, cacheDir })).cache).toBe('loaded');
  });

  it('is rebuilt when a file of the archive changes', async () => {
    const archiveDir = tempDir();
    const cacheDir = tempDir();
    writeFileSync(path.join(archiveDir, 'one.txt'), 'Harbour reopens\n\n"We will rebuild," the mayor said.');
    expect((await openLibrary({ archiveDir, cacheDir })).cache).toBe('built');
    writeFileSync(path.join(archiveDir, 'two.txt'), 'Bridge closes\n\nThe bridge closed for repairs on Monday.');
    const reopened = await openLibrary({ archiveDir, cacheDir });
    expect(reopened.cache).toBe('built');
    expect((await reopened.search('bridge')).total).toBe(1);
  });
});

describe('a library session', () => {
  it('reports indexing, then ready with counts', async () => {
    const session = startLibrary({ archiveDir: contentDir, cacheDir: tempDir() });
    expect(session.status().state).toBe('indexing');
    const library = await session.ready();
    const status = session.status();
    expect(status).toMatchObject({ state: 'ready', articles: 63, archiveName: 'content', cache: 'built', error: null });
    expect(status.quotes).toBe(library.quoteCount);
    expect(status.progress.done).toBe(status.progress.total);
  });

  itWithCorpora('built in worker threads, is ready before its quotes, and counts them all once they are extracted', async () => {
    const archiveDir = path.join(bbcDir, 'politics');
    const inThisThread = await openLibrary({ archiveDir, cacheDir: tempDir() });
    expect(inThisThread.quotesPending).toBe(false);
    expect(inThisThread.quoteCount).toBeGreaterThan(1000);
    const session = startLibrary({ archiveDir, cacheDir: tempDir(), workerScript: path.join(distDir, 'index-worker.cjs'), engines: 2 });
    try {
      const library = await session.ready();
      // Searchable now, whether or not the quotes are all found yet; the hits show theirs either way.
      const hit = (await library.search('blair election')).hits.find((h) => h.quotes.length > 0);
      expect(hit).toBeDefined();
      await library.quotesReady();
      expect(library.quotesPending).toBe(false);
      expect(library.quoteCount).toBe(inThisThread.quoteCount);
      expect(session.status()).toMatchObject({ quotes: inThisThread.quoteCount, quotesPending: false });
    } finally {
      await session.close();
    }
  });

  itWithCorpora('closed before its quotes are all found, keeps its index and finishes them at the next open', async () => {
    const archiveDir = path.join(bbcDir, 'politics');
    const inThisThread = await openLibrary({ archiveDir, cacheDir: tempDir() });
    const expected = await inThisThread.quotes({ speaker: 'Blair', limit: 50 });
    const cacheDir = tempDir();
    const workerScript = path.join(distDir, 'index-worker.cjs');
    const first = await openLibrary({ archiveDir, cacheDir, workerScript, engines: 2 });
    // Right after the open: lists of quotes by a speaker wait for the quotes rather than miss some.
    expect(await first.quotes({ speaker: 'Blair', limit: 50 })).toEqual(expected);
    expect((await first.search('speaker:Blair', { limit: 500 })).total).toBe((await inThisThread.search('speaker:Blair', { limit: 500 })).total);
    await first.close({ finishQuotes: false });
    const second = await openLibrary({ archiveDir, cacheDir, workerScript, engines: 2 });
    try {
      expect(second.cache).toBe('loaded');
      await second.quotesReady();
      expect(second.quoteCount).toBe(inThisThread.quoteCount);
    } finally {
      await second.close();
    }
  });

  it('reports a missing archive as failed, with the reason', async () => {
    const session = startLibrary({ archiveDir: '/nonexistent/archive', cacheDir: tempDir() });
    await expect(session.ready()).rejects.toThrow(/does not exist/);
    expect(session.status()).toMatchObject({ state: 'failed', error: expect.stringMatching(/does not exist/) });
  });
});

describe('sharding', () => {
  it('sets aside exact duplicates across shards, keeping the first copy in path order', async () => {
    const archiveDir = tempDir();
    const text = 'Harbour reopens\n\n"We will rebuild the harbour," Mayor Ana Ruiz said on Monday.';
    // The first copy in path order is in shard 1; shard 0, read first, holds later copies.
    const names = ['0-copy.txt', '1-copy.txt', '2-copy.txt', '3-copy.txt'];
    expect(names.map((n) => shardOf(n, 2))).toEqual([1, 0, 1, 0]);
    for (const name of names) writeFileSync(path.join(archiveDir, name), text);
    writeFileSync(path.join(archiveDir, 'other.txt'), 'Bridge closes\n\nThe bridge closed for repairs.');
    const library = await openLibrary({ archiveDir, cacheDir: tempDir(), workerScript: path.join(distDir, 'index-worker.cjs'), engines: 2 });
    try {
      expect(library.articleCount).toBe(2);
      expect(library.duplicates).toEqual(names.slice(1).map((name) => ({ path: name, duplicateOf: '0-copy.txt' })));
      expect((await library.search('harbour')).hits.map((h) => h.path)).toEqual(['0-copy.txt']);
      await library.quotesReady();
      expect(library.quoteCount).toBe(1);
    } finally {
      await library.close();
    }
  });

  itWithCorpora('spreads an archive evenly over shards, by path alone', async () => {
    const { files } = await walkArchive(bbcDir);
    const counts = [0, 0, 0, 0];
    for (const file of files) counts[shardOf(file.path, 4)] = (counts[shardOf(file.path, 4)] ?? 0) + 1;
    const mean = files.length / 4;
    for (const count of counts) expect(Math.abs(count - mean) / mean).toBeLessThan(0.1);
    expect(shardOf('politics/001.txt', 4)).toBe(shardOf('politics/001.txt', 4));
    expect(shardCountFor(files.length, 2)).toBe(2);
    expect(shardCountFor(21_270, 2)).toBe(4);
  });

  it('runs an engine per core but one to search; two on 2 cores to answer once; shards shared evenly by both', () => {
    expect([1, 2, 4, 8].map((cores) => engineCount('search', cores))).toEqual([1, 1, 3, 7]);
    expect([1, 2, 4, 8].map((cores) => engineCount('once', cores))).toEqual([1, 2, 3, 7]);
    for (const cores of [1, 2, 4, 8]) {
      for (const files of [63, 2225, 22_250, 111_250]) {
        const shards = shardCountFor(files, shardUnits(cores));
        expect(shards % engineCount('search', cores)).toBe(0);
        expect(shards % engineCount('once', cores)).toBe(0);
        expect(files / shards).toBeLessThanOrEqual(8000);
      }
    }
  });

});

describe('a search', () => {
  it('answers the same without its speakers list when the caller does not show it', async () => {
    const library = await openLibrary({ archiveDir: contentDir, cacheDir: tempDir() });
    await library.quotesReady();
    for (const query of ['Putin Trump', 'said', 'climate']) {
      const { tookMs: _a, speakers, ...all } = await library.search(query, { limit: 20 });
      const { tookMs: _b, speakers: none, ...without } = await library.search(query, { limit: 20, speakers: false });
      expect(speakers.length).toBeGreaterThan(0);
      expect(none).toEqual([]);
      expect(without).toEqual(all);
    }
  });

  it('answers the same without its quotes\' people when the caller does not show them, but waits for them to find a speaker', async () => {
    const options = { archiveDir: contentDir, cacheDir: tempDir() };
    const built = await openLibrary(options);
    const [speaker] = (await built.speakers({ limit: 1 })).speakers;
    await built.close();
    // As a one-shot command opens a warm cache: its people are given only when a request needs them.
    const library = await openLibrary({ ...options, inProcessWhenCached: true });
    const withoutPeople = (reply: SearchReply) => ({ ...reply, tookMs: 0, hits: reply.hits.map((hit) => ({ ...hit, quotes: hit.quotes.map(({ speakerId: _id, clusterId: _cluster, cluster: _c, ...quote }) => quote) })) });
    // The speakers list is of people only once they are given (names as written before): it is left out.
    const bare = await library.search('Putin Trump', { limit: 20, people: false, speakers: false });
    const quotes = bare.hits.flatMap((hit) => hit.quotes);
    expect(quotes.length).toBeGreaterThan(0);
    expect(quotes.every((quote) => quote.speakerId === null)).toBe(true);
    const full = await library.search('Putin Trump', { limit: 20, speakers: false });
    expect(full.hits.flatMap((hit) => hit.quotes).some((quote) => quote.speakerId !== null)).toBe(true);
    expect(withoutPeople(bare)).toEqual(withoutPeople(full));
    await library.close();

    const again = await openLibrary({ ...options, inProcessWhenCached: true });
    const bySpeaker = await again.search(`speaker:"${speaker?.name ?? ''}"`, { limit: 20, people: false });
    expect(bySpeaker.total).toBeGreaterThan(0);
    expect(bySpeaker.hits.flatMap((hit) => hit.quotes).some((quote) => quote.speakerId === speaker?.id)).toBe(true);
    expect({ ...bySpeaker, tookMs: 0 }).toEqual({ ...(await again.search(`speaker:"${speaker?.name ?? ''}"`, { limit: 20 })), tookMs: 0 });
    await again.close();
  });
});
