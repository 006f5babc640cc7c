import { describe, expect, it } from 'vitest';
import { newId, uuidFrom } from '../../src/store/ids.js';

const V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('record ids', () => {
  it('are version 4 UUIDs, all different, past the 256 ids one read of the kernel gives', () => {
    const ids = Array.from({ length: 1000 }, newId);
    for (const id of ids) expect(id).toMatch(V4);
    expect(new Set(ids).size).toBe(1000);
    // every hex digit turns up in every free position: the bytes are used, not a fixed pattern
    const seen = new Set(ids.map((id) => id[0]));
    expect(seen.size).toBe(16);
  });

  it('spell the 16 bytes in order, with the version and variant bits set', () => {
    const bytes = Uint8Array.from([0x00, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, 0x88, 0x99, 0xaa, 0xbb, 0xcc, 0xdd, 0xee, 0xff]);
    expect(uuidFrom(bytes)).toBe('00112233-4455-4677-8899-aabbccddeeff');
    expect(uuidFrom(new Uint8Array(16).fill(0xff))).toBe('ffffffff-ffff-4fff-bfff-ffffffffffff');
    expect(uuidFrom(new Uint8Array(16))).toBe('00000000-0000-4000-8000-000000000000');
  });

  it('read from where they are told in a larger buffer', () => {
    const bytes = new Uint8Array(32);
    bytes.fill(0xab, 16);
    expect(uuidFrom(bytes, 16)).toBe('abababab-abab-4bab-abab-abababababab');
  });
});
