// An archive's corrections without opening the archive: what `verbatim corrections` lists, exports and imports.

import { correctionsFileFor, CorrectionsStore } from '../corrections/corrections-store.js';
import { cacheFolderFor } from '../index/index-cache.js';
import { resolveArchive } from './open-archive.js';

/**
 * The corrections store of the archive `archiveDir` whose caches are in `cacheDir`, read (the file the
 * library reads when it opens the archive). `onNotice` hears of a file that could not be read and was
 * moved aside. Throws `ArchiveError` when the archive folder is missing.
 * @example (await openCorrections({ archiveDir: 'content', cacheDir })).corrections.length
 */
export async function openCorrections(options: { archiveDir: string; cacheDir: string; onNotice?: (message: string) => void }): Promise<CorrectionsStore> {
  const archive = await resolveArchive(options.archiveDir);
  const store = new CorrectionsStore(correctionsFileFor(cacheFolderFor(options.cacheDir, archive)), options.onNotice ?? (() => undefined));
  await store.load();
  return store;
}
