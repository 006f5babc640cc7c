/**
 * Which C library this Node runs on, for choosing better-sqlite3's prebuilt addon (glibc or musl).
 * The program interpreter named in the Node binary's own ELF header says it: /lib64/ld-linux-x86-64.so.2
 * for glibc, /lib/ld-musl-x86_64.so.1 for musl (Alpine). One read of the first 4 KiB of the binary,
 * where reading /proc/self/maps (the loader in use) cost ~0.3 ms of every command.
 */
import { closeSync, openSync, readFileSync, readSync } from 'node:fs';

const PT_INTERP = 3;

/**
 * The program interpreter an ELF64 little-endian header names, when it lies within `head` (the first
 * bytes of the file); undefined for anything else (not ELF64, no interpreter, cut short).
 */
export function interpreterOf(head: Buffer): string | undefined {
  if (head.length < 64 || head.readUInt32BE(0) !== 0x7f454c46 || head[4] !== 2 || head[5] !== 1) return undefined;
  const phoff = Number(head.readBigUInt64LE(0x20));
  const size = head.readUInt16LE(0x36);
  const count = head.readUInt16LE(0x38);
  for (let i = 0; i < count; i++) {
    const at = phoff + i * size;
    if (at + 56 > head.length) return undefined;
    if (head.readUInt32LE(at) !== PT_INTERP) continue;
    const offset = Number(head.readBigUInt64LE(at + 8));
    const length = Number(head.readBigUInt64LE(at + 32));
    if (offset + length > head.length) return undefined;
    return head.toString('latin1', offset, offset + length).replace(/\0+$/, '');
  }
  return undefined;
}

/** Is this Node linked against musl? From its ELF header; else from the loader mapped into the process. */
export function onMusl(execPath = process.execPath, maps = '/proc/self/maps'): boolean {
  try {
    const fd = openSync(execPath, 'r');
    const head = Buffer.alloc(4096);
    let read: number;
    try {
      read = readSync(fd, head, 0, head.length, 0);
    } finally {
      closeSync(fd);
    }
    const interpreter = interpreterOf(head.subarray(0, read));
    if (interpreter !== undefined) return /\/ld-musl-[^/]*\.so/.test(interpreter);
  } catch {
    /* not readable: ask the process's maps */
  }
  try {
    return /\/ld-musl-[^/\s]*\.so/.test(readFileSync(maps, 'latin1'));
  } catch {
    return false; // no /proc: assume glibc
  }
}
