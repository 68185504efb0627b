// Runs a parsed query over an archive: each clause is looked up in every language shard with a query built
// in code (user text never reaches `index.search`); the clause results are combined as the query says (AND
// of groups, OR within a group, exclusions, metadata filters); phrases are confirmed against the text.

import lunr from 'lunr';
import { QueryError } from '../errors.js';
import { processingForShard } from '../index/languages.js';
import type { Article, Quote } from '../../contract/model.js';
import { memoize } from '../util/kept.js';
import { passesFilters } from './article-filters.js';
import { satisfyingQuotes } from './match-quotes.js';
import type { ParsedQuery, QueryFilter, TermClause } from './parse-query.js';
import { containsPhrase } from './phrase-check.js';
import { QueryBudget } from './query-budget.js';
import { queryIndex } from './query-index.js';
import { intersectScores, partialScores, refNumbers, Scores, unionScores, type ArticleTable } from './scores.js';
import { articleTable, type SearchState } from './search-state.js';
import { articlesQuoting } from './speaker-index.js';
import { ranks, sortRanked, type Ranked } from './sort-results.js';

/** A query's answer over an archive, before it is cut to the hits shown. */
export interface Evaluation {
  parsed: ParsedQuery;
  /** Articles in rank order, with scores. */
  ranked: Ranked[];
  partial: boolean;
  /** For `in:quotes`: the quotes of each article that satisfy the query. */
  quoteMatches: Map<string, Quote[]> | null;
  /** The articles by number (`Ranked.n`). */
  table: ArticleTable;
  /** Set when the query's budget ran out before every candidate was confirmed: the notice to show. */
  incomplete: string | undefined;
}

/**
 * Runs a parsed query: the ranked articles that satisfy it. Every group of words must match unless no
 * article has them all (and `allowPartial` is not false): then the articles matching the most groups.
 * Phrase candidates are confirmed best first until `budget` runs out; then the evaluation is `incomplete`.
 * @throws QueryError when the query is malformed.
 */
export function evaluate(
  state: SearchState,
  parsed: ParsedQuery,
  override: { scope?: 'quotes'; allowPartial?: boolean; budget?: QueryBudget } = {},
): Evaluation {
  if (parsed.error) throw new QueryError(parsed.error.message, parsed.error.start, parsed.error.end);
  if (override.scope) parsed.scope = override.scope;
  dropCommonWords(state, parsed);
  const table = articleTable(state);
  if (parsed.groups.length === 0 && parsed.filters.length === 0) return { parsed, ranked: [], partial: false, quoteMatches: null, table, incomplete: undefined };

  const count = table.articles.length;
  const budget = override.budget ?? new QueryBudget();
  // Out of time, an excluded phrase excludes its unconfirmed candidates too: the answer may miss articles, never add wrong ones.
  const lookup = memoize((clause: TermClause) => keptClauseScores(state, table, clause, budget, parsed.excluded.includes(clause)));
  // Without words, every article is a candidate (score 0), in archive order.
  let scores: Scores | null = null;
  let partial = false;
  if (parsed.groups.length > 0) {
    const groupScores = parsed.groups.map((group) => unionScores(group.map(lookup), count));
    scores = intersectScores(groupScores, count);
    if (scores.size === 0 && parsed.groups.length > 1 && override.allowPartial !== false) {
      scores = partialScores(groupScores, count);
      partial = scores.size > 0;
    }
  }
  const excluded = new Uint8Array(count);
  for (const clause of parsed.excluded) for (const n of lookup(clause).order) excluded[n] = 1;

  let quoteMatches: Map<string, Quote[]> | null = null;
  if (parsed.scope === 'quotes') quoteMatches = new Map();
  const ranked: Ranked[] = [];
  const consider = (n: number, score: number): void => {
    const article = table.articles[n];
    if (!article || excluded[n] === 1 || !passesFilters(state, article, parsed.filters)) return;
    if (quoteMatches) {
      const quotes = satisfyingQuotes(state, table, n, parsed);
      if (quotes.length === 0) return;
      quoteMatches.set(article.id, quotes);
    }
    ranked.push(ranks(article, n, score));
  };
  if (scores === null) {
    // Filters alone: a speaker's articles are known (speaker-index.ts), the others are all tested.
    const candidates = speakerCandidates(state, table, parsed.filters);
    if (candidates !== null) {
      for (const n of candidates) if (table.hidden[n] !== 1) consider(n, 0);
    } else {
      for (let n = 0; n < count; n += 1) if (table.hidden[n] !== 1) consider(n, 0);
    }
  } else {
    for (const n of scores.order) consider(n, scores.get(n));
  }
  return { parsed, ranked: sortRanked(ranked, 'relevance'), partial, quoteMatches, table, incomplete: budget.notice };
}

/** The articles that pass `filters` (and are `among` those given, unless null), newest first. */
export function newestArticles(state: SearchState, filters: readonly QueryFilter[], among: ReadonlySet<string> | null): Article[] {
  const table = articleTable(state);
  const passing: Article[] = [];
  for (const n of newestOrder(state, table)) {
    const article = table.articles[n];
    if (article === undefined || table.hidden[n] === 1 || (among !== null && !among.has(article.id))) continue;
    if (passesFilters(state, article, filters)) passing.push(article);
  }
  return passing;
}

/** Every article's number, newest first (undated last, archive order among equals), sorted once per archive state. */
function newestOrder(state: SearchState, table: ArticleTable): Int32Array {
  return (state.newestOrder ??= Int32Array.from(sortRanked(table.articles.map((article, n) => ranks(article, n, 0)), 'newest'), (r) => r.n));
}

/**
 * The numbers, in order, of the articles quoting the speaker of the query's first (not negated) speaker
 * filter; null without one. Every article passing the filters is among them: `speaker:blair` alone then
 * tests a few hundred articles instead of the whole archive.
 */
function speakerCandidates(state: SearchState, table: ArticleTable, filters: readonly QueryFilter[]): Int32Array | null {
  const filter = filters.find((f) => f.kind === 'speaker' && !f.exclude);
  if (filter === undefined || filter.kind !== 'speaker') return null;
  const numbers: number[] = [];
  for (const id of articlesQuoting(state, filter)) {
    const n = table.numbers.get(id);
    if (n !== undefined) numbers.push(n);
  }
  return Int32Array.from(numbers).sort();
}

/** Single words too common to search in every shard ("the", "и") are dropped, with a notice. */
export function dropCommonWords(state: SearchState, parsed: ParsedQuery): void {
  const shards = [...new Set(state.data.indexes.map(({ code }) => code))].map(processingForShard);
  if (shards.length === 0) return;
  const dropped: string[] = [];
  parsed.groups = parsed.groups
    .map((group) =>
      group.filter((clause) => {
        const word = clause.words[0] ?? '';
        const common = !clause.phrase && !clause.prefix && shards.every((p) => p.isStopWord(word));
        if (common) dropped.push(word);
        return !common;
      }),
    )
    .filter((group) => group.length > 0);
  if (dropped.length > 0) parsed.notices.push(`Ignored common words: ${[...new Set(dropped)].join(', ')}.`);
}

/**
 * `clauseScores`, kept in `state` for the next query that asks the same (its next page, another sort, a word
 * added): at 50x BBC a phrase's candidates took 100 ms to confirm, every page again. Not kept when a phrase's
 * candidates were not all confirmed in time (the next query may have the time). Nothing changes scores once
 * made: a group's union and the groups' intersection are new ones, or the very scores of a lone clause (scores.ts).
 */
function keptClauseScores(state: SearchState, table: ArticleTable, clause: TermClause, budget: QueryBudget, keepUnchecked: boolean): Scores {
  const asked = JSON.stringify([clause.words, clause.phrase, clause.prefix, clause.fuzzy, clause.titleOnly, clause.near ?? null]);
  const key = `${asked}${keepUnchecked ? ' unchecked' : ''}`;
  const kept = state.clauseScores.get(key);
  if (kept !== undefined) return kept;
  const scores = clauseScores(state, table, clause, budget, keepUnchecked, clause.phrase ? phraseVerdicts(state, asked, table.articles.length) : null);
  // `notice`, not `spent()`, which counts a check (and may end the budget).
  if (!clause.phrase || budget.notice === undefined) state.clauseScores.set(key, scores, 9 * table.articles.length + 8 * scores.size);
  return scores;
}

/**
 * Per article number, whether it holds the phrase `asked` (1), does not (2), or was not checked (0): kept in
 * `state` so that a query whose budget ran out goes on where the last one stopped (at 50x BBC, "prime minister"
 * confirmed 1,300 of its 8,000 candidates in 75 ms; asked again, it confirmed the same ones again).
 */
function phraseVerdicts(state: SearchState, asked: string, articleCount: number): Uint8Array {
  let verdicts = state.phraseVerdicts.get(asked);
  if (verdicts === undefined) {
    verdicts = new Uint8Array(articleCount);
    state.phraseVerdicts.set(asked, verdicts, articleCount);
  }
  return verdicts;
}

/**
 * The articles (with lunr scores) in which `clause` occurs, over every shard. A phrase's candidates are
 * confirmed in lunr's rank order while `budget` lasts, each verdict noted in `verdicts` (and taken from there
 * when known); past it, an unchecked candidate is dropped, or kept when `keepUnchecked` (an excluded phrase then
 * excludes it: nothing wrong is added).
 */
function clauseScores(state: SearchState, table: ArticleTable, clause: TermClause, budget: QueryBudget, keepUnchecked: boolean, verdicts: Uint8Array | null): Scores {
  const scores = new Scores(table.articles.length);
  const fields = clause.titleOnly ? ['title'] : undefined;
  for (const { code, index, compact } of state.data.indexes) {
    const language = processingForShard(code);
    const words = clause.words.filter((w) => !language.isStopWord(w));
    if (words.length === 0) continue;
    const matches = queryIndex(index, compact, (q) => {
      for (const word of words) {
        q.term(word, {
          ...(fields ? { fields } : {}),
          presence: clause.phrase ? lunr.Query.presence.REQUIRED : lunr.Query.presence.OPTIONAL,
          usePipeline: !clause.prefix,
          wildcard: clause.prefix ? lunr.Query.wildcard.TRAILING : lunr.Query.wildcard.NONE,
          // Only when fuzzy: lunr reads any editDistance (even 0) as a fuzzy term, which disables wildcards.
          ...(clause.fuzzy > 0 ? { editDistance: clause.fuzzy } : {}),
        });
      }
    });
    const numbers = refNumbers(table, matches.refs);
    for (let k = 0; k < matches.docs.length; k += 1) {
      const n = numbers[matches.docs[k] ?? 0] ?? -1;
      if (n < 0 || table.hidden[n] === 1) continue;
      if (clause.phrase) {
        let verdict = verdicts?.[n] ?? 0;
        if (verdict === 0 && !budget.spent()) {
          verdict = containsPhrase(state, table.articles[n], clause, language) ? 1 : 2;
          if (verdicts !== null) verdicts[n] = verdict;
        }
        if (verdict === 2 || (verdict === 0 && !keepUnchecked)) continue;
      }
      scores.set(n, matches.scores[k] ?? 0);
    }
  }
  return scores;
}
