/** Follow-ups: never closed by surprise (item 2), and relative words count from today (item 3). */
import { describe, expect, it } from 'vitest';
import { useTempRel } from '../helpers.js';

const t = useTempRel({ now: '2026-03-04T09:00' }); // a Wednesday
const followUps = async (who: string) => (await t.rel(['show', who, '--json'])).json().follow_ups;

describe('a follow-up is not closed by surprise', () => {
  it('a second touch the same day leaves it open; rel show lists it; the next day closes it', async () => {
    await t.rel(['add', 'Ravi']);
    await t.rel(['log', 'ravi', '--via', 'call', '-m', 'send the deck', '--follow-up', 'friday']);
    const later = await t.rel(['log', 'ravi', '--via', 'message', '-m', 'thanks for the call'], { now: '2026-03-04T10:00' });
    expect(later.code, later.err).toBe(0);
    expect(later.out).toBe('Logged a message with Ravi on 2026-03-04 (1 earlier follow-up still open).\n');
    expect(await followUps('ravi')).toEqual([{ date: '2026-03-06', note: 'send the deck' }]);
    const show = await t.rel(['show', 'ravi']);
    expect(show.out).toMatch(/Follow-ups[\s\S]*2026-03-06[\s\S]*send the deck/);
    expect((await t.rel(['due', '--within', '1w', '--json'])).json()).toMatchObject([{ name: 'Ravi', reason: 'follow-up' }]);
    const next = await t.rel(['log', 'ravi', '--json'], { now: '2026-03-05T09:00' });
    expect(next.json()).toMatchObject({ closed_follow_ups: 1, open_follow_ups: 0 });
    expect(await followUps('ravi')).toEqual([]);
  });

  it('a follow-up set today on a back-dated touch is not closed by a touch today either', async () => {
    await t.rel(['add', 'Leo']);
    await t.rel(['log', 'leo', '--on', 'monday', '--follow-up', 'friday']);
    const r = await t.rel(['log', 'leo', '--json']);
    expect(r.json()).toMatchObject({ closed_follow_ups: 0, open_follow_ups: 1 });
    expect(await followUps('leo')).toHaveLength(1);
  });

  it('--keep-follow-up keeps it on a later day; --close-follow-up closes it the same day', async () => {
    await t.rel(['add', 'Ana']);
    await t.rel(['log', 'ana', '--follow-up', '2w', '-m', 'intro to Bob'], { now: '2026-03-01' });
    const kept = await t.rel(['log', 'ana', '--keep-follow-up', '--json']);
    expect(kept.json()).toMatchObject({ closed_follow_ups: 0, open_follow_ups: 1 });
    expect(await followUps('ana')).toEqual([{ date: '2026-03-15', note: 'intro to Bob' }]);
    await t.rel(['log', 'ana', '--follow-up', 'friday', '-m', 'call back', '--keep-follow-up']);
    const done = await t.rel(['log', 'ana', '--close-follow-up']);
    expect(done.out).toMatch(/closed 2 follow-ups/);
    expect(await followUps('ana')).toEqual([]);
  });

  it('--keep-follow-up with --close-follow-up: refused, exit 2, nothing written', async () => {
    await t.rel(['add', 'Ana']);
    const r = await t.rel(['log', 'ana', '--keep-follow-up', '--close-follow-up']);
    expect(r).toMatchObject({ code: 2, err: 'rel: --keep-follow-up and --close-follow-up disagree: use one of them\n' });
    expect((await t.rel(['show', 'ana', '--json'])).json().touchpoints).toEqual([]);
  });

  it('undo of a closing touch opens the follow-up again', async () => {
    await t.rel(['add', 'Ana']);
    await t.rel(['log', 'ana', '--follow-up', '1w'], { now: '2026-03-01' });
    await t.rel(['log', 'ana']);
    expect(await followUps('ana')).toEqual([]);
    expect((await t.rel(['undo'])).code).toBe(0);
    expect(await followUps('ana')).toEqual([{ date: '2026-03-08', note: null }]);
  });
});

describe('follow-up words count from today, intervals from the touch', () => {
  it.each([
    ['tomorrow', '2026-03-05'],
    ['friday', '2026-03-06'],
    ['next week', '2026-03-11'],
    ['2w', '2026-03-15'], // 2 weeks after the touch on 2026-03-01
    ['3d', '2026-03-04'],
  ])('rel log --on "3 days ago" --follow-up %s → %s, and rel due does not call it late', async (when, date) => {
    await t.rel(['add', 'Leo']);
    const r = await t.rel(['log', 'leo', '--on', '3 days ago', '--follow-up', when, '--json']);
    expect(r.code, r.err).toBe(0);
    expect(r.json()).toMatchObject({ date: '2026-03-01', follow_up: date });
    const due = (await t.rel(['due', '--within', '2w', '--json'])).json();
    for (const item of due) expect(item.days_overdue).toBeLessThanOrEqual(0);
  });

  it.each([
    ['2d', 'rel: date 2026-03-03 is before 2026-03-04 ("2d" counts from the touch on 2026-03-01): a follow-up or snooze must be on 2026-03-04 or later\n'],
    ['2026-03-02', 'rel: date 2026-03-02 is before 2026-03-04: a follow-up or snooze must be on 2026-03-04 or later\n'],
  ])('a follow-up before today (%s) is refused: exit 2, one line, nothing written', async (when, message) => {
    await t.rel(['add', 'Leo']);
    const r = await t.rel(['log', 'leo', '--on', '3 days ago', '--follow-up', when]);
    expect(r).toMatchObject({ code: 2, out: '', err: message });
    expect((await t.rel(['show', 'leo', '--json'])).json().touchpoints).toEqual([]);
  });

  it('the interactive rel log gives the same rule and the same message', async () => {
    await t.rel(['add', 'Leo']);
    const answers = ['leo', 'meeting', '3 days ago', '', null, null];
    // the prompter refuses "2d" with the validation message; then "tomorrow" counts from today
    const refused = await t.rel(['log'], { stdinIsTTY: true, answers: [...answers, '2d'] });
    expect(refused.err).toContain('input "2d" refused: date 2026-03-03 is before 2026-03-04 ("2d" counts from the touch on 2026-03-01)');
    const r = await t.rel(['log', '--json'], { stdinIsTTY: true, answers: [...answers, 'tomorrow'] });
    expect(r.code, r.err).toBe(0);
    expect(r.json()).toMatchObject({ date: '2026-03-01', follow_up: '2026-03-05' });
  });
});
