/**
 * A temporary folder for the format tests that read files (mail, capture sources). The same as tempDir in
 * test/helpers.ts, kept apart because helpers.ts loads the whole application (main, the store): about 3 s
 * for each test run, which under npm run mutate is paid again for every mutant these tests reach.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export interface TempDir {
  dir: string;
  /** Writes `content` at `name` (a path inside the folder, its folders made as needed); returns the full path. */
  write(name: string, content: string | Buffer): string;
  cleanup(): void;
}

export function tempDir(): TempDir {
  const dir = mkdtempSync(join(tmpdir(), 'rel-test-'));
  return {
    dir,
    write(name, content) {
      const path = join(dir, name);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, content);
      return path;
    },
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}
