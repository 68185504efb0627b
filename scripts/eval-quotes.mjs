// Scores the quote extractor against annotated news: quote spans (exact and overlapping) and speakers.
//
//   node scripts/eval-quotes.mjs [--corpus polnear|ggt] [--split all|tune|check] [--overlap 0.5]
//                                [--json] [--verbose] [--all] [--corpora DIR]
//
// Runs the real `extractQuotes` (bundled from main/ with esbuild into a temporary folder) on article
// bodies built by the real `.txt` reader (`parseTxt`), and compares its quotations with the direct
// quotations of the PolNeAR and Gender Gap Tracker development sets in ../shared/corpora. Exits 0
// whatever the scores (the targets are printed, not enforced), 1 on an error, 2 on bad usage.
// The scoring rules are written out in README.md, "Quote extraction: measured".
import { build } from 'esbuild';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const TARGETS = { f1: 0.9, speaker: 0.85 };
/** The Gender Gap Tracker's rule for all quotations: a prediction covering this share of the annotated span matches it. */
const ALL_COVERAGE = 0.3;

const USAGE = 'usage: node scripts/eval-quotes.mjs [--corpus polnear|ggt] [--split all|tune|check] [--overlap 0.5] [--json] [--verbose] [--all] [--corpora DIR]';

function parseArgs(argv) {
  const options = {
    corpora: ['polnear', 'ggt'],
    split: 'all',
    overlap: 0.5,
    json: false,
    verbose: false,
    all: false,
    dir: path.resolve(root, '..', 'shared', 'corpora'),
    seed: path.resolve(root, '..', 'shared', 'seed', 'kazinform-putin-trump-alaska.txt'),
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const next = argv[++i];
      if (next === undefined) throw new UsageError(`${arg} needs a value`);
      return next;
    };
    if (arg === '--json') options.json = true;
    else if (arg === '--verbose') options.verbose = true;
    else if (arg === '--all') options.all = options.verbose = true;
    else if (arg === '--corpus') options.corpora = [value()];
    else if (arg === '--split') options.split = value();
    else if (arg === '--overlap') options.overlap = Number(value());
    else if (arg === '--corpora') options.dir = path.resolve(value());
    else if (arg === '--help' || arg === '-h') {
      console.log(USAGE);
      process.exit(0);
    } else throw new UsageError(`unknown option ${arg}`);
  }
  if (!options.corpora.every((c) => c === 'polnear' || c === 'ggt')) throw new UsageError(`--corpus must be polnear or ggt, not ${options.corpora.join(',')}`);
  if (!['all', 'tune', 'check'].includes(options.split)) throw new UsageError(`--split must be all, tune or check, not ${options.split}`);
  if (!(options.overlap > 0 && options.overlap <= 1)) throw new UsageError(`--overlap must be a fraction in (0, 1], not ${options.overlap}`);
  return options;
}

class UsageError extends Error {}

/** Bundles the extractor and the `.txt` reader from main/ and imports them. */
async function loadVerbatim() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'verbatim-eval-'));
  const outfile = path.join(dir, 'eval-entry.mjs');
  try {
    await build({
      stdin: {
        contents: "export { extractQuotes } from './main/core/quotes/extract-quotes.js';\nexport { parseTxt } from './main/core/archive/parse-txt.js';\n",
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

// ---------------------------------------------------------------------------------------------
// Reading an article the way Verbatim does, and mapping file offsets to body offsets.

/**
 * Reads `text` with `parseTxt` and maps every non-space character of the file to its offset in the
 * body. The reader only drops the headline line and rewrites white space, so the other characters of
 * the file appear in the body in the same order; anything else is a bug here, and throws.
 */
function readArticle(parseTxt, name, text) {
  const [draft] = parseTxt(name, text);
  const body = draft.body;
  const map = new Int32Array(text.length + 1).fill(-1);
  // The headline is the first non-blank line; the body starts after its line break.
  const headlineStart = text.search(/\S/);
  const newline = text.indexOf('\n', headlineStart);
  let b = 0;
  for (let i = newline < 0 ? text.length : newline; i < text.length; i++) {
    if (/\s/.test(text[i])) continue;
    while (b < body.length && /\s/.test(body[b])) b++;
    if (body[b] !== text[i]) throw new Error(`${name}: the body read by parseTxt differs from the file at offset ${i} (${JSON.stringify(text.slice(i, i + 20))})`);
    map[i] = b++;
  }
  return { title: draft.title, body, map };
}

/** The body range of the file range `[start, end)`, white space trimmed; null when it lies in the headline. */
function toBody(map, text, start, end) {
  let s = start;
  let e = end;
  while (s < e && map[s] < 0) s++;
  while (e > s && map[e - 1] < 0) e--;
  if (s >= e) return null;
  return { start: map[s], end: map[e - 1] + 1 };
}

/** UTF-16 offset of every code point offset of `text` (BRAT offsets count code points). */
function codePointOffsets(text) {
  const offsets = [];
  let u = 0;
  for (const ch of text) {
    offsets.push(u);
    u += ch.length;
  }
  offsets.push(u);
  return offsets;
}

// ---------------------------------------------------------------------------------------------
// Corpora.

/**
 * PolNeAR: `text/<doc>.txt` (headline on line 1) and BRAT `attributions/<doc>_<annotator>.ann`. One
 * annotation per document: the first annotator's file in name order, for the 11 documents with more.
 */
function loadPolnear(dir, parseTxt) {
  const textDir = path.join(dir, 'text');
  const annDir = path.join(dir, 'attributions');
  const annFiles = readdirSync(annDir).filter((f) => f.endsWith('.ann')).sort();
  const docs = [];
  for (const file of readdirSync(textDir).filter((f) => f.endsWith('.txt')).sort()) {
    const name = file.slice(0, -4);
    const annFile = annFiles.find((f) => f.startsWith(`${name}_`) && /^_[0-9a-z]+\.ann$/.test(f.slice(name.length)));
    if (annFile === undefined) throw new Error(`polnear: no annotation for ${file}`);
    const text = readFileSync(path.join(textDir, file), 'utf8');
    const article = readArticle(parseTxt, file, text);
    const cp = codePointOffsets(text);
    const spans = new Map();
    const relations = [];
    for (const line of readFileSync(path.join(annDir, annFile), 'utf8').split('\n')) {
      const fields = line.split('\t');
      if (/^T\d+$/.test(fields[0]) && fields.length >= 2) {
        const [type, ...rest] = fields[1].split(' ');
        const ranges = rest.join(' ').split(';').map((r) => r.trim().split(/\s+/).map(Number));
        if (ranges.some((r) => r.length !== 2 || r.some((n) => !Number.isInteger(n) || n < 0 || n >= cp.length))) throw new Error(`polnear: ${annFile}: bad span line ${JSON.stringify(line)}`);
        // Fragments are not always listed in text order.
        spans.set(fields[0], { type, ranges: ranges.map(([s, e]) => ({ start: cp[s], end: cp[e] })).sort((a, b) => a.start - b.start) });
      } else if (/^E\d+$/.test(fields[0]) && fields.length >= 2) {
        const roles = {};
        for (const arg of fields[1].trim().split(/\s+/)) {
          const [role, id] = arg.split(':');
          roles[role] = id;
        }
        relations.push(roles);
      }
    }
    const attributions = [];
    for (const roles of relations) {
      const content = spans.get(roles.Content);
      if (content === undefined) continue;
      const fragments = content.ranges.map((r) => toBody(article.map, text, r.start, r.end)).filter((r) => r !== null);
      if (fragments.length === 0) continue; // in the headline
      const source = spans.get(roles.Source);
      const sourceRanges = source === undefined ? [] : source.ranges.map((r) => toBody(article.map, text, r.start, r.end)).filter((r) => r !== null);
      const sourceText = source === undefined ? null : source.ranges.map((r) => text.slice(r.start, r.end)).join(' ');
      attributions.push({ fragments, speakers: sourceText === null ? [] : [{ text: sourceText, ranges: sourceRanges }], relation: null });
    }
    docs.push({ name, body: article.body, attributions });
  }
  return docs;
}

/**
 * GGT: `rawtext/<id>.txt` holds only the article text (its first line is the first paragraph, not a
 * headline), so the reader gets the id as a headline line before it. Quotes are found by exact search
 * (the recorded offsets drift), taking the occurrence nearest the recorded offset.
 */
function loadGgt(dir, parseTxt) {
  const docs = [];
  for (const file of readdirSync(path.join(dir, 'annotations')).filter((f) => f.endsWith('.json')).sort()) {
    const record = JSON.parse(readFileSync(path.join(dir, 'annotations', file), 'utf8'));
    const id = record._id_parsed ?? file.slice(0, -5);
    const raw = readFileSync(path.join(dir, 'rawtext', `${id}.txt`), 'utf8');
    const headline = `${id}\n\n`;
    const text = headline + raw;
    const article = readArticle(parseTxt, `${id}.txt`, text);
    const attributions = [];
    for (const q of record.quotations ?? []) {
      const quote = String(q.quote ?? '').trim();
      if (quote === '') continue;
      const hint = Number(/^\((\d+)/.exec(String(q.quote_index ?? ''))?.[1] ?? 0);
      let best = -1;
      for (let at = raw.indexOf(quote); at >= 0; at = raw.indexOf(quote, at + 1)) {
        if (best < 0 || Math.abs(at - hint) < Math.abs(best - hint)) best = at;
      }
      if (best < 0) throw new Error(`ggt: ${id}: quote not found in the raw text: ${JSON.stringify(quote.slice(0, 60))}`);
      const range = toBody(article.map, text, headline.length + best, headline.length + best + quote.length);
      if (range === null) continue;
      const reference = String(q.reference ?? '').trim() || String(q.speaker ?? '').trim();
      // GGT records each part of a quotation as its own quote; the speaker and verb positions tell
      // which parts share one attribution (a part with neither continues the quote before it).
      const floating = String(q.speaker ?? '').trim() === '' && String(q.verb ?? '').trim() === '';
      const relation = { reference, clause: floating ? null : `${q.speaker_index}|${q.verb_index}` };
      attributions.push({ fragments: [range], speakers: reference === '' ? [] : [{ text: reference, ranges: [] }], relation });
    }
    docs.push({ name: id, body: article.body, attributions });
  }
  return docs;
}

// ---------------------------------------------------------------------------------------------
// Which annotated spans are direct quotations.

const DOUBLE_OPEN = new Set(['\u201C', '\u201E', '\u201F', '\u00AB']);
const DOUBLE_CLOSE = new Set(['\u201D', '\u00BB']);
const SINGLE_OPEN = new Set(['\u2018', '\u201A', '\u2039']);
const SINGLE_CLOSE = new Set(['\u2019', '\u203A']);
const LETTER = /[\p{L}\p{N}]/u;
const SENTENCE_END = /[.?!\u2026]/;
const QUOTE_CHAR = /["'\u201C\u201D\u201E\u201F\u00AB\u00BB\u2018\u2019\u201A\u201B\u2039\u203A]/;
const QUOTE_CHARS = new RegExp(QUOTE_CHAR.source, 'g');

/** The quotation mark at `i` of `text`: its family, shape (open, close, either) and length; null if none. */
function markAt(text, i) {
  const ch = text[i];
  if (ch === "'" && text[i + 1] === "'") return { family: 'double', shape: 'either', length: 2 };
  if (ch === '"') return { family: 'double', shape: 'either', length: 1 };
  if (DOUBLE_OPEN.has(ch)) return { family: 'double', shape: 'open', length: 1 };
  if (DOUBLE_CLOSE.has(ch)) return { family: 'double', shape: 'close', length: 1 };
  const before = text[i - 1] ?? ' ';
  const after = text[i + 1] ?? ' ';
  // An apostrophe between letters ("don't", "Clinton’s") is no mark.
  if ((ch === "'" || ch === '\u2019') && LETTER.test(before) && LETTER.test(after)) return null;
  if (ch === "'") return { family: 'single', shape: 'either', length: 1 };
  if (SINGLE_OPEN.has(ch)) return { family: 'single', shape: 'open', length: 1 };
  if (SINGLE_CLOSE.has(ch)) return { family: 'single', shape: 'close', length: 1 };
  return null;
}

/**
 * Reads the quotation marks of `text` from `start` to `end`: how many letters lie outside any
 * quotation, and the quoted ranges. A mark of the other family inside a quotation is nested; an
 * opening mark inside one at a paragraph start or after a sentence end repeats the opening mark
 * (quotations over several paragraphs).
 */
function readMarks(text, start, end) {
  let state = null;
  let openedAt = -1;
  let outside = 0;
  const quoted = [];
  for (let i = start; i < end; i++) {
    const mark = markAt(text, i);
    if (mark === null) {
      if (state === null && LETTER.test(text[i])) outside++;
      continue;
    }
    const before = text[i - 1] ?? '\n';
    const after = text[i + mark.length] ?? '\n';
    const spaceBefore = /\s/.test(before) || i === start;
    const spaceAfter = /\s/.test(after) || i + mark.length >= end;
    if (state === null) {
      if (mark.shape !== 'close' && !(mark.family === 'single' && LETTER.test(before)) && !spaceAfter) {
        state = mark.family;
        openedAt = i;
      }
    } else if (mark.family === state) {
      let closes;
      if (mark.shape === 'close') closes = true;
      else if (mark.shape === 'open') closes = !spaceBefore && before !== '\n' && state === 'double' && text[i] === '\u201C';
      else {
        const previous = text.slice(Math.max(start, i - 3), i).trimEnd();
        const repeats = before === '\n' || (spaceBefore && !spaceAfter && (previous === '' || SENTENCE_END.test(previous.at(-1))));
        closes = !repeats && !(spaceBefore && !spaceAfter && state === 'double');
      }
      if (closes && !(state === 'single' && LETTER.test(after))) {
        quoted.push({ start: openedAt + 1, end: i });
        state = null;
      }
    }
    i += mark.length - 1;
  }
  if (state !== null) quoted.push({ start: openedAt + 1, end });
  return { outside, quoted, open: state !== null };
}

/**
 * Widens an annotated range over quotation marks that sit just outside it (`"` before, `,"` after),
 * so that `A,` in `"A," she said` reads as wrapped.
 */
function widen(body, range) {
  let { start, end } = range;
  const first = markAt(body, start);
  if (first === null || first.shape === 'close') {
    let k = start - 1;
    if (body[k] === ' ') k--;
    if (body[k - 1] === "'" && body[k] === "'") k--;
    const mark = k >= 0 ? markAt(body, k) : null;
    if (mark !== null && mark.shape !== 'close') start = k;
  }
  const lastIsMark = end > start && (markAt(body, end - 1) !== null || (body[end - 2] === "'" && body[end - 1] === "'"));
  if (!lastIsMark) {
    for (let k = end; k < body.length && k - end < 3 && body[k] !== '\n'; k++) {
      const mark = markAt(body, k);
      if (mark !== null && mark.shape !== 'open') {
        end = k + mark.length;
        break;
      }
      if (!/[ ,.;:!?\u2026]/.test(body[k])) break;
    }
  }
  return { start, end };
}

/** Whether `offset` is at the end of its paragraph (only punctuation and white space before the next line break). */
function atParagraphEnd(body, offset) {
  return /^[.,;:!?\u2026]*[^\S\n]*(?:\n|$)/.test(body.slice(offset, offset + 8));
}

/**
 * Sorts the annotated attributions of a document into direct quotations (every fragment wrapped in
 * quotation marks) and the quoted parts of mixed ones (to be ignored when scoring predictions).
 *
 * One gold quotation is what the issue calls one quotation: the parts of a quotation interrupted by its
 * attribution (`"A," she said, "B."`, `"A," she said. "B."`) and the paragraphs of one running over
 * several paragraphs. PolNeAR puts every part governed by one cue into one Content, sometimes across
 * paragraphs and other text: its fragments are split where the text between them is more than an
 * attribution. GGT records every part as a quote of its own: neighbours with the same attribution are
 * joined where the text between them is only that attribution.
 */
function goldOf(doc) {
  const { body } = doc;
  const pieces = [];
  const ignore = [];
  const every = [];
  for (const attribution of doc.attributions) {
    if (attribution.fragments.length > 0) {
      const ranges = attribution.fragments.map((f) => innerRange(body, widen(body, f))).filter((r) => r.end > r.start);
      if (ranges.length > 0) every.push({ wide: { start: ranges[0].start, end: ranges[ranges.length - 1].end }, parts: ranges, speakers: attribution.speakers, relation: attribution.relation });
    }
    const fragments = [];
    let direct = true;
    for (const fragment of attribution.fragments) {
      const wide = widen(body, fragment);
      const marks = readMarks(body, wide.start, wide.end);
      const opens = markAt(body, wide.start);
      const closedOrContinued = !marks.open || atParagraphEnd(body, wide.end);
      const wrapped = opens !== null && opens.shape !== 'close' && marks.outside === 0 && marks.quoted.length > 0 && closedOrContinued;
      if (!wrapped) direct = false;
      fragments.push({ wide, parts: [innerRange(body, wide)], quoted: marks.quoted });
    }
    if (!direct) for (const fragment of fragments) ignore.push(...fragment.quoted);
    if (!direct || fragments.length === 0) continue;
    // Fragments of one annotated Content: split where more than an attribution lies between them.
    let current = null;
    for (const fragment of fragments) {
      if (current !== null && joinable(body, current.wide, fragment.wide)) {
        current.wide = { start: current.wide.start, end: fragment.wide.end };
        current.parts = current.parts.concat(fragment.parts);
      } else {
        current = { wide: fragment.wide, parts: fragment.parts, speakers: attribution.speakers, relation: attribution.relation };
        pieces.push(current);
      }
    }
  }
  return { gold: mergeGold(body, pieces), ignore, all: mergeGold(body, every) };
}

/**
 * One gold quotation per quotation: the same content annotated twice is one (with either speaker), one
 * annotated inside another is part of it, and GGT's separately recorded parts of one quotation are joined.
 */
function mergeGold(body, pieces) {
  pieces.sort((a, b) => a.wide.start - b.wide.start || b.wide.end - a.wide.end);
  const unique = [];
  for (const g of pieces) {
    const same = unique.find((u) => u.wide.start === g.wide.start && u.wide.end === g.wide.end);
    if (same !== undefined) same.speakers = same.speakers.concat(g.speakers);
    else unique.push(g);
  }
  // A quotation inside another one (an attribution annotated inside a quote) is part of the outer one.
  const outer = unique.filter((g) => !unique.some((o) => o !== g && o.wide.start <= g.wide.start && g.wide.end <= o.wide.end));
  // GGT: join the separately recorded parts of one quotation.
  const gold = [];
  for (const g of outer) {
    const last = gold[gold.length - 1];
    const sameAttribution =
      last !== undefined && g.relation !== null && last.relation !== null && g.relation.reference === last.relation.reference && (g.relation.clause === null || g.relation.clause === last.relation.clause);
    if (sameAttribution && joinable(body, last.wide, g.wide)) {
      last.wide = { start: last.wide.start, end: g.wide.end };
      last.parts = last.parts.concat(g.parts);
    } else gold.push({ ...g });
  }
  return gold;
}

/**
 * Whether two quoted stretches are parts of one quotation: the first is left open at its paragraph's
 * end and the second opens the next paragraph, or only an attribution lies between them in one
 * paragraph (no quotation mark, at most a short clause, a sentence end only at its end).
 */
function joinable(body, first, second) {
  const gap = body.slice(first.end, second.start);
  if (/^[.,;:!?\u2026]*\s*$/.test(gap) && gap.includes('\n')) return readMarks(body, first.start, first.end).open && atParagraphEnd(body, first.end);
  if (gap.includes('\n') || gap.length > 250) return false;
  for (let i = 0; i < gap.length; i++) if (markAt(gap, i) !== null && !(gap[i] === "'" || gap[i] === '\u2019')) return false;
  const words = gap.replace(/\b\p{Lu}[\p{L}]{0,3}\./gu, 'X').trim();
  return /^[^.?!\u2026]*[.?!\u2026]?$/u.test(words);
}

/** The widened range without its quotation marks and the white space and punctuation around them. */
function innerRange(body, wide) {
  let { start, end } = wide;
  while (start < end && (markAt(body, start) !== null || /[\s]/.test(body[start]))) start += markAt(body, start)?.length ?? 1;
  while (end > start && (/[\s,.;:!?\u2026]/.test(body[end - 1]) || QUOTE_CHAR.test(body[end - 1]))) end--;
  return { start, end };
}

// ---------------------------------------------------------------------------------------------
// Matching and scoring.

/** Text for exact comparison: quotation marks removed, white space collapsed, outer punctuation dropped. */
function normalizeQuote(text) {
  return text
    .replace(QUOTE_CHARS, '')
    .replace(/\s+/g, ' ')
    .replace(/^[\s\p{P}]+|[\s\p{P}]+$/gu, '');
}

/** Each part normalized on its own, so that the punctuation where parts meet does not count. */
function normalizeParts(body, ranges) {
  return ranges.map((r) => normalizeQuote(body.slice(r.start, r.end))).join(' ');
}

function rangesText(body, ranges) {
  return ranges.map((r) => body.slice(r.start, r.end)).join(' ');
}

function rangesLength(ranges) {
  return ranges.reduce((n, r) => n + (r.end - r.start), 0);
}

function overlapLength(a, b) {
  let n = 0;
  for (const x of a) for (const y of b) n += Math.max(0, Math.min(x.end, y.end) - Math.max(x.start, y.start));
  return n;
}

const NAME_NOISE = new Set(['mr', 'mrs', 'ms', 'miss', 'dr', 'sir', 'the', 'a', 'an', 'sen', 'rep', 'gov', 'prof', 'president', 'senator', 'representative']);
const NOT_A_NAME = new Set(['he', 'she', 'they', 'it', 'we', 'i', 'you', 'his', 'her', 'their', 'its', 'of', 'and', 'for', 'to', 'in', 'on', 'at', 'with', 'said', 'says']);

/** A speaker name as lower-case words, without honorifics, determiners, possessives or punctuation. */
function nameWords(text) {
  return text
    .toLowerCase()
    .replace(/['\u2019]s\b/g, '')
    .replace(/[^\p{L}\p{N}\s-]/gu, ' ')
    .split(/\s+/)
    .filter((w) => w !== '' && !NAME_NOISE.has(w));
}

/** Whether `inner` occurs as a run of whole words in `outer` and holds a word that can be a name. */
function containsWords(outer, inner) {
  if (inner.length === 0 || inner.length > outer.length || !inner.some((w) => !NOT_A_NAME.has(w) && w.length > 1)) return false;
  for (let i = 0; i + inner.length <= outer.length; i++) {
    if (inner.every((w, k) => outer[i + k] === w)) return true;
  }
  return false;
}

/**
 * Whether the predicted speaker is the gold one: the predicted mention overlaps the annotated source
 * span (PolNeAR: the same words were found), or the gold name agrees with the predicted speaker or
 * with the words of its mention (GGT's "the minister"), one a run of the other's words ("Trudeau"
 * and "Justin Trudeau"). `strict` asks for the same words as the predicted speaker.
 */
function speakerMatches(prediction, speakers, strict) {
  for (const speaker of speakers) {
    if (!strict && prediction.mention !== null && speaker.ranges.some((r) => overlapLength([r], [prediction.mention]) > 0)) return true;
    const g = nameWords(speaker.text);
    const names = strict ? [prediction.speaker] : [prediction.speaker, prediction.mentionText];
    for (const name of names) {
      if (name === null) continue;
      const p = nameWords(name);
      if (p.length > 0 && p.join(' ') === g.join(' ')) return true;
      if (!strict && (containsWords(g, p) || containsWords(p, g))) return true;
    }
  }
  return false;
}

/** Scores one document's predictions against its gold quotations. */
function scoreDocument(doc, allQuotes, threshold) {
  const { gold, ignore, all } = goldOf(doc);
  // Direct quotations only: partial fragments and reported speech are scored with all quotations below.
  const quotes = allQuotes.filter((q) => (q.kind ?? 'direct') === 'direct');
  const predictions = quotes.map((q) => ({ quote: q, parts: q.parts.map((p) => ({ start: p.start, end: p.end })), norm: normalizeParts(doc.body, q.parts) }));
  const goldNorm = gold.map((g) => normalizeParts(doc.body, g.parts));

  // Overlap: one-to-one, best mutual coverage first.
  const pairs = [];
  predictions.forEach((p, i) => {
    const pl = rangesLength(p.parts);
    gold.forEach((g, j) => {
      const shared = overlapLength(p.parts, g.parts);
      const gl = rangesLength(g.parts);
      if (shared > 0 && shared >= threshold * gl && shared >= threshold * pl) pairs.push({ i, j, score: Math.min(shared / gl, shared / pl) });
    });
  });
  pairs.sort((a, b) => b.score - a.score);
  const predMatch = new Array(predictions.length).fill(-1);
  const goldMatch = new Array(gold.length).fill(-1);
  for (const { i, j } of pairs) {
    if (predMatch[i] >= 0 || goldMatch[j] >= 0) continue;
    predMatch[i] = j;
    goldMatch[j] = i;
  }
  // Predictions in the quoted part of a mixed quotation (and matching no direct one) are not counted.
  const ignored = predictions.map((p, i) => predMatch[i] < 0 && overlapLength(p.parts, ignore) >= 0.5 * rangesLength(p.parts));

  const exactGold = new Array(gold.length).fill(false);
  let exact = 0;
  predictions.forEach((p, i) => {
    if (ignored[i]) return;
    const j = goldNorm.findIndex((n, k) => !exactGold[k] && n === p.norm);
    if (j >= 0) {
      exactGold[j] = true;
      exact++;
    }
  });

  const speakers = scoreSpeakers(doc, gold, goldMatch.map((i) => (i < 0 ? null : predictions[i].quote)));
  const everything = scoreAll(doc, all, allQuotes);

  const counted = predictions.filter((_, i) => !ignored[i]).length;
  return {
    gold: gold.length,
    predicted: counted,
    ignored: predictions.length - counted,
    exact,
    overlap: goldMatch.filter((i) => i >= 0).length,
    speakerTotal: speakers.total,
    speakerRight: speakers.right,
    speakerStrict: speakers.strict,
    speakerByHow: speakers.byHow,
    all: everything,
    unattributedMatched: predictions.filter((p, i) => predMatch[i] >= 0 && p.quote.speaker === null).length,
    misses: gold
      .filter((_, j) => goldMatch[j] < 0)
      .map((g) => ({ text: rangesText(doc.body, g.parts), speaker: g.speakers.map((s) => s.text), as: allQuotes.find((q) => q.kind !== 'direct' && overlapLength(q.parts, g.parts) > 0)?.kind ?? null })),
    falsePositives: predictions.filter((_, i) => predMatch[i] < 0 && !ignored[i]).map((p) => ({ text: p.quote.text, speaker: p.quote.speaker })),
    boundaryErrors: gold.flatMap((g, j) => (goldMatch[j] >= 0 && !exactGold[j] ? [{ gold: goldNorm[j], predicted: predictions[goldMatch[j]].norm }] : [])),
    speakerErrors: speakers.errors,
  };
}

/**
 * Speaker accuracy over matched pairs whose gold names a speaker (`matched[j]` is the prediction
 * matched to `gold[j]`, or null), in all and by how the extractor found the speaker.
 */
function scoreSpeakers(doc, gold, matched) {
  const result = { total: 0, right: 0, strict: 0, byHow: {}, errors: [] };
  gold.forEach((g, j) => {
    const quote = matched[j];
    if (quote === null || g.speakers.length === 0) return;
    result.total++;
    const how = quote.speaker === null ? 'none' : (quote.speakerFound ?? 'name');
    const tally = (result.byHow[how] ??= { total: 0, right: 0 });
    tally.total++;
    const mentionText = quote.mention === null ? null : doc.body.slice(quote.mention.start, quote.mention.end);
    if (speakerMatches({ ...quote, mentionText }, g.speakers, false)) {
      result.right++;
      tally.right++;
    } else result.errors.push({ quote: quote.text, kind: quote.kind ?? 'direct', predicted: quote.speaker, mention: mentionText, gold: g.speakers.map((s) => s.text) });
    if (speakerMatches(quote, g.speakers, true)) result.strict++;
  });
  return result;
}

/**
 * All annotated quotations (direct, mixed, indirect) against every prediction, at the Gender Gap
 * Tracker's rule: a prediction matches when it covers at least 30% of the annotated span; best coverage
 * first, each annotation matched once, each prediction at most once per part (GGT records the parts
 * of `"A," she said, "B."` as two quotations).
 */
function scoreAll(doc, gold, quotes) {
  const pairs = [];
  quotes.forEach((q, i) => {
    gold.forEach((g, j) => {
      const shared = overlapLength(q.parts, g.parts);
      const coverage = shared / rangesLength(g.parts);
      if (shared > 0 && coverage >= ALL_COVERAGE) pairs.push({ i, j, coverage });
    });
  });
  pairs.sort((a, b) => b.coverage - a.coverage);
  const predMatch = new Array(quotes.length).fill(-1);
  const goldMatch = new Array(gold.length).fill(-1);
  const uses = new Array(quotes.length).fill(0);
  for (const { i, j } of pairs) {
    if (uses[i] >= quotes[i].parts.length || goldMatch[j] >= 0) continue;
    uses[i]++;
    predMatch[i] = j;
    goldMatch[j] = i;
  }
  const speakers = scoreSpeakers(doc, gold, goldMatch.map((i) => (i < 0 ? null : quotes[i])));
  const byKind = {};
  quotes.forEach((q, i) => {
    const tally = (byKind[q.kind ?? 'direct'] ??= { predicted: 0, matched: 0 });
    tally.predicted++;
    if (predMatch[i] >= 0) tally.matched++;
  });
  return {
    gold: gold.length,
    predicted: quotes.length,
    matched: goldMatch.filter((i) => i >= 0).length,
    predictedMatched: uses.filter((n) => n > 0).length,
    byKind,
    speakerTotal: speakers.total,
    speakerRight: speakers.right,
    speakerByHow: speakers.byHow,
    misses: gold.filter((_, j) => goldMatch[j] < 0).map((g) => ({ text: rangesText(doc.body, g.parts), speaker: g.speakers.map((s) => s.text) })),
    falsePositives: quotes.filter((_, i) => predMatch[i] < 0).map((q) => ({ text: q.text, kind: q.kind ?? 'direct', speaker: q.speaker })),
    speakerErrors: speakers.errors,
  };
}

function prf(tp, predicted, gold) {
  const precision = predicted === 0 ? 0 : tp / predicted;
  const recall = gold === 0 ? 0 : tp / gold;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

function precisionRecall(precision, recall) {
  const p = Number.isFinite(precision) ? precision : 0;
  const r = Number.isFinite(recall) ? recall : 0;
  return { precision: p, recall: r, f1: p + r === 0 ? 0 : (2 * p * r) / (p + r) };
}

/** Development documents are split by position in name order: every third (i % 3 == 2) is held out for checking. */
function inSplit(index, split) {
  if (split === 'all') return true;
  return split === 'check' ? index % 3 === 2 : index % 3 !== 2;
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const { extractQuotes, parseTxt } = await loadVerbatim();
  const loaders = { polnear: loadPolnear, ggt: loadGgt };
  const results = {};
  for (const corpus of options.corpora) {
    const docs = loaders[corpus](path.join(options.dir, corpus), parseTxt).filter((_, i) => inSplit(i, options.split));
    const totals = { documents: docs.length, gold: 0, predicted: 0, ignored: 0, exact: 0, overlap: 0, speakerTotal: 0, speakerRight: 0, speakerStrict: 0 };
    const all = { gold: 0, predicted: 0, matched: 0, predictedMatched: 0, speakerTotal: 0, speakerRight: 0, byKind: {}, speakerByHow: {} };
    const byHow = {};
    const details = [];
    let extractMs = 0;
    for (const doc of docs) {
      const started = performance.now();
      const quotes = extractQuotes({ id: doc.name, body: doc.body });
      extractMs += performance.now() - started;
      const score = scoreDocument(doc, quotes, options.overlap);
      for (const key of ['gold', 'predicted', 'ignored', 'exact', 'overlap', 'speakerTotal', 'speakerRight', 'speakerStrict']) totals[key] += score[key];
      for (const key of ['gold', 'predicted', 'matched', 'predictedMatched', 'speakerTotal', 'speakerRight']) all[key] += score.all[key];
      addTallies(byHow, score.speakerByHow);
      addTallies(all.speakerByHow, score.all.speakerByHow);
      addTallies(all.byKind, score.all.byKind);
      details.push({ document: doc.name, ...score });
    }
    results[corpus] = {
      ...totals,
      exactScores: prf(totals.exact, totals.predicted, totals.gold),
      overlapScores: prf(totals.overlap, totals.predicted, totals.gold),
      speakerAccuracy: totals.speakerTotal === 0 ? 0 : totals.speakerRight / totals.speakerTotal,
      speakerStrictAccuracy: totals.speakerTotal === 0 ? 0 : totals.speakerStrict / totals.speakerTotal,
      speakerByHow: byHow,
      all: { ...all, scores: precisionRecall(all.predictedMatched / all.predicted, all.matched / all.gold), speakerAccuracy: all.speakerTotal === 0 ? 0 : all.speakerRight / all.speakerTotal },
      extractMs: Math.round(extractMs),
      details,
    };
  }

  const seed = readSeed(options.seed, extractQuotes, parseTxt);
  if (options.json) {
    const summary = Object.fromEntries(Object.entries(results).map(([corpus, r]) => [corpus, options.verbose ? r : { ...r, details: undefined }]));
    console.log(JSON.stringify({ split: options.split, overlapThreshold: options.overlap, targets: TARGETS, corpora: summary, seed }, null, 2));
    return;
  }
  const pct = (x) => (100 * x).toFixed(1).padStart(5);
  const rows = [];
  for (const [corpus, r] of Object.entries(results)) {
    if (options.verbose) printDetails(corpus, r.details, options.all);
    // PolNeAR's gold speaker is the annotated source words ("he", "a source"), so only GGT has full names to compare strictly.
    const strict = corpus === 'ggt' ? pct(r.speakerStrictAccuracy) : '    -';
    rows.push(
      `${corpus.padEnd(8)} ${String(r.documents).padStart(4)} ${String(r.gold).padStart(5)} ${String(r.predicted).padStart(5)}   ` +
        `${pct(r.exactScores.precision)} ${pct(r.exactScores.recall)} ${pct(r.exactScores.f1)}   ` +
        `${pct(r.overlapScores.precision)} ${pct(r.overlapScores.recall)} ${pct(r.overlapScores.f1)}   ` +
        `${pct(r.speakerAccuracy)} ${strict} ${String(r.speakerTotal).padStart(5)}`,
    );
  }
  console.log(`split: ${options.split}; overlap match: >= ${options.overlap * 100}% of both spans; targets: F1 >= ${TARGETS.f1 * 100}, speaker >= ${TARGETS.speaker * 100}`);
  console.log('                              ----- exact -----   ---- overlap ----   ----- speaker -----');
  console.log('corpus   docs  gold  pred         P     R    F1       P     R    F1     acc  name     n');
  for (const row of rows) console.log(row);
  console.log(`\nall quotations (direct, mixed, indirect): a prediction matches when it covers >= ${ALL_COVERAGE * 100}% of the annotated span`);
  console.log('corpus    gold  pred  matched      P     R    F1   speaker     n   predicted (matched) by kind');
  for (const [corpus, r] of Object.entries(results)) {
    const a = r.all;
    const kinds = Object.entries(a.byKind).map(([kind, t]) => `${kind} ${t.predicted} (${t.matched})`).join(', ');
    console.log(`${corpus.padEnd(8)} ${String(a.gold).padStart(5)} ${String(a.predicted).padStart(5)} ${String(a.matched).padStart(8)}   ${pct(a.scores.precision)} ${pct(a.scores.recall)} ${pct(a.scores.f1)}     ${pct(a.speakerAccuracy)} ${String(a.speakerTotal).padStart(5)}   ${kinds}`);
  }
  console.log('\nspeaker accuracy by how the speaker was found (right / matched quotations)');
  for (const [corpus, r] of Object.entries(results)) {
    const show = (tallies) => Object.entries(tallies).sort((a, b) => b[1].total - a[1].total).map(([how, t]) => `${how} ${pct(t.right / t.total).trim()} (${t.right}/${t.total})`).join(', ');
    console.log(`${corpus.padEnd(8)} direct: ${show(r.speakerByHow)}`);
    console.log(`${''.padEnd(8)} all:    ${show(r.all.speakerByHow)}`);
  }
  console.log('');
  for (const [corpus, r] of Object.entries(results)) {
    const met = r.exactScores.f1 >= TARGETS.f1 && r.overlapScores.f1 >= TARGETS.f1 && r.speakerAccuracy >= TARGETS.speaker;
    console.log(`${corpus}: ${r.ignored} predictions inside mixed quotations not counted; extraction ${r.extractMs} ms; targets ${met ? 'met' : 'not met'}`);
  }
  if (seed !== null) {
    const direct = seed.quotes.filter((q) => q.kind === 'direct');
    const others = seed.quotes.filter((q) => q.kind !== 'direct');
    console.log(`seed article: ${direct.length} quotations by ${direct.map((q) => q.speaker ?? 'none').join(', ')}; ${others.length} more (${others.map((q) => `${q.kind} by ${q.speaker ?? 'none'}`).join(', ')})`);
  }
}

/** Adds per-key `{ total, right }` (or any numeric fields) of `from` into `into`. */
function addTallies(into, from) {
  for (const [key, tally] of Object.entries(from)) {
    const target = (into[key] ??= {});
    for (const [field, n] of Object.entries(tally)) target[field] = (target[field] ?? 0) + n;
  }
}

/** The seed article's quotations, read like any `.txt` article; null when the file is not there. */
function readSeed(file, extractQuotes, parseTxt) {
  let text;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return null;
  }
  const [draft] = parseTxt(path.basename(file), text);
  const quotes = extractQuotes({ id: 'seed', body: draft.body });
  return { file, quotes: quotes.map((q) => ({ kind: q.kind, text: q.text, speaker: q.speaker, description: q.description, verb: q.verb, parts: q.parts.length })) };
}

function printDetails(corpus, details, allDetails) {
  const clip = (s) => JSON.stringify(s.length > 110 ? `${s.slice(0, 80)} … ${s.slice(-25)}` : s);
  for (const d of details) {
    if (d.misses.length + d.falsePositives.length + d.boundaryErrors.length + d.speakerErrors.length + (allDetails ? d.all.misses.length + d.all.falsePositives.length + d.all.speakerErrors.length : 0) === 0) continue;
    console.log(`\n== ${corpus}/${d.document}`);
    for (const m of d.misses) console.log(`  MISS   ${m.as === null ? '' : `(found as ${m.as}) `}${clip(m.text)} [${m.speaker.join(' | ')}]`);
    for (const f of d.falsePositives) console.log(`  FALSE  ${clip(f.text)} [${f.speaker}]`);
    for (const b of d.boundaryErrors) console.log(`  BOUND  gold ${clip(b.gold)}\n         pred ${clip(b.predicted)}`);
    for (const s of d.speakerErrors) console.log(`  SPKR   ${clip(s.quote)} -> ${s.predicted} (${s.mention}) gold [${s.gold.join(' | ')}]`);
    if (!allDetails) continue;
    for (const m of d.all.misses) console.log(`  A-MISS ${clip(m.text)} [${m.speaker.join(' | ')}]`);
    for (const f of d.all.falsePositives) console.log(`  A-FALSE ${f.kind} ${clip(f.text)} [${f.speaker}]`);
    for (const s of d.all.speakerErrors) console.log(`  A-SPKR ${s.kind} ${clip(s.quote)} -> ${s.predicted} (${s.mention}) gold [${s.gold.join(' | ')}]`);
  }
  console.log('');
}

main().catch((error) => {
  if (error instanceof UsageError) {
    console.error(`eval-quotes: ${error.message}\n${USAGE}`);
    process.exit(2);
  }
  console.error(`eval-quotes: ${error.stack ?? error}`);
  process.exit(1);
});
