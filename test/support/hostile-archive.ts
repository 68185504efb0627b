// Test support: an archive of generated hostile files (deep nesting, long runs, quote floods, broken
// encodings, binary junk) beside a few good ones, the same for the same seed. Used by the property test
// (test/core/archive/hostile-archive.test.ts) and by scripts/measure-hostile.mjs, which measures peak memory.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** A file written into the archive; `marker` is a word only it holds, null when no reader can find one. */
export interface GeneratedFile {
  path: string;
  marker: string | null;
  kind: string;
}

export interface HostileArchive {
  good: GeneratedFile[];
  hostile: GeneratedFile[];
}

/** mulberry32: small, fast, and the same sequence for the same seed on every platform. */
export function seededRandom(seed: number): { next(): number; int(below: number): number; between(low: number, high: number): number } {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (below: number): number => Math.floor(next() * below);
  return { next, int, between: (low, high) => low + int(high - low + 1) };
}

type Random = ReturnType<typeof seededRandom>;

/** A word of letters only (lunr keeps it whole), unique per file. */
function markerWord(random: Random, n: number): string {
  let word = 'zq';
  for (let i = 0; i < 8; i += 1) word += String.fromCharCode(0x61 + random.int(26));
  return `${word}x${String.fromCharCode(0x61 + (n % 26))}`;
}

const page = (title: string, body: string): string => `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title></head><body>${body}</body></html>`;
const sentence = 'The council met on Tuesday to discuss the harbour wall.';

/** Each makes one hostile file's name and bytes around `marker`. */
const hostileKinds: Record<string, (random: Random, marker: string) => { ext: string; bytes: Buffer | string } | { ext: string; bytes: Buffer; unfindable: true }> = {
  'deep nesting': (random, marker) => {
    const tag = ['div', 'span', 'section', 'b'][random.int(4)] ?? 'div';
    const depth = random.between(150, 30_000);
    return { ext: '.html', bytes: page(`Deep ${marker}`, `${`<${tag}>`.repeat(depth)}<p>${marker} ${sentence}</p>${`</${tag}>`.repeat(depth)}`) };
  },
  'unclosed nesting': (random, marker) => ({ ext: '.html', bytes: page(`Unclosed ${marker}`, `${'<div><p>'.repeat(random.between(200, 20_000))}${marker} ${sentence}`) }),
  'element flood': (random, marker) => ({ ext: '.html', bytes: page(`Wide ${marker}`, `<ul>${'<li><a href="#">x</a></li>'.repeat(random.between(10_500, 30_000))}</ul><p>${marker}</p>`) }),
  'unbalanced attribute': (random, marker) => ({ ext: '.html', bytes: page(`Attribute ${marker}`, `<p title="${'>'.repeat(random.between(1000, 100_000))}<p>${marker} ${sentence}</p>`) }),
  'long run': (random, marker) => ({ ext: '.txt', bytes: `Run ${marker}\n\n${'ab'.repeat(random.between(10_000, 500_000))}\n\n${sentence}\n` }),
  'long line': (random, marker) => ({ ext: '.txt', bytes: `${`${marker} word `.repeat(random.between(10_000, 100_000))}\n\n${sentence}\n` }),
  'quote flood': (random, marker) => ({ ext: '.txt', bytes: `Flood ${marker}\n\n${'"Yes," he said. '.repeat(random.between(1000, 20_000))}\n` }),
  'quote marks without an end': (random, marker) => ({ ext: '.txt', bytes: `Open ${marker}\n\n${'\u201cNo, '.repeat(random.between(1000, 20_000))}said Ruiz.\n` }),
  'combining marks': (random, marker) => ({ ext: '.md', bytes: `# Zalgo ${marker}\n\nA${'\u0301\u0327\u200d'.repeat(random.between(1000, 50_000))} ${sentence}\n` }),
  'broken UTF-8': (random, marker) => {
    const junk = Buffer.from(Array.from({ length: random.between(100, 5000) }, () => [0xc3, 0x28, 0x80, 0xe2, 0x82, 0xf0, 0xff, 0x41][random.int(8)] ?? 0x41));
    return { ext: '.txt', bytes: Buffer.concat([Buffer.from(`Broken ${marker}\n\n${sentence} `), junk, Buffer.from('\n')]) };
  },
  'UTF-16 without a mark': (_random, marker) => ({ ext: '.txt', bytes: Buffer.from(`Sixteen ${marker}\n\n${sentence}\n`, 'utf16le') }),
  'deep JSON': (random, marker) => {
    const depth = random.between(1000, 200_000);
    return { ext: '.json', bytes: `{"title":"Deep JSON ${marker}","maintext":"${sentence}","extra":${'['.repeat(depth)}${']'.repeat(depth)}}` };
  },
  'HTML inside JSON': (random, marker) => ({ ext: '.jsonl', bytes: `${JSON.stringify({ title: `Feed ${marker}`, maintext: `${'<div>'.repeat(random.between(200, 50_000))}<p>${sentence}</p>` })}\n{"title": broken\n` }),
  'YAML alias bomb': (_random, marker) => ({
    ext: '.md',
    bytes: `---\na: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: [*d,*d,*d,*d,*d,*d,*d,*d,*d]\ntitle: Bomb ${marker}\n---\n\n${sentence}\n`,
  }),
  'binary junk': (random) => ({ ext: ['.txt', '.html', '.json', '.md'][random.int(4)] ?? '.txt', bytes: Buffer.from(Array.from({ length: random.between(10, 100_000) }, () => random.int(256))), unfindable: true }),
};

/** The kinds of hostile file `writeHostileArchive` makes, each at least once. */
export const hostileKindNames: readonly string[] = Object.keys(hostileKinds);

/**
 * Writes into `dir` one of each hostile kind (with sizes drawn from `seed`), `extra` more of random kinds,
 * and good files: four texts, a saved page and a Markdown note, each with its own marker word.
 */
export function writeHostileArchive(dir: string, seed: number, extra = 6): HostileArchive {
  const random = seededRandom(seed);
  const good: GeneratedFile[] = [];
  const hostile: GeneratedFile[] = [];
  let n = 0;
  const write = (folder: string, name: string, bytes: Buffer | string): string => {
    mkdirSync(path.join(dir, folder), { recursive: true });
    writeFileSync(path.join(dir, folder, name), bytes);
    return `${folder}/${name}`;
  };
  for (let i = 0; i < 4; i += 1) {
    const marker = markerWord(random, n++);
    good.push({ kind: 'text', marker, path: write('good', `story-${i}.txt`, `Harbour story ${i} ${marker}\n\n${sentence}\n\n"We will rebuild," the mayor said.\n`) });
  }
  const pageMarker = markerWord(random, n++);
  good.push({ kind: 'page', marker: pageMarker, path: write('good', 'page.html', page(`Harbour page ${pageMarker}`, `<article><h1>Harbour page</h1><p>${sentence} ${pageMarker}</p></article>`)) });
  const noteMarker = markerWord(random, n++);
  good.push({ kind: 'note', marker: noteMarker, path: write('good', 'note.md', `---\ntitle: Harbour note ${noteMarker}\ndate: 2024-05-01\n---\n\n${sentence}\n`) });

  const kinds = [...hostileKindNames, ...Array.from({ length: extra }, () => hostileKindNames[random.int(hostileKindNames.length)] ?? 'binary junk')];
  for (const [i, kind] of kinds.entries()) {
    const marker = markerWord(random, n++);
    const made = hostileKinds[kind]?.(random, marker);
    if (made === undefined) continue;
    const file = write('hostile', `${String(i).padStart(2, '0')}-${kind.replace(/\W+/g, '-').toLowerCase()}${made.ext}`, made.bytes);
    hostile.push({ kind, path: file, marker: 'unfindable' in made ? null : marker });
  }
  return { good, hostile };
}
