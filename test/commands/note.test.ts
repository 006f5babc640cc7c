import { describe, expect, it } from 'vitest';
import { emptyOnMarch1 } from './fixtures.js';

describe('rel edit, note, list, rm', () => {
  const { rel } = emptyOnMarch1();

  it('notes facts, newest first in show', async () => {
    await rel(['add', 'Maya']);
    await rel(['note', 'maya', 'likes', 'green', 'tea']);
    const r = await rel(['note', 'maya', 'new job at Acme'], { now: '2026-03-05T10:00' });
    expect(r.out).toBe('Noted for Maya: new job at Acme\n');
    expect((await rel(['show', 'maya', '--json'])).json().facts).toEqual([
      { text: 'new job at Acme', date: '2026-03-05' },
      { text: 'likes green tea', date: '2026-03-01' },
    ]);
  });
});
