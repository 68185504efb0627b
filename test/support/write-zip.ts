// Test support: writes .zip files (deflated entries, streamed, with a CRC per entry) so that tests can build
// real archives and zip bombs in a temporary folder. Verbatim only reads zips (yauzl); this is the writer.
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { crc32, createDeflateRaw } from 'node:zlib';

/** An entry: its bytes, or one chunk repeated (a bomb's gigabyte, never held in memory). */
export interface ZipInput {
  name: string;
  data?: Buffer;
  repeat?: { chunk: Buffer; times: number };
  /** The uncompressed size the headers state, when it is to lie. */
  declaredSize?: number;
}

/** Writes `entries` to a zip at `file`, each deflated by streaming. */
export async function writeZip(file: string, entries: readonly ZipInput[]): Promise<void> {
  const out = createWriteStream(file);
  let offset = 0;
  const write = async (bytes: Buffer): Promise<void> => {
    offset += bytes.length;
    if (!out.write(bytes)) await once(out, 'drain');
  };
  const central: Buffer[] = [];
  for (const entry of entries) {
    const name = Buffer.from(entry.name);
    const chunks = entry.repeat === undefined ? [entry.data ?? Buffer.alloc(0)] : { length: entry.repeat.times, chunk: entry.repeat.chunk };
    const { packed, crc, size } = await deflate(chunks);
    const stated = entry.declaredSize ?? size;
    const local = localHeader(name, crc, packed.length, stated);
    central.push(Buffer.concat([centralHeader(name, crc, packed.length, stated, offset), name]));
    await write(Buffer.concat([local, name]));
    await write(packed);
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  await write(directory);
  await write(end);
  out.end();
  await once(out, 'finish');
}

async function deflate(chunks: Buffer[] | { length: number; chunk: Buffer }): Promise<{ packed: Buffer; crc: number; size: number }> {
  const deflater = createDeflateRaw({ level: 9 });
  const parts: Buffer[] = [];
  deflater.on('data', (part: Buffer) => parts.push(part));
  let crc = 0;
  let size = 0;
  const count = Array.isArray(chunks) ? chunks.length : chunks.length;
  for (let i = 0; i < count; i += 1) {
    const chunk = Array.isArray(chunks) ? (chunks[i] ?? Buffer.alloc(0)) : chunks.chunk;
    crc = crc32(chunk, crc);
    size += chunk.length;
    if (!deflater.write(chunk)) await once(deflater, 'drain');
  }
  deflater.end();
  await once(deflater, 'end');
  return { packed: Buffer.concat(parts), crc, size };
}

function localHeader(name: Buffer, crc: number, packed: number, size: number): Buffer {
  const b = Buffer.alloc(30);
  b.writeUInt32LE(0x04034b50, 0);
  b.writeUInt16LE(20, 4);
  b.writeUInt16LE(0x0800, 6); // UTF-8 names
  b.writeUInt16LE(8, 8); // deflate
  b.writeUInt32LE(crc >>> 0, 14);
  b.writeUInt32LE(packed, 18);
  b.writeUInt32LE(size, 22);
  b.writeUInt16LE(name.length, 26);
  return b;
}

function centralHeader(name: Buffer, crc: number, packed: number, size: number, offset: number): Buffer {
  const b = Buffer.alloc(46);
  b.writeUInt32LE(0x02014b50, 0);
  b.writeUInt16LE(20, 4);
  b.writeUInt16LE(20, 6);
  b.writeUInt16LE(0x0800, 8);
  b.writeUInt16LE(8, 10);
  b.writeUInt32LE(crc >>> 0, 16);
  b.writeUInt32LE(packed, 20);
  b.writeUInt32LE(size, 24);
  b.writeUInt16LE(name.length, 28);
  b.writeUInt32LE(offset, 42);
  return b;
}
