// Builds the compact form of a lunr index (compact-index.ts) directly, computing exactly what
// `lunr.Builder` computes — the same terms, postings and BM25 weights, rounded the same way — without
// its per-term, per-field, per-article objects. lunr's Builder.add and the garbage it leaves were most of a
// cold open (issue 6: ~0.8 s of ~2.6 s per worker on BBC). The index is still searched by lunr itself;
// test/core/index/build-index.test.ts checks the output is identical to lunr's Builder on real articles.

import lunr from 'lunr';
import { allocatePostings, type CompactIndex } from './compact-index.js';
import type { LanguageProcessing } from './languages.js';
import { maxIndexedWords } from '../util/text-budgets.js';
import { firstWords, normalizeWord } from './tokenize.js';

/** Whether the index takes only part of `doc`: it has more than `maxIndexedWords` words (see `add`). */
export function isOverWordBudget(doc: IndexSource): boolean {
  if (doc.title.length + doc.body.length <= maxIndexedWords) return false;
  const inTitle = firstWords(doc.title, maxIndexedWords + 1).length;
  return inTitle + firstWords(doc.body, maxIndexedWords + 1 - inTitle).length > maxIndexedWords;
}

/** The indexed fields in lunr's order, with their boosts: a headline word weighs five body words. */
export const indexedFields = [
  { name: 'title', boost: 5 },
  { name: 'body', boost: 1 },
] as const;

/** An article as the index sees it: its id and the text of each indexed field. */
export interface IndexSource {
  id: string;
  title: string;
  body: string;
}

// lunr.Builder's BM25 parameters (its `_k1` and `_b`).
const k1 = 1.2;
const b = 0.75;

/** A word no longer worth caching the processing of; the cache is cleared when it grows past this. */
const maxCachedWords = 200_000;

/** The terms of one field of one article: term numbers ascending, with how often each occurs. */
interface FieldTerms {
  terms: Int32Array;
  counts: Int32Array;
  length: number;
}

/** Builds lunr indexes for one language, an article at a time; `build()` returns the compact index. */
export class CompactIndexBuilder {
  private readonly termNumbers = new Map<string, number>();
  /** Per term number, per field: the article numbers that contain it. */
  private readonly postings: number[][][] = [];
  private readonly refs: string[] = [];
  /** Per field, per article. */
  private readonly fieldTerms: FieldTerms[][] = indexedFields.map(() => []);
  /** The term number of a word as it appears in text (after the pipeline); -1 for stop words. */
  private readonly termOfWord = new Map<string, number>();
  /** Occurrences of each term in the field being added (zero for all others between fields). */
  private occurrences = new Int32Array(1024);

  constructor(private readonly processing: LanguageProcessing) {}

  /** Adds an article: the first `maxIndexedWords` words of its fields, in field order (see `isOverWordBudget`). */
  add(doc: IndexSource): void {
    const docNo = this.refs.length;
    this.refs.push(doc.id);
    let budget = maxIndexedWords;
    indexedFields.forEach((field, f) => {
      const seen: number[] = [];
      let length = 0;
      const words = firstWords(doc[field.name], budget);
      budget -= words.length;
      for (const raw of words) {
        const termNo = this.termOf(raw);
        if (termNo < 0) continue;
        length += 1;
        if (this.occurrences[termNo] === 0) {
          seen.push(termNo);
          this.postings[termNo]?.[f]?.push(docNo);
        }
        this.occurrences[termNo] = (this.occurrences[termNo] ?? 0) + 1;
      }
      const terms = Int32Array.from(seen).sort();
      const counts = terms.map((termNo) => this.occurrences[termNo] ?? 0);
      for (const termNo of seen) this.occurrences[termNo] = 0;
      this.fieldTerms[f]?.push({ terms, counts, length });
    });
  }

  build(): CompactIndex {
    const documentCount = this.refs.length;
    // lunr's idf counts a term once per field it occurs in, per article.
    const idf = this.postings.map((perField) => {
      const withTerm = perField.reduce((sum, docs) => sum + docs.length, 0);
      const x = (documentCount - withTerm + 0.5) / (withTerm + 0.5);
      return Math.log(1 + Math.abs(x));
    });
    const terms = [...this.termNumbers.keys()].sort();
    const termIndex = Int32Array.from(terms, (term) => this.termNumbers.get(term) ?? 0);
    const fieldCount = indexedFields.length;
    const room = allocatePostings(terms.length, fieldCount, (t, f) => this.postings[termIndex[t] ?? 0]?.[f]?.length ?? 0);
    /** Per term number and field: its weights' view, and how many are written (the articles come in order in both). */
    const weights: Float64Array[] = new Array<Float64Array>(this.postings.length * fieldCount);
    const written = new Int32Array(this.postings.length * fieldCount);
    termIndex.forEach((termNo, t) => {
      for (let f = 0; f < fieldCount; f += 1) {
        room.docs(t, f).set(this.postings[termNo]?.[f] ?? []);
        weights[termNo * fieldCount + f] = room.weights(t, f);
      }
    });
    indexedFields.forEach((field, f) => {
      const perDoc = this.fieldTerms[f] ?? [];
      const averageLength = perDoc.reduce((sum, t) => sum + t.length, 0) / documentCount;
      for (const { terms: docTerms, counts, length } of perDoc) {
        for (let i = 0; i < docTerms.length; i += 1) {
          const termNo = docTerms[i] ?? 0;
          const tf = counts[i] ?? 0;
          // The very expression of lunr.Builder#createFieldVectors, so the rounding agrees to the bit.
          const score = ((idf[termNo] ?? 0) * ((k1 + 1) * tf)) / (k1 * (1 - b + b * (length / averageLength)) + tf);
          const slot = termNo * fieldCount + f;
          const view = weights[slot];
          if (view !== undefined) view[written[slot] ?? 0] = Math.round(score * field.boost * 1000) / 1000;
          written[slot] = (written[slot] ?? 0) + 1;
        }
      }
    });
    const postings = room.postings;
    const stemmerLabel = (this.processing.stemmer as { label?: string } | null)?.label;
    return {
      format: 'verbatim-lunr-compact-3',
      version: lunr.version,
      fields: indexedFields.map((f) => f.name),
      pipeline: stemmerLabel === undefined ? [] : [stemmerLabel],
      refs: this.refs,
      terms,
      termIndex,
      postings,
    };
  }

  /** The term number of a word as written: normalized, dropped if a stop word (-1), stemmed. Cached. */
  private termOf(raw: string): number {
    let termNo = this.termOfWord.get(raw);
    if (termNo === undefined) {
      const word = normalizeWord(raw);
      termNo = word.length === 0 || this.processing.isStopWord(word) ? -1 : this.numberOf(this.processing.stem(word));
      if (this.termOfWord.size >= maxCachedWords) this.termOfWord.clear();
      this.termOfWord.set(raw, termNo);
    }
    return termNo;
  }

  /** The number of `term`, given in order of first appearance (lunr's `_index`). */
  private numberOf(term: string): number {
    let termNo = this.termNumbers.get(term);
    if (termNo === undefined) {
      termNo = this.postings.length;
      this.termNumbers.set(term, termNo);
      this.postings.push(indexedFields.map(() => []));
      if (termNo >= this.occurrences.length) {
        const grown = new Int32Array(this.occurrences.length * 2);
        grown.set(this.occurrences);
        this.occurrences = grown;
      }
    }
    return termNo;
  }
}
