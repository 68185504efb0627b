// Corrections that stick (issue 16), on the bundled archive: a correction beats the extractor in every
// answer (quote list, speaker filter, search hits, article view, counts), is applied again on every open,
// in the engines' threads too, and undoing it brings the extractor's answer back.
import path from 'node:path';
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { QuoteHit } from '../../main/contract/api.js';
import { openLibrary, type Library } from '../../main/core/library.js';
import { contentDir, distDir, tempDir } from '../support/paths.js';

const seedPath = 'kazinform-putin-trump-alaska.txt';

async function maigeldinovQuotes(library: Library): Promise<QuoteHit[]> {
  return (await library.quotes({ speaker: 'Maigeldinov' })).quotes;
}

describe('corrections in a library', () => {
  it('are applied to every answer, kept across opens, and undone', async () => {
    const cacheDir = tempDir();
    const library = await openLibrary({ archiveDir: contentDir, cacheDir });
    const before = { quoteCount: library.quoteCount, quotes: await maigeldinovQuotes(library) };
    const [quote, dropped] = before.quotes;
    if (quote === undefined || dropped === undefined) throw new Error('the seed article has fewer than two Maigeldinov quotes');

    const speaker = await library.correct({ type: 'speaker', quoteId: quote.id, quoteText: quote.text, speakerId: null, speakerName: 'Zarina Testova' });
    const notQuote = await library.correct({ type: 'not-quote', quoteId: dropped.id, quoteText: dropped.text });
    expect(library.corrections()).toEqual([speaker, notQuote]);

    const check = async (open: Library): Promise<void> => {
      const theirs = (await open.quotes({ speaker: 'Testova' })).quotes;
      expect(theirs.map((q) => [q.id, q.speaker, q.correction])).toEqual([[quote.id, 'Zarina Testova', speaker.id]]);
      expect((await maigeldinovQuotes(open)).map((q) => q.id)).toEqual(before.quotes.slice(2).map((q) => q.id));
      expect(open.quoteCount).toBe(before.quoteCount - 1);
      const hit = (await open.search('Alaska speaker:Testova')).hits.find((h) => h.path === seedPath);
      // The speaker's quotes come first on the card (issue 15).
      expect(hit?.quotes[0]).toMatchObject({ id: quote.id, speaker: 'Zarina Testova', correction: speaker.id });
      const view = await open.article(quote.articleId);
      expect(view.quotes.find((q) => q.id === quote.id)).toMatchObject({ speaker: 'Zarina Testova', correction: speaker.id, mention: null });
      expect(view.quotes.some((q) => q.text === dropped.text)).toBe(false);
    };
    await check(library);
    await library.close();

    const reopened = await openLibrary({ archiveDir: contentDir, cacheDir });
    expect(reopened.cache).toBe('loaded');
    await check(reopened);
    await reopened.undoCorrection(speaker.id);
    await reopened.undoCorrection(notQuote.id);
    expect(reopened.quoteCount).toBe(before.quoteCount);
    expect(await maigeldinovQuotes(reopened)).toEqual(before.quotes);
    await reopened.close();
    expect(await maigeldinovQuotes(await openLibrary({ archiveDir: contentDir, cacheDir }))).toEqual(before.quotes);
    // The file stays beside the caches: the stale-cache clean-up of every open leaves it.
    expect(readdirSync(cacheDir, { recursive: true }).map(String).filter((f) => f.endsWith('corrections.json'))).toHaveLength(1);
  });

  it('refuses a correction of a quote the archive does not have', async () => {
    const library = await openLibrary({ archiveDir: contentDir, cacheDir: tempDir() });
    const [quote] = await maigeldinovQuotes(library);
    await expect(library.correct({ type: 'not-quote', quoteId: quote?.id ?? '', quoteText: 'words nobody said' })).rejects.toThrow(/no quote "words nobody said"/);
    await expect(library.correct({ type: 'not-quote', quoteId: 'no/such/file.txt:0', quoteText: 'x' })).rejects.toThrow(/no article with id/);
    await expect(library.undoCorrection('never-made')).rejects.toThrow(/no correction with id "never-made"/);
    expect(library.corrections()).toEqual([]);
  });

  it('reach the engines in worker threads, counted there before the shards open', async () => {
    const cacheDir = tempDir();
    const workerScript = path.join(distDir, 'index-worker.cjs');
    const first = await openLibrary({ archiveDir: contentDir, cacheDir, workerScript, engines: 2 });
    const [quote] = await maigeldinovQuotes(first);
    const count = first.quoteCount;
    await first.correct({ type: 'not-quote', quoteId: quote?.id ?? '', quoteText: quote?.text ?? '' });
    expect(first.quoteCount).toBe(count - 1);
    await first.close();
    const again = await openLibrary({ archiveDir: contentDir, cacheDir, workerScript, engines: 2 });
    try {
      expect(again.quoteCount).toBe(count - 1);
      expect((await maigeldinovQuotes(again)).some((q) => q.id === quote?.id)).toBe(false);
    } finally {
      await again.close();
    }
  }, 60_000);
});
