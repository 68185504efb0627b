// ESLint: typescript-eslint's recommended rules plus the project's boundaries (STYLE.md, SECURITY.md).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** A member access by name, dotted or bracketed (`a.b` and `a['b']`). */
const member = (name) => [`MemberExpression[property.name='${name}']`, `MemberExpression[property.value='${name}']`];

const bannedEverywhere = [
  { selector: "CallExpression[callee.name='eval']", message: 'eval is forbidden (SECURITY.md).' },
  ...member('eval').map((selector) => ({ selector, message: 'eval is forbidden (SECURITY.md).' })),
  { selector: "NewExpression[callee.name='Function']", message: 'new Function is forbidden (SECURITY.md).' },
  { selector: "CallExpression[callee.name='Function']", message: 'Function() is forbidden (SECURITY.md).' },
  ...member('loadFile').map((selector) => ({ selector, message: 'Serve the UI from app://, never loadFile (SECURITY.md).' })),
  ...['innerHTML', 'outerHTML', 'insertAdjacentHTML'].flatMap((name) =>
    member(name).map((selector) => ({ selector, message: 'Build DOM with textContent; article text is untrusted.' })),
  ),
];

/** Each boundary rule, and the one file allowed to cross it. */
const boundaries = {
  ipcMain: {
    file: 'main/shell/ipc.ts',
    rules: [
      ...['handle', 'handleOnce', 'on', 'once', 'addListener'].flatMap((name) =>
        [`MemberExpression[object.name='ipcMain'][property.name='${name}']`, `MemberExpression[object.name='ipcMain'][property.value='${name}']`].map(
          (selector) => ({ selector, message: 'Register IPC only through main/shell/ipc.ts.' }),
        ),
      ),
      { selector: "ImportSpecifier[imported.name='ipcMain'][local.name!='ipcMain']", message: 'Import ipcMain under its own name, in main/shell/ipc.ts only.' },
    ],
  },
  ipcRenderer: {
    file: 'main/preload/preload.ts',
    rules: [{ selector: "Identifier[name='ipcRenderer']", message: 'Only main/preload/preload.ts may use ipcRenderer.' }],
  },
  openExternal: {
    file: 'main/shell/open-external.ts',
    rules: member('openExternal').map((selector) => ({ selector, message: 'Open links only through main/shell/open-external.ts.' })),
  },
};
const allBoundaryRules = Object.values(boundaries).flatMap((b) => b.rules);

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'test-output/**', 'coverage/**', 'bench-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      'no-restricted-syntax': ['error', ...bannedEverywhere],
    },
  },
  {
    // The app's code: every boundary rule applies everywhere but in that rule's one file.
    files: ['main/**/*.ts', 'renderer/**/*.ts'],
    ignores: Object.values(boundaries).map((b) => b.file),
    rules: { 'no-restricted-syntax': ['error', ...bannedEverywhere, ...allBoundaryRules] },
  },
  ...Object.values(boundaries).map((boundary) => ({
    // Each exempt file is exempt from its own rule only.
    files: [boundary.file],
    rules: { 'no-restricted-syntax': ['error', ...bannedEverywhere, ...allBoundaryRules.filter((rule) => !boundary.rules.includes(rule))] },
  })),
  {
    files: ['**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', __dirname: 'readonly', require: 'readonly', module: 'writable', URL: 'readonly', performance: 'readonly' },
    },
  },
);
