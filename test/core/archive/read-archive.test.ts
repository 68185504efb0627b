import { chmodSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { articleId, parseArticleFile } from '../../../main/core/archive/read-archive.js';
import { readArticles } from '../../support/read-articles.js';
import { walkArchive } from '../../../main/core/archive/walk-archive.js';
import { itWithCorpora } from '../../support/corpora.js';
import { bbcDir, contentDir, seedFile, tempDir } from '../../support/paths.js';

describe('reading real archives', () => {
  itWithCorpora('reads the seed article: headline on line 1, one paragraph per line', () => {
    const [article] = parseArticleFile('seed.txt', readFileSync(seedFile)).articles;
    expect(article?.title).toBe('Putin–Trump meeting is a diplomatic step toward easing international tensions, analyst says');
    const paragraphs = article?.body.split('\n\n') ?? [];
    expect(paragraphs[0]).toMatch(/^For Russian President Vladimir Putin/);
    expect(paragraphs.every((p) => p.trim() === p && p !== '' && !p.includes('\n'))).toBe(true);
    expect(paragraphs.length).toBeGreaterThan(8);
  });

  itWithCorpora('reads every BBC article, and the Latin-1 pound sign of sport/199.txt as "£"', async () => {
    const listing = await walkArchive(bbcDir);
    const { articles, problems } = readArticles(listing.files);
    expect(articles).toHaveLength(2225);
    expect([...listing.problems, ...problems]).toEqual([]);
    const sport199 = articles.find((a) => a.path === 'sport/199.txt');
    expect(sport199?.body).toContain('£');
    expect(sport199?.body).not.toContain('\uFFFD');
    expect(new Set(articles.map((a) => a.id)).size).toBe(2225);
  });

  it('reads the bundled Markdown articles with their front matter', async () => {
    const listing = await walkArchive(contentDir);
    const { articles, problems } = readArticles(listing.files);
    expect(problems).toEqual([]);
    expect(articles).toHaveLength(63);
    expect(listing.files.map((f) => f.path)).not.toContain('ATTRIBUTION.md');
    const medicare = articles.find((a) => a.path.startsWith('2005-02-10-'));
    expect(medicare).toMatchObject({
      title: '$158 billion missing in U.S. Medicare drug benefit cost estimate',
      date: '2005-02-10',
      source: 'Wikinews',
      author: 'Wikinews contributors',
      language: 'en',
    });
    expect(medicare?.body).toMatch(/^U\.S\. Medicare drug benefit cost estimates rise/);
    expect(medicare?.body).not.toContain('license_url');
  });
});

describe('article ids', () => {
  it('are stable, and differ by path and by position in a file', () => {
    expect(articleId('politics/017.txt')).toBe(articleId('politics/017.txt'));
    expect(articleId('politics/017.txt')).toMatch(/^[0-9a-f]{16}$/);
    expect(articleId('politics/017.txt')).not.toBe(articleId('politics/018.txt'));
    expect(articleId('a.jsonl', 1)).not.toBe(articleId('a.jsonl', 2));
  });
});

describe('bad files', () => {
  it('become problems with a reason while the rest of the archive loads', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'good.txt'), 'A headline\n\nA paragraph.');
    writeFileSync(path.join(dir, 'empty.txt'), '');
    writeFileSync(path.join(dir, 'blank.txt'), '  \n\n\t\n');
    writeFileSync(path.join(dir, 'image.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));
    writeFileSync(path.join(dir, 'report.doc'), 'Annual report');
    writeFileSync(path.join(dir, 'bad-front-matter.md'), '---\ntitle: [unclosed\n---\nBody');
    writeFileSync(path.join(dir, '.hidden.txt'), 'Hidden\n\nNot read.');
    mkdirSync(path.join(dir, 'loop'));
    symlinkSync(dir, path.join(dir, 'loop', 'back'));
    const locked = path.join(dir, 'locked.txt');
    writeFileSync(locked, 'Locked\n\nNo access.');
    chmodSync(locked, 0o000);

    const listing = await walkArchive(dir);
    const { articles, problems } = readArticles(listing.files);
    const all = [...listing.problems, ...problems];
    const reasons = Object.fromEntries(all.map((p) => [p.path, p.reason]));
    expect(articles.map((a) => a.path)).toContain('good.txt');
    expect(reasons['empty.txt']).toBe('the file is empty');
    expect(reasons['blank.txt']).toBe('the file holds only white space');
    expect(reasons['image.txt']).toBe('the file is binary, not text: it looks like a PNG image');
    expect(reasons['report.doc']).toMatch(/not an article format Verbatim reads \("\.doc" files/);
    expect(reasons['bad-front-matter.md']).toMatch(/front matter is not valid YAML/);
    expect(reasons['loop/back']).toMatch(/loop/);
    expect(Object.keys(reasons)).not.toContain('.hidden.txt');
    // root ignores file permissions; elsewhere the locked file must be reported, not fatal.
    if (process.getuid?.() !== 0) expect(reasons['locked.txt']).toBe('the file cannot be read (permission denied)');
  });
});
