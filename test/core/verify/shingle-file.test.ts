// The shingle index saved beside a shard's cache (issue 19): read back as written, and refused (so built
// again) when it is another shard's, damaged or not one of ours, never thrown.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readShingleFile, readShingleFileLater, shingleFileFor, writeShingleFile } from '../../../main/core/verify/shingle-file.js';
import { buildShingleIndex } from '../../../main/core/verify/shingle-index.js';
import { tempDir } from '../../support/paths.js';

const texts = ['The minister said the plan would cost more than expected', 'Nobody said the plan would be cheap', 'Rain'];

describe('shingle files', () => {
  it('read back the index written, synchronously and not', async () => {
    const file = path.join(tempDir(), 'shard-0-of-2.shingles');
    const index = buildShingleIndex(texts);
    await writeShingleFile(file, 'fp', index);
    expect(readShingleFile(file, 'fp', 3)).toEqual(index);
    expect(await readShingleFileLater(file, 'fp', 3)).toEqual(index);
    // Another shard's (fingerprint), or over other articles: not read.
    expect(readShingleFile(file, 'other', 3)).toBeNull();
    expect(readShingleFile(file, 'fp', 4)).toBeNull();
    expect(shingleFileFor('/c/a-1f/shard-0-of-2.cache')).toBe('/c/a-1f/shard-0-of-2.shingles');
  });

  it('read an index with no entry (its checksum over nothing is right)', async () => {
    const file = path.join(tempDir(), 'empty.shingles');
    const index = buildShingleIndex(['', 'two words']);
    expect(index.keys.length).toBe(0);
    await writeShingleFile(file, 'fp', index);
    expect(readShingleFile(file, 'fp', 2)).toEqual(index);
  });

  it.each([
    ['absent', null],
    ['empty', ''],
    ['a header of null', `null${' '.repeat(3)}\n`],
    ['a header that is a list', `[1]${' '.repeat(4)}\n`],
    ['a header line that is not JSON', `{"format":${' '.repeat(4)}\n`],
    ['no header line', '{"format":"verbatim-shingles","version":1}'],
    ['a header of another format', `${JSON.stringify({ format: 'other', version: 1 })}\n`],
  ])('refuse a file that is %s', async (_what, content) => {
    const file = path.join(tempDir(), 'x.shingles');
    if (content !== null) writeFileSync(file, content);
    expect(readShingleFile(file, 'fp', 3)).toBeNull();
    expect(await readShingleFileLater(file, 'fp', 3)).toBeNull();
  });

  it('refuse a file cut short or with a byte changed', async () => {
    const file = path.join(tempDir(), 'x.shingles');
    await writeShingleFile(file, 'fp', buildShingleIndex(texts));
    const bytes = readFileSync(file);
    writeFileSync(file, bytes.subarray(0, bytes.length - 4));
    expect(readShingleFile(file, 'fp', 3)).toBeNull();
    const changed = Buffer.from(bytes);
    changed[changed.length - 5] = (changed[changed.length - 5] ?? 0) ^ 1;
    writeFileSync(file, changed);
    expect(readShingleFile(file, 'fp', 3)).toBeNull();
  });
});
