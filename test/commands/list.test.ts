import { describe, expect, it } from 'vitest';
import { emptyOnMarch1 } from './fixtures.js';

describe('rel edit, note, list, rm', () => {
  const { rel } = emptyOnMarch1();

  it('lists by tag with the last touch', async () => {
    await rel(['add', 'B', '--tag', 'x', '--every', '1w']);
    await rel(['add', 'A']);
    await rel(['log', 'B', '--on', 'yesterday']);
    expect((await rel(['list', '--json'])).json().map((p: { name: string }) => p.name)).toEqual(['A', 'B']);
    expect((await rel(['list', '--tag', 'X', '--json'])).json()).toEqual([
      expect.objectContaining({ name: 'B', tags: ['x'], every_days: 7, last_touch: '2026-02-28' }),
    ]);
  });
});
