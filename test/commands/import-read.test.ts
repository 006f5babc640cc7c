import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readRelPieces, readText } from '../../src/commands/shared/import-read.js';
import { relJsonChunks } from '../../src/formats/json.js';
import { UsageError } from '../../src/errors.js';

const dir = mkdtempSync(join(tmpdir(), 'rel-import-read-'));
const file = (name: string, content: string | Buffer) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};
const EXPORT = [...relJsonChunks([], new Date('2026-03-01T00:00:00Z'))].join('').replace('"people": []', '"people": [{"id": "p1", "name": "Maya Chen"}]');

describe('readRelPieces: a rel export is read one person at a time; anything else is left to readText', () => {
  it('takes a rel export (and says what is wrong with its people as the whole-file reader does)', async () => {
    const got = await readRelPieces(file('network.json', EXPORT), undefined);
    expect(got?.format.name).toBe('json');
    expect(got?.parsed.problems).toEqual([{ where: 'people[0]', why: 'people[0].every_days: missing; person skipped' }]);
  });

  it('refuses, as before, a JSON that is not a rel export', async () => {
    await expect(readRelPieces(file('other.json', '{"contacts": []}'), undefined)).rejects.toThrow(UsageError);
  });

  it.each([
    ['a CSV', 'Name,Email\nMaya,maya@x.example\n'],
    ['a vCard', 'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Maya\r\nEND:VCARD\r\n'],
    ['JSON with a syntax error (the whole-file reader names the line)', '{"format": "rel", "version": 1, "people": [}'],
    ['UTF-16', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(EXPORT, 'utf16le')])],
    ['Windows-1252', Buffer.from(EXPORT.replace('Maya Chen', 'Ma\u00efa'), 'latin1')],
  ])('leaves %s to readText', async (_name, content) => {
    const path = file('x', content);
    expect(await readRelPieces(path, undefined)).toBeNull();
    expect(readText(path, []).length).toBeGreaterThan(0);
  });

  it('leaves a missing file to readText, which names it', async () => {
    const missing = join(dir, 'missing.json');
    expect(await readRelPieces(missing, undefined)).toBeNull();
    expect(() => readText(missing, [])).toThrow(`${missing}: no such file`);
  });
});
