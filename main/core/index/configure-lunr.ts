// The one place lunr indexes are made and loaded for an archive: one lunr index per language shard (see
// languages.ts), built in the compact form (build-index.ts) and loaded lazily (compact-index.ts).

import lunr from 'lunr';
import type { Article } from '../../contract/model.js';
import { CompactIndexBuilder } from './build-index.js';
import { loadCompactIndex, type CompactIndex } from './compact-index.js';
import { languageProcessing } from './languages.js';

/** What the index stores per article: only what search needs (snippets come from the text itself). */
export type IndexedDocument = Pick<Article, 'id' | 'title' | 'body' | 'language'>;

/** lunr's version, part of every cache's key: an index saved by another version is rebuilt. */
export const lunrVersion: string = lunr.version;

/** Serialized indexes, one per language shard code (`en`, `ru`, `plain`...). */
export type SerializedIndexes = Record<string, CompactIndex>;

/** Builds one index per language shard of `documents`. */
export function buildIndexes(documents: Iterable<IndexedDocument>): SerializedIndexes {
  const builders = new Map<string, CompactIndexBuilder>();
  for (const doc of documents) {
    const processing = languageProcessing(doc.language);
    let builder = builders.get(processing.code);
    if (builder === undefined) {
      builder = new CompactIndexBuilder(processing);
      builders.set(processing.code, builder);
    }
    builder.add(doc);
  }
  const indexes: SerializedIndexes = {};
  for (const [code, builder] of builders) indexes[code] = builder.build();
  return indexes;
}

/** Loads serialized shard indexes. Throws on damaged data; callers treat that as a cache miss. */
export function loadIndexes(serialized: SerializedIndexes): Map<string, lunr.Index> {
  const indexes = new Map<string, lunr.Index>();
  for (const [code, data] of Object.entries(serialized)) indexes.set(code, loadCompactIndex(data));
  return indexes;
}
