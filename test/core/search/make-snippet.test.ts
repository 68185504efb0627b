import { describe, expect, it } from 'vitest';
import { makeSnippet } from '../../../main/core/search/make-snippet.js';

const body =
  'The council met on Monday.\n\nIt discussed the harbour at length, and the budget too. Several members said the harbour ' +
  'needed work. "We will rebuild the harbour," the mayor said.\n\nThe next meeting is in May.';

function rangesOf(text: string, word: string): { start: number; end: number }[] {
  return [...text.matchAll(new RegExp(word, 'g'))].map((m) => ({ start: m.index, end: m.index + word.length }));
}

describe('makeSnippet', () => {
  it('starts at the sentence before the densest cluster of matches and keeps every highlight on its word', () => {
    const snippet = makeSnippet(body, rangesOf(body, 'harbour'), 120);
    expect(snippet.text.startsWith('… It discussed the harbour')).toBe(true);
    expect(snippet.highlights.length).toBeGreaterThanOrEqual(2);
    for (const h of snippet.highlights) expect(snippet.text.slice(h.start, h.end)).toBe('harbour');
    expect(snippet.text).not.toContain('\n');
  });

  it('shows the opening of the article when nothing matches', () => {
    expect(makeSnippet(body, [], 40)).toEqual({ text: 'The council met on Monday.  It discussed …', highlights: [] });
  });
});
