// The tokenizer against a reference: the plain regex loop it replaces, on random text and on BBC articles.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ABBREVIATIONS } from '../../../main/core/quotes/quote-lexicon.js';
import { splitParagraphs, tokenizeBody, type Token } from '../../../main/core/quotes/tokenize-body.js';
import { itWithCorpora } from '../../support/corpora.js';
import { bbcDir } from '../../support/paths.js';

/** What a token must hold, as the regex loop (`exec` over the whole body) computes it. */
function referenceTokens(body: string): object[] {
  const paragraphs = splitParagraphs(body);
  // A zero-width space or word joiner separates like white space (issue 12: "Traeger\u200b said").
  const pattern = /'''|''|[\p{L}\p{M}\p{N}]+(?:[-'\u2019.\u00B7][\p{L}\p{M}\p{N}]+)*|[^\s\u200B\u2060]/gu;
  const quoteMarks = new Set(['"', '\u201C', '\u201D', '\u201E', '\u201F', '\u00AB', '\u00BB', "''", "'''"]);
  const tokens: object[] = [];
  let paragraph = 0;
  for (let m = pattern.exec(body); m !== null; m = pattern.exec(body)) {
    let text = m[0];
    const start = m.index;
    const kind = quoteMarks.has(text) ? 'mark' : /^[\p{L}\p{M}\p{N}]/u.test(text) ? 'word' : 'punct';
    if (kind === 'word' && body.charAt(start + text.length) === '.' && (ABBREVIATIONS.has(text) || /^\p{Lu}$/u.test(text) || text.includes('.'))) {
      text += '.';
      pattern.lastIndex = start + text.length;
    }
    while (paragraph < paragraphs.length - 1 && start >= (paragraphs[paragraph]?.end ?? 0)) paragraph++;
    tokens.push({ text, lower: text.toLowerCase(), start, end: start + text.length, kind, paragraph, upperInitial: /^\p{Lu}/u.test(text), lowerInitial: /^\p{Ll}/u.test(text) });
  }
  return tokens;
}

function plain(tokens: readonly Token[]): object[] {
  return tokens.map(({ text, lower, start, end, kind, paragraph, upperInitial, lowerInitial }) => ({ text, lower, start, end, kind, paragraph, upperInitial, lowerInitial }));
}

const tokensOf = (body: string): object[] => plain(tokenizeBody(body, splitParagraphs(body)));

describe('tokenizeBody', () => {
  it('splits words, punctuation and marks, and keeps the full stop of an abbreviation', () => {
    const body = 'Dr. Al-Maeena said: "It\'s U.S. policy."';
    expect(tokenizeBody(body, splitParagraphs(body)).map((t) => [t.text, t.kind])).toEqual([
      ['Dr.', 'word'],
      ['Al-Maeena', 'word'],
      ['said', 'word'],
      [':', 'punct'],
      ['"', 'mark'],
      ["It's", 'word'],
      ['U.S.', 'word'],
      ['policy', 'word'],
      ['.', 'punct'],
      ['"', 'mark'],
    ]);
  });

  it('matches the regex loop on random text with every kind of white space, script and mark', () => {
    // A fixed linear congruential generator, so that a failure can be replayed.
    let seed = 20250817;
    const random = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const pieces = [
      'Word', 'word', 'Dr', 'Mr', 'No', 'U.S', 'B', 'x', '42', '3.5', '.', ',', '-', "'", "''", "'''", '\u2019', '\u00B7', '"', '\u201C', '\u201D', '\u00AB', '\u00BB', '\u2014',
      ' ', ' ', ' ', '\n', '\n\n', '\t', '\v', '\f', '\r', '\u00A0', '\u1680', '\u2003', '\u2028', '\u2029', '\u202F', '\u3000', '\uFEFF', '\u200B', '\u0085', '\u180E',
      'Москва', 'сказал', 'İstanbul', '\u24B6', '\u2160', 'e\u0301', '\u0301', '\uD835\uDC00', '\uD83D\uDE00', '\uD800', '\uDC00', 'ß', 'ǅ', 'al-Assad', 'O\u2019Neill',
    ];
    for (let round = 0; round < 500; round++) {
      let body = '';
      const length = random(200);
      for (let i = 0; i < length; i++) body += pieces[random(pieces.length)];
      expect(tokensOf(body), JSON.stringify(body)).toEqual(referenceTokens(body));
    }
  });

  itWithCorpora('matches the regex loop on BBC articles', () => {
    const files = readdirSync(bbcDir, { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.txt'))
      .sort()
      .filter((_, i) => i % 50 === 0);
    expect(files.length).toBeGreaterThan(40);
    for (const file of files) {
      const body = readFileSync(path.join(bbcDir, file), 'latin1');
      expect(tokensOf(body), file).toEqual(referenceTokens(body));
    }
  });
});
