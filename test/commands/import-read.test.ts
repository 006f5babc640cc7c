import { mkdtempSync, renameSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readRelPieces, readText } from '../../src/commands/shared/import-read.js';
import { relJsonChunks } from '../../src/formats/json.js';
import { RelError, UsageError } from '../../src/errors.js';

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

  describe('the second read, as the import writes, is of the file the first read checked', () => {
    const WHOLE = [...relJsonChunks([], new Date('2026-03-01T00:00:00Z'))].join('').replace('"people": []', `"people": [${JSON.stringify({
      id: 'p1', name: 'Maya Chen', emails: [], phones: [], tags: [], company: null, title: null, every_days: null, birthday: null, met: null,
      met_on: null, linkedin_url: null, snoozed_until: null, added_on: '2026-01-01', created_at: '2026-01-01T00:00:00.000Z',
      updated_at: '2026-01-01T00:00:00.000Z', facts: [], follow_ups: [], dates: [], wishes: [],
      touchpoints: [{ id: 't1', group_id: 'g1', date: '2026-02-01', via: 'call', note: 'coffee', give: null, ask: null, intro_to: null,
        created_at: '2026-02-01T00:00:00.000Z', updated_at: '2026-02-01T00:00:00.000Z' }],
    })}]`);

    it('gives each person with their records when the file is as it was', async () => {
      const got = await readRelPieces(file('same.json', WHOLE), undefined);
      expect(got?.parsed.problems).toEqual([]);
      expect([...got!.parsed.rel!.records()].map((p) => [p.id, p.touchpoints.map((t) => t.note)])).toEqual([['p1', ['coffee']]]);
    });

    it.each([
      ['written again, the same text (a new time)', (path: string) => writeFileSync(path, WHOLE)],
      ['a note edited, the same length', (path: string) => writeFileSync(path, WHOLE.replace('coffee', 'dinner'))],
      ['replaced by another file', (path: string) => {
        writeFileSync(`${path}.new`, WHOLE);
        renameSync(`${path}.new`, path);
      }],
      ['deleted', (path: string) => rmSync(path)],
    ])('refuses to go on when it was %s', async (_how, change) => {
      const path = file('changing.json', WHOLE);
      utimesSync(path, new Date('2020-01-01'), new Date('2020-01-01')); // an old time: a rewrite within the same clock tick still shows
      const got = await readRelPieces(path, undefined);
      change(path);
      expect(() => [...got!.parsed.rel!.records()]).toThrow(new RelError(`${path} changed while it was being imported: nothing was imported (run rel import again)`));
    });
  });
});
