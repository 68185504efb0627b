// Bundled by measure-formats.mjs as the app bundles main/ (esbuild): the archive reader's entry points, so the
// benchmark reads files with exactly the app's code (issue 18).
export { readArticleFile } from '../../main/core/archive/read-archive.ts';
export { PageReader } from '../../main/core/archive/page-reader.ts';
export { readPdf } from '../../main/core/archive/read-pdf.ts';
export { walkArchive } from '../../main/core/archive/walk-archive.ts';
