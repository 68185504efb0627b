import { cpSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openLibrary, type Library } from '../../../main/core/library.js';
import { contentDir, repoRoot, tempDir } from '../../support/paths.js';

let sample: Library;
let languages: Library;

beforeAll(async () => {
  const cacheDir = tempDir();
  const fixtures = tempDir();
  cpSync(path.join(repoRoot, 'test', 'fixtures', 'languages'), fixtures, { recursive: true });
  [sample, languages] = await Promise.all([openLibrary({ archiveDir: contentDir, cacheDir }), openLibrary({ archiveDir: fixtures, cacheDir })]);
}, 60_000);

const paths = (library: Library, query: string, sort?: 'relevance' | 'newest' | 'oldest'): string[] =>
  library.search(query, { limit: 500, ...(sort ? { sort } : {}) }).hits.map((h) => h.path);
const marked = (text: string, ranges: readonly { start: number; end: number }[]): string[] => ranges.map((r) => text.slice(r.start, r.end));

describe('every language', () => {
  it('indexes each article with its language and finds Russian inflections', () => {
    expect(languages.search('санкции').hits.map((h) => h.path).sort()).toEqual(['ru-economy.txt', 'ru-sanctions.txt']);
    const view = languages.article(languages.search('санкции').hits.find((h) => h.path === 'ru-sanctions.txt')?.id ?? '', 'санкции');
    expect(new Set(marked(view.article.body, view.highlights))).toEqual(new Set(['санкции', 'санкций']));
    expect(paths(languages, 'санкциями')).toContain('ru-economy.txt');
  });

  it('finds Kazakh words with their own letters', () => {
    for (const word of ['көпір', 'Қала', 'әкімі', 'жаңа', 'жағалауын', 'Құрылыс', 'үлкен', 'гауһар', 'тәрізді']) {
      expect(paths(languages, word)).toEqual(['kk-astana.txt']);
    }
    expect(languages.search('lang:kk').total).toBe(1);
  });

  it('finds Greek, Arabic, Chinese and accented words, never trimmed away', () => {
    for (const word of ['Αθήνα', 'القاهرة', '北京', '首都', 'café', 'Zürich', 'naïve']) {
      expect(paths(languages, word)).toEqual(['mixed-scripts.txt']);
    }
    expect(paths(languages, '北首')).toEqual([]);
  });
});

describe('fields, dates and filters', () => {
  it('filters by source, date and language, alone or with words', () => {
    expect(paths(languages, 'source:"Пример Новости"').sort()).toEqual(['ru-economy.txt', 'ru-sanctions.txt']);
    expect(paths(languages, 'date:2025-03')).toEqual(['ru-sanctions.txt']);
    expect(paths(languages, 'date:2025-03-01..2025-04-30', 'oldest')).toEqual(['ru-sanctions.txt', 'ru-economy.txt']);
    expect(paths(languages, 'after:2025-03-14 lang:ru')).toEqual(['ru-economy.txt']);
    expect(paths(languages, 'before:2025-02')).toEqual(['ru-weather.txt']);
    expect(paths(languages, 'санкции -source:Пример')).toEqual([]);
  });

  it('searches the headline only with title:', () => {
    const inTitle = paths(sample, 'title:hajj');
    expect(inTitle).toEqual(['2006-01-12-hundreds-dead-in-hajj-stampede.md']);
    expect(paths(sample, 'title:"bird flu"').length).toBeLessThanOrEqual(paths(sample, '"bird flu"').length);
  });

  it('filters by speaker', () => {
    expect(paths(sample, 'speaker:Maigeldinov')).toEqual(['kazinform-putin-trump-alaska.txt']);
    expect(paths(sample, 'Alaska -speaker:Maigeldinov')).toEqual([]);
  });

  it('scopes the words to quotations with in:quotes', () => {
    const anywhere = sample.search('Ukraine', { limit: 100 });
    const inQuotes = sample.search('Ukraine in:quotes', { limit: 100 });
    expect(inQuotes.total).toBeGreaterThan(0);
    expect(inQuotes.total).toBeLessThanOrEqual(anywhere.total);
    for (const hit of inQuotes.hits) {
      expect(hit.quotes.length).toBeGreaterThan(0);
      for (const quote of hit.quotes) expect(quote.text).toMatch(/Ukrain/);
    }
  });

  it('sorts by date and counts facets over all matches', () => {
    const newest = sample.search('president', { sort: 'newest', limit: 500 });
    const dates = newest.hits.map((h) => h.date).filter((d): d is string => d !== null);
    expect(dates).toEqual([...dates].sort().reverse());
    expect(newest.facets.source[0]).toEqual({ value: 'Wikinews', count: newest.hits.filter((h) => h.source === 'Wikinews').length });
    expect(newest.facets.year.reduce((n, y) => n + y.count, 0)).toBe(dates.length);
    expect(newest.facets.language).toEqual([{ value: 'en', count: newest.total }]);
  });
});

describe('OR, typos and prefixes', () => {
  it('matches either side of OR, and still requires the other words', () => {
    const either = new Set(paths(sample, 'hajj OR stampede'));
    expect(either).toEqual(new Set([...paths(sample, 'hajj'), ...paths(sample, 'stampede')]));
    expect(paths(sample, '(hajj OR asteroid) Mecca'.replace(/[()]/g, ''))).toEqual(paths(sample, 'hajj Mecca'));
  });

  it('finds a name typed with a typo, and highlights what it matched', () => {
    const hit = sample.search('Maigeldinof~1').hits[0];
    expect(hit?.path).toBe('kazinform-putin-trump-alaska.txt');
    const view = sample.article(hit?.id ?? '', 'Maigeldinof~1');
    expect(new Set(marked(view.article.body, view.highlights))).toEqual(new Set(['Maigeldinov']));
  });

  it('caps large edit distances instead of running out of memory', () => {
    const reply = sample.search('budget~20 parliamentarians~9');
    expect(reply.notices.join(' ')).toMatch(/at most/);
  });

  it('says which common words it ignored', () => {
    expect(sample.search('the hajj').notices).toEqual(['Ignored common words: the.']);
    expect(sample.search('the hajj').total).toBe(sample.search('hajj').total);
  });
});
