// Which archive the app opens at launch: `--archive DIR`, else the one open last (if it is still there),
// else the bundled sample.

export interface StartupArchiveInputs {
  /** `--archive DIR`, resolved to an absolute path, or null when not given. */
  argument: string | null;
  /** The archive remembered in the settings, or null. */
  remembered: string | null;
  /** The bundled sample archive (`content/`). */
  bundled: string;
  isDirectory: (dir: string) => Promise<boolean>;
}

export interface StartupArchive {
  archiveDir: string;
  source: 'argument' | 'remembered' | 'bundled';
  /**
   * Whether to record it as the current and a recent archive: an `--archive` folder that exists is (it was
   * opened on purpose); a missing one is still opened, so its status explains the failure, but not kept.
   */
  record: boolean;
}

/**
 * Applies the start-up precedence: argument > remembered archive if it is still a folder > bundled sample.
 * @example
 * await chooseStartupArchive({ argument: null, remembered: '/gone', bundled: '/app/content', isDirectory });
 * // { archiveDir: '/app/content', source: 'bundled', record: false }
 */
export async function chooseStartupArchive(inputs: StartupArchiveInputs): Promise<StartupArchive> {
  if (inputs.argument !== null) {
    return { archiveDir: inputs.argument, source: 'argument', record: await inputs.isDirectory(inputs.argument) };
  }
  if (inputs.remembered !== null && (await inputs.isDirectory(inputs.remembered))) {
    return { archiveDir: inputs.remembered, source: 'remembered', record: false };
  }
  return { archiveDir: inputs.bundled, source: 'bundled', record: false };
}
