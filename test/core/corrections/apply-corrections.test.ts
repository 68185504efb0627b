// A correction beats the extractor: applied to an article's real extracted quotes, found by id or, when the
// extractor numbered them anew, by text; the latest correction of a quote wins.
import { describe, expect, it } from 'vitest';
import type { Article, Correction, Quote } from '../../../main/contract/model.js';
import { articleOfQuote, correctQuotes, quoteCorrectionsByArticle, type QuoteCorrection } from '../../../main/core/corrections/apply-corrections.js';
import { extractQuotes } from '../../../main/core/quotes/extract-quotes.js';

const article: Article = {
  id: 'politics/001.txt',
  path: 'politics/001.txt',
  title: 'Budget row',
  date: '2005-03-01',
  source: 'BBC',
  author: null,
  url: null,
  language: 'en',
  body: '"We will cut taxes," Michael Howard said.\n\n"The plan does not add up," Gordon Brown said on Monday.\n\nThe chancellor called it "a fantasy".',
};
const quotes = extractQuotes(article);
const made = '2026-12-07T10:00:00.000Z';

function correction(id: string, change: QuoteCorrection['change']): QuoteCorrection {
  return { id, made, change };
}

const first = quotes[0] as Quote;
const second = quotes[1] as Quote;

describe('correctQuotes', () => {
  it('finds quotes in the article to correct', () => {
    expect(quotes.length).toBeGreaterThanOrEqual(2);
    expect(first.speaker).toBe('Michael Howard');
  });

  it('sets the speaker, its id and the correction, and forgets the extractor’s evidence for the old speaker', () => {
    const fix = correction('c1', { type: 'speaker', quoteId: first.id, quoteText: first.text, speakerId: 'david-cameron', speakerName: 'David Cameron' });
    const corrected = correctQuotes(quotes, [fix]);
    expect(corrected[0]).toEqual({ ...first, speaker: 'David Cameron', speakerId: 'david-cameron', correction: 'c1', speakerFound: 'name', mention: null, description: null });
    expect(corrected.slice(1)).toEqual(quotes.slice(1));
  });

  it('drops a quote that is not a quotation', () => {
    const corrected = correctQuotes(quotes, [correction('c2', { type: 'not-quote', quoteId: second.id, quoteText: second.text })]);
    expect(corrected.map((q) => q.id)).toEqual(quotes.filter((q) => q !== second).map((q) => q.id));
  });

  it('finds the quote by its text when the extractor numbered the quotes anew', () => {
    const renumbered = `${article.id}:7`;
    const corrected = correctQuotes(quotes, [correction('c3', { type: 'speaker', quoteId: renumbered, quoteText: second.text, speakerId: null, speakerName: 'Ed Balls' })]);
    expect(corrected[1]).toMatchObject({ id: second.id, speaker: 'Ed Balls', speakerId: null, correction: 'c3' });
  });

  it('changes nothing, and returns the same list, when the quote is gone', () => {
    const gone = correction('c4', { type: 'not-quote', quoteId: first.id, quoteText: 'words no longer in the article' });
    expect(correctQuotes(quotes, [gone])).toBe(quotes);
  });

  it('applies an article’s corrections in order, so the latest wins', () => {
    const change = { type: 'speaker', quoteId: first.id, quoteText: first.text, speakerId: null } as const;
    const corrected = correctQuotes(quotes, [correction('old', { ...change, speakerName: 'A' }), correction('new', { ...change, speakerName: 'B' })]);
    expect(corrected[0]).toMatchObject({ speaker: 'B', correction: 'new' });
  });
});

describe('sorting corrections out', () => {
  const all: Correction[] = [
    { id: 'q1', made, change: { type: 'not-quote', quoteId: 'a:b.txt:2', quoteText: 'x' } },
    { id: 'm1', made, change: { type: 'merge', into: 'tony-blair', from: 'blair' } },
    { id: 'q2', made, change: { type: 'speaker', quoteId: 'c.txt:0', quoteText: 'y', speakerId: null, speakerName: 'Ann' } },
    { id: 's1', made, change: { type: 'split', speakerId: 'tony-blair', alias: 'Ian Blair' } },
  ];

  it('groups quote corrections by article, an article id with colons included', () => {
    expect(articleOfQuote('a:b.txt:2')).toBe('a:b.txt');
    expect([...quoteCorrectionsByArticle(all)].map(([id, list]) => [id, list.map((c) => c.id)])).toEqual([
      ['a:b.txt', ['q1']],
      ['c.txt', ['q2']],
    ]);
  });
});
