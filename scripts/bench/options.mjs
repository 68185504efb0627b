// The benchmark's options, read with node:util parseArgs (scripts/parse-options.mjs): defaults, checks, usage.
import path from 'node:path';
import { parseOptions, UsageError } from '../parse-options.mjs';
import { root } from './paths.mjs';

export const USAGE = `usage: node scripts/bench.mjs [--scales 1,10,50] [--x100] [--runs N] [--runs-large N] [--repeats N]
       [--parts verbatim,cli,lunr,minisearch,formats,recoll] [--recoll-max-scale N] [--corpus DIR] [--work DIR] [--out FILE] [--timeout-min N]
  --scales      archive sizes, as multiples of the corpus (default 1,10,50)
  --x100        also the 100x row (222,500 files: Verbatim's open, memory and searches; no lunr or MiniSearch
                above 50x); it writes a 500 MB copy and takes 15-25 minutes more on 2 cores, so it is not default
  --runs        fresh-process runs of every measurement for scales up to 10 (default 3); times are medians
  --runs-large  the same for larger scales (default 1)
  --repeats     timed repetitions of each query after one untimed run (default 5)
  --parts       what to measure (default all six; formats: issue 18's CSV, gzip and PDF reading; recoll only when
                recollindex and recollq are installed)
  --recoll-max-scale  Recoll indexes scales up to this one, once each (default 10: 30-40 s at 10x on 2 cores)
  --corpus      the source archive (default ../shared/corpora/bbc)
  --work        keep the scaled copies in DIR and reuse them next time (default: a temporary folder, removed)
  --out         where the JSON results go (default bench-results/latest.json)
  --timeout-min a measurement still running after this long is stopped and reported (default 60)
  --reference-heap-mb  run the references with --max-old-space-size=N (default: Node's own limit)
  --report FILE print the table of an earlier run's JSON again (measures nothing)`;

const PARTS = ['verbatim', 'cli', 'lunr', 'minisearch', 'formats', 'recoll'];

/** The run asked for by `argv`; `{ help: true }` for --help or -h. Bad usage throws UsageError. */
export function readOptions(argv) {
  const values = parseOptions(
    argv,
    {
      scales: { type: 'string' },
      runs: { type: 'string' },
      'runs-large': { type: 'string' },
      repeats: { type: 'string' },
      parts: { type: 'string' },
      corpus: { type: 'string' },
      work: { type: 'string' },
      out: { type: 'string' },
      'timeout-min': { type: 'string' },
      report: { type: 'string' },
      'reference-heap-mb': { type: 'string' },
      'recoll-max-scale': { type: 'string' },
      x100: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    { unknown: (token) => `unknown option "${token}"`, missing: (option) => `${option} needs a value` },
  );
  if (values.help === true) return { help: true };
  const count = (arg, value, min) => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < min) throw new UsageError(`${arg} must be a whole number of at least ${min} (got "${value}")`);
    return n;
  };
  const given = (name, read, otherwise) => (values[name] === undefined ? otherwise : read(values[name]));
  return {
    scales: withX100(given('scales', (value) => value.split(',').map((s) => count('--scales', s.trim(), 1)), [1, 10, 50]), values.x100 === true),
    runs: given('runs', (value) => count('--runs', value, 1), 3),
    runsLarge: given('runs-large', (value) => count('--runs-large', value, 1), 1),
    repeats: given('repeats', (value) => count('--repeats', value, 1), 5),
    parts: given('parts', readParts, new Set(PARTS)),
    corpus: given('corpus', (value) => path.resolve(value), path.resolve(root, '..', 'shared', 'corpora', 'bbc')),
    work: given('work', (value) => path.resolve(value), null),
    out: given('out', (value) => path.resolve(value), path.join(root, 'bench-results', 'latest.json')),
    timeoutMin: given('timeout-min', (value) => count('--timeout-min', value, 1), 60),
    recollMaxScale: given('recoll-max-scale', (value) => count('--recoll-max-scale', value, 1), 10),
    referenceHeapMb: given('reference-heap-mb', (value) => count('--reference-heap-mb', value, 256), null),
    report: given('report', (value) => path.resolve(value), null),
  };
}

/** The scales asked for, with 100 added for --x100: distinct, smallest first. */
function withX100(scales, x100) {
  return [...new Set(x100 ? [...scales, 100] : scales)].sort((a, b) => a - b);
}

function readParts(value) {
  const parts = value.split(',').map((s) => s.trim());
  const unknown = parts.filter((p) => !PARTS.includes(p));
  if (unknown.length > 0) throw new UsageError(`--parts: unknown "${unknown.join(', ')}" (use verbatim, cli, lunr, minisearch, formats, recoll)`);
  return new Set(parts);
}
