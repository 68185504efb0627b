// The application menu: File (Open Archive…, Open Recent, Print…, Quit), Edit, View (developer tools only in
// development) and Help.

import type { MenuItemConstructorOptions } from 'electron';
import { maxRecentArchives } from './recent-archives.js';

/** Shown in the About box: the bundled sample archive's licence requires it. */
export const attributionLine =
  'News articles from Wikinews, the free news source, © Wikinews contributors, CC BY 2.5';

export interface MenuOptions {
  /** `app.isPackaged`: reload and developer tools appear only when false. */
  isPackaged: boolean;
  onAbout: () => void;
  /** File > Open Archive… (CmdOrCtrl+O): ask for a folder and open it. */
  onOpenArchive: () => void;
  /** The archives File > Open Recent offers, most recent first (missing folders already left out). */
  recent: readonly string[];
  onOpenRecent: (archiveDir: string) => void;
  onClearRecent: () => void;
  /** File > Print… (CmdOrCtrl+P): print the page, which its print stylesheet makes the open article alone. */
  onPrint: () => void;
}

/** The menu template (pass it to `Menu.buildFromTemplate`). */
export function buildMenuTemplate(options: MenuOptions): MenuItemConstructorOptions[] {
  const { isPackaged, onAbout } = options;
  const developer: MenuItemConstructorOptions[] = isPackaged
    ? []
    : [{ role: 'reload' }, { role: 'toggleDevTools' }, { type: 'separator' }];
  return [
    {
      label: 'File',
      submenu: [
        { label: 'Open Archive…', accelerator: 'CmdOrCtrl+O', click: () => options.onOpenArchive() },
        { label: 'Open Recent', submenu: recentSubmenu(options) },
        { type: 'separator' },
        { label: 'Print…', accelerator: 'CmdOrCtrl+P', click: () => options.onPrint() },
        { type: 'separator' },
        { role: 'quit', label: 'Quit' },
      ],
    },
    {
      label: 'Edit',
      submenu: [
        { role: 'undo' },
        { role: 'redo' },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
      ],
    },
    {
      label: 'View',
      submenu: [...developer, { role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }],
    },
    { label: 'Help', submenu: [{ label: 'About Verbatim', click: () => onAbout() }] },
  ];
}

function recentSubmenu({ recent, onOpenRecent, onClearRecent }: MenuOptions): MenuItemConstructorOptions[] {
  const shown = recent.slice(0, maxRecentArchives);
  const items: MenuItemConstructorOptions[] =
    shown.length === 0
      ? [{ label: 'No Recent Archives', enabled: false }]
      : shown.map((archiveDir) => ({ label: menuLabel(archiveDir), click: () => onOpenRecent(archiveDir) }));
  return [...items, { type: 'separator' }, { label: 'Clear Recent', enabled: shown.length > 0, click: () => onClearRecent() }];
}

/** A path as a menu label: `&` would mark a keyboard mnemonic (Windows, Linux), so it is doubled. */
export function menuLabel(text: string): string {
  return text.replaceAll('&', '&&');
}
