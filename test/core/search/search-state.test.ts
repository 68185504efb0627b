import { describe, expect, it } from 'vitest';
import type { Article } from '../../../main/contract/model.js';
import { extractQuotes } from '../../../main/core/quotes/extract-quotes.js';
import { findQuotes, viewArticle } from '../../../main/core/search/search-archive.js';
import { createSearchState, type SearchData } from '../../../main/core/search/search-state.js';

const article = (id: string, body: string): Article => ({ id, path: `${id}.txt`, title: id, date: '2025-01-01', source: null, author: null, url: null, language: 'en', body });

/** Search data without indexes: enough for the quote list without words and for opening an article. */
function dataOf(...articles: Article[]): SearchData {
  const quotes = new Map(articles.map((a) => [a.id, extractQuotes(a)]));
  return { indexes: [], articles: new Map(articles.map((a) => [a.id, a])), hidden: new Set(), quotesOf: (id) => quotes.get(id) ?? [], people: null };
}

describe('a search state', () => {
  it('answers from its own data only: a state made after the data changed does not answer from the old one', () => {
    const before = createSearchState(dataOf(article('a', '"We will rebuild," Tony Blair said.')));
    expect(findQuotes(before, { speaker: 'blair' }).total).toBe(1);
    const after = createSearchState(dataOf(article('a', '"We will rebuild," Gordon Brown said.')));
    expect(findQuotes(after, { speaker: 'blair' }).total).toBe(0);
    expect(findQuotes(after, { speaker: 'brown' }).total).toBe(1);
    expect(findQuotes(before, { speaker: 'blair' }).total).toBe(1);
  });

  it('answers again exactly as the first time, from what it kept', () => {
    const state = createSearchState(dataOf(article('a', '"We will rebuild," Tony Blair said.'), article('b', '"Not now," Gordon Brown said.')));
    const first = [findQuotes(state, { speaker: 'brown' }), viewArticle(state, 'a', 'rebuild')];
    expect([findQuotes(state, { speaker: 'brown' }), viewArticle(state, 'a', 'rebuild')]).toEqual(first);
  });
});
