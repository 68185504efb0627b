// "Open Original" and "Show in Folder" for the reader's article: the `FileOpener` that the handler table's
// `showFile` calls with a path it has already checked is inside the archive (issue 15).

import type { Shell } from 'electron';
import type { FileAction } from '../contract/api.js';
import { VerbatimError } from '../core/errors.js';
import type { FileOpener } from '../transport/api-handlers.js';

/**
 * Opens a file in the application the system gives its type (`shell.openPath`), or shows it selected in its
 * folder (`shell.showItemInFolder`). A file the system cannot open is an `unreadable-file` error.
 */
export function createFileOpener(shell: Pick<Shell, 'openPath' | 'showItemInFolder'>): FileOpener {
  return async (file: string, action: FileAction): Promise<void> => {
    if (action === 'reveal') {
      shell.showItemInFolder(file);
      return;
    }
    // openPath resolves to an error message, empty when the file opened.
    const problem = await shell.openPath(file);
    if (problem !== '') throw new VerbatimError('unreadable-file', `${file}: could not be opened: ${problem}`);
  };
}
