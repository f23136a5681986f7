// @ts-check
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

/** Import patterns that would break the layering in design.md. */
const nodeBuiltins = ['fs', 'fs/*', 'node:*', 'path', 'os', 'child_process', 'crypto', 'http', 'net'];

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The domain is pure: no Electron, React, DOM access or file system, and never main/ or renderer/.
    files: ['domain/**/*.ts', 'templates/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['electron', 'electron/*'], message: 'domain/ must not depend on Electron.' },
            { group: ['react', 'react-dom', 'react/*', 'react-dom/*'], message: 'domain/ must not depend on React.' },
            { group: nodeBuiltins, message: 'domain/ must not touch the file system or Node APIs.' },
            { group: ['**/main/**', '**/renderer/**'], message: 'domain/ is imported by main/ and renderer/, never the reverse.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'localStorage', 'process', 'require'],
    },
  },
  {
    // Templates are data written against the domain's types; the domain takes a template as an
    // argument and never imports one, so a rule cannot quietly depend on one template's wording.
    files: ['domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['electron', 'electron/*'], message: 'domain/ must not depend on Electron.' },
            { group: ['react', 'react-dom', 'react/*', 'react-dom/*'], message: 'domain/ must not depend on React.' },
            { group: nodeBuiltins, message: 'domain/ must not touch the file system or Node APIs.' },
            { group: ['**/main/**', '**/renderer/**'], message: 'domain/ is imported by main/ and renderer/, never the reverse.' },
            { group: ['**/templates/**', '**/templates'], message: 'domain/ must not import templates/: pass the template in.' },
          ],
        },
      ],
    },
  },
  {
    // The rules of hooks and the React Compiler's checks (refs, effects, purity) on every component and hook.
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx', 'test/**/*.tsx'],
    ...reactHooks.configs.flat.recommended,
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['electron', 'electron/*'], message: 'The renderer talks only through the typed API client.' },
            { group: nodeBuiltins, message: 'The renderer has no Node access.' },
            { group: ['**/main/**'], message: 'renderer/ must not import main/.' },
          ],
        },
      ],
    },
  },
  {
    files: ['main/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/renderer/**'], message: 'main/ must not import renderer/.' }] },
      ],
    },
  },
  {
    // Services are plain Node modules reused by tests, benchmarks and the browser shell.
    files: ['main/services/**/*.ts', 'main/shell/**/*.ts', 'main/app-root.ts', 'main/static-files.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['electron', 'electron/*'], message: 'Services must run without Electron.' },
            { group: ['**/renderer/**'], message: 'main/ must not import renderer/.' },
          ],
        },
      ],
    },
  },
);
