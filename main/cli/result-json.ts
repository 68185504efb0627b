// What one search hit and one quote look like in the command's JSON output (ARCHITECTURE.md's command line
// contract): the same shape in a --json document and on a --jsonl line.

import type { QuoteHit, SearchHit } from '../contract/api.js';

/** A search hit as `verbatim search --json` lists it. */
export function searchHitJson(hit: SearchHit): Record<string, unknown> {
  return {
    id: hit.id,
    path: hit.path,
    title: hit.title,
    date: hit.date,
    source: hit.source,
    score: hit.score,
    snippet: hit.snippet.text,
    quotes: hit.quotes.map((q) => ({ text: q.text, speaker: q.speaker, kind: q.kind })),
  };
}

/** A quote as `verbatim quotes --json` lists it. */
export function quoteJson(q: QuoteHit): Record<string, unknown> {
  return {
    articleId: q.articleId,
    path: q.path,
    kind: q.kind,
    text: q.text,
    speaker: q.speaker,
    speakerFound: q.speakerFound,
    verb: q.verb,
    mention: q.mention,
    start: q.start,
    end: q.end,
    parts: q.parts.map((p) => ({ text: p.text, start: p.start, end: p.end })),
  };
}
