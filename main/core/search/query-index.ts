// Runs a lunr query with lunr's own semantics — the same matches, the same scores to the bit, in the same
// order — but on arrays indexed by article number instead of lunr's per-match objects (a MatchData, FieldRef
// strings and Sets for every article that matches), and reading each term's postings and weights straight
// from its block of the compact index instead of the lunr objects made from them: those objects, and the
// cache misses on every matching article's vector, were most of a search's time at 10x BBC (issue 6).

import lunr from 'lunr';
import { termPostings, type CompactIndex, type PostingBlocks } from '../index/compact-index.js';
import { lowerBound } from '../util/lower-bound.js';
import { descendingOrder } from './scores.js';

/** The articles a query found, best first, by their numbers in the compact index (`refs`). */
export interface IndexMatches {
  refs: readonly string[];
  docs: Int32Array;
  scores: Float64Array;
}

/** The parts of a lunr index a query reads (lunr's typings leave them out). */
interface IndexInternals {
  fields: string[];
  pipeline: lunr.Pipeline;
}

/** A query clause as `lunr.Query#clause` completes it. */
interface Clause {
  term: string;
  fields: string[];
  boost: number;
  usePipeline: boolean;
  presence: lunr.Query.presence;
  editDistance?: number;
}

/** One term's articles in one field, in lunr's order, with the term's weight in each article's field vector. */
interface Posting {
  docs: Int32Array;
  weights: Float64Array;
}

/** What is kept per index between searches: the postings read so far, and arrays to count in. */
interface IndexState {
  compact: CompactIndex;
  /** Where `postings` were read from (`compact.postings` then). */
  source: PostingBlocks;
  /** Per term number: its posting in each field, made on the term's first search. */
  postings: Map<number, Posting[]>;
  /** Arrays by article number, reused by every query (cleared first) rather than allocated per query. */
  scratch: Scratch;
}

interface Scratch {
  /** Per field and article: 1 once the pair has matched. */
  seen: Uint8Array;
  /** The pairs matched, in order: field and article of each. */
  pairFields: Uint8Array;
  pairDocs: Int32Array;
  /** The articles found, in lunr's order before sorting. */
  found: Int32Array;
  /** Per article: how many required clauses it is in, and the last clause (numbered from 1) counted. */
  requiredHits: Int32Array;
  lastClause: Int32Array;
  /** Per field, per article: the dot product of the query vector with the article's field vector. */
  dots: Float64Array[];
  scores: Float64Array;
  scored: Uint8Array;
}

const states = new WeakMap<lunr.Index, IndexState>();

/**
 * The articles of `index` matching the query `build` makes, best first, exactly as `index.query(build)`;
 * `compact` is the form `index` was loaded from.
 */
export function queryIndex(index: lunr.Index, compact: CompactIndex, build: (query: lunr.Query) => void): IndexMatches {
  const internals = index as unknown as IndexInternals;
  const state = stateOf(index, compact);
  const query = new lunr.Query(internals.fields);
  build(query);
  const clauses = query.clauses as unknown as Clause[];
  // Exclusions are not used by Verbatim's queries; lunr answers those itself.
  if (clauses.some((c) => c.presence === lunr.Query.presence.PROHIBITED)) {
    const numbers = new Map(compact.refs.map((ref, n) => [ref, n]));
    const results = index.query(build);
    return { refs: compact.refs, docs: Int32Array.from(results, (r) => numbers.get(r.ref) ?? -1), scores: Float64Array.from(results, (r) => r.score) };
  }
  return runClauses(internals, state, clauses);
}

/** One clause with its terms looked up: the postings it reads, per field, in lunr's order. */
interface ClausePlan {
  required: boolean;
  /** A required term the index lacks: the clause (and so the query) matches nothing. */
  missing: boolean;
  postings: { field: number; termIndex: number; posting: Posting }[];
}

/** Every clause's terms as lunr expands them, then the articles scored in lunr's order (see Index#query). */
function runClauses(index: IndexInternals, state: IndexState, clauses: readonly Clause[]): IndexMatches {
  const queryVectors = index.fields.map(() => new lunr.Vector([]));
  const plans = clauses.map((clause) => planClause(index, state, clause, queryVectors));
  const n = state.compact.refs.length;
  const fieldCount = index.fields.length;
  const { seen, pairFields, pairDocs, dots, scores, scored, found, requiredHits, lastClause } = scratchFor(state, n, fieldCount);
  /** The (field, article) pairs matched, in the order lunr first meets them, without repeats. */
  let pairs = 0;
  // lunr's `requiredMatches` comes to this: an article must be in every required clause's postings (and a
  // required term the index lacks matches nothing). Counted per article, each clause once.
  let requiredClauses = 0;
  let missing = false;
  plans.forEach((plan, c) => {
    if (plan.required) requiredClauses += 1;
    missing ||= plan.missing;
    for (const { field, posting } of plan.postings) {
      for (const doc of posting.docs) {
        if (plan.required && lastClause[doc] !== c + 1) {
          lastClause[doc] = c + 1;
          requiredHits[doc] = (requiredHits[doc] ?? 0) + 1;
        }
        // (lunr skips a term's field it has read before; its articles are all seen by then.)
        if (seen[field * n + doc] === 1) continue;
        seen[field * n + doc] = 1;
        pairFields[pairs] = field;
        pairDocs[pairs] = doc;
        pairs += 1;
      }
    }
  });
  const isRequired = (doc: number): boolean => !missing && requiredHits[doc] === requiredClauses;

  addDotProducts(dots, queryVectors, plans);
  const magnitudes = queryVectors.map((v) => v.magnitude());
  /** Articles in the order lunr lists them before sorting: by their first matching pair. */
  let count = 0;
  for (let i = 0; i < pairs; i += 1) {
    const doc = pairDocs[i] ?? 0;
    if (requiredClauses > 0 && !isRequired(doc)) continue;
    const field = pairFields[i] ?? 0;
    // lunr's Vector#similarity: the dot product over the query vector's magnitude, 0 when undefined.
    const score = (dots[field]?.[doc] ?? 0) / (magnitudes[field] ?? 0) || 0;
    if (scored[doc] === 1) {
      scores[doc] = (scores[doc] ?? 0) + score;
    } else {
      scored[doc] = 1;
      scores[doc] = score;
      found[count] = doc;
      count += 1;
    }
  }
  // lunr's order: by descending score, equal scores as found (lunr's sort is stable).
  const values = new Float64Array(count);
  for (let i = 0; i < count; i += 1) values[i] = scores[found[i] ?? 0] ?? 0;
  const order = descendingOrder(values);
  const docs = new Int32Array(count);
  const sortedScores = new Float64Array(count);
  for (let i = 0; i < count; i += 1) {
    docs[i] = found[order[i] ?? 0] ?? 0;
    sortedScores[i] = values[order[i] ?? 0] ?? 0;
  }
  return { refs: state.compact.refs, docs, scores: sortedScores };
}

/**
 * Adds to `dots`, per field, per article: lunr's Vector#dot of the query vector with the article's field
 * vector. lunr adds the products of the terms both have in ascending term order; so does this, term by
 * term over the postings (an article lacking a term is not in its posting), so each sum is the same to the bit.
 */
function addDotProducts(dots: readonly Float64Array[], queryVectors: readonly lunr.Vector[], plans: readonly ClausePlan[]): void {
  queryVectors.forEach((vector, field) => {
    const byTerm = new Map<number, Posting>();
    for (const plan of plans) for (const p of plan.postings) if (p.field === field) byTerm.set(p.termIndex, p.posting);
    const fieldDots = dots[field] as Float64Array;
    const elements = (vector as unknown as { elements: number[] }).elements;
    for (let i = 0; i < elements.length; i += 2) {
      const posting = byTerm.get(elements[i] ?? -1);
      const weight = elements[i + 1] ?? 0;
      if (posting === undefined) continue;
      const { docs, weights } = posting;
      for (let k = 0; k < docs.length; k += 1) {
        const doc = docs[k] ?? 0;
        fieldDots[doc] = (fieldDots[doc] ?? 0) + weight * (weights[k] ?? 0);
      }
    }
  });
}

/** lunr's lookup of one clause: its terms through the pipeline, expanded, their postings (and the query vector). */
function planClause(index: IndexInternals, state: IndexState, clause: Clause, queryVectors: lunr.Vector[]): ClausePlan {
  const required = clause.presence === lunr.Query.presence.REQUIRED;
  const fields = clause.fields.map((field) => index.fields.indexOf(field));
  const plan: ClausePlan = { required, missing: false, postings: [] };
  const terms = clause.usePipeline ? runPipeline(index.pipeline, clause.term, { fields: clause.fields }) : [clause.term];
  for (const term of terms) {
    clause.term = term;
    const expanded = expandTerm(state.compact, clause);
    if (expanded.length === 0 && required) {
      plan.missing = true;
      break;
    }
    for (const expandedTerm of expanded) {
      const termNumber = termNumberOf(state.compact, expandedTerm);
      if (termNumber < 0) continue;
      const termIndex = state.compact.termIndex[termNumber] ?? 0;
      const postings = postingsOf(state, termNumber);
      fields.forEach((field) => {
        queryVectors[field]?.upsert(termIndex, clause.boost, (a, b) => a + b);
        plan.postings.push({ field, termIndex, posting: postings[field] ?? noPosting });
      });
    }
  }
  return plan;
}

/**
 * The index's terms the clause's term stands for, as lunr's `tokenSet.intersect(TokenSet.fromClause(clause))`
 * lists them, found in the sorted terms without the index's token set: a term without wildcards or an edit
 * distance stands for itself alone (when the index has it), one ending in its only wildcard for the terms it
 * starts, any other for those `intersectTerms` finds. At 50x BBC, making the token sets took the first
 * `terror*` a second, and the first `parliment~` 0.4 s (issue 19).
 */
function expandTerm(compact: CompactIndex, clause: Clause): string[] {
  if (!('editDistance' in clause)) {
    const star = clause.term.indexOf('*');
    if (star === -1) return termNumberOf(compact, clause.term) >= 0 ? [clause.term] : [];
    if (star === clause.term.length - 1) return termsStarting(compact, clause.term.slice(0, -1));
  }
  return intersectTerms(compact.terms, tokenSetOf(clause));
}

/**
 * lunr's `TokenSet#intersect` of the token set of `terms` (sorted by code unit, as lunr sorts an index's
 * terms) with `query` (a wildcard or fuzzy term's), listed by `toArray`: the same terms in the same order,
 * without making the index's token set. A node of that set is the range of the terms that start with its
 * prefix; its edges are the code units that follow the prefix in them, in the order of an object's keys
 * (digits first, then as inserted: by code unit). The output is lunr's own token set, made as lunr makes it.
 */
export function intersectTerms(terms: readonly string[], query: lunr.TokenSet): string[] {
  const output = new lunr.TokenSet();
  const stack: { qNode: lunr.TokenSet; output: lunr.TokenSet; from: number; to: number; depth: number }[] = [{ qNode: query, output, from: 0, to: terms.length, depth: 0 }];
  for (let frame = stack.pop(); frame !== undefined; frame = stack.pop()) {
    const qEdges = edgesOf(frame.qNode);
    const nEdges = branches(terms, frame.from, frame.to, frame.depth);
    for (const qEdge of Object.keys(qEdges)) {
      const qNode = qEdges[qEdge] as lunr.TokenSet;
      for (const branch of nEdges) {
        if (branch.edge !== qEdge && qEdge !== '*') continue;
        // The branch's node is final when one of its terms is its prefix (the first, sorted).
        const final = (terms[branch.from] ?? '').length === frame.depth + 1 && tokenFinal(qNode);
        const outputEdges = edgesOf(frame.output);
        let next = outputEdges[branch.edge];
        if (next !== undefined) setFinal(next, tokenFinal(next) || final);
        else {
          next = new lunr.TokenSet();
          setFinal(next, final);
          outputEdges[branch.edge] = next;
        }
        stack.push({ qNode, output: next, from: branch.from, to: branch.to, depth: frame.depth + 1 });
      }
    }
  }
  return output.toArray();
}

/** The branches below the node of the terms `from`..`to` (which share their first `depth` code units), in lunr's edge order. */
function branches(terms: readonly string[], from: number, to: number, depth: number): { edge: string; from: number; to: number }[] {
  const digits: { edge: string; from: number; to: number }[] = [];
  const others: { edge: string; from: number; to: number }[] = [];
  // The node's own term, if it has one, comes first: it has no code unit at `depth`.
  let at = from < to && (terms[from] ?? '').length === depth ? from + 1 : from;
  while (at < to) {
    const code = (terms[at] ?? '').charCodeAt(depth);
    const end = at + 1 + lowerBound(to - at - 1, (k) => (terms[at + 1 + k] ?? '').charCodeAt(depth) <= code);
    (code >= 0x30 && code <= 0x39 ? digits : others).push({ edge: String.fromCharCode(code), from: at, to: end });
    at = end;
  }
  return digits.length === 0 ? others : [...digits, ...others];
}

/** A token set's edges and finality (missing from lunr's typings). */
function edgesOf(node: lunr.TokenSet): Record<string, lunr.TokenSet> {
  return (node as unknown as { edges: Record<string, lunr.TokenSet> }).edges;
}

function tokenFinal(node: lunr.TokenSet): boolean {
  return (node as unknown as { final: boolean }).final;
}

function setFinal(node: lunr.TokenSet, final: boolean): void {
  (node as unknown as { final: boolean }).final = final;
}

/**
 * The terms starting with `prefix`, in the order lunr's token set lists them for `prefix*`: depth first,
 * each term before the longer ones it starts, and the branches of a letter in the reverse order of its
 * edges (`TokenSet#toArray` pops them from a stack), which is the order of their keys: digits first, then by
 * code unit (terms are added in sorted order, and an object lists integer keys first).
 */
export function termsStarting(compact: CompactIndex, prefix: string): string[] {
  const { terms } = compact;
  const found: string[] = [];
  for (let i = lowerBound(terms.length, (k) => (terms[k] ?? '') < prefix); i < terms.length && (terms[i] ?? '').startsWith(prefix); i += 1) found.push(terms[i] ?? '');
  return found.sort(tokenSetOrder);
}

/** lunr's token-set order of two terms (see `termsStarting`). */
function tokenSetOrder(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a.charCodeAt(i) === b.charCodeAt(i)) i += 1;
  if (i === a.length || i === b.length) return a.length - b.length;
  return edgeRank(b.charCodeAt(i)) - edgeRank(a.charCodeAt(i));
}

/** Where an edge of a token-set node comes among its node's keys: digits (integer keys) first, then by code unit. */
function edgeRank(code: number): number {
  return code >= 0x30 && code <= 0x39 ? code - 0x30 - 10 : code;
}

/** lunr's Pipeline#runString, which takes the clause's fields as metadata (its typings allow no metadata). */
function runPipeline(pipeline: lunr.Pipeline, term: string, metadata: object): string[] {
  return (pipeline as unknown as { runString(term: string, metadata: object): string[] }).runString(term, metadata);
}

/** lunr's TokenSet.fromClause: the term with its wildcards or edit distance (missing from lunr's typings). */
function tokenSetOf(clause: Clause): lunr.TokenSet {
  return (lunr.TokenSet as unknown as { fromClause(clause: Clause): lunr.TokenSet }).fromClause(clause);
}

function stateOf(index: lunr.Index, compact: CompactIndex): IndexState {
  let state = states.get(index);
  // Postings read from where they are now (a cache written since: see index-cache.ts), not kept from before.
  if (state !== undefined && state.source !== compact.postings) {
    state.postings.clear();
    state.source = compact.postings;
  }
  if (state === undefined || state.compact !== compact) {
    const none = new Uint8Array(0);
    const noInts = new Int32Array(0);
    const empty = { seen: none, pairFields: none, pairDocs: noInts, found: noInts, requiredHits: noInts, lastClause: noInts, dots: [], scores: new Float64Array(0), scored: none };
    state = { compact, source: compact.postings, postings: new Map(), scratch: empty };
    states.set(index, state);
  }
  return state;
}

/** The index's scratch arrays for its `n` articles, all zero; made at its first query. */
function scratchFor(state: IndexState, n: number, fieldCount: number): Scratch {
  let scratch = state.scratch;
  if (scratch.scores.length !== n || scratch.dots.length !== fieldCount) {
    const size = n;
    scratch = {
      seen: new Uint8Array(size * fieldCount),
      pairFields: new Uint8Array(size * fieldCount),
      pairDocs: new Int32Array(size * fieldCount),
      found: new Int32Array(size),
      requiredHits: new Int32Array(size),
      lastClause: new Int32Array(size),
      dots: Array.from({ length: fieldCount }, () => new Float64Array(size)),
      scores: new Float64Array(size),
      scored: new Uint8Array(size),
    };
    state.scratch = scratch;
  } else {
    scratch.seen.fill(0);
    for (const dots of scratch.dots) dots.fill(0);
    scratch.scores.fill(0);
    scratch.scored.fill(0);
    scratch.requiredHits.fill(0);
    scratch.lastClause.fill(0);
  }
  return scratch;
}

const noPosting: Posting = { docs: new Int32Array(0), weights: new Float64Array(0) };

/** The number of `term` in the compact index (its terms are sorted), or -1. */
function termNumberOf(compact: CompactIndex, term: string): number {
  const at = lowerBound(compact.terms.length, (i) => (compact.terms[i] ?? '') < term);
  return compact.terms[at] === term ? at : -1;
}

/**
 * A term's posting in each field, with the term's weight in each article's field vector: read from its
 * block (in memory, or from the cache file) on the term's first search and kept, as views of the block.
 */
function postingsOf(state: IndexState, termNumber: number): Posting[] {
  let postings = state.postings.get(termNumber);
  if (postings === undefined) {
    const { docs, weights } = termPostings(state.compact, termNumber);
    postings = docs.map((fieldDocs, f) => ({ docs: fieldDocs, weights: weights[f] ?? new Float64Array(0) }));
    state.postings.set(termNumber, postings);
  }
  return postings;
}
