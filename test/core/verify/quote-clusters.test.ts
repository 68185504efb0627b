// Quote clusters (issue 17): which quotations are one, by their folded words, and who stands first.
import { describe, expect, it } from 'vitest';
import { clusterQuotations, quotationWords, type ClusterEntry } from '../../../main/core/verify/quote-clusters.js';

const entry = (quoteId: string, text: string, date: string | null = null, source: string | null = null): ClusterEntry => ({
  quoteId,
  articleId: quoteId.split(':')[0] ?? quoteId,
  date,
  source,
  words: quotationWords({ kind: 'direct', text }),
});

const ids = (entries: ClusterEntry[]): (string | null)[] => clusterQuotations(entries).map((a) => a?.clusterId ?? null);

describe('quotationWords', () => {
  it.each([
    ['We will NOT, ever, give up the fight.', 'we will not ever give up the fight'],
    ['“Don’t look back,” and well-known words', "don't look back and well known words"],
    ['Five words are too few', null],
  ])('folds %s to %s', (text, words) => {
    expect(quotationWords({ kind: 'direct', text })).toBe(words);
  });

  it('leaves reported speech out', () => {
    expect(quotationWords({ kind: 'indirect', text: 'the work would take a month or more' })).toBeNull();
  });
});

describe('clusterQuotations', () => {
  it('joins the same words however they were typed, and names the earliest dated article first', () => {
    const assigned = clusterQuotations([
      entry('b:0', 'We will rebuild the harbour wall this year.', '2024-03-05', 'Island Post'),
      entry('a:0', '“We will REBUILD the harbour-wall this year”', '2024-03-02', 'Harbour Gazette'),
      entry('c:0', 'We will rebuild the harbour wall this year', null),
    ]);
    expect(assigned.map((a) => a?.clusterId)).toEqual(['a:0', 'a:0', 'a:0']);
    expect(assigned[0]?.cluster).toEqual({ articles: 3, first: { articleId: 'a', date: '2024-03-02', source: 'Harbour Gazette' } });
  });

  it('joins a quotation of 8 words or more to a longer one that holds it, and not one of 7', () => {
    const long = 'Today we said we will rebuild the harbour wall by the end of this year';
    expect(ids([entry('a:0', long), entry('b:0', 'we will rebuild the harbour wall by the end')])).toEqual(['a:0', 'a:0']);
    expect(ids([entry('a:0', long), entry('b:0', 'we will rebuild the harbour wall by')])).toEqual([null, null]);
    // Words must stand whole: "wall by the end of this yea" is not inside.
    expect(ids([entry('a:0', long), entry('b:0', 'rebuild the harbour wall by the end of this yea')])).toEqual([null, null]);
  });

  it('joins shortened quotations through the longer one they share', () => {
    const long = 'one two three four five six seven eight nine ten eleven twelve thirteen fourteen';
    expect(ids([entry('a:0', 'one two three four five six seven eight'), entry('b:0', long), entry('c:0', 'five six seven eight nine ten eleven twelve')])).toEqual(['a:0', 'a:0', 'a:0']);
  });

  it('leaves a quotation whose words no other quote has, and one of under 6 words, alone', () => {
    expect(ids([entry('a:0', 'The council will look at the budget again'), entry('b:0', 'The council will look at the timetable again')])).toEqual([null, null]);
    expect(ids([entry('a:0', 'We are very sorry indeed'), entry('b:0', 'We are very sorry indeed')])).toEqual([null, null]);
  });

  it('counts articles, not quotes: a quotation repeated in one article is a cluster of one article', () => {
    const assigned = clusterQuotations([entry('a:0', 'We will rebuild the harbour wall this year'), entry('a:1', 'We will rebuild the harbour wall this year')]);
    expect(assigned.map((a) => a?.cluster.articles)).toEqual([1, 1]);
  });

  it('keeps apart thousands of quotations that only open with the same words', () => {
    const entries = Array.from({ length: 5000 }, (_, i) => entry(`a${i}:0`, `we will rebuild the harbour wall this year number ${i} and more`));
    const assigned = clusterQuotations(entries);
    expect(assigned.every((a) => a === null)).toBe(true);
  });
});
