// The dependency rule of ARCHITECTURE.md, checked on every import of every source file.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '..');

interface ImportRef {
  file: string;
  specifier: string;
  typeOnly: boolean;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(root, dir), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts'))
    .map((e) => path.relative(root, path.join(e.parentPath, e.name)).split(path.sep).join('/'));
}

function importsOf(file: string): ImportRef[] {
  const text = readFileSync(path.join(root, file), 'utf8');
  const refs: ImportRef[] = [];
  const pattern = /^\s*(import|export)\s+(type\s+)?(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]/gm;
  for (const m of text.matchAll(pattern)) refs.push({ file, specifier: m[3] ?? '', typeOnly: m[2] !== undefined });
  for (const m of text.matchAll(/\b(?:import|require)\(\s*['"]([^'"]+)['"]\s*\)/g)) {
    refs.push({ file, specifier: m[1] ?? '', typeOnly: false });
  }
  return refs;
}

/** Which top-level area a repo-relative path belongs to. */
function areaOf(repoPath: string): string {
  const parts = repoPath.split('/');
  if (parts[0] === 'main') return `main/${parts[1] ?? ''}`;
  return parts[0] ?? '';
}

function target(ref: ImportRef): { area: string; path: string } | { package: string } {
  if (!ref.specifier.startsWith('.')) return { package: ref.specifier.startsWith('node:') ? 'node:' : ref.specifier };
  const resolved = path.posix.normalize(path.posix.join(path.posix.dirname(ref.file), ref.specifier));
  return { area: areaOf(resolved), path: resolved };
}

const corePackages = new Set(['node:', 'lunr', 'lunr-languages', 'yaml', 'chardet', 'franc', 'linkedom', '@mozilla/readability', 'papaparse', 'yauzl', 'pdfjs-dist']);
/** The renderer's one library (bundled into app.js): uPlot draws the person page's timeline (issue 16). */
const rendererPackages = new Set(['uplot']);

/** The package a specifier names: `lunr-languages/lunr.ru.js` -> `lunr-languages`, `@scope/a/b` -> `@scope/a`. */
function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? specifier);
}

/**
 * The layers inside core, lowest first: a module may import its own folder and the folders of lower layers
 * only (as VS Code's layer lint does). Shared helpers, then readers of files and of quotes, the index built
 * from them, search over the index, the engine that runs searches in a worker, and the library facade.
 */
const coreLayers: readonly (readonly string[])[] = [
  ['util', 'errors', 'result-limits'],
  ['archive', 'quotes', 'corrections'],
  ['index'],
  ['search', 'verify'],
  ['engine'],
  ['library'],
];

/** `main/core/search/x.ts` -> `search`; `main/core/library.ts` -> `library`. */
function coreFolder(repoPath: string): string {
  return (repoPath.split('/')[2] ?? '').replace(/\.(ts|js)$/, '');
}

function coreLayerOf(folder: string): number {
  return coreLayers.findIndex((layer) => layer.includes(folder));
}

/** Inside core: may a module of `from` import one of `to`? */
function coreViolation(fromPath: string, toPath: string): string | null {
  const from = coreFolder(fromPath);
  const to = coreFolder(toPath);
  if (from === to) return null;
  const [a, b] = [coreLayerOf(from), coreLayerOf(to)];
  if (a < 0 || b < 0) return `main/core/${a < 0 ? from : to} is in no layer of coreLayers`;
  return b < a ? null : `core's ${from} may import only lower layers (${coreLayers.slice(0, a).flat().join(', ') || 'none'}), not ${to}`;
}

/** For each area: may it import this reference? Returns the reason when not. */
function violation(ref: ImportRef): string | null {
  const from = areaOf(ref.file);
  const to = target(ref);
  if ('package' in to) {
    if (from === 'main/core' && !corePackages.has(packageName(to.package))) return `core may import only node:* and its parsing libraries (${[...corePackages].join(', ')})`;
    if (from === 'renderer' && !rendererPackages.has(packageName(to.package))) return `the renderer imports no packages but ${[...rendererPackages].join(', ')}`;
    if (from === 'main/contract' || from === 'main/common') return `${from} imports no packages`;
    if (from === 'main/transport' && to.package !== 'node:') return 'the transport layer imports only node:*';
    if (from === 'main/preload' && to.package !== 'electron') return 'the preload imports only electron';
    if ((from === 'main/server' || from === 'main/cli') && to.package === 'electron') return `${from} must run without Electron`;
    return null;
  }
  if (to.area === from) return from === 'main/core' ? coreViolation(ref.file, to.path) : null;
  if (from === 'main/common') return to.area === 'main/contract' && ref.typeOnly ? null : 'main/common imports nothing but itself and contract types';
  if (from === 'main/contract') return 'the contract (API and model types) imports nothing but itself';
  if (to.area === 'main/contract') return ref.typeOnly ? null : 'the contract is imported for types only';
  // Pure code that runs anywhere (the query lexer): every layer, the renderer included, may use it.
  if (to.area === 'main/common') return null;
  if (from === 'main/core') return `core imports nothing above it`;
  if (from === 'renderer' || from === 'main/preload') return `${from} may import only contract types`;
  // The transport-facing code (request validation, the UI's files and CSP) serves IPC and HTTP alike.
  if (from === 'main/transport') return to.area === 'main/core' ? null : 'the transport layer may import only core';
  if (['main/shell', 'main/server', 'main/cli'].includes(from)) {
    if (to.area === 'main/core' || to.area === 'main/transport') return null;
    if (from === 'main/cli' && to.area === 'main/server') return null;
    return `${from} may import only core, transport and contract`;
  }
  return null;
}

describe('the dependency rule', () => {
  const files = [...sourceFiles('main'), ...sourceFiles('renderer')];
  const refs = files.flatMap(importsOf);

  it('finds the sources it checks', () => {
    expect(files.length).toBeGreaterThan(20);
    expect(refs.some((r) => r.file.startsWith('main/core/') && r.specifier === 'lunr')).toBe(true);
  });

  it('holds for every import', () => {
    const broken = refs.flatMap((ref) => {
      const why = violation(ref);
      return why === null ? [] : [`${ref.file} imports ${ref.specifier}: ${why}`];
    });
    expect(broken).toEqual([]);
  });

  it.each([
    ['main/core/x.ts', '../shell/ipc.js', false],
    ['main/core/x.ts', 'electron', false],
    ['renderer/app.ts', '../main/core/library.js', false],
    ['main/preload/preload.ts', 'node:fs', false],
    ['main/server/x.ts', 'electron', false],
    ['main/shell/x.ts', '../contract/api.js', false],
    ['main/common/x.ts', '../contract/model.js', false],
    ['main/common/x.ts', '../core/errors.js', true],
    ['main/contract/api.ts', '../core/errors.js', true],
    ['main/core/x.ts', '../transport/api-handlers.js', false],
    ['main/transport/x.ts', '../shell/ipc.js', false],
    ['main/core/search/x.ts', '../engine/shard-engine.js', false],
    ['main/core/index/x.ts', '../search/parse-query.js', true],
    ['main/core/archive/x.ts', '../quotes/tokenize-body.js', false],
    ['main/core/util/x.ts', '../errors.js', false],
    ['main/core/newfolder/x.ts', '../util/lru.js', false],
    ['main/common/x.ts', 'node:fs', false],
    ['main/contract/api.ts', '../common/lex-query.js', false],
    ['renderer/app.ts', 'lunr', false],
  ])('rejects %s importing %s', (file, specifier, typeOnly) => {
    expect(violation({ file, specifier, typeOnly })).not.toBeNull();
  });

  it.each([
    ['main/core/search/parse-query.ts', '../../common/lex-query.js'],
    ['renderer/query-text.ts', '../main/common/lex-query.js'],
    ['main/core/library/open-archive.ts', '../engine/engine-pool.js'],
    ['main/core/search/x.ts', '../index/compact-index.js'],
    ['main/core/library.ts', './library/open-archive.js'],
    ['main/transport/api-handlers.ts', '../core/library.js'],
    ['main/shell/ipc.ts', '../transport/api-handlers.js'],
    ['renderer/views/timeline-chart.ts', 'uplot'],
  ])('lets %s import %s', (file, specifier) => {
    expect(violation({ file, specifier, typeOnly: false })).toBeNull();
  });
});
