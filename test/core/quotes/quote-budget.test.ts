// Issue 14, items 2 and 3 in quote extraction: a flood of quotes stops at `maxQuotesPerArticle`, a long
// text is read up to `maxQuoteScanChars`, and unbroken runs never overflow the tokenizer's regex stack.
import { describe, expect, it } from 'vitest';
import { extractQuotes } from '../../../main/core/quotes/extract-quotes.js';
import { quoteBudgetReason, scannedPart } from '../../../main/core/quotes/quote-budget.js';
import { splitParagraphs, tokenizeBody } from '../../../main/core/quotes/tokenize-body.js';
import { maxQuoteScanChars, maxQuotesPerArticle, maxRunLength } from '../../../main/core/util/text-budgets.js';

const yes = '"Yes," he said. ';

describe('a flood of quotes', () => {
  it('yields the first maxQuotesPerArticle quotes, in order, with their offsets', () => {
    const body = yes.repeat(maxQuotesPerArticle * 3);
    const quotes = extractQuotes({ id: 'f', body });
    expect(quotes).toHaveLength(maxQuotesPerArticle);
    expect(quotes.map((q) => q.start)).toEqual(quotes.map((_, i) => i * yes.length + 1));
    expect(quotes.every((q) => body.slice(q.start, q.end) === 'Yes,')).toBe(true);
    expect(quoteBudgetReason(body, quotes.length)).toBe(`only its first ${maxQuotesPerArticle.toLocaleString('en')} quotes are kept`);
  });

  it('reads the first maxQuoteScanChars characters of a longer text only, and says so', () => {
    const body = `"We will rebuild," the mayor said.\n\n${'Nothing was said today. '.repeat(maxQuoteScanChars / 20)}\n\n"Never," Ruiz said.`;
    const quotes = extractQuotes({ id: 'l', body });
    expect(quotes.map((q) => q.text)).toEqual(['We will rebuild,']);
    expect(quoteBudgetReason(body, quotes.length)).toBe(`quotes are looked for in the first ${maxQuoteScanChars.toLocaleString('en')} characters of its text only`);
  });

  it('gives no reason for a normal article', () => {
    expect(quoteBudgetReason(yes.repeat(10), 10)).toBeNull();
  });
});

describe('scannedPart', () => {
  it.each([
    ['a short text, whole', 'Short.', 'Short.'.length],
    ['at the last paragraph break', `${'a '.repeat(maxQuoteScanChars / 2 - 10)}\n\n${'b '.repeat(maxQuoteScanChars)}`, maxQuoteScanChars - 20],
    ['at the last space without one', `${'word '.repeat(maxQuoteScanChars / 2)}`, maxQuoteScanChars - 1],
    ['at the limit in one unbroken run', 'a'.repeat(maxQuoteScanChars * 2), maxQuoteScanChars],
  ])('cuts %s', (_name, body, length) => {
    expect(scannedPart(body)).toHaveLength(length);
    expect(body.startsWith(scannedPart(body))).toBe(true);
  });
});

describe('unbroken runs', () => {
  it.each([
    ['a 10-million-letter word', 'a'.repeat(10_000_000), 10_000_000 / maxRunLength],
    // A word of 17 letters and 16 hyphens, then the hyphen after it: two tokens per 34 characters.
    ['5 million hyphenated letters', 'a-'.repeat(5_000_000), 2 * Math.ceil(10_000_000 / 34)],
  ])('tokenizes %s without overflowing', (_name, body, count) => {
    expect(tokenizeBody(body, splitParagraphs(body))).toHaveLength(count);
  });

  it('extracts the quote beside a 10-million-letter word', () => {
    const body = `"We will rebuild," the mayor said.\n\n${'a'.repeat(10_000_000)}`;
    expect(extractQuotes({ id: 'w', body }).map((q) => [q.text, q.speaker])).toEqual([['We will rebuild,', 'the mayor']]);
  });
});
