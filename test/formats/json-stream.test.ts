import { describe, expect, it } from 'vitest';
import { relJsonChunks, type RelPerson } from '../../src/formats/json.js';

const NOW = new Date('2026-03-01T09:00:00.000Z');
const person = (i: number): RelPerson => ({
  id: `p${i}`, name: `Person "${i}"\nsecond line`, emails: [`p${i}@example.com`], phones: [], tags: ['a', 'b'], company: null,
  title: null, every_days: 14, birthday: '--03-10', met: null, met_on: null, linkedin_url: null, snoozed_until: null,
  added_on: '2026-01-01', created_at: 'x', updated_at: 'x', last_touch: '2026-02-01', next_due: '2026-02-15',
  facts: [{ id: 'f', text: 'likes\ttea', date: '2026-01-01', created_at: 'x', updated_at: 'x' }],
  touchpoints: Array.from({ length: i }, (_, k) => ({
    id: `t${k}`, group_id: 'g', date: '2026-02-01', via: 'call', note: null, give: null, ask: null, intro_to: null, created_at: 'x', updated_at: 'x',
  })),
  follow_ups: [], dates: [], wishes: [],
} as RelPerson);

describe('relJsonChunks: rel export, one person at a time', () => {
  it.each([0, 1, 3])('with %i people, the same text as JSON.stringify of the whole export', (n) => {
    const people = Array.from({ length: n }, (_, i) => person(i));
    const chunks = [...relJsonChunks(people, NOW)];
    const whole = `${JSON.stringify({ format: 'rel', version: 1, exported_at: NOW.toISOString(), people }, null, 2)}\n`;
    expect(chunks.join('')).toBe(whole);
    expect(chunks.length).toBe(n + 1); // one chunk per person, and the end
  });

  it('reads the people lazily: each is asked for only when its chunk is', () => {
    let asked = 0;
    const people = (function* () {
      for (let i = 0; i < 3; i++) {
        asked++;
        yield person(i);
      }
    })();
    const it = relJsonChunks(people, NOW);
    it.next();
    expect(asked).toBe(1);
  });
});
