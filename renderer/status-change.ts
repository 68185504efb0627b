// Pure rules for following the library's status (no DOM, so unit-tested under Node): how often to ask for
// it, and what a new status means for the views (another archive, or new content in the same one).

import type { LibraryStatus } from '../main/contract/api.js';

/** How often the status is asked for while the index is built or updated, in milliseconds. */
export const busyPollMs = 300;
/** How often otherwise: often enough that a change to the archive shows within a few seconds. */
export const idlePollMs = 2000;

/**
 * What changed from `previous` to `next`:
 * - `archive`: another archive is open (File > Open Archive…, a drop), or the same one opened again after
 *   it had failed: start over (search again, close the article);
 * - `content`: files of the archive were added, changed or removed (`generation` went up): search again
 *   and refresh the open article;
 * - `none`: progress and counts only.
 */
export function statusChange(previous: LibraryStatus | null, next: LibraryStatus): 'archive' | 'content' | 'none' {
  if (previous === null) return 'none';
  if (previous.archiveDir !== next.archiveDir) return 'archive';
  if (previous.state === 'failed' && next.state !== 'failed') return 'archive';
  // `generation` is absent from servers older than the field; treat that as 0.
  if ((previous.generation ?? 0) !== (next.generation ?? 0)) return 'content';
  return 'none';
}

/** Whether changed files are being read and the index rebuilt (searches meanwhile use the previous index). */
export function isUpdating(status: LibraryStatus): boolean {
  return status.state === 'ready' && status.updating === true;
}

/** Whether quotes are still being extracted after a fresh build (the archive is searchable meanwhile). */
export function isFindingQuotes(status: LibraryStatus): boolean {
  // Absent from servers older than the field.
  return status.state === 'ready' && status.quotesPending === true;
}

/** The wait before asking for the status again after receiving `status` (null: the request failed). */
export function nextPollDelay(status: LibraryStatus | null): number {
  if (status === null) return idlePollMs;
  return status.state === 'indexing' || isUpdating(status) || isFindingQuotes(status) ? busyPollMs : idlePollMs;
}
