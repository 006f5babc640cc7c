import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { relAt, tempDir } from '../helpers.js';
import { CancelError } from '../../src/errors.js';

let tmp: ReturnType<typeof tempDir>;
let rel: ReturnType<typeof relAt>;
beforeEach(async () => {
  tmp = tempDir();
  rel = relAt(join(tmp.dir, 'rel.db'), { now: '2026-03-04T09:00' }); // a Wednesday
  await rel(['add', 'Maya Chen', '--every', '2w'], { now: '2026-01-01' });
  await rel(['add', 'José Núñez', '--every', '1m', '--birthday', '--03-10'], { now: '2026-01-01' });
  await rel(['add', 'Ana'], { now: '2026-01-01' });
});
afterEach(() => tmp.cleanup());

describe('rel log', () => {
  it('logs one meeting with several people: a touch for each', async () => {
    const r = await rel(['log', 'maya', 'jose', '-m', 'lunch; she is hiring', '--via', 'call', '--on', 'monday', '--give', 'intro', '--json']);
    expect(r.code).toBe(0);
    const v = r.json();
    expect(v).toMatchObject({ date: '2026-03-02', via: 'call', note: 'lunch; she is hiring', give: 'intro', ask: null });
    expect(v.people.map((p: { name: string }) => p.name)).toEqual(['Maya Chen', 'José Núñez']);
    const maya = (await rel(['show', 'maya', '--json'])).json();
    expect(maya.touchpoints).toEqual([{ date: '2026-03-02', via: 'call', note: 'lunch; she is hiring', give: 'intro', ask: null, with: ['José Núñez'], intro_to: null }]);
    expect(maya.last_touch).toBe('2026-03-02');
  });

  it.each([
    ['today', '2026-03-04'],
    ['yesterday', '2026-03-03'],
    ['3 days ago', '2026-03-01'],
    ['2 weeks ago', '2026-02-18'],
    ['wednesday', '2026-03-04'],
    ['friday', '2026-02-27'],
    ['2026-01-15', '2026-01-15'],
  ])('--on %s is %s', async (on, date) => {
    expect((await rel(['log', 'ana', '--on', on, '--json'])).json().date).toBe(date);
  });

  it.each([
    [['--on', '2026-03-05'], /in the future/],
    [['--on', 'tomorrow'], /./],
    [['--on', '2026-02-30'], /2026-02-30/],
    [['--via', 'pigeon'], /bad channel "pigeon": use one of meeting, call/],
    [['--give', 'money'], /bad --give kind "money"/],
    [['--follow-up', 'soonish'], /soonish/],
  ])('refuses %j: exit 2, nothing written', async (flags, message) => {
    const r = await rel(['log', 'ana', ...flags]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.err).toMatch(/^rel: /);
    expect((await rel(['show', 'ana', '--json'])).json().touchpoints).toEqual([]);
  });

  it('an unknown person among several writes nothing for the others', async () => {
    const r = await rel(['log', 'maya', 'nobody']);
    expect(r.code).toBe(2);
    expect((await rel(['show', 'maya', '--json'])).json().touchpoints).toEqual([]);
  });

  it('reminds, on stderr, when you ask before ever giving', async () => {
    const first = await rel(['log', 'ana', '--ask', 'referral']);
    expect(first.code).toBe(0);
    expect(first.err).toBe('reminder: you have not given anything to Ana yet — give before you ask\n');
    await rel(['log', 'maya', '--give', 'advice']);
    expect((await rel(['log', 'maya', '--ask', 'help'])).err).toBe('');
  });

  it('without WHO and without a terminal: usage and exit 2, no prompt', async () => {
    const r = await rel(['log']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^Usage: rel log/);
    expect(r.err).toMatch(/rel: who\?/);
    expect(r.asked).toEqual([]);
  });

  it('without WHO in a terminal: asks for everything', async () => {
    const r = await rel(['log', '--json'], {
      stdinIsTTY: true,
      answers: ['jos', true, 'ana', false, 'video', 'yesterday', 'talked about Lisbon', 'advice', null, '2w'],
    });
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.json()).toMatchObject({ date: '2026-03-03', via: 'video', note: 'talked about Lisbon', give: 'advice', ask: null, follow_up: '2026-03-17' });
    expect(r.json().people.map((p: { name: string }) => p.name)).toEqual(['José Núñez', 'Ana']);
  });

  it('Ctrl-C at a prompt writes nothing and exits 130', async () => {
    const r = await rel(['log'], { stdinIsTTY: true, answers: ['ana', false, new CancelError()] });
    expect(r.code).toBe(130);
    expect((await rel(['show', 'ana', '--json'])).json().touchpoints).toEqual([]);
  });
});

describe('rel due', () => {
  it('lists overdue rhythms, follow-ups and birthdays, most urgent first', async () => {
    await rel(['log', 'maya', '--on', '2026-02-04']); // 28 days ago, 2w rhythm: 2.0
    await rel(['log', 'ana', '--on', '2026-02-20', '--follow-up', '1w'], { now: '2026-02-20' }); // follow-up 2026-02-27, 5 days late
    // José: added 2026-01-01, never touched, 1m rhythm: 62 / 30 = 2.07; birthday 03-10 in 6 days
    const r = await rel(['due', '--json']);
    expect(r.code).toBe(0);
    expect(r.json().map((i: { name: string; reason: string }) => `${i.name}:${i.reason}`)).toEqual([
      'José Núñez:overdue',
      'Maya Chen:overdue',
      'Ana:follow-up',
      'José Núñez:birthday',
    ]);
    expect(r.json()[1]).toEqual(expect.objectContaining({
      name: 'Maya Chen', reason: 'overdue', date: '2026-02-18', last_touch: '2026-02-04', every_days: 14, days_overdue: 14,
    }));
    const keys = Object.keys(r.json()[0]);
    expect(keys.slice(0, 7)).toEqual(['id', 'name', 'reason', 'date', 'last_touch', 'every_days', 'days_overdue']);
  });

  it('a new touch closes the follow-up and resets the rhythm', async () => {
    await rel(['log', 'ana', '--on', '2026-02-20', '--follow-up', '2026-02-25'], { now: '2026-02-20' });
    expect((await rel(['due', '--json'])).json().some((i: { name: string }) => i.name === 'Ana')).toBe(true);
    const r = await rel(['log', 'ana']);
    expect(r.out).toMatch(/closed 1 follow-up/);
    await rel(['log', 'maya']);
    expect((await rel(['due', '--json'])).json().map((i: { name: string }) => i.name)).toEqual(['José Núñez', 'José Núñez']);
  });

  it('back-filling an older touch does not close a newer follow-up', async () => {
    await rel(['log', 'ana', '--on', '2026-02-20', '--follow-up', '2026-02-25'], { now: '2026-02-20' });
    await rel(['log', 'ana', '--on', '2026-02-10']);
    expect((await rel(['due', '--json'])).json().filter((i: { reason: string }) => i.reason === 'follow-up')).toHaveLength(1);
  });

  it('--tag, --limit, --within', async () => {
    await rel(['edit', 'maya', '--tag', 'close']);
    expect((await rel(['due', '--tag', 'close', '--json'])).json().map((i: { name: string }) => i.name)).toEqual(['Maya Chen']);
    expect((await rel(['due', '--limit', '1', '--json'])).json()).toHaveLength(1);
    await rel(['log', 'maya', 'jose']);
    expect((await rel(['due', '--json'])).json().map((i: { reason: string }) => i.reason)).toEqual(['birthday']);
    expect((await rel(['due', '--within', '3w', '--json'])).json().map((i: { name: string; reason: string }) => `${i.name}:${i.reason}`))
      .toEqual(['José Núñez:birthday', 'Maya Chen:overdue']);
    expect((await rel(['due', '--limit', '0'])).code).toBe(2);
  });

  it('-q prints nothing at all when nothing is due, and the list when something is', async () => {
    await rel(['log', 'maya', 'jose']);
    await rel(['edit', 'jose', '--no-birthday']);
    const quiet = await rel(['due', '-q']);
    expect(quiet).toMatchObject({ code: 0, out: '', err: '' });
    expect((await rel(['due'])).out).toMatch(/No one is due/);
    expect((await rel(['due', '-q'], { now: '2026-04-01' })).out).toMatch(/Maya Chen/);
  });

  it('--explain shows each score', async () => {
    const r = await rel(['due', '--explain']);
    expect(r.out).toMatch(/62 days since added, never touched, rhythm 30d: 62 \/ 30 = 2\.07/);
  });

  it('snooze leaves a person out until then', async () => {
    expect((await rel(['snooze', 'jose', '2w'])).out).toBe('José Núñez is snoozed until 2026-03-18.\n');
    expect((await rel(['due', '--json'])).json().map((i: { name: string }) => i.name)).toEqual(['Maya Chen']);
    expect((await rel(['due', '--json'], { now: '2026-03-18' })).json().map((i: { name: string }) => i.name)).toContain('José Núñez');
    await rel(['snooze', 'jose', 'off']);
    expect((await rel(['due', '--json'])).json().map((i: { name: string }) => i.name)).toContain('José Núñez');
    expect((await rel(['snooze', 'jose', 'whenever'])).code).toBe(2);
  });
});

describe('rel ledger', () => {
  it('rows per person with gives, asks, balance and the asked-first flag', async () => {
    await rel(['log', 'maya', '--give', 'intro', '--on', '2026-02-01']);
    await rel(['log', 'maya', '--give', 'advice', '--on', '2026-02-10']);
    await rel(['log', 'maya', '--ask', 'referral', '--on', '2026-02-15']);
    await rel(['log', 'ana', '--ask', 'help', '--on', '2026-02-20']);
    const rows = (await rel(['ledger', '--json'])).json();
    expect(rows).toEqual([
      expect.objectContaining({ name: 'Ana', gives: 0, asks: 1, balance: -1, last_give: null, last_ask: '2026-02-20', asked_first: true }),
      expect.objectContaining({ name: 'Maya Chen', gives: 2, asks: 1, balance: 1, last_give: '2026-02-10', last_ask: '2026-02-15', asked_first: false }),
    ]);
    const table = (await rel(['ledger'])).out;
    expect(table).toMatch(/Ana\s+0\s+1\s+-1/);
    expect(table).toMatch(/You gave 2 times and asked 2 times/);
  });

  it('one person: entries in order with kinds and notes, and totals', async () => {
    await rel(['log', 'maya', '--give', 'intro', '-m', 'to Ana', '--on', '2026-02-01']);
    await rel(['log', 'maya', '--ask', 'advice', '-m', 'pricing', '--on', '2026-02-03']);
    const v = (await rel(['ledger', 'maya', '--json'])).json();
    expect(v).toMatchObject({ gives: 1, asks: 1, balance: 0 });
    expect(v.entries).toEqual([
      { date: '2026-02-01', type: 'give', kind: 'intro', note: 'to Ana', via: 'meeting' },
      { date: '2026-02-03', type: 'ask', kind: 'advice', note: 'pricing', via: 'meeting' },
    ]);
    expect((await rel(['ledger'])).code).toBe(0);
  });
});
