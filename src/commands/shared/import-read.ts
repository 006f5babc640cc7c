/**
 * The file side of rel import: reading the bytes as text (UTF-8, BOM stripped; UTF-16 with a BOM, or
 * without one, told from its NULs; Windows-1252 when it is not UTF-8; refusing binary files) and
 * telling the format (src/formats/registry.ts), whose parser is loaded only then.
 */
import { closeSync, openSync, readFileSync, readSync, statSync, type BigIntStats } from 'node:fs';
import { message } from '../../store/open.js';
import { RelError, UsageError } from '../../errors.js';
import type { FormatEntry } from '../../formats/registry.js';
import type { Problem } from '../../formats/types.js';

/** Reads FILE as text. Errors name the file: missing, a folder, unreadable, empty, binary. */
export function readText(file: string, problems: Problem[]): string {
  let text = plainUtf8(file);
  if (text === null) {
    const bytes = readBytes(file);
    if (bytes.length === 0) throw new UsageError(`${file} is empty`);
    const bare = bytes.includes(0) ? utf16Without(bytes) : null;
    if (bytes[0] === 0xff && bytes[1] === 0xfe) text = new TextDecoder('utf-16le').decode(bytes.subarray(2));
    else if (bytes[0] === 0xfe && bytes[1] === 0xff) text = new TextDecoder('utf-16be').decode(bytes.subarray(2));
    else if (bare !== null) text = new TextDecoder(bare).decode(bytes);
    else {
      if (bytes.includes(0)) throw new UsageError(`${file} is a binary file (it has NUL bytes), not contacts: expected vCard, CSV or rel JSON`);
      try {
        text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
      } catch {
        text = new TextDecoder('windows-1252').decode(bytes);
        problems.push({ where: 'file', why: 'not UTF-8: read as Windows-1252 (Latin-1); check accented names' });
      }
    }
  }
  text = text.replace(/^\uFEFF/, '');
  if (text.trim() === '') throw new UsageError(`${file} is empty`);
  return text;
}

function readBytes(file: string): Buffer {
  try {
    if (statSync(file).isDirectory()) throw new UsageError(`${file} is a folder, not a file`);
    return readFileSync(file);
  } catch (e) {
    if (e instanceof RelError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new UsageError(`${file}: no such file`);
    throw new RelError(`cannot read ${file}: ${message(e).replace(/^[A-Z]+: /, '')}`);
  }
}

/**
 * The common case read straight into a string: a file that starts like UTF-8 text (no UTF-16 byte
 * order mark, no NUL) and decodes without a replacement character. Node then never holds the bytes
 * and the text at once: 90 MB less at the peak of importing a 90 MB rel export. Null otherwise (and on
 * any error): readText reads the bytes and decides.
 */
function plainUtf8(file: string): string | null {
  if (plainStart(file, 8192) === null) return null;
  try {
    const text = readFileSync(file, 'utf8');
    // A U+FFFD may stand for bytes that are not UTF-8 (or for a NUL further in): decided from the bytes.
    return text.includes('\uFFFD') || text.includes('\0') ? null : text;
  } catch {
    return null;
  }
}

/**
 * The first `size` bytes of the file when they start like UTF-8 text: not empty, no UTF-16 byte order
 * mark, no NUL. Null otherwise, and when the file cannot be read (a folder, missing: readText says why).
 */
function plainStart(file: string, size: number): Buffer | null {
  try {
    const fd = openSync(file, 'r');
    try {
      const bytes = Buffer.alloc(size);
      const head = bytes.subarray(0, readSync(fd, bytes, 0, size, 0));
      const utf16 = (head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff);
      return head.length === 0 || utf16 || head.includes(0) ? null : head;
    } finally {
      closeSync(fd);
    }
  } catch {
    return null;
  }
}

/**
 * UTF-16 without a BOM, told from the NUL pattern: text in Latin, Greek, Cyrillic... scripts has a NUL
 * as the high byte of most characters, so at odd offsets (LE) or even ones (BE), and almost never at
 * the others. Null when the NULs look like a binary file's.
 */
export function utf16Without(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, 8192) & ~1;
  if (n < 4) return null;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) even += 1;
    if (bytes[i + 1] === 0) odd += 1;
  }
  const pairs = n / 2;
  if (odd >= pairs * 0.3 && even <= pairs * 0.02) return 'utf-16le';
  if (even >= pairs * 0.3 && odd <= pairs * 0.02) return 'utf-16be';
  return null;
}

/**
 * A rel export (told from the start of the file, or named by --format) read one person at a time,
 * without holding its whole text or parse tree; null when the file is something else, not plain UTF-8,
 * or not JSON the piecewise reader expects: the caller then reads it whole, which says what is wrong.
 */
export async function readRelPieces(file: string, named: FormatEntry | undefined): Promise<{ format: FormatEntry; parsed: RelParsed } | null> {
  if (named !== undefined && named.name !== 'json') return null;
  const head = plainHead(file);
  if (head === null) return null;
  let format = named;
  try {
    format ??= await detect(head, file);
  } catch {
    return null;
  }
  if (format.name !== 'json') return null;
  const { parseRelJsonPieces } = await import('../../formats/json.js');
  try {
    const before = statSync(file, { bigint: true });
    const changed = () => new RelError(`${file} changed while it was being imported: nothing was imported (run rel import again)`);
    const again = (): Iterable<string> => {
      const now = statOrNull(file);
      if (now === null || !sameFile(before, now)) throw changed();
      return utf8Pieces(file, () => {
        const after = statOrNull(file);
        if (after === null || !sameFile(before, after)) throw changed();
      });
    };
    let read = false;
    // The first read streams the file as it is now; every later one (the writing) first checks it is unchanged.
    const pieces = () => (read ? again() : ((read = true), utf8Pieces(file)));
    return { format, parsed: parseRelJsonPieces(pieces, changed) };
  } catch (e) {
    if (e instanceof UsageError) throw e; // a rel export that is not one, or from a newer rel
    return null;
  }
}
type RelParsed = import('../../formats/json.js').RelParsed;

function statOrNull(file: string): BigIntStats | null {
  try {
    return statSync(file, { bigint: true });
  } catch {
    return null;
  }
}

/** The same file, not written to since `a`: device, inode, size, and times to the nanosecond. */
const sameFile = (a: BigIntStats, b: BigIntStats): boolean =>
  a.dev === b.dev && a.ino === b.ino && a.size === b.size && a.mtimeNs === b.mtimeNs && a.ctimeNs === b.ctimeNs;


/** The file's size in bytes; 0 when it cannot be read (readText then says why). */
export function sizeOf(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}

/** The first 64 kB as text, when the file starts as plain UTF-8 (no UTF-16 mark, no NUL); else null. */
function plainHead(file: string): string | null {
  const head = plainStart(file, 65536);
  return head === null ? null : new TextDecoder('utf-8').decode(head).replace(/^\uFEFF/, '');
}

/**
 * The file as UTF-8 text in pieces of about 1 MB; a byte that is not UTF-8 throws (TypeError). `atEnd`
 * runs once the last byte is read, before the last piece is given.
 */
function* utf8Pieces(file: string, atEnd?: () => void): Generator<string> {
  const fd = openSync(file, 'r');
  try {
    const decoder = new TextDecoder('utf-8', { fatal: true });
    const bytes = Buffer.alloc(1 << 20);
    for (let n = readSync(fd, bytes); n > 0; n = readSync(fd, bytes)) yield decoder.decode(bytes.subarray(0, n), { stream: true });
    atEnd?.();
    yield decoder.decode();
  } finally {
    closeSync(fd);
  }
}

/** The format from the content: vCard, rel JSON, or the CSV header of a program the registry knows. */
export async function detect(text: string, file: string): Promise<FormatEntry> {
  const { detector } = await import('../../formats/detect.js');
  const format = (await detector())(text);
  if (format === null) {
    throw new UsageError(
      `cannot tell what ${file} is: not a vCard, not rel JSON, not a CSV with a header row (use --format, or --map for a CSV)`,
    );
  }
  return format;
}
