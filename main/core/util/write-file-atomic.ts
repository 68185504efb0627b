// Writing a file so that a reader sees the old version or the new one, never half of one: a temporary file
// beside it, fsync, then rename over it (the index caches and the corrections file both need this).

import { mkdir, open, rename, rm } from 'node:fs/promises';
import path from 'node:path';

/**
 * Writes `chunks` to `file` atomically, making its folder if needed. The temporary file is named
 * `<file>.<pid>.<ms>.tmp`, which `removeStaleCaches` (index/index-cache.ts) recognizes as left over when
 * its writer is gone (a crash, `kill -9`: issue 14). Without `sync`, not flushed to the disk before the rename:
 * for a file whose reader checks it and can do without it (a crash may leave it empty or cut).
 * @example await writeFileAtomic('/c/a-1f/corrections.json', [JSON.stringify(data)]);
 */
export async function writeFileAtomic(file: string, chunks: readonly (string | Uint8Array)[], { sync = true }: { sync?: boolean } = {}): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.${Date.now()}.tmp`;
  const handle = await open(temp, 'w');
  try {
    for (const chunk of chunks) await handle.writeFile(chunk);
    if (sync) await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}
