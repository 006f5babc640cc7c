import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { sqlite } from '../../src/store/open.js';
import { emptyOnMarch1 } from './fixtures.js';

describe('rel edit, note, list, rm', () => {
  const { rel, tmp } = emptyOnMarch1();

  it('lists by tag with the last touch', async () => {
    await rel(['add', 'B', '--tag', 'x', '--every', '1w']);
    await rel(['add', 'A']);
    await rel(['log', 'B', '--on', 'yesterday']);
    expect((await rel(['list', '--json'])).json().map((p: { name: string }) => p.name)).toEqual(['A', 'B']);
    expect((await rel(['list', '--tag', 'X', '--json'])).json()).toEqual([
      expect.objectContaining({ name: 'B', tags: ['x'], every_days: 7, last_touch: '2026-02-28' }),
    ]);
  });

  it('says so when another program left a list that is not JSON, and calls it no damaged file', async () => {
    await rel(['add', 'Ana']);
    await rel(['add', 'Bo']);
    const db = sqlite(join(tmp.dir, 'rel.db'));
    db.exec("UPDATE people SET tags = 'work, friends' WHERE name = 'Ana'");
    db.exec(`UPDATE people SET emails = '{"home": "bo@example.org"}' WHERE name = 'Bo'`); // JSON, not a list
    db.close();
    const r = await rel(['list', '--json']);
    expect(r.code).toBe(1);
    expect(r.err).toBe('rel: a list in the database (tags, e-mails or phones) is not valid JSON (another program wrote it: rel doctor finds it); nothing was changed\n');
    const doctor = await rel(['doctor']);
    expect(doctor.code).not.toBe(0);
    expect(doctor.out).toMatch(/lists of tags, e-mails and phones: 2 person\(s\) with a list that is not a JSON array/);
  });

  it('prints --json compact for programs and indented on a terminal, the same people', async () => {
    await rel(['add', 'Zoë "Z" Ávila', '--tag', 'x', '--email', 'zoe@example.org']);
    await rel(['add', 'Bo']);
    const piped = (await rel(['list', '--json'])).out;
    const people = JSON.parse(piped);
    expect(piped).toBe(`${JSON.stringify(people)}\n`);
    expect(people.map((p: { name: string }) => p.name)).toEqual(['Bo', 'Zoë "Z" Ávila']);
    expect(people[1]).toEqual({ id: expect.any(String), name: 'Zoë "Z" Ávila', tags: ['x'], every_days: null, last_touch: null, company: null, emails: ['zoe@example.org'], snoozed_until: null });
    expect((await rel(['list', '--json'], { stdoutIsTTY: true })).out).toBe(`${JSON.stringify(people, null, 2)}\n`);
  });
});
