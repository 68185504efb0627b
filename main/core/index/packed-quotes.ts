// The quotes of a cached file record, kept serialized until something reads them (issue 19). Deserializing
// a shard's quotes (26,000 at 10x BBC, five objects each) and collecting the garbage they made was the
// largest part of a warm open, though a search reads the quotes of the articles it shows and little else.
// The cache stores each record's quotes as bytes of their own with the count per article; a record read
// from the cache has a `quotes` property that deserializes them on first read and then holds the list.

import v8 from 'node:v8';
import type { Quote } from '../../contract/model.js';
import type { FileRecord } from './build-library-data.js';

/** A record's quotes as the cache stores them. */
export interface PackedQuotes {
  /** `v8.serialize` of the record's quote list. */
  bytes: Uint8Array;
  /** How many of the quotes are of each of the record's articles, in the order of `articles`. */
  counts: number[];
}

/** A file record as the cache stores it: its quotes packed (null while they are still to be extracted). */
export type StoredRecord = Omit<FileRecord, 'quotes'> & { quotes: PackedQuotes | null };

/** The packed quotes of records read from a cache that nothing has read yet. */
const unread = new WeakMap<FileRecord, PackedQuotes>();

/** `record` as the cache stores it; quotes never read since the cache was are written back as they were. */
export function packRecord(record: FileRecord): StoredRecord {
  // Every field but the quotes, copied without reading them (a spread would call their getter).
  const stored: Record<string, unknown> = {};
  for (const key of Object.keys(record)) if (key !== 'quotes') stored[key] = (record as unknown as Record<string, unknown>)[key];
  const quotes = unread.has(record) ? null : record.quotes;
  stored.quotes = unread.get(record) ?? (quotes === null ? null : { bytes: v8.serialize(quotes), counts: countsOf(record.articles, quotes) });
  return stored as StoredRecord;
}

/**
 * The record a cache stored, its quotes deserialized on first read (an assignment replaces them). Throws
 * when the stored quotes are not packed quotes of its articles (damage the checksum missed, or a bug).
 */
export function unpackRecord(stored: StoredRecord): FileRecord {
  const packed = stored.quotes;
  if (packed === null) return stored as unknown as FileRecord;
  if (!isPacked(packed, stored.articles.length)) throw new Error('a record has no readable quotes');
  const record = stored as unknown as FileRecord;
  unread.set(record, packed);
  Object.defineProperty(record, 'quotes', {
    configurable: true,
    enumerable: true,
    get: () => {
      const quotes = deserializeQuotes(packed.bytes);
      setQuotes(record, quotes);
      return quotes;
    },
    set: (quotes: Quote[] | null) => setQuotes(record, quotes),
  });
  return record;
}

/**
 * How many quotes each article of `record` has (in the order of its articles) without deserializing them;
 * null while they are still to be extracted.
 */
export function quoteCountsOf(record: FileRecord): number[] | null {
  const kept = unread.get(record);
  if (kept !== undefined) return kept.counts;
  const quotes = record.quotes;
  return quotes === null ? null : countsOf(record.articles, quotes);
}

/** True when `record`'s quotes are still to be extracted (read without deserializing them). */
export function quotesMissing(record: FileRecord): boolean {
  return !unread.has(record) && record.quotes === null;
}

function setQuotes(record: FileRecord, quotes: Quote[] | null): void {
  unread.delete(record);
  Object.defineProperty(record, 'quotes', { value: quotes, configurable: true, enumerable: true, writable: true });
}

function countsOf(articles: readonly { id: string }[], quotes: readonly Quote[]): number[] {
  const at = new Map(articles.map((article, i) => [article.id, i]));
  const counts = articles.map(() => 0);
  for (const quote of quotes) {
    const i = at.get(quote.articleId);
    if (i !== undefined) counts[i] = (counts[i] ?? 0) + 1;
  }
  return counts;
}

function isPacked(value: unknown, articles: number): value is PackedQuotes {
  if (typeof value !== 'object' || value === null) return false;
  const { bytes, counts } = value as Partial<PackedQuotes>;
  return bytes instanceof Uint8Array && Array.isArray(counts) && counts.length === articles && counts.every((n) => Number.isInteger(n) && n >= 0);
}

/** The quotes of packed bytes the cache's checksum vouched for; none if they still cannot be read. */
function deserializeQuotes(bytes: Uint8Array): Quote[] {
  try {
    const quotes: unknown = v8.deserialize(bytes);
    return Array.isArray(quotes) ? (quotes as Quote[]) : [];
  } catch {
    return [];
  }
}
