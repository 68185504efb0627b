// What an engine's people are resolved from, named by a digest (issue 16): a warm open at 10x BBC spent 1.2 s
// listing 100,000 quotes' speakers and words and 0.7 s hashing that list only to find the people saved for it.
// Each shard's digest is taken once, when its quotes are all extracted, and kept in its cache
// (`LibraryData.quotesDigest`); an engine's identity adds the duplicates it hides and the user's corrections.

import { createHash } from 'node:crypto';
import type { LibraryData } from '../index/build-library-data.js';

/**
 * A digest of every field of `data` that the people and quotation clusters are resolved from: each article's
 * id, date, source and language, and each quote's id, kind, speaker, description, how it was found and its
 * words, in order (see `collectMentions` and `quotationWords`). Call once every record has its quotes.
 * ~35 ms for a shard of 5,500 articles and 26,000 quotes.
 */
export function digestQuotes(data: LibraryData): string {
  const hash = createHash('sha256').update('verbatim-quotes 1\n');
  for (const record of data.files) {
    // One string per file: one hash update per quote costs more than the hashing.
    let text = `${record.path}\n`;
    for (const a of record.articles) text += `a\t${a.id}\t${a.date}\t${a.source}\t${a.language}\n`;
    for (const q of record.quotes ?? []) text += `q\t${q.id}\t${q.kind}\t${q.speaker}\t${q.description}\t${q.speakerFound}\t${q.text.length}\t${q.text}\n`;
    hash.update(text);
  }
  return hash.digest('hex');
}

/**
 * An engine's identity for saved people: its shards' quote digests in the order it lists their quotes, the
 * duplicates it hides and the user's corrections (as the engine was given them). Any difference in these may
 * change a mention or a quotation; the same identity lists the same quotes in the same order.
 */
export function engineIdentity(shards: readonly { shard: number; quotesDigest: string }[], hidden: ReadonlySet<string>, corrections: string): string {
  const hash = createHash('sha256').update(`verbatim-engine 1\n${shards.length}\n`);
  for (const { shard, quotesDigest } of shards) hash.update(`${shard} ${quotesDigest}\n`);
  const ids = [...hidden].sort();
  hash.update(`${ids.length}\n${ids.join('\n')}\n${corrections.length}\n${corrections}`);
  return hash.digest('hex');
}
