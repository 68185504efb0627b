// The speaker phrase of a capitalised run: the name, with its title and its description.
import { collapseSpaces } from '../../util/white-space.js';
import { GROUP_NOUNS } from '../quote-lexicon.js';
import { isLowerWord, opensSentence, type Token } from '../tokenize-body.js';
import { appositiveAfter, cleanDescription, descriptionBefore, joinDescription } from './descriptions.js';
import { analyzeNameRun, isPersonLikeName, nameWords } from './name-runs.js';
import {spanText } from './phrase-text.js';
import { rolePhrase, type SpeakerPhrase } from './speaker-phrase.js';
import { couldBeSurname, isDeterminer, isRoleNoun, lower, withoutPossessive } from './word-classes.js';

/**
 * The phrase for the capitalised run `[start, end)`: the name, its title and description (read back
 * to `lo` and forward to `hi`). A run that is only a title ("the President") is a role; null when
 * the run holds no name.
 */
export function namePhrase(body: string, tokens: readonly Token[], start: number, end: number, lo: number, hi: number): SpeakerPhrase | null {
  const chunk = analyzeNameRun(tokens, start, end);
  if (chunk === null) return null;
  const firstWord = tokens[chunk.first];
  const lastWord = tokens[chunk.nameEnd - 1];
  if (firstWord === undefined || lastWord === undefined) return null;
  // Only a title ("the President said"), or a plural role or group capitalised at a sentence's start
  // ("Engineers said", "Critics argue"): a role, resolved like "the analyst".
  const pluralRole = chunk.nameEnd - chunk.nameFirst === 1 && lastWord.text.endsWith('s') && (GROUP_NOUNS.has(lower(lastWord)) || isRoleNoun(lastWord.text)) && opensSentence(tokens, chunk.nameFirst);
  if (chunk.nameFirst >= chunk.nameEnd || pluralRole) {
    const head = lower(lastWord);
    return rolePhrase(body, chunk.first, end - 1, head, { start: firstWord.start, end: lastWord.end });
  }
  const titleFirst = chunk.ofTitle >= 0 ? chunk.ofTitle : chunk.first;
  const title = chunk.nameFirst > chunk.first ? cleanDescription(spanText(tokens, titleFirst, chunk.nameFirst)) : null;
  const before = chunk.ofTitle >= 0 ? null : descriptionBefore(tokens, chunk, lo);
  const after = before === null && title === null ? appositiveAfter(tokens, end, hi) : null;
  const description = cleanDescription(joinDescription(before?.text ?? null, title)) ?? after?.text ?? null;
  const nameStart = tokens[chunk.nameFirst];
  if (nameStart === undefined) return null;
  const written = body.slice(nameStart.start, lastWord.end);
  const text = withoutPossessive(collapseSpaces(written));
  return {
    kind: 'name',
    text,
    words: nameWords(tokens, chunk),
    mention: { start: nameStart.start, end: nameStart.start + withoutPossessive(written).length },
    // "the CBO said": the determiner belongs to the phrase.
    firstToken: before?.first ?? (titleFirst - 1 >= lo && isDeterminer(tokens[titleFirst - 1]) && isLowerWord(tokens[titleFirst - 1]) ? titleFirst - 1 : titleFirst),
    lastToken: after?.last ?? end - 1,
    description,
    gender: chunk.gender,
    head: null,
    // "Celtic manager O'Neill": a surname introduced with a role is a person's.
    personLike: isPersonLikeName(tokens, chunk) || (before !== null && chunk.nameEnd - chunk.nameFirst === 1 && couldBeSurname(text)),
    titled: chunk.titled,
  };
}
