// Property test: thousands of random and hostile queries through the API's search handler. None may
// throw or crash; each is answered, or refused as a bad query whose span lies inside the query.
import { expect, it } from 'vitest';
import { createApiHandlers, type ApiHandlers } from '../../../main/transport/api-handlers.js';
import { startLibrary } from '../../../main/core/library.js';
import { beforeAllWithCorpora, describeWithCorpora } from '../../support/corpora.js';
import { bbcDir, tempDir } from '../../support/paths.js';

let handlers: ApiHandlers;

beforeAllWithCorpora(async () => {
  const session = startLibrary({ archiveDir: bbcDir, cacheDir: tempDir() });
  await session.ready();
  handlers = createApiHandlers(session);
}, 120_000);

/** mulberry32: a small seeded generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pieces = [
  'mobile', 'phone', 'the', 'blair', 'brown', 'election', 'sanctions', 'санкции', 'қазақ', '北京', '😀', 'café',
  '"', '“', '”', '«', '»', '„', '-', '+', '*', '~', '~1', '~2', '~20', '~999', ':', '::', '(', ')', '[', ']', '{', '}',
  'OR', 'AND', 'NOT', '|', '&', '\\', '/', '..', '...', '^', '$', '%', '\u0000', '\u200b', '\ud800', '\t', '\n',
  'title:', 'source:', 'author:', 'speaker:', 'lang:', 'date:', 'after:', 'before:', 'in:', 'php:', 'Title:x',
  'date:2025', 'date:2025-13', 'date:2025-08-01..2025-08-31', 'after:2025-01-01', 'before:2025', 'lang:ru', 'in:quotes',
  'budget~20', 'a*', '**', '*x', 'x*y', '-"white house"', 'title:"prime minister"', 'speaker:"Tony Blair"', '__proto__',
  'constructor', 'toString', 'x'.repeat(300),
];

function randomQuery(next: () => number): string {
  if (next() < 0.15) {
    // Raw random code points, including lone surrogates and controls.
    return Array.from({ length: Math.floor(next() * 40) }, () => String.fromCharCode(Math.floor(next() * 0x10000))).join('');
  }
  const count = 1 + Math.floor(next() * 8);
  return Array.from({ length: count }, () => pieces[Math.floor(next() * pieces.length)] ?? '').join(next() < 0.7 ? ' ' : '');
}

describeWithCorpora('search under random and hostile queries', () => {
  it('answers 3000 queries without throwing, refusing only with a located bad-query error', async () => {
    const next = random(20261124);
    const codes = new Map<string, number>();
    for (let i = 0; i < 3000; i += 1) {
      const query = randomQuery(next);
      const result = await handlers.search({ query, limit: 5 });
      const code = result.ok ? 'ok' : result.error.code;
      codes.set(code, (codes.get(code) ?? 0) + 1);
      if (!result.ok) {
        expect(result.error.code, `query ${JSON.stringify(query)}: ${result.error.message}`).toBe('bad-query');
        expect(result.error.start).toBeGreaterThanOrEqual(0);
        expect(result.error.end).toBeLessThanOrEqual(query.length);
        expect(result.error.start).toBeLessThan(result.error.end ?? 0);
      }
    }
    expect(codes.get('ok') ?? 0).toBeGreaterThan(1500);
  }, 120_000);

  it.each(['budget~20', 'parliamentarians~100', `${'a'.repeat(60)}~2`, '*', 'a*', '"' + 'the '.repeat(200) + '"', 'x'.repeat(10_000)])(
    'survives %j',
    async (query) => {
      const result = await handlers.search({ query });
      expect(result.ok || (!result.ok && result.error.code === 'bad-query')).toBe(true);
    },
  );

  it.each([null, 42, [], { query: 1 }, { query: 'x', limit: 0 }, { query: 'x', sort: 'random' }, { query: 'x', extra: true }])(
    'refuses malformed arguments %j as values',
    async (request) => {
      const result = await handlers.search(request);
      expect(result).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    },
  );
});
