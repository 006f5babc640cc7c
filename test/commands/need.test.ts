import { beforeEach, describe, expect, it } from 'vitest';
import { useTempRel } from '../helpers.js';
import { colleagues } from './fixtures.js';

describe('rel need, rel offer, rel match', () => {
  const { rel } = colleagues();
  const names = (items: { name: string }[]) => items.map((i) => i.name);
  beforeEach(async () => {
    await rel(['need', 'ana', 'looking for a backend job in Lisbon']);
    await rel(['offer', 'jose', 'hires', 'backend', 'engineers', 'in', 'Lisbon']);
    await rel(['offer', 'maya', 'mentoring for designers']);
  });

  it('adds and lists needs and offers', async () => {
    const added = (await rel(['need', 'maya', 'a', 'Rust', 'mentor', '--json'])).json();
    expect(added).toMatchObject({ kind: 'need', name: 'Maya Chen', text: 'a Rust mentor', closed_on: null });
    expect(names((await rel(['need', '--json'])).json())).toEqual(['Ana', 'Maya Chen']);
    expect((await rel(['offer', 'jose', '--json'])).json()).toEqual([
      expect.objectContaining({ name: 'José Núñez', text: 'hires backend engineers in Lisbon' }),
    ]);
    const table = (await rel(['offer'])).out;
    expect(table).toMatch(/José Núñez\s+hires backend engineers in Lisbon/);
    expect(table).toMatch(/Maya Chen\s+mentoring for designers/);
  });

  it('--close takes a need out of rel match; --all still lists it', async () => {
    const [need] = (await rel(['need', '--json'])).json();
    const closed = await rel(['need', '--close', need.id.slice(0, 6)]);
    expect(closed.out).toBe("Closed Ana's need (met): looking for a backend job in Lisbon\n");
    expect((await rel(['match', '--json'])).json()).toEqual([]);
    expect((await rel(['match'])).out).toMatch(/No matches yet/);
    expect((await rel(['need', '--json'])).json()).toEqual([]);
    expect((await rel(['need', 'ana', '--all', '--json'])).json()).toMatchObject([{ closed_on: '2026-03-04' }]);
    expect((await rel(['need', '--close', need.id])).code).toBe(2); // already closed
  });

  it.each([
    [['need', '--close', 'zz'], /bad need id "zz"/],
    [['need', '--close', 'abcdef'], /no need abcdef/],
    [['offer', 'jose', 'more', '--close', 'abcd'], /--close takes only the offer's id/],
    [['need', 'nobody', 'a job'], /no one called "nobody"/],
    [['match', '--limit', '0'], /bad --limit "0"/],
  ])('refuses %j: exit 2', async (argv, message) => {
    const r = await rel(argv);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
  });
});

describe('small but visible (issue 11 item 16)', () => {
  const t = useTempRel({ now: '2026-03-01T09:00' });

  it('"close an offer", "close a need"', async () => {
    expect((await t.rel(['offer', '--help'])).out).toContain('close an offer');
    expect((await t.rel(['need', '--help'])).out).toContain('close a need');
  });
});
