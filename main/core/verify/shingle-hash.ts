// The hashes of words and of word shingles (three words in a row) that the shingle index stores and a claim
// is looked up by: 32-bit FNV-1a, so an index of millions of shingles is two typed arrays, not a map of strings.

/** Words per shingle: three words in a row rarely repeat across articles unless quoted (issue 17). */
export const shingleSize = 3;

/** FNV-1a of a folded word. */
export function hashWord(word: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < word.length; i++) {
    hash ^= word.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** The shingle hash of three word hashes, order-sensitive. */
export function hashShingle(a: number, b: number, c: number): number {
  let hash = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b);
  hash = Math.imul(hash ^ (hash >>> 13) ^ b, 0xc2b2ae35);
  hash = Math.imul(hash ^ (hash >>> 16) ^ c, 0x27d4eb2f);
  return (hash ^ (hash >>> 15)) >>> 0;
}

/** The shingle hashes of a list of word hashes, one per position that starts a full shingle. */
export function shinglesOf(wordHashes: ArrayLike<number>): Uint32Array {
  const count = Math.max(0, wordHashes.length - shingleSize + 1);
  const shingles = new Uint32Array(count);
  for (let i = 0; i < count; i++) shingles[i] = hashShingle(wordHashes[i] as number, wordHashes[i + 1] as number, wordHashes[i + 2] as number);
  return shingles;
}
