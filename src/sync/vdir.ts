/**
 * A vdir on disk: one file per item. Files are written atomically (a temporary file in the same folder,
 * then a rename), so vdirsyncer or a phone app never sees one half-written. The temporary name starts
 * with ".rel-tmp-" and has no .vcf/.ics ending, so vdirsyncer ignores it; one left by a killed rel is
 * removed by the next sync.
 */
import { createHash } from 'node:crypto';
import { closeSync, fsyncSync, openSync, readdirSync, readFileSync, realpathSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { RelError, UsageError } from '../errors.js';

export interface VdirFile {
  text: string;
  hash: string;
  /** Last modification, ISO: when a file's change has no readable REV or LAST-MODIFIED. */
  mtime: string;
}

export const hashOf = (text: string): string => createHash('sha256').update(text).digest('hex');

const TEMP = '.rel-tmp-';

/** The vdir's real path (what sync state is kept under); a usage error when it is not a folder. */
export function vdirPath(dir: string): string {
  let real: string;
  try {
    real = realpathSync(dir);
  } catch (e) {
    throw new UsageError(`cannot read the vdir ${dir}: ${(e as Error).message}`);
  }
  if (!statSync(real).isDirectory()) throw new UsageError(`${dir} is not a folder`);
  return real;
}

/** Every `ext` file of the folder, by name. A missing folder is a usage error. */
export function readVdir(dir: string, ext: string): Map<string, VdirFile> {
  let names: string[];
  try {
    if (!statSync(dir).isDirectory()) throw new UsageError(`${dir} is not a folder`);
    names = readdirSync(dir);
  } catch (e) {
    if (e instanceof RelError) throw e;
    throw new UsageError(`cannot read the vdir ${dir}: ${(e as Error).message}`);
  }
  const files = new Map<string, VdirFile>();
  for (const name of names) {
    if (name.startsWith(TEMP)) {
      try {
        unlinkSync(join(dir, name)); // left by a rel that was killed while writing
      } catch {
        /* gone already */
      }
      continue;
    }
    if (!name.toLowerCase().endsWith(ext)) continue;
    const path = join(dir, name);
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch {
      continue; // removed meanwhile (vdirsyncer): it is simply not there
    }
    files.set(name, { text, hash: hashOf(text), mtime: statSync(path, { throwIfNoEntry: false })?.mtime.toISOString() ?? '' });
  }
  return files;
}

let serial = 0;

/** Writes `text` as `dir/name` atomically. */
export function writeFileAtomic(dir: string, name: string, text: string): void {
  const tmp = join(dir, `${TEMP}${process.pid}-${serial++}`);
  try {
    const fd = openSync(tmp, 'wx', 0o600);
    try {
      const buf = Buffer.from(text, 'utf8');
      for (let at = 0; at < buf.length; ) at += writeSync(fd, buf, at);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, join(dir, name));
  } catch (e) {
    try {
      unlinkSync(tmp);
    } catch {
      /* never made, or renamed */
    }
    throw new RelError(`cannot write ${join(dir, name)}: ${(e as Error).message}`);
  }
}

export function removeFile(dir: string, name: string): void {
  try {
    unlinkSync(join(dir, name));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw new RelError(`cannot remove ${join(dir, name)}: ${(e as Error).message}`);
  }
}

/** Makes the folder's new names durable (one fsync of the folder rather than one per file). */
export function syncFolder(dir: string): void {
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    /* a file system that cannot sync a folder: the renames are still atomic */
  }
}

/** A file name for a new item: its UID where that is a safe name. */
export function fileNameFor(uid: string, ext: string, taken: (name: string) => boolean): string {
  const base = /^[A-Za-z0-9@._-]{1,120}$/.test(uid) && !uid.startsWith('.') ? uid : hashOf(uid).slice(0, 32);
  let name = `${base}${ext}`;
  for (let n = 2; taken(name); n++) name = `${base}-${n}${ext}`;
  return name;
}
