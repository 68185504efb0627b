// Loading the annotated corpora (PolNeAR, Gender Gap Tracker) into documents: a body read like Verbatim reads
// it, and the annotated attributions as body ranges with their speakers.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { codePointOffsets, readArticle, toBody } from './read-article.mjs';

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

/** Development documents are split by position in name order: every third (i % 3 == 2) is held out for checking. */
function inSplit(index, split) {
  if (split === 'all') return true;
  return split === 'check' ? index % 3 === 2 : index % 3 !== 2;
}

/** The documents of each corpus in `options.corpora` (from `options.dir/<corpus>`), in `options.split`. */
export function loadCorpora(options, parseTxt) {
  const loaders = { polnear: loadPolnear, ggt: loadGgt };
  return Object.fromEntries(options.corpora.map((corpus) => [corpus, loaders[corpus](path.join(options.dir, corpus), parseTxt).filter((_, i) => inSplit(i, options.split))]));
}
