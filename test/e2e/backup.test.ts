/** rel backup and rel restore, a database held by another process, and a database from a newer rel. */
import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { SCHEMA_VERSION } from '../../src/store/migrations.js';
import { spawnRel, useTempRel } from '../helpers.js';

const t = useTempRel();
const rel = (...argv: string[]) => spawnRel(argv, { REL_DB: t.db });

describe('backup and restore', () => {
  it('restore puts a backup back and keeps the database it replaces', () => {
    expect(rel('add', 'Maya', '--note', 'before the backup').code).toBe(0);
    const backup = rel('backup', '--json');
    expect(backup.code).toBe(0);
    const file = backup.json().file as string;
    expect(file.startsWith(`${t.db}.`)).toBe(true);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(existsSync(`${file}-wal`)).toBe(false); // one self-contained file

    expect(rel('add', 'Added after the backup').code).toBe(0);
    const restored = rel('restore', file, '--json');
    expect(restored.code).toBe(0);
    const { kept } = restored.json();
    expect(statSync(kept).mode & 0o777).toBe(0o600);
    expect(rel('list', '--json').json().map((p: { name: string }) => p.name)).toEqual(['Maya']);
    expect(rel('show', 'maya', '--json').json().facts.map((f: { text: string }) => f.text)).toEqual(['before the backup']);
    // The kept copy has what the restore replaced.
    expect(spawnRel(['list', '--json'], { REL_DB: kept }).json()).toHaveLength(2);
  });

  it('restore refuses what is not a sound rel database, and changes nothing', () => {
    expect(rel('add', 'Maya').code).toBe(0);
    const other = join(t.dir, 'other.db');
    const d = new Database(other);
    d.exec('CREATE TABLE x (y)');
    d.close();
    const before = readdirSync(t.dir).sort();
    for (const file of [other, join(t.dir, 'missing.db')]) {
      const r = rel('restore', file);
      expect(r.code).not.toBe(0);
      expect(r.err).toMatch(/^rel: (.* is not a rel database; nothing was changed|no file .*)\n$/);
    }
    expect(readdirSync(t.dir).sort()).toEqual(before);
    expect(rel('list', '--json').json()).toHaveLength(1);
  });
});

describe('a database held by another process', () => {
  it('rel says it is busy, exit 1, no stack trace, and writes nothing', () => {
    expect(rel('add', 'Maya').code).toBe(0);
    const holder = new Database(t.db);
    holder.exec('BEGIN EXCLUSIVE');
    try {
      const start = performance.now();
      const r = spawnRel(['add', 'Bob'], { REL_DB: t.db, REL_BUSY_TIMEOUT_MS: '200' }); // waits 200 ms, then gives up
      const waited = performance.now() - start;
      expect(r.code).toBe(1);
      expect(r.err).toBe('rel: the database is busy (another rel is writing); try again; nothing was changed\n');
      expect(waited).toBeGreaterThanOrEqual(200);
      expect(waited).toBeLessThan(3000); // the default 5 s would be here
    } finally {
      holder.exec('ROLLBACK');
      holder.close();
    }
    expect(rel('list', '--json').json().map((p: { name: string }) => p.name)).toEqual(['Maya']);
  });

  it('a bad REL_BUSY_TIMEOUT_MS is refused: exit 2, one line', () => {
    expect(rel('add', 'Maya').code).toBe(0);
    const r = spawnRel(['add', 'Bob'], { REL_DB: t.db, REL_BUSY_TIMEOUT_MS: 'soon' });
    expect(r).toMatchObject({ code: 2, err: 'rel: bad REL_BUSY_TIMEOUT_MS "soon": use a whole number of milliseconds, e.g. 5000\n' });
    expect(rel('list', '--json').json()).toHaveLength(1);
  });
});

describe('a database written by a newer rel', () => {
  it('is refused, but --version and --help still work', () => {
    expect(rel('add', 'Maya').code).toBe(0);
    const d = new Database(t.db);
    d.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    d.close();
    const r = rel('list');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/written by a newer rel .*: upgrade rel to use it\n$/);
    expect(rel('--version')).toMatchObject({ code: 0 });
    expect(rel('--help').code).toBe(0);
    expect(rel('due', '--help').code).toBe(0);
  });
});
