import path from 'node:path';
import lunr from 'lunr';
import { expect, it } from 'vitest';
import { readArticles } from '../../support/read-articles.js';
import { walkArchive } from '../../../main/core/archive/walk-archive.js';
import type { CompactIndex } from '../../../main/core/index/compact-index.js';
import { buildIndexes, loadIndexes } from '../../../main/core/index/configure-lunr.js';
import { tokenTrie } from '../../../main/core/index/compact-index.js';
import { tokenize } from '../../../main/core/index/tokenize.js';
import type { Article } from '../../../main/contract/model.js';
import { intersectTerms, queryIndex, termsStarting } from '../../../main/core/search/query-index.js';
import { beforeAllWithCorpora, describeWithCorpora } from '../../support/corpora.js';
import { bbcDir, contentDir, repoRoot } from '../../support/paths.js';

/** A query as search-archive builds them: terms with lunr's options. */
type Build = (query: lunr.Query) => void;

const { REQUIRED, OPTIONAL } = lunr.Query.presence;
const { TRAILING, NONE } = lunr.Query.wildcard;

const word = (term: string, fields?: string[]): Build => (q) => q.term(term, { ...(fields ? { fields } : {}), presence: OPTIONAL, usePipeline: true, wildcard: NONE });
const phrase = (...terms: string[]): Build => (q) => terms.forEach((term) => q.term(term, { presence: REQUIRED, usePipeline: true, wildcard: NONE }));
const titlePhrase = (...terms: string[]): Build => (q) => terms.forEach((term) => q.term(term, { fields: ['title'], presence: REQUIRED, usePipeline: true, wildcard: NONE }));
const prefix = (term: string): Build => (q) => q.term(term, { presence: OPTIONAL, usePipeline: false, wildcard: TRAILING });
const fuzzy = (term: string, editDistance: number): Build => (q) => q.term(term, { presence: OPTIONAL, usePipeline: true, wildcard: NONE, editDistance });
const anyOf = (...terms: string[]): Build => (q) => terms.forEach((term) => q.term(term, { presence: OPTIONAL, usePipeline: true, wildcard: NONE }));

let indexes: [lunr.Index, CompactIndex][];
let vocabulary: string[];

async function articlesOf(dir: string, only: (relativePath: string) => boolean = () => true): Promise<Article[]> {
  const { files } = await walkArchive(dir);
  return readArticles(files.filter((f) => only(f.path))).articles;
}

beforeAllWithCorpora(async () => {
  const articles = [
    ...(await articlesOf(bbcDir, (p) => p.startsWith('politics/') || p.startsWith('sport/'))),
    ...(await articlesOf(contentDir)),
    ...(await articlesOf(path.join(repoRoot, 'test', 'fixtures', 'languages'))),
  ];
  const compact = buildIndexes(articles);
  indexes = [...loadIndexes(compact)].map(([code, index]) => [index, compact[code] as CompactIndex]);
  // Every 97th word of the texts: common and rare words, in every script of the fixtures.
  vocabulary = [...new Set(articles.flatMap((a) => tokenize(`${a.title} ${a.body}`).map((t) => t.word)))].filter((_, i) => i % 97 === 0);
}, 60_000);

/** What lunr itself answers, in queryIndex's form. */
function lunrAnswer(index: lunr.Index, build: Build): { ref: string; score: number }[] {
  return index.query(build).map(({ ref, score }) => ({ ref, score }));
}

function answer(index: lunr.Index, compact: CompactIndex, build: Build): { ref: string; score: number }[] {
  const { refs, docs, scores } = queryIndex(index, compact, build);
  return [...docs].map((doc, i) => ({ ref: refs[doc] ?? '', score: scores[i] ?? Number.NaN }));
}

describeWithCorpora('querying an index without lunr’s match objects', () => {
  it.each<[string, Build, boolean]>([
    ['a word', word('economy'), true],
    ['a common word', word('said'), true],
    ['a word in headlines only', word('blair', ['title']), true],
    ['a word no article has', word('zyxwvutsrq'), false],
    ['a phrase (every word required)', phrase('prime', 'minister'), true],
    ['a phrase repeating a word', phrase('very', 'very'), true],
    ['a phrase with a word no article has', phrase('prime', 'zyxwvutsrq'), false],
    ['a phrase of three words', phrase('world', 'cup', 'final'), true],
    ['a phrase of 300 words', phrase(...Array.from({ length: 300 }, (_, i) => (i % 2 === 0 ? 'very' : 'good'))), true],
    ['a phrase in headlines only', titlePhrase('blair', 'brown'), true],
    ['a phrase in headlines only, with a common word', titlePhrase('blair', 'said'), true],
    ['a prefix', prefix('terror'), true],
    ['a short prefix', prefix('el'), true],
    ['a typo, one edit', fuzzy('parliment', 1), true],
    ['a typo, two edits', fuzzy('govermnet', 2), true],
    ['several optional words', anyOf('film', 'movie', 'award'), true],
  ])('finds what lunr finds, in lunr’s order, with lunr’s scores to the bit: %s', (_name, build, finds) => {
    let found = 0;
    for (const [index, compact] of indexes) {
      const expected = lunrAnswer(index, build);
      // Twice: the second time from what the first kept (postings with their weights).
      expect(answer(index, compact, build)).toEqual(expected);
      expect(answer(index, compact, build)).toEqual(expected);
      found += expected.length;
    }
    expect(found > 0).toBe(finds);
  });

  it('agrees with lunr on words of every kind from the texts, alone, as prefixes and as typos', () => {
    expect(vocabulary.length).toBeGreaterThan(100);
    for (const [index, compact] of indexes) {
      for (const term of vocabulary) {
        for (const build of [word(term), prefix(term.slice(0, 3)), fuzzy(term, 1)]) {
          const expected = lunrAnswer(index, build);
          const actual = answer(index, compact, build);
          if (actual.length !== expected.length || actual.some((a, i) => a.ref !== expected[i]?.ref || a.score !== expected[i]?.score)) {
            expect({ term, actual }).toEqual({ term, actual: expected });
          }
        }
      }
    }
  }, 60_000);
});

it('lists the terms a prefix stands for in lunr’s order when they branch on digits, letters and other characters', () => {
  // An object lists integer keys (digits) first: lunr's token set branches on them first, and lists the branches back to front.
  const body = 'x1 x9 x10 xa xb xz x’y xé xα x x0b xa1 xab x-ray';
  const compact = buildIndexes([{ id: 'doc', title: '', body, language: 'zz' }]);
  for (const [code, index] of loadIndexes(compact)) {
    const tokenSet = (index as unknown as { tokenSet: lunr.TokenSet }).tokenSet;
    for (const term of ['x', 'xa', 'x1', '']) {
      const sets = lunr.TokenSet as unknown as { fromString(term: string): lunr.TokenSet; fromArray(terms: string[]): lunr.TokenSet };
      const expected = tokenSet.intersect(sets.fromString(`${term}*`)).toArray();
      expect(expected.length).toBeGreaterThan(0);
      expect(termsStarting(compact[code] as CompactIndex, term)).toEqual(expected);
      // And as lunr's own token set of the same terms lists them.
      expect(sets.fromArray([...(compact[code] as CompactIndex).terms]).intersect(sets.fromString(`${term}*`)).toArray()).toEqual(expected);
    }
  }
});

/** lunr's TokenSet.fromClause and fromArray (missing from its typings). */
const tokenSets = lunr.TokenSet as unknown as { fromClause(clause: { term: string; editDistance?: number }): lunr.TokenSet; fromArray(terms: string[]): lunr.TokenSet };

it('lists the terms a fuzzy or wildcard term stands for as lunr\'s token set does, on digits, letters and other characters', () => {
  const terms = [...new Set('x1 x9 x10 xa xb xz x’y xé xα x x0b xa1 xab x-ray ax bx xx xxa 1x 10 a 0 ab ba abc acb bac'.split(' '))].sort();
  const trie = tokenSets.fromArray(terms);
  for (const clause of [
    { term: 'x', editDistance: 1 },
    { term: 'xa', editDistance: 1 },
    { term: 'xa', editDistance: 2 },
    { term: 'ab', editDistance: 1 },
    { term: '10', editDistance: 2 },
    { term: '*x' },
    { term: 'x*b' },
    { term: '*' },
    { term: 'a*c' },
  ]) {
    const expected = trie.intersect(tokenSets.fromClause(clause)).toArray();
    expect({ clause, terms: intersectTerms(terms, tokenSets.fromClause(clause)) }).toEqual({ clause, terms: expected });
  }
  expect(intersectTerms([], tokenSets.fromClause({ term: 'x', editDistance: 1 }))).toEqual([]);
});

describeWithCorpora('fuzzy and wildcard terms over a real index', () => {
  it('stand for the terms lunr\'s token set lists, in its order', () => {
    let found = 0;
    for (const [index, compact] of indexes) {
      const tokenSet = (index as unknown as { tokenSet: lunr.TokenSet }).tokenSet;
      // A leading wildcard walks the whole token set: 80 words, not all.
      for (const term of vocabulary.slice(0, 80)) {
        for (const clause of [{ term, editDistance: 1 }, { term, editDistance: 2 }, { term: `*${term.slice(-3)}` }, { term: `${term.slice(0, 2)}*${term.slice(-1)}` }]) {
          const expected = tokenSet.intersect(tokenSets.fromClause(clause)).toArray();
          const actual = intersectTerms(compact.terms, tokenSets.fromClause(clause));
          if (actual.length !== expected.length || actual.some((t, i) => t !== expected[i])) expect({ clause, actual }).toEqual({ clause, actual: expected });
          found += expected.length;
        }
      }
    }
    expect(found).toBeGreaterThan(80);
  }, 120_000);
});

it('lists the terms of random fuzzy and wildcard terms over random term lists as lunr\'s token sets do', () => {
  // A fixed seed: the same 4,000 cases every run.
  let seed = 12345;
  const random = (): number => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
  const units = ['a', 'b', 'c', '0', '1', '9', '-', '.', "'", 'é', 'z', '\ud83d', '\ude00', '_', ' ', 'A', '*'];
  const word = (max: number): string => Array.from({ length: Math.floor(random() * max) }, () => units[Math.floor(random() * units.length)] ?? '').join('');
  for (let round = 0; round < 400; round += 1) {
    const terms = [...new Set(Array.from({ length: 1 + Math.floor(random() * 40) }, () => word(6)))].sort();
    const [merged, trie] = [tokenSets.fromArray(terms), tokenTrie(terms)];
    for (let q = 0; q < 10; q += 1) {
      const term = word(4);
      const clause = random() < 0.5 ? { term: term.replaceAll('*', ''), editDistance: Math.floor(random() * 3) } : { term: term.includes('*') ? term : `*${term}` };
      const actual = intersectTerms(terms, tokenSets.fromClause(clause));
      expect({ terms, clause, actual }).toEqual({ terms, clause, actual: merged.intersect(tokenSets.fromClause(clause)).toArray() });
      expect(actual).toEqual(trie.intersect(tokenSets.fromClause(clause)).toArray());
    }
  }
});

