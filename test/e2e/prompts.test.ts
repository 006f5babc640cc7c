/** Prompts in a real terminal (a pseudo-terminal from python3's pty module): Ctrl-C and Ctrl-D cancel. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { BIN, hasPty, inPty, spawnRel, tempDir } from '../helpers.js';

let tmp: ReturnType<typeof tempDir>;
let db: string;
beforeEach(() => {
  tmp = tempDir();
  db = join(tmp.dir, 'rel.db');
  expect(spawnRel(['add', 'Maya'], { REL_DB: db }).code).toBe(0);
});
afterEach(() => tmp.cleanup());

const inTerminal = (waitFor: string, keys: string, ...argv: string[]) => inPty(waitFor, keys, [process.execPath, BIN, ...argv], { REL_DB: db });

describe.skipIf(!hasPty)('prompts in a terminal', () => {
  it.each([
    ['Ctrl-C', '\\x03'],
    ['Ctrl-D', '\\x04'],
  ])('%s at any prompt writes nothing and exits 130', (_, key) => {
    for (const [waitFor, argv] of [
      ['Who did you meet', ['log']],
      ['Remove Maya', ['rm', 'maya']],
    ] as const) {
      const r = inTerminal(waitFor, key, ...argv);
      expect(r.code, r.screen).toBe(130);
      expect(r.screen).toMatch(/rel: cancelled/);
    }
    const shown = spawnRel(['show', 'maya', '--json'], { REL_DB: db });
    expect(shown.json().touchpoints).toEqual([]);
  });

  it('answering the prompt does the work and exits 0', () => {
    const r = inTerminal('Remove Maya', 'y\\r', 'rm', 'maya');
    expect(r.code, r.screen).toBe(0);
    expect(r.screen).toMatch(/Removed Maya\./);
  });
});
