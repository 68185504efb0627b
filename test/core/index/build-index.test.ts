import { describe, expect, it } from 'vitest';
import { readArticles } from '../../support/read-articles.js';
import { walkArchive } from '../../../main/core/archive/walk-archive.js';
import { buildIndexes } from '../../../main/core/index/configure-lunr.js';
import { languageProcessing } from '../../../main/core/index/languages.js';
import type { Article } from '../../../main/contract/model.js';
import { compactIndex, createLunrBuilder } from '../../support/lunr-reference.js';
import { itWithCorpora } from '../../support/corpora.js';
import { bbcDir, contentDir, repoRoot } from '../../support/paths.js';
import path from 'node:path';

async function articlesOf(dir: string, only: (relativePath: string) => boolean = () => true): Promise<Article[]> {
  const { files } = await walkArchive(dir);
  return (readArticles(files.filter((f) => only(f.path)))).articles;
}

/** What lunr's own Builder makes of `articles`, per language shard, in the compact form. */
function lunrReference(articles: readonly Article[]): Record<string, unknown> {
  const builders = new Map<string, ReturnType<typeof createLunrBuilder>>();
  for (const article of articles) {
    const processing = languageProcessing(article.language);
    let builder = builders.get(processing.code);
    if (builder === undefined) builders.set(processing.code, (builder = createLunrBuilder(processing)));
    builder.add({ id: article.id, title: article.title, body: article.body });
  }
  return Object.fromEntries([...builders].map(([code, builder]) => [code, compactIndex(builder.build())]));
}

describe('building the index', () => {
  const makesLunrsIndex = async (_name: string, load: () => Promise<Article[]>): Promise<void> => {
    const articles = await load();
    expect(articles.length).toBeGreaterThan(3);
    const built = buildIndexes(articles);
    expect(Object.keys(built).length).toBeGreaterThan(0);
    // Compared whole: terms, term numbers, postings, and every vector weight to the last bit.
    expect(built).toEqual(lunrReference(articles));
  };

  itWithCorpora.each<[string, () => Promise<Article[]>]>([
    ['BBC politics and tech (English)', () => articlesOf(bbcDir, (p) => p.startsWith('politics/') || p.startsWith('tech/'))],
  ])('makes exactly the index lunr’s Builder makes: %s', makesLunrsIndex, 60_000);

  it.each<[string, () => Promise<Article[]>]>([
    ['the bundled sample archive', () => articlesOf(contentDir)],
    ['Russian, Kazakh and mixed scripts', () => articlesOf(path.join(repoRoot, 'test', 'fixtures', 'languages'))],
  ])('makes exactly the index lunr’s Builder makes: %s', makesLunrsIndex, 60_000);

  it('leaves stop words out and stems the rest', () => {
    const built = buildIndexes([{ id: 'a', title: 'The Elections', body: 'He said the voters were voting.', language: 'en' }]);
    expect(built.en?.terms).toEqual(['elect', 'said', 'vote', 'voter']);
    expect(built.en?.pipeline).toEqual(['stemmer']);
  });
});
