import { beforeEach, describe, expect, it } from 'vitest';
import { colleagues } from './fixtures.js';

describe('rel need, rel offer, rel match', () => {
  const { rel } = colleagues();
  beforeEach(async () => {
    await rel(['need', 'ana', 'looking for a backend job in Lisbon']);
    await rel(['offer', 'jose', 'hires', 'backend', 'engineers', 'in', 'Lisbon']);
    await rel(['offer', 'maya', 'mentoring for designers']);
  });

  it('rel match pairs needs with offers of others, explained, with the intro to make', async () => {
    const matches = (await rel(['match', '--json'])).json();
    expect(matches).toEqual([
      {
        need: { id: expect.any(String), person_id: expect.any(String), name: 'Ana', text: 'looking for a backend job in Lisbon' },
        offer: { id: expect.any(String), person_id: expect.any(String), name: 'José Núñez', text: 'hires backend engineers in Lisbon' },
        score: expect.any(Number),
        why: 'shared words: backend, lisbon',
      },
    ]);
    const out = (await rel(['match'])).out;
    expect(out).toMatch(/1\. Ana needs looking for a backend job in Lisbon/);
    expect(out).toMatch(/José Núñez offers hires backend engineers/);
    expect(out).toMatch(/why: shared words: backend, lisbon/);
    expect(out).toMatch(/rel intro Ana "José Núñez"/);
  });

  it('rel match no longer suggests an introduction made with rel intro (issue 11)', async () => {
    expect((await rel(['match', '--json'])).json()).toHaveLength(1);
    expect((await rel(['intro', 'ana', 'jose'])).code).toBe(0);
    expect((await rel(['match', '--json'])).json()).toEqual([]);
  });
});
