/**
 * A vdir on disk: one file per item. Files are written atomically (a temporary file in the same folder,
 * then a rename), so vdirsyncer or a phone app never sees one half-written. The temporary name starts
 * with ".rel-tmp-" and has no .vcf/.ics ending, so vdirsyncer ignores it; one left by a killed rel is
 * removed by the next sync.
 */
import { createHash } from 'node:crypto';
import { closeSync, fstatSync, fsyncSync, openSync, readdirSync, readFileSync, realpathSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { RelError, UsageError } from '../errors.js';
import { fileReason } from '../file-errors.js';

export interface VdirFile {
  /** The content, read when first asked for. */
  text(): string;
  hash: string;
  /** `size:mtimeMs`: equal to the one rel saved, the file is unchanged and is not read. */
  stamp: string;
  /** Last modification, ISO: when a file's change has no readable REV or LAST-MODIFIED. */
  mtime(): string;
}

export const hashOf = (text: string): string => createHash('sha256').update(text).digest('hex');

const TEMP = '.rel-tmp-';

/** The vdir's real path (what sync state is kept under); a usage error when it is not a folder. */
export function vdirPath(dir: string): string {
  let real: string;
  try {
    real = realpathSync(dir);
  } catch (e) {
    throw new UsageError(vdirReason(e, dir));
  }
  if (!statSync(real).isDirectory()) throw new UsageError(`${dir} is not a folder`);
  return real;
}

/** Why the vdir `dir` cannot be read, for people: a missing one is the usual case (no sync yet, a typo). */
function vdirReason(e: unknown, dir: string): string {
  const code = (e as { code?: unknown }).code;
  if (code === 'ENOENT') return `no vdir at ${dir} (vdirsyncer makes it on its first sync; check the path, or sync.contacts / sync.journal)`;
  return `cannot read the vdir ${dir}: ${fileReason(e, dir) ?? (e as Error).message}`;
}

const stampOf = (st: { size: number; mtimeMs: number }) => `${st.size}:${st.mtimeMs}`;

/**
 * Every `ext` file of the folder, by name. A file whose size and mtime are those rel saved (`known`)
 * keeps its saved hash and is read only if needed; the others are read and hashed now.
 */
export function readVdir(
  dir: string,
  ext: string,
  known: Map<string, { stamp: string; hash: string }>,
  /** Remove the temporary files a killed rel left (not in a dry run). */
  tidy = true,
): Map<string, VdirFile> {
  let names: string[];
  try {
    if (!statSync(dir).isDirectory()) throw new UsageError(`${dir} is not a folder`);
    names = readdirSync(dir);
  } catch (e) {
    if (e instanceof RelError) throw e;
    throw new UsageError(vdirReason(e, dir));
  }
  const files = new Map<string, VdirFile>();
  for (const name of names) {
    if (name.startsWith(TEMP)) {
      if (!tidy) continue;
      try {
        unlinkSync(join(dir, name)); // left by a rel that was killed while writing
      } catch {
        /* gone already */
      }
      continue;
    }
    if (!name.toLowerCase().endsWith(ext)) continue;
    const path = join(dir, name);
    const st = statSync(path, { throwIfNoEntry: false });
    if (!st?.isFile()) continue; // removed meanwhile (vdirsyncer): it is simply not there
    const stamp = stampOf(st);
    const mtime = () => new Date(st.mtimeMs).toISOString();
    const saved = known.get(name);
    if (saved && saved.stamp === stamp) {
      let text: string | undefined;
      files.set(name, { hash: saved.hash, stamp, mtime, text: () => (text ??= readFileSync(path, 'utf8')) });
      continue;
    }
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch {
      continue;
    }
    files.set(name, { text: () => text, hash: hashOf(text), stamp, mtime });
  }
  return files;
}

let serial = 0;

/** Writes `text` as `dir/name` atomically; returns the file's stamp. */
export function writeFileAtomic(dir: string, name: string, text: string): string {
  const tmp = join(dir, `${TEMP}${process.pid}-${serial++}`);
  try {
    const fd = openSync(tmp, 'wx', 0o600);
    let stamp: string;
    try {
      const buf = Buffer.from(text, 'utf8');
      for (let at = 0; at < buf.length; ) at += writeSync(fd, buf, at);
      stamp = stampOf(fstatSync(fd));
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, join(dir, name));
    return stamp;
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
