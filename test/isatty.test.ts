import { closeSync, openSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { isatty } from '../src/isatty.js';

// rel prompts only on a terminal and colours only a terminal: a cron job's /dev/null, a pipe or a file
// is none. The pty side is tested through the built rel (test/e2e/pipes.test.ts, colour is for a terminal).
describe('isatty', () => {
  const open: number[] = [];
  afterEach(() => {
    for (const fd of open.splice(0)) closeSync(fd);
  });

  it('says no for /dev/null, a file and a closed descriptor', () => {
    const file = join(tmpdir(), `rel-isatty-${process.pid}.txt`);
    writeFileSync(file, 'x');
    const devNull = openSync('/dev/null', 'r');
    const plain = openSync(file, 'r');
    open.push(devNull, plain);
    expect(isatty(devNull)).toBe(false);
    expect(isatty(plain)).toBe(false);
    expect(isatty(987654)).toBe(false);
  });

  it('says no for another character device that is not a terminal', () => {
    const zero = openSync('/dev/zero', 'r');
    open.push(zero);
    expect(isatty(zero)).toBe(false);
  });
});
