// Unit tests of the CSV the exports write (RFC 4180).

import { describe, expect, it } from 'vitest';
import { toCsv } from '../../renderer/csv.js';

describe('toCsv', () => {
  it.each<[string, (string | number | null)[], string]>([
    ['plain fields as they are', ['Ana Ruiz', 12, 'x'], 'Ana Ruiz,12,x\r\n'],
    ['a comma in quotes', ['Talks, again'], '"Talks, again"\r\n'],
    ['a quotation mark doubled, in quotes', ['Ana "Ana" Ruiz'], '"Ana ""Ana"" Ruiz"\r\n'],
    ['a line break in quotes', ['one\ntwo', 'three\r\nfour'], '"one\ntwo","three\r\nfour"\r\n'],
    ['null as an empty field', [null, 'a', null], ',a,\r\n'],
    ['Cyrillic and typographic quotes as they are', ['«Мы восстановим»', '“Yes”'], '«Мы восстановим»,“Yes”\r\n'],
  ])('writes %s', (_name, row, expected) => {
    expect(toCsv([row])).toBe(expected);
  });

  it('ends every record with CRLF', () => {
    expect(toCsv([['a', 'b'], ['c', 'd']])).toBe('a,b\r\nc,d\r\n');
    expect(toCsv([])).toBe('');
  });
});
