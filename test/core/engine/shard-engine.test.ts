import { existsSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';
import { expect, it, vi } from 'vitest';
import { walkArchive } from '../../../main/core/archive/walk-archive.js';
import { ShardEngine, type QuotesReady, type ShardSpec } from '../../../main/core/engine/shard-engine.js';
import { buildLibraryData } from '../../../main/core/index/build-library-data.js';
import { readCache, writeCache } from '../../../main/core/index/index-cache.js';
import { readShingleFile, shingleFileFor, writeShingleFile } from '../../../main/core/verify/shingle-file.js';
import { describeWithCorpora } from '../../support/corpora.js';
import { bbcDir, contentDir, tempDir } from '../../support/paths.js';
import type { Correction } from '../../../main/contract/model.js';

async function politicsShard(cacheDir: string): Promise<ShardSpec> {
  const { files, problems } = await walkArchive(path.join(bbcDir, 'politics'));
  return { shard: 0, files, walkProblems: problems, cacheFile: path.join(cacheDir, 'shard-0-of-1.cache'), fingerprint: 'politics' };
}

/** The bundled sample archive as one shard, cached in a fresh folder. */
async function contentShard(): Promise<ShardSpec> {
  const { files, problems } = await walkArchive(contentDir);
  return { shard: 0, files, walkProblems: problems, cacheFile: path.join(tempDir(), 'shard-0-of-1.cache'), fingerprint: 'content' };
}

/** Everything a user sees of these queries: hits with their quotes, speaker counts, an article, quote lists. */
function answers(engine: ShardEngine) {
  const searches = ['blair election', '"prime minister"', 'tax*', 'speaker:howard', 'in:quotes tax'].map((q) => {
    const { tookMs: _tookMs, ...reply } = engine.search(q, { limit: 20 });
    return reply;
  });
  const top = searches[0]?.hits[0]?.id ?? '';
  return {
    searches,
    article: engine.article(top, 'blair election'),
    quotes: [engine.quotes({ speaker: 'Blair', limit: 50 }), engine.quotes({ query: 'economy', limit: 50 }), engine.quotes({ limit: 10 })],
  };
}

/** The header line of a shingle file (verify/shingle-file.ts). */
function readShingleHeader(file: string): { articles: number } {
  const bytes = readFileSync(file);
  return JSON.parse(bytes.toString('utf8', 0, bytes.indexOf(0x0a))) as { articles: number };
}

/** The identity of an engine's one shard (see `ShardEngine.identities`). */
function identityOf(engine: ShardEngine): string | null | undefined {
  return engine.identities()[0]?.identity;
}

/** Speaker ids as the main thread hands them to engines (engine/people-wire.ts): each id once, and per quote its index (-1: none). */
function idList(ids: readonly (string | null)[]): string {
  const table = [...new Set(ids.filter((id) => id !== null))];
  return JSON.stringify({ table, of: ids.map((id) => (id === null ? -1 : table.indexOf(id))) });
}

/** A speaker's id as these tests make them: the name as written, in lower case, each run of other characters a dash. */
const idOf = (speaker: string | null) => (speaker === null ? null : speaker.toLowerCase().replace(/\W+/g, '-'));

/**
 * `engine`'s one shard's mentions, listed, and people as the main thread would hand them back for them: an id per
 * speaker as written (`idOf`), in the order the mentions are listed, and no clusters.
 */
function listedPeople(engine: ShardEngine) {
  const { token, lists } = engine.mentions();
  const mentions = JSON.parse(lists[0]?.mentions ?? '[]') as { speaker: string | null }[];
  const names = [...new Set(mentions.map((m) => m.speaker).filter((s) => s !== null))];
  return {
    token,
    mentions,
    people: JSON.stringify(names.map((name) => ({ id: idOf(name), names: [name] }))),
    ids: idList(mentions.map((m) => idOf(m.speaker))),
    clusters: JSON.stringify(mentions.map(() => -1)),
  };
}

/** Each test reads and extracts 417 articles, some twice: on a loaded 2-core machine that passed 30 s. */
const shardTimeoutMs = 120_000;

describeWithCorpora('a shard built from its files (BBC politics, 417 files)', () => {
  it('is searchable before its quotes are extracted, and answers exactly as with all of them', async () => {
    const complete = new ShardEngine();
    await complete.open([await politicsShard(tempDir())]);
    await complete.save();

    const fresh = new ShardEngine();
    const [summary] = await fresh.open([await politicsShard(tempDir())]);
    expect(summary).toMatchObject({ cache: 'built', quotesPending: true });
    expect(summary?.quoteCounts.every((n) => n === 0)).toBe(true);
    // No await before these: the background has not run, so every quote they show is found on the spot.
    const early = answers(fresh);
    expect(early.searches[0]?.hits.some((hit) => hit.quotes.length > 0)).toBe(true);
    expect(early.searches[0]?.speakers.length).toBeGreaterThan(0);
    expect(early.quotes[0]?.total).toBeGreaterThan(0);
    expect(early).toEqual(answers(complete));
  }, shardTimeoutMs);

  it('extracts the quotes in the background, reports their counts, then writes the cache with them', async () => {
    const cacheDir = tempDir();
    const spec = await politicsShard(cacheDir);
    const reference = buildLibraryData(spec.files, spec.walkProblems);
    let ready: (r: QuotesReady) => void = () => undefined;
    const reported = new Promise<QuotesReady>((resolve) => (ready = resolve));
    const engine = new ShardEngine({ quotesReady: (r) => ready(r) });
    const [opened] = await engine.open([spec]);
    const { shard, quoteCounts } = await reported;
    expect(shard).toBe(0);
    const expected: Record<string, number> = {};
    for (const quote of reference.files.flatMap((f) => f.quotes ?? [])) expected[quote.articleId] = (expected[quote.articleId] ?? 0) + 1;
    const ids = opened?.ids ?? [];
    expect(quoteCounts).toHaveLength(ids.length);
    const counted = quoteCounts.reduce((a, b) => a + b, 0);
    expect(counted).toBeGreaterThan(1000);
    // Duplicates within the shard (politics has a few) count 0: they are never shown.
    const duplicates = ids.filter((id, i) => quoteCounts[i] !== (expected[id] ?? 0));
    expect(duplicates.length).toBeLessThan(ids.length / 10);
    for (const id of duplicates) expect(opened?.digests.filter((d) => d === opened.digests[ids.indexOf(id)]).length).toBeGreaterThan(1);
    await engine.save();

    const reopened = new ShardEngine();
    const [summary] = await reopened.open([spec]);
    expect(summary).toMatchObject({ cache: 'loaded', quotesPending: false, quoteCounts });
  }, shardTimeoutMs);

  it('is cached before its quotes are all found, so quitting then keeps the index', async () => {
    const spec = await politicsShard(tempDir());
    const engine = new ShardEngine();
    await engine.open([spec]);
    let cached = await readCache(spec.cacheFile, spec.fingerprint);
    while (!('data' in cached)) {
      await new Promise((resolve) => setTimeout(resolve, 5));
      cached = await readCache(spec.cacheFile, spec.fingerprint);
    }
    expect(cached.data.files.some((record) => record.quotes === null)).toBe(true);
    await engine.save();
    const saved = await readCache(spec.cacheFile, spec.fingerprint);
    expect('data' in saved && saved.data.files.every((record) => record.quotes !== null)).toBe(true);
  }, shardTimeoutMs);

  it('saved before its quotes were found, opens from the cache and finds them in the background', async () => {
    const spec = await politicsShard(tempDir());
    // What a cache holds when the app quits right after a build: the index, and no quotes yet.
    await writeCache(spec.cacheFile, spec.fingerprint, buildLibraryData(spec.files, spec.walkProblems, undefined, [], { quotes: false }));
    const completeSpec = { ...spec, cacheFile: path.join(tempDir(), 'complete.cache') };
    const complete = new ShardEngine();
    await complete.open([completeSpec]);
    await complete.save();
    const [completeSummary] = await new ShardEngine().open([completeSpec]);

    let ready: (r: QuotesReady) => void = () => undefined;
    const reported = new Promise<QuotesReady>((resolve) => (ready = resolve));
    const engine = new ShardEngine({ quotesReady: (r) => ready(r) });
    const [summary] = await engine.open([spec]);
    expect(summary).toMatchObject({ cache: 'loaded', quotesPending: true });
    expect(summary?.quoteCounts.every((n) => n === 0)).toBe(true);
    expect(answers(engine)).toEqual(answers(complete));
    const { quoteCounts } = await reported;
    expect(quoteCounts.filter((n) => n > 0).length).toBeGreaterThan(100);
    expect(quoteCounts).toEqual(completeSummary?.quoteCounts);
    await engine.save();
    const [reopened] = await new ShardEngine().open([spec]);
    expect(reopened).toMatchObject({ cache: 'loaded', quotesPending: false, quoteCounts });
  }, shardTimeoutMs);

  it('names what its people are resolved from: the same after a reopen or a rebuild, another after a correction or a hidden duplicate', async () => {
    const spec = await politicsShard(tempDir());
    let ready: () => void = () => undefined;
    const reported = new Promise<void>((resolve) => (ready = resolve));
    const built = new ShardEngine({ quotesReady: () => ready() });
    await built.open([spec]);
    // Not while quotes are being extracted: the list is not known yet.
    expect(identityOf(built)).toBeNull();
    await reported;
    const identity = identityOf(built);
    expect(identity).toMatch(/^[0-9a-f]{64}$/);
    await built.save();

    const reopened = new ShardEngine();
    await reopened.open([spec]);
    expect(identityOf(reopened)).toBe(identity);
    const rebuilt = new ShardEngine();
    await rebuilt.open([{ ...spec, cacheFile: path.join(tempDir(), 'other.cache') }]);
    await rebuilt.save();
    expect(identityOf(rebuilt)).toBe(identity);

    // The same identity lists the same quotes in the same order.
    expect(JSON.parse(reopened.mentions().lists[0]?.mentions ?? '')).toEqual(JSON.parse(built.mentions().lists[0]?.mentions ?? ''));
    const first = reopened.quotes({ limit: 1 }).quotes[0];
    if (first === undefined) throw new Error('politics quotes no one');
    reopened.setCorrections([{ id: 'c1', made: '2026-01-01T00:00:00Z', change: { type: 'not-quote', quoteId: first.id, quoteText: first.text } }]);
    expect(reopened.quotes({ limit: 1 }).quotes[0]?.id).not.toBe(first.id);
    expect(identityOf(reopened)).not.toBe(identity);
    reopened.setCorrections([]);
    expect(identityOf(reopened)).toBe(identity);
    reopened.hide([first.articleId]);
    expect(identityOf(reopened)).not.toBe(identity);
    // People saved for another identity are refused, and nothing is set.
    expect(reopened.applySavedPeople([{ shard: 0, identity: identity ?? '', speakerIds: '[]', clusters: '[]' }], '[]')).toBe(false);
    expect(reopened.quotes({ limit: 5 }).quotes.every((q) => q.speakerId === null)).toBe(true);
  }, shardTimeoutMs);
  it('answers the same, people included, whether its quotes are read ahead of requests or when asked for', async () => {
    const spec = await politicsShard(tempDir());
    const built = new ShardEngine();
    await built.open([spec]);
    await built.save();
    const { people, ids, clusters } = listedPeople(built);
    const saved = (engine: ShardEngine) => [{ shard: 0, identity: identityOf(engine) ?? '', speakerIds: ids, clusters }];

    const ahead = new ShardEngine({ warmAhead: true });
    await ahead.open([spec]);
    // Its people as the main thread gives them right after an open: the quotes are read ahead once they are
    // known, and that before the shingle index is built, which is saved beside the cache.
    expect(ahead.applySavedPeople(saved(ahead), people)).toBe(true);
    while (!existsSync(shingleFileFor(spec.cacheFile))) await new Promise((resolve) => setTimeout(resolve, 20));
    const asked = new ShardEngine();
    await asked.open([spec]);
    expect(asked.applySavedPeople(saved(asked), people)).toBe(true);
    const shown = answers(asked);
    expect(shown.quotes[0]?.quotes.some((q) => q.speakerId === 'tony-blair')).toBe(true);
    expect(answers(ahead)).toEqual(shown);
  }, shardTimeoutMs);

  it('finds a speaker\'s articles from saved people\'s lists as from the quotes given them', async () => {
    const spec = await politicsShard(tempDir());
    const built = new ShardEngine();
    await built.open([spec]);
    await built.save();
    const { token, people, ids, clusters } = listedPeople(built);
    // As resolved after a build, whose quotes were extracted, then let go once written (see the test below).
    expect(built.setPeople(token, [{ shard: 0, speakerIds: ids, clusters }], people)).toBe(true);
    // Saved: each article's quotes get theirs when read, and the speaker index is made from the lists.
    const saved = new ShardEngine();
    await saved.open([spec]);
    expect(saved.applySavedPeople([{ shard: 0, identity: identityOf(saved) ?? '', speakerIds: ids, clusters }], people)).toBe(true);
    const bySpeaker = (engine: ShardEngine) => ({
      searches: ['speaker:howard', 'tax speaker:"tony blair"', 'speaker:kennedy -speaker:blair', 'in:quotes speaker:brown'].map((q) => {
        const { tookMs: _tookMs, ...reply } = engine.search(q, { limit: 50 });
        return reply;
      }),
      quotes: engine.quotes({ speaker: 'Blair', limit: 200 }),
      person: engine.person('tony-blair', { limit: 50 }),
    });
    const expected = bySpeaker(built);
    expect(expected.searches[0]?.total).toBeGreaterThan(5);
    expect(expected.person.quotes.total).toBeGreaterThan(10);
    expect(expected.quotes.total).toBeGreaterThan(10);
    expect(bySpeaker(saved)).toEqual(expected);
  }, shardTimeoutMs);

  it('saves the shingle index of verify beside its cache once built, and a reopen reads it instead of building it', async () => {
    const spec = await politicsShard(tempDir());
    const file = shingleFileFor(spec.cacheFile);
    const claim = 'There is nothing you could ever say to me now that I could ever believe';
    const built = new ShardEngine({ warmAhead: true });
    await built.open([spec]);
    // The background extracts the quotes, builds the shingles and saves them.
    while (!existsSync(file)) await new Promise((resolve) => setTimeout(resolve, 20));
    const found = built.verify(claim, 5);
    expect(found.length).toBeGreaterThan(0);
    await built.save();
    const saved = readShingleFile(file, spec.fingerprint, readShingleHeader(file).articles);
    if (saved === null) throw new Error('the saved shingles do not read back');
    // Over the shard's articles but its few exact duplicates.
    expect(saved.articles).toBeGreaterThan(400);
    expect(saved.keys.length).toBeGreaterThan(100_000);
    // Another shard's, or another count of articles: not read.
    expect(readShingleFile(file, 'another fingerprint', saved.articles)).toBeNull();
    expect(readShingleFile(file, spec.fingerprint, saved.articles + 1)).toBeNull();

    const reopened = new ShardEngine();
    await reopened.open([spec]);
    expect(reopened.verify(claim, 5)).toEqual(found);

    // A saved index that holds nothing (valid, but not the one built) shows that a reopen reads it: no candidate.
    await writeShingleFile(file, spec.fingerprint, { articles: saved.articles, bits: 4, offsets: new Uint32Array(17), keys: new Uint32Array(0), owners: new Uint32Array(0) });
    const readsSaved = new ShardEngine();
    await readsSaved.open([spec]);
    expect(readsSaved.verify(claim, 5)).toEqual([]);

    // A damaged one (a byte changed: its checksum fails) is built again, and saved again.
    const bytes = readFileSync(file);
    bytes[bytes.length - 1] = (bytes[bytes.length - 1] ?? 0) ^ 0xff;
    writeFileSync(file, bytes);
    const rebuilds = new ShardEngine();
    await rebuilds.open([spec]);
    expect(rebuilds.verify(claim, 5)).toEqual(found);
    await rebuilds.save();
    expect(readShingleFile(file, spec.fingerprint, saved.articles)?.keys).toEqual(saved.keys);
  }, shardTimeoutMs);
});

it('finds a speaker\'s articles from saved people\'s lists as from the quotes, with hidden duplicates and corrections', async () => {
  const spec = await contentShard();
  const resolved = new ShardEngine();
  const [summary] = await resolved.open([spec]);
  await resolved.save();
  const quotes = resolved.quotes({ limit: 1000 }).quotes;
  const [renamed, dropped] = [quotes[0], quotes[3]];
  if (summary === undefined || renamed === undefined || dropped === undefined) throw new Error('the bundled archive has too few quotes');
  const made = '2026-01-01T00:00:00Z';
  const corrections: Correction[] = [
    { id: 'c1', made, change: { type: 'speaker', quoteId: renamed.id, quoteText: renamed.text, speakerId: null, speakerName: 'Jane Corrector' } },
    { id: 'c2', made, change: { type: 'not-quote', quoteId: dropped.id, quoteText: dropped.text } },
  ];
  // Articles never shown (as exact duplicates in other shards would be): some of them quote people.
  const hidden = summary.ids.filter((_, i) => (summary.quoteCounts[i] ?? 0) > 0).filter((_, i) => i % 7 === 1);
  const prepare = (engine: ShardEngine): void => {
    engine.setCorrections(corrections);
    engine.hide(hidden);
  };
  prepare(resolved);
  const { token, mentions, people, ids, clusters } = listedPeople(resolved);
  // As resolved after a build, whose quotes were extracted, then let go once written.
  expect(resolved.setPeople(token, [{ shard: 0, speakerIds: ids, clusters }], people)).toBe(true);
  // Saved: made from the lists, no quote read for it.
  const saved = new ShardEngine();
  await saved.open([spec]);
  prepare(saved);
  expect(saved.applySavedPeople([{ shard: 0, identity: identityOf(saved) ?? '', speakerIds: ids, clusters }], people)).toBe(true);
  // The most quoted speakers, and the one a correction named.
  const counted = new Map<string, number>();
  for (const m of mentions) if (m.speaker !== null) counted.set(m.speaker, (counted.get(m.speaker) ?? 0) + 1);
  const top = [...counted].sort((a, b) => b[1] - a[1]).slice(0, 5).map(([name]) => name);
  const bySpeaker = (engine: ShardEngine) => [...top, 'Jane Corrector'].map((name) => {
    const { tookMs: _tookMs, ...reply } = engine.search(`speaker:"${name}"`, { limit: 100 });
    return { reply, person: engine.person(idOf(name) ?? '', { limit: 100 }) };
  });
  const expected = bySpeaker(resolved);
  expect(expected.reduce((n, { reply }) => n + reply.total, 0)).toBeGreaterThan(5);
  expect(bySpeaker(saved)).toEqual(expected);
}, 120_000);


it('lets its quotes go once its cache file holds them, and reads them from there when asked again, people included', async () => {
  const spec = await contentShard();
  const notices: string[] = [];
  const built = new ShardEngine({ notice: (message) => notices.push(message) });
  await built.open([spec]);
  await built.save();
  const { token, people, ids, clusters } = listedPeople(built);
  expect(built.setPeople(token, [{ shard: 0, speakerIds: ids, clusters }], people)).toBe(true);
  // Read again, they have their people: as a reopen with the people saved answers.
  const shown = built.quotes({ limit: 1000 });
  expect(shown.quotes.filter((q) => q.speakerId !== null).length).toBeGreaterThan(5);
  const saved = new ShardEngine();
  await saved.open([spec]);
  expect(saved.applySavedPeople([{ shard: 0, identity: identityOf(saved) ?? '', speakerIds: ids, clusters }], people)).toBe(true);
  expect(saved.quotes({ limit: 1000 })).toEqual(shown);
  // Listed again (for people resolved afresh), they are let go again; read from a file cut short in place (a
  // disk error), they tell so. Held, they would have been answered from memory, and nothing told.
  built.mentions();
  expect(notices).toEqual([]);
  truncateSync(spec.cacheFile, 1000);
  expect(built.quotes({ limit: 1000 }).total).toBeLessThan(shown.total);
  expect(notices.join('\n')).toMatch(/fails its checksum/);
});

it('hides duplicates found after it made its searches\' article table ahead, as when they are hidden before any search', async () => {
  const spec = await contentShard();
  const first = new ShardEngine();
  const [summary] = await first.open([spec]);
  await first.save();
  if (summary === undefined) throw new Error('no shard opened');
  // As the main thread finds duplicates once every engine has opened: after the engine made ahead what searches need.
  const ahead = new ShardEngine({ warmAhead: true });
  await ahead.open([spec]);
  // Made ahead before the shingle index is built, which is saved beside the cache.
  while (!existsSync(shingleFileFor(spec.cacheFile))) await new Promise((resolve) => setTimeout(resolve, 20));
  const queries = ['president', 'war OR flood', '"new orleans"', 'said'];
  const answer = (engine: ShardEngine) =>
    queries.map((q) => {
      const { tookMs: _tookMs, ...reply } = engine.search(q, { limit: 100 });
      return reply;
    });
  const shown = answer(ahead);
  const hidden = summary.ids.filter((_, i) => i % 3 === 0);
  ahead.hide(hidden);
  const plain = new ShardEngine();
  await plain.open([spec]);
  plain.hide(hidden);
  const expected = answer(plain);
  expect(expected.reduce((n, r) => n + r.total, 0)).toBeLessThan(shown.reduce((n, r) => n + r.total, 0));
  expect(answer(ahead)).toEqual(expected);
  expect(expected.flatMap((r) => r.hits).some((hit) => hidden.includes(hit.id))).toBe(false);
});

it('opens a shard preloaded from its cache as it opens it after the walk, and anew when the walk found other files', async () => {
  const spec = await contentShard();
  // Written before its quotes were extracted: there is something left to do, and nothing is preloaded.
  await writeCache(spec.cacheFile, spec.fingerprint, buildLibraryData(spec.files, spec.walkProblems, undefined, [], { quotes: false }));
  expect(await new ShardEngine().preload(0, spec.cacheFile)).toBeNull();
  const built = new ShardEngine();
  await built.open([spec]);
  await built.save();

  const plain = new ShardEngine();
  const [summary] = await plain.open([spec]);
  expect(summary?.cache).toBe('loaded');
  const early = new ShardEngine();
  expect(await early.preload(0, spec.cacheFile)).toBe(spec.fingerprint);
  expect(await early.open([spec])).toEqual([summary]);
  expect(answers(early)).toEqual(answers(plain));

  // The walk found a file fewer than the cache was written for: the shard is read for the walk's files.
  const [removed, ...kept] = spec.files;
  const other: ShardSpec = { ...spec, files: kept, fingerprint: 'content, a file removed' };
  const changed = new ShardEngine();
  expect(await changed.preload(0, spec.cacheFile)).toBe(spec.fingerprint);
  const [reopened] = await changed.open([other]);
  expect(reopened?.cache).toBe('built');
  expect(reopened?.paths).toHaveLength((summary?.paths.length ?? 0) - 1);
  expect(reopened?.paths).not.toContain(removed?.path);
  expect(await new ShardEngine().preload(0, path.join(tempDir(), 'absent.cache'))).toBeNull();
}, 120_000);

it('counts the quote list without reading the quotes it does not show, as it counts them read', async () => {
  const spec = await contentShard();
  const built = new ShardEngine();
  await built.open([spec]);
  await built.save();
  const all = built.quotes({ limit: 10_000 });
  expect(all.total).toBeGreaterThan(50);

  const warm = new ShardEngine();
  await warm.open([spec]);
  const deserialize = vi.spyOn(v8, 'deserialize');
  try {
    const page = warm.quotes({ limit: 3 });
    expect(page.total).toBe(all.total);
    expect(page.quotes).toEqual(all.quotes.slice(0, 3));
    // The quotes of the newest articles only, not those of every record with quotes.
    expect(deserialize.mock.calls.length).toBeLessThan(10);
  } finally {
    deserialize.mockRestore();
  }
  // With a correction that drops a quote, the count is of the quotes as corrected.
  const dropped = all.quotes[all.quotes.length - 1];
  if (dropped === undefined) throw new Error('no quote');
  warm.setCorrections([{ id: 'c1', made: '2026-01-01T00:00:00Z', change: { type: 'not-quote', quoteId: dropped.id, quoteText: dropped.text } }]);
  expect(warm.quotes({ limit: 3 }).total).toBe(all.total - 1);
}, 120_000);
