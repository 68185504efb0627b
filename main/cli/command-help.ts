// `verbatim COMMAND --help`: each command's syntax, options with their defaults, and exit codes (issue 15).

import { verifyLimits } from '../core/library.js';
import { resultLimits } from '../core/result-limits.js';

/** The commands that have a help page of their own. */
export type CommandName = 'search' | 'quotes' | 'speakers' | 'verify' | 'index' | 'serve' | 'corrections';

const common = `  --archive DIR     the archive folder, searched recursively (default: the bundled sample)
  --cache-dir DIR   where the index cache is kept (default: VERBATIM_CACHE_DIR, else the OS cache folder)`;

const exitCodes = (zero: string): string => `Exit codes:
  0  ${zero}
  1  an unexpected error
  2  bad usage or an invalid query (one line on stderr; with --json, {"error": {"code", "message"}} on stdout)`;

/** The paging options of search and quotes (main/cli/paging.ts). */
const pagingOptions = `  --offset N        skip the first N results (default: 0)
  --all             every result from the offset on (with --json or --jsonl)
  --jsonl           one JSON object per result and line, printed as the pages come`;

const queryNote = `The query language (words, "phrases", "a b"~5, word*, word~1, -word, a OR b, fields such as source:, folder:,
date:, speaker:, in:quotes) is described in the README's "Query syntax". A query that starts with "-" goes
after --: verbatim search -- -source:bbc putin`;

/** The help page of each command, ready to print. */
export const commandHelp: Record<CommandName, string> = {
  search: `Usage: verbatim search QUERY [options]
Finds the articles that match QUERY, best first, with a snippet and their quotes.

Options:
  --limit N         how many articles to print, 1 to ${resultLimits.search.cliMax} (default: ${resultLimits.search.cliDefault})
  --sort ORDER      relevance, newest or oldest (default: relevance)
${pagingOptions}
  --json            print one JSON document instead of text
${common}

${queryNote}
A search stops after VERBATIM_QUERY_BUDGET_MS (default 75) with what it found, and says so.

${exitCodes('success, whether or not anything was found')}`,
  quotes: `Usage: verbatim quotes [QUERY] [options]
Lists quotations: all of them, or those matching QUERY.

Options:
  --speaker NAME    only the quotes of the people (or organisations) whose name, or a form of it the archive
                    used ("the prime minister" for Tony Blair), has these words: all of each one's quotes
  --kind KINDS      direct, partial, indirect, or several joined by commas (default: all three)
  --limit N         how many quotes to print, 1 to ${resultLimits.quotes.cliMax} (default: ${resultLimits.quotes.cliDefault})
${pagingOptions}
  --json            print one JSON document instead of text
${common}

${queryNote}

${exitCodes('success, whether or not anything was found')}`,
  speakers: `Usage: verbatim speakers [QUERY] [options]
Lists the people (and organisations) quoted in the archive, or in the articles matching QUERY, most quoted
first: one person is one speaker whichever form of the name each article used.

Options:
  --limit N         how many speakers to print, 1 to ${resultLimits.speakers.cliMax} (default: ${resultLimits.speakers.cliDefault})
  --json            print one JSON document instead of text:
                    {"total", "speakers": [{"id", "name", "aliases", "roles", "kind", "quotes", "articles", "first", "last"}]}
${common}

${queryNote}

${exitCodes('success, whether or not anyone was found')}`,
  verify: `Usage: verbatim verify TEXT [options]
Finds where the words of TEXT (a claim of 3 to 500 words: what someone is said to have said) stand in the
archive, even shortened, spliced from two places, with words replaced, or retyped, and says:
  VERBATIM   every word stands in the archive in this order (words left out only at either end, or where
             the claim has an ellipsis "...")
  ALTERED    near-verbatim with changes, each shown: [-original-]{+claim+}, [-left out-], {+added+}
  NOT FOUND  nothing close (the closest places, which do not match, are listed below a line)
Each match says who the archive says said it, the article, its date and source; the same words in several
articles come earliest first.

Options:
  --speaker NAME    who the claim names as the speaker: says so when the archive names someone else
  --limit N         how many matches to print, 1 to ${verifyLimits.max} (default: ${verifyLimits.default})
  --json            print the reply as one JSON document (the README's "Verify a quote" shows its shape)
${common}

${exitCodes('an answer, whatever the verdict')}`,
  index: `Usage: verbatim index [options]
Builds the archive's index (or loads it from the cache) and reports the articles, quotes and problems.

Options:
  --json            print one JSON document instead of text
${common}

${exitCodes('the archive opened (files it could not read are listed as problems)')}`,
  serve: `Usage: verbatim serve [options]
Serves the app on 127.0.0.1 only; prints the address to open (with a per-run token) as its first line.

Options:
  --port N          the port to listen on, 0 to 65535 (default: 0, any free port)
${common}

Exit codes:
  130, 143  stopped by Ctrl+C (SIGINT) or SIGTERM
  1  the port is in use, or an unexpected error
  2  bad usage`,
  corrections: `Usage: verbatim corrections [export FILE | import FILE] [options]
Lists the corrections made to the archive's quotes and speakers (wrong speaker, not a quotation, two
speakers merged or split), kept in corrections.json next to the archive's index cache; every open of the
archive applies them.
  verbatim corrections               lists them, oldest first
  verbatim corrections export FILE   writes them all to FILE
  verbatim corrections import FILE   adds those of FILE (an export) that are not there yet, by id; a FILE
                                     that is not a valid corrections file is refused whole

Options:
  --json            print one JSON document instead of text
${common}

${exitCodes('success (an import that added nothing too)')}`,
};

/** True when `name` is a command with a help page. */
export function isCommandName(name: string): name is CommandName {
  return Object.hasOwn(commandHelp, name);
}
