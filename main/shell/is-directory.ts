// One file-system question the shell asks often: is this path a folder (following symlinks)?

import { stat } from 'node:fs/promises';

/** True when `target` exists and is a folder, or a symlink to one; false for anything else or any error. */
export async function isDirectory(target: string): Promise<boolean> {
  try {
    return (await stat(target)).isDirectory();
  } catch {
    return false;
  }
}
