// The command line's own expected failure: bad usage, reported in one line with exit code 2.

import { VerbatimError } from '../core/errors.js';

/** Bad usage or an invalid query: exit code 2 with a one-line reason. */
export class UsageError extends VerbatimError {
  constructor(message: string) {
    super('usage', message);
  }
}
