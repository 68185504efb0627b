// Values made once per key and kept: the caches of a search (search-state.ts) are filled through these.

/**
 * The value `cache` keeps for `key`, made by `make` the first time it is asked for. `make` is a closure
 * made per call: for code run once per search or less (per-item code uses `keptMap`, or gets and sets by hand).
 */
export function kept<K, V>(cache: { get(key: K): V | undefined; set(key: K, value: V): unknown }, key: K, make: () => V): V {
  let value = cache.get(key);
  if (value === undefined) {
    value = make();
    cache.set(key, value);
  }
  return value;
}

/** `fn` with its answers kept per argument, for as long as the returned function lives. */
export function memoize<K, V>(fn: (key: K) => V): (key: K) => V {
  const cache = new Map<K, V>();
  return (key) => kept(cache, key, () => fn(key));
}

/** The map `cache` keeps for `key`, made empty the first time; no closure made, for code run per item. */
export function keptMap<K, K2, V>(cache: { get(key: K): Map<K2, V> | undefined; set(key: K, value: Map<K2, V>): unknown }, key: K): Map<K2, V> {
  let map = cache.get(key);
  if (map === undefined) {
    map = new Map();
    cache.set(key, map);
  }
  return map;
}
