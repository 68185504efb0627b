// What a shard's saved people are keyed by (issue 16): its quotes' digest changes with anything that could
// change a mention or which articles are listed, and with nothing else.
import { describe, expect, it } from 'vitest';
import type { Article, Quote } from '../../../main/contract/model.js';
import { digestQuotes, shardIdentity, sharedIdentity } from '../../../main/core/engine/quotes-digest.js';
import type { LibraryData } from '../../../main/core/index/build-library-data.js';

function article(id: string, title: string): Article {
  return { id, path: `${id}.txt`, title, date: '2005-03-01', source: 'BBC', author: null, url: null, language: 'en', body: `${title}\n"We will not give up," said Tony Blair.` };
}

function quote(articleId: string): Quote {
  return {
    id: `${articleId}:0`,
    articleId,
    kind: 'direct',
    text: 'We will not give up',
    speaker: 'Tony Blair',
    speakerId: null,
    clusterId: null,
    speakerFound: 'name',
    description: null,
    verb: 'said',
    mention: null,
    start: 10,
    end: 30,
    parts: [],
  };
}

function data(digests: [string, string]): LibraryData {
  return {
    files: (['a', 'b'] as const).map((id, i) => ({ path: `${id}.txt`, size: 1, mtimeMs: 1, articles: [article(id, 'Same story')], digests: [digests[i] as string], quotes: [quote(id)], problems: [] })),
    walkProblems: [],
    indexes: {},
  };
}

describe('quotes digest', () => {
  it('is the same for the same quotes, and changes with a speaker, a date or which copy is a duplicate', () => {
    const base = digestQuotes(data(['d1', 'd2']));
    expect(digestQuotes(data(['d1', 'd2']))).toBe(base);
    // The speaker ids the people set are not part of it.
    const resolved = data(['d1', 'd2']);
    (resolved.files[0]?.quotes as Quote[])[0]!.speakerId = 'tony-blair';
    expect(digestQuotes(resolved)).toBe(base);

    const otherSpeaker = data(['d1', 'd2']);
    (otherSpeaker.files[0]?.quotes as Quote[])[0]!.speaker = 'Ian Blair';
    expect(digestQuotes(otherSpeaker)).not.toBe(base);
    const otherDate = data(['d1', 'd2']);
    otherDate.files[1]!.articles[0]!.date = '2005-03-02';
    expect(digestQuotes(otherDate)).not.toBe(base);
    // Same quotes, but the two articles are now exact duplicates: the shard lists one of them.
    expect(digestQuotes(data(['d1', 'd1']))).not.toBe(base);
  });

  it('names a shard by its number, its digest, the hidden duplicates and the corrections', () => {
    const shared = sharedIdentity(new Set(['x', 'y']), '[]');
    expect(sharedIdentity(new Set(['y', 'x']), '[]')).toBe(shared);
    expect(sharedIdentity(new Set(['x']), '[]')).not.toBe(shared);
    expect(sharedIdentity(new Set(['x', 'y']), '[{"id":"c1"}]')).not.toBe(shared);
    const identity = shardIdentity(0, 'digest', shared);
    expect(shardIdentity(1, 'digest', shared)).not.toBe(identity);
    expect(shardIdentity(0, 'other', shared)).not.toBe(identity);
  });
});
