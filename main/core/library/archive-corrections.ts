// The user's corrections of an open archive: read from their file before the shards open, sent to every
// engine (which corrects every quote it answers with), and after each change the engines' corrected counts
// and the merges and splits are handed back to the archive (library/open-archive.ts).

import type { ArticleView, Correction, CorrectionChange } from '../../contract/api.js';
import { articleOfQuote } from '../corrections/apply-corrections.js';
import { CorrectionsStore } from '../corrections/corrections-store.js';
import type { EnginePool } from '../engine/engine-pool.js';
import type { QuotesReady } from '../engine/shard-engine.js';
import { NotFoundError } from '../errors.js';
import type { PeopleCorrections } from '../quotes/people/resolve-people.js';

/** What the corrections need of the archive they belong to. */
export interface CorrectedArchive {
  /** The archive's engines now (a one-shot command may swap them before the shards open). */
  pool: () => EnginePool;
  /** The article view (to check that a quote correction names one of its quotes). */
  article(id: string): Promise<ArticleView>;
  /** The engines' quote counts, corrected, of the shards whose quotes are all known. */
  counted(ready: readonly QuotesReady[]): void;
  /** The merges and splits changed (`opening`: before the shards open, when there are no people to resolve yet). */
  peopleChanged(people: PeopleCorrections, opening: boolean): Promise<void>;
  tell(message: string): void;
}

/** The merges and splits of `corrections`, oldest first, for the person resolution. */
export function peopleCorrectionsOf(corrections: readonly Correction[]): PeopleCorrections {
  const result: PeopleCorrections = { merges: [], splits: [] };
  for (const { change } of corrections) {
    if (change.type === 'merge') result.merges.push({ into: change.into, from: change.from });
    else if (change.type === 'split') result.splits.push({ speakerId: change.speakerId, alias: change.alias });
  }
  return result;
}

/** The corrections of one open archive, kept in `file`. */
export class ArchiveCorrections {
  private readonly store: CorrectionsStore;

  constructor(
    readonly file: string,
    private readonly archive: CorrectedArchive,
  ) {
    this.store = new CorrectionsStore(file, (message) => archive.tell(message));
  }

  /** Every correction in force, oldest first. */
  get list(): readonly Correction[] {
    return this.store.corrections;
  }

  /** Reads the file and gives its corrections to the engines; a file that cannot be read is told, not fatal. */
  async load(): Promise<void> {
    await this.read();
    await this.apply(true);
  }

  /** Reads the file, without giving its corrections to anyone; a file that cannot be read is told (none then). */
  async read(): Promise<readonly Correction[]> {
    try {
      await this.store.load();
    } catch (error) {
      this.archive.tell(error instanceof Error ? error.message : String(error));
    }
    return this.store.corrections;
  }

  /** Saves a correction and applies it; a quote correction must name a quote of the archive (`NotFoundError`). */
  async correct(change: CorrectionChange): Promise<Correction> {
    if (change.type === 'speaker' || change.type === 'not-quote') {
      const view = await this.archive.article(articleOfQuote(change.quoteId));
      // Found as `correctQuotes` finds it: by its text (its id may have been numbered anew).
      if (!view.quotes.some((q) => q.text === change.quoteText)) {
        throw new NotFoundError(`no quote "${change.quoteText.slice(0, 60)}" (${change.quoteId.slice(0, 60)}) in ${view.article.path}`);
      }
    }
    const made = await this.store.add(change);
    await this.apply(false);
    return made;
  }

  /** Undoes the correction `id` (`NotFoundError` for an unknown id). */
  async undo(id: string): Promise<Correction> {
    const undone = await this.store.undo(id);
    await this.apply(false);
    return undone;
  }

  /** Gives the corrections to every engine, then their counts and the merges and splits to the archive. */
  private async apply(opening: boolean): Promise<void> {
    const corrections = [...this.store.corrections];
    this.archive.counted((await this.archive.pool().broadcast({ type: 'corrections', corrections })).flat());
    await this.archive.peopleChanged(peopleCorrectionsOf(corrections), opening);
  }
}
