import { describe, expect, it } from 'vitest';
import { collapseSpaces, normalizeParagraphs } from '../../../main/core/archive/paragraphs.js';

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

describe('normalizeParagraphs', () => {
  it('separates paragraphs by one blank line and collapses spaces inside them', () => {
    expect(normalizeParagraphs('First  line.\r\nSecond\tline.\n\n\n  Third. ')).toBe('First line.\n\nSecond line.\n\nThird.');
  });
});
