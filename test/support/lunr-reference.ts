// lunr's own way of building an index, configured as Verbatim's index is (Unicode tokenizer, each
// language's stop words and stemmer, title boost), and converted to the compact form: the reference that
// build-index.ts must agree with to the bit, and that the compact loader must answer like.

import lunr from 'lunr';
import { indexedFields } from '../../main/core/index/build-index.js';
import { encodePostings, type CompactIndex } from '../../main/core/index/compact-index.js';
import type { LanguageProcessing } from '../../main/core/index/languages.js';
import { tokenize } from '../../main/core/index/tokenize.js';

function unicodeTokenizer(value?: unknown, metadata?: object): lunr.Token[] {
  if (typeof value !== 'string') return [];
  return tokenize(value).map((t) => new lunr.Token(t.word, { ...metadata }));
}

const pipelines = new Map<string, lunr.PipelineFunction[]>();

/** The indexing pipeline of a language as lunr pipeline functions (registered once, as lunr wants). */
function indexPipeline(processing: LanguageProcessing): lunr.PipelineFunction[] {
  let functions = pipelines.get(processing.code);
  if (functions === undefined) {
    const stopWords: lunr.PipelineFunction = (token) => (processing.isStopWord(token.toString()) ? (undefined as unknown as null) : token);
    const stemmer: lunr.PipelineFunction = (token) => token.update((word) => processing.stem(word));
    lunr.Pipeline.registerFunction(stopWords, `referenceStopWords-${processing.code}`);
    lunr.Pipeline.registerFunction(stemmer, `referenceStem-${processing.code}`);
    functions = processing.stemmer ? [stopWords, stemmer] : [stopWords];
    pipelines.set(processing.code, functions);
  }
  return functions;
}

/** An empty lunr.Builder set up like Verbatim's index of one language shard. */
export function createLunrBuilder(processing: LanguageProcessing): lunr.Builder {
  const builder = new lunr.Builder();
  builder.tokenizer = unicodeTokenizer as typeof lunr.tokenizer;
  builder.pipeline.add(...indexPipeline(processing));
  if (processing.stemmer) builder.searchPipeline.add(processing.stemmer);
  builder.ref('id');
  for (const field of indexedFields) builder.field(field.name, { boost: field.boost });
  return builder;
}

type Posting = Record<string, unknown> & { _index: number };

/** Converts a built index to the compact form. */
export function compactIndex(index: lunr.Index): CompactIndex {
  const json = index.toJSON() as unknown as {
    version: string;
    fields: string[];
    pipeline: string[];
    fieldVectors: [string, number[]][];
    invertedIndex: [string, Posting][];
  };
  const refNumbers = new Map<string, number>();
  const refs: string[] = [];
  const refNo = (ref: string): number => {
    let n = refNumbers.get(ref);
    if (n === undefined) {
      n = refs.length;
      refs.push(ref);
      refNumbers.set(ref, n);
    }
    return n;
  };
  /** Per field, per ref: its vector's weight of each term (by `_index`). */
  const vectors: Map<number, number>[][] = json.fields.map(() => []);
  for (const [fieldRef, elements] of json.fieldVectors) {
    const slash = fieldRef.indexOf('/');
    const field = json.fields.indexOf(fieldRef.slice(0, slash));
    const n = refNo(fieldRef.slice(slash + 1));
    const weights = new Map<number, number>();
    for (let i = 0; i < elements.length; i += 2) weights.set(elements[i] ?? -1, elements[i + 1] ?? 0);
    const list = vectors[field];
    if (list) list[n] = weights;
  }
  const terms: string[] = [];
  const termIndex: number[] = [];
  const postings: { docs: number[]; weights: number[] }[][] = [];
  for (const [term, posting] of json.invertedIndex) {
    terms.push(term);
    termIndex.push(posting._index);
    postings.push(
      json.fields.map((field, f) => {
        const docs = Object.keys((posting[field] as Record<string, unknown> | undefined) ?? {}).map(refNo);
        return { docs, weights: docs.map((doc) => vectors[f]?.[doc]?.get(posting._index) ?? 0) };
      }),
    );
  }
  return {
    format: 'verbatim-lunr-compact-3',
    version: lunr.version,
    fields: json.fields,
    pipeline: json.pipeline,
    refs,
    terms,
    termIndex: Int32Array.from(termIndex),
    postings: encodePostings(terms.length, json.fields.length, (t, f) => postings[t]?.[f] ?? { docs: [], weights: [] }),
  };
}
