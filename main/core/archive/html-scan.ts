// A linear pass over HTML's tags, without building a DOM: how big and how deep a saved page is, before
// linkedom and Readability see it (issue 14: Readability's cost grows steeply with nesting), and the walk
// that reads the text of a page past those limits (flatten-html.ts).

/** What the scan meets, in document order. Offsets are into the scanned string. */
export interface HtmlVisitor {
  /** `html.slice(from, to)` is text (raw for `<script>`, `<style>`, `<title>`, `<textarea>`). */
  text(from: number, to: number): void;
  /** A start tag; `name` in lower case. `selfClosing` for `<br/>` and the like. */
  open(name: string, selfClosing: boolean): void;
  /** An end tag; `name` in lower case. */
  close(name: string): void;
}

/**
 * Elements whose content is text up to their end tag, never tags: those of the parser linkedom uses
 * (htmlparser2), which reads the inside of <noscript> or <iframe> as elements, so they count here too.
 */
const rawTextTags = new Set(['script', 'style', 'title', 'textarea', 'xmp']);

/** Elements that have no end tag and hold nothing. */
export const voidTags = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);

/** Elements a parser closes when the same element starts again (`<p>one<p>two`, `<li>a<li>b`). */
const impliedEndTags = new Set(['p', 'li', 'dt', 'dd', 'tr', 'td', 'th', 'option', 'optgroup', 'rt', 'rp']);

/**
 * Calls `visitor` for each piece of `html`, in one pass: each character is looked at a bounded number of
 * times (comments, declarations and raw text are skipped with `indexOf` and a linear search), so a page
 * of any shape costs time in proportion to its length. Stops early once `stopped()` is true.
 */
export function scanHtml(html: string, visitor: HtmlVisitor, stopped: () => boolean = () => false): void {
  let at = 0;
  let textFrom = 0;
  const flushText = (to: number): void => {
    if (to > textFrom) visitor.text(textFrom, to);
  };
  while (at < html.length && !stopped()) {
    const lt = html.indexOf('<', at);
    if (lt === -1) break;
    const next = html.charCodeAt(lt + 1);
    if (html.startsWith('<!--', lt)) {
      flushText(lt);
      const end = html.indexOf('-->', lt + 4);
      at = textFrom = end === -1 ? html.length : end + 3;
    } else if (next === 0x21 /* ! */ || next === 0x3f /* ? */) {
      flushText(lt);
      const end = html.indexOf('>', lt + 2);
      at = textFrom = end === -1 ? html.length : end + 1;
    } else if (next === 0x2f /* / */ && isLetter(html.charCodeAt(lt + 2))) {
      flushText(lt);
      const name = tagName(html, lt + 2);
      const end = html.indexOf('>', lt + 2 + name.length);
      at = textFrom = end === -1 ? html.length : end + 1;
      visitor.close(name);
    } else if (isLetter(next)) {
      flushText(lt);
      const name = tagName(html, lt + 1);
      const end = tagEnd(html, lt + 1 + name.length);
      visitor.open(name, html.charCodeAt(end - 1) === 0x2f /* / */);
      at = textFrom = end === html.length ? end : end + 1;
      if (rawTextTags.has(name)) {
        const close = new RegExp(`</${name}[\\s/>]`, 'ig');
        close.lastIndex = at;
        const found = close.exec(html);
        const stop = found === null ? html.length : found.index;
        if (stop > at) visitor.text(at, stop);
        visitor.close(name);
        const closeEnd = found === null ? -1 : html.indexOf('>', found.index);
        at = textFrom = closeEnd === -1 ? html.length : closeEnd + 1;
      }
    } else {
      at = lt + 1; // a "<" that starts no tag is text
    }
  }
  flushText(html.length);
}

/** The shape of a page: elements, and the deepest nesting of them as a parser would build it. */
export interface HtmlShape {
  elements: number;
  depth: number;
}

/**
 * Readability's limits. Measured with linkedom on a busy 2-core machine: 128 nested <div>s took 0.3 s,
 * 250 1.4 s, 500 4 s, 1,000 28 s, 2,000 129 s; 20,000 elements 100 deep (200 stacks) 2.3 s, 50,000 flat
 * ones 9 s. News pages nest 15 to 40 deep and hold a few thousand elements.
 */
export const pageLimits: HtmlShape = { elements: 20_000, depth: 100 };

/**
 * Counts the elements of `html` and how deep they nest, in one linear pass; stops counting once either
 * passes its limit (the answer then says only that it did), so a hostile page costs no more than that.
 * @example measureHtml('<div><p>a<p>b</div>') // { elements: 3, depth: 2 }
 */
export function measureHtml(html: string, limits: HtmlShape = { elements: Number.POSITIVE_INFINITY, depth: Number.POSITIVE_INFINITY }): HtmlShape {
  const open: string[] = [];
  const shape: HtmlShape = { elements: 0, depth: 0 };
  scanHtml(
    html,
    {
      text: () => undefined,
      open: (name, selfClosing) => {
        shape.elements += 1;
        if (selfClosing || voidTags.has(name) || rawTextTags.has(name)) return;
        if (impliedEndTags.has(name) && open[open.length - 1] === name) open.pop();
        open.push(name);
        shape.depth = Math.max(shape.depth, open.length);
      },
      close: (name) => {
        // An end tag closes everything opened since its element; one without an open element is ignored.
        // The stack is never deeper than the limit, so this search is bounded.
        const at = open.lastIndexOf(name);
        if (at !== -1) open.length = at;
      },
    },
    () => shape.elements > limits.elements || shape.depth > limits.depth,
  );
  return shape;
}

function isLetter(code: number): boolean {
  return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
}

/** The lower-case tag name starting at `from`. */
function tagName(html: string, from: number): string {
  let end = from;
  while (end < html.length && !/[\s/>]/.test(html[end] ?? '')) end += 1;
  return html.slice(from, end).toLowerCase();
}

/**
 * The offset of the `>` that ends a start tag's attributes from `from`: a quote right after `=` opens a
 * value that may hold `>` (elsewhere, as in `title=don't`, a quote is just a character).
 */
function tagEnd(html: string, from: number): number {
  let at = from;
  let afterEquals = false;
  while (at < html.length) {
    const c = html.charCodeAt(at);
    if (c === 0x3e /* > */) return at;
    if ((c === 0x22 || c === 0x27) && afterEquals) {
      const close = html.indexOf(String.fromCharCode(c), at + 1);
      if (close === -1) return html.length;
      at = close + 1;
      afterEquals = false;
    } else {
      if (c === 0x3d /* = */) afterEquals = true;
      else if (c !== 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) afterEquals = false;
      at += 1;
    }
  }
  return html.length;
}
