import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { useTempRel } from '../helpers.js';

describe('rel doctor', () => {
  const t = useTempRel({ now: '2026-03-01T09:00' });

  it('finds a touch before 1900 and a birthday in the future already in the database', async () => {
    await t.rel(['add', 'Maya Chen', '--birthday', '1990-05-01']);
    await t.rel(['log', 'maya', '--on', '2026-02-01']);
    expect((await t.rel(['doctor'])).code).toBe(0);
    const db = new Database(t.db);
    db.exec(`UPDATE touchpoints SET date = '0001-01-01'; UPDATE people SET birthday = '2027-01-01'`);
    db.close();
    const r = await t.rel(['doctor']);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/BAD {2}dates before 1900, birthdays in the future: 2 date\(s\) before 1900-01-01 or birthday\(s\) after today/);
  });

  it('finds stale derived counts (a last touch, a ledger line) and --fix makes them again', async () => {
    await t.rel(['add', 'Maya Chen']);
    await t.rel(['log', 'maya', '--give', 'intro', '--on', '2026-02-01']);
    const ledger = async () => (await t.rel(['ledger', '--json'])).json();
    const right = await ledger();
    const db = new Database(t.db);
    db.exec(`UPDATE ledger_people SET gives = 7, asked_first = 1; UPDATE people SET last_touch = '2020-01-01'`);
    db.close();
    const r = await t.rel(['doctor']);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/BAD {2}last touch up to date: 2 person\(s\), month\(s\) or ledger line\(s\) whose derived counts are stale/);
    const fixed = await t.rel(['doctor', '--fix']);
    expect(fixed.code, fixed.out).toBe(0);
    expect(await ledger()).toEqual(right);
    expect((await t.rel(['show', 'maya', '--json'])).json().last_touch).toBe('2026-02-01');
  });

  it('a touch dated tomorrow (logged in a time zone ahead) is not damage; two days ahead is', async () => {
    await t.rel(['add', 'Maya Chen']);
    await t.rel(['log', 'maya'], { now: '2026-03-02T00:30' });
    const ok = await t.rel(['doctor']);
    expect(ok.out).toMatch(/ok {3}touches in the future: none/);
    expect(ok.code).toBe(0);
    await t.rel(['log', 'maya', '-m', 'later'], { now: '2026-03-03T00:30' });
    const bad = await t.rel(['doctor']);
    expect(bad.out).toMatch(/BAD {2}touches in the future: 1 touch\(es\) dated after 2026-03-02/);
    expect(bad.code).toBe(1);
  });
});

describe('rel doctor on a damaged database', () => {
  const t = useTempRel();

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
