import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { relAt, useTempRel } from '../helpers.js';
import { colleagues, rhythmsAndABirthday, threeDue } from './fixtures.js';

describe('rel due', () => {
  const { rel } = rhythmsAndABirthday();

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

describe('important dates in rel due', () => {
  const { rel } = colleagues();

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

describe('rel due --format', () => {
  const { rel, tmp } = threeDue();

  it('plain: one line per item, no table, no colour, even on a terminal', async () => {
    const r = await rel(['due', '--format', 'plain'], { stdoutIsTTY: true });
    expect(r.code).toBe(0);
    expect(r.out).toBe(
      [
        'Maya Chen — overdue 10 days (every 2w)',
        'Ana — follow-up, 1 day late: send the deck',
        'José Núñez — birthday in 6 days',
      ].join('\n') + '\n',
    );
    expect(r.out).not.toMatch(/\x1b/);
  });

  it('plain: an important date by its label', async () => {
    await rel(['date', 'ana', 'wedding', '2026-03-07']);
    expect((await rel(['due', '--format', 'plain'])).out).toContain('Ana — wedding in 3 days\n');
  });

  it('tsv: a header of the JSON field names, then one row per item; tabs and line breaks escaped', async () => {
    const json = (await rel(['due', '--json'])).json();
    const r = await rel(['due', '--format', 'tsv']);
    const [header, ...rows] = r.out.replace(/\n$/, '').split('\n');
    expect(header!.split('\t')).toEqual(Object.keys(json[0]));
    expect(rows).toHaveLength(json.length);
    rows.forEach((row, n) => {
      const cells = row.split('\t');
      expect(cells).toHaveLength(header!.split('\t').length);
      expect(cells[1]).toBe(json[n].name);
      expect(cells[header!.split('\t').indexOf('every_days')]).toBe(json[n].every_days === null ? '' : String(json[n].every_days));
    });
    expect(r.out).toContain('send\\tthe deck\\nand the notes');
  });

  it('nothing due: plain prints nothing, tsv only its header (whatever -q says)', async () => {
    const empty = relAt(join(tmp.dir, 'empty.db'));
    expect((await empty(['due', '--format', 'plain'])).out).toBe('');
    expect((await empty(['due', '--format', 'tsv'])).out).toMatch(/^id\tname\treason\tdate\t[^\n]*\n$/);
    expect((await empty(['due', '--format', 'table'])).out).toBe('No one is due. Nice.\n');
  });

  it('--format json is --json; --limit applies; the two flags must agree', async () => {
    expect((await rel(['due', '--format', 'json'])).json()).toEqual((await rel(['due', '--json'])).json());
    expect((await rel(['due', '--format', 'json', '--json'])).code).toBe(0);
    expect((await rel(['due', '--format', 'plain', '--limit', '1'])).out).toBe('Maya Chen — overdue 10 days (every 2w)\n');
    const both = await rel(['due', '--json', '--format', 'tsv']);
    expect(both.code).toBe(2);
    expect(both.err).toMatch(/--json and --format tsv disagree/);
    const bad = await rel(['due', '--format', 'xml']);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/table, plain, tsv, json/);
  });
});

describe('rel due -q and --exit-status', () => {
  const t = useTempRel({ now: '2026-03-04T09:00' });
  const FORMATS = ['(default)', '--json', '--format table', '--format plain', '--format tsv', '--format json'];
  const flags = (f: string) => (f.startsWith('--') ? f.split(' ') : []);

  it.each(FORMATS)('no one due, -q %s: nothing at all on stdout or stderr', async (f) => {
    const format = flags(f);
    await t.rel(['add', 'Ana']);
    for (const tty of [false, true]) {
      const r = await t.rel(['due', '-q', ...format], { stdoutIsTTY: tty });
      expect(r).toMatchObject({ code: 0, out: '', err: '' });
      const s = await t.rel(['due', '-q', '--exit-status', ...format], { stdoutIsTTY: tty });
      expect(s).toMatchObject({ code: 1, out: '', err: '' });
    }
  });

  it.each(FORMATS)('someone due, -q --exit-status %s: the list as without -q, exit 0', async (f) => {
    const format = flags(f);
    await t.rel(['add', 'Maya', '--every', '1w'], { now: '2026-01-01' });
    const plain = await t.rel(['due', ...format]);
    const r = await t.rel(['due', '-q', '--exit-status', ...format]);
    expect(r.code).toBe(0);
    expect(r.out).toBe(plain.out);
    expect(r.out).toContain('Maya');
  });

  it('without -q, --exit-status still prints the empty result, and exits 1', async () => {
    await t.rel(['add', 'Ana']);
    expect(await t.rel(['due', '--exit-status'])).toMatchObject({ code: 1, out: 'No one is due. Nice.\n', err: '' });
    expect(await t.rel(['due', '--exit-status', '--json'])).toMatchObject({ code: 1, out: '[]\n' });
  });

  it('--help documents --exit-status with an example', async () => {
    const r = await t.rel(['due', '--help']);
    expect(r.out).toMatch(/--exit-status +exit 0 when someone is due, 1 when no one is/);
    expect(r.out).toMatch(/rel due -q --exit-status &&/);
  });
});

describe('small but visible (issue 11 item 16)', () => {
  const t = useTempRel({ now: '2026-03-01T09:00' });

  it('rel due says how many are snoozed under the list; rel list marks them', async () => {
    await t.rel(['add', 'Leo', '--every', '1w'], { now: '2026-01-01' });
    await t.rel(['add', 'Maya Chen', '--every', '1w'], { now: '2026-01-01' });
    await t.rel(['add', 'Ana', '--every', '1w'], { now: '2026-01-01' });
    await t.rel(['snooze', 'leo', '2026-04-01']);
    await t.rel(['snooze', 'maya', '2w']);
    const due = (await t.rel(['due'])).out;
    expect(due).not.toContain('Leo');
    expect(due.trimEnd().split('\n').at(-1)).toBe('2 snoozed (rel list shows until when; rel snooze WHO off wakes one)');
    await t.rel(['log', 'ana']);
    expect((await t.rel(['due'])).out).toBe('No one is due. Nice. 2 snoozed (rel list shows until when; rel snooze WHO off wakes one).\n');
    const list = await t.rel(['list']);
    expect(list.out).toMatch(/^id +name +company +tags +rhythm +snoozed +last touch\n/);
    expect(list.out).toMatch(/Leo +every 1w +2026-04-01 +never\n/);
    expect(list.out).toMatch(/Maya Chen +every 1w +2026-03-15 +never\n/);
    expect(list.out).toMatch(/Ana +every 1w +today\n/);
    expect((await t.rel(['list', '--format', 'plain'])).out).toContain('Leo — every 1w, snoozed until 2026-04-01, never touched');
    expect((await t.rel(['list', '--json'])).json().map((p: { snoozed_until: string | null }) => p.snoozed_until)).toEqual([null, '2026-04-01', '2026-03-15']);
  });

  it('rel due --within 2w: in date order, one line per person', async () => {
    await t.rel(['add', 'Leo', '--every', '1w', '--birthday', '1990-03-10'], { now: '2026-02-01' }); // overdue since 02-08
    await t.rel(['add', 'Ana', '--every', '2w'], { now: '2026-02-20' }); // due 03-06
    await t.rel(['add', 'Maya Chen', '--birthday', '--03-03']); // in 2 days
    const out = (await t.rel(['due', '--within', '2w'])).out;
    const rows = out.trimEnd().split('\n').slice(1);
    expect(rows.map((r) => r.split(/\s{2,}/).slice(0, 4))).toEqual([
      ['1', 'Leo', 'overdue 21d, birthday in 9d', '2026-02-08'],
      ['2', 'Maya Chen', 'birthday in 2d', '2026-03-03'],
      ['3', 'Ana', 'due in 5d', '2026-03-06'],
    ]);
  });
});

describe('rel due --within --limit', () => {
  const t = useTempRel({ now: '2026-03-01T09:00' });

  it('counts lines (people), not items', async () => {
    await t.rel(['add', 'Leo', '--every', '1w', '--birthday', '1990-03-10'], { now: '2026-02-01' });
    await t.rel(['add', 'Ana', '--every', '1w'], { now: '2026-02-27' }); // less urgent than Leo's birthday
    const rows = (await t.rel(['due', '--within', '2w', '--limit', '2'])).out.trimEnd().split('\n').slice(1);
    expect(rows.map((r) => r.split(/\s{2,}/)[1])).toEqual(['Leo', 'Ana']);
  });
});

describe('rel due: a screenful of many due', () => {
  const t = useTempRel({ now: '2026-03-01T09:00' });
  const names = (out: string) => out.trimEnd().split('\n').slice(1).filter((l) => /^\s*\d+ /.test(l)).map((l) => l.trim().split(/\s{2,}/)[1]);

  it('shows the 20 most urgent of 25, in the order of --json, and says how many more; --all and --limit show theirs', async () => {
    // Added on 13 days, two people a day (a tie on the score, broken by name), all on a weekly rhythm.
    for (let i = 0; i < 25; i++) {
      await t.rel(['add', `Person ${String.fromCharCode(90 - i)}`, '--every', '1w'], { now: `2026-01-${String(1 + Math.floor(i / 2)).padStart(2, '0')}` });
    }
    const order = (await t.rel(['due', '--json'])).json().map((i: { name: string }) => i.name);
    expect(order).toHaveLength(25);
    const table = await t.rel(['due']);
    expect(names(table.out)).toEqual(order.slice(0, 20));
    expect(table.out).toContain('... and 5 more (rel due --all)');
    const all = await t.rel(['due', '--all']);
    expect(names(all.out)).toEqual(order);
    expect(all.out).not.toContain('more (rel due --all)');
    const three = await t.rel(['due', '--limit', '3']);
    expect(names(three.out)).toEqual(order.slice(0, 3));
    expect(three.out).not.toContain('more'); // --limit asked for three: nothing more to say
    expect(names((await t.rel(['due', '--all', '--limit', '22'])).out)).toEqual(order.slice(0, 22));
    expect((await t.rel(['due', '--format', 'plain', '--limit', '2'])).out.trimEnd().split('\n')).toHaveLength(2);
    expect((await t.rel(['due', '--json', '--limit', '4'])).json().map((i: { name: string }) => i.name)).toEqual(order.slice(0, 4));
  });
});
