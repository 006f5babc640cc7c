// Not per command: which of all the commands may create a missing database.
/** A missing database is created only by the commands that start one, only where it can be meant, and said. */
import { describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { relAt, spawnRel, useTempRel } from '../helpers.js';

const t = useTempRel({ now: '2026-03-04T09:00' });
const missing = () => join(t.dir, 'nodir', 'x.db');

describe('read-only commands never create a database', () => {
  it.each([
    ['list'], ['due'], ['due', '-q'], ['due', '--format', 'tsv'], ['show', 'maya'], ['brief', 'maya'], ['stats'],
    ['ledger'], ['export'], ['doctor'], ['undo', '--list'], ['backup'], ['match'], ['suggest'],
    // commands that write, but need someone already there
    ['log', 'maya'], ['note', 'maya', 'likes tea'], ['edit', 'maya', '--every', '1w'], ['undo'], ['import', 'x.csv', '--dry-run'],
  ])('rel --db nodir/x.db %j: exit 1, one line, no file and no folder made', async (...argv) => {
    if (argv[0] === 'import') writeFileSync(join(t.dir, 'x.csv'), 'First Name,Last Name\nMaya,Chen\n');
    const args = argv.map((a) => (a === 'x.csv' ? join(t.dir, 'x.csv') : a));
    for (const db of [missing(), join(t.dir, 'typo.db')]) {
      const r = await relAt(db, {}, { create: false })(['--db', db, ...args]);
      expect(r).toMatchObject({ code: 1, out: '', err: `rel: no database at ${db} (rel add creates one)\n` });
      expect(existsSync(db)).toBe(false);
    }
    expect(existsSync(join(t.dir, 'nodir'))).toBe(false);
  });
});

describe('commands that start a database', () => {
  it('rel add where the folder exists: creates it and says so on stderr, the first time only', async () => {
    const db = join(t.dir, 'mine.db');
    const rel = relAt(db, {}, { create: false });
    const first = await rel(['add', 'Maya']);
    expect(first).toMatchObject({ code: 0, err: `rel: created a new database at ${db}\n` });
    expect(first.out).toMatch(/^Added Maya\./);
    expect(statSync(db).mode & 0o777).toBe(0o600);
    expect(await rel(['add', 'Ana'])).toMatchObject({ code: 0, err: '' });
    expect((await rel(['list', '--json'])).json()).toHaveLength(2);
  });

  it.each([['add', 'Maya'], ['import', 'x.csv']])('rel %s with a mistyped path (no such folder): exit 1, nothing made', async (...argv) => {
    writeFileSync(join(t.dir, 'x.csv'), 'First Name,Last Name\nMaya,Chen\n');
    const args = argv.map((a) => (a === 'x.csv' ? join(t.dir, 'x.csv') : a));
    const db = missing();
    for (const how of [['--db', db], []]) {
      const r = await relAt(db, {}, { create: false })([...how, ...args]); // --db, then REL_DB
      expect(r).toMatchObject({ code: 1, out: '', err: `rel: cannot create ${db}: there is no folder ${join(t.dir, 'nodir')} (is the path right?)\n` });
    }
    expect(existsSync(join(t.dir, 'nodir'))).toBe(false);
  });

  it('at the default path rel makes its folders too, private, and says so', async () => {
    const data = join(t.dir, 'xdg');
    const rel = relAt(t.db, { env: { REL_DB: '', XDG_DATA_HOME: data } }, { create: false });
    const db = join(data, 'rel', 'rel.db');
    expect(await rel(['due'])).toMatchObject({ code: 1, err: `rel: no database at ${db} (rel add creates one)\n` });
    expect(existsSync(data)).toBe(false);
    expect(await rel(['add', 'Maya'])).toMatchObject({ code: 0, err: `rel: created a new database at ${db}\n` });
    expect(statSync(join(data, 'rel')).mode & 0o777).toBe(0o700);
    expect(await rel(['due', '-q'])).toMatchObject({ code: 0, out: '', err: '' });
  });

  it('rel restore into a missing database (a new machine) still works', async () => {
    const source = join(t.dir, 'old.db');
    await relAt(source)(['add', 'Maya']);
    const db = join(t.dir, 'fresh', 'rel.db');
    mkdirSync(join(t.dir, 'fresh'));
    const r = await relAt(db, {}, { create: false })(['restore', source]);
    expect(r.code, r.err).toBe(0);
    expect((await relAt(db)(['list', '--json'])).json().map((p: { name: string }) => p.name)).toEqual(['Maya']);
  });
});

describe('spawned, as cron runs it', () => {
  it('a typo in REL_DB makes rel due -q fail loudly instead of staying silent forever', () => {
    const db = join(t.dir, 'rell.db');
    const r = spawnRel(['due', '-q'], { REL_DB: db });
    expect(r).toMatchObject({ code: 1, out: '', err: `rel: no database at ${db} (rel add creates one)\n` });
    expect(existsSync(db)).toBe(false);
  });
});
