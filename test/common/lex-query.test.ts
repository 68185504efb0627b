// The query lexer shared by the core's parser and the renderer's query editing: terms, quoted phrases,
// `field:value`, `+`/`-` prefixes and the spans they cover.

import { describe, expect, it } from 'vitest';
import { lexQuery, unknownFieldOf, type QueryTerm } from '../../main/common/lex-query.js';

/** A term in a table row: `[start, end, exclude, field, value, quoted]`. */
type Row = [number, number, boolean, string | null, string, boolean];

const term = ([start, end, exclude, field, value, quoted]: Row): QueryTerm => ({ start, end, exclude, field, value, quoted });

describe('lexQuery', () => {
  it.each<[string, string, Row[]]>([
    ['an empty query', '', []],
    ['only white space', ' \t\u00a0\u3000\n', []],
    ['words separated by any white space', 'peace\u2003talks\u00a0now', [[0, 5, false, null, 'peace', false], [6, 11, false, null, 'talks', false], [12, 15, false, null, 'now', false]]],
    ['a straight-quoted phrase', '"peace talks"', [[0, 13, false, null, 'peace talks', true]]],
    ['a curly-quoted phrase, closed by a straight mark', '“peace talks"', [[0, 13, false, null, 'peace talks', true]]],
    ['a low-high quoted phrase', '„мирные переговоры“', [[0, 19, false, null, 'мирные переговоры', true]]],
    ['guillemets, closed only by »', '«a "b» c', [[0, 6, false, null, 'a "b', true], [7, 8, false, null, 'c', false]]],
    ['a straight quote not closed by a curly one', '"a” b"', [[0, 6, false, null, 'a” b', true]]],
    ['an unclosed quotation, to the end', 'x "open to the end', [[0, 1, false, null, 'x', false], [2, 18, false, null, 'open to the end', true]]],
    ['an empty quotation', '""', [[0, 2, false, null, '', true]]],
    ['an excluded word', '-ukraine', [[0, 8, true, null, 'ukraine', false]]],
    ['a minus sign (U+2212) as exclusion', '−ukraine', [[0, 8, true, null, 'ukraine', false]]],
    ['a plus, read and dropped', '+must', [[0, 5, false, null, 'must', false]]],
    ['a lone minus', '-', [[0, 1, true, null, '', false]]],
    ['a field, lower-cased', 'Source:BBC', [[0, 10, false, 'source', 'BBC', false]]],
    ['an excluded field with a quoted value', '-source:"Example Wire"', [[0, 22, true, 'source', 'Example Wire', true]]],
    ['a field with no value', 'date: 2005', [[0, 5, false, 'date', '', false], [6, 10, false, null, '2005', false]]],
    ['an unknown field as a plain word', 'php:echo', [[0, 8, false, null, 'php:echo', false]]],
    ['a prefix and typo tolerance kept in the value', 'sanction* putn~1', [[0, 9, false, null, 'sanction*', false], [10, 16, false, null, 'putn~1', false]]],
    ['* inside quotation marks', '"sanction*"', [[0, 11, false, null, 'sanction*', true]]],
    ['OR and | as terms', 'a OR b | c', [[0, 1, false, null, 'a', false], [2, 4, false, null, 'OR', false], [5, 6, false, null, 'b', false], [7, 8, false, null, '|', false], [9, 10, false, null, 'c', false]]],
    ['a quotation right after a word, as part of it', 'say"hi there"', [[0, 6, false, null, 'say"hi', false], [7, 13, false, null, 'there"', false]]],
    ['a surrogate pair, spans in UTF-16 units', '𝒳 y', [[0, 2, false, null, '𝒳', false], [3, 4, false, null, 'y', false]]],
  ])('reads %s', (_name, query, rows) => {
    expect(lexQuery(query)).toEqual(rows.map(term));
  });

  it.each<[string, string, number | undefined, number]>([
    ['a distance right after the closing mark', '"a b"~5 c', 5, 7],
    ['a distance of several digits', '-"a b"~12', 12, 9],
    ['no distance without digits', '"a b"~', undefined, 5],
    ['no distance glued to more text', '"a b"~5x', undefined, 5],
    ['no distance after an unclosed quotation', '"a b~5', undefined, 6],
  ])('reads %s (proximity)', (_name, query, near, end) => {
    const first = lexQuery(query)[0];
    expect(first?.near).toBe(near);
    expect(first?.end).toBe(end);
  });

  it('reads folder: and path: as fields', () => {
    expect(lexQuery('folder:politics -path:"2005/x"')).toEqual([term([0, 15, false, 'folder', 'politics', false]), term([16, 30, true, 'path', '2005/x', true])]);
  });

  it('gives spans that cover each term as typed', () => {
    const query = ' -source:"Example Wire"  "peace talks" date:2005 +x ';
    expect(lexQuery(query).map((t) => query.slice(t.start, t.end))).toEqual(['-source:"Example Wire"', '"peace talks"', 'date:2005', '+x']);
  });
});

describe('unknownFieldOf', () => {
  it.each<[string, string | null]>([
    ['category:politics', 'category'],
    ['php:echo', 'php'],
    ['-Foo:"bar baz"', 'Foo'],
    ['x:1', 'x'],
    ['folder:politics', null],
    ['SOURCE:bbc', null],
    ['10:30', null],
    ['http://example.com', null],
    ['Note:', null],
    ['"category:politics"', null],
    ['a1:b', null],
    ['word', null],
  ])('reads %s as the unknown field %s', (query, name) => {
    const first = lexQuery(query)[0];
    expect(first && unknownFieldOf(first)).toBe(name);
  });
});
