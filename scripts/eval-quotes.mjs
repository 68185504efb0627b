// Scores the quote extractor against annotated news: quote spans (exact and overlapping), speakers, and
// people (B-cubed of the speaker ids against the annotated speakers, issue 16).
//
//   node scripts/eval-quotes.mjs [--corpus polnear|ggt] [--split all|tune|check] [--overlap 0.5]
//                                [--json] [--verbose] [--all] [--corpora DIR]
//
// Runs the real `extractQuotes` (bundled from main/ with esbuild into a temporary folder) on article
// bodies built by the real `.txt` reader (`parseTxt`), and compares its quotations with the direct
// quotations of the PolNeAR and Gender Gap Tracker development sets in ../shared/corpora. Exits 0
// whatever the scores (the targets are printed, not enforced), 1 on an error, 2 on bad usage.
// The scoring rules are written out in README.md, "Quote extraction: measured".
//
// The parts, in scripts/eval-quotes/: options.mjs reads the command line; load-verbatim.mjs and corpora.mjs
// load the code and the documents; run.mjs scores them (gold.mjs, score-document.mjs and their helpers);
// report.mjs prints the result.
import { UsageError } from './parse-options.mjs';
import { loadCorpora } from './eval-quotes/corpora.mjs';
import { loadVerbatim } from './eval-quotes/load-verbatim.mjs';
import { readOptions, USAGE } from './eval-quotes/options.mjs';
import { printJson, printTables } from './eval-quotes/report.mjs';
import { readSeed, scoreCorpora } from './eval-quotes/run.mjs';

async function main() {
  const options = readOptions(process.argv.slice(2));
  if (options.help) {
    console.log(USAGE);
    return;
  }
  const { extractQuotes, parseTxt, resolvePeople } = await loadVerbatim();
  const results = scoreCorpora(loadCorpora(options, parseTxt), extractQuotes, options.overlap, resolvePeople);
  const seed = readSeed(options.seed, extractQuotes, parseTxt);
  if (options.json) printJson(options, results, seed);
  else printTables(options, results, seed);
}

main().catch((error) => {
  if (error instanceof UsageError) {
    console.error(`eval-quotes: ${error.message}\n${USAGE}`);
    process.exit(2);
  }
  console.error(`eval-quotes: ${error.stack ?? error}`);
  process.exit(1);
});
