// Issue 14, items 2 and 3 at the index: a 10-million-letter word is split, never overflows the regex stack,
// and an article's words past `maxIndexedWords` are left out of the index (and said to be).
import { describe, expect, it } from 'vitest';
import { isOverWordBudget } from '../../../main/core/index/build-index.js';
import { buildIndexes } from '../../../main/core/index/configure-lunr.js';
import { firstWords, maxWordLength, tokenize } from '../../../main/core/index/tokenize.js';
import { maxIndexedWords, maxInnerSeparators, maxRunLength } from '../../../main/core/util/text-budgets.js';

const article = (body: string, title = 'Headline') => ({ id: 'a', title, body, language: 'en' });

describe('words of unbounded runs', () => {
  it.each([
    ['one 10-million-letter word', 'a'.repeat(10_000_000), 10_000_000 / maxRunLength],
    ['5 million dotted letters', 'a.'.repeat(5_000_000), Math.ceil(5_000_000 / (maxInnerSeparators + 1))],
  ])('tokenizes %s without overflowing, in bounded words', (_name, text, words) => {
    const tokens = tokenize(text);
    expect(tokens).toHaveLength(words);
    expect(tokens.every((t) => t.end - t.start <= maxRunLength * (maxInnerSeparators + 1) + maxInnerSeparators)).toBe(true);
    expect(tokens.every((t) => t.word.length <= maxWordLength)).toBe(true);
  });

  it('splits a run longer than maxRunLength into adjacent words, every letter in one', () => {
    const run = 'x'.repeat(maxRunLength * 2 + 50);
    expect(tokenize(`go ${run} now`).map((t) => [t.start, t.end])).toEqual([
      [0, 2],
      [3, 3 + maxRunLength],
      [3 + maxRunLength, 3 + 2 * maxRunLength],
      [3 + 2 * maxRunLength, 3 + 2 * maxRunLength + 50],
      [4 + 2 * maxRunLength + 50, 7 + 2 * maxRunLength + 50],
    ]);
  });

  it('leaves the words of real text as they were', () => {
    expect(tokenize("Don't U.S. 3.5 Al-Maeena O’Neill's").map((t) => t.word)).toEqual(["don't", 'u.s', '3.5', 'al', 'maeena', "o'neill"]);
  });

  it('indexes an article holding a 10-million-letter word', () => {
    const built = buildIndexes([article(`bridge ${'a'.repeat(10_000_000)} reopens`)]);
    expect(built.en?.terms).toEqual(expect.arrayContaining(['bridg', 'a'.repeat(maxWordLength), 'reopen']));
  });
});

describe('words per article', () => {
  const flood = `${'alpha '.repeat(maxIndexedWords - 1)}omega zeta`;

  it('indexes the first maxIndexedWords words of an article, headline first', () => {
    const terms = buildIndexes([article(flood)]).en?.terms ?? [];
    // The headline's one word and the body's first maxIndexedWords - 1: "omega" is the last one taken.
    expect(terms).toContain('alpha');
    expect(terms).not.toContain('omega');
    expect(terms).not.toContain('zeta');
    const untitled = buildIndexes([article(flood, '')]).en?.terms ?? [];
    expect(untitled).toContain('omega');
    expect(untitled).not.toContain('zeta');
  });

  it.each([
    ['a normal article', article('The mayor said the bridge will reopen.'), false],
    ['maxIndexedWords words exactly', article(`${'alpha '.repeat(maxIndexedWords - 1)}`), false],
    ['two words more', article(flood), true],
    ['a long text of few words', article('a'.repeat(maxIndexedWords * 3)), false],
  ])('says whether the index takes only part of %s', (_name, doc, over) => {
    expect(isOverWordBudget(doc)).toBe(over);
  });

  it('reads the first words of a long text only', () => {
    expect(firstWords('one two three four', 2)).toEqual(['one', 'two']);
    expect(firstWords('a'.repeat(10_000_000), 3)).toHaveLength(3);
  });
});
