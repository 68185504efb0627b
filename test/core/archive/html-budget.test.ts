// Issue 14, item 1: a saved page past the element budget is read as plain text by a linear pass, never by
// Readability; the scan that measures it is linear too. Pages are generated; a hang fails by the timeout.
import { describe, expect, it } from 'vitest';
import { flattenHtml } from '../../../main/core/archive/flatten-html.js';
import { measureHtml, pageLimits } from '../../../main/core/archive/html-scan.js';
import { htmlToText } from '../../../main/core/archive/parse-html.js';
import { parseArticleFile } from '../../../main/core/archive/read-archive.js';
import { readSavedPage } from '../../../main/core/archive/read-saved-page.js';

const nested = (depth: number, inner = '<p>Deep words about the harbour.</p>'): string =>
  `<!doctype html><html><head><title>Nested ${depth}</title></head><body>${'<div>'.repeat(depth)}${inner}${'</div>'.repeat(depth)}</body></html>`;

describe('measuring a page', () => {
  it.each([
    ['<div><p>a<p>b</div>', { elements: 3, depth: 2 }],
    ['<ul><li>a<li>b<li>c</ul>', { elements: 4, depth: 2 }],
    ['<p>a<br>b<img src="x"><br/></p>', { elements: 4, depth: 1 }],
    ['<div title="a > b"><span>x</span></div>', { elements: 2, depth: 2 }],
    ['<div><!-- <div><div><div> --></div>', { elements: 1, depth: 1 }],
    ['<script>for (i = 0; i < n; i++) "<div><div>"</script><p>x</p>', { elements: 2, depth: 1 }],
    ["<p title=don't>a</p><p>b</p>", { elements: 2, depth: 1 }],
    ['a < b and c<d', { elements: 1, depth: 1 }],
    ['</div></div><b>x</b>', { elements: 1, depth: 1 }],
    // linkedom's parser reads inside <noscript> and <iframe> as elements: so does the count.
    ['<noscript><div><div>x</div></div></noscript>', { elements: 3, depth: 3 }],
  ])('measures %s as %o', (html, shape) => {
    expect(measureHtml(html)).toEqual(shape);
  });

  it('stops counting once a limit is passed', () => {
    expect(measureHtml(nested(1_000_000), pageLimits).depth).toBe(pageLimits.depth + 1);
    expect(measureHtml('<b>x</b>'.repeat(1_000_000), pageLimits).elements).toBe(pageLimits.elements + 1);
  });
});

describe('flattening a page', () => {
  it('keeps the title and a paragraph per block, decodes entities and leaves scripts and styles out', () => {
    const page = '<html><head><title>Port &amp; harbour</title><style>p { color: red }</style></head><body><script>alert("<p>no</p>")</script><div><p>One &ldquo;two&rdquo;</p>three<br>four &#x263A; &#8212; &bogus;</div><noscript>Enable scripts</noscript></body></html>';
    expect(flattenHtml(page)).toEqual({ title: 'Port & harbour', paragraphs: ['One \u201ctwo\u201d', 'three', 'four \u263a \u2014 &bogus;'] });
  });

  it('takes the first heading when there is no <title>, and reads a body whose <head> was never closed', () => {
    expect(flattenHtml('<head><meta charset="utf-8"><body><h1>Headline</h1><p>Text.</p><h1>Second</h1>')).toEqual({ title: 'Headline', paragraphs: ['Headline', 'Text.', 'Second'] });
  });
});

describe('a saved page past the element budget', () => {
  it.each([2_000, 10_000, 200_000])('reads a page of %i nested <div>s as plain text and says why', (depth) => {
    const { articles, problems } = parseArticleFile(`nested-${depth}.html`, Buffer.from(nested(depth)));
    expect(articles.map((a) => [a.title, a.body])).toEqual([[`Nested ${depth}`, 'Deep words about the harbour.']]);
    expect(problems).toEqual([{ path: `nested-${depth}.html`, reason: 'the page nests elements more than 100 deep: read as plain text, without finding the article in it' }]);
  });

  it('reads a page of more than 20,000 elements as plain text and says why', () => {
    const page = `<html><head><title>Long list</title></head><body><ul>${'<li>item</li>'.repeat(30_000)}</ul></body></html>`;
    const { articles, problems } = readSavedPage('long.html', page, null);
    expect(articles[0]?.draft.title).toBe('Long list');
    expect(articles[0]?.draft.body.split('\n\n')).toHaveLength(30_000);
    expect(problems).toEqual([{ where: '', reason: 'the page has more than 20,000 elements: read as plain text, without finding the article in it' }]);
  });

  it('reports a page past the budget that holds no text', () => {
    const page = `<html><body>${'<div> '.repeat(500)}</body></html>`;
    expect(() => parseArticleFile('empty.html', Buffer.from(page))).toThrow('empty.html: the page has no readable text (the page nests elements more than 100 deep)');
  });

  it('reads a page within the budget with Readability, as before', () => {
    const { articles, problems } = parseArticleFile('shallow.html', Buffer.from(nested(30)));
    expect(articles.map((a) => [a.title, a.body])).toEqual([['Nested 30', 'Deep words about the harbour.']]);
    expect(problems).toEqual([]);
  });

  it('reads deeply nested HTML inside a JSON record by the linear pass', () => {
    const record = JSON.stringify({ title: 'In a feed', maintext: `${'<div>'.repeat(50_000)}<p>Feed words.</p>${'</div>'.repeat(50_000)}` });
    expect(htmlToText(`${'<div>'.repeat(50_000)}<p>Feed words.</p>`)).toBe('Feed words.');
    expect(parseArticleFile('feed.json', Buffer.from(record)).articles[0]?.body).toBe('Feed words.');
  });
});
