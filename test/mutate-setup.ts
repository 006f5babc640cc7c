/**
 * `npm run mutate` only (a setup file of vitest.mutate.config.ts; it runs after Stryker's own, before
 * each test file is read). A reused worker thread (test/mutate-warm-thread.ts) still holds the state
 * of the previous run in Stryker's global: the mutant it had on, the hits it counted. A new thread
 * holds neither until Stryker's beforeAll turns this run's mutant on, so the code a test file runs
 * while it is collected (describe bodies, it.each tables) runs unmutated. Clearing them here makes a
 * reused thread start each file as a new one would.
 */
import { inject } from 'vitest';

type StrykerGlobal = { activeMutant?: unknown; hitCount?: unknown; currentTestId?: unknown };
const provided = inject as unknown as (key: string) => unknown;

if (provided('mode') === 'mutant') {
  const ns = (globalThis as unknown as Record<string, StrykerGlobal | undefined>)[String(provided('globalNamespace'))];
  if (ns) {
    // With static activation Stryker's setup file has just turned the mutant on, on purpose.
    if (provided('mutantActivation') !== 'static') ns.activeMutant = undefined;
    ns.hitCount = undefined;
    ns.currentTestId = undefined;
  }
}
