// Reads a Markdown article with optional YAML front matter (title, date, source, author, url, language).

import { parse as parseYaml } from 'yaml';
import { ArticleParseError } from '../errors.js';
import { trimToNull } from '../util/white-space.js';
import type { ArticleDraft } from './article-draft.js';
import { normalizeDate } from './normalize-date.js';
import { normalizeParagraphs } from './paragraphs.js';

// `---` on the first line, YAML, then `---` or `...` on a line of its own (Jekyll, Hugo, Pandoc).
const frontMatterPattern = /^\uFEFF?---[ \t]*\n([\s\S]*?)\n(?:---|\.\.\.)[ \t]*(?:\n|$)/;

/**
 * Parses a `.md` article. Without a front-matter title, the first heading (or else the first line) is the
 * title. Markdown is kept as written except for heading marks, which are dropped from the body's headings.
 */
export function parseMarkdown(path: string, text: string): ArticleDraft[] {
  const normalized = text.replace(/\r\n?/g, '\n');
  const match = frontMatterPattern.exec(normalized);
  let meta: Record<string, unknown> = {};
  let content = normalized;
  if (match) {
    meta = readFrontMatter(path, match[1] ?? '');
    content = normalized.slice(match[0].length);
  }

  let title = stringField(meta, 'title');
  const lines = content.split('\n');
  if (title === null) {
    const headingAt = lines.findIndex((line) => /^#{1,6}\s+\S/.test(line));
    const firstAt = lines.findIndex((line) => line.trim() !== '');
    const at = headingAt !== -1 ? headingAt : firstAt;
    if (at === -1) throw new ArticleParseError(path, 'no headline: the file has no text');
    title = (lines[at] ?? '').replace(/^#{1,6}\s+/, '').trim();
    lines.splice(at, 1);
  }
  const body = normalizeParagraphs(lines.map((line) => line.replace(/^#{1,6}\s+/, '')).join('\n'));
  if (title === '' && body === '') throw new ArticleParseError(path, 'no text: the file has only front matter');

  return [
    {
      title,
      body,
      date: dateField(meta),
      source: stringField(meta, 'source'),
      author: stringField(meta, 'author') ?? listField(meta, 'authors'),
      url: stringField(meta, 'url'),
      language: stringField(meta, 'language') ?? stringField(meta, 'lang'),
    },
  ];
}

function readFrontMatter(path: string, yaml: string): Record<string, unknown> {
  let value: unknown;
  try {
    // YAML 1.2 core schema: dates stay strings, no custom tags are executed.
    value = parseYaml(yaml, { schema: 'core', maxAliasCount: 50, uniqueKeys: false });
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new ArticleParseError(path, `the front matter is not valid YAML (${reason})`);
  }
  if (value === null || value === undefined) return {};
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw new ArticleParseError(path, 'the front matter is not a set of "key: value" lines');
  }
  return value as Record<string, unknown>;
}

function stringField(meta: Record<string, unknown>, key: string): string | null {
  const value = Object.hasOwn(meta, key) ? meta[key] : undefined;
  if (typeof value === 'string') return trimToNull(value);
  if (typeof value === 'number') return String(value);
  return null;
}

function listField(meta: Record<string, unknown>, key: string): string | null {
  const value = Object.hasOwn(meta, key) ? meta[key] : undefined;
  if (!Array.isArray(value)) return stringField(meta, key);
  const names = value.filter((v): v is string => typeof v === 'string' && v.trim() !== '');
  return names.length > 0 ? names.join(', ') : null;
}

function dateField(meta: Record<string, unknown>): string | null {
  const raw = stringField(meta, 'date') ?? stringField(meta, 'published');
  if (raw === null) return null;
  return normalizeDate(raw);
}
