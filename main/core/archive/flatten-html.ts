// The text of a saved page too big or too deep for Readability (see html-scan.ts), read in one linear pass:
// its title and a paragraph per block of text. No article extraction (menus and footers stay in), but
// nothing of the text is lost and no page can make it slow.

import { collapseSpaces } from '../util/white-space.js';
import { scanHtml } from './html-scan.js';

/** Elements whose content is not text a reader sees. */
const hiddenTags = new Set(['script', 'style', 'noscript', 'template', 'iframe', 'object', 'embed', 'svg', 'math', 'head', 'textarea', 'select']);

/** Elements that start a new paragraph (as `blockText` in parse-html.ts splits them). */
const blockTags = new Set([
  'p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'blockquote', 'pre', 'td', 'th', 'dt', 'dd', 'figcaption', 'div', 'section',
  'article', 'tr', 'ul', 'ol', 'table', 'br', 'hr', 'header', 'footer', 'main', 'aside', 'nav', 'body', 'figure', 'form',
]);

/** A page's title (its `<title>`, else its first `<h1>`; '' when it has neither) and paragraphs. */
export interface FlatPage {
  title: string;
  paragraphs: string[];
}

/**
 * The title and paragraphs of `html` without a DOM: time in proportion to its length whatever its shape.
 * @example flattenHtml('<title>T</title><div><p>One</p><p>Two &amp; three</p></div>') // { title: 'T', paragraphs: ['One', 'Two & three'] }
 */
export function flattenHtml(html: string): FlatPage {
  const paragraphs: string[] = [];
  let pieces: string[] = [];
  let hidden = 0;
  let title: string | null = null;
  let heading: string[] | null = null;
  let firstHeading: string | null = null;
  let inTitle = false;
  const endParagraph = (): void => {
    const text = collapseSpaces(pieces.join(''));
    if (text !== '') paragraphs.push(text);
    pieces = [];
  };
  scanHtml(html, {
    text: (from, to) => {
      const text = decodeEntities(html.slice(from, to));
      if (inTitle) title ??= collapseSpaces(text);
      else if (hidden === 0) {
        pieces.push(text);
        heading?.push(text);
      }
    },
    open: (name, selfClosing) => {
      if (name === 'title') inTitle = true;
      // A page may leave <head> open; its body is still text.
      else if (name === 'body') hidden = 0;
      else if (hiddenTags.has(name) && !selfClosing) hidden += 1;
      if (blockTags.has(name)) endParagraph();
      if (name === 'h1' && firstHeading === null) heading = [];
    },
    close: (name) => {
      if (name === 'title') inTitle = false;
      else if (hiddenTags.has(name)) hidden = Math.max(0, hidden - 1);
      if (blockTags.has(name)) endParagraph();
      if (name === 'h1' && heading !== null) {
        firstHeading ??= collapseSpaces(heading.join(''));
        heading = null;
      }
    },
  });
  endParagraph();
  return { title: title ?? firstHeading ?? '', paragraphs };
}

const namedEntities: Readonly<Record<string, string>> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', mdash: '\u2014', ndash: '\u2013', hellip: '\u2026',
  lsquo: '\u2018', rsquo: '\u2019', ldquo: '\u201c', rdquo: '\u201d', laquo: '\u00ab', raquo: '\u00bb', copy: '\u00a9',
};

/** Decodes numeric references and the entities news text uses; others are left as written. */
function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#[xX][0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-zA-Z]{2,8});/g, (whole, ref: string) => {
    if (ref.startsWith('#')) {
      const code = ref[1] === 'x' || ref[1] === 'X' ? Number.parseInt(ref.slice(2), 16) : Number.parseInt(ref.slice(1), 10);
      return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : '\uFFFD';
    }
    return namedEntities[ref] ?? whole;
  });
}
