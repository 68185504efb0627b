// What a format parser produces: articles before the archive gives them ids and paths.

import type { Article } from '../../contract/model.js';

export type ArticleDraft = Omit<Article, 'id' | 'path'>;

/** A file that holds several articles (JSON, JSONL) can also hold broken entries: both are reported. */
export interface ParsedFile {
  /** `position` is the article's stable place in the file (its line, or index), part of its id. */
  articles: { draft: ArticleDraft; position: number }[];
  /** Entries that could not be read, e.g. `{ where: 'line 17', reason: 'not valid JSON (...)' }`. */
  problems: { where: string; reason: string }[];
}

/** A draft with every metadata field empty. */
export function emptyDraft(title: string, body: string): ArticleDraft {
  return { title, body, date: null, source: null, author: null, url: null, language: null };
}
