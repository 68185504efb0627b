// "Latest request wins" for a view that asks the API as the user types: an answer that comes back after
// a newer request was made is dropped, so the view always shows the latest query's answer.

/** A view's requests, of which only the latest is answered. */
export interface LatestRequest {
  /**
   * Sends a request: `answer` gets its result only if no later `send` or `drop` came meanwhile. With
   * `slow`, `slow.show` runs when the request is still awaited after `slow.afterMs` (a "Searching…" line
   * that a fast answer never flashes).
   * @example
   * requests.send(api.search({ query }), (result) => show(result), { afterMs: 120, show: showSearching });
   */
  send<T>(request: Promise<T>, answer: (result: T) => void, slow?: { afterMs: number; show: () => void }): void;
  /** Drops the answer of every request sent so far (the query was emptied: nothing to ask). */
  drop(): void;
  /** Whether the latest request is still awaited. */
  readonly busy: boolean;
}

/** A fresh set of requests, none awaited. */
export function latestRequest(): LatestRequest {
  let latest = 0;
  let awaited = 0;
  return {
    send(request, answer, slow) {
      const id = ++latest;
      awaited = id;
      const timer =
        slow === undefined
          ? undefined
          : setTimeout(() => {
              if (awaited === id) slow.show();
            }, slow.afterMs);
      void request.then((result) => {
        clearTimeout(timer);
        if (id !== latest) return;
        awaited = 0;
        answer(result);
      });
    },
    drop() {
      latest += 1;
      awaited = 0;
    },
    get busy() {
      return awaited !== 0;
    },
  };
}
