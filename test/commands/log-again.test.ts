/** The same touch twice on one day asks (terminal) or warns (no terminal); the interactive log can add someone. */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { useTempRel } from '../helpers.js';

const t = useTempRel({ now: '2026-03-04T09:00' });
const touches = async (who: string) => (await t.rel(['show', who, '--json'])).json().touchpoints.length;

describe('logging the same touch twice on one day', () => {
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
