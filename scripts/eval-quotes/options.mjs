// The options of eval-quotes, read with node:util parseArgs (scripts/parse-options.mjs): defaults, checks, usage.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseOptions, UsageError } from '../parse-options.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export const USAGE = 'usage: node scripts/eval-quotes.mjs [--corpus polnear|ggt] [--split all|tune|check] [--overlap 0.5] [--json] [--verbose] [--all] [--corpora DIR]';

/**
 * The run asked for by `argv`; `{ help: true }` for --help or -h. Bad usage throws UsageError.
 * `--all` lists every quotation's errors, and implies `--verbose`.
 */
export function readOptions(argv) {
  const values = parseOptions(
    argv,
    {
      corpus: { type: 'string' },
      split: { type: 'string', default: 'all' },
      overlap: { type: 'string', default: '0.5' },
      json: { type: 'boolean', default: false },
      verbose: { type: 'boolean', default: false },
      all: { type: 'boolean', default: false },
      corpora: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    { unknown: (token) => `unknown option ${token}`, missing: (option) => `${option} needs a value` },
  );
  if (values.help) return { help: true };
  const options = {
    corpora: values.corpus === undefined ? ['polnear', 'ggt'] : [values.corpus],
    split: values.split,
    overlap: Number(values.overlap),
    json: values.json,
    verbose: values.verbose || values.all,
    all: values.all,
    dir: values.corpora === undefined ? path.resolve(root, '..', 'shared', 'corpora') : path.resolve(values.corpora),
    seed: path.resolve(root, '..', 'shared', 'seed', 'kazinform-putin-trump-alaska.txt'),
  };
  if (!options.corpora.every((c) => c === 'polnear' || c === 'ggt')) throw new UsageError(`--corpus must be polnear or ggt, not ${options.corpora.join(',')}`);
  if (!['all', 'tune', 'check'].includes(options.split)) throw new UsageError(`--split must be all, tune or check, not ${options.split}`);
  if (!(options.overlap > 0 && options.overlap <= 1)) throw new UsageError(`--overlap must be a fraction in (0, 1], not ${options.overlap}`);
  return options;
}
