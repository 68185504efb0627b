// Builds Verbatim into dist/: the Electron main and preload, the CLI, the index and page workers (with pdfjs's
// font data) and the renderer.
import { build } from 'esbuild';
import { cp, mkdir, rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const dist = path.join(root, 'dist');
const from = (p) => path.join(root, p);

await rm(dist, { recursive: true, force: true });
await mkdir(path.join(dist, 'renderer'), { recursive: true });

const node = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: 'linked',
  logLevel: 'warning',
  // Electron is provided by the runtime; everything else is bundled so the package needs no node_modules.
  external: ['electron'],
};

/**
 * The readers of article files (read-archive.ts and the parsers it uses: linkedom, Readability, yaml, chardet,
 * Papa Parse, franc's data; 1.7 MB of the 2.7 MB the command line's bundle was) are a bundle of their own,
 * `dist/read-archive.cjs`, which the other bundles load on the first file they read: a command on a warm
 * cache, and the app opening one, never load it (issue 19: reading and compiling it took ~100 ms of every
 * command's start). In those bundles, `build-library-data.ts`'s import of the readers is this stand-in.
 */
const lazyReaders = {
  name: 'lazy-readers',
  setup(esbuild) {
    esbuild.onResolve({ filter: /\/read-archive\.js$/ }, (args) =>
      args.importer.endsWith(path.join('index', 'build-library-data.ts')) ? { path: 'read-archive', namespace: 'lazy-readers' } : undefined,
    );
    esbuild.onLoad({ filter: /.*/, namespace: 'lazy-readers' }, () => ({
      loader: 'js',
      resolveDir: dist,
      contents: [
        'let readers;',
        "const load = () => (readers ??= require(require('node:path').join(__dirname, 'read-archive.cjs')));",
        'export function readArticleFile(...args) { return load().readArticleFile(...args); }',
        'export function loadReaders() { load(); }',
      ].join('\n'),
    }));
  },
};

await Promise.all([
  build({ ...node, entryPoints: [from('main/shell/main.ts')], outfile: path.join(dist, 'main.cjs'), plugins: [lazyReaders] }),
  build({ ...node, entryPoints: [from('main/preload/preload.ts')], outfile: path.join(dist, 'preload.cjs'), sourcemap: false }),
  build({ ...node, entryPoints: [from('main/cli/main.ts')], outfile: path.join(dist, 'cli.cjs'), plugins: [lazyReaders] }),
  build({ ...node, entryPoints: [from('main/core/engine/index-worker.ts')], outfile: path.join(dist, 'index-worker.cjs'), plugins: [lazyReaders] }),
  build({ ...node, entryPoints: [from('main/core/archive/read-archive.ts')], outfile: path.join(dist, 'read-archive.cjs') }),
  // A one-shot command's folder walk, in a thread of its own while the command reads its caches (core/archive/walk-in-thread.ts).
  build({ ...node, entryPoints: [from('main/core/archive/walk-worker.ts')], outfile: path.join(dist, 'walk-worker.cjs') }),
  // Saved pages, PDFs and zips are read in a thread of their own, stopped when one takes too long
  // (core/archive/page-reader.ts). pdfjs asks `import.meta.url` for its `require`: this bundle's own URL.
  build({
    ...node,
    entryPoints: [from('main/core/archive/page-worker.ts')],
    outfile: path.join(dist, 'page-worker.cjs'),
    define: { 'import.meta.url': 'importMetaUrl' },
    banner: { js: 'const importMetaUrl = require("node:url").pathToFileURL(__filename).href;' },
  }),
  // pdfjs's CMaps and standard fonts, which CJK and Cyrillic text in PDFs need (core/archive/pdf-text.ts).
  cp(from('node_modules/pdfjs-dist/cmaps'), path.join(dist, 'pdfjs', 'cmaps'), { recursive: true }),
  cp(from('node_modules/pdfjs-dist/standard_fonts'), path.join(dist, 'pdfjs', 'standard_fonts'), { recursive: true }),
  build({
    bundle: true,
    platform: 'browser',
    target: 'chrome130',
    format: 'iife',
    sourcemap: false,
    logLevel: 'warning',
    entryPoints: [from('renderer/app.ts')],
    outfile: path.join(dist, 'renderer', 'app.js'),
  }),
  // One stylesheet, as the CSP and index.html expect: styles.css @imports each view's CSS in cascade order.
  build({
    bundle: true,
    target: 'chrome130',
    logLevel: 'warning',
    entryPoints: [from('renderer/styles.css')],
    outfile: path.join(dist, 'renderer', 'styles.css'),
  }),
  cp(from('renderer/index.html'), path.join(dist, 'renderer', 'index.html')),
]);
