// The search engine of one worker thread: it opens (from cache, or by building) the archive shards given
// to it, and answers searches, article views and quote lists over them. The main thread merges the
// answers of all workers (engine-pool.ts). It runs in-process too, for tests.

import type { ArticleView, QuotesReply, SearchReply, SearchSort } from '../../contract/api.js';
import type { ArchiveFile } from '../archive/walk-archive.js';
import { articleDigest, assembleLibrary, buildLibraryData, type LibraryData } from '../index/build-library-data.js';
import { loadIndexes } from '../index/configure-lunr.js';
import { readCache, writeCache } from '../index/index-cache.js';
import type { Article, ImportProblem, Quote } from '../model.js';
import { findQuotes, searchArchive, viewArticle, type SearchData, type SearchIndex } from '../search/search-archive.js';
import type lunr from 'lunr';

/** One shard of an archive: the files whose paths hash to it, and where its cache lives. */
export interface ShardSpec {
  shard: number;
  files: ArchiveFile[];
  /** Problems of the folder walk; given to shard 0 only, so they are reported once. */
  walkProblems: ImportProblem[];
  cacheFile: string;
  fingerprint: string;
}

/** What the main thread needs to know of an opened shard. */
export interface ShardSummary {
  shard: number;
  cache: 'built' | 'loaded';
  /** Per article, in path order: id, path, and a digest of headline and text (to find duplicates across shards). */
  articles: [id: string, path: string, digest: string][];
  /** Quotes per article id. */
  quoteCounts: Record<string, number>;
  problems: ImportProblem[];
  /** Problems and notices that do not stop the shard (a damaged cache that was rebuilt). */
  notices: string[];
}

interface OpenShard {
  spec: ShardSpec;
  data: LibraryData;
  articles: Article[];
  quotes: Quote[];
  indexes: lunr.Index[];
  codes: string[];
}


export class ShardEngine {
  private readonly shards = new Map<number, OpenShard>();
  /** Shards built but not yet saved to their cache files (see `save`). */
  private readonly unsaved = new Map<number, { spec: ShardSpec; data: LibraryData }>();
  private hidden: ReadonlySet<string> = new Set();
  private searchData: SearchData | null = null;

  /** `onProgress` is told of each file read (a delta of 1) while building. */
  constructor(private readonly onFileRead: () => void = () => undefined) {}

  /** Opens `specs`, each from its cache when that matches, else by reading its files and building. */
  async open(specs: readonly ShardSpec[]): Promise<ShardSummary[]> {
    const summaries: ShardSummary[] = [];
    for (const spec of specs) summaries.push(await this.openShard(spec, []));
    this.searchData = null;
    return summaries;
  }

  /** Re-opens one shard after its files changed, reading only the files that did. */
  async update(spec: ShardSpec): Promise<ShardSummary> {
    const previous = this.shards.get(spec.shard)?.data.files ?? [];
    const summary = await this.openShard(spec, previous, true);
    this.searchData = null;
    return summary;
  }

  /** Drops shards this engine no longer serves. */
  close(shard: number): void {
    this.shards.delete(shard);
    this.unsaved.delete(shard);
    this.searchData = null;
  }

  /** Sets the articles never to return: exact duplicates of a file in path order before them. */
  hide(ids: readonly string[]): void {
    this.hidden = new Set(ids);
    this.searchData = null;
  }

  /**
   * Writes the cache files of the shards built since the last save. Opening does not wait for this: a
   * built shard is searchable at once, and its cache is written after (a worker does it when no request is
   * waiting; closing the pool asks for it). Returns a notice per cache that could not be saved.
   */
  async save(): Promise<string[]> {
    const notices: string[] = [];
    for (const [shard, { spec, data }] of this.unsaved) {
      this.unsaved.delete(shard);
      try {
        await writeCache(spec.cacheFile, spec.fingerprint, data);
      } catch (error) {
        notices.push(`The index cache could not be saved (${error instanceof Error ? error.message : String(error)}); the next start rebuilds it.`);
      }
    }
    return notices;
  }

  search(query: string, options: { limit?: number; sort?: SearchSort }): SearchReply {
    // Facets are not cut here: the main thread adds up the counts of every engine first.
    return searchArchive(this.data(), query, { ...options, facetLimit: Number.POSITIVE_INFINITY });
  }

  /** The article, or null when this engine does not hold it. */
  article(id: string, query?: string): ArticleView | null {
    const data = this.data();
    if (!data.articles.has(id) || data.hidden.has(id)) return null;
    return viewArticle(data, id, query);
  }

  quotes(options: { query?: string; speaker?: string; limit?: number }): QuotesReply {
    return findQuotes(this.data(), options);
  }

  private async openShard(spec: ShardSpec, previous: LibraryData['files'], forceBuild = false): Promise<ShardSummary> {
    const notices: string[] = [];
    let data: LibraryData | null = null;
    let cache: 'built' | 'loaded' = 'built';
    if (!forceBuild) {
      const cached = await readCache(spec.cacheFile, spec.fingerprint);
      if ('data' in cached) {
        data = cached.data;
        cache = 'loaded';
      } else if (cached.reason === 'damaged') {
        notices.push(`The index cache at ${spec.cacheFile} was damaged (${cached.detail}) and is rebuilt.`);
      }
    }
    let indexes: Map<string, lunr.Index> | null = null;
    if (data !== null) {
      try {
        indexes = loadIndexes(data.indexes);
      } catch (error) {
        notices.push(`The index cache at ${spec.cacheFile} could not be loaded (${String(error)}) and is rebuilt.`);
        data = null;
        cache = 'built';
      }
    }
    if (data === null || indexes === null) {
      data = buildLibraryData(spec.files, spec.walkProblems, this.onFileRead, previous);
      indexes = loadIndexes(data.indexes);
      this.unsaved.set(spec.shard, { spec, data });
    }
    const assembled = assembleLibrary(data);
    this.shards.set(spec.shard, {
      spec,
      data,
      articles: assembled.articles,
      quotes: assembled.quotes,
      indexes: [...indexes.values()],
      codes: [...indexes.keys()],
    });
    const quoteCounts: Record<string, number> = {};
    for (const quote of assembled.quotes) quoteCounts[quote.articleId] = (quoteCounts[quote.articleId] ?? 0) + 1;
    return {
      shard: spec.shard,
      cache,
      // Every article, duplicates within the shard included: the main thread decides globally which copy is first.
      articles: data.files.flatMap((f) => f.articles.map((a, i): [string, string, string] => [a.id, a.path, f.digests[i] ?? articleDigest(a)])),
      quoteCounts,
      problems: assembled.problems,
      notices,
    };
  }

  /** The combined search data of every open shard, rebuilt after a change. */
  private data(): SearchData {
    if (this.searchData !== null) return this.searchData;
    const articles = new Map<string, Article>();
    const quotesByArticle = new Map<string, Quote[]>();
    const indexes: SearchIndex[] = [];
    for (const shard of this.shards.values()) {
      for (const article of shard.articles) articles.set(article.id, article);
      for (const quote of shard.quotes) {
        const list = quotesByArticle.get(quote.articleId);
        if (list) list.push(quote);
        else quotesByArticle.set(quote.articleId, [quote]);
      }
      shard.codes.forEach((code, i) => {
        const index = shard.indexes[i];
        // The compact form too: searches read postings and weights straight from its arrays.
        const compact = shard.data.indexes[code];
        if (index && compact) indexes.push({ code, index, compact });
      });
    }
    this.searchData = { indexes, articles, quotesByArticle, hidden: this.hidden, copiesByPath: new Map() };
    return this.searchData;
  }
}
