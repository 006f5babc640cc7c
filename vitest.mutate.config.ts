import { defineConfig } from 'vitest/config';
// One warm worker thread per Stryker test runner instead of a new one per mutant (most of the time
// of a run went to booting threads): see the file for how and why.
import './test/mutate-warm-thread.js';

// Used by `npm run mutate` (stryker.config.json) only: the fast, pure tests of the core.
// No store, command or e2e tests: they spawn processes or open databases and would make each
// mutant cost seconds instead of milliseconds.
export default defineConfig({
  test: {
    // Instrumented code on a shared 2-core machine: the 10,000-card test took over 5 s (the default).
    testTimeout: 60_000,
    // Shorter exhaustive loops, no 10,000-record speed tests: see MUTATING in test/support.ts.
    env: { REL_MUTATE: '1' },
    include: ['test/domain/**/*.test.ts', 'test/formats/**/*.test.ts'],
    // A reused thread starts each test file as a new one would (no mutant on while collecting).
    setupFiles: ['test/mutate-setup.ts'],
  },
});
