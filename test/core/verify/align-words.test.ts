import { describe, expect, it } from 'vitest';
import { alignLocal } from '../../../main/core/verify/align-words.js';
import { articlesWithShingle, buildShingleIndex } from '../../../main/core/verify/shingle-index.js';
import { hashWord, shinglesOf } from '../../../main/core/verify/shingle-hash.js';
import { verifyWords } from '../../../main/core/verify/verify-words.js';
import { sameWords } from '../../../main/core/verify/verify-claim.js';
import { wordChanges } from '../../../main/core/verify/word-changes.js';

/** The changes of `claim` against `original`, as `op:claim|original`, and whether they are exact. */
function diff(claim: string, original: string): { changes: string[]; exact: boolean; omitted: number } {
  const c = verifyWords(claim);
  const o = verifyWords(original);
  const found = alignLocal(sameWords(c, o), 0, c.length, 0, o.length);
  if (found === null) return { changes: [], exact: false, omitted: 0 };
  const range = (from: number, to: number): number[] => Array.from({ length: to - from }, (_, k) => from + k);
  const list = wordChanges(c, claim, o, original, found.steps, {
    claimBefore: range(0, found.claimStart),
    claimAfter: range(found.claimEnd, c.length),
    originalBefore: range(0, found.originalStart),
    originalAfter: range(found.originalEnd, o.length),
  });
  return { changes: list.changes.map((x) => `${x.op}:${x.claim}|${x.original}`), exact: list.exact, omitted: list.omitted };
}

describe('word alignment', () => {
  it.each([
    ['the same words retyped', '“We WILL rebuild” this town', '"we will rebuild this town"', ['equal:We WILL rebuild this town|we will rebuild this town'], true],
    ['a shortened quote', 'we will rebuild', 'We will rebuild this town, she said', ['equal:we will rebuild|We will rebuild', 'delete:|this town she said'], true],
    ['a word replaced', 'we shall rebuild this town', 'we will rebuild this town', ['equal:we|we', 'replace:shall|will', 'equal:rebuild this town|rebuild this town'], false],
    ['a word dropped without an ellipsis', 'I will resign today', 'I will not resign today', ['equal:I will|I will', 'delete:|not', 'equal:resign today|resign today'], false],
    ['words left out at an ellipsis', 'we will ... this town today', 'we will rebuild this town today', ['equal:we will|we will', 'delete:|rebuild', 'equal:this town today|this town today'], true],
    ['a word inserted', 'we will never rebuild this town', 'we will rebuild this town', ['equal:we will|we will', 'insert:never|', 'equal:rebuild this town|rebuild this town'], false],
    ['a hyphen dropped', 'a wellknown figure of speech', 'a well-known figure of speech', ['equal:a|a', 'equal:wellknown|well known', 'equal:figure of speech|figure of speech'], true],
    ['a hyphen added', 'a well-known figure', 'a wellknown figure', ['equal:a|a', 'equal:well known|wellknown', 'equal:figure|figure'], true],
  ])('shows %s', (_name, claim, original, changes, exact) => {
    const found = diff(claim, original);
    expect(found.changes).toEqual(changes);
    expect(found.exact).toBe(exact);
  });

  it('never chains words scattered in another order', () => {
    expect(diff('town this rebuild will we', 'we will rebuild this town').changes.filter((c) => c.startsWith('equal')).length).toBeLessThanOrEqual(1);
  });
});

describe('the shingle index', () => {
  it('finds each article holding a three-word shingle, once, and no other', () => {
    const index = buildShingleIndex(['We will rebuild this town.', 'Nobody will rebuild this town, we will rebuild it', 'Something else entirely']);
    const shingle = (text: string): number => shinglesOf(verifyWords(text).map((w) => hashWord(w.norm)))[0] ?? -1;
    expect(articlesWithShingle(index, shingle('will rebuild this'))).toEqual([0, 1]);
    expect(articlesWithShingle(index, shingle('WE WILL REBUILD'))).toEqual([0, 1]);
    expect(articlesWithShingle(index, shingle('something else entirely'))).toEqual([2]);
    expect(articlesWithShingle(index, shingle('this town we'))).toEqual([1]);
    expect(articlesWithShingle(index, shingle('not in any'))).toEqual([]);
  });
});
