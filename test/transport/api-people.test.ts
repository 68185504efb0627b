// The `speakers` and `person` methods through the handler table every transport shares (issue 16): validated
// requests, the people of the archive, one person's page.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../support/paths.js';
import { useApiSession, value } from '../support/api-session.js';

const peopleDir = path.resolve(import.meta.dirname, '../fixtures/people');
const api = useApiSession(() => ({ archiveDir: peopleDir, cacheDir: tempDir() }));

describe('speakers', () => {
  it('lists the people, most quoted first, in pages', async () => {
    const all = value(await api.speakers({}));
    expect(all.total).toBe(3);
    expect(all.speakers.map((s) => s.id)).toEqual(['tony-blair', 'ian-blair', 'mr-blairs-spokesman']);
    const second = value(await api.speakers({ offset: 1, limit: 1 }));
    expect(second).toMatchObject({ total: 3, speakers: [{ id: 'ian-blair' }] });
  });

  it('lists the people of the articles a query matches, counted there', async () => {
    const reply = value(await api.speakers({ query: 'threat' }));
    expect(reply.speakers.map((s) => [s.id, s.quotes])).toEqual([['ian-blair', 1]]);
  });

  it.each([
    [{ limit: 0 }, 'invalid-argument'],
    [{ limit: 1001 }, 'invalid-argument'],
    [{ query: 7 }, 'invalid-argument'],
    [{ who: 'me' }, 'invalid-argument'],
    [{ query: 'date:' }, 'bad-query'],
  ])('refuses %o with %s', async (request, code) => {
    const reply = await api.speakers(request);
    expect(reply.ok ? null : reply.error.code).toBe(code);
  });
});

describe('person', () => {
  it('gives a person page: their quotes newest first, their articles, who is quoted with them, every month', async () => {
    const page = value(await api.person({ id: 'tony-blair' }));
    expect(page.speaker).toMatchObject({ id: 'tony-blair', name: 'Tony Blair', quotes: 6, articles: 4 });
    expect(page.quotes.map((q) => [q.path, q.speakerId])).toEqual([
      ['e.txt', 'tony-blair'],
      ['e.txt', 'tony-blair'],
      ['d.txt', 'tony-blair'],
      ['c.txt', 'tony-blair'],
      ['a.txt', 'tony-blair'],
      ['a.txt', 'tony-blair'],
    ]);
    expect(page.articles.map((a) => [a.path, a.quotes])).toEqual([
      ['e.txt', 2],
      ['d.txt', 1],
      ['c.txt', 1],
      ['a.txt', 2],
    ]);
    expect(page.quotedWith).toEqual([{ id: 'mr-blairs-spokesman', name: "Mr Blair's spokesman", articles: 1 }]);
    expect(page.months).toEqual([
      { month: '2005-01', quotes: 2 },
      { month: '2005-02', quotes: 0 },
      { month: '2005-03', quotes: 2 },
      { month: '2005-04', quotes: 0 },
      { month: '2005-05', quotes: 2 },
    ]);
  });

  it('filters the quotes by a query, not the rest of the page', async () => {
    const page = value(await api.person({ id: 'tony-blair', query: 'schools' }));
    expect(page.quotes.map((q) => q.text)).toEqual(['Schools come first,', 'We will rebuild the schools.']);
    expect(page.articles).toHaveLength(4);
  });

  it.each([
    [{ id: 'nobody' }, 'not-found'],
    [{}, 'invalid-argument'],
    [{ id: 'x'.repeat(201) }, 'invalid-argument'],
    [{ id: 'tony-blair', query: 'date:' }, 'bad-query'],
  ])('refuses %o with %s', async (request, code) => {
    const reply = await api.person(request);
    expect(reply.ok ? null : reply.error.code).toBe(code);
  });
});
