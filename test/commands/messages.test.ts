/** Issue 11 item 12 (and 9): each failure is one `rel: ` line that names what the user gave and says what to do. */
import Database from 'better-sqlite3';
import { readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempRel } from '../helpers.js';

const t = useTempRel();

describe('rel restore refuses the live database itself', () => {
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
  it('export -o into a missing folder: the path given, no temporary name', async () => {
    await t.rel(['add', 'Maya Chen']);
    const file = join(t.dir, 'nodir', 'x.json');
    const r = await t.rel(['export', '-o', file]);
    expect(r.err).toBe(`rel: cannot write ${file}: the folder ${join(t.dir, 'nodir')} does not exist\n`);
    expect(r.code).toBe(1);
  });

  it('backup into a missing folder: one clear line, no raw ENOENT', async () => {
    await t.rel(['add', 'Maya Chen']);
    const file = join(t.dir, 'nodir', 'b.db');
    const r = await t.rel(['backup', file]);
    expect(r.err).toBe(`rel: cannot write the backup ${file}: the folder ${join(t.dir, 'nodir')} does not exist\n`);
    expect(r.code).toBe(1);
  });

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

describe('rel doctor on a damaged database', () => {
  it('reports the damage as a finding with advice that is not "run rel doctor"', async () => {
    await t.rel(['add', 'Maya Chen']);
    for (let i = 0; i < 30; i++) await t.rel(['add', `P${i}`, '--note', 'y'.repeat(3000)]);
    await t.rel(['backup', join(t.dir, 'sound.db')]);
    const bytes = readFileSync(join(t.dir, 'sound.db'));
    bytes.fill(0x07, 3 * 4096, 4 * 4096); // a whole page scribbled over
    const damaged = join(t.dir, 'damaged.db');
    writeFileSync(damaged, bytes);
    const r = await t.rel(['--db', damaged, 'doctor']);
    expect(r.out).toMatch(/BAD {2}SQLite integrity: /);
    expect(r.out).toMatch(/what to do: restore the latest backup \(rel restore FILE\)/);
    expect(r.err).toBe(`rel: ${damaged} has problems: SQLite integrity\n`);
    expect(r.code).toBe(1);
  });
});

describe('rel date says why a date is not real, as --on does', () => {
  it('2026-02-30', async () => {
    await t.rel(['add', 'Maya Chen']);
    const date = await t.rel(['date', 'maya', 'party', '2026-02-30']);
    const on = await t.rel(['log', 'maya', '--on', '2026-02-30']);
    expect(date.err).toBe('rel: date "2026-02-30" is not a real date: February 2026 has 28 days\n');
    expect(date.err).toBe(on.err);
    expect(date.code).toBe(2);
  });
});

describe('bad input exits 2 with one line', () => {
  it('rel help frobnicate', async () => {
    const r = await t.rel(['help', 'frobnicate']);
    expect(r.err).toBe('rel: unknown command "frobnicate" (see rel --help)\n');
    expect(r.out).toBe('');
    expect(r.code).toBe(2);
    const ok = await t.rel(['help', 'due']);
    expect(ok.code).toBe(0);
    expect(ok.out).toMatch(/^Usage: rel due/);
  });

  it.each([['99999'], ['0']])('rel undo %s', async (id) => {
    await t.rel(['add', 'Maya Chen']);
    const r = await t.rel(['undo', id]);
    expect(r.err).toBe(`rel: no change ${id} (see rel undo --list)\n`);
    expect(r.code).toBe(2);
  });

  it('rel undo with nothing to undo is not bad input', async () => {
    const r = await t.rel(['undo']);
    expect(r.err).toBe('rel: nothing to undo\n');
    expect(r.code).toBe(1);
  });
});
