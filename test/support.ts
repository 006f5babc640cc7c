/** Small helpers shared by the table-driven and randomised tests. */
import { UsageError } from '../src/errors.js';

/** The UsageError `f` throws (fails the test if it returns or throws anything else). */
export function usage(f: () => unknown): UsageError {
  try {
    f();
  } catch (e) {
    if (e instanceof UsageError) return e;
    throw e;
  }
  throw new Error('expected a UsageError');
}

/** mulberry32: a seeded PRNG, so a failing random case can be reproduced. */
export function rng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * True under `npm run mutate` (vitest.mutate.config.ts sets REL_MUTATE=1). The exhaustive loops then
 * walk a shorter range, and the 10,000-record speed tests are skipped: instrumented code runs them for
 * seconds, for each of hundreds of mutants. Behaviour is the same; only the range is smaller.
 */
export const MUTATING = process.env.REL_MUTATE === '1';
/** How many random strings each "on random input" test tries: 2,000, or 500 under `npm run mutate`. */
export const RANDOM_STRINGS = MUTATING ? 500 : 2000;
