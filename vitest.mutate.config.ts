import { defineConfig } from 'vitest/config';

// Used by `npm run mutate` (stryker.config.json) only: the fast, pure tests of the core.
// No store, command or e2e tests: they spawn processes or open databases and would make each
// mutant cost seconds instead of milliseconds.
export default defineConfig({
  test: {
    include: ['test/domain/**/*.test.ts', 'test/formats/**/*.test.ts'],
  },
});
