// Typed arrays serialized apart from V8's stream, at offsets that are multiples of 8 (issue 19): read back as
// views of the region when it is aligned, copies when it is not, and refused when the stream points outside it.
import { describe, expect, it } from 'vitest';
import { deserializeAligned, serializeAligned } from '../../../main/core/util/aligned-serialization.js';

const value = () => ({
  name: 'shard',
  bytes: Buffer.from('packed quotes'),
  odd: new Uint8Array([1, 2, 3]),
  postings: Int32Array.from([5, -1, 7]),
  weights: Float64Array.from([0.5, 1 / 3, -2]),
  nested: [{ ids: Uint32Array.from([4_000_000_000]) }],
  big: BigInt64Array.from([-(2n ** 60n)]),
});

/** `value()` serialized, its region copied to `offset` bytes into memory of its own. */
function serializedAt(offset: number): { stream: Buffer; region: Uint8Array } {
  const { stream, region: chunks } = serializeAligned(value());
  const joined = Buffer.concat(chunks);
  const region = new Uint8Array(new ArrayBuffer(joined.length + offset), offset, joined.length);
  region.set(joined);
  return { stream, region };
}

describe('aligned serialization', () => {
  it('round-trips every kind of typed array, each a view of an aligned region', () => {
    const { stream, region: aligned } = serializedAt(8);
    const read = deserializeAligned(stream, aligned) as ReturnType<typeof value>;
    expect(read).toEqual(value());
    expect(Buffer.isBuffer(read.bytes)).toBe(true);
    for (const view of [read.bytes, read.odd, read.postings, read.weights, read.nested[0]?.ids, read.big]) expect(view?.buffer).toBe(aligned.buffer);
  });

  it('copies the typed arrays of a region that is not aligned, with the same values', () => {
    const { stream, region: shifted } = serializedAt(3);
    const read = deserializeAligned(stream, shifted) as ReturnType<typeof value>;
    expect(read).toEqual(value());
    expect(read.weights.buffer).not.toBe(shifted.buffer);
  });

  it('throws when the stream names bytes past its region', () => {
    const { stream, region: chunks } = serializeAligned(value());
    const region = Buffer.concat(chunks);
    expect(() => deserializeAligned(stream, region.subarray(0, region.length - 8))).toThrow(/outside its region/);
  });
});
