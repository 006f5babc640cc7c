import { describe, expect, it } from 'vitest';
import { colleagues } from './fixtures.js';

describe('rel intro', () => {
  const { rel } = colleagues();

  it('logs a touch and a give for each, linked to the other', async () => {
    const r = await rel(['intro', 'ana', 'jose', '-m', 'backend job in Lisbon', '--on', 'yesterday', '--json']);
    expect(r.code).toBe(0);
    const v = r.json();
    expect(v).toMatchObject({ date: '2026-03-03', via: 'email', note: 'backend job in Lisbon', closed_follow_ups: 0 });
    expect(v.people.map((p: { name: string; intro_to: { name: string } }) => [p.name, p.intro_to.name])).toEqual([
      ['Ana', 'José Núñez'], ['José Núñez', 'Ana'],
    ]);
    const ana = (await rel(['show', 'ana', '--json'])).json();
    expect(ana.touchpoints).toEqual([
      { date: '2026-03-03', via: 'email', note: 'backend job in Lisbon', give: 'intro', ask: null, with: ['José Núñez'], intro_to: 'José Núñez' },
    ]);
    expect((await rel(['show', 'jose'])).out).toMatch(/2026-03-03 {2}email introduced to Ana {2}\[gave intro\]/);
    expect((await rel(['ledger', 'ana', '--json'])).json()).toMatchObject({ gives: 1, entries: [{ type: 'give', kind: 'intro' }] });
    expect((await rel(['ledger', 'jose', '--json'])).json()).toMatchObject({ gives: 1 });
    expect((await rel(['intro', 'maya', 'ana'])).out).toBe('Introduced Maya Chen and Ana on 2026-03-04 (a give for each).\n');
  });

  it('rel undo takes back both sides', async () => {
    await rel(['intro', 'ana', 'jose']);
    expect((await rel(['undo'])).out).toBe('Undid intro: Ana and José Núñez on 2026-03-04.\n');
    expect((await rel(['show', 'ana', '--json'])).json().touchpoints).toEqual([]);
    expect((await rel(['show', 'jose', '--json'])).json().touchpoints).toEqual([]);
  });

  it.each([
    [['intro', 'ana', 'ana'], /cannot be introduced to themselves/],
    [['intro', 'ana'], /missing required argument 'b'/],
    [['intro', 'ana', 'jose', '--on', 'tomorrow'], /in the future/],
    [['intro', 'ana', 'jose', '--via', 'pigeon'], /bad channel "pigeon"/],
  ])('refuses %j: exit 2, nothing written', async (argv, message) => {
    const r = await rel(argv);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect((await rel(['show', 'ana', '--json'])).json().touchpoints).toEqual([]);
  });
});
