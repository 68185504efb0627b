// ESLint: typescript-eslint's recommended rules plus the project's boundaries (STYLE.md, SECURITY.md).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const bannedEverywhere = [
  { selector: "CallExpression[callee.name='eval']", message: 'eval is forbidden (SECURITY.md).' },
  { selector: "NewExpression[callee.name='Function']", message: 'new Function is forbidden (SECURITY.md).' },
  { selector: "CallExpression[callee.property.name='loadFile']", message: 'Serve the UI from app://, never loadFile (SECURITY.md).' },
  { selector: "MemberExpression[property.name='innerHTML']", message: 'Build DOM with textContent; article text is untrusted.' },
  { selector: "MemberExpression[property.name='outerHTML']", message: 'Build DOM with textContent; article text is untrusted.' },
  { selector: "CallExpression[callee.property.name='insertAdjacentHTML']", message: 'Build DOM with textContent; article text is untrusted.' },
];

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'test-output/**', 'coverage/**'] },
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
    // Only the IPC wrapper may register handlers, only the preload may talk to ipcRenderer, only the
    // open-external wrapper may call shell.openExternal.
    files: ['main/**/*.ts', 'renderer/**/*.ts'],
    ignores: ['main/shell/ipc.ts', 'main/preload/preload.ts', 'main/shell/open-external.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        ...bannedEverywhere,
        { selector: "MemberExpression[object.name='ipcMain'][property.name=/^(handle|handleOnce|on|once)$/]", message: 'Register IPC only through main/shell/ipc.ts.' },
        { selector: "Identifier[name='ipcRenderer']", message: 'Only main/preload/preload.ts may use ipcRenderer.' },
        { selector: "MemberExpression[property.name='openExternal']", message: 'Open links only through main/shell/open-external.ts.' },
      ],
    },
  },
  {
    files: ['**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', __dirname: 'readonly', require: 'readonly', module: 'writable', URL: 'readonly' },
    },
  },
);
