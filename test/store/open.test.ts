import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { APPLICATION_ID, dbPath, openDb } from '../../src/store/open.js';
import { SCHEMA_VERSION } from '../../src/store/migrations.js';
import { tempDir } from '../helpers.js';

let tmp: ReturnType<typeof tempDir>;
beforeEach(() => (tmp = tempDir()));
afterEach(() => tmp.cleanup());

const mode = (p: string) => statSync(p).mode & 0o777;

describe('openDb', () => {
  it('creates a private database in a private folder, migrated, in WAL mode with durable commits', () => {
    const path = join(tmp.dir, 'deep', 'er', 'rel.db');
    const db = openDb(path);
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

  it('has exactly the expected tables after migrating a blank database', () => {
    const db = openDb(join(tmp.dir, 'rel.db'));
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all();
    expect(tables).toEqual(['change_rows', 'changes', 'dates', 'facts', 'follow_ups', 'people', 'sqlite_sequence', 'touchpoints', 'wishes']);
    db.close();
  });

  it('opening again changes nothing and keeps the data', () => {
    const path = join(tmp.dir, 'rel.db');
    openDb(path).close();
    const db = openDb(path);
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    db.close();
  });

  const refuses = (setup: (path: string) => void, message: RegExp) => () => {
    const path = join(tmp.dir, 'x.db');
    setup(path);
    const before = readFileSync(path);
    expect(() => openDb(path)).toThrow(message);
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
      openDb(p).close();
      const db = new Database(p);
      db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
      db.close();
    }, /written by a newer rel \(schema \d+; this rel knows \d+\): upgrade rel/),
  );
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
