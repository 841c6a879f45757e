import { defineConfig } from 'vitest/config';

// Two projects: fast unit tests (node, fake-indexeddb) and browser tests
// (playwright-core driving Debian's Chromium against the built app).
/** The unit tests (also run alone by `npm run mutation`, see vitest.mutation.config.ts). */
export const unitTests = {
  environment: 'node' as const,
  include: ['src/**/*.test.ts', 'tests/unit/**/*.test.ts'],
  // Dexie binds to indexedDB when first imported: install the fake before anything.
  setupFiles: ['fake-indexeddb/auto'],
};

export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', ...unitTests } },
      {
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/e2e/support/global-setup.ts'],
          // No retry: a flaky test fails where it is seen, and is fixed at its cause (a wait for
          // what the user would wait for). The longest scenario (four tablets syncing) sets its
          // own timeout; the build happens once in global setup, outside these limits.
          testTimeout: 90_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
