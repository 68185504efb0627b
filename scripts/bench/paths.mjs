// Where the benchmark finds the repository, its bench scripts and the built worker and CLI it measures.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const benchDir = path.join(root, 'scripts', 'bench');
export const distWorker = path.join(root, 'dist', 'index-worker.cjs');
export const distCli = path.join(root, 'dist', 'cli.cjs');
