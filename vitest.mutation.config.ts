/**
 * The unit tests alone, for Stryker (`npm run mutation`): its vitest runner takes one
 * project. Instrumented code runs slower, hence the longer timeout; the crash test
 * runs the server as a separate process (not the mutated code) and is left out.
 */
import { defineConfig } from 'vitest/config';
import { unitTests } from './vitest.config';

// MUTATION_TESTS=glob,glob narrows the tests (a quick partial run on a busy machine).
const only = process.env.MUTATION_TESTS?.split(',');

export default defineConfig({
  test: {
    ...unitTests,
    ...(only ? { include: only } : {}),
    exclude: ['**/node_modules/**', 'src/server/crash.test.ts'],
    testTimeout: 30_000,
  },
});
