/** Imports under pressure: rel due while another process imports; SIGKILL in the middle of an import. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BIN, spawnRel, tempDir } from '../helpers.js';

let tmp: ReturnType<typeof tempDir>;
let db: string;
let cards: string;
beforeEach(() => {
  tmp = tempDir();
  db = join(tmp.dir, 'rel.db');
  cards = join(tmp.dir, 'people.vcf');
  const lines: string[] = [];
  for (let i = 0; i < 10_000; i++) {
    lines.push('BEGIN:VCARD', 'VERSION:3.0', `FN:Imported Person ${i}`, `EMAIL:person${i}@example.com`, `NOTE:met at event ${i % 50}`, 'END:VCARD');
  }
  writeFileSync(cards, `${lines.join('\r\n')}\r\n`);
  expect(spawnRel(['add', 'Maya', '--every', '1w'], { REL_DB: db }).code).toBe(0);
});
afterEach(() => tmp.cleanup());

const startImport = () => spawn(process.execPath, [BIN, 'import', cards], { env: { ...process.env, REL_DB: db }, stdio: 'ignore' });

function walSize(): number {
  try {
    return statSync(`${db}-wal`).size;
  } catch {
    return 0;
  }
}

function inspect() {
  const d = new Database(db, { readonly: true });
  try {
    return {
      integrity: d.pragma('integrity_check', { simple: true }),
      imported: d.prepare("SELECT COUNT(*) FROM people WHERE name LIKE 'Imported Person %'").pluck().get() as number,
    };
  } finally {
    d.close();
  }
}

describe('imports under pressure', () => {
  it('rel due in a loop while another process imports: every run succeeds', async () => {
    const importer = startImport();
    const done = new Promise<number>((resolve) => importer.on('exit', (c) => resolve(c ?? -1)));
    let runs = 0;
    let finished = false;
    void done.then(() => (finished = true));
    while (!finished || runs < 3) {
      const r = spawnRel(['due', '--json'], { REL_DB: db });
      expect(r.err).toBe('');
      expect(r.code).toBe(0);
      runs++;
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(await done).toBe(0);
    expect(runs).toBeGreaterThan(3);
    expect(inspect()).toEqual({ integrity: 'ok', imported: 10_000 });
  }, 60_000);

  it.each([
    ['while it writes (its uncommitted pages are in the WAL)', 'writing'],
    ['300 ms in', 300],
    ['700 ms in', 700],
  ] as const)('SIGKILL %s: all of the import or none of it, and integrity ok', async (_, when) => {
    const importer = startImport();
    const killed = new Promise<void>((resolve) => importer.on('exit', () => resolve()));
    if (when === 'writing') {
      // The import's transaction is under way once the WAL holds more than a few pages.
      const deadline = Date.now() + 20_000;
      while (walSize() < 512 * 1024 && Date.now() < deadline && importer.exitCode === null) {
        await new Promise((resolve) => setTimeout(resolve, 2));
      }
      expect(importer.exitCode).toBe(null); // still running: the kill lands mid-transaction
    } else {
      await new Promise((resolve) => setTimeout(resolve, when));
    }
    importer.kill('SIGKILL');
    await killed;
    const after = inspect();
    if (when === 'writing') expect(after.imported).toBe(0);
    expect(after.integrity).toBe('ok');
    expect([0, 10_000]).toContain(after.imported);
    const next = spawnRel(['list', '--json'], { REL_DB: db });
    expect(next.code, next.err).toBe(0);
    expect(next.json().length).toBe(after.imported + 1);
  }, 60_000);
});
