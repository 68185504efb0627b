// Command-line options of the scripts (bench, eval-quotes): node:util parseArgs, as the verbatim CLI uses,
// with its mistakes turned into a UsageError worded by the script (exit 2 with the usage).
import { parseArgs } from 'node:util';

/** Bad usage: the script prints the message and its usage, and exits 2. */
export class UsageError extends Error {}

/**
 * The values of `argv` for parseArgs `options` (no positional arguments). A mistake throws a UsageError
 * whose message `words` writes: `unknown(token)` for an unknown option or a stray argument,
 * `missing(option)` for an option given no value; node's own message otherwise.
 *
 * @example
 *   parseOptions(['--runs', '3'], { runs: { type: 'string' } }, words) // { runs: '3' }
 */
export function parseOptions(argv, options, words) {
  try {
    return parseArgs({ args: argv, options, strict: true, allowPositionals: false }).values;
  } catch (error) {
    // Node names the offending token in quotes: "Unknown option '--foo'", "Option '--runs <value>' argument missing".
    const token = /'([^']*)'/.exec(error.message)?.[1]?.split(' ')[0] ?? '';
    if (error.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' || error.code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') throw new UsageError(words.unknown(token));
    if (error.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && /argument missing|ambiguous/.test(error.message)) throw new UsageError(words.missing(token));
    if (typeof error.code === 'string' && error.code.startsWith('ERR_PARSE_ARGS_')) throw new UsageError(error.message);
    throw error;
  }
}
