// Shard arithmetic: how many engines and shards an archive gets, which shard a file falls in, and each
// shard's plan (its files, cache file and fingerprint).

import os from 'node:os';
import type { ArchiveFile, ArchiveListing } from '../archive/walk-archive.js';
import type { ShardSpec } from '../engine/shard-engine.js';
import { cacheFileFor, fingerprintArchive } from '../index/index-cache.js';
import { yieldToEventLoop } from './yield-to-event-loop.js';

/** Files per shard: small enough that no shard's cache nears V8's string limit, large enough to be few. */
const filesPerShard = 8000;

/**
 * How many engine threads to run. Building is fastest on every core, but searching is faster with one core
 * left to the main thread and to V8's compiler and garbage-collector threads: on 2 cores, at 10x BBC, the
 * searches right after a warm open took twice as long with two engines as with one (p95 28-35 ms against
 * 12-15 ms; each engine's code warms up on its own, and both compete with V8's threads), while opening was
 * 1.3-1.4x faster with two. So an archive kept open to be searched (the app, `verbatim serve`) runs one
 * engine per core but one, and commands that open, answer once and exit (`verbatim index`, `search`,
 * `quotes`) as many as `shardUnits`: two on 2 cores, one per core but one on more.
 */
export function engineCount(use: 'search' | 'once', cores = os.availableParallelism()): number {
  return use === 'once' ? Math.min(Math.max(1, cores), shardUnits(cores)) : Math.max(1, cores - 1);
}

/**
 * Shards come in multiples of this: every engine of the app (one per core but one) and of a command (two
 * on 2 cores) gets the same share, and both find the same cache files.
 */
export function shardUnits(cores = os.availableParallelism()): number {
  return Math.max(2, cores - 1);
}

/** How many shards an archive of `fileCount` files is split into: a multiple of `units` (see shardUnits). */
export function shardCountFor(fileCount: number, units: number): number {
  return units * Math.max(1, Math.ceil(fileCount / filesPerShard / units));
}

/**
 * The shard of a file: a stable hash of its path (32-bit FNV-1a), so adding files never moves others.
 * Not a cryptographic hash: SHA-1 per path cost the main thread 40 ms at 21,000 files (issue 6's stall).
 */
export function shardOf(filePath: string, shardCount: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < filePath.length; i += 1) {
    hash ^= filePath.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % shardCount;
}

/**
 * Splits the listing into shards; walk problems go with shard 0 so they are reported once. Yields to the
 * event loop between shards: fingerprinting 100,000 files at once would stall the main thread. `known`: the
 * shards' fingerprints as computed before for these very files (a saved listing's: archive/saved-listing.ts).
 */
export async function planShards(listing: ArchiveListing, shardCount: number, cacheFolder: string, known?: readonly string[]): Promise<ShardSpec[]> {
  const given = known?.length === shardCount ? known : undefined;
  const files: ArchiveFile[][] = Array.from({ length: shardCount }, () => []);
  for (let i = 0; i < listing.files.length; i += 1) {
    const file = listing.files[i] as ArchiveFile;
    files[shardOf(file.path, shardCount)]?.push(file);
  }
  const specs: ShardSpec[] = [];
  for (const [shard, shardFiles] of files.entries()) {
    if (shard > 0 && given === undefined) await yieldToEventLoop();
    const walkProblems = shard === 0 ? listing.problems : [];
    specs.push({
      shard,
      files: shardFiles,
      walkProblems,
      cacheFile: cacheFileFor(cacheFolder, shard, shardCount),
      fingerprint: given?.[shard] ?? fingerprintArchive(shardFiles, `${shard}/${shardCount}\n${JSON.stringify(walkProblems)}`),
    });
  }
  return specs;
}

/**
 * The shards of `next` to re-open after the folder changed: all of them when the shard count changed,
 * otherwise those whose files or walk problems differ from `current`'s; and the files of those shards that
 * must be read again (all, when the count changed: every file moves).
 */
export function changedShards(current: readonly ShardSpec[], next: readonly ShardSpec[]): { shards: ShardSpec[]; filesToRead: ArchiveFile[] } {
  const recount = next.length !== current.length;
  const shards = recount
    ? [...next]
    : next.filter((spec) => spec.fingerprint !== current[spec.shard]?.fingerprint || JSON.stringify(spec.walkProblems) !== JSON.stringify(current[spec.shard]?.walkProblems));
  const known = new Map(current.flatMap((spec) => spec.files).map((f) => [f.path, f]));
  const filesToRead = shards.flatMap((spec) => spec.files).filter((f) => {
    const old = known.get(f.path);
    return recount || old === undefined || old.size !== f.size || Math.round(old.mtimeMs) !== Math.round(f.mtimeMs);
  });
  return { shards, filesToRead };
}
