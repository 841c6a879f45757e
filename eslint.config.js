// Lint rules that keep the layout honest: the domain stays pure, features stay apart,
// only src/db touches Dexie.
import js from '@eslint/js';
import i18next from 'eslint-plugin-i18next';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const restrict = (...patterns) => ['error', { patterns }];
const domainIsPure = {
  group: ['react', 'react-dom', 'dexie', 'dexie-react-hooks', 'i18next', 'react-i18next'],
  message: 'The domain is pure: no UI, storage or i18n.',
};

export default tseslint.config(
  {
    ignores: [
      'dist',
      'dist-*',
      'dist-server',
      'node_modules',
      'coverage',
      '.tmp',
      'data',
      'bench/results',
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
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      'no-restricted-imports': restrict({
        group: ['dexie', 'dexie/*'],
        message: 'Only src/db talks to Dexie; use its functions.',
      }),
    },
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
      'no-restricted-imports': restrict(domainIsPure, {
        regex: '^\\.\\./',
        message: 'The domain imports nothing outside itself.',
      }),
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
    // A folder of the domain (domain/stamp) uses the rest of the domain, and nothing beyond it.
    files: ['src/domain/*/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict(domainIsPure, {
        regex: '^\\.\\./\\.\\./',
        message: 'The domain imports nothing outside itself.',
      }),
    },
  },
  {
    files: ['src/features/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': restrict(
        { group: ['dexie', 'dexie/*'], message: 'Only src/db talks to Dexie; use its functions.' },
        {
          regex: '^\\.\\./(?!\\.\\.)',
          message: "A feature does not reach into another feature's insides.",
        },
      ),
    },
  },
  {
    files: ['src/server/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict({
        group: ['react', 'react-dom', 'dexie', '../features/*', '../db/*'],
        message: 'The server shares only domain and shared code.',
      }),
    },
  },
);
