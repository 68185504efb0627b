// How much heap each engine worker may take: a share of the machine, so that engines together leave the
// rest of it to the user (issue 14: each of them could grow to 6 GB).
import { totalmem } from 'node:os';

/** No engine gets more: the 50x bench archive peaks at about 2 GB over all its engines (README, Benchmarks). */
export const maxEngineHeapMb = 4096;
/** No engine gets less, even on a small machine: a normal archive needs a few hundred MB per engine. */
export const minEngineHeapMb = 1024;
/** The part of the machine's memory all engines together may take. */
export const engineMemoryShare = 0.5;

/**
 * The heap cap (V8's old generation, in MB) of each of `engines` workers on a machine with `totalBytes`
 * of memory: half the machine split between them, within [`minEngineHeapMb`, `maxEngineHeapMb`]. A worker
 * that reaches it dies alone and is restarted from the cache (engine-pool.ts).
 * @example engineHeapMb(2, 16 * 2 ** 30) // 4096; engineHeapMb(4, 8 * 2 ** 30) // 1024
 */
export function engineHeapMb(engines: number, totalBytes: number = totalmem()): number {
  const share = Math.floor((totalBytes / 2 ** 20) * engineMemoryShare / Math.max(1, engines));
  return Math.min(maxEngineHeapMb, Math.max(minEngineHeapMb, share));
}
