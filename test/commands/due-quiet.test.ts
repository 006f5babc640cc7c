/** rel due -q prints nothing when no one is due, whatever the format; --exit-status says it by exit code. */
import { describe, expect, it } from 'vitest';
import { useTempRel } from '../helpers.js';

const t = useTempRel({ now: '2026-03-04T09:00' });
const FORMATS = ['(default)', '--json', '--format table', '--format plain', '--format tsv', '--format json'];
const flags = (f: string) => (f.startsWith('--') ? f.split(' ') : []);

describe('rel due -q and --exit-status', () => {
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
