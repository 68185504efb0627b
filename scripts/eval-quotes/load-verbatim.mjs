// Loading for eval-quotes: the real `extractQuotes` and `.txt` reader, bundled from main/ with esbuild into a
// temporary folder and imported.
import { build } from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Bundles the extractor, the `.txt` reader and person resolution from main/ and imports them. */
export async function loadVerbatim() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'verbatim-eval-'));
  const outfile = path.join(dir, 'eval-entry.mjs');
  try {
    await build({
      stdin: {
        contents: "export { extractQuotes } from './main/core/quotes/extract-quotes.js';\nexport { parseTxt } from './main/core/archive/parse-txt.js';\nexport { resolvePeople } from './main/core/quotes/people/resolve-people.js';\n",
        resolveDir: root,
        sourcefile: 'eval-entry.ts',
        loader: 'ts',
      },
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'esm',
      outfile,
      logLevel: 'warning',
    });
    return await import(pathToFileURL(outfile).href);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
