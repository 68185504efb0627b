// Quote provenance across the archive (issue 17): the same quotation in several articles, word for word or
// near-verbatim, is one cluster. Pure: each engine lists its quotes' words, one engine clusters them all.

import type { QuoteCluster, QuoteKind } from '../../contract/model.js';
import { foldedWords } from './verify-words.js';

/** Fewest words a quotation needs to cluster: shorter fragments ("we will not give up") repeat by chance. */
export const clusterMinWords = 6;
/** Fewest words a quotation needs to join a longer one it stands inside (a shortened quote). */
export const containedMinWords = 8;
// A hostile archive could hold thousands of quotations that open with the same 8 words: each longer quotation
// compares itself with at most this many of them, so clustering stays linear in the archive's words.
const maxSameStart = 64;

/** A quote as clustering sees it: where it stands and its words. */
export interface ClusterEntry {
  quoteId: string;
  articleId: string;
  date: string | null;
  source: string | null;
  /** Its folded words joined by single spaces (`quotationWords`), or null for a quote that does not cluster. */
  words: string | null;
}

/** What a clustered quote is given: its `Quote.clusterId` and `Quote.cluster`. */
export interface ClusterAssignment {
  clusterId: string;
  cluster: QuoteCluster;
}

/**
 * The words a quote clusters by: its text's words folded as verify folds them (case, accents, punctuation,
 * typographic quotes), joined by spaces; null for reported speech and for quotations under `clusterMinWords`.
 * @example quotationWords({ kind: 'direct', text: 'We will NOT, ever, give up the fight.' }) // 'we will not ever give up the fight'
 */
export function quotationWords(quote: { kind: QuoteKind; text: string }): string | null {
  if (quote.kind !== 'direct' && quote.kind !== 'partial') return null;
  const words = foldedWords(quote.text);
  return words.length >= clusterMinWords ? words.join(' ') : null;
}

/**
 * Clusters `entries`: those with the same words, or whose words (`containedMinWords` or more) stand in order
 * inside another's, are one quotation. Answers per entry its assignment, or null when no other entry shares
 * its words. The cluster's id is the id of its first quote (earliest dated article, then by article id).
 */
export function clusterQuotations(entries: readonly ClusterEntry[]): (ClusterAssignment | null)[] {
  const textIndex = new Map<string, number>();
  const texts: string[] = [];
  const entryText = entries.map((entry) => {
    if (entry.words === null) return -1;
    let index = textIndex.get(entry.words);
    if (index === undefined) {
      index = texts.length;
      textIndex.set(entry.words, index);
      texts.push(entry.words);
    }
    return index;
  });
  const parent = Int32Array.from(texts, (_, i) => i);
  const root = (i: number): number => {
    let at = i;
    while (parent[at] !== at) at = parent[at] = parent[parent[at] as number] as number;
    return at;
  };
  joinContained(texts, (a, b) => {
    parent[root(a)] = root(b);
  });

  const groups = new Map<number, ClusterEntry[]>();
  entries.forEach((entry, i) => {
    const text = entryText[i] as number;
    if (text < 0) return;
    const key = root(text);
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [entry]);
    else group.push(entry);
  });
  const byQuote = new Map<string, ClusterAssignment>();
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    const first = group.reduce((a, b) => (compareEntries(b, a) < 0 ? b : a));
    const assignment: ClusterAssignment = {
      clusterId: first.quoteId,
      cluster: { articles: new Set(group.map((e) => e.articleId)).size, first: { articleId: first.articleId, date: first.date, source: first.source } },
    };
    for (const entry of group) byQuote.set(entry.quoteId, assignment);
  }
  return entries.map((entry) => byQuote.get(entry.quoteId) ?? null);
}

/** Calls `join(a, b)` for every text `a` of `containedMinWords` words or more that stands inside a longer text `b`. */
function joinContained(texts: readonly string[], join: (a: number, b: number) => void): void {
  // Each long enough text by its first words: a longer text holds it only where those words stand.
  const byStart = new Map<string, number[]>();
  const starts = texts.map(wordStarts);
  texts.forEach((text, i) => {
    const at = starts[i] as number[];
    if (at.length < containedMinWords) return;
    const key = text.slice(0, endOfWord(text, at, containedMinWords - 1));
    const list = byStart.get(key);
    if (list === undefined) byStart.set(key, [i]);
    else if (list.length < maxSameStart) list.push(i);
  });
  texts.forEach((text, b) => {
    const at = starts[b] as number[];
    for (let w = 0; w + containedMinWords <= at.length; w++) {
      const from = at[w] as number;
      const candidates = byStart.get(text.slice(from, endOfWord(text, at, w + containedMinWords - 1)));
      if (candidates === undefined) continue;
      for (const a of candidates) {
        const inner = texts[a] as string;
        if (a === b || inner.length >= text.length || !text.startsWith(inner, from)) continue;
        const after = from + inner.length;
        if (after === text.length || text[after] === ' ') join(a, b);
      }
    }
  });
}

/** Where each word of a space-joined text starts. */
function wordStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf(' '); i >= 0; i = text.indexOf(' ', i + 1)) starts.push(i + 1);
  return starts;
}

/** Where word `w` of `text` ends. */
function endOfWord(text: string, starts: readonly number[], w: number): number {
  const next = starts[w + 1];
  return next === undefined ? text.length : next - 1;
}

/** Earliest dated first (undated last), then by article id and quote id. */
function compareEntries(a: ClusterEntry, b: ClusterEntry): number {
  if (a.date !== b.date) {
    if (a.date === null) return 1;
    if (b.date === null) return -1;
    return a.date < b.date ? -1 : 1;
  }
  if (a.articleId !== b.articleId) return a.articleId < b.articleId ? -1 : 1;
  return a.quoteId < b.quoteId ? -1 : a.quoteId > b.quoteId ? 1 : 0;
}
