// Fuzzes the IPC boundary: thousands of random and hostile requests through the real wrapper
// (main/shell/ipc.ts, registered on the fake electron's ipcMain) into the real handler table over a real
// library on content/. From the app's main frame every call resolves to a Result whose failures are only
// the expected ones, and Object.prototype stays clean; from anywhere else every call is `forbidden` and
// never reaches a handler. A seeded PRNG makes a failure replay: VERBATIM_FUZZ_SEED=<seed> reruns it,
// VERBATIM_FUZZ_ROUNDS=<n> changes how many calls are made.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { inspect } from 'node:util';
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ApiMethod, SearchReply } from '../../main/contract/api.js';
import { apiMethods, createApiHandlers, type ApiHandlers } from '../../main/transport/api-handlers.js';
import { startLibrary, type LibrarySession } from '../../main/core/library.js';
import { ipcChannel, maxRequestBytes, registerApiIpc } from '../../main/shell/ipc.js';
import { appMainFrame, fakeFrame, ipcMain, recorded, resetFakeElectron, type FakeFrame } from './fake-electron.js';

vi.mock('electron', async () => (await import('./fake-electron.js')).fakeElectron);

const seed = Number.parseInt(process.env['VERBATIM_FUZZ_SEED'] ?? '', 10) || 0x7e5b1a;
const rounds = Number.parseInt(process.env['VERBATIM_FUZZ_ROUNDS'] ?? '', 10) || 4000;
/** The failures a hostile request may produce; anything else (`internal`, `archive`, ...) is a finding. */
const expectedCodes: ReadonlySet<string> = new Set(['invalid-argument', 'bad-query', 'not-found']);
/** A call that has not answered by then is reported as hanging (one search of content/ takes milliseconds). */
const callTimeoutMs = 15_000;

const content = path.resolve(import.meta.dirname, '../../content');
const cacheDir = mkdtempSync(path.join(tmpdir(), 'verbatim-ipc-fuzz-cache-'));
let session: LibrarySession;
/** How many times each handler of the table was entered. */
const reached: Record<ApiMethod, number> = { status: 0, search: 0, article: 0, quotes: 0, speakers: 0, person: 0, showFile: 0, corrections: 0, correct: 0, undoCorrection: 0, verify: 0 };
/** The files `showFile` was asked to open (a stand-in for the shell: the fuzz never opens a real file). */
const openedFiles: string[] = [];
/** Ids of real articles, so that some `article` calls get past the lookup to the query. */
let realIds: string[] = [];
/** Real quotes, so that some `correct` calls name a quote the archive has. */
let realQuotes: { id: string; text: string }[] = [];

type Listener = (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<unknown>;

function listenerFor(method: ApiMethod): Listener {
  const listener = recorded.ipcHandlers.get(ipcChannel(method));
  if (listener === undefined) throw new Error(`nothing was registered on ${ipcChannel(method)}`);
  return listener as Listener;
}

beforeAll(async () => {
  resetFakeElectron();
  session = startLibrary({ archiveDir: content, cacheDir });
  const real = createApiHandlers(session, async (file) => void openedFiles.push(file));
  const counted = {} as Record<ApiMethod, (request: unknown) => Promise<unknown>>;
  for (const method of apiMethods) {
    counted[method] = (request) => {
      reached[method] += 1;
      return real[method](request);
    };
  }
  registerApiIpc(ipcMain as unknown as Pick<IpcMain, 'handle'>, counted as unknown as ApiHandlers);
  await session.ready();
  const found = await real.search({ query: 'said', limit: 20 });
  if (!found.ok) throw new Error(`the setup search failed: ${found.error.message}`);
  realIds = (found.value as SearchReply).hits.map((hit) => hit.id);
  if (realIds.length === 0) throw new Error('the setup search found no article in content/');
  const quotes = await real.quotes({ limit: 20 });
  if (!quotes.ok) throw new Error(`the setup quote list failed: ${quotes.error.message}`);
  realQuotes = quotes.value.quotes.map((q) => ({ id: q.id, text: q.text }));
}, 120_000);

afterAll(async () => {
  await session?.close();
  rmSync(cacheDir, { recursive: true, force: true });
});

// --- frames -----------------------------------------------------------------------------------------

const frame = fakeFrame;

function eventFrom(senderFrame: FakeFrame | null): IpcMainInvokeEvent {
  return { senderFrame } as unknown as IpcMainInvokeEvent;
}


const untrustedSenders: ReadonlyArray<[string, () => FakeFrame | null]> = [
  ['a foreign https main frame', () => frame('https://evil.example/', 'https://evil.example')],
  ['a loopback http main frame', () => frame('http://127.0.0.1:8080/', 'http://127.0.0.1:8080')],
  ['a file: main frame', () => frame('file:///tmp/saved-page.html', 'file://')],
  ['a look-alike app host', () => frame('app://verbatim.evil/index.html', 'app://verbatim.evil')],
  ['an app URL with credentials', () => frame('app://x@verbatim/index.html', 'app://verbatim')],
  ['an opaque origin on the app URL', () => frame('app://verbatim/index.html', 'null')],
  ['a data: main frame', () => frame('data:text/html,<script>1</script>', 'null')],
  ['a subframe on the app origin', () => frame('app://verbatim/index.html', 'app://verbatim', appMainFrame())],
  ['a foreign subframe in the app', () => frame('https://evil.example/ad', 'https://evil.example', appMainFrame())],
  ['an about:blank subframe in the app', () => frame('about:blank', 'app://verbatim', appMainFrame())],
  ['a frame whose top is another frame', () => ({ ...appMainFrame(), top: appMainFrame() })],
  ['a destroyed frame', () => null],
];

// --- random values ----------------------------------------------------------------------------------

/** mulberry32: small, fast, and the same sequence for the same seed on every platform. */
function createRandom(initial: number) {
  let state = initial >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (below: number): number => Math.floor(next() * below);
  const pick = <T>(items: readonly T[]): T => {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[int(items.length)] as T;
  };
  const chance = (p: number): boolean => next() < p;
  return { next, int, pick, chance };
}
type Random = ReturnType<typeof createRandom>;

const hostileStrings: readonly string[] = [
  '', ' ', '\t\n', 'the', 'Putin Trump Alaska', 'harbour',
  // lunr's measured failure modes (SECURITY.md)
  'budget~20', 'budget~100', 'abcdefghijklmnopqrst~5', 'budget~', 'budget~-1', 'budget~1e9', '~', '-', '+', '*', '**', '-*', '+*',
  'title:', 'php:', 'Title:x', 'title:*', '*:*', 'a*', 'x~2*', '"', '"unterminated', '""', '" "', '((((', ')', 'OR', 'a OR', 'OR OR OR',
  'date:', 'date:2025-13-45', 'date:9999999999', 'date:2025..', 'date:..', 'after:x', 'before:0000', 'source:', 'speaker:""', 'in:', 'in:quotes',
  'lang:xx', 'language:../../', '-source:bbc -author:x -speaker:y', 'in:quotes "we will"',
  // numbers and look-alikes
  '9007199254740993', '123n', '0x1f', '1e400', 'NaN', 'Infinity', '-0', '08', '٣',
  // paths and URLs
  '../../etc/passwd', '..%2f..%2fetc%2fpasswd', '/etc/passwd', '/proc/self/environ', '..\\..\\windows\\win.ini', 'C:\\Windows\\System32',
  'file:///etc/passwd', '\\\\server\\share', '~/.ssh/id_rsa', 'content/../package.json', 'index.html',
  // prototype keys
  '__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', '__defineGetter__', 'valueOf',
  // control characters and unicode
  '\0', 'a\0b', '\0'.repeat(64), '%00', '\u202etxt.exe', '\u200b\u200c\u200d\ufeff', '\ud800', '\udfff\ud800', 'e\u0301'.repeat(50),
  'санкции', 'café', 'Ελλάδα', 'القدس', '東京 大阪', '😀🏳️‍🌈👩‍👩‍👧', '\u{10ffff}', 'İstanbul ı', 'ß ẞ ﬃ',
  // markup and injection-shaped text
  '<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '${process.exit(1)}', "'; DROP TABLE articles; --", '{{7*7}}',
  '%s%s%s%n', '\r\nSet-Cookie: x=1',
];

function randomUnicode(random: Random, length: number): string {
  let text = '';
  for (let i = 0; i < length; i += 1) {
    const kind = random.int(6);
    const code =
      kind === 0 ? random.int(0x80)
      : kind === 1 ? 0x80 + random.int(0x780)
      : kind === 2 ? 0x800 + random.int(0xd000)
      : kind === 3 ? 0xd800 + random.int(0x800) // lone surrogates
      : kind === 4 ? 0x10000 + random.int(0x100000)
      : 0x20 + random.int(0x5f);
    text += String.fromCodePoint(code);
  }
  return text;
}

function randomString(random: Random): string {
  switch (random.int(8)) {
    case 0:
    case 1:
    case 2:
      return random.pick(hostileStrings);
    case 3:
      return randomUnicode(random, random.int(40));
    case 4: {
      // Several hostile pieces run together: the parser sees them in one query.
      const parts = Array.from({ length: 1 + random.int(6) }, () => random.pick(hostileStrings));
      return parts.join(random.pick([' ', '', ' OR ', ' -', ':', '~', '*']));
    }
    case 5:
      // Long and huge: around every size limit (1000-character queries, 10 000 at the boundary, 64 KiB requests).
      return random.pick(['a', 'é', '~', '*', '"', 'budget~2 ', '\0', '😀']).repeat(random.pick([999, 1000, 1001, 9_999, 10_000, 10_001, 40_000, maxRequestBytes]));
    case 6:
      return `${random.pick(hostileStrings)}~${random.pick(['0', '1', '2', '3', '20', '100', '-5', '1.5', 'x'])}`;
    default:
      return Array.from({ length: 1 + random.int(40) }, () => random.pick(['term', 'budget', 'x', 'sanctions', 'a', 'mayor', 'said'])).join(' ');
  }
}

function randomNumber(random: Random): number {
  return random.pick([
    0, -0, 1, 2, 50, 499, 500, 501, 1000, 1001, -1, 0.5, 1.5, NaN, Infinity, -Infinity, Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER + 2,
    Number.MIN_SAFE_INTEGER, Number.MAX_VALUE, Number.MIN_VALUE, Number.EPSILON, 2 ** 31, 2 ** 32, -(2 ** 31), 1e21,
    random.int(2000) - 500, random.next() * 1e6,
  ]);
}

const requestKeys = ['query', 'limit', 'sort', 'id', 'speaker', 'action'];
const hostileKeys = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', '__defineSetter__', 'then', 'path', 'file', '', ' query', 'Query', '\0', '💥'];

/** A value that prototype pollution would write, nested under `__proto__` or `constructor.prototype`. */
function pollutionAttempt(random: Random): Record<string, unknown> {
  const payload = { polluted: 'yes', query: 'polluted', limit: 1, isAdmin: true };
  // JSON.parse makes `__proto__` an own key, as a renderer's structured clone delivers it.
  return random.chance(0.5)
    ? (JSON.parse(`{"__proto__": ${JSON.stringify(payload)}, "query": "x"}`) as Record<string, unknown>)
    : (JSON.parse(`{"constructor": {"prototype": ${JSON.stringify(payload)}}, "query": "x"}`) as Record<string, unknown>);
}

/** Deep nesting, in an object or an array, to a random depth (some deeper than JSON.stringify's stack). */
function deepValue(random: Random): unknown {
  const depth = random.pick([10, 64, 65, 1000, 20_000]);
  let value: unknown = random.pick(['leaf', 1, null]);
  const asArray = random.chance(0.5);
  for (let i = 0; i < depth; i += 1) value = asArray ? [value] : { query: value };
  return value;
}

function randomValue(random: Random, depth: number): unknown {
  const kind = depth > 3 ? random.int(8) : random.int(16);
  switch (kind) {
    case 0:
    case 1:
    case 2:
      return randomString(random);
    case 3:
    case 4:
      return randomNumber(random);
    case 5:
      return random.pick([null, undefined, true, false]);
    case 6:
      return random.pick([10n, -(2n ** 70n), 0n]);
    case 7:
      return random.pick([new Date(NaN), new Date(0), /a+$/, new Uint8Array([0, 255]), new ArrayBuffer(8), new Error('boom'), new Map([['query', 'x']]), new Set(['x'])]);
    case 8:
    case 9:
      return Array.from({ length: random.int(6) }, () => randomValue(random, depth + 1));
    case 10:
      return pollutionAttempt(random);
    case 11:
      return deepValue(random);
    case 12: {
      const bare = Object.create(null) as Record<string, unknown>;
      bare[random.pick(requestKeys)] = randomValue(random, depth + 1);
      return bare;
    }
    case 13:
      // An object whose fields are inherited, not its own.
      return Object.create({ query: 'inherited', id: realIds[0] ?? 'x' }) as unknown;
    default: {
      const record: Record<string, unknown> = {};
      const count = random.int(5);
      for (let i = 0; i < count; i += 1) {
        const key = random.chance(0.7) ? random.pick(requestKeys) : random.pick(hostileKeys);
        // defineProperty, so that `__proto__` becomes an own key rather than the prototype.
        Object.defineProperty(record, key, { value: randomValue(random, depth + 1), enumerable: true, writable: true, configurable: true });
      }
      return record;
    }
  }
}

/** A request for `method`: mostly the right shape with hostile values (so it gets deep), else anything. */
function randomRequest(random: Random, method: ApiMethod): unknown {
  if (random.chance(0.3)) return randomValue(random, 0);
  const field = (name: string, p: number, value: () => unknown): Record<string, unknown> => (random.chance(p) ? { [name]: value() } : {});
  const queryValue = (): unknown => (random.chance(0.85) ? randomString(random) : randomValue(random, 1));
  const limitValue = (): unknown => (random.chance(0.8) ? randomNumber(random) : randomValue(random, 1));
  switch (method) {
    case 'status':
      return random.chance(0.6) ? {} : { [random.pick([...requestKeys, ...hostileKeys])]: randomValue(random, 1) };
    case 'search':
      return {
        query: queryValue(),
        ...field('limit', 0.4, limitValue),
        ...field('sort', 0.3, () => (random.chance(0.6) ? random.pick(['relevance', 'newest', 'oldest']) : randomValue(random, 1))),
      };
    case 'article':
      return {
        id: random.chance(0.4) ? random.pick(realIds) : random.chance(0.8) ? randomString(random) : randomValue(random, 1),
        ...field('query', 0.6, queryValue),
      };
    case 'quotes':
      return {
        ...field('query', 0.6, queryValue),
        ...field('speaker', 0.4, () => (random.chance(0.85) ? randomString(random) : randomValue(random, 1))),
        ...field('limit', 0.3, limitValue),
      };
    case 'speakers':
      return {
        ...field('query', 0.5, queryValue),
        ...field('limit', 0.3, limitValue),
        ...field('offset', 0.2, limitValue),
      };
    case 'person':
      return {
        id: random.chance(0.8) ? randomString(random) : randomValue(random, 1),
        ...field('query', 0.4, queryValue),
      };
    case 'showFile':
      return {
        id: random.chance(0.4) ? random.pick(realIds) : random.chance(0.8) ? randomString(random) : randomValue(random, 1),
        action: random.chance(0.7) ? random.pick(['open', 'reveal']) : randomValue(random, 1),
      };
    case 'corrections':
      return random.chance(0.6) ? {} : { [random.pick([...requestKeys, ...hostileKeys])]: randomValue(random, 1) };
    case 'correct':
      return random.chance(0.8) ? { change: randomChange(random) } : { change: randomValue(random, 1), ...field('id', 0.3, queryValue) };
    case 'undoCorrection':
      return { id: random.chance(0.8) ? randomString(random) : randomValue(random, 1) };
    case 'verify':
      return {
        claim: queryValue(),
        ...field('speaker', 0.3, () => (random.chance(0.85) ? randomString(random) : randomValue(random, 1))),
        ...field('limit', 0.3, limitValue),
      };
  }
}

/** A correction's change: of a real quote or not, of each type, with a hostile value here and there. */
function randomChange(random: Random): unknown {
  const quote = random.chance(0.5) ? random.pick(realQuotes) : { id: randomString(random), text: randomString(random) };
  const text = (): unknown => (random.chance(0.9) ? randomString(random) : randomValue(random, 1));
  switch (random.int(4)) {
    case 0:
      return { type: 'speaker', quoteId: quote.id, quoteText: quote.text, speakerId: random.chance(0.5) ? null : text(), speakerName: text() };
    case 1:
      return { type: 'not-quote', quoteId: quote.id, quoteText: random.chance(0.8) ? quote.text : text() };
    case 2:
      return { type: 'merge', into: text(), from: text() };
    default:
      return { type: random.chance(0.9) ? 'split' : text(), speakerId: text(), alias: text() };
  }
}

/** The arguments of one call: usually one request, sometimes none or several (only one is allowed). */
function randomArguments(random: Random, method: ApiMethod): unknown[] {
  const roll = random.next();
  if (roll < 0.03) return [];
  if (roll < 0.06) return [randomRequest(random, method), randomRequest(random, method)];
  return [randomRequest(random, method)];
}

function preview(args: readonly unknown[]): string {
  return inspect(args, { depth: 3, maxStringLength: 60, maxArrayLength: 4, breakLength: Infinity }).slice(0, 300);
}

// --- checks -----------------------------------------------------------------------------------------

/** Why `reply` is not an acceptable answer to a call from the app, or null when it is. */
function problemWith(reply: unknown): string | null {
  if (typeof reply !== 'object' || reply === null) return `answered ${inspect(reply)}, not a Result`;
  const result = reply as { ok?: unknown; value?: unknown; error?: unknown };
  if (result.ok === true) return 'value' in result ? null : 'ok:true without a value';
  if (result.ok !== false) return `answered ${preview([reply])}, not a Result`;
  const error = result.error as { code?: unknown; message?: unknown } | undefined;
  if (typeof error !== 'object' || error === null || typeof error.code !== 'string' || typeof error.message !== 'string') {
    return `ok:false without an { code, message } error: ${preview([reply])}`;
  }
  if (!expectedCodes.has(error.code)) return `failed with code "${error.code}": ${error.message.slice(0, 300)}`;
  return null;
}

/** Calls `listener` and settles within `callTimeoutMs`: the reply, or how the call misbehaved. */
async function call(listener: Listener, event: IpcMainInvokeEvent, args: unknown[]): Promise<{ reply: unknown } | { misbehaved: string }> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<{ misbehaved: string }>((resolve) => {
    timer = setTimeout(() => resolve({ misbehaved: `no answer within ${callTimeoutMs} ms` }), callTimeoutMs);
  });
  try {
    const answered = listener(event, ...args).then(
      (reply) => ({ reply }),
      (error: unknown) => ({ misbehaved: `rejected: ${error instanceof Error ? error.stack ?? error.message : String(error)}` }),
    );
    return await Promise.race([answered, timeout]);
  } catch (error) {
    return { misbehaved: `threw synchronously: ${error instanceof Error ? error.message : String(error)}` };
  } finally {
    clearTimeout(timer);
  }
}

/** Object.prototype's and Array.prototype's own properties, to compare before and after. */
function prototypeSnapshot(): Map<string, unknown> {
  const snapshot = new Map<string, unknown>();
  for (const [name, proto] of [['Object', Object.prototype], ['Array', Array.prototype]] as const) {
    for (const key of Reflect.ownKeys(proto)) {
      const descriptor = Object.getOwnPropertyDescriptor(proto, key);
      snapshot.set(`${name}.prototype.${String(key)}`, descriptor?.value ?? descriptor?.get);
    }
  }
  return snapshot;
}

function prototypeChanges(before: Map<string, unknown>): string[] {
  const after = prototypeSnapshot();
  const changes: string[] = [];
  for (const [key, value] of after) {
    if (!before.has(key)) changes.push(`${key} was added`);
    else if (before.get(key) !== value) changes.push(`${key} was replaced`);
  }
  for (const key of before.keys()) if (!after.has(key)) changes.push(`${key} was removed`);
  const probe = {} as Record<string, unknown>;
  for (const key of ['polluted', 'isAdmin', 'query', 'limit', 'id']) {
    if (probe[key] !== undefined) changes.push(`({}).${key} is ${inspect(probe[key])}`);
  }
  return changes;
}

// --- tests ------------------------------------------------------------------------------------------

describe(`IPC fuzz (seed ${seed}, ${rounds} calls; replay with VERBATIM_FUZZ_SEED=${seed})`, () => {
  it('answers every call from the app main frame with a Result, failing only as invalid-argument, bad-query or not-found', async () => {
    const random = createRandom(seed);
    const before = prototypeSnapshot();
    const failures: string[] = [];
    const codes = new Map<string, number>();
    let succeeded = 0;
    const batch = 8;
    for (let start = 0; start < rounds; start += batch) {
      // A few calls at once, as a renderer typing fast would make them.
      const cases = Array.from({ length: Math.min(batch, rounds - start) }, (_v, i) => {
        const method = random.pick(apiMethods);
        return { index: start + i, method, args: randomArguments(random, method) };
      });
      const outcomes = await Promise.all(cases.map((c) => call(listenerFor(c.method), eventFrom(appMainFrame()), c.args)));
      outcomes.forEach((outcome, i) => {
        const c = cases[i];
        if (c === undefined) return;
        const problem = 'misbehaved' in outcome ? outcome.misbehaved : problemWith(outcome.reply);
        if (problem !== null) {
          failures.push(`#${c.index} ${c.method}(${preview(c.args)}): ${problem}`);
          return;
        }
        const reply = (outcome as { reply: { ok: boolean; error?: { code: string } } }).reply;
        if (reply.ok) succeeded += 1;
        else codes.set(reply.error?.code ?? '?', (codes.get(reply.error?.code ?? '?') ?? 0) + 1);
      });
      const polluted = prototypeChanges(before);
      if (polluted.length > 0) {
        failures.push(`prototype changed after call #${start + batch - 1}: ${polluted.join('; ')}`);
        break;
      }
    }
    console.log(`IPC fuzz, seed ${seed}: ${rounds} calls, ${succeeded} ok, failures by code ${inspect(Object.fromEntries(codes))}`);
    expect(failures.slice(0, 25), `${failures.length} calls misbehaved (replay with VERBATIM_FUZZ_SEED=${seed})`).toEqual([]);
    expect(prototypeChanges(before)).toEqual([]);
    // The fuzz reached the library, not only the argument checks: some calls succeeded, some were refused.
    expect(succeeded).toBeGreaterThan(rounds / 20);
    expect(codes.get('invalid-argument') ?? 0).toBeGreaterThan(rounds / 20);
    for (const method of apiMethods) expect(reached[method]).toBeGreaterThan(0);
    // Whatever was asked, only the archive's own files were handed to the shell.
    expect(openedFiles.length).toBeGreaterThan(0);
    for (const file of openedFiles) expect(path.relative(content, file)).not.toMatch(/^\.\.|^\//);
  }, 600_000);

  it.each(untrustedSenders)('answers every call from %s with forbidden and never reaches a handler', async (name, makeFrame) => {
    const random = createRandom(seed ^ name.length);
    const before = { ...reached };
    const failures: string[] = [];
    for (let index = 0; index < 200; index += 1) {
      const method = random.pick(apiMethods);
      // Well-formed requests too: a forbidden sender must be refused whatever it asks.
      const args = random.chance(0.5) ? [{ search: { query: 'the' }, article: { id: realIds[0] }, quotes: {}, speakers: {}, person: { id: 'x' }, status: {}, showFile: { id: realIds[0], action: 'open' }, corrections: {}, correct: { change: { type: 'merge', into: 'a', from: 'b' } }, undoCorrection: { id: 'x' }, verify: { claim: 'we will rebuild the town' } }[method]] : randomArguments(random, method);
      const outcome = await call(listenerFor(method), eventFrom(makeFrame()), args);
      if ('misbehaved' in outcome) {
        failures.push(`#${index} ${method}(${preview(args)}): ${outcome.misbehaved}`);
        continue;
      }
      const reply = outcome.reply as { ok?: unknown; error?: { code?: unknown } };
      if (reply.ok !== false || reply.error?.code !== 'forbidden') failures.push(`#${index} ${method}(${preview(args)}): answered ${preview([reply])}`);
    }
    expect(failures.slice(0, 25), `calls from ${name} that were not refused (seed ${seed})`).toEqual([]);
    expect(reached).toEqual(before);
  }, 120_000);
});
