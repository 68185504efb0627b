// The one place lunr is configured: tokenizer, per-language pipelines, fields and boosts, for building
// and loading. An archive's index is one lunr index per language shard (see languages.ts).

import lunr from 'lunr';
import type { Article } from '../model.js';
import { compactIndex, loadCompactIndex, type CompactIndex } from './compact-index.js';
import { languageProcessing, type LanguageProcessing } from './languages.js';
import { tokenize } from './tokenize.js';

/** What the index stores per article: only what search needs (snippets come from the text itself). */
export type IndexedDocument = Pick<Article, 'id' | 'title' | 'body' | 'language'>;

/** Title words weigh this much more than body words; a headline match is the strongest signal. */
export const titleBoost = 5;

/** lunr's version, part of every cache's key: an index saved by another version is rebuilt. */
export const lunrVersion: string = lunr.version;

/** Serialized indexes, one per language shard code (`en`, `ru`, `plain`...). */
export type SerializedIndexes = Record<string, CompactIndex>;

function unicodeTokenizer(value?: unknown, metadata?: object): lunr.Token[] {
  if (typeof value !== 'string') return [];
  return tokenize(value).map((t) => new lunr.Token(t.word, { ...metadata }));
}

/** Creates an empty builder for one language shard; add documents, then `build()`. */
export function createIndexBuilder(processing: LanguageProcessing): lunr.Builder {
  const builder = new lunr.Builder();
  builder.tokenizer = unicodeTokenizer as typeof lunr.tokenizer;
  if (processing.stopWordFilter) builder.pipeline.add(processing.stopWordFilter);
  if (processing.stemmer && processing.indexStemmer) {
    builder.pipeline.add(processing.indexStemmer);
    builder.searchPipeline.add(processing.stemmer);
  }
  builder.ref('id');
  builder.field('title', { boost: titleBoost });
  builder.field('body');
  return builder;
}

/** Builds one index per language shard of `documents`. */
export function buildIndexes(documents: Iterable<IndexedDocument>): SerializedIndexes {
  const builders = new Map<string, lunr.Builder>();
  for (const doc of documents) {
    const processing = languageProcessing(doc.language);
    let builder = builders.get(processing.code);
    if (builder === undefined) {
      builder = createIndexBuilder(processing);
      builders.set(processing.code, builder);
    }
    builder.add({ id: doc.id, title: doc.title, body: doc.body });
  }
  const indexes: SerializedIndexes = {};
  for (const [code, builder] of builders) indexes[code] = compactIndex(builder.build());
  return indexes;
}

/** Loads serialized shard indexes. Throws on damaged data; callers treat that as a cache miss. */
export function loadIndexes(serialized: SerializedIndexes): Map<string, lunr.Index> {
  const indexes = new Map<string, lunr.Index>();
  for (const [code, data] of Object.entries(serialized)) indexes.set(code, loadCompactIndex(data));
  return indexes;
}
