// One confirmation at a time: a page that asks again and again (repeated drops, a burst of link clicks)
// gets one native dialog, not a stack of them (issue 14).

/**
 * Wraps `ask` so that while one call is pending, later calls do not run: `onBusy` is told why each was
 * ignored, and the call resolves at once. When the pending call settles, the next call runs again.
 * @example
 * const confirmDrop = oneAtATime(askToOpen, (folder) => console.warn(`ignored ${folder}: a dialog is open`));
 */
export function oneAtATime<T>(ask: (value: T) => Promise<unknown>, onBusy: (value: T) => void): (value: T) => Promise<void> {
  let pending = false;
  return async (value) => {
    if (pending) {
      onBusy(value);
      return;
    }
    pending = true;
    try {
      await ask(value);
    } finally {
      pending = false;
    }
  };
}
