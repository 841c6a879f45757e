// Lint rules that keep the layout honest. The layers, lowest first:
//   domain < shared < db < sync < ui, i18n < features < app
// and src/server beside the client, sharing only domain and shared. Each layer imports only the
// layers below it (import-x/no-restricted-paths resolves every import, so `../../db/x` is caught
// at any depth); a feature imports its own folder, never another feature (src/app composes them).
// No import cycles in src, bench or tests. The domain stays pure; only src/db talks to Dexie;
// screens read through src/db's hooks; browser storage goes through src/db/browser-storage.ts.
// tests/unit/boundaries.test.ts proves each of these fires.
import { readdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import js from '@eslint/js';
import i18next from 'eslint-plugin-i18next';
import importX, { createNodeResolver } from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const ROOT = dirname(fileURLToPath(import.meta.url));
const restrict = (...patterns) => ['error', { patterns }];

/** Every feature folder, so that a new feature is fenced off from the others without editing this file. */
const FEATURES = readdirSync(`${ROOT}/src/features`, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

/** A zone: files in `target` may import nothing from src but the folders in `allowed` (relative to src). */
const onlyFrom = (target, allowed, message) => ({
  target,
  from: 'src',
  except: allowed.map((folder) => `./${folder}`),
  message,
});

const BELOW_FEATURES = ['domain', 'shared', 'db', 'sync', 'ui', 'i18n'];

const layerZones = [
  onlyFrom('src/domain', ['domain'], 'The domain is pure: it imports nothing outside src/domain.'),
  onlyFrom(
    'src/shared',
    ['domain', 'shared'],
    'src/shared is imported by the server too: it imports only src/domain and src/shared.',
  ),
  onlyFrom(
    'src/db',
    ['domain', 'shared', 'db'],
    'src/db sits below sync, ui, features and app: it imports only domain, shared and db.',
  ),
  onlyFrom(
    'src/sync',
    ['domain', 'shared', 'db', 'sync'],
    'src/sync sits below ui, features and app: it imports only domain, shared, db and sync.',
  ),
  onlyFrom(
    ['src/ui', 'src/i18n'],
    BELOW_FEATURES,
    'src/ui and src/i18n sit below features and app: they import only domain, shared, db, sync, ui and i18n.',
  ),
  ...FEATURES.map((feature) =>
    onlyFrom(
      `src/features/${feature}`,
      [...BELOW_FEATURES, `features/${feature}`],
      'A feature imports its own folder and the layers below (ui, i18n, sync, db, shared, domain): never another feature, src/app or the server.',
    ),
  ),
  {
    target: ['src/app', 'src/main.tsx', 'src/sw.ts'],
    from: 'src/server',
    message: 'The app runs in the browser: it never imports the server.',
  },
  onlyFrom(
    'src/server',
    ['domain', 'shared', 'server'],
    'The server shares only src/domain and src/shared with the app.',
  ),
  {
    // The Dexie instance: only src/db (its hooks and functions), src/app and the sync engine
    // (src/sync: a background service of the app, like src/app, that runs on its database) hold it.
    target: ['src/ui', 'src/i18n', ...FEATURES.map((f) => `src/features/${f}`)],
    from: 'src/db/db.ts',
    message:
      "Screens use the app's database through src/db: its hooks to read (useMember…) and db/actions to write.",
  },
];

const dexie = {
  group: ['dexie', 'dexie/*'],
  message: 'Only src/db talks to Dexie; use its functions.',
};
const liveQuery = {
  group: ['dexie-react-hooks'],
  message: "Screens read through src/db's hooks (useMember…), not useLiveQuery.",
};
const browserOnly = (message) => ({
  group: [
    'react',
    'react-dom',
    'react-dom/*',
    'dexie',
    'dexie/*',
    'dexie-react-hooks',
    'i18next',
    'react-i18next',
  ],
  message,
});

const STORAGE_MESSAGE =
  'Browser storage goes through src/db/browser-storage.ts (its keys are named there, and private mode or a full storage is handled).';
const storageProperties = ['window', 'globalThis', 'self'].flatMap((object) =>
  ['localStorage', 'sessionStorage'].map((property) => ({
    object,
    property,
    message: STORAGE_MESSAGE,
  })),
);

export default tseslint.config(
  {
    ignores: [
      'dist',
      'dist-*',
      'dist-server',
      'node_modules',
      'coverage',
      '.tmp',
      // Stryker's sandboxes while `npm run mutation` runs.
      '.stryker-tmp*',
      'reports',
      'data',
      'bench/results',
      // A deliberate import cycle: tests/unit/boundaries.test.ts lints it to see the cycle rule fire.
      'tests/unit/fixtures',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        window: 'readonly',
        document: 'readonly',
        navigator: 'readonly',
        console: 'readonly',
        process: 'readonly',
        URL: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
        indexedDB: 'readonly',
        crypto: 'readonly',
        performance: 'readonly',
        fetch: 'readonly',
        Response: 'readonly',
        Request: 'readonly',
        TextEncoder: 'readonly',
        TextDecoder: 'readonly',
        atob: 'readonly',
        btoa: 'readonly',
        Blob: 'readonly',
        self: 'readonly',
        location: 'readonly',
        structuredClone: 'readonly',
      },
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
    // Imports are resolved as Vite and TypeScript do, so a zone sees where `../../x` really lands.
    files: ['src/**/*.{ts,tsx}', 'bench/**/*.ts', 'tests/**/*.ts'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.tsx'],
      'import-x/ignore': ['node_modules'],
      'import-x/cache': { lifetime: Infinity },
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [
        createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.json'] }),
      ],
    },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      'import-x/no-restricted-paths': ['error', { basePath: ROOT, zones: layerZones }],
      'no-restricted-imports': restrict(dexie, liveQuery),
      'no-restricted-globals': [
        'error',
        { name: 'localStorage', message: STORAGE_MESSAGE },
        { name: 'sessionStorage', message: STORAGE_MESSAGE },
      ],
      'no-restricted-properties': ['error', ...storageProperties],
    },
  },
  {
    files: ['src/db/browser-storage.ts'],
    rules: { 'no-restricted-globals': 'off', 'no-restricted-properties': 'off' },
  },
  {
    // src/app composes the screens and holds the app's database.
    files: ['src/app/**', 'src/main.tsx'],
    rules: { 'no-restricted-imports': restrict(dexie) },
  },
  {
    // Every string a person reads goes through i18n: no literal text in JSX.
    files: ['src/**/*.tsx'],
    plugins: { i18next },
    rules: {
      'i18next/no-literal-string': [
        'error',
        {
          mode: 'jsx-only',
          'jsx-attributes': { include: ['aria-label', 'title', 'placeholder', 'alt', 'label'] },
          words: { exclude: ['[0-9!-/:-@[-`{-~\\s·—−×]+', '\\p{Emoji}+'] },
        },
      ],
    },
  },
  {
    files: ['src/db/**/*.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict(browserOnly('The domain is pure: no UI, storage or i18n.')),
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: 'Pass the time in: the domain has no clock.',
        },
        {
          selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']",
          message: 'Pass randomness in: the domain is deterministic.',
        },
      ],
    },
  },
  {
    files: ['src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict(
        browserOnly('src/shared runs on the server too: no UI, storage or i18n.'),
      ),
    },
  },
  {
    files: ['src/server/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict(
        browserOnly('The server shares only domain and shared code: no UI, storage or i18n.'),
      ),
    },
  },
);
