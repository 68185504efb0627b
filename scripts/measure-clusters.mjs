// Measures what clustering the archive's quotations costs (issue 17): extracts every quote of the corpus (not
// timed), then times, in one thread, the words each quote clusters by and the clustering itself, at x1 and
// with the quotes repeated `--scale` times (the bench's scaled copies repeat every quotation so), and the JSON
// sent between threads. Numbers for the report, never a test; `npm run bench` times the people's resolution,
// clusters included ("speakers, first after warm open").
//
//   node scripts/measure-clusters.mjs [--corpus ../shared/corpora/bbc] [--scale 10]
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const option = (name, fallback) => {
  const at = process.argv.indexOf(`--${name}`);
  return at === -1 ? fallback : process.argv[at + 1];
};
const corpus = path.resolve(option('corpus', path.join(root, '..', 'shared', 'corpora', 'bbc')));
const scale = Number(option('scale', '10'));

const probe = `
import { readDocuments } from './scripts/bench/common.mjs';
import { extractQuotes } from './main/core/quotes/extract-quotes.ts';
import { clusterQuotations, quotationWords } from './main/core/verify/quote-clusters.ts';
export function measure(corpus, scales) {
  const docs = readDocuments(corpus).docs;
  const quotes = docs.flatMap((doc, i) => extractQuotes({ id: 'a' + i, body: doc.body }).map((q, n) => ({ ...q, id: 'a' + i + ':' + n })));
  const rows = [];
  for (const scale of scales) {
    let started = performance.now();
    const entries = [];
    for (let copy = 0; copy < scale; copy++) {
      for (const q of quotes) entries.push({ quoteId: copy + q.id, articleId: copy + q.articleId, date: null, source: null, words: quotationWords(q) });
    }
    const wordsMs = performance.now() - started;
    started = performance.now();
    const assigned = clusterQuotations(entries);
    const clusterMs = performance.now() - started;
    const table = [...new Set(assigned.filter((a) => a !== null))];
    const at = new Map(table.map((a, i) => [a, i]));
    rows.push({
      scale,
      quotes: entries.length,
      clustered: assigned.filter((a) => a !== null).length,
      clusters: table.length,
      wordsMs: Math.round(wordsMs),
      clusterMs: Math.round(clusterMs),
      wordsJsonMb: +(JSON.stringify(entries.map((e) => e.words)).length / 1e6).toFixed(2),
      clustersJsonMb: +(JSON.stringify({ table, of: assigned.map((a) => (a === null ? -1 : at.get(a))) }).length / 1e6).toFixed(2),
    });
  }
  return { articles: docs.length, rows };
}
`;

const work = mkdtempSync(path.join(os.tmpdir(), 'verbatim-clusters-'));
try {
  const bundle = path.join(work, 'probe.mjs');
  const result = await build({ stdin: { contents: probe, resolveDir: root, loader: 'ts' }, bundle: true, platform: 'node', format: 'esm', write: false, logLevel: 'warning' });
  writeFileSync(bundle, result.outputFiles[0].text);
  const { measure } = await import(pathToFileURL(bundle).href);
  const { articles, rows } = measure(corpus, [1, scale]);
  process.stdout.write(`${corpus}: ${articles} articles\n`);
  for (const r of rows) {
    process.stdout.write(
      `x${r.scale}: ${r.quotes} quotes, ${r.clustered} in ${r.clusters} clusters; words ${r.wordsMs} ms, clustering ${r.clusterMs} ms; ` +
        `JSON between threads: words ${r.wordsJsonMb} MB, clusters ${r.clustersJsonMb} MB\n`,
    );
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
