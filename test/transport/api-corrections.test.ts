// The corrections methods of the API through the one handler table (IPC and HTTP alike): every field is
// checked, failures are Result values, and a correction made here is in the next answers.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ApiError, Correction, Result } from '../../main/contract/api.js';
import { contentDir, tempDir } from '../support/paths.js';
import { useApiSession, value } from '../support/api-session.js';

const api = useApiSession(() => ({ archiveDir: contentDir, cacheDir: tempDir() }));

function error(result: Result<unknown>): ApiError | null {
  return result.ok ? null : result.error;
}

describe('the corrections API', () => {
  it.each([
    ['corrections', { all: true }, /corrections: unknown field "all"/],
    ['correct', {}, /change must be an object/],
    ['correct', { change: { type: 'speaker', quoteId: 'a:0', quoteText: 'x', speakerName: 'Ann' } }, /change.speakerId must be a string/],
    ['correct', { change: { type: 'not-quote', quoteId: 'a:0', quoteText: 'x' }, made: 'now' }, /correct: unknown field "made"/],
    ['correct', { change: { type: 'split', speakerId: 'p', alias: 42 } }, /change.alias must be a string/],
    ['undoCorrection', { id: 7 }, /id must be a string/],
    ['undoCorrection', null, /undoCorrection: the request must be an object/],
  ] as const)('%s(%j) is refused as invalid-argument', async (method, request, message) => {
    expect(error(await api[method](request))).toEqual({ code: 'invalid-argument', message: expect.stringMatching(message) });
  });

  it('makes, lists and undoes a correction, which every answer in between shows', async () => {
    const [quote] = value(await api.quotes({ speaker: 'Maigeldinov', limit: 1 })).quotes;
    if (quote === undefined) throw new Error('no Maigeldinov quote in the bundled archive');
    const change = { type: 'speaker', quoteId: quote.id, quoteText: quote.text, speakerId: null, speakerName: 'Aigerim Correctova' } as const;
    const made: Correction = value(await api.correct({ change }));
    expect(made).toEqual({ id: expect.any(String), made: expect.any(String), change });
    expect(value(await api.corrections({}))).toEqual({ corrections: [made] });
    const theirs = value(await api.quotes({ speaker: 'Correctova' })).quotes;
    expect(theirs.map((q) => [q.id, q.correction])).toEqual([[quote.id, made.id]]);

    expect(value(await api.undoCorrection({ id: made.id }))).toEqual(made);
    expect(value(await api.corrections({}))).toEqual({ corrections: [] });
    expect(value(await api.quotes({ speaker: 'Correctova' })).total).toBe(0);
    expect(error(await api.undoCorrection({ id: made.id }))).toMatchObject({ code: 'not-found' });
  });

  it('answers not-found for a quote the archive does not have', async () => {
    const result = await api.correct({ change: { type: 'not-quote', quoteId: 'nowhere.txt:0', quoteText: 'x' } });
    expect(error(result)).toMatchObject({ code: 'not-found', message: expect.stringMatching(/no article with id "nowhere.txt"/) });
  });
});

// The seam with the person resolution (r16-people): merges, splits and speakers a correction gives are
// applied to the archive's people, on the hand-made archive of three Blairs (test/fixtures/people).
describe('corrections of people', () => {
  const people = useApiSession(() => ({ archiveDir: path.resolve(import.meta.dirname, '../fixtures/people'), cacheDir: tempDir() }));

  const speakers = async (): Promise<[string, number][]> => value(await people.speakers({})).speakers.map((s) => [s.id, s.quotes]);

  it('merges two speakers into one person, and undoing keeps them apart again', async () => {
    const before = await speakers();
    expect(before.map(([id]) => id)).toEqual(['tony-blair', 'ian-blair', 'mr-blairs-spokesman']);
    const made = value(await people.correct({ change: { type: 'merge', into: 'tony-blair', from: 'mr-blairs-spokesman' } }));
    expect(await speakers()).toEqual([['tony-blair', 7], ['ian-blair', 1]]);
    value(await people.undoCorrection({ id: made.id }));
    expect(await speakers()).toEqual(before);
  });

  it('splits a form of a name off a person', async () => {
    const made = value(await people.correct({ change: { type: 'split', speakerId: 'tony-blair', alias: 'Blair' } }));
    const split = await speakers();
    expect(split).toContainEqual(['tony-blair', 5]);
    expect(split.find(([id]) => id !== 'tony-blair' && id !== 'ian-blair' && id !== 'mr-blairs-spokesman')?.[1]).toBe(1);
    value(await people.undoCorrection({ id: made.id }));
    expect(await speakers()).toContainEqual(['tony-blair', 6]);
  });

  it('gives a quote the person a speaker correction names, on their page, shown as a correction', async () => {
    const [quote] = value(await people.quotes({ speaker: 'Ian Blair' })).quotes;
    if (quote === undefined) throw new Error('no Ian Blair quote in the people fixture');
    const change = { type: 'speaker', quoteId: quote.id, quoteText: quote.text, speakerId: 'tony-blair', speakerName: 'Tony Blair' } as const;
    const made = value(await people.correct({ change }));
    const page = value(await people.person({ id: 'tony-blair' }));
    expect(page.quotes.find((q) => q.id === quote.id)).toMatchObject({ speaker: 'Tony Blair', speakerId: 'tony-blair', correction: made.id });
    expect((await speakers()).map(([id]) => id)).not.toContain('ian-blair');
    value(await people.undoCorrection({ id: made.id }));
    expect(await speakers()).toContainEqual(['ian-blair', 1]);
  });
});
