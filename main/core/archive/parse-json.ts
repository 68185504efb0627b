// Reads articles from JSON (one object, an array, or an object holding an array) and JSONL (one object
// per line), with the field names of common news crawlers and datasets (news-please and the usual ones).

import { ArticleParseError } from '../errors.js';
import { collapseSpaces, trimToNull } from '../util/white-space.js';
import type { ArticleDraft, ParsedFile } from './article-draft.js';
import { normalizeDate } from './normalize-date.js';
import { normalizeParagraphs } from './paragraphs.js';
import { htmlToText } from './parse-html.js';

// Field names, most specific first. news-please: title, maintext, date_publish, source_domain, url,
// authors, language, description.
const titleFields = ['title', 'headline', 'name'];
const textFields = ['maintext', 'text', 'body', 'content', 'article', 'articleBody', 'full_text', 'story'];
const summaryFields = ['description', 'summary', 'abstract', 'lead'];
const dateFields = ['date_publish', 'datePublished', 'date_published', 'published', 'publishedAt', 'published_at', 'pubDate', 'date', 'publish_date', 'created_at', 'date_modify'];
const sourceFields = ['source_domain', 'source', 'site_name', 'siteName', 'publisher', 'site', 'outlet', 'domain'];
const authorFields = ['authors', 'author', 'byline', 'creator'];
const urlFields = ['url', 'link', 'source_url', 'canonical_url'];
const languageFields = ['language', 'lang', 'locale'];
/** Arrays of articles inside an object, as crawlers and APIs wrap them. */
const listFields = ['articles', 'items', 'data', 'results', 'docs', 'documents', 'entries', 'news'];

/** Every field name a record is read by, in its JSON spelling. */
const knownFields = [...titleFields, ...textFields, ...summaryFields, ...dateFields, ...sourceFields, ...authorFields, ...urlFields, ...languageFields];
const knownByLowerCase = new Map(knownFields.map((name) => [name.toLowerCase(), name]));

/**
 * The JSON field name a column heading stands for (`Title` and `TEXT` read as `title` and `text`), or null
 * when no record field has that name.
 * @example fieldForHeading(' Date_Publish ') // 'date_publish'
 */
export function fieldForHeading(heading: string): string | null {
  return knownByLowerCase.get(heading.trim().toLowerCase()) ?? null;
}

/** The names of the fields an article's text is read from, most specific first. */
export const articleTextFields: readonly string[] = [...textFields, ...summaryFields];

/** Nesting deeper than this is refused: news records are flat, and deep input is a parser attack. */
export const maxJsonDepth = 64;

/** Parses a `.json` file: an article object, an array of them, or an object with an array of them. */
export function parseJson(path: string, text: string): ParsedFile {
  const value = parseJsonValue(path, text.replace(/^\uFEFF/, ''));
  const records = recordsOf(value);
  if (records === null) throw new ArticleParseError(path, 'the JSON holds no article objects (expected an object or an array of objects)');
  if (records.length === 0) throw new ArticleParseError(path, 'the JSON holds an empty list: no articles');
  const result: ParsedFile = { articles: [], problems: [] };
  records.forEach((record, position) => {
    const where = records.length === 1 && !Array.isArray(value) ? '' : `item ${position + 1}`;
    addRecord(result, record, position, where);
  });
  if (result.articles.length === 0 && result.problems.length === 1 && result.problems[0]?.where === '') {
    throw new ArticleParseError(path, result.problems[0].reason);
  }
  return result;
}

/** Parses a `.jsonl` / `.ndjson` file: one article object per line; a bad line is reported with its number. */
export function parseJsonLines(path: string, text: string): ParsedFile {
  const result: ParsedFile = { articles: [], problems: [] };
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  lines.forEach((line, index) => {
    if (line.trim() === '') return;
    const where = `line ${index + 1}`;
    let value: unknown;
    try {
      value = parseJsonValue(path, line);
    } catch (error) {
      result.problems.push({ where, reason: error instanceof ArticleParseError ? error.reason : String(error) });
      return;
    }
    if (!isRecord(value)) {
      result.problems.push({ where, reason: 'not a JSON object' });
      return;
    }
    addRecord(result, value, index, where);
  });
  if (result.articles.length === 0 && result.problems.length === 0) throw new ArticleParseError(path, 'the file has no JSON lines');
  return result;
}

function parseJsonValue(path: string, text: string): unknown {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message.replace(/^JSON\.parse: /, '').slice(0, 120) : String(error);
    throw new ArticleParseError(path, `not valid JSON (${detail})`);
  }
  if (depthOf(value, 0) > maxJsonDepth) throw new ArticleParseError(path, `the JSON is nested more than ${maxJsonDepth} levels deep`);
  return value;
}

function depthOf(value: unknown, depth: number): number {
  if (depth > maxJsonDepth || typeof value !== 'object' || value === null) return depth;
  let max = depth;
  for (const child of Object.values(value)) {
    max = Math.max(max, depthOf(child, depth + 1));
    if (max > maxJsonDepth) break;
  }
  return max;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function recordsOf(value: unknown): Record<string, unknown>[] | null {
  if (Array.isArray(value)) return value.filter(isRecord).length === value.length ? (value as Record<string, unknown>[]) : null;
  if (!isRecord(value)) return null;
  if (firstText(value, textFields) === null) {
    for (const field of listFields) {
      const list = own(value, field);
      if (Array.isArray(list) && list.every(isRecord)) return list as Record<string, unknown>[];
    }
  }
  return [value];
}

function addRecord(result: ParsedFile, record: Record<string, unknown>, position: number, where: string): void {
  const draft = recordToDraft(record);
  if (typeof draft === 'string') result.problems.push({ where, reason: draft });
  else result.articles.push({ draft, position });
}

/** Maps one record to an article, or returns why it is not one. Only allowlisted own keys are read. */
export function recordToDraft(record: Record<string, unknown>): ArticleDraft | string {
  let body = firstText(record, textFields);
  if (body === null) body = firstText(record, summaryFields);
  const title = firstText(record, titleFields);
  if (body === null && title === null) {
    return `no article text: none of the fields ${[...titleFields, ...textFields].join(', ')} holds text`;
  }
  const paragraphs = normalizeParagraphs(looksLikeHtml(body ?? '') ? htmlToText(body ?? '') : (body ?? ''));
  const rawDate = firstText(record, dateFields);
  return {
    title: collapseSpaces(title ?? firstLine(paragraphs)),
    body: paragraphs,
    date: rawDate === null ? null : normalizeDate(rawDate),
    source: firstText(record, sourceFields, ['name', 'domain', 'title']),
    author: firstText(record, authorFields, ['name'], ', '),
    url: firstText(record, urlFields),
    language: firstText(record, languageFields),
  };
}

function own(record: Record<string, unknown>, key: string): unknown {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

/**
 * The first of `fields` holding text: a string, a number, a list (joined with `join`: paragraphs by
 * default, ", " for names), or an object's `subkeys` (`{ "source": { "name": "BBC" } }`).
 */
function firstText(record: Record<string, unknown>, fields: readonly string[], subkeys: readonly string[] = [], join = '\n\n'): string | null {
  for (const field of fields) {
    const text = asText(own(record, field), subkeys, join);
    if (text !== null) return text;
  }
  return null;
}

function asText(value: unknown, subkeys: readonly string[], join: string): string | null {
  if (typeof value === 'string') return trimToNull(value);
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (Array.isArray(value)) {
    const parts = value.map((v) => asText(v, subkeys, join)).filter((v): v is string => v !== null);
    return parts.length === 0 ? null : parts.join(join);
  }
  if (isRecord(value)) {
    for (const key of subkeys) {
      const text = asText(own(value, key), [], join);
      if (text !== null) return text;
    }
  }
  return null;
}

function looksLikeHtml(text: string): boolean {
  return /<(p|div|br|span|a|h[1-6]|ul|li|strong|em)\b[^>]*>/i.test(text.slice(0, 2000));
}

function firstLine(body: string): string {
  const line = body.split('\n')[0] ?? '';
  return line.length > 120 ? `${line.slice(0, 117).replace(/\s+\S*$/, '')}…` : line;
}
