import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultSettings, parseSettings, readSettings, serializeSettings, writeSettings } from '../../main/shell/settings.js';

let dir = '';
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'verbatim-settings-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('parseSettings', () => {
  it('reads the archive and the recent list', () => {
    expect(parseSettings('{ "archive": "/data/news", "recent": ["/data/news", "/data/old"] }')).toEqual({
      archive: '/data/news',
      recent: ['/data/news', '/data/old'],
    });
  });

  it.each([
    ['an empty file', ''],
    ['a truncated file', '{ "archive": "/data/ne'],
    ['null', 'null'],
    ['an array', '["/data/news"]'],
    ['a string', '"/data/news"'],
    ['binary junk', '\u0000\u0001\u0002'],
  ])('gives the defaults for %s', (_name, text) => {
    expect(parseSettings(text)).toEqual(defaultSettings());
  });

  it('drops fields of the wrong type one by one, and relative or absurd paths', () => {
    expect(parseSettings('{ "archive": 42, "recent": ["/a", 7, null, "relative/dir", "/b"] }')).toEqual({ archive: null, recent: ['/a', '/b'] });
    expect(parseSettings('{ "archive": "/a", "recent": "/b" }')).toEqual({ archive: '/a', recent: [] });
    expect(parseSettings(JSON.stringify({ archive: `/${'x'.repeat(5000)}`, recent: ['/a\u0000b'] }))).toEqual(defaultSettings());
  });

  it('ignores unknown keys and inherited ones (a __proto__ key sets nothing)', () => {
    const parsed = parseSettings('{ "__proto__": { "archive": "/evil" }, "theme": "dark", "recent": ["/a"] }');
    expect(parsed).toEqual({ archive: null, recent: ['/a'] });
    expect(({} as Record<string, unknown>)['archive']).toBeUndefined();
  });

  it('de-duplicates the recent list and keeps at most ten', () => {
    const recent = ['/a', '/a/', ...Array.from({ length: 12 }, (_v, i) => `/r${i}`)];
    const parsed = parseSettings(JSON.stringify({ archive: null, recent }));
    expect(parsed.recent).toHaveLength(10);
    expect(parsed.recent.slice(0, 2)).toEqual(['/a', '/r0']);
  });

  it('accepts a byte order mark', () => {
    expect(parseSettings('\uFEFF{ "archive": "/a", "recent": [] }').archive).toBe('/a');
  });

  it('round-trips through serializeSettings', () => {
    const settings = { archive: '/data/news', recent: ['/data/news', '/data/Q&A "quoted"'] };
    const text = serializeSettings(settings);
    expect(text.endsWith('\n')).toBe(true);
    expect(JSON.parse(text)).toEqual(settings);
    expect(parseSettings(text)).toEqual(settings);
  });
});

describe('readSettings', () => {
  it('gives the defaults when the file is missing', async () => {
    expect(await readSettings(path.join(dir, 'settings.json'))).toEqual(defaultSettings());
  });

  it('gives the defaults when the file is corrupt, and the next save overwrites it', async () => {
    const file = path.join(dir, 'settings.json');
    writeFileSync(file, '{"archive": "/data/news", "rec');
    expect(await readSettings(file)).toEqual(defaultSettings());
    await writeSettings(file, { archive: '/data/other', recent: ['/data/other'] });
    expect(await readSettings(file)).toEqual({ archive: '/data/other', recent: ['/data/other'] });
  });

  it('gives the defaults when the path is a folder', async () => {
    const file = path.join(dir, 'settings.json');
    mkdirSync(file);
    expect(await readSettings(file)).toEqual(defaultSettings());
  });
});

describe('writeSettings', () => {
  it('writes the file, creating its folder, and leaves no temporary file behind', async () => {
    const file = path.join(dir, 'nested', 'settings.json');
    await writeSettings(file, { archive: '/data/news', recent: ['/data/news'] });
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ archive: '/data/news', recent: ['/data/news'] });
    expect(readdirSync(path.dirname(file))).toEqual(['settings.json']);
  });

  it('replaces the file by renaming a complete temporary file over it (the old one stays whole until then)', async () => {
    const file = path.join(dir, 'settings.json');
    await writeSettings(file, { archive: '/one', recent: ['/one'] });
    await Promise.all(Array.from({ length: 20 }, (_v, i) => writeSettings(file, { archive: `/a${i}`, recent: [`/a${i}`] })));
    // Whichever write renamed last, the file is one complete document, never a mix.
    const final = parseSettings(readFileSync(file, 'utf8'));
    expect(final.archive).toMatch(/^\/a\d+$/);
    expect(final.recent).toEqual([final.archive]);
    expect(readdirSync(dir)).toEqual(['settings.json']);
  });

  // Root writes into read-only folders, so this one needs an ordinary user.
  it.skipIf(process.getuid?.() === 0)('leaves the old file untouched and cleans up when the write fails', async () => {
    const file = path.join(dir, 'settings.json');
    await writeSettings(file, { archive: '/kept', recent: [] });
    chmodSync(dir, 0o500);
    try {
      await expect(writeSettings(file, { archive: '/lost', recent: [] })).rejects.toThrow();
    } finally {
      chmodSync(dir, 0o700);
    }
    expect((await readSettings(file)).archive).toBe('/kept');
    expect(readdirSync(dir)).toEqual(['settings.json']);
  });

  it('fails without touching the target when the rename cannot happen', async () => {
    // The target is a non-empty folder: the temporary file is written, the rename fails, and it is removed.
    const file = path.join(dir, 'settings.json');
    mkdirSync(path.join(file, 'inside'), { recursive: true });
    await expect(writeSettings(file, { archive: '/x', recent: [] })).rejects.toThrow();
    expect(existsSync(path.join(file, 'inside'))).toBe(true);
    expect(readdirSync(dir)).toEqual(['settings.json']);
  });
});
