// Binary search over anything sorted: offsets, tokens, terms, a vector's term numbers.

/**
 * The first position in `[0, count)` whose item is not `isBefore` the sought value (`count` when every
 * item is): where the value stands, or would be inserted, in a list sorted so that every item `isBefore`
 * it comes first.
 * ```ts
 * lowerBound(offsets.length, (i) => offsets[i] < offset); // the first offset at or after `offset`
 * ```
 */
export function lowerBound(count: number, isBefore: (position: number) => boolean): number {
  let low = 0;
  let high = count;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (isBefore(mid)) low = mid + 1;
    else high = mid;
  }
  return low;
}
