// What one search hit and one quote look like as JSON: in the command line's --json document and --jsonl lines
// (ARCHITECTURE.md's command line contract), and in the window's JSON export.

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
    quotes: hit.quotes.map((q) => ({ text: q.text, speaker: q.speaker, speakerId: q.speakerId, kind: q.kind })),
  };
}

/** A quote as `verbatim quotes --json` lists it. */
export function quoteJson(q: QuoteHit): Record<string, unknown> {
  return {
    id: q.id,
    articleId: q.articleId,
    path: q.path,
    title: q.title,
    date: q.date,
    source: q.source,
    kind: q.kind,
    text: q.text,
    speaker: q.speaker,
    speakerId: q.speakerId,
    speakerFound: q.speakerFound,
    // The user's correction that decided this quote (its id), or null: a correction is shown as one.
    correction: q.correction ?? null,
    // The same quotation in other articles (issue 17): its cluster's id and where it stands first, or null.
    clusterId: q.clusterId,
    cluster: q.cluster ?? null,
    verb: q.verb,
    mention: q.mention,
    start: q.start,
    end: q.end,
    parts: q.parts.map((p) => ({ text: p.text, start: p.start, end: p.end })),
  };
}
