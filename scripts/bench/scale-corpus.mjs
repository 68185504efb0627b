// Makes an N-times copy of an archive for the benchmark: copy-00/ is the archive as it is, and every
// other copy-KK/ has a copy-specific word appended to each headline and the first number of each body
// raised by KK, so no two copies share an article (Verbatim sets exact duplicates aside, which would
// make a pure copy trivially small). Duplicates inside the original stay duplicates inside each copy.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { listArticleFiles } from './common.mjs';

const generatorVersion = 1;
const manifestName = '.bench-corpus.json';
const onsets = ['B', 'C', 'D', 'F', 'G', 'H', 'K', 'L', 'M', 'N', 'P', 'R', 'S', 'T', 'V', 'W'];
const vowels = ['a', 'e', 'i', 'o', 'u', 'ai', 'ea', 'ou'];
const codas = ['dor', 'mir', 'lan', 'vik', 'sen', 'tar', 'bel', 'ros'];

/** The word that marks copy `k` (k ≥ 1): pronounceable, unique for every k, not an English word. */
export function copyWord(k) {
  const word = `${onsets[k % 16]}${vowels[Math.floor(k / 16) % 8]}${codas[(k * 5 + Math.floor(k / 128)) % 8]}`;
  return k < 128 ? word : `${word}${Math.floor(k / 128)}`;
}

/** The text of `text` in copy `k`. */
export function varyText(text, k) {
  if (k === 0) return text;
  const newline = text.indexOf('\n');
  if (newline === -1) return `${text.trimEnd()} ${copyWord(k)}`;
  const body = text.slice(newline).replace(/\d+/, (digits) => String(Number(digits) + k));
  return `${text.slice(0, newline).trimEnd()} ${copyWord(k)}${body}`;
}

/**
 * Writes `scale` copies of the `.txt` articles of `sourceDir` into `targetDir` (copy-00/business/001.txt...),
 * or reuses what an earlier run wrote there with the same source and scale. Returns the file count.
 */
export function generateScaledCorpus(sourceDir, targetDir, scale) {
  const files = listArticleFiles(sourceDir);
  const manifest = { generatorVersion, sourceDir: path.resolve(sourceDir), sourceFiles: files.length, scale };
  const manifestFile = path.join(targetDir, manifestName);
  if (existsSync(manifestFile)) {
    try {
      if (JSON.stringify(JSON.parse(readFileSync(manifestFile, 'utf8'))) === JSON.stringify(manifest)) return { files: files.length * scale, reused: true };
    } catch {
      // A damaged manifest: write the corpus again.
    }
  }
  rmSync(targetDir, { recursive: true, force: true });
  const texts = files.map((file) => ({ rel: file.rel, text: readFileSync(file.abs, 'utf8') }));
  const digits = String(scale - 1).length < 2 ? 2 : String(scale - 1).length;
  for (let k = 0; k < scale; k++) {
    const copyDir = path.join(targetDir, `copy-${String(k).padStart(digits, '0')}`);
    const made = new Set();
    for (const { rel, text } of texts) {
      const target = path.join(copyDir, rel);
      const dir = path.dirname(target);
      if (!made.has(dir)) {
        mkdirSync(dir, { recursive: true });
        made.add(dir);
      }
      writeFileSync(target, varyText(text, k));
    }
  }
  writeFileSync(manifestFile, JSON.stringify(manifest));
  return { files: files.length * scale, reused: false };
}
