// Lint, including the process boundaries of ARCHITECTURE.md:
// shared/ imports no electron, node:* or DOM; renderer/ imports nothing from electron/;
// only electron/main.ts, electron/preload.ts and electron/app/ import 'electron'.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const NODE_BUILTINS = [
  'assert', 'buffer', 'child_process', 'crypto', 'dns', 'events', 'fs', 'fs/promises', 'http', 'https', 'net',
  'os', 'path', 'process', 'readline', 'stream', 'timers', 'tls', 'url', 'util', 'worker_threads', 'zlib',
];

const noElectron = { name: 'electron', message: "Only electron/main.ts, electron/preload.ts and electron/app/ may import 'electron'." };
const noElectronStore = { name: 'electron-store', message: 'electron-store needs Electron: use it only in electron/app/.' };
const noNodeBuiltins = NODE_BUILTINS.map((name) => ({ name, message: 'shared/ and renderer/ must not use Node APIs.' }));

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2022, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-console': 'off',
    },
  },
  {
    files: ['electron/**/*.ts', 'test/**/*.ts', 'scripts/**/*', 'bin/**/*', '*.config.*'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['electron/**/*.ts'],
    ignores: ['electron/main.ts', 'electron/preload.ts', 'electron/app/**'],
    rules: {
      'no-restricted-imports': ['error', { paths: [noElectron, noElectronStore], patterns: [{ group: ['**/renderer/**'], message: 'electron/ must not import renderer/.' }] }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectron, noElectronStore, ...noNodeBuiltins],
          patterns: [
            { group: ['node:*'], message: 'shared/ must not use Node APIs.' },
            { group: ['**/electron/**', '**/renderer/**'], message: 'shared/ imports only shared/ and pure libraries.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'localStorage', 'sessionStorage', 'fetch'],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectron, noElectronStore, ...noNodeBuiltins],
          patterns: [
            { group: ['node:*'], message: 'The renderer has no Node APIs.' },
            { group: ['**/electron/**'], message: 'The renderer talks to main only through window.ksef (shared/ipc).' },
          ],
        },
      ],
    },
  },
);
