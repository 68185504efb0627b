// The one place lunr is configured: tokenizer, pipelines, fields and boosts, for building and loading.

import lunr from 'lunr';
import { tokenize } from './tokenize.js';

/** What the index stores per article: only what search needs (snippets come from the text itself). */
export interface IndexedDocument {
  id: string;
  title: string;
  body: string;
}

/** Title words weigh this much more than body words; a headline match is the strongest signal. */
export const titleBoost = 5;

/** lunr's version, part of every cache's key: an index saved by another version is rebuilt. */
export const lunrVersion: string = lunr.version;

/**
 * The word processing both sides share: the stemmer (English for now) after our Unicode tokenizer.
 * Stop words are dropped at build time and by the query builder.
 */
export function stemWord(word: string): string {
  const token = new lunr.Token(word, {});
  const out = lunr.stemmer(token);
  return Array.isArray(out) ? (out[0]?.toString() ?? word) : out.toString();
}

// lunr's English stop words, less those that matter in news: "said"/"says" (who said what), "may" (the
// month, Theresa May), "like", "least", "rather", "dear", "wants", "likely", "able" and the like.
const stopWords = (
  'a about after all also am an and any are as at be because been but by can cannot could did do does else ' +
  'for from had has have he her hers him his how however i if in into is it its just me my no nor not of off ' +
  'on only or our own she should since so some than that the their them then there these they this tis to ' +
  'too twas us was we were what when where which while who whom why will with would yet you your'
).split(' ');
const stopWordFilter = lunr.generateStopWordFilter(stopWords);
lunr.Pipeline.registerFunction(stopWordFilter, 'verbatimStopWordFilter');
const stopWordSet: ReadonlySet<string> = new Set(stopWords);

/** True for words too common to index ("the", "and"). */
export function isStopWord(word: string): boolean {
  return stopWordSet.has(word);
}

function unicodeTokenizer(value?: unknown, metadata?: object): lunr.Token[] {
  if (typeof value !== 'string') return [];
  return tokenize(value).map((t) => new lunr.Token(t.word, { ...metadata }));
}

/** Creates an empty builder with Verbatim's fields and pipelines; add documents, then `build()`. */
export function createIndexBuilder(): lunr.Builder {
  const builder = new lunr.Builder();
  builder.tokenizer = unicodeTokenizer as typeof lunr.tokenizer;
  builder.pipeline.add(stopWordFilter, lunr.stemmer);
  builder.searchPipeline.add(lunr.stemmer);
  builder.ref('id');
  builder.field('title', { boost: titleBoost });
  builder.field('body');
  return builder;
}

/** Builds an index of `documents`, calling `onProgress` every `every` documents. */
export function buildIndex(
  documents: Iterable<IndexedDocument>,
  onProgress?: (added: number) => void,
  every = 200,
): lunr.Index {
  const builder = createIndexBuilder();
  let added = 0;
  for (const doc of documents) {
    builder.add(doc);
    added += 1;
    if (onProgress && added % every === 0) onProgress(added);
  }
  return builder.build();
}

/** Loads a serialized index. Throws on damaged data; callers treat that as a cache miss. */
export function loadIndex(serialized: object): lunr.Index {
  const data = serialized as { version?: unknown };
  if (data.version !== lunr.version) {
    throw new Error(`index was saved by lunr ${String(data.version)}, this is lunr ${lunr.version}`);
  }
  return lunr.Index.load(serialized);
}
