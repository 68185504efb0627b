import v8 from 'node:v8';
import lunr from 'lunr';
import { describe, expect, it } from 'vitest';
import { readArticles } from '../../support/read-articles.js';
import { walkArchive } from '../../../main/core/archive/walk-archive.js';
import { loadCompactIndex, tokenTrie, type CompactIndex } from '../../../main/core/index/compact-index.js';
import { languageProcessing } from '../../../main/core/index/languages.js';
import { compactIndex, createLunrBuilder } from '../../support/lunr-reference.js';
import { beforeAllWithCorpora, describeWithCorpora, itWithCorpora } from '../../support/corpora.js';
import { bbcDir } from '../../support/paths.js';

let built: lunr.Index;
let serialized: CompactIndex;

beforeAllWithCorpora(async () => {
  const { files } = await walkArchive(bbcDir);
  const { articles } = readArticles(files.filter((f) => f.path.startsWith('politics/')));
  const builder = createLunrBuilder(languageProcessing('en'));
  for (const a of articles) builder.add({ id: a.id, title: a.title, body: a.body });
  built = builder.build();
  serialized = compactIndex(built);
}, 60_000);

const run = (index: lunr.Index, build: (q: lunr.Query) => void) =>
  index.query(build).map((r) => ({ ref: r.ref, score: r.score, terms: Object.keys(r.matchData.metadata).sort() }));

describeWithCorpora('the compact index', () => {
  it.each<[string, (q: lunr.Query) => void]>([
    ['a word', (q) => q.term('election', {})],
    ['two required words', (q) => { q.term('blair', { presence: lunr.Query.presence.REQUIRED }); q.term('brown', { presence: lunr.Query.presence.REQUIRED }); }],
    ['a prefix', (q) => q.term('minist', { wildcard: lunr.Query.wildcard.TRAILING, usePipeline: false })],
    ['a typo', (q) => q.term('parliment', { editDistance: 1 })],
    ['a title-only word', (q) => q.term('tories', { fields: ['title'] })],
    ['a word and an excluded word', (q) => { q.term('tax', {}); q.term('labour', { presence: lunr.Query.presence.PROHIBITED }); }],
    ['only an excluded word', (q) => q.term('labour', { presence: lunr.Query.presence.PROHIBITED })],
  ])('answers %s exactly like the index it was made from', (_name, build) => {
    const expected = run(built, build);
    expect(expected.length).toBeGreaterThan(0);
    expect(run(loadCompactIndex(serialized), build)).toEqual(expected);
  });

  it('is smaller than lunr’s own serialization', () => {
    expect(v8.serialize(serialized).length).toBeLessThan(JSON.stringify(built).length * 0.8);
  });

  it.each<[string, (c: CompactIndex) => unknown]>([
    ['another format', (c) => ({ ...c, format: 'lunr' })],
    ['another lunr version', (c) => ({ ...c, version: '1.0.0' })],
    ['parts of different lengths', (c) => ({ ...c, termIndex: c.termIndex.slice(1) })],
  ])('refuses %s', (_name, damage) => {
    expect(() => loadCompactIndex(damage(serialized) as CompactIndex)).toThrow();
  });
});

describe('the token set', () => {
  itWithCorpora('holds exactly the words of lunr’s own token set', () => {
    const fromArray = (lunr.TokenSet as unknown as { fromArray(sorted: string[]): lunr.TokenSet }).fromArray(serialized.terms);
    expect(tokenTrie(serialized.terms).toArray().sort()).toEqual(fromArray.toArray().sort());
    expect(tokenTrie(serialized.terms).toArray().sort()).toEqual(serialized.terms);
  });

  it('takes terms in any order, and none', () => {
    expect(tokenTrie(['cat', 'ca', 'cat', 'dog', 'c']).toArray().sort()).toEqual(['c', 'ca', 'cat', 'dog']);
    expect(tokenTrie([]).toArray()).toEqual([]);
  });
});
