import { defineConfig } from 'vitest/config';

// Two projects: fast unit tests (node, fake-indexeddb) and browser tests
// (playwright-core driving Debian's Chromium against the built app).
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          environment: 'node',
          include: ['src/**/*.test.ts', 'tests/unit/**/*.test.ts'],
          // Dexie binds to indexedDB when first imported: install the fake before anything.
          setupFiles: ['fake-indexeddb/auto'],
        },
      },
      {
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/e2e/support/global-setup.ts'],
          testTimeout: 90_000,
          hookTimeout: 180_000,
          fileParallelism: false,
          // A failing browser test is retried once: Chromium on a loaded 2-core box can stall.
          retry: 1,
        },
      },
    ],
  },
});
