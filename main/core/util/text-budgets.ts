// The per-article budgets that keep one hostile file from taking the archive down (issue 14): how long a
// word may run, how many words of an article are indexed, how many quotes are kept.

/**
 * Most letters in a row one word takes, and most inner separators (apostrophes, dots, hyphens) it holds. A
 * longer run is split into several words. V8's regular expressions keep a backtracking entry per repetition
 * of a group, so one unbroken 10-million-letter word overflowed their stack and the whole archive failed to
 * open (issue 14). Split, not skipped: every letter stays inside some word, and indexing, queries and
 * highlights share one pattern, so a query holding the same run reads the same words in the same order
 * and still finds it. No word of real text comes near either bound.
 */
export const maxRunLength = 200;
export const maxInnerSeparators = 16;

/**
 * Most words of one article (headline and text) the index takes; the rest is not indexed, and the file's
 * problems say so. Far above any real article (a long report is 20,000 words), and it bounds the work
 * and memory one article can cost the index.
 */
export const maxIndexedWords = 200_000;

/**
 * Most quotes kept per article; extraction stops looking past it, and the file's problems say so. A
 * 45 MB text of `"Yes," he said.` repeated held 2.8 million quotes and peaked at 5.7 GB (issue 14); the
 * most quoted real article of the evaluation sets has a few hundred.
 */
export const maxQuotesPerArticle = 2_000;

/**
 * Most characters of one article's text that quote extraction reads; quotes past them are not looked
 * for, and the file's problems say so. Extraction holds a token per word and punctuation mark (about
 * 150 MB per million characters of `"Yes," he said.`): this bounds its memory whatever the file size. A
 * million characters is some 170,000 words, eight times the longest real report.
 */
export const maxQuoteScanChars = 1_000_000;
