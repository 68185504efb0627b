// Unit tests of the renderer's HTTP client for `verbatim serve`, with `fetch` stubbed: the request it
// sends, and that every failure of the transport resolves to a `transport` error instead of rejecting.

import { afterEach, describe, expect, it, vi } from 'vitest';
import { createHttpApi, tokenFromHash } from '../../renderer/http-api.js';

function stubFetch(respond: () => Promise<Response>): ReturnType<typeof vi.fn> {
  const fetch = vi.fn(respond);
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

const json = (value: unknown, status = 200): Response =>
  new Response(JSON.stringify(value), { status, headers: { 'Content-Type': 'application/json' } });

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('createHttpApi', () => {
  it('posts the request as JSON to /api/<method> with the token', async () => {
    const fetch = stubFetch(async () => json({ ok: true, value: { query: 'x', total: 0, tookMs: 1, partial: false, hits: [] } }));
    const result = await createHttpApi('secret').search({ query: 'sanctions', limit: 5 });
    expect(result).toEqual({ ok: true, value: { query: 'x', total: 0, tookMs: 1, partial: false, hits: [] } });
    const [url, init] = fetch.mock.calls[0] as [string, { method: string; headers: Record<string, string>; body: string }];
    expect(url).toBe('/api/search');
    expect(init.method).toBe('POST');
    expect(init.headers['X-Verbatim-Token']).toBe('secret');
    expect(JSON.parse(init.body)).toEqual({ query: 'sanctions', limit: 5 });
  });

  it('passes an expected failure through as it came', async () => {
    const error = { code: 'bad-query', message: 'title: has nothing after the colon', start: 0, end: 6 };
    stubFetch(async () => json({ ok: false, error }));
    expect(await createHttpApi('t').search({ query: 'title:' })).toEqual({ ok: false, error });
  });

  it.each<[string, () => Promise<Response>, RegExp]>([
    ['the network fails', async () => Promise.reject(new TypeError('Failed to fetch')), /Cannot reach the Verbatim server \(status\): Failed to fetch/],
    ['the token is refused', async () => json({ ok: false, error: { code: 'forbidden', message: 'missing or wrong token' } }, 403), /HTTP 403: missing or wrong token \(open the address/],
    ['the body is not JSON', async () => new Response('<html>', { status: 500 }), /HTTP 500$/],
    ['the body is JSON but not a Result', async () => json({ hello: 1 }), /HTTP 200$/],
  ])('resolves to a transport error when %s', async (_what, respond, message) => {
    stubFetch(respond);
    const result = await createHttpApi('t').status({});
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('transport');
      expect(result.error.message).toMatch(message);
    }
  });
});

describe('tokenFromHash', () => {
  it.each<[string, string | null]>([
    ['#token=abc-DEF_123', 'abc-DEF_123'],
    ['token=abc', 'abc'],
    ['#other=1&token=xyz', 'xyz'],
    ['#token=', null],
    ['', null],
  ])('reads %j as %j', (hash, token) => {
    expect(tokenFromHash(hash)).toBe(token);
  });
});
