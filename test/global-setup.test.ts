import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { staleBuild } from './global-setup.js';
import { tempDir } from './helpers.js';

let tmp: ReturnType<typeof tempDir>;
beforeEach(() => {
  tmp = tempDir();
  mkdirSync(join(tmp.dir, 'src', 'store'), { recursive: true });
  mkdirSync(join(tmp.dir, 'dist'));
});
afterEach(() => tmp.cleanup());

/** Writes `file` under the temporary root, last changed `at` seconds after the epoch. */
const touch = (file: string, at: number) => {
  const path = join(tmp.dir, file);
  writeFileSync(path, '');
  utimesSync(path, at, at);
};

describe('the test run refuses a stale build', () => {
  it('passes when dist/rel.js is newer than every file in src/', () => {
    touch('src/cli.ts', 1000);
    touch('src/store/open.ts', 2000);
    touch('dist/rel.js', 3000);
    expect(staleBuild(tmp.dir)).toBeUndefined();
  });

  it('names the newer source file, however deep, and says how to build', () => {
    touch('src/cli.ts', 1000);
    touch('dist/rel.js', 2000);
    touch('src/store/open.ts', 3000);
    expect(staleBuild(tmp.dir)).toBe('dist/rel.js is older than src/store/open.ts: run `npm run build` (or `npm test`, which builds first)');
  });

  it('says so when nothing was built', () => {
    touch('src/cli.ts', 1000);
    expect(staleBuild(tmp.dir)).toMatch(/^there is no dist\/rel\.js: run `npm run build`/);
  });
});
