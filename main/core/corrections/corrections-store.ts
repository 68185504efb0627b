// The user's corrections of one archive, kept in a small versioned JSON file next to its index cache (never
// in the archive, which Verbatim never writes). Every change reads the file again, changes it and writes it
// atomically, so a `verbatim corrections import` made while the app has the archive open is not overwritten.

import { randomUUID } from 'node:crypto';
import { readFile, rename } from 'node:fs/promises';
import path from 'node:path';
import type { Correction, CorrectionChange } from '../../contract/model.js';
import { InvalidArgumentError, NotFoundError, VerbatimError } from '../errors.js';
import { writeFileAtomic } from '../util/write-file-atomic.js';
import { formatCorrectionsFile, maxCorrections, parseCorrectionsFile } from './parse-corrections.js';

/** The name of the corrections file in an archive's cache folder (`cacheFolderFor`, index/index-cache.ts). */
export const correctionsFileName = 'corrections.json';

/** The corrections file of the archive whose cache folder is `cacheFolder`. */
export function correctionsFileFor(cacheFolder: string): string {
  return path.join(cacheFolder, correctionsFileName);
}

/** What an import did: the corrections it added, and those it skipped because one with their id was there. */
export interface ImportedCorrections {
  added: Correction[];
  skipped: Correction[];
}

/**
 * The corrections file of one archive. A file that cannot be read (damaged, or written by a newer Verbatim)
 * is never overwritten: it is moved aside (`corrections.json.unreadable-<time>`), the user is told where,
 * and the store starts empty.
 * @example
 * const store = new CorrectionsStore(correctionsFileFor(cacheFolder), console.warn);
 * await store.load();
 * const made = await store.add({ type: 'not-quote', quoteId: 'politics/001.txt:3', quoteText: 'Never' });
 * await store.undo(made.id);
 */
export class CorrectionsStore {
  private list: Correction[] = [];
  /** Changes one after another: each reads the file that the one before wrote. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    readonly file: string,
    private readonly onNotice: (message: string) => void,
  ) {}

  /** Every correction in force, oldest first, as last read or written. */
  get corrections(): readonly Correction[] {
    return this.list;
  }

  /** Reads the file (none yet means no corrections). */
  load(): Promise<readonly Correction[]> {
    return this.change(() => null);
  }

  /** Saves a new correction of `change`, with a new id and the time `now`. */
  async add(change: CorrectionChange, now = new Date()): Promise<Correction> {
    const correction: Correction = { id: randomUUID(), made: now.toISOString(), change };
    await this.change((list) => {
      if (list.length >= maxCorrections) throw new InvalidArgumentError(`this archive has ${list.length} corrections, the most Verbatim keeps`);
      return [...list, correction];
    });
    return correction;
  }

  /** Removes the correction `id`; throws `NotFoundError` when there is none. */
  async undo(id: string): Promise<Correction> {
    let undone: Correction | undefined;
    await this.change((list) => {
      undone = list.find((c) => c.id === id);
      if (undone === undefined) throw new NotFoundError(`no correction with id "${id.slice(0, 40)}" in this archive`);
      return list.filter((c) => c.id !== id);
    });
    return undone as Correction;
  }

  /** Adds `corrections` whose ids are not there yet, oldest first; skips the others. */
  async import(corrections: readonly Correction[]): Promise<ImportedCorrections> {
    const result: ImportedCorrections = { added: [], skipped: [] };
    await this.change((list) => {
      const ids = new Set(list.map((c) => c.id));
      for (const c of corrections) (ids.has(c.id) ? result.skipped : result.added).push(c);
      const merged = [...list, ...result.added].sort((a, b) => (a.made < b.made ? -1 : a.made > b.made ? 1 : 0));
      if (merged.length > maxCorrections) throw new InvalidArgumentError(`the import would leave ${merged.length} corrections; the limit is ${maxCorrections}`);
      return result.added.length > 0 ? merged : null;
    });
    return result;
  }

  /** Reads the file, gives its corrections to `edit`, and writes what `edit` returns (nothing when null). */
  private change(edit: (list: readonly Correction[]) => Correction[] | null): Promise<readonly Correction[]> {
    const run = this.queue.then(async () => {
      const next = edit(await this.read());
      if (next !== null) {
        try {
          await writeFileAtomic(this.file, [formatCorrectionsFile(next)]);
        } catch (error) {
          throw new VerbatimError('unreadable-file', `The corrections file ${this.file} could not be saved (${(error as Error).message}); nothing was changed.`);
        }
        this.list = next;
      }
      return this.list;
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** The file's corrections; an unreadable file is moved aside first (and the user told). */
  private async read(): Promise<Correction[]> {
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (error) {
      // No file, or no folder for one (a cache folder that cannot be made): no corrections yet.
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR') return (this.list = []);
      throw new VerbatimError('unreadable-file', `The corrections file ${this.file} cannot be read (${(error as Error).message}).`);
    }
    try {
      return (this.list = parseCorrectionsFile(text));
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      const aside = `${this.file}.unreadable-${new Date().toISOString().replace(/[:.]/g, '-')}`;
      try {
        await rename(this.file, aside);
      } catch (renameError) {
        // Left where it is, and not overwritten: changes fail until the user moves it.
        throw new VerbatimError('unreadable-file', `The corrections file ${this.file} cannot be read (${reason}) nor moved aside (${(renameError as Error).message}); move it away to make corrections again.`);
      }
      this.onNotice(`The corrections file ${this.file} could not be read (${reason}); it was kept as ${aside}, and the archive opens without those corrections.`);
      return (this.list = []);
    }
  }
}
