import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { relAt, tempDir } from '../helpers.js';

let tmp: ReturnType<typeof tempDir>;
let rel: ReturnType<typeof relAt>;
beforeEach(async () => {
  tmp = tempDir();
  rel = relAt(join(tmp.dir, 'rel.db'), { now: '2026-03-04T09:00' }); // a Wednesday
  await rel(['add', 'Maya Chen', '--every', '2w', '--birthday', '1986-03-20', '--company', 'Acme', '--tag', 'tech', '--met', 'PyCon Lisbon'], { now: '2026-01-01' });
  await rel(['add', 'José Núñez', '--every', '1m', '--company', 'Globex'], { now: '2026-01-01' });
  await rel(['add', 'Ana'], { now: '2026-01-01' });
});
afterEach(() => tmp.cleanup());

const names = (items: { name: string }[]) => items.map((i) => i.name);

describe('rel date', () => {
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

describe('important dates in rel due', () => {
  it('yearly dates every year, one-off dates once, with reason date and the label', async () => {
    await rel(['edit', 'maya', '--no-birthday']);
    await rel(['log', 'maya', 'jose']); // nothing overdue
    await rel(['date', 'maya', 'work anniversary', '2021-03-10', '--yearly']);
    await rel(['date', 'jose', 'launch', '2026-03-06']);
    await rel(['date', 'jose', 'old launch', '2026-03-01']);
    const due = (await rel(['due', '--json'])).json();
    expect(due.map((i: { name: string; reason: string; label: string | null }) => [i.name, i.reason, i.label])).toEqual([
      ['José Núñez', 'date', 'launch'], // in 2 days
      ['Maya Chen', 'date', 'work anniversary'], // in 6 days
    ]);
    expect(due[1]).toMatchObject({ date: '2026-03-10', days_overdue: -6, why: 'work anniversary (5 years) in 6 days: 1 - 6 / 15 = 0.60' });
    const nextYear = (await rel(['due', '--json'], { now: '2027-03-05' })).json();
    expect(nextYear.filter((i: { reason: string }) => i.reason === 'date').map((i: { label: string; date: string }) => [i.label, i.date]))
      .toEqual([['work anniversary', '2027-03-10']]);
    expect((await rel(['due'])).out).toMatch(/launch in 2d/);
    expect((await rel(['due', '--json'], { now: '2026-03-06' })).json()[0]).toMatchObject({ reason: 'date', label: 'launch', score: 3, days_overdue: 0 });
  });

  it('looks as far ahead as birthdays (--within), and respects snooze and --tag', async () => {
    await rel(['log', 'maya', 'jose']);
    await rel(['edit', 'maya', '--no-birthday']);
    await rel(['date', 'jose', 'anniversary', '04-01']);
    const labels = async (argv: string[]) =>
      (await rel(['due', ...argv, '--json'])).json().filter((i: { reason: string }) => i.reason === 'date').map((i: { label: string }) => i.label);
    expect(await labels([])).toEqual([]);
    expect(await labels(['--within', '4w'])).toEqual(['anniversary']);
    expect(await labels(['--within', '4w', '--tag', 'tech'])).toEqual([]);
    await rel(['snooze', 'jose', '2026-04-30']);
    expect(await labels(['--within', '4w'])).toEqual([]);
  });
});

describe('rel need, rel offer, rel match', () => {
  beforeEach(async () => {
    await rel(['need', 'ana', 'looking for a backend job in Lisbon']);
    await rel(['offer', 'jose', 'hires', 'backend', 'engineers', 'in', 'Lisbon']);
    await rel(['offer', 'maya', 'mentoring for designers']);
  });

  it('adds and lists needs and offers', async () => {
    const added = (await rel(['need', 'maya', 'a', 'Rust', 'mentor', '--json'])).json();
    expect(added).toMatchObject({ kind: 'need', name: 'Maya Chen', text: 'a Rust mentor', closed_on: null });
    expect(names((await rel(['need', '--json'])).json())).toEqual(['Ana', 'Maya Chen']);
    expect((await rel(['offer', 'jose', '--json'])).json()).toEqual([
      expect.objectContaining({ name: 'José Núñez', text: 'hires backend engineers in Lisbon' }),
    ]);
    const table = (await rel(['offer'])).out;
    expect(table).toMatch(/José Núñez\s+hires backend engineers in Lisbon/);
    expect(table).toMatch(/Maya Chen\s+mentoring for designers/);
  });

  it('rel match pairs needs with offers of others, explained, with the intro to make', async () => {
    const matches = (await rel(['match', '--json'])).json();
    expect(matches).toEqual([
      {
        need: { id: expect.any(String), person_id: expect.any(String), name: 'Ana', text: 'looking for a backend job in Lisbon' },
        offer: { id: expect.any(String), person_id: expect.any(String), name: 'José Núñez', text: 'hires backend engineers in Lisbon' },
        score: expect.any(Number),
        why: 'shared words: backend, lisbon',
      },
    ]);
    const out = (await rel(['match'])).out;
    expect(out).toMatch(/1\. Ana needs looking for a backend job in Lisbon/);
    expect(out).toMatch(/José Núñez offers hires backend engineers/);
    expect(out).toMatch(/why: shared words: backend, lisbon/);
    expect(out).toMatch(/rel intro Ana "José Núñez"/);
  });

  it('rel match no longer suggests an introduction made with rel intro (issue 11)', async () => {
    expect((await rel(['match', '--json'])).json()).toHaveLength(1);
    expect((await rel(['intro', 'ana', 'jose'])).code).toBe(0);
    expect((await rel(['match', '--json'])).json()).toEqual([]);
  });

  it('--close takes a need out of rel match; --all still lists it', async () => {
    const [need] = (await rel(['need', '--json'])).json();
    const closed = await rel(['need', '--close', need.id.slice(0, 6)]);
    expect(closed.out).toBe("Closed Ana's need (met): looking for a backend job in Lisbon\n");
    expect((await rel(['match', '--json'])).json()).toEqual([]);
    expect((await rel(['match'])).out).toMatch(/No matches yet/);
    expect((await rel(['need', '--json'])).json()).toEqual([]);
    expect((await rel(['need', 'ana', '--all', '--json'])).json()).toMatchObject([{ closed_on: '2026-03-04' }]);
    expect((await rel(['need', '--close', need.id])).code).toBe(2); // already closed
  });

  it.each([
    [['need', '--close', 'zz'], /bad need id "zz"/],
    [['need', '--close', 'abcdef'], /no need abcdef/],
    [['offer', 'jose', 'more', '--close', 'abcd'], /--close takes only the offer's id/],
    [['need', 'nobody', 'a job'], /no one called "nobody"/],
    [['match', '--limit', '0'], /bad --limit "0"/],
  ])('refuses %j: exit 2', async (argv, message) => {
    const r = await rel(argv);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
  });
});

describe('rel intro', () => {
  it('logs a touch and a give for each, linked to the other', async () => {
    const r = await rel(['intro', 'ana', 'jose', '-m', 'backend job in Lisbon', '--on', 'yesterday', '--json']);
    expect(r.code).toBe(0);
    const v = r.json();
    expect(v).toMatchObject({ date: '2026-03-03', via: 'email', note: 'backend job in Lisbon', closed_follow_ups: 0 });
    expect(v.people.map((p: { name: string; intro_to: { name: string } }) => [p.name, p.intro_to.name])).toEqual([
      ['Ana', 'José Núñez'], ['José Núñez', 'Ana'],
    ]);
    const ana = (await rel(['show', 'ana', '--json'])).json();
    expect(ana.touchpoints).toEqual([
      { date: '2026-03-03', via: 'email', note: 'backend job in Lisbon', give: 'intro', ask: null, with: ['José Núñez'], intro_to: 'José Núñez' },
    ]);
    expect((await rel(['show', 'jose'])).out).toMatch(/2026-03-03 {2}email introduced to Ana {2}\[gave intro\]/);
    expect((await rel(['ledger', 'ana', '--json'])).json()).toMatchObject({ gives: 1, entries: [{ type: 'give', kind: 'intro' }] });
    expect((await rel(['ledger', 'jose', '--json'])).json()).toMatchObject({ gives: 1 });
    expect((await rel(['intro', 'maya', 'ana'])).out).toBe('Introduced Maya Chen and Ana on 2026-03-04 (a give for each).\n');
  });

  it('rel undo takes back both sides', async () => {
    await rel(['intro', 'ana', 'jose']);
    expect((await rel(['undo'])).out).toBe('Undid intro: Ana and José Núñez on 2026-03-04.\n');
    expect((await rel(['show', 'ana', '--json'])).json().touchpoints).toEqual([]);
    expect((await rel(['show', 'jose', '--json'])).json().touchpoints).toEqual([]);
  });

  it.each([
    [['intro', 'ana', 'ana'], /cannot be introduced to themselves/],
    [['intro', 'ana'], /missing required argument 'b'/],
    [['intro', 'ana', 'jose', '--on', 'tomorrow'], /in the future/],
    [['intro', 'ana', 'jose', '--via', 'pigeon'], /bad channel "pigeon"/],
  ])('refuses %j: exit 2, nothing written', async (argv, message) => {
    const r = await rel(argv);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect((await rel(['show', 'ana', '--json'])).json().touchpoints).toEqual([]);
  });
});
