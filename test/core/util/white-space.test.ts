import { describe, expect, it } from 'vitest';
import { collapseSpaces, isSpace, trimRange, trimToNull } from '../../../main/core/util/white-space.js';

describe('collapseSpaces', () => {
  it.each([
    'plain words with single spaces',
    '  leading and trailing  ',
    'tab\tseparated\t\twords',
    'no-break\u00a0space and\u2003em space',
    'mixed \t\u00a0 run',
    '\t',
    '',
    'one\u2028line separator',
  ])('turns every run of white space into one space: %j', (line) => {
    expect(collapseSpaces(line)).toBe(line.replace(/\s+/g, ' ').trim());
  });
});

describe('isSpace', () => {
  it('counts as white space exactly what \\s matches, and not the empty string', () => {
    for (let code = 0; code < 0x10000; code += 1) {
      const ch = String.fromCharCode(code);
      if (isSpace(ch) !== /\s/.test(ch)) expect.fail(`U+${code.toString(16)}: isSpace ${isSpace(ch)}`);
    }
    expect(isSpace('')).toBe(false);
  });
});

describe('trimRange', () => {
  it.each([
    ['  "We will."\n', 0, 13, { start: 2, end: 12 }],
    ['a\u00a0b\u3000', 1, 4, { start: 2, end: 3 }],
    ['word', 1, 3, { start: 1, end: 3 }],
    [' \t\n', 0, 3, null],
    ['', 0, 0, null],
  ])('trims %j from %i to %i to %j', (body, from, to, range) => {
    expect(trimRange(body, from, to)).toEqual(range);
  });
});

describe('trimToNull', () => {
  it.each([
    ['  Reuters \n', 'Reuters'],
    ['\u00a0\t', null],
    ['', null],
    [null, null],
  ])('makes %j %j', (text, trimmed) => {
    expect(trimToNull(text)).toBe(trimmed);
  });
});
