import { describe, expect, it } from 'vitest';
import type { LibraryStatus } from '../../main/contract/api.js';
import { busyPollMs, idlePollMs, isFindingQuotes, isUpdating, nextPollDelay, statusChange } from '../../renderer/status-change.js';

function status(overrides: Partial<LibraryStatus> = {}): LibraryStatus {
  return {
    archiveDir: '/data/news',
    archiveName: 'news',
    state: 'ready',
    progress: { done: 3, total: 3 },
    articles: 3,
    quotes: 1,
    quotesPending: false,
    problems: [],
    duplicates: 0,
    cache: 'built',
    generation: 0,
    watching: true,
    updating: false,
    error: null,
    ...overrides,
  };
}

describe('statusChange', () => {
  it.each([
    ['the first status', null, status(), 'none'],
    ['progress and counts only', status({ state: 'indexing', articles: 0 }), status(), 'none'],
    ['new problems, same generation', status(), status({ problems: [{ path: 'a.pdf', reason: 'not an article' }] }), 'none'],
    ['another archive', status(), status({ archiveDir: '/data/other', archiveName: 'other' }), 'archive'],
    ['another archive with the same name', status(), status({ archiveDir: '/backup/news' }), 'archive'],
    ['the same archive, open again after it failed', status({ state: 'failed', error: 'gone' }), status(), 'archive'],
    ['files added, changed or removed', status({ generation: 2 }), status({ generation: 3 }), 'content'],
    ['a generation counted from 0 again', status({ generation: 4 }), status({ generation: 0 }), 'content'],
  ] as const)('%s: %s', (_name, previous, next, expected) => {
    expect(statusChange(previous, next)).toBe(expected);
  });

  it('treats a status without `generation` (an older server) as generation 0', () => {
    const old = { ...status() } as Partial<LibraryStatus>;
    delete old.generation;
    expect(statusChange(old as LibraryStatus, status())).toBe('none');
  });
});

describe('isUpdating and nextPollDelay', () => {
  it.each([
    ['indexing', status({ state: 'indexing' }), false, busyPollMs],
    ['updating after a change', status({ updating: true }), true, busyPollMs],
    ['ready', status(), false, idlePollMs],
    ['failed', status({ state: 'failed', error: 'gone' }), false, idlePollMs],
  ] as const)('%s: updating %s, next poll in %i ms', (_name, s, updating, delay) => {
    expect(isUpdating(s)).toBe(updating);
    expect(nextPollDelay(s)).toBe(delay);
  });

  it('asks often while quotes are still being found after a build, so their count shows when done', () => {
    const finding = status({ quotesPending: true, quotes: 0 });
    expect(isFindingQuotes(finding)).toBe(true);
    expect(nextPollDelay(finding)).toBe(busyPollMs);
    expect(isFindingQuotes(status())).toBe(false);
    // A server older than the field.
    const { quotesPending: _absent, ...older } = status();
    expect(isFindingQuotes(older as LibraryStatus)).toBe(false);
  });

  it('keeps asking every 2 s after a failed request, so the line recovers', () => {
    expect(nextPollDelay(null)).toBe(idlePollMs);
    expect([busyPollMs, idlePollMs]).toEqual([300, 2000]);
  });
});
