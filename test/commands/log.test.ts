import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { CancelError } from '../../src/errors.js';
import { useTempRel } from '../helpers.js';
import { rhythmsAndABirthday } from './fixtures.js';

describe('rel log', () => {
  const { rel } = rhythmsAndABirthday();

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

describe('a follow-up is not closed by surprise', () => {
  const t = useTempRel({ now: '2026-03-04T09:00' }); // a Wednesday
  const followUps = async (who: string) => (await t.rel(['show', who, '--json'])).json().follow_ups;

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
  const t = useTempRel({ now: '2026-03-04T09:00' }); // a Wednesday

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

describe('logging the same touch twice on one day', () => {
  const t = useTempRel({ now: '2026-03-04T09:00' });
  const touches = async (who: string) => (await t.rel(['show', who, '--json'])).json().touchpoints.length;

  it('without a terminal: logged again, with a warning on stderr', async () => {
    await t.rel(['add', 'Maya Chen']);
    expect((await t.rel(['log', 'maya', '--via', 'call', '-m', 'pricing'])).err).toBe('');
    const r = await t.rel(['log', 'maya', '--via', 'call', '-m', 'pricing']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Logged a call with Maya Chen/);
    expect(r.err).toBe('rel: warning: you already logged a call with Maya Chen on 2026-03-04 with the same note; logged it again (rel undo takes it back)\n');
    expect(await touches('maya')).toBe(2);
  });

  it('in a terminal: asks, and "no" logs nothing', async () => {
    await t.rel(['add', 'Maya Chen']);
    await t.rel(['log', 'maya', '-m', 'coffee']);
    const no = await t.rel(['log', 'maya', '-m', 'coffee'], { stdinIsTTY: true, answers: [false] });
    expect(no).toMatchObject({ code: 0, out: 'Nothing logged.\n', err: '' });
    expect(no.asked).toEqual(['You already logged a meeting with Maya Chen on 2026-03-04 with the same note. Log it again?']);
    expect(await touches('maya')).toBe(1);
    const yes = await t.rel(['log', 'maya', '-m', 'coffee'], { stdinIsTTY: true, answers: [true] });
    expect(yes.code).toBe(0);
    expect(await touches('maya')).toBe(2);
  });

  it.each([
    [['--via', 'email', '-m', 'coffee']], // another channel
    [['-m', 'lunch']], // another note
    [['-m', 'coffee', '--on', 'yesterday']], // another day
    [['-m', 'coffee', '--give', 'advice']], // something given this time
  ])('not the same touch (%j): no question, no warning', async (flags) => {
    await t.rel(['add', 'Maya Chen']);
    await t.rel(['log', 'maya', '-m', 'coffee']);
    const r = await t.rel(['log', 'maya', ...flags]);
    expect(r).toMatchObject({ code: 0, err: '' });
  });
});

describe('the interactive rel log can add a new person', () => {
  const t = useTempRel({ now: '2026-03-04T09:00' });
  const rest = ['call', 'today', 'met at the meetup', null, null, ''];

  it('a name no one has is offered as a new person, added with the touch in one change', async () => {
    await t.rel(['add', 'Maya Chen']);
    const r = await t.rel(['log', '--json'], { stdinIsTTY: true, answers: ['Sam Lee', ...rest] });
    expect(r.code, r.err).toBe(0);
    expect(r.json().people).toMatchObject([{ name: 'Sam Lee', added: true }]);
    const sam = (await t.rel(['show', 'sam', '--json'])).json();
    expect(sam).toMatchObject({ name: 'Sam Lee', added_on: '2026-03-04', last_touch: '2026-03-04' });
    expect(sam.touchpoints).toMatchObject([{ via: 'call', note: 'met at the meetup' }]);
    // one change: undo takes back the touch and the person together
    expect((await t.rel(['undo'])).code).toBe(0);
    expect((await t.rel(['list', '--json'])).json().map((p: { name: string }) => p.name)).toEqual(['Maya Chen']);
  });

  it('works on an empty database too, and a new person gets default.every from rel config', async () => {
    const env = { XDG_CONFIG_HOME: join(t.dir, 'config') }; // this test's own settings file
    expect((await t.rel(['config', 'set', 'default.every', '1m'], { env })).code).toBe(0);
    const r = await t.rel(['log'], { stdinIsTTY: true, answers: ['Ana', ...rest], env });
    expect(r.code, r.err).toBe(0);
    expect(r.out).toBe('Logged a call with Ana on 2026-03-04 (added Ana).\n');
    expect((await t.rel(['show', 'ana', '--json'])).json().every_days).toBe(30);
  });

  it('an existing name is picked, not added again', async () => {
    await t.rel(['add', 'Maya Chen']);
    const r = await t.rel(['log', '--json'], { stdinIsTTY: true, answers: ['maya chen', ...rest] });
    expect(r.json().people).toMatchObject([{ name: 'Maya Chen', added: false }]);
    expect((await t.rel(['list', '--json'])).json()).toHaveLength(1);
  });

  it('Ctrl-C after choosing a new person writes nothing', async () => {
    const { CancelError } = await import('../../src/errors.js');
    const r = await t.rel(['log'], { stdinIsTTY: true, answers: ['Sam Lee', 'call', new CancelError()] });
    expect(r.code).toBe(130);
    expect((await t.rel(['list', '--json'])).json()).toEqual([]);
  });
});
