import { describe, expect, it } from 'vitest';
import { normalizeParagraphs } from '../../../main/core/archive/paragraphs.js';

describe('normalizeParagraphs', () => {
  it('separates paragraphs by one blank line and collapses spaces inside them', () => {
    expect(normalizeParagraphs('First  line.\r\nSecond\tline.\n\n\n  Third. ')).toBe('First line.\n\nSecond line.\n\nThird.');
  });
});
