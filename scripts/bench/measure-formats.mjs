// Issue 18's reading speeds: the same articles as JSON lines, CSV, and both gzip'd, read with the app's
// reader (median of runs, after one untimed read); and PDF text extraction in pages per second, on BBC
// articles printed to PDF by Chromium (playwright-core, /usr/bin/chromium or VERBATIM_CHROMIUM).
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { benchDir, root } from './paths.mjs';
import { log } from './measure-run.mjs';
import { median, round } from './stats.mjs';

/** The target: CSV and gzip'd files read within this factor of the same articles as JSON lines. */
const withinFactor = 1.5;
/** How many articles are printed to PDF (Chromium prints ~5 a second). */
const pdfArticles = 60;

/** The corpus's articles: headline (line 1) and text of every .txt under `dir`, in path order. */
function corpusArticles(dir) {
  const articles = [];
  const visit = (folder) => {
    for (const entry of readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = path.join(folder, entry.name);
      if (entry.isDirectory()) visit(p);
      else if (entry.name.endsWith('.txt') && entry.name !== 'README.TXT') {
        const [title = '', ...rest] = readFileSync(p, 'utf8').split('\n');
        articles.push({ title: title.trim(), text: rest.join('\n').trim() });
      }
    }
  };
  visit(dir);
  return articles;
}

function writeFormats(dir, articles) {
  mkdirSync(dir, { recursive: true });
  const jsonl = articles.map((a) => JSON.stringify(a)).join('\n');
  const cell = (text) => `"${text.replaceAll('"', '""')}"`;
  const csv = ['title,text', ...articles.map((a) => `${cell(a.title)},${cell(a.text)}`)].join('\n');
  writeFileSync(path.join(dir, 'articles.jsonl'), jsonl);
  writeFileSync(path.join(dir, 'articles.csv'), csv);
  writeFileSync(path.join(dir, 'articles.jsonl.gz'), gzipSync(jsonl));
  writeFileSync(path.join(dir, 'articles.csv.gz'), gzipSync(csv));
}

async function printPdfs(dir, articles) {
  const { chromium } = await import('playwright-core');
  const executablePath = process.env.VERBATIM_CHROMIUM ?? '/usr/bin/chromium';
  if (!existsSync(executablePath)) return false;
  const escape = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const browser = await chromium.launch({ executablePath, args: ['--headless', '--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage();
    for (const [i, article] of articles.entries()) {
      const paragraphs = article.text.split(/\n\s*\n/).map((p) => `<p>${escape(p)}</p>`).join('');
      await page.setContent(`<!doctype html><title>${escape(article.title)}</title><body style="font: 11pt serif; columns: 2"><h1>${escape(article.title)}</h1>${paragraphs}`);
      writeFileSync(path.join(dir, `${String(i).padStart(3, '0')}.pdf`), await page.pdf({ format: 'A4' }));
    }
  } finally {
    await browser.close();
  }
  return true;
}

/** Measures and prints the formats' reading speeds; returns them for the JSON report. */
export async function measureFormats(options, scratch) {
  const probeFile = path.join(scratch, 'formats-probe.cjs');
  await build({ entryPoints: [path.join(benchDir, 'formats-probe.mjs')], outfile: probeFile, bundle: true, platform: 'node', target: 'node20', format: 'cjs', logLevel: 'warning', external: ['electron'] });
  const probe = (await import(probeFile)).default;
  const articles = corpusArticles(options.corpus);
  const dir = path.join(scratch, 'formats');
  writeFormats(dir, articles);
  const { files } = await probe.walkArchive(dir);
  // Round by round, every file once a round, so that a burst of load from other processes falls on all the
  // formats alike; the median of each file's reads is compared.
  const times = new Map(files.map((file) => [file, []]));
  const counts = new Map();
  for (const file of files) probe.readArticleFile(file);
  for (let run = 0; run < options.repeats; run += 1) {
    for (const file of files) {
      const started = performance.now();
      counts.set(file, probe.readArticleFile(file).articles.length);
      times.get(file).push(performance.now() - started);
    }
  }
  const reads = {};
  for (const file of files) reads[file.path] = { articles: counts.get(file), bytes: file.size, medianMs: round(median(times.get(file))) };
  const base = reads['articles.jsonl'].medianMs;
  log(`\nReading formats (issue 18): ${articles.length} articles of ${options.corpus}, median of ${options.repeats} reads, the formats in turn`);
  for (const [name, read] of Object.entries(reads)) {
    const ratio = read.medianMs / base;
    const target = name === 'articles.jsonl' ? '' : ` (target <= ${withinFactor}x: ${ratio <= withinFactor ? 'met' : 'NOT met'})`;
    log(`  ${name.padEnd(18)} ${String(read.articles).padStart(5)} articles  ${String(round(read.bytes / 1024 / 1024, 2)).padStart(6)} MB  ${String(read.medianMs).padStart(7)} ms  ${round(ratio, 2)}x JSON lines${target}`);
  }
  const pdf = await measurePdfs(probe, articles.slice(0, pdfArticles), path.join(scratch, 'pdf'));
  return { reads, pdf };
}

async function measurePdfs(probe, articles, dir) {
  mkdirSync(dir, { recursive: true });
  if (!(await printPdfs(dir, articles))) {
    log('  PDF: skipped (no Chromium to print the PDFs with; set VERBATIM_CHROMIUM)');
    return null;
  }
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const reader = new probe.PageReader(path.join(root, 'dist', 'page-worker.cjs'));
  try {
    const names = readdirSync(dir).sort();
    let pages = 0;
    for (const name of names) {
      const task = getDocument({ data: new Uint8Array(readFileSync(path.join(dir, name))), verbosity: 0 });
      pages += (await task.promise).numPages;
      await task.destroy();
    }
    probe.readPdf(names[0], readFileSync(path.join(dir, names[0])), reader);
    const started = performance.now();
    for (const name of names) probe.readPdf(name, readFileSync(path.join(dir, name)), reader);
    const ms = performance.now() - started;
    const result = { files: names.length, pages, ms: round(ms), pagesPerSecond: round((pages / ms) * 1000) };
    log(`  PDF text (pdfjs in the page thread): ${result.files} PDFs, ${pages} pages in ${result.ms} ms: ${result.pagesPerSecond} pages/s`);
    return result;
  } finally {
    reader.stop();
  }
}
