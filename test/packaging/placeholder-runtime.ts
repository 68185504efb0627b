// A clearly labelled PLACEHOLDER Electron runtime for packaging tests: the real runtime is downloaded
// from GitHub, which this machine cannot reach, so electron-builder is pointed at this folder instead
// (`-c.electronDist=<dir>`, an "unpacked Electron distribution"). It cannot run the app.

import { chmod, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

export const placeholderBanner = 'placeholder Electron runtime for packaging tests';

/** @electron/fuses finds the fuse wire after this sentinel (node_modules/@electron/fuses/dist/constants.js). */
export const fuseSentinel = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';

/**
 * The fuse wire of a stock Electron build (wire version 1, 8 fuses, '1' on / '0' off), in
 * @electron/fuses' order: runAsNode 1, cookieEncryption 0, nodeOptions 1, nodeCliInspect 1,
 * embeddedAsarIntegrityValidation 0, onlyLoadAppFromAsar 0, browserProcessSpecificV8Snapshot 0,
 * grantFileProtocolExtraPrivileges 1. The placeholder carries it so that electron-builder's
 * `electronFuses` step runs for real and the test can read back what it flipped.
 */
export const stockFuseWire = '10110001';

/**
 * Writes the placeholder into `dir`: `electron` (a shell script that only prints the banner and exits
 * 1, with the stock fuse wire in a comment), `PLACEHOLDER-RUNTIME.txt`, `LICENSE`, `version` and an
 * empty `resources/`: what electron-builder copies from an unpacked distribution on Linux.
 */
export async function writePlaceholderRuntime(dir: string, electronVersion: string): Promise<void> {
  await mkdir(path.join(dir, 'resources'), { recursive: true });
  const wire = Buffer.concat([
    Buffer.from(`# fuse wire (stock Electron defaults): ${fuseSentinel}`, 'latin1'),
    Buffer.from([1, stockFuseWire.length]),
    Buffer.from(`${stockFuseWire}\n`, 'latin1'),
  ]);
  const script = Buffer.concat([
    Buffer.from(`#!/bin/sh\n# ${placeholderBanner.toUpperCase()}: NOT ELECTRON. It cannot run the app.\n`),
    wire,
    Buffer.from(`echo "${placeholderBanner}"\nexit 1\n`),
  ]);
  await writeFile(path.join(dir, 'electron'), script);
  await chmod(path.join(dir, 'electron'), 0o755);
  await writeFile(
    path.join(dir, 'PLACEHOLDER-RUNTIME.txt'),
    `This folder is a ${placeholderBanner}, not Electron ${electronVersion}.\n` +
      'It lets electron-builder assemble the app (asar, resources, fuses) offline. The result cannot run.\n',
  );
  await writeFile(path.join(dir, 'LICENSE'), `Placeholder: no Electron binaries are included (${placeholderBanner}).\n`);
  await writeFile(path.join(dir, 'version'), electronVersion);
  await writeFile(path.join(dir, 'resources', 'PLACEHOLDER-RUNTIME.txt'), `${placeholderBanner}\n`);
}
