// The file formats Verbatim reads, by extension: apart from the readers (read-archive.ts), which the command
// line and the app load only when they read files (scripts/build.mjs), so that what lists formats does not load them.

export type Format = 'txt' | 'md' | 'json' | 'jsonl' | 'html' | 'csv' | 'tsv';

export const extensions: Readonly<Record<string, Format>> = {
  '.txt': 'txt',
  '.text': 'txt',
  '.md': 'md',
  '.markdown': 'md',
  '.json': 'json',
  '.jsonl': 'jsonl',
  '.ndjson': 'jsonl',
  '.html': 'html',
  '.htm': 'html',
  '.xhtml': 'html',
  '.shtml': 'html',
  '.csv': 'csv',
  '.tsv': 'tsv',
};

/** The file extensions Verbatim reads: the formats above, each also gzip'd (`.jsonl.gz`), and `.zip` archives of them. */
export const supportedExtensions: readonly string[] = [...Object.keys(extensions), '.pdf', '.gz', '.zip'];
