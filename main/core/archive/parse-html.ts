// Reads saved web pages: the article (headline, byline, date, main text) is extracted with Mozilla
// Readability on linkedom's DOM. Nothing on the page ever runs: linkedom executes no scripts, and only
// the extracted text leaves this module (the renderer never sees the page's HTML).

import type { Readability } from '@mozilla/readability';
import type { parseHTML } from 'linkedom';
import { ArticleParseError } from '../errors.js';
import { collapseSpaces, trimToNull } from '../util/white-space.js';
import type { ArticleDraft } from './article-draft.js';
import { flattenHtml } from './flatten-html.js';
import { measureHtml, pageLimits } from './html-scan.js';
import { normalizeDate } from './normalize-date.js';
import { normalizeParagraphs } from './paragraphs.js';

/** The charset a page declares in its first bytes (`<meta charset>` or `http-equiv`), if any. */
export function declaredCharset(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  return /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head)?.[1];
}

/**
 * linkedom and Readability, loaded on the first page: they are a third of the engine's code, and loading
 * them cost every engine thread ~40 ms at start although most archives hold no saved pages (issue 6).
 */
function htmlLibraries(): { parseHTML: typeof parseHTML; Readability: typeof Readability } {
  /* eslint-disable @typescript-eslint/no-require-imports -- a lazy load; esbuild bundles what is required */
  loaded ??= {
    parseHTML: (require('linkedom') as { parseHTML: typeof parseHTML }).parseHTML,
    Readability: (require('@mozilla/readability') as { Readability: typeof Readability }).Readability,
  };
  /* eslint-enable @typescript-eslint/no-require-imports */
  return loaded;
}
let loaded: ReturnType<typeof htmlLibraries> | undefined;

// Minimal structural types for the part of the DOM this module reads (the core has no DOM lib).
interface DomElement {
  tagName: string;
  textContent: string | null;
  children: ArrayLike<DomElement>;
  getAttribute(name: string): string | null;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
  remove(): void;
}
interface DomDocument extends DomElement {
  documentElement: DomElement;
  body: DomElement | null;
  title: string;
}

const blockTags = new Set(['P', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'LI', 'BLOCKQUOTE', 'PRE', 'TD', 'DT', 'DD', 'FIGCAPTION', 'DIV', 'SECTION', 'ARTICLE', 'TR', 'UL', 'OL', 'TABLE']);

/** Parses a saved page into one article. */
export function parseHtml(path: string, html: string): ArticleDraft[] {
  const { document } = htmlLibraries().parseHTML(html) as unknown as { document: DomDocument };
  for (const el of Array.from(document.querySelectorAll('script, style, noscript, template, iframe, object, embed'))) el.remove();

  const meta = (selector: string): string | null => trimToNull(document.querySelector(selector)?.getAttribute('content') ?? null);
  const url = trimToNull(document.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? null) ?? meta('meta[property="og:url"]');
  const rawDate =
    meta('meta[property="article:published_time"]') ??
    meta('meta[name="date"]') ??
    meta('meta[name="pubdate"]') ??
    meta('meta[name="publish-date"]') ??
    meta('meta[itemprop="datePublished"]') ??
    meta('meta[name="dc.date"]') ??
    trimToNull(document.querySelector('time[datetime]')?.getAttribute('datetime') ?? null);
  const language = trimToNull(document.documentElement.getAttribute('lang'));

  // Readability mutates the document; it runs after the metadata has been read.
  const parsed = new (htmlLibraries().Readability)(document as never, { serializer: (node) => node as unknown as DomElement }).parse();
  const title = trimToNull(parsed?.title ?? null) ?? meta('meta[property="og:title"]') ?? trimToNull(document.title) ?? '';
  const content = parsed?.content ?? document.body;
  const body = content ? blockText(content) : '';
  if (body.trim() === '' && title === '') throw new ArticleParseError(path, 'the page has no readable text');

  return [
    {
      title: collapseSpaces(title),
      body: normalizeParagraphs(body),
      date: rawDate === null ? (parsed?.publishedTime ? normalizeDate(parsed.publishedTime) : null) : normalizeDate(rawDate),
      source: trimToNull(parsed?.siteName ?? null) ?? meta('meta[property="og:site_name"]'),
      author: trimToNull(parsed?.byline ?? null) ?? meta('meta[name="author"]'),
      url,
      language: trimToNull(parsed?.lang ?? null) ?? language,
    },
  ];
}

/**
 * The text of an HTML fragment, one paragraph per block element (for HTML inside JSON records); past
 * `pageLimits`, by a linear pass (no DOM walk as deep as a hostile fragment nests).
 */
export function htmlToText(html: string): string {
  const shape = measureHtml(html, pageLimits);
  if (shape.depth > pageLimits.depth || shape.elements > pageLimits.elements) return flattenHtml(html).paragraphs.join('\n\n');
  const { document } = htmlLibraries().parseHTML(`<!doctype html><html><body>${html}</body></html>`) as unknown as { document: DomDocument };
  for (const el of Array.from(document.querySelectorAll('script, style, noscript, template'))) el.remove();
  return document.body ? blockText(document.body) : '';
}

/** Paragraphs of `root`: the text of each innermost block element, blank-line separated. */
function blockText(root: DomElement): string {
  const paragraphs: string[] = [];
  const visit = (el: DomElement): void => {
    const children = Array.from(el.children);
    const blockChildren = children.filter((c) => blockTags.has(c.tagName.toUpperCase()));
    if (blockChildren.length === 0) {
      const text = collapseSpaces(el.textContent ?? '');
      if (text !== '') paragraphs.push(text);
      return;
    }
    for (const child of children) visit(child);
  };
  visit(root);
  return paragraphs.join('\n\n');
}
