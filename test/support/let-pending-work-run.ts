// A bounded wait for tests that check that something does NOT happen, where there is no condition to wait for.

/**
 * Lets pending work (promise callbacks, timers, file system calls) run for `ms` before a test checks
 * that it did nothing: no window opened, no file written. Only for such negative checks; to wait for
 * something to happen, use `vi.waitFor` on the condition instead.
 */
export function letPendingWorkRun(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
