import path from 'node:path';
import { expect, it } from 'vitest';
import { readArticles } from '../../support/read-articles.js';
import { walkArchive } from '../../../main/core/archive/walk-archive.js';
import { languageProcessing, type LanguageProcessing } from '../../../main/core/index/languages.js';
import { tokenize } from '../../../main/core/index/tokenize.js';
import type { MatchRange } from '../../../main/contract/model.js';
import { anyClauseIn, anyClauseOccurs, compileMatcher, findMatches, matchWords, mergeRanges, positionedWords, textWords, wordIndex } from '../../../main/core/search/match-text.js';
import type { TermClause } from '../../../main/core/search/parse-query.js';
import { withinEditDistance } from '../../../main/core/util/edit-distance.js';
import { beforeAllWithCorpora, describeWithCorpora } from '../../support/corpora.js';
import { bbcDir, repoRoot } from '../../support/paths.js';

/** Texts in several languages and scripts, with the awkward cases of the tokenizer. */
let texts: { text: string; language: LanguageProcessing }[];

beforeAllWithCorpora(async () => {
  const { files } = await walkArchive(bbcDir);
  const bbc = readArticles(files.filter((_, i) => i % 40 === 0)).articles;
  const fixtures = readArticles((await walkArchive(path.join(repoRoot, 'test', 'fixtures', 'languages'))).files).articles;
  texts = [...bbc, ...fixtures].flatMap((a) => [a.title, a.body].map((text) => ({ text, language: languageProcessing(a.language) })));
  const english = languageProcessing('en');
  for (const text of ["Don't say 'U.S.' – it's the U.S.A.'s 3.5% rise; Trump’s “deal”.", 'naïve café e\u0301te 日本語のテキスト Ελληνικά', "l'été's ... x.y.'z ’tis"]) {
    texts.push({ text, language: english });
  }
}, 60_000);

const clause = (words: string[], kind: { phrase?: boolean; prefix?: boolean; fuzzy?: number } = {}): TermClause => ({
  words,
  phrase: kind.phrase ?? false,
  prefix: kind.prefix ?? false,
  fuzzy: kind.fuzzy ?? 0,
  titleOnly: false,
  start: 0,
  end: 0,
});

/** Clauses made of a text's own words: words, prefixes, typos, two-word phrases, and a stop word. */
function clausesFor(text: string): TermClause[][] {
  const words = tokenize(text).map((t) => t.word);
  const picked = words.filter((_, i) => i % 23 === 0).slice(0, 6);
  return [
    picked.map((w) => clause([w])),
    picked.map((w) => clause([w.slice(0, 3)], { prefix: true })),
    picked.map((w) => clause([w], { fuzzy: 1 })),
    picked.slice(0, 3).map((w) => clause([w, words[words.indexOf(w) + 1] ?? 'the'], { phrase: true })),
    [clause(['the']), clause(['said']), clause(['zyxwv'])],
  ];
}

/** The straightforward way: tokenize, stem every token, test every clause at every token. */
function reference(text: string, clauses: readonly TermClause[], language: LanguageProcessing): { ranges: MatchRange[]; found: boolean[] } {
  const tokens = tokenize(text).map((t) => ({ ...t, stem: language.stem(t.word) }));
  const ranges: MatchRange[] = [];
  const found = clauses.map((c) => {
    let hits = 0;
    const stems = c.words.map((w) => language.stem(w));
    tokens.forEach((token, i) => {
      let end: number | null = null;
      if (c.phrase) {
        if (stems.every((stem, k) => tokens[i + k]?.stem === stem)) end = tokens[i + stems.length - 1]?.end ?? null;
      } else if (!language.isStopWord(token.word)) {
        const first = c.words[0] ?? '';
        const match = c.prefix ? token.word.startsWith(first) : c.fuzzy > 0 ? withinEditDistance(token.stem, stems[0] ?? '', c.fuzzy) : token.stem === stems[0];
        if (match) end = token.end;
      }
      if (end === null) return;
      ranges.push({ start: token.start, end });
      hits += 1;
    });
    return hits > 0;
  });
  return { ranges: mergeRanges(ranges), found };
}

describeWithCorpora('matching a query in a text', () => {
  it('finds what the straightforward tokenize-and-stem finds, for words, prefixes, typos and phrases', () => {
    let checked = 0;
    for (const { text, language } of texts) {
      for (const clauses of clausesFor(text)) {
        const matcher = compileMatcher(clauses, language);
        const expected = reference(text, clauses, language);
        expect(findMatches(text, matcher)).toEqual(expected);
        // Again from the same words kept aside, as the article bodies are.
        expect(matchWords(positionedWords(text, language), matcher)).toEqual(expected);
        expect(anyClauseOccurs(textWords(text, language), matcher)).toBe(expected.found.some(Boolean));
        expect(anyClauseIn(wordIndex(text, language), matcher)).toBe(expected.found.some(Boolean));
        // Each clause alone too: a text where only some occur.
        clauses.forEach((c, i) => expect(anyClauseIn(wordIndex(text, language), compileMatcher([c], language))).toBe(expected.found[i]));
        checked += expected.ranges.length;
      }
    }
    expect(checked).toBeGreaterThan(1000);
  });

  it('reads the words of part of a text exactly as the whole text has them, between two words', () => {
    for (const { text, language } of texts) {
      const tokens = tokenize(text);
      for (let i = 0; i + 3 < tokens.length; i += 7) {
        const from = tokens[i]?.start ?? 0;
        const to = tokens[i + 3]?.end ?? 0;
        expect(textWords(text, language, from, to).map((w) => w.word)).toEqual(tokens.slice(i, i + 4).map((t) => t.word));
      }
    }
  });
});
