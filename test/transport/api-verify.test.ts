import { describe, expect, it } from 'vitest';
import type { Result, VerifyReply } from '../../main/contract/api.js';
import { contentDir, tempDir } from '../support/paths.js';
import { useApiSession } from '../support/api-session.js';

// Issue 17: `verify` through the handler table every transport shares: validated once, never thrown.
const api = useApiSession(() => ({ archiveDir: contentDir, cacheDir: tempDir() }));

describe('the verify method', () => {
  it('answers a real quotation of the archive with its place, speaker and verdict', async () => {
    const result = (await api.verify({ claim: 'get return agreements in place so unsuccessful claims can be quickly and safely returned', limit: 1 })) as Result<VerifyReply>;
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.verdict).toBe('verbatim');
    expect(result.value.matches).toHaveLength(1);
    expect(result.value.matches[0]).toMatchObject({ speaker: 'Yvette Cooper', kind: 'direct', similarity: 1 });
  });

  it.each([
    [{}, 'claim must be a string'],
    [{ claim: 5 }, 'claim must be a string'],
    [{ claim: 'a b c', extra: 1 }, 'verify: unknown field "extra"'],
    [{ claim: 'a b c', limit: 51 }, 'limit must be a whole number from 1 to 50'],
    [{ claim: 'a b c', speaker: ['x'] }, 'speaker must be a string'],
    [{ claim: 'x'.repeat(10_001) }, 'claim is 10001 characters long; the limit is 10000'],
    [{ claim: '!!! ...' }, 'verify: the claim has 0 words; give at least 3'],
    [{ claim: 'word '.repeat(2000) }, 'verify: the claim has 2000 words; verify takes at most 500 (a quote, not a text)'],
  ])('refuses %j with invalid-argument: %s', async (request, message) => {
    expect(await api.verify(request)).toEqual({ ok: false, error: { code: 'invalid-argument', message } });
  });
});
