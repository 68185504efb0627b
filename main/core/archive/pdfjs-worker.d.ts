// Types for pdfjs's worker module, which pdfjs-dist ships without them: pdf-text.ts only hands it to pdfjs.
declare module 'pdfjs-dist/legacy/build/pdf.worker.mjs' {
  /** What pdfjs looks for on `globalThis.pdfjsWorker` to run its worker's code in the calling thread. */
  export const WorkerMessageHandler: unknown;
}
