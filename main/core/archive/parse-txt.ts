// Reads a plain-text article: the headline on line 1, then the body.

import { ArticleParseError } from '../errors.js';
import type { ArticleDraft } from './article-draft.js';
import { normalizeParagraphs } from './paragraphs.js';

/**
 * Parses a `.txt` article.
 * @example parseTxt('politics/017.txt', 'Headline\n\nFirst paragraph.') // [{ title: 'Headline', body: 'First paragraph.', ... }]
 */
export function parseTxt(path: string, text: string): ArticleDraft[] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const first = lines.findIndex((line) => line.trim() !== '');
  if (first === -1) throw new ArticleParseError(path, 'no headline: the file is empty');
  const title = (lines[first] ?? '').replace(/\s+/g, ' ').trim();
  const body = normalizeParagraphs(lines.slice(first + 1).join('\n'));
  return [{ title, body, date: null, source: null, author: null, url: null, language: null }];
}
