// `verbatim search x | head -2`: when the reader of stdout goes away, the command ends quietly with exit code
// 0, as grep does, instead of a stack trace for the EPIPE (issue 15).

/**
 * From now on, a write to `stream` after its reader has closed it (EPIPE) ends the process at once with
 * exit code 0 and nothing on stderr: there is no one left to read the rest. Other stream errors still throw.
 */
export function exitWhenOutputCloses(stream: NodeJS.WriteStream = process.stdout): void {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
}
