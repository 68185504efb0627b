// Reads the capitalised runs of an article that can name people, with what their context says of each.
import { FEMALE_FIRST_NAMES, MALE_FIRST_NAMES, PREPOSITIONS, SPEECH_VERBS, SUBJECT_LEADERS, SUBJECT_VERB_FILLERS } from '../quote-lexicon.js';
import { caseAfter, isRussianSurname, nominativeName } from '../russian-names.js';
import { appositiveAfter, isIntroducedAfter } from '../speaker-phrase/descriptions.js';
import { namePhrase } from '../speaker-phrase/name-phrase.js';
import { nameRunEnd, startsNameRun } from '../speaker-phrase/name-runs.js';
import type { Gender } from '../speaker-phrase/speaker-phrase.js';
import { couldBeSurname, hasPossessive } from '../speaker-phrase/word-classes.js';
import { endsInCyrillic, endsSentence, isLowerWord, opensSentence, type Token } from '../tokenize-body.js';

/** A capitalised run that names someone, and how the text puts them forward there. */
export interface Candidate {
  words: string[];
  name: string;
  start: number;
  paragraph: number;
  description: string | null;
  gender: Gender | null;
  personLike: boolean;
  salient: boolean;
  weak: boolean;
  source: boolean;
  speaks: boolean;
  subject: boolean;
  leads: boolean;
  /** The gender the name itself tells (a known first name, a Russian surname's ending). */
  nameGender: Gender | null;
}

/** Every capitalised run outside quotations that reads as a name, with what its context says. */
export function readCandidates(body: string, tokens: readonly Token[], insideQuote: Uint8Array): Candidate[] {
  const candidates: Candidate[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (insideQuote[i] === 1 || !startsNameRun(tokens, i)) continue;
    let end = nameRunEnd(tokens, i);
    for (let k = i; k < end; k++) {
      if (insideQuote[k] === 1) end = k;
    }
    const phrase = namePhrase(body, tokens, i, end, 0, tokens.length);
    i = Math.max(i, end - 1);
    if (phrase === null || phrase.kind !== 'name') continue;
    // "Tijana Martin / The Canadian Press": a photo credit, no one in the story.
    if (tokens[phrase.firstToken - 1]?.text === '/' || tokens[end]?.text === '/') continue;
    const possessive = hasPossessive(tokens[end - 1]?.text ?? '');
    // "health manager with Heart and Stroke in Manitoba, said": a lone name after a preposition is a place or an organisation.
    const objectOfPreposition = phrase.words.length === 1 && !phrase.titled && isPreposition(tokens[phrase.firstToken - 1]);
    const verbAdjacent = !objectOfPreposition && nearReportingVerb(tokens, phrase.firstToken, end);
    const fullName = phrase.words.length > 1 && phrase.personLike;
    // A lone surname is a person's when it speaks: "Bush told reporters", "said Redfield".
    const subject = isSubject(tokens, phrase.firstToken);
    // ... and a lone Russian surname that is a sentence's subject ("Калоев, потерявший семью, заявил").
    const lone = phrase.words.length === 1 && !objectOfPreposition && (verbAdjacent || (subject && isRussianSurname(phrase.text)));
    const personLike = (phrase.personLike && !objectOfPreposition) || (lone && couldBeSurname(phrase.text));
    // "по словам Анны Соколовой": the name in the case the words before it govern, shown in the nominative.
    const governed = caseAfter([tokens[phrase.firstToken - 2]?.lower ?? '', tokens[phrase.firstToken - 1]?.lower ?? '']);
    candidates.push({
      words: phrase.words,
      nameGender: genderOfName(phrase.words),
      name: governed === null ? phrase.text : nominativeName(phrase.text, governed),
      start: phrase.mention.start,
      paragraph: tokens[i]?.paragraph ?? 0,
      description: phrase.description,
      gender: phrase.gender,
      personLike,
      salient: possessive || fullName || phrase.description !== null || verbAdjacent || subject,
      weak: possessive,
      source: !possessive && (phrase.description !== null || phrase.titled || verbAdjacent || (fullName && isIntroducedAfter(tokens, end))),
      speaks: verbAdjacent && !possessive,
      subject: subject && !possessive,
      leads: !possessive && opensSentence(tokens, phrase.firstToken) && isLowerWord(tokens[(appositiveAfter(tokens, end, tokens.length)?.last ?? end - 1) + 1]),
    });
  }
  return candidates;
}

/** A preposition before a name that makes it a place or an organisation; not "to" or "by", which name people. */
function isPreposition(token: Token | undefined): boolean {
  return token !== undefined && token.kind === 'word' && PREPOSITIONS.has(token.text) && token.text !== 'to' && token.text !== 'by';
}

/**
 * The gender a name tells: a known first name ("Katy Barnett"), for people named with at least two
 * words, or the ending of a Russian surname ("Захарова", "Песков").
 */
function genderOfName(words: readonly string[]): Gender | null {
  const first = words[0];
  const last = words[words.length - 1] ?? '';
  if (words.length >= 2 && first !== undefined) {
    if (MALE_FIRST_NAMES.has(first)) return 'm';
    if (FEMALE_FIRST_NAMES.has(first)) return 'f';
  }
  if (!endsInCyrillic(last)) return null;
  if (/(?:ова|ева|ёва|ина|ская|цкая)$/u.test(last)) return 'f';
  if (/(?:ов|ев|ёв|ин|ский|цкий)$/u.test(last)) return 'm';
  return null;
}

/** Whether the phrase starting at token `first` is in subject position: after a sentence start or "and". */
function isSubject(tokens: readonly Token[], first: number): boolean {
  const before = tokens[first - 1];
  const token = tokens[first];
  if (before === undefined || token === undefined || before.paragraph !== token.paragraph) return true;
  if (before.kind === 'mark' || [',', ':', ';', '\u2014', '\u2013', '('].includes(before.text) || endsSentence(tokens, first - 1)) return true;
  return before.kind === 'word' && SUBJECT_LEADERS.has(before.text.toLowerCase());
}

/**
 * Whether a verb of speech comes after the name ("Redfield said") or, after a quotation, right before
 * it (`," said Redfield`); "Wilkins also said Warhol was" does not make Warhol a speaker.
 */
function nearReportingVerb(tokens: readonly Token[], first: number, end: number): boolean {
  const isVerb = (token: Token | undefined): boolean => token?.kind === 'word' && SPEECH_VERBS.has(token.text);
  const beforeVerb = tokens[first - 2];
  // `," said Redfield`, `», — заявил Мёрдок`
  if (isVerb(tokens[first - 1]) && (beforeVerb?.kind === 'mark' || [',', '\u2014', '\u2013', '-'].includes(beforeVerb?.text ?? ''))) return true;
  let k = (appositiveAfter(tokens, end, tokens.length)?.last ?? end - 1) + 1;
  if (tokens[k]?.text === ',') k++;
  for (let steps = 0; steps < 2 && tokens[k]?.kind === 'word' && SUBJECT_VERB_FILLERS.has(tokens[k]?.text ?? ''); steps++) k++;
  return isVerb(tokens[k]);
}
