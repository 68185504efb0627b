import { describe, expect, it } from 'vitest';
import type { Article } from '../../../main/contract/model.js';
import { extractQuotes } from '../../../main/core/quotes/extract-quotes.js';
import { findQuotes, viewArticle } from '../../../main/core/search/search-archive.js';
import { satisfyingQuotes } from '../../../main/core/search/match-quotes.js';
import { parseQuery } from '../../../main/core/search/parse-query.js';
import { makePeopleTable } from '../../../main/core/search/people-names.js';
import { articleTable, createSearchState, withPeople, type SearchData } from '../../../main/core/search/search-state.js';

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

  it('with other people, keeps its articles and asks for every quote list again, whose quotes get their people as they are read', () => {
    const data = dataOf(article('a', '"We will rebuild," Tony Blair said.'), article('b', '"Not now," Gordon Brown said.'));
    const asked: string[] = [];
    const state = createSearchState({ ...data, quotesOf: (id) => (asked.push(id), data.quotesOf(id)) });
    const table = articleTable(state);
    const parsed = parseQuery('rebuild');
    const a = table.numbers.get('a') ?? -1;
    expect(satisfyingQuotes(state, table, a, parsed)).toHaveLength(1);
    asked.length = 0;
    const people = makePeopleTable([{ id: 'tony-blair', names: ['Tony Blair'] }]);
    const next = withPeople(state, people);
    expect(articleTable(next)).toBe(table);
    expect(next.data.people).toBe(people);
    expect(next.speakerIndex).toBeNull();
    expect(satisfyingQuotes(next, table, a, parsed)).toHaveLength(1);
    expect(asked).toEqual(['a']);
  });

  it('answers again exactly as the first time, from what it kept', () => {
    const state = createSearchState(dataOf(article('a', '"We will rebuild," Tony Blair said.'), article('b', '"Not now," Gordon Brown said.')));
    const first = [findQuotes(state, { speaker: 'brown' }), viewArticle(state, 'a', 'rebuild')];
    expect([findQuotes(state, { speaker: 'brown' }), viewArticle(state, 'a', 'rebuild')]).toEqual(first);
  });
});
