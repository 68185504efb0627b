// The order of the import report: by path, with numbers in paths compared as numbers, so that
// "feed.jsonl (line 9)" comes before "feed.jsonl (line 10)" (issue 14: they were sorted as text).

import type { ImportProblem } from '../../contract/model.js';

/**
 * Compares two problems by path: runs of digits by their value, everything else by UTF-16 code units
 * (as before); paths equal that way (`07` and `7`) fall back to plain text order.
 * @example problems.sort(compareProblems) // 'a.jsonl (line 2)', 'a.jsonl (line 10)', 'b.txt'
 */
export function compareProblems(a: ImportProblem, b: ImportProblem): number {
  return compareByNumbers(a.path, b.path) || compareText(a.path, b.path);
}

function compareByNumbers(a: string, b: string): number {
  const left = a.match(/\d+|\D+/g) ?? [];
  const right = b.match(/\d+|\D+/g) ?? [];
  for (let i = 0; i < Math.min(left.length, right.length); i += 1) {
    const x = left[i] ?? '';
    const y = right[i] ?? '';
    const order = isDigits(x) && isDigits(y) ? compareNumbers(x, y) : compareText(x, y);
    if (order !== 0) return order;
  }
  return left.length - right.length;
}

/** Compares digit strings of any length by value, without parsing them (they may exceed 2^53). */
function compareNumbers(x: string, y: string): number {
  const a = x.replace(/^0+(?=\d)/, '');
  const b = y.replace(/^0+(?=\d)/, '');
  return a.length - b.length || compareText(a, b);
}

function isDigits(text: string): boolean {
  return text.charCodeAt(0) >= 48 && text.charCodeAt(0) <= 57;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
