// `verbatim verify TEXT`: where a claim's words stand in the archive, who the archive says said them, and
// what was changed (issue 17), as a verdict and a word diff in the terminal, or the API's reply as JSON.

import type { VerifyMatch, VerifyReply, WordChange } from '../contract/api.js';
import type { Library } from '../core/library.js';
import { claimWords } from '../core/verify/verify-claim.js';
import { VerbatimError } from '../core/errors.js';
import { terminalText } from './terminal-text.js';
import { UsageError } from './usage-error.js';

/** What each verdict means, as the terminal says it. */
export const verdictLines: Record<VerifyReply['verdict'], string> = {
  verbatim: 'VERBATIM: every word of the claim stands in the archive, in this order.',
  altered: 'ALTERED: near-verbatim, with changes (marked [-original-]{+claim+} below).',
  'not-found': 'NOT FOUND: nothing in the archive is close to these words.',
};

/** Checks the claim before the archive opens: too few or too many words is bad usage (exit 2). */
export function checkClaim(claim: string): void {
  try {
    claimWords(claim);
  } catch (error) {
    if (error instanceof VerbatimError && error.code === 'invalid-argument') throw new UsageError(error.message);
    throw error;
  }
}

/** Verifies `claim` and prints the reply: JSON with `json`, else the verdict and each match. */
export async function runVerify(library: Library, claim: string, options: { speaker?: string; limit?: number; json: boolean }): Promise<void> {
  const reply = await library.verify({ claim, ...(options.speaker === undefined ? {} : { speaker: options.speaker }), ...(options.limit === undefined ? {} : { limit: options.limit }) });
  process.stdout.write(options.json ? `${JSON.stringify(reply, null, 2)}\n` : `${terminalText(formatVerify(reply))}\n`);
}

/** The reply as text for a terminal. */
export function formatVerify(reply: VerifyReply): string {
  const lines = [verdictLines[reply.verdict]];
  if (reply.attribution !== undefined) lines.push(reply.attribution);
  reply.matches.forEach((match, i) => lines.push('', ...formatMatch(match, `${i + 1}.`)));
  if (reply.closest.length > 0) {
    lines.push('', '---- closest, not matching ----');
    reply.closest.forEach((match) => lines.push('', ...formatMatch(match, '-')));
  }
  lines.push('', `${reply.tookMs} ms`);
  return lines.join('\n');
}

function formatMatch(match: VerifyMatch, label: string): string[] {
  const who = match.speaker ?? (match.kind === 'text' ? 'the article itself (not in a quotation)' : 'no speaker named');
  const kind = match.kind === 'text' ? 'article text' : `${match.kind} quotation`;
  const where = [match.date, match.source, match.path].filter((x) => x !== null).join(' · ');
  const omitted = match.omitted > 0 ? `, leaves out ${match.omitted} word${match.omitted === 1 ? '' : 's'} of the original` : '';
  return [
    `${label} ${who} (${kind}), ${Math.round(match.similarity * 100)}% of the words${omitted}`,
    `   ${match.title} · ${where}`,
    `   ${formatChanges(match.changes)}`,
  ];
}

/** The changes as a word diff: `[-left out-]`, `{+added+}`, `[-original-]{+claim+}`; long ends shortened. */
function formatChanges(changes: readonly WordChange[]): string {
  return changes
    .map((change, i) => {
      if (change.op === 'equal') return change.original;
      if (change.op === 'insert') return `{+${change.claim}+}`;
      if (change.op === 'replace') return `[-${change.original}-]{+${change.claim}+}`;
      const words = change.original.split(' ');
      const atEnd = i === 0 || i === changes.length - 1;
      return atEnd && words.length > 8 ? `[-… ${words.length} words …-]` : `[-${change.original}-]`;
    })
    .join(' ');
}
