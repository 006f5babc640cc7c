/** Issue 12, item 11: the N a person was imported with (people.vcard_n, migration 9), through edit, undo and upgrades. */
import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { migrations } from '../../src/store/migrations.js';
import { APPLICATION_ID, openDb } from '../../src/store/open.js';
import { useTempRel } from '../helpers.js';

const t = useTempRel({ now: '2026-03-01T09:00' });

const vcf = (...cards: string[][]): string =>
  cards.map((lines) => ['BEGIN:VCARD', 'VERSION:3.0', ...lines, 'END:VCARD'].join('\r\n')).join('\r\n') + '\r\n';

async function ok(...argv: string[]) {
  const r = await t.rel(argv);
  expect(r.code, `${argv.join(' ')}: ${r.err}`).toBe(0);
  return r;
}
/** Each person's name and kept N, as rel's JSON export says. */
const kept = async () =>
  ((await ok('export')).json().people as { name: string; vcard_n: string | null }[]).map((p) => [p.name, p.vcard_n]);
/** The N lines of rel's vCard export. */
const nLines = async () => (await ok('export', '--format', 'vcard')).out.split('\r\n').filter((l) => l.startsWith('N:'));

function importCards(...cards: string[][]) {
  const file = join(t.dir, `cards-${Math.random().toString(36).slice(2)}.vcf`);
  writeFileSync(file, vcf(...cards));
  return ok('import', file, '--json');
}

describe('the kept N through edit and undo', () => {
  it('a rename drops it (rel then writes N from the new name); undoing the rename brings it back', async () => {
    await importCards(['FN:山田 太郎', 'N:山田;太郎;;;', 'EMAIL:taro@example.jp']);
    expect(await kept()).toEqual([['山田 太郎', '山田;太郎;;;']]);
    await ok('edit', '山田', '--company', 'Acme'); // not a rename: kept
    await ok('edit', '山田 太郎', '--name', '山田 太郎'); // the same name: kept
    expect(await kept()).toEqual([['山田 太郎', '山田;太郎;;;']]);
    await ok('edit', '山田', '--name', 'Taro Yamada');
    expect(await kept()).toEqual([['Taro Yamada', null]]);
    expect(await nLines()).toEqual(['N:Yamada;Taro;;;']);
    await ok('undo');
    expect(await kept()).toEqual([['山田 太郎', '山田;太郎;;;']]);
    expect(await nLines()).toEqual(['N:山田;太郎;;;']);
  });

  it('an import that gives someone their N is undone with it', async () => {
    await ok('add', 'Ana Lima', '--email', 'ana@example.com');
    const v = (await importCards(['FN:Ana Lima', 'N:Lima;Ana;Maria;Dra.;', 'EMAIL:ana@example.com'])).json();
    expect(v).toMatchObject({ added: 0, merged: 1 });
    expect(await kept()).toEqual([['Ana Lima', 'Lima;Ana;Maria;Dra.;']]);
    await ok('undo');
    expect(await kept()).toEqual([['Ana Lima', null]]);
    expect(await nLines()).toEqual(['N:Lima;Ana;;;']);
  });

  it('a card of another name (matched by email) does not give its N to someone called otherwise', async () => {
    await ok('add', 'Taro Yamada', '--email', 'taro@example.jp');
    await importCards(['FN:山田 太郎', 'N:山田;太郎;;;', 'EMAIL:taro@example.jp']);
    expect(await kept()).toEqual([['Taro Yamada', null]]);
  });

  it('re-importing the card changes nothing', async () => {
    await importCards(['FN:山田 太郎', 'N:山田;太郎;;;', 'EMAIL:taro@example.jp']);
    const again = (await importCards(['FN:山田 太郎', 'N:山田;太郎;;;', 'EMAIL:taro@example.jp'])).json();
    expect(again).toMatchObject({ added: 0, merged: 0, skipped: 1 });
  });
});

describe('migration 9', () => {
  it('upgrades a schema 7 database: no one has a kept N, and the journal records the new column', () => {
    const path = join(t.dir, 'old.db');
    const d = new Database(path);
    d.pragma(`application_id = ${APPLICATION_ID}`);
    for (const step of migrations().slice(0, 7)) d.exec(step);
    d.pragma('user_version = 7');
    d.prepare(`INSERT INTO people (id, name, name_key, added_on, created_at, updated_at)
      VALUES ('p1', 'Maya Chen', 'maya chen', '2026-01-01', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')`).run();
    d.close();
    const db = openDb(path, { notice: () => {}, now: new Date('2026-03-01T10:00:00Z') });
    try {
      expect(db.prepare('SELECT name, vcard_n FROM people').all()).toEqual([{ name: 'Maya Chen', vcard_n: null }]);
      const trigger = db.prepare(`SELECT sql FROM sqlite_master WHERE name = 'people_journal_update'`).pluck().get() as string;
      expect(trigger).toContain("'vcard_n', OLD.vcard_n");
    } finally {
      db.close();
    }
  });
});
