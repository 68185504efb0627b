// Reads the command line's options in Verbatim's own words: Node's parseArgs messages ("argument is
// ambiguous", a hint with an unbalanced quotation mark) told a user neither what was wrong nor what to type
// (issue 15).

import { parseArgs } from 'node:util';
import { UsageError } from './usage-error.js';

/** One option: a string takes a value (`--limit 20` or `--limit=20`), a boolean none. */
export type OptionSpec = { type: 'string' | 'boolean'; short?: string };

/** Each option given: a string option's value as written, a boolean option as true. */
export type CliValues<Options extends Record<string, OptionSpec>> = { [Name in keyof Options]?: Options[Name]['type'] extends 'string' ? string : true };

/** What was read: the options given and the positionals in order. */
export interface CliArgs<Options extends Record<string, OptionSpec>> {
  values: CliValues<Options>;
  positionals: string[];
}

/**
 * Reads `argv` by `options`. Throws a UsageError naming the argument as typed for an unknown option, a
 * string option without a value and a boolean option given one. A value may start with `-` (`--limit -5` is
 * read as the value "-5", for its own check to refuse); a query that starts with `-` goes after `--`.
 * @example
 * parseCliArgs(['search', 'putin', '--limit', '5'], { limit: { type: 'string' } });
 * // { values: { limit: '5' }, positionals: ['search', 'putin'] }
 */
export function parseCliArgs<Options extends Record<string, OptionSpec>>(argv: readonly string[], options: Options): CliArgs<Options> {
  // Not strict: parseArgs then reads every argument and reports each option as a token, which is checked here.
  const { positionals, tokens } = parseArgs({ args: [...argv], options, allowPositionals: true, strict: false, tokens: true });
  const values: Record<string, string | true> = {};
  for (const token of tokens) {
    if (token.kind !== 'option') continue;
    const spec = Object.hasOwn(options, token.name) ? options[token.name] : undefined;
    const typed = argv[token.index] ?? token.rawName;
    if (spec === undefined) throw new UsageError(unknownOption(typed, Object.keys(options), positionals[0] ?? 'search'));
    // `--limit --json`: the next option is not a value (a value may start with "--" written as --limit=--x).
    const missing = token.value === undefined || (token.inlineValue === false && token.value.startsWith('--'));
    if (spec.type === 'string' && missing) throw new UsageError(`${token.rawName} needs a value, e.g. ${token.rawName} ${exampleValue(token.name)}`);
    if (spec.type === 'boolean' && token.value !== undefined) throw new UsageError(`${token.rawName} takes no value (got "${typed}")`);
    values[token.name] = token.value ?? true;
  }
  // Each value's type was checked against its option above.
  return { values: values as CliValues<Options>, positionals };
}

function unknownOption(typed: string, known: readonly string[], command: string): string {
  // A query of excluded words or filters ("-source:bbc putin") reads as options unless it comes after --.
  if (/^-[^-]/.test(typed)) return `unknown option "${typed}"; to search for something that starts with "-", put the query after --, e.g. verbatim ${command} -- ${typed}`;
  const name = typed.replace(/^--/, '').split('=')[0] ?? '';
  const near = known.filter((k) => name !== '' && k.startsWith(name));
  const hint = near.length > 0 ? `did you mean ${near.map((k) => `--${k}`).join(' or ')}? ` : '';
  return `unknown option "${typed}"; ${hint}see verbatim --help`;
}

function exampleValue(name: string): string {
  switch (name) {
    case 'limit':
      return '20';
    case 'port':
      return '8080';
    case 'sort':
      return 'newest';
    case 'kind':
      return 'direct,partial';
    case 'speaker':
      return '"Tony Blair"';
    case 'archive':
    case 'cache-dir':
      return 'DIR';
    default:
      return 'VALUE';
  }
}
