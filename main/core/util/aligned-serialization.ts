// V8's serialization (Node's `v8.serialize`) with the bytes of every typed array and Buffer kept apart, each
// at an offset that is a multiple of 8 in a region of their own. Read back from a file whose region starts
// at such an offset, they are views of the file's bytes, not copies: Node's own deserializer copies every
// typed array that lands at an odd offset, which was 65 ms of each shard's warm open at 10x BBC (issue 19).

import v8 from 'node:v8';

/** The kinds of typed array kept apart, by the number the stream names them with. */
const viewTypes = [Buffer, Uint8Array, Int8Array, Uint8ClampedArray, Int16Array, Uint16Array, Int32Array, Uint32Array, Float32Array, Float64Array, BigInt64Array, BigUint64Array] as const;

const alignment = 8;

/**
 * `value` serialized: the stream, and the region its typed arrays' bytes are in (see `deserializeAligned`),
 * in chunks of a few MB (written one after another, the region is never copied whole).
 */
export function serializeAligned(value: unknown): { stream: Buffer; region: Uint8Array[] } {
  const serializer = new RegionSerializer();
  serializer.writeHeader();
  serializer.writeValue(value);
  return { stream: serializer.releaseBuffer(), region: serializer.region() };
}

/** Region parts are joined into chunks of about this size: fewer writes, without a copy of the whole region. */
const chunkBytes = 4 * 1024 * 1024;

/**
 * The value `serializeAligned` gave `stream` and `region` for. The typed arrays are views of `region` when
 * it starts at a multiple of 8 in its memory (copies otherwise). Throws on a stream or region that do not fit.
 */
export function deserializeAligned(stream: Uint8Array, region: Uint8Array): unknown {
  const deserializer = new RegionDeserializer(stream, region);
  deserializer.readHeader();
  return deserializer.readValue();
}

class RegionSerializer extends v8.DefaultSerializer {
  private readonly parts: Uint8Array[] = [];
  private size = 0;

  /** Called by V8 for each typed array (Node's serializer treats them as host objects). */
  _writeHostObject(view: NodeJS.TypedArray): void {
    const type = viewTypes.findIndex((t) => view.constructor === t);
    if (type === -1) throw new Error(`cannot serialize a ${view.constructor.name}`);
    const padding = (alignment - (this.size % alignment)) % alignment;
    if (padding > 0) this.parts.push(new Uint8Array(padding));
    this.size += padding;
    // Offsets are written as 32-bit numbers: a region past 4 GiB could not be read back (and a shard is ~50 MB).
    if (this.size + view.byteLength > 0xffff_ffff) throw new Error('the typed arrays exceed 4 GiB');
    this.writeUint32(type);
    this.writeUint32(this.size);
    this.writeUint32(view.byteLength);
    this.parts.push(new Uint8Array(view.buffer, view.byteOffset, view.byteLength));
    this.size += view.byteLength;
  }

  region(): Uint8Array[] {
    return joinInChunks(this.parts);
  }
}

/**
 * `parts` joined into chunks of about 4 MB, in order (a part alone in its chunk is not copied): what a file
 * of many small parts is written as, one write per chunk, without a copy of the whole.
 */
export function joinInChunks(parts: readonly Uint8Array[]): Uint8Array[] {
  const chunks: Uint8Array[] = [];
  let group: Uint8Array[] = [];
  let bytes = 0;
  const flush = (): void => {
    if (group.length > 0) chunks.push(group.length === 1 ? (group[0] as Uint8Array) : Buffer.concat(group, bytes));
    group = [];
    bytes = 0;
  };
  for (const part of parts) {
    if (bytes + part.byteLength > chunkBytes) flush();
    group.push(part);
    bytes += part.byteLength;
  }
  flush();
  return chunks;
}

class RegionDeserializer extends v8.DefaultDeserializer {
  constructor(
    stream: Uint8Array,
    private readonly bytes: Uint8Array,
  ) {
    super(Buffer.from(stream.buffer, stream.byteOffset, stream.byteLength));
  }

  /** Called by V8 for each typed array the stream names. */
  _readHostObject(): NodeJS.TypedArray {
    const type = viewTypes[this.readUint32()];
    const offset = this.readUint32();
    const length = this.readUint32();
    if (type === undefined || offset + length > this.bytes.byteLength) throw new Error('a typed array lies outside its region');
    const size = type === Buffer ? 1 : (type as { BYTES_PER_ELEMENT: number }).BYTES_PER_ELEMENT;
    if (length % size !== 0) throw new Error('a typed array has a partial element');
    let at = this.bytes.byteOffset + offset;
    let buffer = this.bytes.buffer;
    if (at % size !== 0) {
      const copy = new Uint8Array(this.bytes.subarray(offset, offset + length));
      buffer = copy.buffer;
      at = 0;
    }
    if (type === Buffer) return Buffer.from(buffer, at, length);
    return new (type as new (buffer: ArrayBufferLike, byteOffset: number, length: number) => NodeJS.TypedArray)(buffer, at, length / size);
  }
}
