// Not per command: the rule for an option given twice holds for every command.
/** Repeated options: -m paragraphs, repeatable options keep all, any other option given twice is refused. */
import { describe, expect, it } from 'vitest';
import { useTempRel } from '../helpers.js';

const t = useTempRel({ now: '2026-03-04T09:00' });

describe('repeated options', () => {
  it('repeated -m are joined with a blank line, as git commit does (log and intro)', async () => {
    await t.rel(['add', 'Leo']);
    await t.rel(['add', 'Ana']);
    const r = await t.rel(['log', 'leo', '-m', 'first', '-m', 'second', '--json']);
    expect(r.code, r.err).toBe(0);
    expect(r.json().note).toBe('first\n\nsecond');
    expect((await t.rel(['show', 'leo', '--json'])).json().touchpoints[0].note).toBe('first\n\nsecond');
    const i = await t.rel(['intro', 'leo', 'ana', '-m', 'why', '--message', 'what next', '--json']);
    expect(i.code, i.err).toBe(0);
    expect(i.json().note).toBe('why\n\nwhat next');
  });

  it.each([
    [['log', 'leo', '--on', 'monday', '--on', 'yesterday'], '--on'],
    [['log', 'leo', '--via', 'call', '--via', 'email'], '--via'],
    [['log', 'leo', '--follow-up', '2w', '--follow-up', '3w'], '--follow-up'],
    // a touch holds one give and one ask (touchpoints.give, touchpoints.ask): a second one is refused
    [['log', 'leo', '--give', 'gift', '--give', 'advice'], '--give'],
    [['log', 'leo', '--ask', 'help', '--ask', 'intro'], '--ask'],
    [['due', '--within', '1w', '--within', '2w'], '--within'],
    [['due', '--format', 'plain', '--format', 'tsv'], '--format'],
    [['edit', 'leo', '--company', 'Acme', '--company', 'Initech'], '--company'],
    [['--db', 'a.db', '--db', 'b.db', 'list'], '--db'],
  ])('%j: refused, exit 2, one line, nothing written', async (argv, option) => {
    await t.rel(['add', 'Leo']);
    const r = await t.rel(argv);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(new RegExp(`^rel: ${option} was given twice \\(".*", then ".*"\\): give it once\\n$`));
    expect(r.out).toBe('');
    const leo = (await t.rel(['show', 'leo', '--json'])).json();
    expect(leo.touchpoints).toEqual([]);
    expect(leo.company).toBeNull();
  });

  it('repeatable options still keep every value', async () => {
    const r = await t.rel(['add', 'Maya', '--tag', 'a', '--tag', 'b', '--email', 'm@x.org', '--email', 'n@x.org', '--json']);
    expect(r.code, r.err).toBe(0);
    expect(r.json()).toMatchObject({ tags: ['a', 'b'], emails: ['m@x.org', 'n@x.org'] });
  });

  it('an option with a default (--on today) given once is fine', async () => {
    await t.rel(['add', 'Leo']);
    const r = await t.rel(['log', 'leo', '--on', 'yesterday', '--json']);
    expect(r.code, r.err).toBe(0);
    expect(r.json().date).toBe('2026-03-03');
  });
});
