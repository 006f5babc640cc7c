// Not per command: one table over add, edit, log, date and intro, since the 1900 floor is one rule for every date rel takes.
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
