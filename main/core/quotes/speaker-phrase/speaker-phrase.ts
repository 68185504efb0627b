// What a speaker phrase is (a name, a pronoun or a role, as the body writes it), and the phrases of a role or a pronoun.
import { collapseSpaces } from '../../util/white-space.js';
import type { MatchRange } from '../../../contract/model.js';
import { PERSONAL_PRONOUNS } from '../quote-lexicon.js';
import type { Token } from '../tokenize-body.js';


/** The gender a title, a pronoun or a first name tells. */
export type Gender = 'm' | 'f';

/** A phrase that names who speaks, as written in the body. */
export interface SpeakerPhrase {
  /** `name`: a proper name ("Charles Rangel", "CBO"); `role`: "the analyst"; `pronoun`: "he". */
  kind: 'name' | 'pronoun' | 'role';
  /** The name without its title, the pronoun in lower case, or the role phrase as written. */
  text: string;
  /** The name's words in lower case, for matching a surname to the full name; empty otherwise. */
  words: string[];
  /** Offsets of the name, pronoun or role phrase itself. */
  mention: MatchRange;
  /** First and last token of the whole phrase, description and determiner included. */
  firstToken: number;
  lastToken: number;
  description: string | null;
  gender: Gender | null;
  /** The role's head noun in lower case ("analyst"), for roles. */
  head: string | null;
  /** Whether a name looks like a person's (not an organisation, place or acronym). */
  personLike: boolean;
  /** Whether the name came with a title or honorific ("Mr Kilroy-Silk", "Rep. Charles Rangel"). */
  titled: boolean;
}

/** The phrase of a role ("the analyst", "officials") spanning tokens `first` to `last`; `head` is its head noun in lower case. */
export function rolePhrase(body: string, first: number, last: number, head: string | null, mention: MatchRange): SpeakerPhrase {
  return {
    kind: 'role',
    text: collapseSpaces(body.slice(mention.start, mention.end)),
    words: [],
    mention,
    firstToken: first,
    lastToken: last,
    description: null,
    gender: null,
    head,
    personLike: false,
    titled: false,
  };
}

/** The phrase of the pronoun `token`, the token at `index`, with the gender it tells ("he", "she"). */
export function pronounPhrase(token: Token, index: number): SpeakerPhrase {
  const word = token.text.toLowerCase();
  return {
    kind: 'pronoun',
    text: word,
    words: [],
    mention: { start: token.start, end: token.end },
    firstToken: index,
    lastToken: index,
    description: null,
    gender: PERSONAL_PRONOUNS.get(word) ?? null,
    head: null,
    personLike: false,
    titled: false,
  };
}
