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

/** A description's role as `roleMatches` compares it: its words, and its head noun. */
export interface DescribedRole {
  words: ReadonlySet<string>;
  /** The noun the role is ("minister" in "UK Prime Minister"; «глава» in «глава правительства»). */
  head: string;
}

/**
 * The role a description gives, in the form `roleMatches` compares: "UK Prime Minister" -> uk, prime,
 * minister (head: minister); "director of the Cincinnati Zoo" -> director.
 */
export function descriptionWords(description: string): DescribedRole {
  const all = foldWords(description);
  // Only the role itself, before what it is of: "director of the Cincinnati Zoo" is a director, not "the zoo".
  const end = all.findIndex((w) => OF_WORDS.has(w));
  const words = (end < 0 ? all : all.slice(0, end)).map(roleWord);
  return { words: new Set(words), head: headOf(words) };
}

/** The head noun of role words: the last in English ("prime minister"), the first in Russian («глава правительства»). */
function headOf(words: readonly string[]): string {
  const first = words[0] ?? '';
  return /^[\u0400-\u04FF]/u.test(first) ? first : (words[words.length - 1] ?? '');
}

/** Words after which a description says where or whose the role is ("of", "at", "for"). */
const OF_WORDS = new Set(['of', 'at', 'for', 'with', 'from', 'in', 'on', 'to', 'and']);

/** Words that make a description a different office from the bare role: the shadow chancellor is not the chancellor. */
const QUALIFIERS = new Set(['shadow', 'former', 'ex', 'deputy', 'vice', 'assistant', 'junior', 'acting', 'lord', 'бывший', 'бывш', 'заместитель', 'зам', 'вице']);

/**
 * Whether a description gives the role: the same head noun, every word of the role in it, and no qualifier
 * the role lacks ("the chancellor" is "UK Chancellor", not "Shadow Chancellor"; "the zoo" is not "Zoo
 * Director"). A bare head noun such as "spokesman" or "official" names no one office, so it never matches.
 */
export function roleMatches(role: readonly string[], description: DescribedRole): boolean {
  if (role.length === 0) return false;
  if (role.length === 1 && GENERIC_ROLES.has(role[0] ?? '')) return false;
  if (headOf(role) !== description.head) return false;
  for (const word of role) if (!description.words.has(word)) return false;
  for (const word of description.words) if (QUALIFIERS.has(word) && !role.includes(word)) return false;
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
