import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  addRecentArchive,
  existingRecentArchives,
  maxRecentArchives,
  normalizeRecentArchives,
  removeRecentArchive,
} from '../../main/shell/recent-archives.js';

describe('addRecentArchive', () => {
  it.each([
    [[], '/a', ['/a']],
    [['/a', '/b'], '/c', ['/c', '/a', '/b']],
    [['/a', '/b', '/c'], '/b', ['/b', '/a', '/c']],
    [['/a', '/b'], '/a', ['/a', '/b']],
    [['/a', '/b'], '/b/', ['/b', '/a']],
  ])('%j after opening %s is %j', (recent, opened, expected) => {
    expect(addRecentArchive(recent, opened)).toEqual(expected.map((p) => path.resolve(p)));
  });

  it('keeps the ten most recent', () => {
    let recent: string[] = [];
    for (let i = 0; i < 13; i += 1) recent = addRecentArchive(recent, `/data/${i}`);
    expect(maxRecentArchives).toBe(10);
    expect(recent).toHaveLength(10);
    expect(recent[0]).toBe(path.resolve('/data/12'));
    expect(recent[9]).toBe(path.resolve('/data/3'));
  });
});

describe('removeRecentArchive', () => {
  it('drops the folder and keeps the order of the rest', () => {
    expect(removeRecentArchive(['/a', '/b', '/c'], '/b/')).toEqual(['/a', '/c']);
    expect(removeRecentArchive(['/a'], '/x')).toEqual(['/a']);
  });
});

describe('normalizeRecentArchives', () => {
  it('resolves each path and keeps the first of duplicates', () => {
    expect(normalizeRecentArchives(['/a/', '/b', '/a', '/b/../b'])).toEqual([path.resolve('/a'), path.resolve('/b')]);
  });
});

describe('existingRecentArchives', () => {
  it('leaves out folders that are gone (or whose check fails), in order, at most ten', async () => {
    const present = new Set(['/a', '/c', '/e']);
    const isDirectory = (dir: string): Promise<boolean> =>
      dir === '/boom' ? Promise.reject(new Error('EIO')) : Promise.resolve(present.has(dir));
    expect(await existingRecentArchives(['/a', '/b', '/boom', '/c', '/d', '/e'], isDirectory)).toEqual(['/a', '/c', '/e']);
    const many = Array.from({ length: 12 }, (_v, i) => `/m${i}`);
    expect(await existingRecentArchives(many, () => Promise.resolve(true))).toEqual(many.slice(0, 10));
  });
});
