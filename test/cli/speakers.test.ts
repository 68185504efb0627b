// `verbatim speakers` and people in `quotes` and `search` (issue 16): one person is one speaker across the
// archive, on a small hand-made archive and on the BBC corpus.
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { itWithCorpora } from '../support/corpora.js';
import { bbcDir, tempDir } from '../support/paths.js';
import { ensureBuilt, runCli } from '../support/run-cli.js';

const peopleDir = path.resolve(import.meta.dirname, '../fixtures/people');

interface SpeakerJson {
  id: string;
  name: string;
  aliases: string[];
  roles: { role: string; first: string | null; last: string | null }[];
  kind: string;
  quotes: number;
  articles: number;
  first: string | null;
  last: string | null;
}
interface QuoteJson {
  path: string;
  speaker: string | null;
  speakerId: string | null;
  text: string;
}

let cacheDir: string;

beforeAll(() => {
  ensureBuilt();
  cacheDir = tempDir();
});

function run<T>(args: readonly string[]): T {
  const result = runCli([...args, '--json', '--cache-dir', cacheDir]);
  expect(result.status, result.stderr).toBe(0);
  return JSON.parse(result.stdout) as T;
}

describe('verbatim speakers', () => {
  it('lists each person once, most quoted first, with every form of the name as an alias', () => {
    const reply = run<{ total: number; speakers: SpeakerJson[] }>(['speakers', '--archive', peopleDir]);
    expect(reply.total).toBe(3);
    expect(reply.speakers.map((s) => [s.id, s.quotes, s.articles])).toEqual([
      ['tony-blair', 6, 4],
      ['ian-blair', 1, 1],
      ['mr-blairs-spokesman', 1, 1],
    ]);
    expect(reply.speakers[0]).toMatchObject({ name: 'Tony Blair', aliases: ['Blair', 'the prime minister'], kind: 'person', first: '2005-01-10', last: '2005-05-02' });
    expect(reply.speakers[0]?.roles).toEqual([{ role: 'Prime Minister', first: '2005-01-10', last: '2005-01-10' }]);
    expect(Object.keys(reply.speakers[0] ?? {})).toEqual(['id', 'name', 'aliases', 'roles', 'kind', 'quotes', 'articles', 'first', 'last']);
  });

  it('lists the speakers of the articles matching a query, counted there, and takes --limit', () => {
    const reply = run<{ total: number; speakers: SpeakerJson[] }>(['speakers', 'schools', '--archive', peopleDir, '--limit', '1']);
    expect(reply.total).toBe(1);
    expect(reply.speakers.map((s) => [s.id, s.quotes, s.articles])).toEqual([['tony-blair', 3, 2]]);
  });

  it('prints one line per speaker as text', () => {
    const result = runCli(['speakers', '--archive', peopleDir, '--cache-dir', cacheDir]);
    expect(result.stdout.split('\n').slice(0, 2)).toEqual(['3 speakers', '6 quotes in 4 articles: Tony Blair (also Blair, the prime minister) [tony-blair]']);
  });
});

describe('people in quotes and search', () => {
  it('gives every quote its speakerId, and --speaker finds a person by any form of the name, and no one else', () => {
    const all = run<{ quotes: QuoteJson[] }>(['quotes', '--archive', peopleDir]);
    expect(all.quotes.map((q) => [q.path, q.speakerId])).toEqual([
      ['e.txt', 'tony-blair'],
      ['e.txt', 'tony-blair'],
      ['d.txt', 'tony-blair'],
      ['c.txt', 'mr-blairs-spokesman'],
      ['c.txt', 'tony-blair'],
      ['b.txt', 'ian-blair'],
      ['a.txt', 'tony-blair'],
      ['a.txt', 'tony-blair'],
    ]);
    for (const name of ['Tony Blair', 'the prime minister']) {
      const his = run<{ total: number; quotes: QuoteJson[] }>(['quotes', '--archive', peopleDir, '--speaker', name]);
      expect(his.total, name).toBe(6);
      expect(new Set(his.quotes.map((q) => q.speakerId))).toEqual(new Set(['tony-blair']));
    }
    // A surname names everyone with it, each with all their quotes; the spokesman is someone else speaking.
    const blairs = run<{ quotes: QuoteJson[] }>(['quotes', 'speaker:blair', '--archive', peopleDir]);
    expect(new Set(blairs.quotes.map((q) => q.speakerId))).toEqual(new Set(['tony-blair', 'ian-blair']));
  });

  it('lists the people quoted on a search in search --json, one entry per person with its id', () => {
    const reply = run<{ speakers: { value: string; count: number; id?: string }[] }>(['search', 'schools', '--archive', peopleDir]);
    expect(reply.speakers).toEqual([{ value: 'Tony Blair', count: 2, id: 'tony-blair' }]);
  });

  itWithCorpora(
    'on the BBC corpus, keeps Tony Blair apart from Ian Blair and his spokesman, and --speaker lists exactly his entry',
    () => {
      const { speakers } = run<{ speakers: SpeakerJson[] }>(['speakers', '--archive', bbcDir, '--limit', '20']);
      const tony = speakers.find((s) => s.id === 'tony-blair');
      const howard = speakers.find((s) => s.id === 'michael-howard');
      expect(tony?.quotes).toBeGreaterThanOrEqual(95);
      expect(tony?.aliases).toContain('the prime minister');
      expect(howard?.quotes).toBeGreaterThanOrEqual(76);
      const ian = run<{ quotes: QuoteJson[] }>(['quotes', '--archive', bbcDir, '--speaker', 'Ian Blair', '--all']);
      expect(ian.quotes.length).toBeGreaterThan(0);
      expect(new Set(ian.quotes.map((q) => q.speakerId))).toEqual(new Set(['ian-blair']));
      const his = run<{ total: number; quotes: QuoteJson[] }>(['quotes', '--archive', bbcDir, '--speaker', 'Tony Blair', '--all']);
      expect(his.total).toBe(tony?.quotes);
      expect(his.quotes).toHaveLength(his.total);
      expect(his.quotes.every((q) => q.speakerId === 'tony-blair')).toBe(true);
      expect(his.quotes.filter((q) => /Ian Blair|spokes/i.test(q.speaker ?? ''))).toEqual([]);
      expect(his.quotes.some((q) => /prime minister/i.test(q.speaker ?? ''))).toBe(true);
    },
    240_000,
  );
});
