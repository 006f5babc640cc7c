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
