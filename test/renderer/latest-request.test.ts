// "Latest request wins", as both result views use it: stale answers dropped, busy while the latest is
// awaited, and the "Searching…" line only for a request still awaited after its delay.

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { latestRequest } from '../../renderer/latest-request.js';

/** A promise and the function that resolves it. */
function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve: (value: T) => void = () => undefined;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

describe('latestRequest', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('answers only the latest request, whatever order the answers come in', async () => {
    const requests = latestRequest();
    const answers: string[] = [];
    const first = deferred<string>();
    const second = deferred<string>();
    requests.send(first.promise, (a) => answers.push(a));
    requests.send(second.promise, (a) => answers.push(a));
    expect(requests.busy).toBe(true);
    second.resolve('second');
    await vi.runAllTimersAsync();
    expect(requests.busy).toBe(false);
    first.resolve('first');
    await vi.runAllTimersAsync();
    expect(answers).toEqual(['second']);
  });

  it('drops every answer once dropped, and is not busy', async () => {
    const requests = latestRequest();
    const answers: string[] = [];
    const pending = deferred<string>();
    requests.send(pending.promise, (a) => answers.push(a));
    requests.drop();
    expect(requests.busy).toBe(false);
    pending.resolve('late');
    await vi.runAllTimersAsync();
    expect(answers).toEqual([]);
  });

  it('shows that it is slow only while the request is still awaited after the delay', async () => {
    const requests = latestRequest();
    const shown: string[] = [];
    const slow = deferred<string>();
    requests.send(slow.promise, () => undefined, { afterMs: 120, show: () => shown.push('slow') });
    await vi.advanceTimersByTimeAsync(119);
    expect(shown).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(shown).toEqual(['slow']);

    const fast = deferred<string>();
    requests.send(fast.promise, () => undefined, { afterMs: 120, show: () => shown.push('fast') });
    fast.resolve('done');
    await vi.advanceTimersByTimeAsync(200);
    const overtaken = deferred<string>();
    requests.send(overtaken.promise, () => undefined, { afterMs: 120, show: () => shown.push('overtaken') });
    requests.drop();
    await vi.advanceTimersByTimeAsync(200);
    expect(shown).toEqual(['slow']);
  });
});
