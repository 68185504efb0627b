// Stopping `verbatim serve` on Ctrl+C or SIGTERM in every state (issue 14): the first signal starts a
// graceful stop that has a deadline, a second signal ends the process at once. Without the deadline, a
// stop that waited for an archive stuck opening (or for a busy engine) never ended.

/** The signals that stop Verbatim. */
export type StopSignal = 'SIGINT' | 'SIGTERM';

/** Exit codes after a signal: 128 + the signal's number, as a shell reports a process the signal ended. */
export const signalExitCodes: Record<StopSignal, number> = { SIGINT: 130, SIGTERM: 143 };

/**
 * How long a graceful stop may take before the process ends anyway: half the target of 1 s, as
 * ending the worker threads takes the rest (0.4 s measured with a stuck worker, on a loaded machine).
 */
export const stopDeadlineMs = 500;

/**
 * Resolves with the first SIGINT or SIGTERM received from now on. From that signal on, the process ends
 * with its exit code after `deadlineMs` (a timer that does not itself keep the process alive), or at the
 * next signal, with that signal's code. `process.exit` ends worker threads too, stuck ones included.
 * @example
 * const signal = await untilStopSignal();
 * await server.close(); // finishes in time, or the deadline ends the process
 * return signalExitCodes[signal];
 */
export function untilStopSignal(deadlineMs = stopDeadlineMs): Promise<StopSignal> {
  return new Promise((resolve) => {
    let stopping = false;
    const onSignal = (signal: StopSignal): void => {
      if (stopping) process.exit(signalExitCodes[signal]);
      stopping = true;
      setTimeout(() => process.exit(signalExitCodes[signal]), deadlineMs).unref();
      resolve(signal);
    };
    // Kept for the process's life: removing them would give the second signal Node's default handling.
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  });
}
