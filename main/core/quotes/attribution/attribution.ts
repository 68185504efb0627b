// What attribution reads and returns: the reporting clause, where a quotation sits, and who it is attributed to.
import type { MatchRange, SpeakerFound } from '../../../contract/model.js';
import type { PeopleIndex, Person } from '../people/index-people.js';
import type { Gender, SpeakerPhrase } from '../speaker-phrase/speaker-phrase.js';
import type { Token } from '../tokenize-body.js';

/** A reporting clause found next to a quotation: who (if it says) and the verb (if any). */
export interface ReportingClause {
  phrase: SpeakerPhrase | null;
  verb: string | null;
}

/** How a quotation was attributed, with the speaker resolved to the fullest name. */
export interface Attribution {
  speaker: string | null;
  description: string | null;
  verb: string | null;
  mention: MatchRange | null;
  /** Whether the speaker is known to be a person (so that "it added" does not inherit them). */
  personal: boolean;
  /**
   * Words between the reporting clause and the quotation in the same sentence: 0 when they touch
   * (`"...," he said`, `Ruiz said: "..."`). Null when the attribution came from a neighbouring
   * sentence or quotation, or was not found.
   */
  distance: number | null;
  /** How the speaker was found (see `SpeakerFound`); null with no speaker. */
  found: SpeakerFound | null;
  /** Which rule found the attribution (see `attributeQuote` in attribute-speaker.ts); "none" when none did. */
  rule: 'interruption' | 'after' | 'before' | 'previous-sentence' | 'next-sentence' | 'continuation' | 'none';
  /**
   * What this attribution teaches about a person, to remember once the quotation is kept: the
   * gender "he" or "she" gave them, the description the clause gave them.
   */
  learned: { person: Person; gender: Gender | null; description: string | null } | null;
  /** The person the speaker was resolved to, when it is one the article names. */
  person: Person | null;
}

/** Where one quotation sits in the token stream. */
export interface QuoteSite {
  /** First token of the quotation (its opening mark, or its first word when the mark was lost). */
  startToken: number;
  /** One past its last token (its closing mark, when it has one). */
  endToken: number;
  firstParagraph: number;
  lastParagraph: number;
  /** End offset of the last part (the quoted text, without the mark). */
  lastPartEnd: number;
  /** The clause between two parts of an interrupted quotation (`"A," she said, "B."`), if any. */
  interruption: ReportingClause | null;
}

/** What attribution needs to know about the article. */
export interface AttributionContext {
  body: string;
  tokens: readonly Token[];
  people: PeopleIndex;
  /** Tokens that end a search window: the marks of other quotations long enough to be speech. */
  stops: Uint8Array;
}

/** The last attributed quotation before this one, for continuations and "it added". */
export interface PreviousQuote {
  attribution: Attribution;
  lastParagraph: number;
}
