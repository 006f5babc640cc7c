/**
 * Record ids: random (version 4) UUIDs, so that two machines' databases can later merge without clashes.
 * People see the first 8 characters.
 *
 * The random bytes come from the kernel's /dev/urandom, read 4 KiB (256 ids) at a time. Node's own
 * randomUUID (node:crypto or globalThis.crypto) loads the crypto modules first: 4-8 ms of every
 * `rel log` and `rel note`, measured, against ~0.1 ms for the read. Where there is no /dev/urandom
 * (Windows), Node's randomUUID makes them.
 */
import { closeSync, openSync, readSync } from 'node:fs';

const POOL = 4096;
const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

let pool: Buffer | undefined;
let used = POOL;
let kernel = true;

/** `bytes` (16 at a time) of kernel randomness as a version 4, variant 1 UUID (RFC 9562). */
export function uuidFrom(bytes: Uint8Array, at = 0): string {
  const h = (i: number) => HEX[bytes[at + i]!]!;
  const version = HEX[(bytes[at + 6]! & 0x0f) | 0x40]!;
  const variant = HEX[(bytes[at + 8]! & 0x3f) | 0x80]!;
  return `${h(0)}${h(1)}${h(2)}${h(3)}-${h(4)}${h(5)}-${version}${h(7)}-${variant}${h(9)}-${h(10)}${h(11)}${h(12)}${h(13)}${h(14)}${h(15)}`;
}

function refill(): boolean {
  let fd: number | undefined;
  try {
    fd = openSync('/dev/urandom', 'r');
    pool ??= Buffer.allocUnsafe(POOL);
    let got = 0;
    while (got < POOL) {
      const n = readSync(fd, pool, got, POOL - got, null);
      if (n <= 0) return false;
      got += n;
    }
    used = 0;
    return true;
  } catch {
    return false;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

export function newId(): string {
  if (kernel && used === POOL) kernel = refill();
  if (!kernel) return globalThis.crypto.randomUUID();
  const id = uuidFrom(pool!, used);
  used += 16;
  return id;
}
