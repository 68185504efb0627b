import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { archiveArgument, resolveShellPaths, type PathInputs } from '../../main/shell/paths.js';

const base: PathInputs = {
  argv: ['/opt/Verbatim/verbatim'],
  cwd: '/home/ana/work',
  distDir: '/opt/Verbatim/resources/app.asar/dist',
  isPackaged: true,
  resourcesPath: '/opt/Verbatim/resources',
  appPath: '/opt/Verbatim/resources/app.asar',
  userDataDir: '/home/ana/.config/Verbatim',
};

describe('resolveShellPaths', () => {
  it('uses the bundled sample beside the asar when packaged, and keeps settings and cache in userData', () => {
    expect(resolveShellPaths(base)).toEqual({
      argumentArchiveDir: null,
      bundledArchiveDir: path.join('/opt/Verbatim/resources', 'content'),
      settingsFile: path.join('/home/ana/.config/Verbatim', 'settings.json'),
      cacheDir: path.join('/home/ana/.config/Verbatim', 'index-cache'),
      workerScript: path.join(base.distDir, 'index-worker.cjs'),
      rendererRoot: path.join(base.distDir, 'renderer'),
      preloadPath: path.join(base.distDir, 'preload.cjs'),
    });
  });

  it('uses <project>/content in development', () => {
    const dev = { ...base, isPackaged: false, appPath: '/src/verbatim', distDir: '/src/verbatim/dist' };
    expect(resolveShellPaths(dev).bundledArchiveDir).toBe(path.join('/src/verbatim', 'content'));
  });

  it('resolves --archive against the working directory', () => {
    expect(resolveShellPaths({ ...base, argv: [...base.argv, '--archive', 'news'] }).argumentArchiveDir).toBe(
      path.resolve('/home/ana/work', 'news'),
    );
    expect(resolveShellPaths({ ...base, argv: [...base.argv, '--archive=/data/news'] }).argumentArchiveDir).toBe(
      path.resolve('/data/news'),
    );
  });
});

describe('archiveArgument', () => {
  it.each([
    [['electron', 'dist/main.cjs', '--archive', 'content'], 'content'],
    [['electron', 'dist/main.cjs', '--archive=content'], 'content'],
    [['electron', 'dist/main.cjs', '--archive', 'a', '--archive', 'b'], 'b'],
    [['electron', 'dist/main.cjs', '--archive'], undefined],
    [['electron', 'dist/main.cjs', '--archive='], undefined],
    [['electron', 'dist/main.cjs'], undefined],
    [['electron', 'dist/main.cjs', '--archives', 'x'], undefined],
  ])('reads %j as %s', (argv, expected) => {
    expect(archiveArgument(argv)).toBe(expected);
  });
});
