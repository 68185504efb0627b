import { describe, expect, it } from 'vitest';
import { chooseStartupArchive } from '../../main/shell/startup-archive.js';

const folders = new Set(['/data/arg', '/data/remembered', '/app/content']);
const isDirectory = (dir: string): Promise<boolean> => Promise.resolve(folders.has(dir));

describe('chooseStartupArchive', () => {
  it.each([
    ['/data/arg', '/data/remembered', { archiveDir: '/data/arg', source: 'argument', record: true }],
    ['/data/arg', null, { archiveDir: '/data/arg', source: 'argument', record: true }],
    // An --archive that is not there is still opened (its status says why it failed), but not remembered.
    ['/data/missing', '/data/remembered', { archiveDir: '/data/missing', source: 'argument', record: false }],
    [null, '/data/remembered', { archiveDir: '/data/remembered', source: 'remembered', record: false }],
    [null, '/data/gone', { archiveDir: '/app/content', source: 'bundled', record: false }],
    [null, null, { archiveDir: '/app/content', source: 'bundled', record: false }],
  ])('with --archive %s and remembered %s opens %j', async (argument, remembered, expected) => {
    expect(await chooseStartupArchive({ argument, remembered, bundled: '/app/content', isDirectory })).toEqual(expected);
  });
});
