/**
 * Is this file descriptor a terminal? Asked without node:tty where the answer is plain: node:tty loads
 * node:net and the stream modules (~4-6 ms of start-up). A pipe or a file is no terminal (fstat says
 * so), and neither is /dev/null, the stdin of a cron job or of `rel log ... </dev/null` (same device
 * number). Only another character device is asked of node:tty. chalk's colour check uses this too
 * (build.mjs hands it to chalk in place of node:tty).
 */
import { fstatSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';

let tty: typeof import('node:tty') | undefined;
let devNull: number | null | undefined; // null: there is none (Windows)

function nullDevice(): number | null {
  try {
    return statSync('/dev/null').rdev;
  } catch {
    return null; // Windows: no /dev/null, node:tty decides
  }
}

export function isatty(fd: number): boolean {
  let rdev: number;
  try {
    const stat = fstatSync(fd);
    if (!stat.isCharacterDevice()) return false;
    rdev = stat.rdev;
  } catch {
    return false; // closed
  }
  if (devNull === undefined) devNull = nullDevice();
  if (rdev === devNull) return false;
  return (tty ??= createRequire(import.meta.url)('node:tty') as typeof import('node:tty')).isatty(fd);
}

export default { isatty };
