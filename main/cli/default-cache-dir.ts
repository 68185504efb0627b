// Where the command line keeps index caches when neither --cache-dir nor VERBATIM_CACHE_DIR says.

import os from 'node:os';
import path from 'node:path';

/** The OS cache folder for Verbatim: `~/.cache/verbatim` (XDG), `~/Library/Caches/verbatim`, `%LOCALAPPDATA%\verbatim\Cache`. */
export function defaultCacheDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (platform === 'win32') {
    return path.join(env.LOCALAPPDATA ?? path.join(os.homedir(), 'AppData', 'Local'), 'verbatim', 'Cache');
  }
  if (platform === 'darwin') return path.join(os.homedir(), 'Library', 'Caches', 'verbatim');
  const xdg = env.XDG_CACHE_HOME;
  return path.join(xdg && path.isAbsolute(xdg) ? xdg : path.join(os.homedir(), '.cache'), 'verbatim');
}
