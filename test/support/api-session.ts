// The handler table every transport shares, over one archive opened for a test file: the setup the API tests
// have in common, and `value` to unwrap a Result (a failure fails the test with its message).
import { afterAll, beforeAll } from 'vitest';
import type { ApiMethod, Result } from '../../main/contract/api.js';
import { startLibrary, type LibrarySession, type StartLibraryOptions } from '../../main/core/library.js';
import { apiMethods, createApiHandlers, type ApiHandlers } from '../../main/transport/api-handlers.js';

/**
 * Opens `options()` before the file's tests and closes it after them. The handlers returned call the ones
 * made in `beforeAll`, so a file can hold them in a constant.
 * @example const api = useApiSession(() => ({ archiveDir: contentDir, cacheDir: tempDir() }));
 */
export function useApiSession(options: () => StartLibraryOptions): ApiHandlers {
  let session: LibrarySession | undefined;
  let handlers: ApiHandlers | undefined;
  beforeAll(() => {
    session = startLibrary(options());
    handlers = createApiHandlers(session);
  });
  afterAll(async () => {
    await session?.close();
  });
  const call = (method: ApiMethod) => (request: unknown) => {
    if (handlers === undefined) throw new Error(`useApiSession: ${method} called before beforeAll opened the archive`);
    return (handlers[method] as (request: unknown) => unknown)(request);
  };
  return Object.fromEntries(apiMethods.map((method) => [method, call(method)])) as ApiHandlers;
}

/** The value of a Result, or a thrown error with its message. */
export function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}
