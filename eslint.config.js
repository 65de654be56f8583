// ESLint flat config: typescript-eslint (strict, no any), Svelte, the Electron security plugins, the src/core and src/shared boundaries, no import cycles in src/.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import sdl from '@microsoft/eslint-plugin-sdl';
import electronSecurity from 'eslint-plugin-electron-security';
import globals from 'globals';
import svelteConfig from './svelte.config.js';
import importX, { createNodeResolver } from 'eslint-plugin-import-x';
import { coreBoundary } from './tools/eslint/core-boundary.js';
import { sharedBoundary } from './tools/eslint/shared-boundary.js';

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'dist/**',
      'node_modules/**',
      'reports/**',
      'test-results/**',
      'playwright-report/**',
      'tools/electronegativity/**',
      'src/core/kernels/wasm/assembly/**',
      'src/core/kernels/wasm/build/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...svelte.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/ban-ts-comment': ['error', { 'ts-expect-error': true, 'ts-ignore': true }],
      // One concept per file (DESIGN §6): a file past 300 lines is split along a seam.
      'max-lines': ['error', { max: 300, skipBlankLines: true, skipComments: true }],
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.svelte'], svelteConfig } },
  },
  {
    files: ['src/core/**/*.ts'],
    plugins: { local: { rules: { 'core-boundary': coreBoundary } } },
    rules: { 'local/core-boundary': 'error' },
  },
  {
    files: ['src/shared/**/*.ts'],
    plugins: { local: { rules: { 'shared-boundary': sharedBoundary } } },
    rules: { 'local/shared-boundary': 'error' },
  },
  {
    // Import cycles anywhere in src/ fail lint. Relative imports are resolved to .ts/.svelte files; packages are not followed.
    files: ['src/**/*.ts', 'src/**/*.svelte'],
    plugins: { 'import-x': importX },
    settings: {
      // Dependencies are followed through .ts/.js files (a .svelte component is a leaf: components do not import each other in a loop through .ts).
      'import-x/extensions': ['.ts', '.js'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts'] },
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.svelte.ts', '.svelte', '.js', '.mjs', '.json'] })],
    },
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] },
  },
  {
    files: ['src/main/**/*.ts', 'src/preload/**/*.ts', 'src/renderer/**/*.ts', 'src/renderer/**/*.svelte'],
    plugins: { '@microsoft/sdl': sdl },
    rules: {
      '@microsoft/sdl/no-electron-node-integration': 'error',
      '@microsoft/sdl/no-insecure-url': 'error',
      '@microsoft/sdl/no-inner-html': 'error',
      '@microsoft/sdl/no-document-write': 'error',
      '@microsoft/sdl/no-html-method': 'error',
      '@microsoft/sdl/no-msapp-exec-unsafe': 'error',
      '@microsoft/sdl/no-postmessage-star-origin': 'error',
      '@microsoft/sdl/no-winjs-html-unsafe': 'error',
    },
  },
  {
    // The web host serves plain HTTP on 127.0.0.1 only, by design (TLS on loopback protects nothing and
    // needs a trusted certificate), and so is its WebSocket; only loopback addresses are exempt, and only in the web host's files.
    files: ['src/main/hosts/web-*.ts'],
    rules: {
      '@microsoft/sdl/no-insecure-url': [
        'error',
        {
          exceptions: [
            '^http://127\\.0\\.0\\.1([:/]|$)',
            '^http://localhost([:/]|$)',
            '^http://$',
            '^ws://127\\.0\\.0\\.1([:/]|$)',
            '^ws://localhost([:/]|$)',
          ],
        },
      ],
    },
  },
  {
    ...electronSecurity.configs.recommended,
    files: ['src/main/**/*.ts', 'src/preload/**/*.ts'],
  },
);
