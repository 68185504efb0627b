// What a speaker string is, for resolving people across the archive: a name (its words as keys), a role
// noun ("the prime minister"), someone's associate ("Mr Blair's spokesman"), or an organisation.
import { HONORIFICS, NON_PERSON_WORDS, ORGANISATION_NOUNS, TITLES } from '../quote-lexicon.js';
import { nameKey } from './match-names.js';

/** A speaker string read for resolution; `key` is what two mentions of one speaker share. */
export type SpeakerForm =
  /** `words`: the name's keys, titles and initials left out ("mr tony blair" -> ["tony", "blair"]). */
  | { type: 'name'; key: string; words: string[]; organisation: boolean }
  /** `words`: the role's keys without its determiner ("the Tory leader" -> ["conservative", "leader"]). */
  | { type: 'role'; key: string; words: string[]; organisation: boolean }
  /** Someone's spokesman, aides, office: a speaker of its own, never the person it names. */
  | { type: 'other'; key: string };

/** Spellings of one party or office in British and Russian news: "Tory leader" is "the Conservative leader". */
const SYNONYMS: ReadonlyMap<string, string> = new Map([
  ['tory', 'conservative'],
  ['tories', 'conservative'],
]);

/** Organisation words written in capitals in a name ("Bank of England", "Kazinform News Agency"). */
const ORGANISATION_NAME_WORDS = new Set(
  [...NON_PERSON_WORDS].filter((w) => /^(?:Agency|Office|Union|University|College|Institute|Department|Ministry|Council|Committee|Commission|Party|Government|Court|Police|Army|Bank|Company|Corporation|Corp|Inc|Ltd|Group|Association|Foundation|Organization|Organisation|Center|Centre|Service|Services|Board|Authority|Administration|Bureau|Fund|Trust|Society|Network|Industries|Holdings|Parliament|Senate|Congress|Cabinet|Treasury|Embassy)$/.test(w)),
);

const DETERMINERS = new Set(['the', 'a', 'an']);

/** The words of a role or name, lower case without accents: the form two spellings of one person share. */
export function foldWords(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}'’-]+/u)
    .map((w) => w.replace(/^['’-]+|['’-]+$/gu, ''))
    .filter((w) => w !== '');
}

/**
 * Reads a speaker string as the extractor gives it. A possessive ("Mr Blair's spokesman", "The prime
 * minister's office") is someone else speaking for the person; a lower-case head after a determiner, or a
 * speaker found by its description that starts with one, is a role; anything else is a name.
 */
export function readSpeakerForm(speaker: string, found: string | null): SpeakerForm {
  const text = speaker.replace(/\s+/g, ' ').trim();
  const folded = foldWords(text);
  if (/\p{L}['’]s?\s+\p{L}/u.test(text) || /\p{L}s['’]\s+\p{L}/u.test(text)) return { type: 'other', key: folded.join(' ') };
  const raw = text.split(' ');
  const first = raw[0] ?? '';
  const startsRole = DETERMINERS.has(first.toLowerCase()) || /^\p{Ll}/u.test(first);
  if (startsRole && (found === 'description' || raw.some((w) => /^\p{Ll}/u.test(w)))) {
    const words = folded.filter((w) => !DETERMINERS.has(w)).map(roleWord);
    const head = words[words.length - 1] ?? '';
    return { type: 'role', key: words.join(' '), words, organisation: ORGANISATION_NOUNS.has(head) };
  }
  // Titles and honorifics say nothing about who it is ("Mr Blair" is "Blair"); initials vary between articles.
  let start = 0;
  while (start < raw.length - 1 && (HONORIFICS.has(raw[start] ?? '') || TITLES.has(raw[start] ?? ''))) start += 1;
  const kept = raw.slice(start);
  const organisation = kept.some((w) => ORGANISATION_NAME_WORDS.has(w) || ORGANISATION_NOUNS.has(w.toLowerCase())) || (kept.length === 1 && /^\p{Lu}{2,6}$/u.test(kept[0] ?? ''));
  const words = foldWords(kept.join(' '))
    .filter((w) => w.length > 1 || kept.length === 1)
    .map(nameKey);
  return { type: 'name', key: words.join(' '), words, organisation };
}

/** A role word in the form its synonyms share ("tory" -> "conservative"), Russian case endings dropped. */
function roleWord(word: string): string {
  return SYNONYMS.get(word) ?? nameKey(word);
}

/** The words of a description in the form `roleMatches` compares: "UK Prime Minister" -> uk, prime, minister. */
export function descriptionWords(description: string): Set<string> {
  return new Set(foldWords(description).map(roleWord));
}

/** Words that make a description a different office from the bare role: the shadow chancellor is not the chancellor. */
const QUALIFIERS = new Set(['shadow', 'former', 'ex', 'deputy', 'vice', 'assistant', 'junior', 'acting', 'lord', 'бывший', 'бывш', 'заместитель', 'зам', 'вице']);

/**
 * Whether a description gives the role: every word of the role is in it, and it has no qualifier the role
 * lacks ("the chancellor" is in "UK Chancellor", not in "Shadow Chancellor"). A bare head noun such as
 * "spokesman" or "official" names no one office, so it never matches.
 */
export function roleMatches(role: readonly string[], description: ReadonlySet<string>): boolean {
  if (role.length === 0) return false;
  if (role.length === 1 && GENERIC_ROLES.has(role[0] ?? '')) return false;
  for (const word of role) if (!description.has(word)) return false;
  for (const word of description) if (QUALIFIERS.has(word) && !role.includes(word)) return false;
  return true;
}

/** Roles many people hold at once in one article: "the spokesman" is nobody in particular. */
const GENERIC_ROLES = new Set(['spokesman', 'spokeswoman', 'spokesperson', 'official', 'officials', 'source', 'sources', 'analyst', 'expert', 'member', 'man', 'woman', 'person']);

/** An id made from `text`: lower case words joined by hyphens, letters of any script kept. */
export function slugOf(text: string): string {
  const slug = foldWords(text)
    .join('-')
    .replace(/['’]/g, '')
    .replace(/-+/g, '-');
  return slug === '' ? 'speaker' : slug;
}
