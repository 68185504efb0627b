// Lets the event loop run: the main thread's long loops over a large archive yield between shards.

/** Resolves after the event loop has run once (timers, I/O, messages from the engines). */
export const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
