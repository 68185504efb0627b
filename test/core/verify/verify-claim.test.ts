import { afterAll, describe, expect, it } from 'vitest';
import type { VerifyMatch } from '../../../main/contract/api.js';
import { openLibrary, type Library } from '../../../main/core/library.js';
import { beforeAllWithCorpora, describeWithCorpora, itWithCorpora } from '../../support/corpora.js';
import { bbcDir, tempDir } from '../../support/paths.js';

/** The words of a match as the diff shows them, e.g. "= we have made | ~ firm>strong". */
const diffOf = (match: VerifyMatch | undefined): string[] => (match?.changes ?? []).map((c) => `${c.op}:${c.claim}|${c.original}`);

describeWithCorpora('verify on the BBC corpus', () => {
  let library: Library;
  beforeAllWithCorpora(async () => {
    library = await openLibrary({ archiveDir: bbcDir, cacheDir: tempDir() });
    await library.quotesReady();
  }, 300_000);
  afterAll(async () => library?.close());

  itWithCorpora('finds a real quotation verbatim, with its article and speaker', async () => {
    const reply = await library.verify({ claim: 'We will definitely extend the maternity pay, from the six months where it now is to nine months' });
    expect(reply.verdict).toBe('verbatim');
    expect(reply.matches[0]?.path).toBe('politics/001.txt');
    expect(reply.matches[0]?.kind).toBe('direct');
    expect(reply.matches[0]?.speaker).toMatch(/Hewitt/);
    expect(reply.matches[0]?.similarity).toBe(1);
  });

  itWithCorpora('calls a shortened quote verbatim and says how many words it leaves out', async () => {
    const reply = await library.verify({ claim: 'we will definitely extend the maternity pay' });
    expect(reply.verdict).toBe('verbatim');
    expect(reply.matches[0]?.omitted).toBeGreaterThan(5);
    expect(reply.matches[0]?.changes.at(-1)?.op).toBe('delete');
  });

  itWithCorpora('finds a retyped quote (case, typographic quotes, hyphenation) verbatim', async () => {
    const reply = await library.verify({ claim: '“WE HAVE MADE a firm commitment. We will definitely extend the maternity-pay”' });
    expect(reply.verdict).toBe('verbatim');
    expect(reply.matches[0]?.path).toBe('politics/001.txt');
  });

  itWithCorpora('shows two replaced words as replace steps of an altered quote', async () => {
    const reply = await library.verify({ claim: 'We will certainly extend the maternity pay, from the six months where it now is to twelve months' });
    expect(reply.verdict).toBe('altered');
    expect(reply.matches[0]?.path).toBe('politics/001.txt');
    expect(diffOf(reply.matches[0])).toContain('replace:certainly|definitely');
    expect(diffOf(reply.matches[0])).toContain('replace:twelve|nine');
  });

  itWithCorpora('shows both places of a claim spliced from two quotations', async () => {
    const reply = await library.verify({ claim: 'We have made a firm commitment. These plans were announced by Gordon Brown in his pre-budget review' });
    expect(reply.verdict).toBe('altered');
    const [first, second] = reply.matches;
    expect(first?.speaker).toMatch(/Hewitt/);
    expect(first?.text).toMatch(/^We have made a firm commitment/);
    expect(second?.text).toMatch(/^These plans were announced by Gordon Brown/);
    expect(second?.claimStart).toBeGreaterThan(first?.claimEnd ?? Infinity);
  });

  itWithCorpora('says when the archive gives the words to someone else', async () => {
    const reply = await library.verify({ claim: 'We have made a firm commitment', speaker: 'Tony Blair' });
    expect(reply.attribution).toMatch(/^You said Tony Blair; the archive says .*Hewitt/);
  });

  itWithCorpora.each([
    ['invented words', 'the committee will publish its findings on unicorn migration next spring'],
    ['the words of a real quote shuffled', 'months maternity the will extend we pay six definitely from nine where it to now is the months'],
  ])('answers not-found for %s', async (_name, claim) => {
    const reply = await library.verify({ claim });
    expect(reply.verdict).toBe('not-found');
    expect(reply.matches).toEqual([]);
  });

  itWithCorpora.each<[string, string, RegExp]>([
    ['empty', '', /0 words/],
    ['only punctuation', '"... !!! --- ?"', /0 words/],
    ['10,000 words', 'word '.repeat(10_000), /at most 500/],
  ])('refuses a claim that is %s with a clear message', async (_name, claim, message) => {
    await expect(library.verify({ claim })).rejects.toThrow(message);
  });

  itWithCorpora('answers a claim of one word repeated quickly, with nothing found', async () => {
    const reply = await library.verify({ claim: 'said '.repeat(500) });
    expect(reply.verdict).toBe('not-found');
  });
});

describe('verify on a small archive', () => {
  it('finds a quote the extractor missed in the article text', async () => {
    const library = await openLibrary({ archiveDir: 'content', cacheDir: tempDir() });
    try {
      const first = (await library.search('bird flu', { limit: 1 })).hits[0];
      expect(first).toBeDefined();
      const view = await library.article(first?.id ?? '');
      const { body } = view.article;
      const inQuote = (at: number): boolean => view.quotes.some((q) => q.start <= at + 200 && q.end >= at - 200);
      const sentence = body.split(/(?<=\.)\s+/u).find((s) => !/["“”]/u.test(s) && s.split(' ').length > 12 && !inQuote(body.indexOf(s))) ?? '';
      const reply = await library.verify({ claim: sentence });
      expect(reply.verdict).toBe('verbatim');
      expect(reply.matches[0]?.kind).toBe('text');
      expect(reply.matches[0]?.articleId).toBe(first?.id);
    } finally {
      await library.close();
    }
  });
});
