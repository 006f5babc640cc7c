import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { interpreterOf, onMusl } from '../../src/store/libc.js';
import { tempDir } from '../formats/temp-dir.js';

/** The first bytes of an ELF64 little-endian executable whose PT_INTERP (the second header) names `interp`. */
function elf(interp: string, { at = 0x100, elfClass = 2 } = {}): Buffer {
  const b = Buffer.alloc(Math.max(at + interp.length + 1, 0x200));
  b.writeUInt32BE(0x7f454c46, 0);
  b[4] = elfClass;
  b[5] = 1; // little-endian
  b.writeBigUInt64LE(64n, 0x20); // program headers right after the ELF header
  b.writeUInt16LE(56, 0x36);
  b.writeUInt16LE(2, 0x38);
  b.writeUInt32LE(6, 64); // PT_PHDR
  b.writeUInt32LE(3, 64 + 56); // PT_INTERP
  b.writeBigUInt64LE(BigInt(at), 64 + 56 + 8);
  b.writeBigUInt64LE(BigInt(interp.length + 1), 64 + 56 + 32);
  b.write(`${interp}\0`, at, 'latin1');
  return b;
}

describe('interpreterOf', () => {
  it('reads the program interpreter of an ELF64 header', () => {
    expect(interpreterOf(elf('/lib64/ld-linux-x86-64.so.2'))).toBe('/lib64/ld-linux-x86-64.so.2');
    expect(interpreterOf(elf('/lib/ld-musl-aarch64.so.1'))).toBe('/lib/ld-musl-aarch64.so.1');
  });

  it('says nothing for a 32-bit ELF, a script, a file cut short, or an interpreter past what was read', () => {
    expect(interpreterOf(elf('/lib/ld-linux.so.2', { elfClass: 1 }))).toBeUndefined();
    expect(interpreterOf(Buffer.from('#!/bin/sh\nexec node "$@"\n'.padEnd(100)))).toBeUndefined();
    expect(interpreterOf(elf('/lib/ld-musl-x86_64.so.1').subarray(0, 100))).toBeUndefined();
    expect(interpreterOf(elf('/lib/ld-musl-x86_64.so.1', { at: 0x1f0 }).subarray(0, 0x1f8))).toBeUndefined();
  });

  it('finds the interpreter of the Node running the tests', () => {
    const head = readFileSync(process.execPath).subarray(0, 4096);
    expect(interpreterOf(head)).toMatch(/\/ld-(linux|musl)-[^/]*\.so/);
  });
});

describe('onMusl', () => {
  let tmp: ReturnType<typeof tempDir>;
  beforeEach(() => {
    tmp = tempDir();
  });
  afterEach(() => tmp.cleanup());

  it('goes by the binary: musl or glibc', () => {
    expect(onMusl(tmp.write('node-musl', elf('/lib/ld-musl-x86_64.so.1')), '/nonexistent')).toBe(true);
    expect(onMusl(tmp.write('node-glibc', elf('/lib64/ld-linux-x86-64.so.2')), '/nonexistent')).toBe(false);
  });

  it('asks the loader mapped into the process when the binary does not say (a script), and assumes glibc without either', () => {
    const script = tmp.write('node-script', '#!/bin/sh\nexec /opt/node "$@"\n');
    expect(onMusl(script, tmp.write('maps-musl', '7f00-7f01 r-xp 0 08:01 12 /lib/ld-musl-x86_64.so.1\n'))).toBe(true);
    expect(onMusl(script, tmp.write('maps-glibc', '7f00-7f01 r-xp 0 08:01 12 /usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2\n'))).toBe(false);
    expect(onMusl(script, '/nonexistent')).toBe(false);
    expect(onMusl('/nonexistent', '/nonexistent')).toBe(false);
  });

  it('agrees with the loader in use, on this machine', () => {
    expect(onMusl()).toBe(/\/ld-musl-[^/\s]*\.so/.test(readFileSync('/proc/self/maps', 'latin1')));
  });
});
