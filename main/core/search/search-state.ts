// What searches over one archive keep between them: the data searched and every cache made from it, in
// one object. The engine makes it when its shards change (`createSearchState`) and passes it to every
// search; nothing of a search is kept at module level, so two engines in one process never share a cache.

import type lunr from 'lunr';
import type { CompactIndex } from '../index/compact-index.js';
import type { Article, Quote } from '../../contract/model.js';
import { Lru } from '../util/lru.js';
import { createBodyWordCache, type BodyWords, type HighlightMatchers } from './highlights.js';
import type { QuoteColumns, QuoteMatchers, QuoteWords } from './match-quotes.js';
import type { ParsedQuery, QueryFilter, TermClause } from './parse-query.js';
import type { PeopleTable } from './people-names.js';
import type { PhraseCheck } from './phrase-check.js';
import { hiddenFlags, makeArticleTable, refNumbers, type ArticleTable, type Scores } from './scores.js';

/** What a search runs over: the shard indexes and the articles and quotes they were built from. */
export interface SearchData {
  /** The lunr indexes with their language code; several per language when the archive is sharded. */
  indexes: readonly SearchIndex[];
  /** Indexed articles by id; those in `hidden` (exact duplicates of an earlier file) are never returned. */
  articles: ReadonlyMap<string, Article>;
  hidden: ReadonlySet<string>;
  /** The quotes of an article (none for an unknown id). */
  quotesOf: (id: string) => readonly Quote[];
  /**
   * Where the speaker ids of an article's quotes (those `quotesOf` gives it) are, in order, when they are
   * known without reading its quotes (saved people, engine/quote-people.ts); null when they are not.
   */
  speakerIdsOf?: (id: string) => SpeakerIdRange | null;
  /**
   * How many quotes `quotesOf` gives an article, when that is known without reading them (its cache counted
   * them); null when it is not.
   */
  quoteCountOf?: (id: string) => number | null;
  /** The archive's people once resolved (issue 16); until then speaker filters compare the names as written. */
  people: PeopleTable | null;
}

/** Per quote of a list, its speaker's id (null for none). */
export interface SpeakerIdList {
  readonly length: number;
  at(i: number): string | null;
}

/** Speaker ids `from` to `to` (not included) of a list: an article's, in the order of its quotes. */
export interface SpeakerIdRange {
  ids: SpeakerIdList;
  from: number;
  to: number;
}

/** One lunr index with its language code, and the compact form it was loaded from (see query-index.ts). */
export interface SearchIndex {
  code: string;
  index: lunr.Index;
  compact: CompactIndex;
}

/**
 * `data` and what searches over it keep: made once per state of the archive, filled as searches need it.
 * Caches by query object (a parsed query, its clauses and filters) are weak: they go with the query.
 */
export interface SearchState {
  readonly data: SearchData;
  /** The articles by number (scores are kept by these numbers): see `articleTable`. */
  table: ArticleTable | null;
  /** Every article's number, newest first (see evaluate-query.ts). */
  newestOrder: Int32Array | null;
  /** Each speaker (its id, or its folded name before people are resolved) with the articles quoting them (see speaker-index.ts). */
  speakerIndex: Map<string, string[]> | null;
  /** Per filter value, the speaker ids it names (see people-names.ts). */
  speakersNamed: Map<string, Set<string>>;
  /** Per article number, its quotes and their lower-case text (see match-quotes.ts). */
  quoteColumns: QuoteColumns | null;
  /** Texts folded for comparison (see fold.ts). */
  folded: Map<string, string>;
  /** Per quote, its text in lower case and its words (see match-quotes.ts): the same quotes come up search after search. */
  lowerTexts: WeakMap<Quote, string>;
  quoteWords: WeakMap<Quote, QuoteWords>;
  /** The words of recently matched article bodies (see highlights.ts). */
  bodyWords: Lru<Article, BodyWords>;
  /**
   * The scores of recently searched clauses, by what they ask (see evaluate-query.ts `keptClauseScores`): the next
   * page of a query, its other sort, or a query that adds a word to it asks for them again.
   */
  clauseScores: Lru<string, Scores>;
  /** Per phrase asked, which articles were found to hold it and which not (see evaluate-query.ts `phraseVerdicts`). */
  phraseVerdicts: Lru<string, Uint8Array>;
  /** Per query: its phrases' checks by language, its speaker filters' articles, its matchers by language. */
  phraseChecks: WeakMap<TermClause, Map<string, PhraseCheck>>;
  quotingArticles: WeakMap<QueryFilter, Set<string>>;
  quoteMatchers: WeakMap<ParsedQuery, Map<string, QuoteMatchers>>;
  highlightMatchers: WeakMap<ParsedQuery, Map<string, HighlightMatchers>>;
}

/** How many bytes of clause scores a state keeps: 32 clauses at 50x BBC (each two arrays sized to the archive). */
const clauseScoreBytes = 32 * 1024 * 1024;

/** How many bytes of phrase verdicts a state keeps: 64 phrases at 50x BBC (a byte per article each). */
const phraseVerdictBytes = 8 * 1024 * 1024;

/** A state with nothing kept yet, for searches over `data`; make a new one whenever `data` changes. */
export function createSearchState(data: SearchData): SearchState {
  return {
    data,
    table: null,
    newestOrder: null,
    speakerIndex: null,
    speakersNamed: new Map(),
    quoteColumns: null,
    folded: new Map(),
    lowerTexts: new WeakMap(),
    quoteWords: new WeakMap(),
    bodyWords: createBodyWordCache(),
    clauseScores: new Lru(clauseScoreBytes),
    phraseVerdicts: new Lru(phraseVerdictBytes),
    phraseChecks: new WeakMap(),
    quotingArticles: new WeakMap(),
    quoteMatchers: new WeakMap(),
    highlightMatchers: new WeakMap(),
  };
}

/**
 * `state` with other people: what searches keep of the articles and of the quotes' texts goes on; what was
 * kept of speakers is made again, and so are the lists of quotes kept per article, which would hand out
 * quotes without asking `quotesOf` (the engine gives saved people to an article's quotes when it is asked,
 * engine/quote-people.ts). Rebuilding it all took 120 ms of the first search after a warm open at 10x BBC
 * (issue 19).
 */
export function withPeople(state: SearchState, people: PeopleTable | null): SearchState {
  return keepingArticles(state, { ...state.data, people }, state.table);
}

/**
 * `state` with other hidden duplicates (`data.hidden` is `hidden`), over the same articles: the article table
 * goes on with the new hidden flags (its article numbers, facet columns and each index's numbers made
 * ahead of the first search, see `prepareSearch`, would otherwise be made again by it), and what is kept of
 * the texts; what is kept of speakers and quotes is made again, as after any change.
 */
export function withHidden(state: SearchState, hidden: ReadonlySet<string>): SearchState {
  const table = state.table === null ? null : { ...state.table, hidden: hiddenFlags(state.table.articles, hidden) };
  return keepingArticles(state, { ...state.data, hidden }, table);
}

/**
 * A state over `data`, the same articles as `state`'s, with `table` and what `state` kept of the articles and
 * their texts (their order by date, folded texts, quotes' and bodies' words, each query's phrase checks, the
 * phrases' verdicts and highlight matchers); the rest is made again (see `withPeople`, `withHidden`).
 */
function keepingArticles(state: SearchState, data: SearchData, table: ArticleTable | null): SearchState {
  return {
    ...createSearchState(data),
    table,
    newestOrder: state.newestOrder,
    folded: state.folded,
    lowerTexts: state.lowerTexts,
    quoteWords: state.quoteWords,
    bodyWords: state.bodyWords,
    phraseChecks: state.phraseChecks,
    // Whether an article holds a phrase is of its text alone; its scores are not kept (hidden copies may differ).
    phraseVerdicts: state.phraseVerdicts,
    highlightMatchers: state.highlightMatchers,
  };
}

/** The engine's articles by number, made on the first search over `state`. */
export function articleTable(state: SearchState): ArticleTable {
  return (state.table ??= makeArticleTable(state.data.articles.values(), state.data.hidden));
}

/**
 * Makes what every search over `state` needs and otherwise makes on its first: the article table and each
 * index's article numbers (at 50x BBC, 155 ms of an engine's first search in `verbatim serve`, issue 19).
 */
export function prepareSearch(state: SearchState): void {
  const table = articleTable(state);
  for (const { compact } of state.data.indexes) refNumbers(table, compact.refs);
}
