// The plain, JSON-safe data that flows from the archive to the renderer.

/** A half-open range of UTF-16 offsets `[start, end)` into some text. */
export interface MatchRange {
  start: number;
  end: number;
}

/** One article of the archive, as read from its file. */
export interface Article {
  /** Stable across runs: derived from the relative path (and the position, for multi-article files). */
  id: string;
  /**
   * Relative to the archive folder, with `/` separators; an entry of a `.zip` is named inside it
   * (`dump.zip/2019/a.json`).
   */
  path: string;
  /** Where in its file the article is, for a file of many rows: `row 12` of a CSV. Absent for the others. */
  where?: string;
  title: string;
  /** ISO 8601 date (`2025-08-16`) or date-time, when the file states one. */
  date: string | null;
  source: string | null;
  author: string | null;
  url: string | null;
  /** ISO 639-1 code (`en`, `ru`), when stated or detected. */
  language: string | null;
  /** Full text without the headline; paragraphs are separated by one blank line (`\n\n`). */
  body: string;
}

/** One contiguous quoted span of a quotation, with offsets into the article's body. */
export interface QuotePart extends MatchRange {
  text: string;
}

/**
 * What kind of report of speech a quote is: `direct`, a quotation standing as a sentence or more (`"We
 * will rebuild," she said.`); `partial`, quoted words inside the reporter's own sentence (`He called the
 * plan "a disgrace"`); `indirect`, reported speech without quotation marks (`She said the town would
 * rebuild.`, `according to the ministry, ...`): a paraphrase, never to be shown as someone's words.
 */
export type QuoteKind = 'direct' | 'partial' | 'indirect';

/**
 * How the speaker was found: `name`, the attribution names them; `pronoun`, "he"/"she" resolved to the
 * person the article named; `description`, a role ("the minister") resolved or kept as written;
 * `carried`, taken over from the attribution of the quote before (a quote paragraph that continues it).
 */
export type SpeakerFound = 'name' | 'pronoun' | 'description' | 'carried';

/** Something an article reports as said: a quotation, a quoted fragment, or reported speech. */
export interface Quote {
  /** `${articleId}:${n}`, n counting quotes in order of appearance. */
  id: string;
  articleId: string;
  kind: QuoteKind;
  /** The words inside the quotation marks (for `indirect`, the reported words); parts joined by a space. */
  text: string;
  /** The fullest name the article gives the speaker, or null when the text names no one. */
  speaker: string | null;
  /**
   * The speaker across the archive (`Speaker.id`): one person's quotes carry one id whatever form of the
   * name each article used; null when there is no speaker (and until the archive's people are resolved).
   */
  speakerId: string | null;
  /**
   * The quotation across the archive (issue 17): quotes of 6 words or more whose folded words are the same, or
   * (8 words or more) stand inside one another, share this id; null when no other quote has its words (and
   * until the archive's quotes are clustered, with its people).
   */
  clusterId: string | null;
  /** Where else the quotation stands, set with `clusterId`. */
  cluster?: QuoteCluster;
  /** Set when a user's correction decided this quote's speaker (`Correction.id`). */
  correction?: string;
  /** How the speaker was found; null when there is no speaker. */
  speakerFound: SpeakerFound | null;
  /** The role or description given with the name ("political analyst"), if any. */
  description: string | null;
  /** The reporting verb ("said", "warned"), if any. */
  verb: string | null;
  /** Where the speaker is named for this quote (the name itself or the pronoun), if anywhere. */
  mention: MatchRange | null;
  /** Offsets into the body: start of the first part to end of the last. */
  start: number;
  end: number;
  parts: QuotePart[];
}

/** A quotation's cluster as each of its quotes carries it (see `Quote.clusterId`). */
export interface QuoteCluster {
  /** How many articles hold the quotation, this quote's included (exact duplicate files left out). */
  articles: number;
  /** The article it stands in first: the earliest dated (the first by path when none is dated). */
  first: { articleId: string; date: string | null; source: string | null };
}

/** A file, or part of one, that could not be read as an article. */
export interface ImportProblem {
  /** Relative to the archive folder. */
  path: string;
  /** What is wrong, in words a user can act on. */
  reason: string;
}

/** A short passage of an article with the query's matches marked. */
export interface Snippet {
  text: string;
  /** Offsets into `text`. */
  highlights: MatchRange[];
}

/** A quote as returned with search results: the quote and whether it matches the query. */
export interface QuoteMatch extends Quote {
  matches: boolean;
}

/** One article found by a search. */
export interface SearchHit {
  id: string;
  path: string;
  title: string;
  date: string | null;
  source: string | null;
  score: number;
  /** How many places in the body match the query (the reader's hit count; title matches are in `titleHighlights`). */
  hitCount: number;
  titleHighlights: MatchRange[];
  snippet: Snippet;
  /** The article's quotes that match the query, best first. */
  quotes: Quote[];
}

/** Whether a speaker is a person or an organisation ("the ministry", "Bank of England"); kept apart. */
export type SpeakerKind = 'person' | 'organisation';

/** A role the archive gives a person ("prime minister"), with the first and last dates it is given on. */
export interface SpeakerRole {
  role: string;
  first: string | null;
  last: string | null;
}

/**
 * One speaker across the archive (issue 16): every form of the name the archive used is one of its aliases;
 * quotes of one person carry the same `id` (`Quote.speakerId`). Ids are stable across runs for the same
 * archive and corrections (derived from the name, not a counter), so a saved correction keeps pointing at them.
 */
export interface Speaker {
  id: string;
  /** The fullest form of the name the archive gives ("Tony Blair"). */
  name: string;
  /** Every form the archive used for them ("Blair", "Mr Blair", "the prime minister"), the name excluded. */
  aliases: string[];
  roles: SpeakerRole[];
  kind: SpeakerKind;
  /** How many quotes, and in how many articles. */
  quotes: number;
  articles: number;
  /** Date of the earliest and latest article quoting them (null when no article is dated). */
  first: string | null;
  last: string | null;
}

/**
 * A user's correction (issue 16): it beats the extractor on every open and rebuild. A quote is named by its
 * id and its text, so the correction still finds it when the extractor numbers the article's quotes anew.
 */
export type CorrectionChange =
  /** The quote's speaker is this person (a speaker id) or this name (a person the archive may not know). */
  | { type: 'speaker'; quoteId: string; quoteText: string; speakerId: string | null; speakerName: string }
  /** The quote is not a quotation: it is dropped. */
  | { type: 'not-quote'; quoteId: string; quoteText: string }
  /** Two speakers are one person: the second's quotes join the first. */
  | { type: 'merge'; into: string; from: string }
  /** A form of a name is not this speaker: the alias's quotes become a speaker of their own. */
  | { type: 'split'; speakerId: string; alias: string };

export interface Correction {
  /** Stable id, for undo. */
  id: string;
  /** When it was made (ISO 8601 date-time). */
  made: string;
  change: CorrectionChange;
}
