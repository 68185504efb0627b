// A shard plan made with the fingerprints saved with a listing (archive/saved-listing.ts) is the plan made by
// computing them; fingerprints of another shard count are not used.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ArchiveListing } from '../../../main/core/archive/walk-archive.js';
import { planShards } from '../../../main/core/library/shards.js';

const listing: ArchiveListing = {
  files: ['a.txt', 'b/c.md', 'd.json', 'e.html', 'f/g/h.txt'].map((p, i) => ({ path: p, absolutePath: path.join('/archive', p), size: 100 + i, mtimeMs: 1_700_000_000_000 + i })),
  problems: [],
  folders: ['/archive'],
};

describe('a shard plan', () => {
  it('takes the fingerprints it is given for its shard count, and is the plan that computes them', async () => {
    const computed = await planShards(listing, 2, '/cache');
    const fingerprints = computed.map((spec) => spec.fingerprint);
    expect(new Set(fingerprints).size).toBe(2);
    expect(await planShards(listing, 2, '/cache', fingerprints)).toEqual(computed);
    // Given: used as they are (the caller knows they are these files').
    expect((await planShards(listing, 2, '/cache', ['x', 'y'])).map((spec) => spec.fingerprint)).toEqual(['x', 'y']);
    // Of another shard count: computed.
    expect((await planShards(listing, 2, '/cache', ['x', 'y', 'z'])).map((spec) => spec.fingerprint)).toEqual(fingerprints);
  });
});
