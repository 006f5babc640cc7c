import { describe, expect, it } from 'vitest';
import { useTempRel } from '../helpers.js';

describe('small but visible (issue 11 item 16)', () => {
  const t = useTempRel({ now: '2026-03-01T09:00' });

  it('rel snooze leo off on someone not snoozed says so and writes no undo entry', async () => {
    await t.rel(['add', 'Leo']);
    const r = await t.rel(['snooze', 'leo', 'off']);
    expect(r.out).toBe('Leo is not snoozed: nothing to do.\n');
    expect(r.code).toBe(0);
    expect((await t.rel(['undo', '--list', '--json'])).json().map((c: { command: string }) => c.command)).toEqual(['add']);
    await t.rel(['snooze', 'leo', '2w']);
    expect((await t.rel(['snooze', 'leo', 'off'])).out).toBe('Leo is no longer snoozed.\n');
  });
});
