// `verbatim corrections [export FILE | import FILE]`: an archive's corrections listed, written to a file, or
// read from one (checked as the corrections file itself is, merged by id). None of them opens the archive.

import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Correction } from '../contract/model.js';
import { formatCorrectionsFile, parseCorrectionsFile } from '../core/corrections/parse-corrections.js';
import { openCorrections } from '../core/library.js';
import { writeFileAtomic } from '../core/util/write-file-atomic.js';
import { terminalText } from './terminal-text.js';
import { UsageError } from './usage-error.js';

/** What the command prints: a JSON document for --json, lines of text otherwise. */
export interface CommandOutput {
  json: unknown;
  text: string;
}

/**
 * Runs `verbatim corrections ARGS` on the corrections of `archiveDir` (caches in `cacheDir`); `onNotice`
 * hears of a corrections file that could not be read and was moved aside. Throws `UsageError` for bad
 * usage and for a file to import that is not a valid corrections file (nothing of it is imported then).
 * @example await correctionsCommand(['import', 'fixes.json'], { archiveDir, cacheDir }) // { json: { added, skipped }, text }
 */
export async function correctionsCommand(args: readonly string[], options: { archiveDir: string; cacheDir: string; onNotice?: (message: string) => void }): Promise<CommandOutput> {
  const [action, file, ...extra] = args;
  if (extra.length > 0 || (action !== undefined && file === undefined) || (action === undefined && file !== undefined)) {
    throw new UsageError('corrections takes nothing, export FILE or import FILE (see verbatim corrections --help)');
  }
  const store = await openCorrections(options);
  switch (action) {
    case undefined: {
      const list = store.corrections;
      const lines = [`${list.length} ${list.length === 1 ? 'correction' : 'corrections'} in ${store.file}`, ...list.map(describeCorrection)];
      return { json: { file: store.file, corrections: list }, text: terminalText(lines.join('\n')) };
    }
    case 'export': {
      const target = path.resolve(file ?? '');
      await writeFileAtomic(target, [formatCorrectionsFile(store.corrections)]);
      return { json: { file: target, corrections: store.corrections.length }, text: terminalText(`Exported ${store.corrections.length} corrections to ${target}`) };
    }
    case 'import': {
      const source = path.resolve(file ?? '');
      const imported = await store.import(await readImport(source));
      const lines = [`Imported ${imported.added.length} of ${imported.added.length + imported.skipped.length} corrections from ${source} into ${store.file}`];
      if (imported.skipped.length > 0) lines.push(`Skipped ${imported.skipped.length} already there (same id):`, ...imported.skipped.map(describeCorrection));
      return { json: imported, text: terminalText(lines.join('\n')) };
    }
    default:
      throw new UsageError(`unknown corrections action "${action}"; use export FILE or import FILE`);
  }
}

/** The corrections of the file to import; a file that cannot be read, or is not a valid corrections file, is bad usage. */
async function readImport(file: string): Promise<Correction[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  try {
    return parseCorrectionsFile(text);
  } catch (error) {
    throw new UsageError(`${file} was not imported: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** One correction on one line: `  2026-12-07 id  the speaker of “…” (politics/001.txt:3) is Tony Blair`. */
function describeCorrection(correction: Correction): string {
  const change = correction.change;
  const quote = (c: { quoteText: string; quoteId: string }): string => `“${c.quoteText.length > 60 ? `${c.quoteText.slice(0, 59)}…` : c.quoteText}” (${c.quoteId})`;
  const what =
    change.type === 'speaker'
      ? `the speaker of ${quote(change)} is ${change.speakerName}${change.speakerId === null ? '' : ` (${change.speakerId})`}`
      : change.type === 'not-quote'
        ? `not a quotation: ${quote(change)}`
        : change.type === 'merge'
          ? `${change.from} is ${change.into}`
          : `"${change.alias}" is not ${change.speakerId}`;
  return `  ${correction.made.slice(0, 10)} ${correction.id}  ${what}`;
}
