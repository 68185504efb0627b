// The Electron main entry, bundled to dist/main.cjs (so `__dirname` is dist/ at runtime).

import { startLibrary } from '../core/library.js';
import { startApp } from './start-app.js';

startApp({ distDir: __dirname, startLibrary });
