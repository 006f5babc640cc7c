/**
 * Writing a whole file so that no one ever sees it half-written: the one way rel does it (settings,
 * exports, the database's creation, its health mark, vdir items of rel sync, the code cache of
 * bin/rel.js). The content goes to a temporary file in the same folder (private, 0600, unless told
 * otherwise), is synced to disk, then renamed over the target or, when an existing file must not be
 * replaced, linked into place, which refuses a file that appeared meanwhile. On any failure the
 * temporary file is removed and the error names the user's path, never the temporary one.
 *
 * The temporary name, `.NAME.rel-tmp-PID-N`, is hidden and ends in digits, never in .vcf, .ics or
 * .json, so vdirsyncer and other sync tools that pick files by their ending pass it over; isTempName()
 * tells one left by a killed rel.
 */
import { closeSync, fstatSync, fsyncSync, linkSync, openSync, renameSync, unlinkSync, writeSync, type Stats } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { RelError } from './errors.js';
import { fileReason } from './file-errors.js';

export interface WriteOptions {
  /** Permission bits of the new file: 0o600 (private) unless told otherwise. */
  mode?: number;
  /** `replace` (the default): rename over what is there. `create`: link into place; an existing file is refused. */
  how?: 'replace' | 'create';
  /**
   * Sync the content to disk before it is put in place (the default). An fsync costs ~3.6 ms here (0.7 ms
   * for the rest of a small write): writers of many files or of a mere cache pass false and say why.
   */
  durable?: boolean;
}

/** A write that failed. The message is "cannot write PATH: REASON"; `code` is the errno (EEXIST, EACCES...). */
export class WriteError extends RelError {
  constructor(
    readonly path: string,
    /** Why, for people: "the folder /x does not exist", "/x exists"... */
    readonly reason: string,
    readonly code: string | undefined,
  ) {
    super(`cannot write ${path}: ${reason}`);
    this.name = 'WriteError';
  }
}

const TEMP = /\.rel-tmp-\d+-\d+$/;

/** Is `name` (a file name, no folder) a temporary file of rel's, perhaps left by a rel that was killed? */
export const isTempName = (name: string): boolean => name.startsWith('.') && TEMP.test(name);

let serial = 0;

/**
 * Makes `path` appear whole: `fill` writes a new, empty, open temporary file (by its descriptor, or by its
 * name for a writer such as SQLite that opens it itself); it is then synced, closed and put in place.
 * Returns the new file's status (its size and mtime, as a later stat of `path` sees them). A RelError
 * thrown by `fill` passes through as it is; any other error becomes a WriteError.
 */
export function placeFile(path: string, fill: (fd: number, tmp: string) => void, opts: WriteOptions = {}): Stats {
  let tmp = '';
  let fd: number | undefined;
  let placed = false;
  try {
    for (;;) {
      // A name in use (left by a killed rel whose pid came back) is passed over, not mistaken for the target.
      tmp = join(dirname(path), `.${basename(path).slice(0, 100)}.rel-tmp-${process.pid}-${serial++}`);
      try {
        fd = openSync(tmp, 'wx', opts.mode ?? 0o600);
        break;
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      }
    }
    fill(fd, tmp);
    if (opts.durable !== false) fsyncSync(fd);
    const st = fstatSync(fd);
    closeSync(fd);
    fd = undefined;
    if ((opts.how ?? 'replace') === 'replace') renameSync(tmp, path);
    else linkSync(tmp, path);
    placed = opts.how !== 'create';
    return st;
  } catch (e) {
    if (e instanceof RelError) throw e;
    const code = (e as { code?: unknown }).code;
    const errno = typeof code === 'string' ? code : undefined;
    const reason = errno === 'EEXIST' ? `${path} exists` : (fileReason(e, path) ?? (e instanceof Error ? e.message : String(e)));
    throw new WriteError(path, reason, errno);
  } finally {
    if (fd !== undefined) closeSync(fd);
    if (tmp && !placed) {
      try {
        unlinkSync(tmp);
      } catch {
        /* never made */
      }
    }
  }
}

/** Writes `content` (text as UTF-8, or bytes; or a sequence of them, written as they come) to `path` whole. */
export function writeFileAtomic(path: string, content: string | Uint8Array | Iterable<string | Uint8Array>, opts: WriteOptions = {}): Stats {
  const parts = typeof content === 'string' || content instanceof Uint8Array ? [content] : content;
  return placeFile(
    path,
    (fd) => {
      for (const part of parts) {
        const buf = typeof part === 'string' ? Buffer.from(part, 'utf8') : part;
        for (let at = 0; at < buf.length; ) at += writeSync(fd, buf, at);
      }
    },
    opts,
  );
}
