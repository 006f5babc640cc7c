/** Prompts in a real terminal (a pseudo-terminal from python3's pty module): Ctrl-C and Ctrl-D cancel. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BIN, spawnRel, tempDir } from '../helpers.js';

const PTY = fileURLToPath(new URL('./workers/run-in-pty.py', import.meta.url));
const python = spawnSync('python3', ['-c', 'import pty'], { encoding: 'utf8' }).status === 0;

let tmp: ReturnType<typeof tempDir>;
let db: string;
beforeEach(() => {
  tmp = tempDir();
  db = join(tmp.dir, 'rel.db');
  expect(spawnRel(['add', 'Maya'], { REL_DB: db }).code).toBe(0);
});
afterEach(() => tmp.cleanup());

function inTerminal(waitFor: string, keys: string, ...argv: string[]) {
  const r = spawnSync('python3', [PTY, waitFor, keys, process.execPath, BIN, ...argv], {
    env: { ...process.env, REL_DB: db },
    encoding: 'utf8',
    timeout: 20_000,
  });
  const m = /^EXIT (-?\d+)$/m.exec(r.stdout);
  return { code: m ? Number(m[1]) : null, screen: r.stdout };
}

describe.skipIf(!python)('prompts in a terminal', () => {
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
