import { describe, expect, it } from 'vitest';
import { useTempRel } from '../helpers.js';
import { emptyOnMarch1 } from './fixtures.js';

describe('rel edit, note, list, rm', () => {
  const { rel } = emptyOnMarch1();

  it('rm needs --yes without a terminal, asks in one, and removes touches too', async () => {
    await rel(['add', 'Maya']);
    await rel(['log', 'maya']);
    const refused = await rel(['rm', 'maya']);
    expect(refused.code).toBe(2);
    expect(refused.err).toMatch(/without --yes/);
    const declined = await rel(['rm', 'maya'], { stdinIsTTY: true, answers: [false] });
    expect(declined.out).toMatch(/Nothing removed/);
    expect(await rel(['rm', 'maya'], { stdinIsTTY: true, answers: [true] })).toMatchObject({ code: 0, out: 'Removed Maya.\n' });
    expect((await rel(['list', '--json'])).json()).toEqual([]);
    expect((await rel(['ledger', '--json'])).json()).toEqual([]);
  });
});

describe('matching a person (issue 11 item 14)', () => {
  const t = useTempRel({ now: '2026-03-01T09:00' });

  it('rel rm maya chen --yes', async () => {
    await t.rel(['add', 'Maya Chen']);
    await t.rel(['add', 'Maya Lopez']);
    expect((await t.rel(['rm', 'maya', 'chen', '--yes'])).code).toBe(0);
    expect((await t.rel(['list', '--json'])).json().map((p: { name: string }) => p.name)).toEqual(['Maya Lopez']);
  });
});
