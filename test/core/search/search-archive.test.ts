import { beforeAll, describe, expect, it } from 'vitest';
import { QueryError } from '../../../main/core/errors.js';
import { openLibrary, type Library } from '../../../main/core/library.js';
import { readArticles } from '../../support/read-articles.js';
import { walkArchive } from '../../../main/core/archive/walk-archive.js';
import { languageProcessing } from '../../../main/core/index/languages.js';
import { tokenize } from '../../../main/core/index/tokenize.js';
import type { Article } from '../../../main/contract/model.js';
import { beforeAllWithCorpora, describeWithCorpora } from '../../support/corpora.js';
import { bbcDir, contentDir, tempDir } from '../../support/paths.js';

let bundled: Library;
let bbc: Library;
let bbcArticles: Article[];
let cacheDir: string;

beforeAll(async () => {
  cacheDir = tempDir();
  bundled = await openLibrary({ archiveDir: contentDir, cacheDir });
}, 120_000);

beforeAllWithCorpora(async () => {
  bbc = await openLibrary({ archiveDir: bbcDir, cacheDir });
  // The brute force reads every file itself; exact duplicates (98 in the BBC corpus) keep their first copy.
  const seen = new Set<string>();
  bbcArticles = (readArticles((await walkArchive(bbcDir)).files)).articles.filter((a) => {
    const key = `${a.title}\0${a.body}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}, 120_000);

const marked = (text: string, ranges: readonly { start: number; end: number }[]) => ranges.map((r) => text.slice(r.start, r.end));

describe('searching the bundled archive', () => {
  it('puts the seed article first for "Putin Trump Alaska", with a quote by Kazbek Maigeldinov', async () => {
    const reply = (await bundled.search('Putin Trump Alaska'));
    const first = reply.hits[0];
    expect(first?.path).toBe('kazinform-putin-trump-alaska.txt');
    expect(reply.partial).toBe(false);
    expect(first?.quotes.some((q) => q.speaker === 'Kazbek Maigeldinov')).toBe(true);
    expect(marked(first?.title ?? '', first?.titleHighlights ?? [])).toEqual(['Putin', 'Trump']);
    expect(first?.hitCount).toBeGreaterThan(5);
  });

  it('shows an article with every hit highlighted and its matching quotes first', async () => {
    const id = (await bundled.search('Putin Trump Alaska')).hits[0]?.id ?? '';
    const view = (await bundled.article(id, 'Alaska'));
    const words = marked(view.article.body, view.highlights);
    expect(words.length).toBeGreaterThan(2);
    expect(new Set(words)).toEqual(new Set(['Alaska']));
    const firstNonMatch = view.quotes.findIndex((q) => !q.matches);
    expect(view.quotes[0]?.matches).toBe(true);
    expect(view.quotes.slice(firstNonMatch === -1 ? view.quotes.length : firstNonMatch).every((q) => !q.matches)).toBe(true);
    expect(view.quotes.filter((q) => q.kind === 'direct').every((q) => q.speaker === 'Kazbek Maigeldinov')).toBe(true);
    // What he said without quotation marks is there too, as reported speech.
    expect(view.quotes.filter((q) => q.kind === 'indirect').map((q) => q.speaker)).toContain('Kazbek Maigeldinov');
  });

  it('finds stems: "sanction" highlights "sanctions"', async () => {
    const hit = (await bundled.search('sanction')).hits.find((h) => h.path === 'kazinform-putin-trump-alaska.txt');
    expect(hit).toBeDefined();
    const view = (await bundled.article(hit?.id ?? '', 'sanction'));
    expect(new Set(marked(view.article.body, view.highlights))).toEqual(new Set(['sanctions']));
  });

  it('reports an unknown article id as not found', async () => {
    await expect(bundled.article('0000000000000000')).rejects.toThrow(/no article with id/);
  });
});

describeWithCorpora('searching the BBC corpus', () => {
  it('sets the 98 exact duplicates aside, and lists them with the first copy', async () => {
    expect(bbc.duplicates).toHaveLength(98);
    expect(bbc.articleCount).toBe(2225 - 98);
    const views = await Promise.all(bbcArticles.map((a) => bbc.article(a.id)));
    const withCopies = views.filter((view) => view.copies.length > 0);
    expect(withCopies.reduce((n, view) => n + view.copies.length, 0)).toBe(98);
    const copy = withCopies[0]?.copies[0] ?? '';
    expect((await bbc.search(`"${withCopies[0]?.article.title ?? ''}"`, { limit: 500 })).hits.map((h) => h.path)).not.toContain(copy);
  });

  it('answers "mobile phone" with BBC articles and highlighted snippets', async () => {
    const reply = (await bbc.search('mobile phone', { limit: 10 }));
    expect(reply.total).toBeGreaterThan(20);
    expect(reply.hits).toHaveLength(10);
    for (const hit of reply.hits) {
      expect(hit.snippet.highlights.length).toBeGreaterThan(0);
      const words = marked(hit.snippet.text, hit.snippet.highlights).map((w) => w.toLowerCase());
      expect(words.every((w) => /^(mobile|phone)s?$/.test(w))).toBe(true);
    }
  });

  it.each(['"mobile phone"', '"prime minister"', '"the world cup"'])('finds exactly the articles that contain the phrase %s', async (query) => {
    const words = query.replace(/"/g, '').split(' ');
    const expected = new Set(
      bbcArticles.filter(({ title, body }) => containsWords(title, words) || containsWords(body, words)).map((a) => a.path),
    );
    const reply = (await bbc.search(query, { limit: 500 }));
    expect(new Set(reply.hits.map((h) => h.path))).toEqual(expected);
    expect(reply.total).toBe(expected.size);
  });

  it('leaves out articles with an excluded word', async () => {
    const all = (await bbc.search('mobile', { limit: 500 }));
    const without = (await bbc.search('mobile -phone', { limit: 500 }));
    expect(without.total).toBeGreaterThan(0);
    expect(without.total).toBeLessThan(all.total);
    for (const hit of without.hits) expect((await bbc.article(hit.id)).article.body.toLowerCase()).not.toMatch(/\bphones?\b/);
  });

  it('matches prefixes', async () => {
    const reply = (await bbc.search('broadb*', { limit: 5 }));
    expect(reply.total).toBeGreaterThan(5);
    expect(marked(reply.hits[0]?.snippet.text ?? '', reply.hits[0]?.snippet.highlights ?? [])[0]?.toLowerCase()).toMatch(/^broadb/);
  });

  it('falls back to the best partial matches, labelled, when no article has every word', async () => {
    const reply = (await bbc.search('mobile zyxwvut'));
    expect(reply.partial).toBe(true);
    expect(reply.total).toBeGreaterThan(0);
  });

  it.each(['', '   ', 'the of and', '-', '"', '""', '*', 'a*', '~', '::', '"unclosed phrase', '-"', '😀', 'x'.repeat(10_000), 'budget~20', '\u0000', 'OR', 'a OR', 'OR b'])(
    'answers %j without an error',
    async (query) => {
      await expect(bbc.search(query)).resolves.toMatchObject({ query });
    },
  );

  it.each([
    ['title:', 0, 6],
    ['sanctions date:2025-13', 10, 22],
    ['after:yesterday', 0, 15],
    ['lang:klingon', 0, 12],
    ['in:everything', 0, 13],
  ])('rejects %j with a message and the span to underline', async (query, start, end) => {
    const error: unknown = await bbc.search(query).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(QueryError);
    expect(error).toMatchObject({ code: 'bad-query', start, end });
    expect((error as QueryError).message.length).toBeGreaterThan(10);
  });
});

/** Brute force: stemmed words of `text` contain the stemmed `words` side by side, in order. */
function containsWords(text: string, words: readonly string[]): boolean {
  const english = languageProcessing('en');
  const tokens = tokenize(text).map((t) => english.stem(t.word));
  const stems = words.map((w) => english.stem(w));
  outer: for (let i = 0; i + stems.length <= tokens.length; i += 1) {
    for (let k = 0; k < stems.length; k += 1) if (tokens[i + k] !== stems[k]) continue outer;
    return true;
  }
  return false;
}
