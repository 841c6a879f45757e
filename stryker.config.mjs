/**
 * Mutation testing (`npm run mutation`, not part of `npm test`: it takes long).
 * Stryker changes the code one small way at a time and runs the unit tests that
 * cover it; a change no test notices is a "survivor". Report: reports/mutation/.
 * Survivors judged equivalent are listed with why in docs/mutation-survivors.md.
 * The server's tests run on SQLite here (TEST_DATABASE_URL is ignored).
 */
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  plugins: ['@stryker-mutator/vitest-runner'],
  vitest: { configFile: 'vitest.mutation.config.ts' },
  mutate: [
    'src/domain/**/*.ts',
    'src/shared/**/*.ts',
    'src/server/store/**/*.ts',
    'src/server/routes/**/*.ts',
    '!**/*.test.ts',
    '!src/domain/testing/**',
  ],
  coverageAnalysis: 'perTest',
  reporters: ['html', 'json', 'clear-text', 'progress'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  tempDirName: '.stryker-tmp',
  cleanTempDir: true,
  // A mutant that makes a test loop is a kill by timeout; the loaded 2-core box needs slack.
  timeoutMS: 20_000,
  // The first, unmutated run of every unit test: minutes on a loaded machine.
  dryRunTimeoutMinutes: 30,
  thresholds: { high: 85, low: 75, break: null },
  ignoreStatic: true,
};
