// The archive's people saved next to the index cache (issue 16): a reopen with the same quotes and
// corrections applies the saved people without resolving them; a changed file or a new correction resolves
// them again; a damaged file is resolved again and rewritten, and the user hears nothing of it.
import { cpSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { openLibrary, type Library } from '../../../main/core/library.js';
import { contentDir, distDir, tempDir } from '../../support/paths.js';

/** The people file of the one archive cached in `cacheDir`. */
function peopleFile(cacheDir: string): string {
  const [folder] = readdirSync(cacheDir);
  if (folder === undefined) throw new Error(`nothing cached in ${cacheDir}`);
  return path.join(cacheDir, folder, 'people.json');
}

/** A people file's parts (engine/saved-people.ts): a header line, then sections at the byte ranges it gives. */
interface SavedParts {
  header: { digest: string; key: string | null; [other: string]: unknown };
  speakers: { id: string; name: string }[];
  names: string;
  speakerIds: string[];
  clusters: string[];
  shards: number[];
}

/** A section's byte range after the header line, and its CRC-32. */
type Range = [number, number, number];

function readSaved(file: string): SavedParts {
  const bytes = readFileSync(file);
  const newline = bytes.indexOf(0x0a);
  const header = JSON.parse(bytes.toString('utf8', 0, newline)) as SavedParts['header'] & { speakers: Range; names: Range; lists: { shard: number; ids: Range; clusters: Range }[] };
  const section = ([start, end]: Range) => bytes.toString('utf8', newline + 1 + start, newline + 1 + end);
  return {
    header,
    speakers: JSON.parse(section(header.speakers)) as SavedParts['speakers'],
    names: section(header.names),
    speakerIds: header.lists.map(({ ids }) => section(ids)),
    clusters: header.lists.map(({ clusters }) => section(clusters)),
    shards: header.lists.map(({ shard }) => shard),
  };
}

/**
 * `text` (a people file, `saved` its parts) with one letter of a shard's first speaker id changed: the same
 * length and still a list of ids, which only the section's checksum tells from the one saved.
 */
function changeOneLetter(text: string, saved: SavedParts): string {
  const ids = saved.speakerIds.find((list) => list.includes('"table":["'));
  if (ids === undefined) throw new Error('no speaker id to change');
  const at = text.indexOf(ids) + ids.indexOf('"table":["') + '"table":["'.length;
  return `${text.slice(0, at)}${text[at] === 'q' ? 'x' : 'q'}${text.slice(at + 1)}`;
}

/** Writes `parts` in the layout `readSaved` reads. */
function writeSaved(file: string, parts: Omit<SavedParts, 'speakers'> & { speakers: unknown[] }): void {
  const sections: Buffer[] = [];
  let at = 0;
  const section = (text: string): Range => {
    const bytes = Buffer.from(`${text}\n`);
    sections.push(bytes);
    at += bytes.length;
    return [at - bytes.length, at - 1, crc32(bytes.subarray(0, bytes.length - 1))];
  };
  const speakers = section(JSON.stringify(parts.speakers));
  const names = section(parts.names);
  const lists = parts.speakerIds.map((ids, i) => ({ shard: parts.shards[i], ids: section(ids), clusters: section(parts.clusters[i] ?? '[]') }));
  writeFileSync(file, Buffer.concat([Buffer.from(`${JSON.stringify({ ...parts.header, speakers, names, lists })}\n`), ...sections]));
}

async function withLibrary<T>(options: { archiveDir: string; cacheDir: string; onNotice?: (message: string) => void; workerScript?: string; engines?: number }, use: (library: Library) => Promise<T>): Promise<T> {
  const library = await openLibrary(options);
  try {
    return await use(library);
  } finally {
    await library.close();
  }
}

const everySpeaker = (library: Library) => library.speakers({ limit: 1000 });

describe('saved people', () => {
  it('are applied on a reopen with the same quotes and corrections, without resolving them again', async () => {
    const options = { archiveDir: contentDir, cacheDir: tempDir() };
    const first = await withLibrary(options, everySpeaker);
    const top = first.speakers[0];
    if (top === undefined) throw new Error('the bundled archive quotes nobody');
    const file = peopleFile(options.cacheDir);
    const saved = readSaved(file);
    // Saved under the engines' key: a reopen needs no list of mentions to find them.
    expect(saved.header.key).toMatch(/^[0-9a-f]{64}$/);
    // A name only the saved file knows: a reopen that resolved again could not answer with it.
    for (const speaker of saved.speakers) if (speaker.id === top.id) speaker.name = 'Name From The Saved File';
    writeSaved(file, saved);
    const written = statSync(file).mtimeMs;

    const reopened = await withLibrary(options, async (library) => ({ speakers: await everySpeaker(library), quotes: await library.quotes({ limit: 1000 }) }));
    expect(reopened.speakers.speakers[0]).toEqual({ ...top, name: 'Name From The Saved File' });
    expect(reopened.speakers.speakers.slice(1)).toEqual(first.speakers.slice(1));
    expect(reopened.quotes.quotes.filter((q) => q.speakerId === top.id).length).toBe(top.quotes);
    expect(statSync(file).mtimeMs).toBe(written);
  });

  it('give every quote of a reopen the same person and cluster, though each article\'s quotes get theirs only when read', async () => {
    const options = { archiveDir: contentDir, cacheDir: tempDir() };
    const people = (library: Library) => library.quotes({ limit: 10_000 }).then((reply) => reply.quotes.map((q) => [q.id, q.speakerId, q.clusterId]));
    const first = await withLibrary(options, async (library) => {
      await everySpeaker(library);
      return people(library);
    });
    expect(first.filter(([, speakerId]) => speakerId !== null).length).toBeGreaterThan(100);
    // A search first: the articles it shows get their people before the rest of the archive's.
    const reopened = await withLibrary(options, async (library) => {
      await library.search('president');
      return people(library);
    });
    expect(reopened).toEqual(first);
  });

  it('are found on a reopen by the engines\' key, without the mention lists (and by the lists when the key is another)', async () => {
    const options = { archiveDir: contentDir, cacheDir: tempDir() };
    const first = await withLibrary(options, everySpeaker);
    const file = peopleFile(options.cacheDir);
    const saved = readSaved(file);
    const renamed = (name: string) => saved.speakers.map((s, i) => (i === 0 ? { ...s, name } : s));

    // The lists' digest no longer matches: only the key can find these.
    writeSaved(file, { ...saved, header: { ...saved.header, digest: 'other lists' }, speakers: renamed('Found By Key') });
    expect((await withLibrary(options, everySpeaker)).speakers[0]?.name).toBe('Found By Key');

    // The key no longer matches: found by the lists' digest, and saved again under the engines' key.
    writeSaved(file, { ...saved, header: { ...saved.header, key: 'another' }, speakers: renamed('Found By Lists') });
    expect((await withLibrary(options, everySpeaker)).speakers[0]?.name).toBe('Found By Lists');
    expect(readSaved(file).header.key).toBe(saved.header.key);
    expect((await withLibrary(options, everySpeaker)).speakers.slice(1)).toEqual(first.speakers.slice(1));
  });

  it('fit the shards whichever engines hold them: saved by two engine threads, applied by one', async () => {
    const workers = { archiveDir: contentDir, cacheDir: tempDir(), workerScript: path.join(distDir, 'index-worker.cjs') };
    const first = await withLibrary({ ...workers, engines: 2 }, everySpeaker);
    const file = peopleFile(workers.cacheDir);
    const saved = readSaved(file);
    // One list per shard, each saved with its shard.
    expect(saved.shards.length).toBeGreaterThanOrEqual(2);
    expect([...saved.shards].sort()).toEqual(saved.shards.map((_, i) => i));
    writeSaved(file, { ...saved, speakers: saved.speakers.map((s, i) => (i === 0 ? { ...s, name: 'Saved By Two Engines' } : s)) });
    const reopened = await withLibrary({ ...workers, engines: 1 }, async (library) => ({ speakers: await everySpeaker(library), quotes: await library.quotes({ limit: 1000 }) }));
    expect(reopened.speakers.speakers[0]?.name).toBe('Saved By Two Engines');
    expect(reopened.speakers.speakers.slice(1)).toEqual(first.speakers.slice(1));
    const top = first.speakers[0];
    expect(reopened.quotes.quotes.filter((q) => q.speakerId === top?.id).length).toBe(top?.quotes);
  });

  it('give a search after a reopen its people without reading the speakers list, which only the list\'s requests read', async () => {
    const options = { archiveDir: contentDir, cacheDir: tempDir() };
    const searchPeople = (library: Library) => library.search('people', { limit: 50 }).then((reply) => ({ speakers: reply.speakers, quotes: reply.hits.flatMap((h) => h.quotes.map((q) => q.speakerId)) }));
    const first = await withLibrary(options, async (library) => ({ list: await everySpeaker(library), search: await searchPeople(library) }));
    expect(first.search.quotes.filter((id) => id !== null).length).toBeGreaterThan(5);
    const file = peopleFile(options.cacheDir);
    const saved = readSaved(file);
    // A list that fails its checks: reading it would resolve the people again and save them.
    writeSaved(file, { ...saved, speakers: [{ id: 1 }] });
    const damaged = readFileSync(file, 'utf8');

    const reopened = await withLibrary(options, async (library) => {
      const search = await searchPeople(library);
      // Not read yet: the file is as damaged.
      const untouched = readFileSync(file, 'utf8') === damaged;
      return { search, untouched, list: await everySpeaker(library) };
    });
    expect(reopened.search).toEqual(first.search);
    expect(reopened.untouched).toBe(true);
    // Asked for, the list is read, found damaged, resolved again and saved.
    expect(reopened.list).toEqual(first.list);
    expect(readSaved(file).speakers).toEqual(saved.speakers);
  });

  it('are resolved and saved once a build has every quote, before any request needs them', async () => {
    const options = { archiveDir: contentDir, cacheDir: tempDir() };
    await withLibrary(options, async (library) => {
      expect(library.cache).toBe('built');
      await library.quotesReady();
    });
    const saved = readSaved(peopleFile(options.cacheDir));
    const written = statSync(peopleFile(options.cacheDir)).mtimeMs;
    expect((await withLibrary(options, everySpeaker)).speakers).toEqual(saved.speakers.slice(0, 1000));
    expect(statSync(peopleFile(options.cacheDir)).mtimeMs).toBe(written);
  });

  it('are resolved again when a file changed', async () => {
    const dir = tempDir();
    const archiveDir = path.join(dir, 'archive');
    cpSync(contentDir, archiveDir, { recursive: true });
    const options = { archiveDir, cacheDir: path.join(dir, 'cache') };
    await withLibrary(options, everySpeaker);
    const before = readFileSync(peopleFile(options.cacheDir), 'utf8');

    writeFileSync(path.join(archiveDir, 'zarina-testova.txt'), 'Council speaks\n\n"We will rebuild the bridge by spring," said Zarina Testova, the council leader.\n');
    const after = await withLibrary(options, everySpeaker);
    expect(after.speakers.map((s) => s.name)).toContain('Zarina Testova');
    const saved = readFileSync(peopleFile(options.cacheDir), 'utf8');
    expect(saved).not.toBe(before);
    expect(saved).toContain('Zarina Testova');
  });

  it('are resolved again after a new correction, and that resolution is the one saved', async () => {
    const options = { archiveDir: contentDir, cacheDir: tempDir() };
    const merged = await withLibrary(options, async (library) => {
      const [into, from] = (await everySpeaker(library)).speakers;
      if (into === undefined || from === undefined) throw new Error('the bundled archive quotes fewer than two speakers');
      await library.correct({ type: 'merge', into: into.id, from: from.id });
      return { into, from, speakers: await everySpeaker(library) };
    });
    expect(merged.speakers.speakers.find((s) => s.id === merged.into.id)?.quotes).toBe(merged.into.quotes + merged.from.quotes);
    const file = peopleFile(options.cacheDir);
    expect(readSaved(file).speakers).toEqual(merged.speakers.speakers);
    const written = statSync(file).mtimeMs;

    expect(await withLibrary(options, everySpeaker)).toEqual(merged.speakers);
    expect(statSync(file).mtimeMs).toBe(written);
  });

  it.each([
    ['not JSON', '{"format":"verbatim-people","vers'],
    ['of another version', `${JSON.stringify({ format: 'verbatim-people', version: 999 })}\n`],
    ['with no header line', '{"format":"verbatim-people","version":3}'],
    ['with speakers of the wrong shape', 'SHAPE'],
    ['with sections beyond its end', 'RANGES'],
    ['with a section just past its end', 'RANGE1'],
    ['with ids of other quotes, which the engines refuse', 'IDS'],
    ['with clusters that are not cluster lists, which the engines refuse', 'CLUSTERS'],
    ['with names that are not people, which the engines refuse', 'NAMES'],
    ['with a letter of a shard\'s speaker ids changed, which their checksum finds', 'CRC'],
  ])('that are damaged (%s) are resolved again and rewritten, with no notice', async (_what, damage) => {
    const options = { archiveDir: contentDir, cacheDir: tempDir() };
    const first = await withLibrary(options, everySpeaker);
    const file = peopleFile(options.cacheDir);
    const good = readFileSync(file, 'utf8');
    const saved = readSaved(file);
    // Damage that keeps the keys: only the file's own checks, or the engines', can catch it.
    if (damage === 'SHAPE') writeSaved(file, { ...saved, speakers: [{ id: 1 }] });
    else if (damage === 'IDS') writeSaved(file, { ...saved, speakerIds: saved.speakerIds.map(() => '[]') });
    else if (damage === 'CLUSTERS') writeSaved(file, { ...saved, clusters: saved.clusters.map(() => '{}') });
    else if (damage === 'NAMES') writeSaved(file, { ...saved, names: '[{"id":"x"}]' });
    else if (damage === 'RANGES') writeFileSync(file, good.replace(/"speakers":\[\d+,(\d+),/, '"speakers":[0,$1999999,'));
    else if (damage === 'CRC') writeFileSync(file, changeOneLetter(good, saved));
    else if (damage === 'RANGE1') writeFileSync(file, good.slice(0, -2));
    else writeFileSync(file, damage);

    const notices: string[] = [];
    expect(await withLibrary({ ...options, onNotice: (m) => notices.push(m) }, everySpeaker)).toEqual(first);
    expect(notices).toEqual([]);
    expect(readFileSync(file, 'utf8')).toBe(good);
  });
});
