// Issue 14, item 1: a saved page Readability takes too long over is abandoned and reported, its thread is
// terminated, and the next page is read by a fresh one. Runs the bundled dist/page-worker.cjs.
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { PageReader } from '../../../main/core/archive/page-reader.js';
import { readSavedPage } from '../../../main/core/archive/read-saved-page.js';
import { distDir } from '../../support/paths.js';
import { ensureBuilt } from '../../support/run-cli.js';

const script = path.join(distDir, 'page-worker.cjs');
const page = (title: string, body: string): string => `<!doctype html><html><head><title>${title}</title></head><body>${body}</body></html>`;
const story = page('Harbour reopens', '<article><p>The harbour reopened on Monday after three weeks of repairs to the sea wall.</p></article>');
// Within the element budget (19,400 elements, 97 deep) but seconds of Readability's time (10 s on a busy 2-core machine).
const slow = page('Slow page', `${'<div>'.repeat(95)}<p>Words at the bottom.</p>${'</div>'.repeat(95)}`.repeat(200));

const readers: PageReader[] = [];
const reader = (timeoutMs?: number): PageReader => {
  const made = new PageReader(script, timeoutMs);
  readers.push(made);
  return made;
};

beforeAll(ensureBuilt);
afterEach(() => readers.splice(0).forEach((r) => r.stop()));

describe('reading saved pages in a thread that can be stopped', () => {
  it('reads a page as parseHtml does', () => {
    const [draft] = reader().parse('story.html', story);
    expect([draft?.title, draft?.body]).toEqual(['Harbour reopens', 'The harbour reopened on Monday after three weeks of repairs to the sea wall.']);
  });

  it('abandons a page that runs past its time, reports it, and reads the next page in a fresh thread', () => {
    // 0.3 s of processor time: the slow page needs several times that, the story a small part of it.
    const hasty = reader(300);
    expect(() => readSavedPage('slow.html', slow, hasty)).toThrow('slow.html: took more than 0.3 s of processor time to read: skipped');
    expect(readSavedPage('story.html', story, hasty).articles.map((a) => a.draft.title)).toEqual(['Harbour reopens']);
  });

  it('reports the reasons the thread gives, as parseHtml would', () => {
    expect(() => reader().parse('blank.html', '<html><body> </body></html>')).toThrow('blank.html: the page has no readable text');
  });
});
