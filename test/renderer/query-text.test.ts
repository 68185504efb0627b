// Unit tests of the renderer's query editing: the filters a facet button adds or takes out, and the
// "Quotes only" toggle's `in:quotes`, read with the core parser's rules.

import { describe, expect, it } from 'vitest';
import { formatFilter, hasFilter, hasQuoteScope, monthFilter, tokenizeQuery, toggleFilter, toggleOnlyFilter, toggleQuoteScope, type FilterField } from '../../renderer/query-text.js';

describe('tokenizeQuery', () => {
  it('cuts a query into words, phrases and fields with their spans', () => {
    const query = 'putin -source:"Example Wire" "peace talks" date:2005';
    expect(tokenizeQuery(query)).toEqual([
      { start: 0, end: 5, exclude: false, field: null, value: 'putin' },
      { start: 6, end: 28, exclude: true, field: 'source', value: 'Example Wire' },
      { start: 29, end: 42, exclude: false, field: null, value: 'peace talks' },
      { start: 43, end: 52, exclude: false, field: 'date', value: '2005' },
    ]);
  });

  it.each([
    ['Speaker:“Kazbek Maigeldinov”', 'speaker', 'Kazbek Maigeldinov'],
    ['lang:«ru»', 'lang', 'ru'],
    ['source:"unclosed quote', 'source', 'unclosed quote'],
    ['php:echo', null, 'php:echo'],
  ])('reads %s as field %s with value %s', (query, field, value) => {
    expect(tokenizeQuery(query)).toMatchObject([{ field, value }]);
  });
});

describe('formatFilter', () => {
  it.each<[FilterField, string, string]>([
    ['source', 'Wikinews', 'source:Wikinews'],
    ['source', 'Example Wire', 'source:"Example Wire"'],
    ['speaker', 'Kazbek  Maigeldinov ', 'speaker:"Kazbek Maigeldinov"'],
    ['speaker', 'Dwayne "The Rock" Johnson', 'speaker:"Dwayne The Rock Johnson"'],
    ['date', '2005', 'date:2005'],
    ['lang', 'ru', 'lang:ru'],
  ])('writes %s %j as %s', (field, value, expected) => {
    expect(formatFilter(field, value)).toBe(expected);
  });
});

describe('toggleFilter', () => {
  it.each<[string, string, FilterField, string, string]>([
    ['adds a year to the words', 'president', 'date', '2007', 'president date:2007'],
    ['takes the year out again', 'president date:2007', 'date', '2007', 'president'],
    ['adds a filter to an empty query', '', 'lang', 'ru', 'lang:ru'],
    ['quotes a value with spaces', 'war', 'source', 'Example Wire', 'war source:"Example Wire"'],
    ['finds the filter in any case, quoted or not', 'war Source:"example wire" peace', 'source', 'Example Wire', 'war peace'],
    ['finds lang: written as language:', 'war language:RU', 'lang', 'ru', 'war'],
    ['takes out a speaker in the middle', 'conflict speaker:"Kazbek Maigeldinov" -ukraine', 'speaker', 'Kazbek Maigeldinov', 'conflict -ukraine'],
    ['replaces the same filter negated', 'war -source:Wikinews', 'source', 'Wikinews', 'war source:Wikinews'],
    ['does not take a phrase for a filter', 'war "source:Wikinews"', 'source', 'Wikinews', 'war "source:Wikinews" source:Wikinews'],
    ['keeps other values of the field', 'war date:2006', 'date', '2007', 'war date:2006 date:2007'],
    ['trims white space left at the end', 'war  ', 'date', '2007', 'war date:2007'],
  ])('%s', (_name, query, field, value, expected) => {
    expect(toggleFilter(query, field, value)).toBe(expected);
  });

  it('round-trips: toggling twice gives the query back, tidied', () => {
    for (const query of ['president', 'a OR b', '"prime minister" -weather', 'sanct* lang:en']) {
      expect(toggleFilter(toggleFilter(query, 'speaker', 'Jane Doe'), 'speaker', 'Jane Doe')).toBe(query);
    }
  });
});

describe('toggleOnlyFilter (a month of the timeline)', () => {
  it.each<[string, string, string]>([
    ['', '2005-03', 'date:2005-03'],
    ['iraq', '2005-03', 'iraq date:2005-03'],
    ['iraq date:2004', '2005-03', 'iraq date:2005-03'],
    ['date:2004 iraq date:2005-01', '2005-03', 'iraq date:2005-03'],
    ['iraq date:2005-03', '2005-03', 'iraq'],
    ['iraq -date:2004', '2005-03', 'iraq -date:2004 date:2005-03'],
    ['iraq after:2004', '2005-03', 'iraq after:2004 date:2005-03'],
  ])('in %j, month %s gives %j', (query, month, expected) => {
    expect(toggleOnlyFilter(query, 'date', month)).toBe(expected);
  });
});

describe('monthFilter', () => {
  it.each<[string, string | null]>([
    ['iraq date:2005-03', '2005-03'],
    ['date:"2005-03"', '2005-03'],
    ['iraq', null],
    ['iraq date:2005', null],
    ['date:2005-03 date:2005-04', null],
    ['-date:2005-03', null],
    ['date:2005-03..2005-05', null],
  ])('finds in %j the month %j', (query, month) => {
    expect(monthFilter(query)).toBe(month);
  });
});

describe('hasFilter', () => {
  it.each<[string, FilterField, string, boolean]>([
    ['president date:2007', 'date', '2007', true],
    ['president -date:2007', 'date', '2007', false],
    ['president date:2007-08', 'date', '2007', false],
    ['speaker:"kazbek maigeldinov"', 'speaker', 'Kazbek Maigeldinov', true],
    ['"speaker:Blair"', 'speaker', 'Blair', false],
  ])('%s has %s:%s: %s', (query, field, value, expected) => {
    expect(hasFilter(query, field, value)).toBe(expected);
  });
});

describe('the quotes scope', () => {
  it.each([
    ['conflict', 'conflict in:quotes'],
    ['conflict in:quotes', 'conflict'],
    ['in:quotes conflict', 'conflict'],
    ['conflict IN:Quote', 'conflict'],
    ['', 'in:quotes'],
    ['conflict -in:quotes', 'conflict in:quotes'],
  ])('toggles %j to %j', (query, expected) => {
    expect(toggleQuoteScope(query)).toBe(expected);
    expect(hasQuoteScope(expected)).toBe(expected.includes('in:quotes'));
  });

  it('is not set by a phrase or a negation', () => {
    expect(hasQuoteScope('"in:quotes"')).toBe(false);
    expect(hasQuoteScope('-in:quotes')).toBe(false);
    expect(hasQuoteScope('war in:articles')).toBe(false);
  });
});
