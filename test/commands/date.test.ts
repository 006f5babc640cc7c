import { describe, expect, it } from 'vitest';
import { useTempRel } from '../helpers.js';
import { colleagues } from './fixtures.js';

describe('rel date', () => {
  const { rel } = colleagues();

  it('remembers yearly, one-off and year-less dates, and lists them soonest first', async () => {
    const added = await rel(['date', 'maya', 'work anniversary', '2021-03-10', '--yearly', '--json']);
    expect(added.code).toBe(0);
    expect(added.json()).toMatchObject({ name: 'Maya Chen', label: 'work anniversary', date: '2021-03-10', yearly: true, next: '2026-03-10' });
    expect((await rel(['date', 'maya', 'wedding', '2026-09-12'])).out).toBe('Maya Chen: wedding on 12 Sep 2026; next on 2026-09-12.\n');
    expect((await rel(['date', 'maya', "Ana's birthday", '06-14', '--json'])).json()).toMatchObject({ date: '--06-14', yearly: true });
    await rel(['date', 'maya', 'graduation', '2020-07-01']);
    const list = (await rel(['date', 'maya', '--json'])).json();
    expect(list.map((d: { label: string; next: string | null }) => [d.label, d.next])).toEqual([
      ['work anniversary', '2026-03-10'], ["Ana's birthday", '2026-06-14'], ['wedding', '2026-09-12'], ['graduation', null],
    ]);
    const table = (await rel(['date', 'maya'])).out;
    expect(table).toMatch(/work anniversary\s+every year on 10 Mar \(since 2021\)\s+next 2026-03-10 \(in 6 days\)/);
    expect(table).toMatch(/graduation\s+on 1 Jul 2020\s+passed/);
  });

  it('the same label again changes the date; --rm forgets by label or id', async () => {
    await rel(['date', 'maya', 'Wedding', '2026-09-12']);
    const changed = await rel(['date', 'maya', 'wedding', '2026-09-13']);
    expect(changed.out).toMatch(/wedding on 13 Sep 2026 \(was on 12 Sep 2026\)/);
    expect((await rel(['date', 'maya', '--json'])).json()).toHaveLength(1);
    const id = (await rel(['date', 'maya', 'anniversary', '03-01', '--json'])).json().id as string;
    expect((await rel(['date', 'maya', '--rm', id.slice(0, 6)])).out).toBe("Forgot Maya Chen's anniversary (--03-01).\n");
    expect((await rel(['date', 'maya', '--rm', 'WEDDING', '--json'])).json()).toMatchObject({ label: 'wedding' });
    expect((await rel(['date', 'maya', '--json'])).json()).toEqual([]);
    expect((await rel(['date', 'maya'])).out).toMatch(/No dates for Maya Chen/);
  });

  it.each([
    [['date', 'maya', 'wedding'], /when is "wedding"\? give a DATE/],
    [['date', 'maya', 'wedding', '2026-02-30'], /not a real date/],
    [['date', 'maya', 'wedding', '12/09/2026'], /bad date "12\/09\/2026"/],
    [['date', 'maya', '--yearly'], /--yearly goes with a LABEL and a DATE/],
    [['date', 'maya', 'birthday', '03-20'], /rel edit WHO --birthday/],
    [['date', 'maya', '--rm', 'nothing'], /Maya Chen has no date "nothing"/],
    [['date', 'nobody', 'x', '2026-01-01'], /no one called "nobody"/],
  ])('refuses %j: exit 2', async (argv, message) => {
    const r = await rel(argv);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
  });
});

describe('rel date says why a date is not real, as --on does', () => {
  const t = useTempRel();

  it('2026-02-30', async () => {
    await t.rel(['add', 'Maya Chen']);
    const date = await t.rel(['date', 'maya', 'party', '2026-02-30']);
    const on = await t.rel(['log', 'maya', '--on', '2026-02-30']);
    expect(date.err).toBe('rel: date "2026-02-30" is not a real date: February 2026 has 28 days\n');
    expect(date.err).toBe(on.err);
    expect(date.code).toBe(2);
  });
});
