// Watches an archive's folders for any change, one watch per folder (Node's `fs.watch`: inotify on Linux,
// FSEvents on macOS, ReadDirectoryChangesW on Windows each report a folder's entries being added, removed,
// renamed or written). What changed is not needed: the library re-walks the archive and re-reads only the
// files whose size or time differ. chokidar, used before, also stated and watched every file: at 50x BBC
// (111,250 files) that kept the main thread busy for 20 s after `verbatim serve` was ready, under the
// first searches, and took one inotify watch per file, past many systems' limit (issue 19).

import { watch, type FSWatcher } from 'node:fs';

/** The watches of a set of folders, kept in step with the folders a walk found. */
export class FolderWatcher {
  private readonly watchers = new Map<string, FSWatcher>();
  private closed = false;

  /**
   * `onChange` is called on any change in a watched folder but those to entries `ignored` names (an editor's
   * swap files, `.DS_Store`: the walk skips them too); `onError` when a folder cannot be watched.
   */
  constructor(
    private readonly onChange: () => void,
    private readonly onError: (error: unknown) => void,
    private readonly ignored: (name: string) => boolean = () => false,
  ) {}

  /** Watches `folders` (paths as a walk read them) and no others. */
  watch(folders: readonly (string | Buffer)[]): void {
    if (this.closed) return;
    const wanted = new Map(folders.map((folder) => [keyOf(folder), folder]));
    for (const [key, watcher] of this.watchers) {
      if (wanted.has(key)) continue;
      watcher.close();
      this.watchers.delete(key);
    }
    let failed: unknown = null;
    for (const [key, folder] of wanted) {
      // Every folder is tried, whichever failed before it.
      const error = this.start(key, folder);
      failed ??= error;
    }
    // Once per call, not per folder: a limit on watches reached stops them all alike.
    if (failed !== null) this.onError(failed);
  }

  /**
   * Watches `folder` too, before a walk lists it (walk-archive.ts `beforeList`): a change made after the
   * listing is then seen, without walking the archive again once it is read. A folder that cannot be watched
   * is not told here: it may be one the walk cannot list either (that is its own problem), and the `watch` of
   * the folders the walk found, which follows it, tries the others again and tells why they failed.
   */
  add(folder: string | Buffer): void {
    if (!this.closed) this.start(keyOf(folder), folder);
  }

  /** Starts watching `folder` unless it is watched; the error when it cannot be, else null. */
  private start(key: string, folder: string | Buffer): unknown {
    if (this.watchers.has(key)) return null;
    try {
      // The name is missing on some systems: then any event counts.
      const watcher = watch(folder, (_event, name) => {
        if (name === null || !this.ignored(name.toString())) this.onChange();
      });
      // A folder removed (Windows reports it as an error): its parent's watch has seen it go, and the walk that
      // follows drops it. Not a change of its own: a folder that kept failing would re-walk the archive forever.
      watcher.on('error', () => {
        watcher.close();
        if (this.watchers.get(key) === watcher) this.watchers.delete(key);
      });
      this.watchers.set(key, watcher);
      return null;
    } catch (error) {
      return error;
    }
  }

  close(): void {
    this.closed = true;
    for (const watcher of this.watchers.values()) watcher.close();
    this.watchers.clear();
  }
}

function keyOf(folder: string | Buffer): string {
  return typeof folder === 'string' ? `s:${folder}` : `b:${folder.toString('hex')}`;
}
