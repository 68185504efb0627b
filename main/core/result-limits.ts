// The values of the one result-limits table (`ResultLimits` in the contract), for every transport.

import type { ResultLimits } from '../contract/api.js';

/**
 * How many results a request gets by default and at most. `satisfies` a table of literal types: a value
 * that differs from the contract's, or one left out, does not compile.
 */
export const resultLimits = {
  search: { default: 50, max: 500, cliDefault: 20, cliMax: 500 },
  quotes: { default: 100, max: 1000, cliDefault: 50, cliMax: 10_000 },
  speakers: { default: 100, max: 1000, cliDefault: 50, cliMax: 100_000 },
} as const satisfies ResultLimits;
