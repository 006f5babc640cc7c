import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pagerCommand } from '../../src/render/pager.js';
import { useTempRel } from '../helpers.js';

describe('pagerCommand', () => {
  it.each([
    [{ REL_PAGER: 'most', PAGER: 'more' }, 'less', 'most'],
    [{ PAGER: 'more' }, 'less -S', 'less -S'],
    [{ PAGER: 'more' }, undefined, 'more'],
    [{}, undefined, 'less -FRX'],
    [{ PAGER: 'more' }, 'off', null],
    [{ REL_PAGER: '' }, undefined, null],
    [{ PAGER: 'cat' }, undefined, null],
  ])('env %j, setting %j: %j', (env, configured, expected) => {
    expect(pagerCommand({ env, configured })).toBe(expected);
  });
});

describe('the pager', () => {
  const t = useTempRel({ now: '2026-03-04T09:00' });
  const PEOPLE = ['Ana', 'Ben', 'Cy', 'Dee', 'Eve', 'Flo'];
  const seed = async () => {
    for (const name of PEOPLE) await t.rel(['add', name]);
  };
  const paged = () => join(t.dir, 'paged.txt');
  const env = (more: Record<string, string> = {}) => ({
    PATH: process.env.PATH!,
    NO_COLOR: '1',
    REL_PAGER: `cat > '${paged()}'`,
    XDG_CONFIG_HOME: join(t.dir, 'config'),
    ...more,
  });

  it('takes output taller than the screen, on a terminal', async () => {
    await seed();
    const r = await t.rel(['list'], { stdoutIsTTY: true, rows: 5, columns: 80, env: env() });
    expect(r.code).toBe(0);
    expect(r.out).toBe('');
    const text = readFileSync(paged(), 'utf8');
    for (const name of PEOPLE) expect(text).toContain(name);
    expect(text).toMatch(/6 people\n$/);
  });

  it('is not started for output that fits the screen', async () => {
    await seed();
    const r = await t.rel(['list'], { stdoutIsTTY: true, rows: 40, columns: 80, env: env() });
    expect(r.out).toMatch(/6 people\n$/);
    expect(existsSync(paged())).toBe(false);
  });

  it.each([
    ['stdout is not a terminal', ['list'], false, {}],
    ['--no-pager', ['--no-pager', 'list'], true, {}],
    ['PAGER=cat and no REL_PAGER', ['list'], true, { REL_PAGER: '', PAGER: 'cat' }],
  ])('is never used when %s', async (_, argv, tty, more) => {
    await seed();
    const r = await t.rel(argv, { stdoutIsTTY: tty, rows: 5, columns: 80, env: env(more) });
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/6 people\n$/);
    expect(existsSync(paged())).toBe(false);
  });

  it('is turned off by rel config set pager off', async () => {
    await seed();
    const { REL_PAGER: _, ...noRelPager } = env({ PAGER: `cat > '${paged()}'` });
    expect((await t.rel(['config', 'set', 'pager', 'off'], { env: noRelPager })).code).toBe(0);
    const r = await t.rel(['list'], { stdoutIsTTY: true, rows: 5, columns: 80, env: noRelPager });
    expect(r.out).toMatch(/6 people\n$/);
    expect(existsSync(paged())).toBe(false);
  });

  it('prints directly when the pager cannot start', async () => {
    await seed();
    const r = await t.rel(['ledger', 'ana'], { stdoutIsTTY: true, rows: 2, columns: 80, env: env({ REL_PAGER: 'no-such-pager-here -R' }) });
    expect(r.code).toBe(0);
    expect(r.out).toBe('Nothing given to or asked of Ana yet.\n');
    const list = await t.rel(['list'], { stdoutIsTTY: true, rows: 5, columns: 80, env: env({ REL_PAGER: '/no/such/pager' }) });
    expect(list.code).toBe(0);
    expect(list.out).toMatch(/^id .*\n(.*\n){6}6 people\n$/);
  });

  it('a pager quit early is no error', async () => {
    await seed();
    const r = await t.rel(['list'], { stdoutIsTTY: true, rows: 3, columns: 80, env: env({ REL_PAGER: `head -1 > '${paged()}'` }) });
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    expect(readFileSync(paged(), 'utf8')).toMatch(/^id +name/);
  });
});
