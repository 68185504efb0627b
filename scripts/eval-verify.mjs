// Scores `verify` (issue 17) on real quotations: the annotated direct quotations of PolNeAR and the Gender Gap
// Tracker in ../shared/corpora are the archive's (their articles, written to a temporary folder), changed the
// ways quotes travel; quotations of BBC articles (not in the archive) and shuffled words are the invented claims.
//
//   node scripts/eval-verify.mjs [--corpora DIR] [--limit N] [--json] [--verbose]
//
// Runs the real library (bundled from main/ with esbuild, one engine in this thread). Prints, per kind of
// claim, how often the right article comes first and the verdict is right, against the targets: right article
// first >= 95%, right verdict >= 90%, invented claims `not-found` every time. Exits 0 whatever the scores, 1 on
// an error, 2 on bad usage.
import { build } from 'esbuild';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { loadCorpora } from './eval-quotes/corpora.mjs';
import { goldOf } from './eval-quotes/gold.mjs';
import { makeClaims, seeded } from './eval-verify/claims.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const USAGE = 'usage: node scripts/eval-verify.mjs [--corpora DIR] [--limit N] [--json] [--verbose]';
const wordCount = (text) => text.split(/\s+/).filter((w) => /\w/.test(w)).length;

async function loadLibrary(dir) {
  const outfile = path.join(dir, 'eval-verify-entry.mjs');
  await build({
    stdin: { contents: "export { openLibrary } from './main/core/library.js';\nexport { parseTxt } from './main/core/archive/parse-txt.js';\n", resolveDir: root, sourcefile: 'eval-verify-entry.ts', loader: 'ts' },
    bundle: true, platform: 'node', target: 'node20', format: 'esm', outfile, logLevel: 'warning',
    // Some packages are CommonJS: a bundle in ESM gives them a require of their own.
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  });
  return import(pathToFileURL(outfile).href);
}

/** Direct quotations of 10 to 60 words in BBC articles: quotations of articles the archive does not hold. */
function bbcQuotations(bbcDir, count) {
  const found = [];
  for (const topic of readdirSync(bbcDir, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort()) {
    for (const file of readdirSync(path.join(bbcDir, topic)).sort()) {
      for (const m of readFileSync(path.join(bbcDir, topic, file), 'latin1').matchAll(/"([^"\n]{40,400})"/g)) {
        const n = wordCount(m[1]);
        if (n >= 10 && n <= 60) found.push(m[1].trim());
      }
    }
  }
  const random = seeded(17);
  return Array.from({ length: Math.min(count, found.length) }, () => found.splice(Math.floor(random() * found.length), 1)[0]);
}

async function main() {
  const { values } = parseArgs({ options: { corpora: { type: 'string' }, limit: { type: 'string' }, json: { type: 'boolean' }, verbose: { type: 'boolean' }, help: { type: 'boolean' } } });
  if (values.help) return console.log(USAGE);
  const corporaDir = path.resolve(values.corpora ?? path.join(root, '..', 'shared', 'corpora'));
  const limit = values.limit === undefined ? Infinity : Number(values.limit);
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'verbatim-eval-verify-'));
  try {
    const { openLibrary, parseTxt } = await loadLibrary(scratch);
    const corpora = loadCorpora({ corpora: ['polnear', 'ggt'], dir: corporaDir, split: 'all' }, parseTxt);
    const archiveDir = path.join(scratch, 'archive');
    const quotes = [];
    const byPath = new Map();
    for (const [corpus, docs] of Object.entries(corpora)) {
      mkdirSync(path.join(archiveDir, corpus), { recursive: true });
      for (const doc of docs) {
        const rel = `${corpus}/${doc.name}.txt`;
        writeFileSync(path.join(archiveDir, rel), `${doc.name}\n\n${doc.body}\n`);
        const list = goldOf(doc).gold.map((g) => ({ path: rel, text: g.parts.map((p) => doc.body.slice(p.start, p.end)).join(' ').trim() })).filter((q) => wordCount(q.text) >= 10 && wordCount(q.text) <= 60);
        byPath.set(rel, list);
        quotes.push(...list);
      }
    }
    const sample = quotes.slice(0, limit);
    const claims = makeClaims(sample, byPath, bbcQuotations(path.join(corporaDir, 'bbc'), Math.min(200, sample.length)), 17);
    const library = await openLibrary({ archiveDir, cacheDir: path.join(scratch, 'cache') });
    await library.quotesReady();
    const rows = new Map();
    const times = [];
    for (const c of claims) {
      const reply = await library.verify({ claim: c.claim });
      times.push(reply.tookMs);
      const first = reply.matches[0];
      // The same words in another article (a wire story run twice) come earliest first: that is right too.
      const sameWords = first !== undefined && first.path !== c.path && reply.matches.some((m) => m.path === c.path) && first.similarity === reply.matches.find((m) => m.path === c.path)?.similarity;
      const row = rows.get(c.kind) ?? { claims: 0, article: 0, articleOrCopy: 0, verdict: 0, wrong: [] };
      row.claims++;
      if (c.path !== null && first?.path === c.path) row.article++;
      if (c.path !== null && (first?.path === c.path || sameWords)) row.articleOrCopy++;
      if (reply.verdict === c.verdict) row.verdict++;
      else row.wrong.push({ claim: c.claim, expected: c.verdict, got: reply.verdict, first: first?.path ?? null, similarity: first?.similarity ?? null, original: first?.text ?? null });
      rows.set(c.kind, row);
    }
    await library.close();
    times.sort((a, b) => a - b);
    const p = (q) => times[Math.min(times.length - 1, Math.floor(q * times.length))];
    report(rows, { quotes: sample.length, articles: byPath.size, p50: p(0.5), p95: p(0.95) }, values);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

function report(rows, totals, values) {
  const real = [...rows.entries()].filter(([kind]) => !kind.startsWith('invented'));
  const invented = [...rows.entries()].filter(([kind]) => kind.startsWith('invented'));
  const sum = (list, key) => list.reduce((n, [, r]) => n + r[key], 0);
  const pct = (n, d) => (d === 0 ? '-' : `${((100 * n) / d).toFixed(1)}%`);
  const realClaims = sum(real, 'claims');
  const summary = {
    ...totals,
    rightArticleFirst: sum(real, 'article') / realClaims,
    rightArticleOrSameWordsFirst: sum(real, 'articleOrCopy') / realClaims,
    rightVerdict: (sum(real, 'verdict') + sum(invented, 'verdict')) / (realClaims + sum(invented, 'claims')),
    inventedNotFound: sum(invented, 'verdict') / sum(invented, 'claims'),
    kinds: Object.fromEntries([...rows].map(([kind, r]) => [kind, { claims: r.claims, article: r.article, articleOrCopy: r.articleOrCopy, verdict: r.verdict }])),
  };
  if (values.json) return console.log(JSON.stringify(summary, null, 2));
  console.log(`verify on ${totals.quotes} annotated quotations of ${totals.articles} PolNeAR and GGT articles; verify p50 ${totals.p50} ms, p95 ${totals.p95} ms (one engine)\n`);
  console.log('kind of claim                   claims  right article first  (or same words)  right verdict');
  for (const [kind, r] of rows) console.log(`${kind.padEnd(32)}${String(r.claims).padStart(6)}  ${(kind.startsWith('invented') ? '-' : pct(r.article, r.claims)).padStart(19)}  ${(kind.startsWith('invented') ? '-' : pct(r.articleOrCopy, r.claims)).padStart(15)}  ${pct(r.verdict, r.claims).padStart(13)}`);
  const met = (ok) => (ok ? 'met' : 'NOT met');
  console.log(`\nright article first: ${pct(sum(real, 'article'), realClaims)} (target >= 95%: ${met(summary.rightArticleFirst >= 0.95)}); with the same words earlier elsewhere: ${pct(sum(real, 'articleOrCopy'), realClaims)}`);
  console.log(`right verdict: ${(100 * summary.rightVerdict).toFixed(1)}% (target >= 90%: ${met(summary.rightVerdict >= 0.9)})`);
  console.log(`invented claims not-found: ${(100 * summary.inventedNotFound).toFixed(1)}% (target 100%: ${met(summary.inventedNotFound === 1)})`);
  if (values.verbose) for (const [kind, r] of rows) for (const w of r.wrong.slice(0, kind.startsWith('invented') ? Infinity : 8)) console.log(`\n[${kind}] expected ${w.expected}, got ${w.got} (${w.first}, ${w.similarity}): ${w.claim}${values.verbose && w.original ? `\n   original: ${w.original.slice(0, 300)}` : ''}`);
}

main().catch((error) => {
  if (error?.code?.startsWith?.('ERR_PARSE_ARGS')) {
    console.error(`eval-verify: ${error.message}\n${USAGE}`);
    process.exit(2);
  }
  console.error(`eval-verify: ${error.stack ?? error}`);
  process.exit(1);
});
