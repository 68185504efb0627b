import { describe, expect, it } from 'vitest';
import { intersectScores, partialScores, Scores, unionScores } from '../../../main/core/search/scores.js';

const articleCount = 200;

/** A small deterministic generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state / 2 ** 32;
  };
}

/** Some articles in a random order with scores, many of them equal (as exact duplicates score). */
function randomScores(next: () => number): Map<number, number> {
  const map = new Map<number, number>();
  const size = Math.floor(next() * 60);
  for (let i = 0; i < size; i += 1) map.set(Math.floor(next() * articleCount), Math.floor(next() * 8) / 4 + next() * (next() < 0.5 ? 0 : 1));
  return map;
}

function toScores(map: ReadonlyMap<number, number>): Scores {
  const scores = new Scores(articleCount);
  for (const [article, score] of map) scores.set(article, score);
  return scores;
}

const entries = (scores: Scores): [number, number][] => scores.order.map((article) => [article, scores.get(article)]);

// The map-based combinations the arrays replace, as they were.
function unionReference(list: readonly Map<number, number>[]): Map<number, number> {
  const union = new Map<number, number>();
  for (const scores of list) for (const [id, score] of scores) union.set(id, Math.max(union.get(id) ?? 0, score));
  return union;
}

function intersectReference(list: readonly Map<number, number>[]): Map<number, number> {
  const [smallest, ...others] = [...list].sort((a, b) => a.size - b.size);
  const result = new Map<number, number>();
  if (!smallest) return result;
  outer: for (const [id, score] of smallest) {
    let total = score;
    for (const scores of others) {
      const s = scores.get(id);
      if (s === undefined) continue outer;
      total += s;
    }
    result.set(id, total);
  }
  return result;
}

function partialReference(list: readonly Map<number, number>[]): Map<number, number> {
  const matched = new Map<number, { groups: number; score: number }>();
  for (const scores of list) {
    for (const [id, score] of scores) {
      const entry = matched.get(id) ?? { groups: 0, score: 0 };
      entry.groups += 1;
      entry.score += score;
      matched.set(id, entry);
    }
  }
  return new Map([...matched].map(([id, e]) => [id, e.groups * 1000 + e.score]));
}

describe('combining scores by article number', () => {
  it('gives what maps by id gave: the same articles, scores to the bit, in the same order', () => {
    const next = random(6);
    for (let round = 0; round < 300; round += 1) {
      const maps = Array.from({ length: 1 + Math.floor(next() * 4) }, () => randomScores(next));
      const list = maps.map(toScores);
      expect(entries(unionScores(list, articleCount))).toEqual([...unionReference(maps)]);
      expect(entries(intersectScores(list, articleCount))).toEqual([...intersectReference(maps)]);
      expect(entries(partialScores(list, articleCount))).toEqual([...partialReference(maps)]);
    }
  });

  it('keeps an article where it was first set, as a map does', () => {
    const scores = new Scores(10);
    scores.set(7, 1);
    scores.set(2, 3);
    scores.set(7, 5);
    expect(entries(scores)).toEqual([
      [7, 5],
      [2, 3],
    ]);
    expect(scores.has(4)).toBe(false);
    expect(scores.size).toBe(2);
  });
});
