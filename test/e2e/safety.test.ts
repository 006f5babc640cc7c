/**
 * Data safety, with real rel processes: concurrency, kills, bad files, full disks, permissions.
 * These spawn the built bin/rel.js (npm test builds first).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SCHEMA_VERSION } from '../../src/store/migrations.js';
import { BIN, spawnRel, tempDir } from '../helpers.js';

const worker = (name: string) => fileURLToPath(new URL(`./workers/${name}`, import.meta.url));
const isRoot = process.getuid?.() === 0;
const NOBODY = 65534;

let tmp: ReturnType<typeof tempDir>;
let db: string;
beforeEach(() => {
  tmp = tempDir();
  chmodSync(tmp.dir, 0o755);
  db = join(tmp.dir, 'rel.db');
});
afterEach(() => tmp.cleanup());

const rel = (...argv: string[]) => spawnRel(argv, { REL_DB: db });

function run(cmd: string, args: string[], env: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve) => {
    const p = spawn(cmd, args, { env: { ...process.env, REL_DB: db, ...env }, stdio: 'ignore' });
    p.on('exit', (code, signal) => resolve(code ?? (signal ? 128 : -1)));
  });
}

const count = (sql: string) => {
  const d = new Database(db, { readonly: true });
  try {
    return d.prepare(sql).pluck().get() as number;
  } finally {
    d.close();
  }
};

describe('concurrency', () => {
  it('8 processes each logging 300 touches at once: all 2,400 present, no error', async () => {
    expect(rel('add', 'Maya').code).toBe(0);
    const start = Date.now() + 1500;
    const codes = await Promise.all(
      Array.from({ length: 8 }, (_, w) => run(process.execPath, [worker('log-many.mjs'), '300', `w${w}`, String(start)])),
    );
    expect(codes).toEqual(Array(8).fill(0));
    expect(count('SELECT COUNT(*) FROM touchpoints')).toBe(2400);
    expect(count("SELECT COUNT(DISTINCT note) FROM touchpoints WHERE note LIKE 'w%'")).toBe(2400);
  }, 120_000);

  it('8 processes creating a missing database at once: all succeed, the schema is made once', async () => {
    mkdirSync(join(tmp.dir, 'new'));
    db = join(tmp.dir, 'new', 'rel.db');
    const codes = await Promise.all(Array.from({ length: 8 }, (_, i) => run(process.execPath, [BIN, 'add', `P${i}`])));
    expect(codes).toEqual(Array(8).fill(0));
    expect(count('PRAGMA user_version')).toBe(SCHEMA_VERSION);
    expect(count("SELECT COUNT(*) FROM sqlite_master WHERE name = 'people'")).toBe(1);
    expect(count('SELECT COUNT(*) FROM people')).toBe(8);
    expect(readdirSync(join(tmp.dir, 'new')).filter((f) => f.includes('.new-'))).toEqual([]);
  }, 60_000);

  it('SIGKILL right after a commit: the touch is there on the next run', async () => {
    expect(rel('add', 'Maya').code).toBe(0);
    expect(await run(process.execPath, [worker('log-then-kill.mjs')])).toBe(128);
    const shown = rel('show', 'maya', '--json');
    expect(shown.code).toBe(0);
    expect(shown.json().touchpoints.map((t: { note: string }) => t.note)).toEqual(['survives a SIGKILL']);
    expect(rel('doctor').code).toBe(0);
  });
});

describe('bad files: exact error, exit 1, the file byte-for-byte unchanged', () => {
  const cases: [string, (path: string) => void, RegExp][] = [
    ['a directory', (p) => mkdirSync(p), /is a directory, not a rel database$/],
    ['a text file', (p) => writeFileSync(p, 'Dear diary,\n'.repeat(50)), /is not a rel database \(not an SQLite file, or damaged\); it was left untouched$/],
    ['an empty file', (p) => writeFileSync(p, ''), /is an empty file, not a rel database; it was left untouched/],
    ['an SQLite file of another program', (p) => {
      const other = new Database(p);
      other.exec('CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT)');
      other.close();
    }, /is not a rel database \(an SQLite file of another program\?\); it was left untouched$/],
    ['a truncated rel database', (p) => {
      expect(spawnRel(['add', 'Maya'], { REL_DB: p }).code).toBe(0);
      truncateSync(p, Math.floor(statSync(p).size / 2));
    }, /is damaged: it is cut short \(\d+ of \d+ bytes\); it was left untouched/],
  ];
  it.each(cases)('%s', (_, make, message) => {
    make(db);
    const before = statSync(db).isDirectory() ? null : readFileSync(db);
    for (const argv of [['list'], ['add', 'Someone']]) {
      const r = rel(...argv);
      expect(r.code, argv.join(' ')).toBe(1);
      expect(r.err.trim().split('\n')).toHaveLength(1);
      expect(r.err.trim()).toMatch(/^rel: /);
      expect(r.err.trim()).toMatch(message);
    }
    if (before) expect(readFileSync(db).equals(before)).toBe(true);
  });

  it('a database with a damaged page: rel will not write to it, and the file stays as it was', () => {
    expect(rel('add', 'Maya').code).toBe(0);
    const d = new Database(db);
    const fact = d.prepare(`INSERT INTO facts (id, person_id, text, date, created_at, updated_at)
      VALUES (?, (SELECT id FROM people), ?, '2026-01-01', 'x', 'x')`);
    d.transaction(() => {
      for (let i = 0; i < 300; i++) fact.run(`f${i}`, `fact ${i} ${'x'.repeat(500)}`);
    })();
    // A page that holds facts (a free page, say of the undo journal's pruned changes, would hide damage).
    const pages = d.prepare("SELECT pageno FROM dbstat WHERE name = 'facts' AND pagetype = 'leaf' ORDER BY pageno").pluck().all() as number[];
    const page = d.pragma('page_size', { simple: true }) as number;
    d.close();
    expect(pages.length).toBeGreaterThan(10);
    expect(rel('note', 'maya', 'written while the file is sound').code).toBe(0);
    // Scribble over a page in the middle of the facts (a bad sector, a bad copy).
    const bytes = readFileSync(db);
    const at = (pages[Math.floor(pages.length / 2)]! - 1) * page;
    bytes.fill(0x5a, at + 8, at + page - 8);
    writeFileSync(db, bytes);
    const r = rel('add', 'Someone');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^rel: .*(failed its integrity check|damaged).*\n$/);
    expect(readFileSync(db).equals(bytes)).toBe(true);
    const doctor = rel('doctor');
    expect(doctor.code).toBe(1);
    expect(doctor.out).toMatch(/BAD\s+SQLite integrity/);
    expect(doctor.out).toMatch(/what to do: restore the latest backup/);
  }, 60_000);
});

describe('a full disk', () => {
  it('fails cleanly; the database stays intact and usable', () => {
    const mnt = join(tmp.dir, 'small');
    mkdirSync(mnt);
    const mount = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', mnt]);
    if (mount.status !== 0) {
      console.warn(`skipped: cannot mount a small tmpfs here (${mount.stderr.toString().trim()})`);
      return;
    }
    try {
      const small = join(mnt, 'rel.db');
      const at = (...argv: string[]) => spawnRel(argv, { REL_DB: small });
      expect(at('add', 'Maya').code).toBe(0);
      // Fill the disk, leaving room for SQLite's 32 KB shared-memory file but not for a big write.
      spawnSync('dd', ['if=/dev/zero', `of=${join(mnt, 'filler')}`, 'bs=4096'], { stdio: 'ignore' });
      spawnSync('rm', [join(mnt, 'filler')]);
      spawnSync('dd', ['if=/dev/zero', `of=${join(mnt, 'filler')}`, 'bs=4096', `count=${Math.floor((1024 * 1024 - 40 * 1024 - statSync(small).size) / 4096) - 4}`], { stdio: 'ignore' });
      spawnSync('dd', ['if=/dev/zero', `of=${join(mnt, 'filler2')}`, 'bs=4096'], { stdio: 'ignore' });
      spawnSync('rm', [join(mnt, 'filler2')]);
      spawnSync('dd', ['if=/dev/zero', `of=${join(mnt, 'filler2')}`, 'bs=4096', 'count=2'], { stdio: 'ignore' });
      const big = at('note', 'maya', 'n'.repeat(9000));
      let r = big;
      for (let i = 0; i < 20 && r.code === 0; i++) r = at('note', 'maya', `${i} ${'n'.repeat(9000)}`);
      expect(r.code).toBe(1);
      expect(r.err).toMatch(/^rel: .*(disk is full|disk error|cannot).*\n$/);
      expect(r.err).not.toMatch(/this is a bug/);
      spawnSync('rm', ['-f', join(mnt, 'filler'), join(mnt, 'filler2')]);
      const after = at('show', 'maya', '--json');
      expect(after.code).toBe(0);
      expect(at('doctor').code).toBe(0);
      expect(at('note', 'maya', 'room again').code).toBe(0);
    } finally {
      spawnSync('umount', ['-l', mnt]);
    }
  }, 60_000);
});

describe('permissions (as an unprivileged user)', () => {
  const asNobody = (argv: string[], env: Record<string, string>) => {
    const r = spawnSync(process.execPath, [BIN, ...argv], {
      env: { PATH: process.env.PATH, ...env },
      encoding: 'utf8',
      input: '',
      ...(isRoot ? { uid: NOBODY, gid: NOBODY } : {}),
    });
    return { code: r.status, out: r.stdout, err: r.stderr };
  };
  const home = () => {
    const dir = join(tmp.dir, 'home');
    mkdirSync(dir);
    if (isRoot) chownSync(dir, NOBODY, NOBODY);
    return dir;
  };

  it('the folder is 0700; the database, -wal, -shm and every backup 0600', () => {
    const h = home();
    const env = { HOME: h };
    expect(asNobody(['add', 'Maya'], env).code).toBe(0);
    const dir = join(h, '.local', 'share', 'rel');
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    expect(statSync(join(dir, 'rel.db')).mode & 0o777).toBe(0o600);
    const b = asNobody(['backup', '--json'], env);
    expect(b.code).toBe(0);
    expect(statSync(JSON.parse(b.out).file).mode & 0o777).toBe(0o600);
    // -wal and -shm exist while a connection is open: hold one and look.
    const open = new Database(join(dir, 'rel.db'));
    open.prepare('SELECT COUNT(*) FROM people').get();
    for (const side of ['-wal', '-shm']) expect(statSync(join(dir, `rel.db${side}`)).mode & 0o777).toBe(0o600);
    open.close();
  });

  it('a read-only database: reads work, writes fail clearly, the file is unchanged; writable again, rel writes', () => {
    const h = home();
    const env = { REL_DB: join(h, 'rel.db') };
    expect(asNobody(['add', 'Maya'], env).code).toBe(0);
    chmodSync(env.REL_DB, 0o400);
    const before = readFileSync(env.REL_DB);
    expect(asNobody(['list', '--json'], env)).toMatchObject({ code: 0 });
    const w = asNobody(['add', 'Bob'], env);
    expect(w.code).toBe(1);
    expect(w.err).toBe(`rel: ${env.REL_DB} is read-only: nothing was changed\n`);
    expect(readFileSync(env.REL_DB).equals(before)).toBe(true);
    chmodSync(env.REL_DB, 0o600);
    expect(asNobody(['add', 'Bob'], env).code).toBe(0);
  });

  it('a read-only folder: a clear error, exit 1, nothing changed', () => {
    const h = home();
    const env = { REL_DB: join(h, 'rel.db') };
    expect(asNobody(['add', 'Maya'], env).code).toBe(0);
    chmodSync(h, 0o555);
    const before = readFileSync(env.REL_DB);
    const w = asNobody(['add', 'Bob'], env);
    expect(w.code).toBe(1);
    expect(w.err).toMatch(/^rel: cannot read .*: its folder is read-only, and SQLite must create a -shm file beside it even to read\n$/);
    expect(readFileSync(env.REL_DB).equals(before)).toBe(true);
    chmodSync(h, 0o755);
  });
});

describe('prompts never wait without a terminal', () => {
  it('an open pipe that sends nothing: rel log and rel rm exit 2 at once', async () => {
    expect(rel('add', 'Maya').code).toBe(0);
    for (const argv of [['log'], ['rm', 'maya']]) {
      const code = await new Promise<number>((resolve) => {
        const p = spawn(process.execPath, [BIN, ...argv], { env: { ...process.env, REL_DB: db }, stdio: ['pipe', 'ignore', 'ignore'] });
        const timer = setTimeout(() => p.kill('SIGKILL'), 10_000);
        p.on('exit', (c) => {
          clearTimeout(timer);
          resolve(c ?? -1);
        });
      });
      expect(code, argv.join(' ')).toBe(2);
    }
    expect(existsSync(db)).toBe(true);
  });
});
