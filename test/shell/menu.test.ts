import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { attributionLine, buildMenuTemplate } from '../../main/shell/menu.js';

function roles(template: MenuItemConstructorOptions[], label: string): (string | undefined)[] {
  const menu = template.find((m) => m.label === label);
  return (menu?.submenu as MenuItemConstructorOptions[]).map((item) => item.role ?? item.label ?? item.type);
}

describe('buildMenuTemplate', () => {
  it('has File, Edit, View and Help', () => {
    expect(buildMenuTemplate({ isPackaged: true, onAbout: () => undefined }).map((m) => m.label)).toEqual([
      'File', 'Edit', 'View', 'Help',
    ]);
  });

  it('offers Quit and the clipboard roles', () => {
    const template = buildMenuTemplate({ isPackaged: true, onAbout: () => undefined });
    expect(roles(template, 'File')).toEqual(['quit']);
    expect(roles(template, 'Edit')).toEqual(expect.arrayContaining(['copy', 'paste', 'selectAll']));
  });

  it('has no reload or developer tools when packaged', () => {
    const view = roles(buildMenuTemplate({ isPackaged: true, onAbout: () => undefined }), 'View');
    expect(view).toEqual(['resetZoom', 'zoomIn', 'zoomOut']);
  });

  it('has reload and developer tools in development', () => {
    const view = roles(buildMenuTemplate({ isPackaged: false, onAbout: () => undefined }), 'View');
    expect(view).toEqual(expect.arrayContaining(['reload', 'toggleDevTools', 'zoomIn']));
  });

  it('opens About from Help, which carries the Wikinews attribution', () => {
    const onAbout = vi.fn();
    const help = buildMenuTemplate({ isPackaged: true, onAbout }).find((m) => m.label === 'Help');
    const about = (help?.submenu as MenuItemConstructorOptions[])[0];
    (about?.click as () => void)();
    expect(onAbout).toHaveBeenCalledOnce();
    expect(attributionLine).toBe('News articles from Wikinews, the free news source, © Wikinews contributors, CC BY 2.5');
  });
});
