// How much of an article quote extraction reads and keeps (issue 14), and the reason given when it
// stopped short.
import { maxQuoteScanChars, maxQuotesPerArticle } from '../util/text-budgets.js';
import { isSpace } from '../util/white-space.js';

/**
 * The part of `body` extraction reads: all of it, or its first `maxQuoteScanChars` characters cut at the
 * last paragraph break (else white space) in them, so that no quotation is cut mid-word where avoidable.
 * A prefix, so offsets into it are offsets into `body`.
 */
export function scannedPart(body: string): string {
  if (body.length <= maxQuoteScanChars) return body;
  const paragraph = body.lastIndexOf('\n\n', maxQuoteScanChars);
  if (paragraph > maxQuoteScanChars / 2) return body.slice(0, paragraph);
  let space = maxQuoteScanChars;
  while (space > maxQuoteScanChars / 2 && !isSpace(body.charAt(space))) space--;
  return body.slice(0, space > maxQuoteScanChars / 2 ? space : maxQuoteScanChars);
}

/** Why an article's quotes may be incomplete (its quotes too many, its text too long), or null when they are not. */
export function quoteBudgetReason(body: string, quoteCount: number): string | null {
  const reasons: string[] = [];
  if (quoteCount >= maxQuotesPerArticle) reasons.push(`only its first ${maxQuotesPerArticle.toLocaleString('en')} quotes are kept`);
  if (body.length > maxQuoteScanChars) reasons.push(`quotes are looked for in the first ${maxQuoteScanChars.toLocaleString('en')} characters of its text only`);
  return reasons.length === 0 ? null : reasons.join('; ');
}
