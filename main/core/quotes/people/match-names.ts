// How two mentions of one person are matched: Russian case endings dropped, misspellings forgiven, roles by their adjective.
import { withinEditDistance } from '../../util/edit-distance.js';

/**
 * The form of a name's word that its other grammatical cases share: Russian names decline
 * ("Песков", "Пескова", "Песковым"), so their case endings are dropped; other words stay as they are.
 */
export function nameKey(word: string): string {
  if (!startsCyrillicOrHyphen(word) || !/^[\u0400-\u04FF-]+$/u.test(word)) return word;
  const stem = word.replace(/(?:ого|его|ому|ему|ым|им|ой|ей|ом|ем|ую|юю|а|я|у|ю|е|ы|и|й)$/u, '');
  return stem.length >= 3 ? stem : word;
}

/** A cheap test before `nameKey`'s regex, which most (Latin) names fail at their first character. */
function startsCyrillicOrHyphen(word: string): boolean {
  const first = word.charCodeAt(0);
  return first === 0x2d || (first >= 0x400 && first <= 0x4ff);
}

/** Whether `a` is a misspelling of `b`: same first letter, one edit apart (two for long names). */
export function isMisspelling(a: string, b: string): boolean {
  if (a === b || a[0] !== b[0] || Math.min(a.length, b.length) < 5) return false;
  const allowed = Math.min(a.length, b.length) >= 8 ? 2 : 1;
  return withinEditDistance(a, b, allowed);
}

/** Whether `words` end with the words of `suffix`: a surname, or a first name and surname, of a full name. */
export function endsWith(words: readonly string[], suffix: readonly string[]): boolean {
  if (suffix.length > words.length) return false;
  const offset = words.length - suffix.length;
  return suffix.every((word, i) => words[offset + i] === word);
}

/**
 * Whether a description's word names the role `head`: the same word, or its adjective ("mayoral
 * candidate" for "the mayor", "presidential" for "the president").
 */
export function sameRole(word: string, head: string): boolean {
  return word === head || (head.length >= 5 && word.startsWith(head) && /^(?:al|ial|ian)$/.test(word.slice(head.length)));
}

/** Whether `word` occurs in the lower-case `text` as a whole word. */
export function containsWord(text: string, word: string): boolean {
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
    const before = text.charAt(at - 1);
    const after = text.charAt(at + word.length);
    if (!/[\p{L}\p{N}]/u.test(before) && !/[\p{L}\p{N}]/u.test(after)) return true;
  }
  return false;
}
