// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

/** Import bans that keep the layering of DESIGN.md from rotting. */
const layer = (
  /** @type {{paths?: string[], patterns?: {group: string[], message: string}[]}} */ rules,
) => ({
  'no-restricted-imports': ['error', { paths: rules.paths ?? [], patterns: rules.patterns ?? [] }],
});

const noNode = {
  group: nodeBuiltins,
  message: 'Node APIs belong in electron/; this layer runs in the browser.',
};
const noElectron = {
  group: ['electron', 'electron/*'],
  message: 'Only electron/ may import Electron.',
};

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'dist/',
      'dist-electron/',
      'dist-bench/',
      'release/',
      'test-results/',
      'playwright-report/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: 'module',
      globals: { ...globals.browser, ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: layer({
      patterns: [
        noNode,
        noElectron,
        {
          group: ['react', 'react-dom', 'dexie', 'dexie-react-hooks', '@codemirror/*'],
          message: 'shared/ is pure TypeScript: no UI or storage libraries.',
        },
        {
          group: ['../renderer/*', '../electron/*', '../../renderer/*', '../../electron/*'],
          message: 'shared/ imports nothing from the app layers.',
        },
      ],
    }),
  },
  {
    // Tests that run external checkers (xmllint against the REFI-QDA schemas) need Node;
    // the product code of shared/ still may not.
    files: ['shared/test-support/node/**/*.ts', 'shared/**/*.node.test.ts'],
    rules: layer({
      patterns: [
        noElectron,
        {
          group: ['../renderer/*', '../electron/*', '../../renderer/*', '../../electron/*'],
          message: 'shared/ imports nothing from the app layers.',
        },
      ],
    }),
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/vite.config.ts'],
    rules: layer({
      patterns: [
        noNode,
        noElectron,
        {
          group: ['**/electron/*'],
          message:
            'The renderer reaches the main process only through window.claimmark (see shared/ipc.ts).',
        },
      ],
    }),
  },
  {
    // A test that drives an outside program (LibreOffice reading an export)
    // runs under Node in Vitest, never in the browser.
    files: ['renderer/**/*.node.test.ts'],
    rules: layer({ patterns: [noElectron] }),
  },
  {
    files: ['electron/**/*.ts'],
    ignores: ['electron/preload.ts', 'electron/ipc/**'],
    rules: layer({
      paths: [
        {
          name: 'electron',
          importNames: ['ipcMain', 'ipcRenderer'],
          message:
            'Register IPC through electron/ipc/handle.ts; raw ipcMain/ipcRenderer is banned.',
        },
      ],
      patterns: [
        { group: ['**/renderer/*'], message: 'The main process never imports renderer code.' },
      ],
    }),
  },
);
