/**
 * What a rel capture SOURCE is, from its content: an iCalendar file, a folder of .ics files (searched
 * recursively, as vdirsyncer and khal keep them), an mbox file, or a Maildir. Anything else is refused
 * before anything is read or written.
 */
import { closeSync, openSync, readdirSync, readSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { UsageError } from '../errors.js';
import { looksLikeCalendar } from './calendar.js';
import { isMaildir, looksLikeMbox } from './mail.js';

export type SourceKind = 'calendar' | 'mbox' | 'maildir';

export interface Source {
  path: string;
  kind: SourceKind;
  /** The calendar files of a calendar source (one, or every .ics of a folder). */
  files: string[];
}

export function detectSource(path: string): Source {
  let isDir: boolean;
  try {
    isDir = statSync(path).isDirectory();
  } catch {
    throw new UsageError(`no such file or folder: ${path}`);
  }
  if (isDir) {
    if (isMaildir(path)) return { path, kind: 'maildir', files: [] };
    const files = icsFiles(path);
    if (files.length > 0) return { path, kind: 'calendar', files };
    throw new UsageError(`${path} is neither a calendar nor mail: no .ics files and no Maildir (cur/, new/) in it`);
  }
  const head = readStart(path);
  if (looksLikeCalendar(head)) return { path, kind: 'calendar', files: [path] };
  if (looksLikeMbox(head)) return { path, kind: 'mbox', files: [] };
  throw new UsageError(`${path} is neither a calendar (iCalendar .ics) nor mail (mbox, Maildir): nothing was captured`);
}

function readStart(path: string): string {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (e) {
    throw new UsageError(`cannot read ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  try {
    const buf = Buffer.alloc(4096);
    const n = readSync(fd, buf, 0, buf.length, 0);
    // Bytes as Latin-1 (an mbox may be in any charset), after a UTF-8 byte order mark (Windows Notepad writes one).
    const start = buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf ? 3 : 0;
    return buf.toString('latin1', start, n);
  } finally {
    closeSync(fd);
  }
}

/** Every .ics file under `dir`, sorted; hidden folders (.git, vdirsyncer's status) skipped. */
function icsFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.name.startsWith('.')) continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...icsFiles(p));
    else if (/\.ics$/i.test(e.name)) out.push(p);
  }
  return out.sort();
}
