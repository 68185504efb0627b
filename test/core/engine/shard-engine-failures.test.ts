import path from 'node:path';
import { expect, it, vi } from 'vitest';
import { walkArchive } from '../../../main/core/archive/walk-archive.js';
import { ShardEngine, type QuotesReady } from '../../../main/core/engine/shard-engine.js';
import type * as ExtractQuotes from '../../../main/core/quotes/extract-quotes.js';
import { describeWithCorpora } from '../../support/corpora.js';
import { bbcDir, tempDir } from '../../support/paths.js';

// Quote extraction that fails on one article (politics/001.txt), as a bug on some unforeseen text would.
vi.mock('../../../main/core/quotes/extract-quotes.js', async (importOriginal) => {
  const real = await importOriginal<typeof ExtractQuotes>();
  return {
    ...real,
    extractQuotes: (...args: Parameters<typeof real.extractQuotes>) => {
      if (args[0].body.startsWith('Maternity pay for new mothers is to rise by')) throw new Error('unforeseen text');
      return real.extractQuotes(...args);
    },
  };
});

describeWithCorpora('quote extraction that fails on one file', () => {
  it('leaves that file searchable without quotes, says so, and finds the others', async () => {
    const { files } = await walkArchive(path.join(bbcDir, 'politics'));
    const notices: string[] = [];
    let ready: (r: QuotesReady) => void = () => undefined;
    const reported = new Promise<QuotesReady>((resolve) => (ready = resolve));
    const engine = new ShardEngine({ notice: (m) => notices.push(m), quotesReady: (r) => ready(r) });
    await engine.open([{ shard: 0, files, walkProblems: [], cacheFile: path.join(tempDir(), 's.cache'), fingerprint: 'f' }]);
    const hit = engine.search('title:"Labour plans maternity pay rise"', { limit: 5 }).hits[0];
    expect(hit?.path).toBe('001.txt');
    const { quoteCounts } = await reported;
    expect(notices).toEqual([expect.stringMatching(/^The quotes of 001\.txt could not be extracted \(unforeseen text\); it is searchable without them\.$/)]);
    expect(quoteCounts.reduce((a, b) => a + b, 0)).toBeGreaterThan(1000);
    expect(engine.article(hit?.id ?? '')?.quotes).toEqual([]);
  });
});
