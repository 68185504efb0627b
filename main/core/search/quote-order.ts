// The one order of a quote list: newest article first (undated last), then by path and place in the text.
// Engines pick their first quotes in it and the main thread merges their lists with it, so the pages of a
// list (offset, limit) follow on from each other.

/** Where a quote is: what the quote list is ordered by. */
interface QuotePlace {
  date: string | null;
  path: string;
  start: number;
}

/** Newest first (undated last), then by path, then by where the quote starts. */
export function compareQuotePlaces(a: QuotePlace, b: QuotePlace): number {
  const da = a.date ?? '';
  const db = b.date ?? '';
  if (da !== db) return da < db ? 1 : -1;
  if (a.path !== b.path) return a.path < b.path ? -1 : 1;
  return a.start - b.start;
}
