import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { APPLICATION_ID, dbPath, openDb } from '../../src/store/open.js';
import { migrations, SCHEMA_VERSION } from '../../src/store/migrations.js';
import { BIN, tempDir } from '../helpers.js';

/** A fixed instant for opening databases in tests. */
const T0 = new Date('2026-03-01T09:00:00Z');

let tmp: ReturnType<typeof tempDir>;
beforeEach(() => (tmp = tempDir()));
afterEach(() => tmp.cleanup());

const mode = (p: string) => statSync(p).mode & 0o777;

describe('the schema steps', () => {
  it('SCHEMA_VERSION is the number of steps, each a non-empty SQL script', () => {
    expect(migrations()).toHaveLength(SCHEMA_VERSION);
    for (const step of migrations()) expect(step.trim()).not.toBe('');
    expect(migrations()).toBe(migrations()); // made once
  });
});

describe('openDb', () => {
  it('creates a private database in a private folder, migrated, in WAL mode with durable commits', () => {
    const path = join(tmp.dir, 'deep', 'er', 'rel.db');
    const db = openDb(path, { now: T0 });
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    db.prepare("INSERT INTO people (id, name, name_key, added_on, created_at, updated_at) VALUES ('a','A','a','2026-01-01','x','x')").run();
    expect(mode(path)).toBe(0o600);
    expect(mode(`${path}-wal`)).toBe(0o600);
    expect(mode(`${path}-shm`)).toBe(0o600);
    expect(mode(join(tmp.dir, 'deep', 'er'))).toBe(0o700);
    db.close();
  });

  it('puts a database another program left in rollback-journal mode back in WAL mode', () => {
    const path = join(tmp.dir, 'rel.db');
    openDb(path, { now: T0 }).close();
    const other = new Database(path);
    other.pragma('journal_mode = DELETE'); // as the sqlite3 shell, or a backup copy (src/store/backup.ts), may leave it
    other.close();
    const db = openDb(path, { now: T0 });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
    const after = new Database(path, { readonly: true });
    expect(after.pragma('journal_mode', { simple: true })).toBe('wal'); // kept in the file
    after.close();
  });

  it('has exactly the expected tables after migrating a blank database', () => {
    const db = openDb(join(tmp.dir, 'rel.db'), { now: T0 });
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all();
    expect(tables).toEqual(['captures', 'change_rows', 'changes', 'dates', 'derived_paused', 'facts', 'follow_ups', 'ledger_people', 'people', 'sqlite_sequence', 'sync_state', 'touch_months', 'touchpoints', 'wishes']);
    db.close();
  });

  it('opening again changes nothing and keeps the data', () => {
    const path = join(tmp.dir, 'rel.db');
    openDb(path, { now: T0 }).close();
    const db = openDb(path, { now: T0 });
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    db.close();
  });

  const refuses = (setup: (path: string) => void, message: RegExp) => () => {
    const path = join(tmp.dir, 'x.db');
    setup(path);
    const before = readFileSync(path);
    expect(() => openDb(path, { now: T0 })).toThrow(message);
    expect(readFileSync(path).equals(before)).toBe(true);
  };

  it('refuses a text file, untouched', refuses((p) => writeFileSync(p, 'hello, I am a text file\n'.repeat(100)), /is not a rel database/));
  it('refuses an empty file, untouched', refuses((p) => writeFileSync(p, ''), /is an empty file, not a rel database/));
  it(
    'refuses an SQLite file of another program, untouched',
    refuses((p) => {
      const other = new Database(p);
      other.exec("CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT); INSERT INTO moz_places VALUES (1, 'x')");
      other.close();
    }, /not a rel database \(an SQLite file of another program\?\)/),
  );
  it(
    'refuses a database written by a newer rel, untouched',
    refuses((p) => {
      openDb(p, { now: T0 }).close();
      const db = new Database(p);
      db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
      db.close();
    }, /written by a newer rel \(schema \d+; this rel knows \d+\): upgrade rel/),
  );
});

// No memory map (mmap_size): it saved ~0.8 ms of rel due's query, but every page it touched counted in
// the process's memory, and the kernel maps pages around each one read: rel show grew from 54 to 87 MiB.
describe('reading the file', () => {
  it('is through the page cache of SQLite, not a memory map', () => {
    const path = join(tmp.dir, 'rel.db');
    openDb(path, { now: T0 }).close();
    const db = openDb(path, { now: T0 });
    try {
      expect(db.pragma('mmap_size', { simple: true })).toBe(0);
    } finally {
      db.close();
    }
  });
});

describe('the busy timeout', () => {
  it('is 5 s unless told, and the given wait when told (busyTimeoutMs)', () => {
    const path = join(tmp.dir, 'rel.db');
    openDb(path, { now: T0 }).close();
    const byDefault = openDb(path, { now: T0 });
    expect(byDefault.pragma('busy_timeout', { simple: true })).toBe(5000);
    byDefault.close();
    const holder = new Database(path);
    holder.exec('BEGIN EXCLUSIVE');
    const db = openDb(path, { now: T0, busyTimeoutMs: 200 });
    try {
      expect(db.pragma('busy_timeout', { simple: true })).toBe(200);
      const start = performance.now();
      expect(() => db.prepare('BEGIN IMMEDIATE').run()).toThrow(/database is locked/);
      const waited = performance.now() - start;
      expect(waited).toBeGreaterThanOrEqual(190);
      expect(waited).toBeLessThan(2000);
    } finally {
      db.close();
      holder.exec('ROLLBACK');
      holder.close();
    }
  });
});

describe('dbPath', () => {
  it.each([
    ['/x/flag.db', {}, '/x/flag.db'],
    [undefined, { REL_DB: '/env.db' }, '/env.db'],
    [undefined, { XDG_DATA_HOME: '/xdg' }, '/xdg/rel/rel.db'],
    [undefined, {}, '/home/u/.local/share/rel/rel.db'],
  ])('flag %s env %j → %s', (flag, env, path) => {
    expect(dbPath(flag, env, '/home/u')).toBe(path);
  });
});

describe('upgrading an older database', () => {
  /** A rel database as an earlier rel left it: schema `version`, one person touched on two days. */
  function older(path: string, version: number) {
    const d = new Database(path);
    d.pragma(`application_id = ${APPLICATION_ID}`);
    d.pragma('journal_mode = WAL');
    for (const step of migrations().slice(0, version)) d.exec(step);
    d.pragma(`user_version = ${version}`);
    d.exec(`INSERT INTO people (id, name, name_key, added_on, created_at, updated_at) VALUES ('p', 'Maya', 'maya', '2026-01-01', 'x', 'x');
      INSERT INTO touchpoints (id, person_id, group_id, date, via, created_at, updated_at) VALUES
        ('t1', 'p', 'g', '2026-01-05', 'call', 'x', 'x'), ('t2', 'p', 'g', '2026-02-05', 'call', 'x', 'x'),
        ('t3', 'p', 'g', '2026-02-05', 'call', 'x', 'x');`);
    d.close();
  }

  it('keeps a private copy of the old file, says where, and brings the schema up to date', () => {
    const path = join(tmp.dir, 'rel.db');
    older(path, 3);
    const notices: string[] = [];
    const db = openDb(path, { notice: (t) => notices.push(t), now: new Date('2026-03-01T10:00:00Z') });
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(db.prepare("SELECT first_touch, last_touch, touch_days FROM people WHERE id = 'p'").get()).toEqual({
      first_touch: '2026-01-05', last_touch: '2026-02-05', touch_days: 2,
    });
    db.close();
    const kept = `${path}.schema-3.2026-03-01T100000Z.bak`;
    expect(notices).toEqual([`upgraded ${path} to schema ${SCHEMA_VERSION}; the previous version is kept at ${kept}`]);
    expect(mode(kept)).toBe(0o600);
    const copy = new Database(kept, { readonly: true });
    expect(copy.pragma('user_version', { simple: true })).toBe(3);
    copy.close();
  });

  it('a copy that cannot be finished (a file size limit) leaves no half-written .bak, and the old version intact', () => {
    const path = join(tmp.dir, 'rel.db');
    older(path, 3);
    const d = new Database(path);
    d.exec('CREATE TABLE pad (x); INSERT INTO pad SELECT randomblob(100000) FROM (SELECT 1 UNION SELECT 2 UNION SELECT 3 UNION SELECT 4 UNION SELECT 5 UNION SELECT 6 UNION SELECT 7 UNION SELECT 8 UNION SELECT 9 UNION SELECT 10);');
    d.pragma('wal_checkpoint(TRUNCATE)');
    d.close();
    const before = readdirSync(tmp.dir).sort();
    // Node ignores SIGXFSZ: past the limit a write fails (SQLITE_IOERR_WRITE) instead of killing rel.
    const r = spawnSync('bash', ['-c', `ulimit -f 256; exec "${process.execPath}" "${BIN}" list --json`], {
      env: { PATH: process.env.PATH, HOME: tmp.dir, REL_DB: path, XDG_CACHE_HOME: join(tmp.dir, 'cache') },
      encoding: 'utf8',
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`^rel: cannot write the copy ${path.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}\\.schema-3\\.\\S+\\.bak: a disk error \\(SQLITE_IOERR\\w*\\)\\n$`));
    expect(readdirSync(tmp.dir).filter((f) => f !== 'cache').sort()).toEqual(before);
    const after = new Database(path, { readonly: true });
    expect(after.pragma('user_version', { simple: true })).toBe(3);
    after.close();
  });

  it("from schema 15, counts each month's gives and asks (step 16), which the triggers then keep", () => {
    const path = join(tmp.dir, 'rel.db');
    older(path, 15);
    const d = new Database(path);
    d.exec(`UPDATE touchpoints SET give = 'an intro' WHERE id IN ('t1', 't2');
      UPDATE touchpoints SET ask = 'advice' WHERE id = 't3';`);
    d.close();
    const db = openDb(path, { now: T0 });
    const months = () => db.prepare('SELECT month, touches, gives, asks FROM touch_months ORDER BY month').all();
    expect(months()).toEqual([
      { month: '2026-01', touches: 1, gives: 1, asks: 0 },
      { month: '2026-02', touches: 2, gives: 1, asks: 1 },
    ]);
    db.prepare("UPDATE touchpoints SET ask = 'a favour' WHERE id = 't1'").run();
    db.prepare("DELETE FROM touchpoints WHERE id = 't3'").run();
    expect(months()).toEqual([
      { month: '2026-01', touches: 1, gives: 1, asks: 1 },
      { month: '2026-02', touches: 1, gives: 1, asks: 0 },
    ]);
    db.close();
  });

  it('a failed upgrade leaves the old version intact', () => {
    const path = join(tmp.dir, 'rel.db');
    older(path, 3);
    const d = new Database(path);
    d.exec('CREATE INDEX touchpoints_date ON touchpoints (id)'); // the next step creates an index by that name
    d.close();
    expect(() => openDb(path, { now: T0 })).toThrow();
    const after = new Database(path, { readonly: true });
    expect(after.pragma('user_version', { simple: true })).toBe(3);
    expect(after.prepare('SELECT COUNT(*) FROM touchpoints').pluck().get()).toBe(3);
    after.close();
  });
});
