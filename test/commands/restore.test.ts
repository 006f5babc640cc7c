import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { useTempRel } from '../helpers.js';

describe('rel restore refuses the live database itself', () => {
  const t = useTempRel();

  it.each([
    ['the same path', (db: string) => db],
    ['another spelling of it', (db: string) => join(db, '..', '.', 'rel.db')],
    ['a symlink to it', (db: string) => {
      const link = join(db, '..', 'link.db');
      symlinkSync(db, link);
      return link;
    }],
  ])('%s: exit 2, nothing written, no .bak', async (_, path) => {
    await t.rel(['add', 'Maya Chen']);
    const file = path(t.db);
    const before = readdirSync(t.dir).sort();
    const r = await t.rel(['restore', file]);
    expect(r.err).toBe(`rel: ${file} is the database itself (${t.db}): name a backup, e.g. one rel backup wrote; nothing was changed\n`);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(readdirSync(t.dir).sort()).toEqual(before);
  });
});

describe('file messages name the path the user gave', () => {
  const t = useTempRel();

  it('restore of a cut-short backup names that file and does not send the user to rel doctor', async () => {
    await t.rel(['add', 'Maya Chen']);
    const full = join(t.dir, 'b.db');
    await t.rel(['note', 'maya', 'x'.repeat(5000)]);
    for (let i = 0; i < 30; i++) await t.rel(['add', `P${i}`, '--note', 'y'.repeat(3000)]);
    expect((await t.rel(['backup', full])).code).toBe(0);
    const trunc = join(t.dir, 'trunc.db');
    writeFileSync(trunc, readFileSync(full).subarray(0, 40_000));
    const r = await t.rel(['restore', trunc]);
    expect(r.err).toMatch(new RegExp(`^rel: ${trunc}.*damaged.*nothing was changed\\n$`));
    expect(r.err).not.toMatch(/doctor/);
    expect(r.code).toBe(1);
  });
});
