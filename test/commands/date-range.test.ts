import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { useTempRel } from '../helpers.js';

const t = useTempRel({ now: '2026-03-01T09:00' });

describe('dates before 1900 and birthdays in the future are refused (exit 2)', () => {
  it.each([
    [['log', 'maya', '--on', '0001-01-01'], /^rel: date "0001-01-01" is before 1900: rel keeps dates from 1900-01-01 on\n$/],
    [['add', 'X', '--birthday', '2027-01-01'], /^rel: birthday 2027-01-01 is in the future\n$/],
    [['edit', 'maya', '--birthday', '2026-03-02'], /^rel: birthday 2026-03-02 is in the future\n$/],
    [['add', 'X', '--birthday', '1899-12-31'], /^rel: birthday "1899-12-31": the year must be 1900 or later/],
    [['date', 'maya', 'party', '1850-05-01'], /^rel: date "1850-05-01" is before 1900/],
    [['intro', 'maya', 'leo', '--on', '1899-01-01'], /^rel: date "1899-01-01" is before 1900/],
  ])('rel %j', async (argv, message) => {
    await t.rel(['add', 'Maya Chen']);
    await t.rel(['add', 'Leo']);
    const r = await t.rel(argv);
    expect(r.err).toMatch(message);
    expect(r.code).toBe(2);
    expect((await t.rel(['list', '--json'])).json()).toHaveLength(2);
    expect((await t.rel(['show', 'maya', '--json'])).json().touchpoints).toEqual([]);
  });

  it('a birthday today, and a yearless one, are fine', async () => {
    expect((await t.rel(['add', 'X', '--birthday', '2026-03-01'])).code).toBe(0);
    expect((await t.rel(['add', 'Y', '--birthday', '12-31'])).code).toBe(0);
  });
});

describe('rel doctor', () => {
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
