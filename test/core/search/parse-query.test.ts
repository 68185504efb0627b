import { describe, expect, it } from 'vitest';
import { parseQuery, type ParsedQuery } from '../../../main/core/search/parse-query.js';

/** A compact picture of a parsed query: groups of clauses, exclusions, filters, scope. */
function shape(parsed: ParsedQuery): string {
  const term = (c: ParsedQuery['groups'][number][number]): string =>
    `${c.titleOnly ? 'title:' : ''}${c.phrase ? `"${c.words.join(' ')}"` : (c.words[0] ?? '')}${c.prefix ? '*' : ''}${c.fuzzy ? `~${c.fuzzy}` : ''}`;
  const parts = parsed.groups.map((g) => g.map(term).join('|'));
  for (const c of parsed.excluded) parts.push(`-${term(c)}`);
  for (const f of parsed.filters) parts.push(`${f.exclude ? '-' : ''}${f.kind}=${f.kind === 'date' ? `${f.from}..${f.to}` : f.kind === 'quote-kind' ? f.kinds.join(',') : f.value}`);
  if (parsed.scope === 'quotes') parts.push('in:quotes');
  return parts.join(' ');
}

describe('parseQuery', () => {
  it.each([
    ['sanctions russia', 'sanctions russia'],
    ['"prime minister" blair', '"prime minister" blair'],
    ['Putin–Trump', '"putin trump"'],
    ['-ukraine sanctions', 'sanctions -ukraine'],
    ['sanctions -"white house"', 'sanctions -"white house"'],
    ['sanct*', 'sanct*'],
    ['budget~1', 'budget~1'],
    ['budget~', 'budget~1'],
    ['parliament~2', 'parliament~2'],
    ['budget~20', 'budget~1'],
    ['cat~2', 'cat'],
    ['putin OR trump alaska', 'putin|trump alaska'],
    ['a OR b OR c', 'a|b|c'],
    ['OR trump', 'trump'],
    ['trump OR', 'trump'],
    ['title:sanctions', 'title:sanctions'],
    ['title:"peace talks"', 'title:"peace talks"'],
    ['source:BBC', 'source=BBC'],
    ['source:"Example Wire" grain', 'grain source=Example Wire'],
    ['author:doe', 'author=doe'],
    ['speaker:"Kazbek Maigeldinov"', 'speaker=Kazbek Maigeldinov'],
    ['-speaker:putin', '-speaker=putin'],
    ['lang:ru', 'lang=ru'],
    ['language:Russian', 'lang=ru'],
    ['date:2025-08', 'date=2025-08-01..2025-08-31'],
    ['date:2024-02', 'date=2024-02-01..2024-02-29'],
    ['date:2025', 'date=2025-01-01..2025-12-31'],
    ['date:2025-08-01..2025-08-31', 'date=2025-08-01..2025-08-31'],
    ['date:2025-08..', 'date=2025-08-01..9999-12-31'],
    ['date:..2024', 'date=0000-01-01..2024-12-31'],
    ['after:2025-01-01', 'date=2025-01-02..9999-12-31'],
    ['before:2025', 'date=0000-01-01..2024-12-31'],
    ['in:quotes sanctions', 'sanctions in:quotes'],
    ['before:0000', 'date=0000-01-01..0000-00-00'],
    ['before:0001', 'date=0000-01-01..0000-12-31'],
    ['after:9999', 'date=9999-12-32..9999-12-31'],
    ['date:0042', 'date=0042-01-01..0042-12-31'],
    ['after:0099-12-31', 'date=0100-01-01..9999-12-31'],
    // Issue 15: unquoted, `php:foo` is an unknown field (rejected below); quoted, it is still the words.
    ['"php:foo"', '"php foo"'],
    ['10:30', '"10 30"'],
    ['folder:politics', 'folder=politics'],
    ['-path:"2005/x" y', 'y -path=2005/x'],
    ['санкции', 'санкции'],
    ['北京', '"北 京"'],
    ['"unclosed phrase', '"unclosed phrase"'],
    ['+required', 'required'],
    ['-', ''],
    ['~', ''],
    ['::', ''],
    ['*', ''],
    ['😀', ''],
    ['', ''],
  ])('reads %j as %j', (query, expected) => {
    const parsed = parseQuery(query);
    expect(parsed.error).toBeNull();
    expect(shape(parsed)).toBe(expected);
  });

  it.each([
    ['title:', 0, 6, /title: needs a word/],
    ['putin title:', 6, 12, /title: needs a word/],
    ['source:', 0, 7, /source: needs a value/],
    ['date:2025-13', 0, 12, /is not a date/],
    ['date:2025-02-30', 0, 15, /is not a date/],
    ['date:2025..2024', 0, 15, /is not a date/],
    ['after:soon', 0, 10, /is not a date/],
    ['lang:klingon', 0, 12, /not a language/],
    ['in:everything', 0, 13, /not a scope/],
    ['php:foo', 0, 7, /^php: is not a field; the fields are title: .* folder: path:/],
    ['x -category:politics', 2, 20, /^category: is not a field/],
    ['folder:', 0, 7, /folder: needs a value, e\.g\. folder:politics/],
  ])('rejects %j at %i-%i', (query, start, end, message) => {
    const { error } = parseQuery(query);
    expect(error).toMatchObject({ start, end });
    expect(error?.message).toMatch(message);
  });

  it('reads a distance after a phrase as proximity, and none otherwise', () => {
    expect(parseQuery('"tony blair"~3').groups[0]?.[0]).toMatchObject({ words: ['tony', 'blair'], phrase: true, near: 3 });
    expect(parseQuery('"tony blair"~0').groups[0]?.[0]?.near).toBeUndefined();
    expect(parseQuery('"tony blair"').groups[0]?.[0]?.near).toBeUndefined();
    expect(parseQuery('"tony blair"~99').groups[0]?.[0]?.near).toBe(50);
    expect(parseQuery('tony NEAR blair').groups[0]?.[0]).toMatchObject({ words: ['tony', 'blair'], phrase: true, near: 5, start: 0, end: 15 });
    expect(parseQuery('x tony NEAR/2 blair').groups[1]?.[0]).toMatchObject({ words: ['tony', 'blair'], near: 2, start: 2, end: 19 });
    // Without a plain word on each side, NEAR is the word it always was.
    for (const query of ['tony NEAR', 'NEAR blair', 'tony near blair', '"tony" NEAR blair', 'tony* NEAR blair']) {
      expect(parseQuery(query).groups.flat().some((c) => c.near !== undefined)).toBe(false);
    }
  });

  it('notes what it changed', () => {
    expect(parseQuery('budget~20').notices).toEqual(['Typo tolerance for "budget" is at most 1.']);
    expect(parseQuery('a*').notices[0]).toMatch(/too short to search by prefix/);
    expect(parseQuery('x'.repeat(2000)).notices[0]).toMatch(/first 1000 characters/);
    expect(parseQuery(Array.from({ length: 40 }, (_, i) => `w${i}`).join(' ')).groups).toHaveLength(32);
    expect(parseQuery('-only').notices[0]).toMatch(/add a word/);
  });
});
