// Where a query's words stand in an article's title and body: the ranges a hit or an opened article
// highlights, and from which its snippet and matching quotes are found.

import { languageProcessing, type LanguageProcessing } from '../index/languages.js';
import type { Article, MatchRange } from '../../contract/model.js';
import { kept, keptMap } from '../util/kept.js';
import { Lru } from '../util/lru.js';
import { compileMatcher, findMatches, matchWords, positionedWords, type PositionedWords, type TextMatcher } from './match-text.js';
import type { ParsedQuery } from './parse-query.js';
import type { SearchState } from './search-state.js';

/** The ranges of the query's words in `article`'s title and in its body (title-only clauses not there). */
export function highlightsOf(state: SearchState, article: Article, parsed: ParsedQuery): { titleHighlights: MatchRange[]; highlights: MatchRange[] } {
  const language = languageProcessing(article.language);
  const { title, body } = highlightMatchers(state, parsed, language);
  const highlights = body.clauses.length === 0 ? [] : matchWords(bodyWords(state, article, language), body).ranges;
  return { titleHighlights: findMatches(article.title, title).ranges, highlights };
}

/** The matchers of a query's words in titles and in bodies. */
export interface HighlightMatchers {
  title: TextMatcher;
  body: TextMatcher;
}

/** Matches of the query's words in a quote's `text` (its words as listed, not the article's body). */
export function quoteHighlights(state: SearchState, text: string, language: LanguageProcessing, parsed: ParsedQuery): MatchRange[] {
  return findMatches(text, highlightMatchers(state, parsed, language).body).ranges;
}

/** The matchers of a query's words in titles and bodies, compiled once per query and language, not per hit. */
function highlightMatchers(state: SearchState, parsed: ParsedQuery, language: LanguageProcessing): HighlightMatchers {
  const byLanguage = keptMap(state.highlightMatchers, parsed);
  return kept(byLanguage, language.code, () => {
    const clauses = parsed.groups.flat();
    return { title: compileMatcher(clauses, language), body: compileMatcher(clauses.filter((c) => !c.titleOnly), language) };
  });
}

/** An article body's words, processed for one language. */
export interface BodyWords {
  code: string;
  words: PositionedWords;
}

/**
 * The words of recently matched article bodies, least recently used first. The results shown (and the
 * article opened) come up again as a query is refined, and reading a long body's words again was most of
 * a result's cost (issue 6). Bounded by the words held: ~400k words, ~10 MB.
 */
export function createBodyWordCache(): Lru<Article, BodyWords> {
  return new Lru(400_000);
}

function bodyWords(state: SearchState, article: Article, language: LanguageProcessing): PositionedWords {
  const cached = state.bodyWords.get(article);
  if (cached !== undefined && cached.code === language.code) return cached.words;
  const words = positionedWords(article.body, language);
  state.bodyWords.set(article, { code: language.code, words }, words.spellings.length);
  return words;
}
