// The security settings the shell must apply, written out once for the shell tests (SECURITY.md).

/** The exact `webPreferences` of every app window, for a given preload path. */
export function expectedWebPreferences(preload: string): Record<string, unknown> {
  return {
    preload,
    sandbox: true,
    contextIsolation: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webviewTag: false,
    spellcheck: false,
    disableBlinkFeatures: 'Auxclick',
    // A dropped folder must reach main (navigation.ts opens it as the archive and refuses the load).
    navigateOnDragDrop: true,
  };
}

export const expectedCsp =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
  "object-src 'none'; base-uri 'none'; form-action 'none'; require-trusted-types-for 'script'; trusted-types 'none'; " +
  "frame-ancestors 'none'";

/** Permission names Electron 45 may ask about; every one must be denied. */
export const permissions = [
  'clipboard-read', 'clipboard-sanitized-write', 'display-capture', 'fileSystem', 'fullscreen', 'geolocation',
  'hid', 'idle-detection', 'local-fonts', 'media', 'mediaKeySystem', 'midi', 'midiSysex', 'notifications',
  'openExternal', 'persistent-storage', 'pointerLock', 'serial', 'storage-access', 'usb', 'window-management',
  'unknown',
];
