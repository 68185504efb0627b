import { describe, expect, it } from 'vitest';
import { contentDir, tempDir } from '../support/paths.js';
import { useApiSession, value } from '../support/api-session.js';

// Issue 15: `speaker:` brings that speaker's quotes forward, on the cards and in the quotes panel; the
// Quotes view's quotes carry where the query's words are in them.
const seedPath = 'kazinform-putin-trump-alaska.txt';
const api = useApiSession(() => ({ archiveDir: contentDir, cacheDir: tempDir() }));

describe('the quotes a search matches', () => {
  it('lists every quote of the speaker named on the card, not only those with the words', async () => {
    const all = value(await api.quotes({ speaker: 'Maigeldinov' }));
    const withWord = all.quotes.filter((q) => /alaska/i.test(q.text));
    // The case of the issue: some of the speaker's quotes do not hold the query's word.
    expect(withWord.length).toBeGreaterThan(0);
    expect(withWord.length).toBeLessThan(all.quotes.length);
    const hit = value(await api.search({ query: 'Alaska speaker:Maigeldinov' })).hits.find((h) => h.path === seedPath);
    expect(hit?.quotes.map((q) => q.text).sort()).toEqual(all.quotes.map((q) => q.text).sort());
  });

  it('marks the speaker’s quotes as matching and puts them first in the article', async () => {
    const id = value(await api.search({ query: 'Alaska' })).hits.find((h) => h.path === seedPath)?.id ?? '';
    const view = value(await api.article({ id, query: 'Alaska speaker:Maigeldinov' }));
    const theirs = view.quotes.filter((q) => q.speaker === 'Kazbek Maigeldinov');
    expect(theirs.length).toBeGreaterThan(2);
    expect(view.quotes.slice(0, theirs.length)).toEqual(theirs);
    expect(theirs.every((q) => q.matches)).toBe(true);
    // In text order among themselves.
    expect(theirs.map((q) => q.start)).toEqual([...theirs.map((q) => q.start)].sort((a, b) => a - b));
  });

  it('gives each quote of the Quotes view the places of the query’s words in its text', async () => {
    const reply = value(await api.quotes({ query: 'Alaska' }));
    expect(reply.quotes.length).toBeGreaterThan(0);
    for (const quote of reply.quotes) {
      expect(quote.highlights.length).toBeGreaterThan(0);
      for (const range of quote.highlights) expect(quote.text.slice(range.start, range.end).toLowerCase()).toMatch(/^alaska/);
    }
    expect(value(await api.quotes({ limit: 3 })).quotes.every((q) => q.highlights.length === 0)).toBe(true);
  });
});
