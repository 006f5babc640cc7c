/**
 * A temporary folder for the format tests that read files (mail, capture sources). The same as tempDir in
 * test/helpers.ts, kept apart because helpers.ts loads the whole application (main, the store): about 3 s
 * for each test run, which under npm run mutate is paid again for every mutant these tests reach.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function tempDir(): { dir: string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'rel-test-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
