// Small DOM helpers for the views: build elements from text and attributes only (never HTML strings, since
// article text is untrusted), and render highlighted text as text nodes and <mark> elements.

import { segmentText, type HighlightLayer, type Segment } from './highlight.js';
import type { MatchRange } from '../main/contract/api.js';

type Child = Node | string | null | undefined | false;

/**
 * Creates an element with attributes (`class`, `aria-*`, `data-*`, …) and children; strings become text nodes.
 * @example
 * h('li', { class: 'result', role: 'option' }, h('span', { class: 'title' }, hit.title))
 */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string | number | boolean | null | undefined> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue;
    element.setAttribute(name, value === true ? '' : String(value));
  }
  append(element, children);
  return element;
}

/** Appends children to `parent`, turning strings into text nodes and skipping empty ones. */
export function append(parent: Node, children: readonly Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
  }
}

/** Removes every child of `element`. */
export function clear(element: Element): void {
  element.replaceChildren();
}

/**
 * Decides how a marked segment is wrapped: the classes and `data-*` attributes of its `<mark>`.
 * Return null to leave the segment as plain text.
 */
export type MarkStyler = (segment: Segment) => { classes: string[]; data?: Record<string, string> } | null;

/** Renders segments of text into `parent`: plain runs as text nodes, marked runs as `<mark>` elements. */
export function appendSegments(parent: Node, segments: readonly Segment[], style: MarkStyler): void {
  for (const segment of segments) {
    const look = segment.marks.length > 0 ? style(segment) : null;
    if (look === null || look.classes.length === 0) {
      parent.appendChild(document.createTextNode(segment.text));
      continue;
    }
    const mark = document.createElement('mark');
    mark.className = look.classes.join(' ');
    for (const [key, value] of Object.entries(look.data ?? {})) mark.dataset[key] = value;
    mark.textContent = segment.text;
    parent.appendChild(mark);
  }
}

/** Renders `text` with `ranges` as plain `<mark>` elements, for snippets and headlines. */
export function highlightedText(text: string, ranges: readonly MatchRange[], className = ''): DocumentFragment {
  const fragment = document.createDocumentFragment();
  const layers: HighlightLayer[] = [{ name: 'hit', ranges }];
  appendSegments(fragment, segmentText(text, layers), () => ({ classes: className === '' ? ['match'] : [className] }));
  return fragment;
}

/** "1 hit", "4 hits": a count with its noun, singular or plural. */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count.toLocaleString('en-US')} ${count === 1 ? singular : pluralForm}`;
}

/** Formats an ISO date (`2025-08-16` or a date-time) for display, falling back to the raw text. */
export function formatDate(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (match === null) return iso;
  const [, y, m, d] = match;
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
}
