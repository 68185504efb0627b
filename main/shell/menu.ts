// The application menu: small, with developer tools only in development.

import type { MenuItemConstructorOptions } from 'electron';

/** Shown in the About box: the bundled sample archive's licence requires it. */
export const attributionLine =
  'News articles from Wikinews, the free news source, © Wikinews contributors, CC BY 2.5';

export interface MenuOptions {
  /** `app.isPackaged`: reload and developer tools appear only when false. */
  isPackaged: boolean;
  onAbout: () => void;
}

/** The menu template (pass it to `Menu.buildFromTemplate`). */
export function buildMenuTemplate({ isPackaged, onAbout }: MenuOptions): MenuItemConstructorOptions[] {
  const developer: MenuItemConstructorOptions[] = isPackaged
    ? []
    : [{ role: 'reload' }, { role: 'toggleDevTools' }, { type: 'separator' }];
  return [
    { label: 'File', submenu: [{ role: 'quit', label: 'Quit' }] },
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
