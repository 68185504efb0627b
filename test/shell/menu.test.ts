import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { attributionLine, buildMenuTemplate, menuLabel, type MenuOptions } from '../../main/shell/menu.js';

function options(overrides: Partial<MenuOptions> = {}): MenuOptions {
  return {
    isPackaged: true,
    onAbout: () => undefined,
    onOpenArchive: () => undefined,
    recent: [],
    onOpenRecent: () => undefined,
    onClearRecent: () => undefined,
    onPrint: () => undefined,
    ...overrides,
  };
}

function submenu(template: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions[] {
  const menu = template.find((m) => m.label === label);
  return menu?.submenu as MenuItemConstructorOptions[];
}

function roles(template: MenuItemConstructorOptions[], label: string): (string | undefined)[] {
  return submenu(template, label).map((item) => item.role ?? item.label ?? item.type);
}

function recentItems(template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return submenu(submenu(template, 'File'), 'Open Recent');
}

function click(item: MenuItemConstructorOptions | undefined): void {
  (item?.click as () => void)();
}

describe('buildMenuTemplate', () => {
  it('has File, Edit, View and Help', () => {
    expect(buildMenuTemplate(options()).map((m) => m.label)).toEqual(['File', 'Edit', 'View', 'Help']);
  });

  it('offers Open Archive…, Open Recent, Print… and Quit in File, and the clipboard roles in Edit', () => {
    const template = buildMenuTemplate(options());
    expect(roles(template, 'File')).toEqual(['Open Archive…', 'Open Recent', 'separator', 'Print…', 'separator', 'quit']);
    expect(roles(template, 'Edit')).toEqual(expect.arrayContaining(['copy', 'paste', 'selectAll']));
  });

  it('opens an archive from File > Open Archive… with Ctrl+O (Cmd+O on macOS)', () => {
    const onOpenArchive = vi.fn();
    const open = submenu(buildMenuTemplate(options({ onOpenArchive })), 'File')[0];
    expect(open?.label).toBe('Open Archive…');
    expect(open?.accelerator).toBe('CmdOrCtrl+O');
    click(open);
    expect(onOpenArchive).toHaveBeenCalledOnce();
  });

  it('prints from File > Print… with Ctrl+P (Cmd+P on macOS)', () => {
    const onPrint = vi.fn();
    const print = submenu(buildMenuTemplate(options({ onPrint })), 'File').find((item) => item.label === 'Print…');
    expect(print?.accelerator).toBe('CmdOrCtrl+P');
    click(print);
    expect(onPrint).toHaveBeenCalledOnce();
  });

  it('lists the recent archives in the order given, each opening its folder, then Clear Recent', () => {
    const onOpenRecent = vi.fn();
    const onClearRecent = vi.fn();
    const items = recentItems(buildMenuTemplate(options({ recent: ['/data/b', '/data/a'], onOpenRecent, onClearRecent })));
    expect(items.map((i) => i.label ?? i.type)).toEqual(['/data/b', '/data/a', 'separator', 'Clear Recent']);
    click(items[1]);
    expect(onOpenRecent).toHaveBeenCalledExactlyOnceWith('/data/a');
    expect(items[3]?.enabled).toBe(true);
    click(items[3]);
    expect(onClearRecent).toHaveBeenCalledOnce();
  });

  it('offers at most ten recent archives', () => {
    const recent = Array.from({ length: 14 }, (_v, i) => `/data/${i}`);
    const items = recentItems(buildMenuTemplate(options({ recent })));
    expect(items.filter((i) => i.label?.startsWith('/data/'))).toHaveLength(10);
    expect(items[0]?.label).toBe('/data/0');
    expect(items[9]?.label).toBe('/data/9');
  });

  it('says there are no recent archives, and disables Clear Recent, when the list is empty', () => {
    const items = recentItems(buildMenuTemplate(options()));
    expect(items[0]).toMatchObject({ label: 'No Recent Archives', enabled: false });
    expect(items.find((i) => i.label === 'Clear Recent')?.enabled).toBe(false);
  });

  it('doubles & in a folder name so it is not read as a keyboard mnemonic', () => {
    expect(menuLabel('/data/Q&A')).toBe('/data/Q&&A');
    const onOpenRecent = vi.fn();
    const items = recentItems(buildMenuTemplate(options({ recent: ['/data/Q&A'], onOpenRecent })));
    expect(items[0]?.label).toBe('/data/Q&&A');
    click(items[0]);
    expect(onOpenRecent).toHaveBeenCalledWith('/data/Q&A');
  });

  it('has no reload or developer tools when packaged', () => {
    expect(roles(buildMenuTemplate(options()), 'View')).toEqual(['resetZoom', 'zoomIn', 'zoomOut']);
  });

  it('has reload and developer tools in development', () => {
    const view = roles(buildMenuTemplate(options({ isPackaged: false })), 'View');
    expect(view).toEqual(expect.arrayContaining(['reload', 'toggleDevTools', 'zoomIn']));
  });

  it('opens About from Help, which carries the Wikinews attribution', () => {
    const onAbout = vi.fn();
    const about = submenu(buildMenuTemplate(options({ onAbout })), 'Help')[0];
    click(about);
    expect(onAbout).toHaveBeenCalledOnce();
    expect(attributionLine).toBe('News articles from Wikinews, the free news source, © Wikinews contributors, CC BY 2.5');
  });
});
