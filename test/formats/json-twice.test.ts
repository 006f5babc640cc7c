import { describe, expect, it } from 'vitest';
import { parseRelJsonPieces, readRelJson, relJsonChunks, type RelPerson } from '../../src/formats/json.js';

const T = '2026-01-01T09:00:00.000Z';
const stamp = (id: string) => ({ id, created_at: T, updated_at: T });
/** A person with every kind of record; `i` varies the counts, and old exports without intro_to. */
const person = (i: number): RelPerson => ({
  ...stamp(`p${i}`), name: `Person ${i}`, emails: [`p${i}@example.com`], phones: [], tags: ['work'], company: i % 2 ? 'Acme' : null,
  title: null, every_days: 30, birthday: '--03-14', met: null, met_on: null, linkedin_url: null, snoozed_until: i === 2 ? '2026-04-01' : null,
  added_on: '2026-01-01', ...(i === 1 ? { vcard_n: 'Lima;Ana;;;' } : {}),
  facts: Array.from({ length: i % 3 }, (_, k) => ({ ...stamp(`f${i}-${k}`), text: `fact ${k}`, date: '2026-01-01' })),
  touchpoints: Array.from({ length: i % 4 }, (_, k) => ({
    ...stamp(`t${i}-${k}`), group_id: `g${i}`, date: '2026-02-01', via: 'call', note: k ? 'said } and ]' : null,
    give: k === 1 ? 'advice' : null, ask: k === 2 ? 'intro' : null, intro_to: k === 3 ? 'p0' : null,
  })),
  follow_ups: i % 2 ? [{ ...stamp(`u${i}`), touchpoint_id: `t${i}-0`, due_on: '2026-02-08', note: null, closed_by: null }] : [],
  dates: i === 3 ? [{ ...stamp(`d${i}`), label: 'wedding', date: '--06-01', yearly: true }] : [],
  wishes: i === 4 ? [{ ...stamp(`w${i}`), kind: 'offer', text: 'design help', closed_on: null }] : [],
});
const text = (people: unknown[]) => [...relJsonChunks(people as RelPerson[], new Date(T))].join('');
/** The text, cut in pieces of 17 characters (a read of a file, in small). */
const pieces = (t: string) => Array.from({ length: Math.ceil(t.length / 17) }, (_, k) => t.slice(k * 17, (k + 1) * 17));
class Changed extends Error {}

describe('parseRelJsonPieces: the file read twice, the records never held', () => {
  it('hands over, on the second read, exactly the people and records readRelJson reads', () => {
    const people: unknown[] = Array.from({ length: 8 }, (_, i) => person(i));
    people[5] = { ...person(5), every_days: 'often' }; // left out, with a problem, on both reads
    const old = person(6) as unknown as Record<string, unknown>;
    old.touchpoints = (old.touchpoints as Record<string, unknown>[]).map(({ intro_to: _, ...t }) => t); // an export from before intro_to
    people[6] = old;
    const t = text(people);
    const whole = readRelJson(t);
    const parsed = parseRelJsonPieces(() => pieces(t), () => new Changed());
    expect(parsed.problems).toEqual(whole.problems);
    expect(parsed.records.map((r) => r.where)).toEqual(whole.people.map((p) => p.where));
    expect([...parsed.rel.records()]).toEqual(whole.people.map((p) => p.person));
    // Between the reads, only the people's own fields and their records' ids are held.
    const held = parsed.rel.people.get('p3')!;
    expect(held.ids).toEqual({ facts: [], touchpoints: ['t3-0', 't3-1', 't3-2'], follow_ups: ['u3'], dates: ['d3'], wishes: [] });
    expect(held).not.toHaveProperty('touchpoints');
  });

  it.each([
    ['a record id changed', (t: string) => t.replace('"t3-1"', '"t3-9"')],
    ['a record added', (t: string) => t.replace('"dates": [],', '"dates": [{"id": "d9", "label": "x", "date": "2020-01-01", "yearly": false, "created_at": "x", "updated_at": "x"}],')],
    ['a person gone', (t: string) => text(JSON.parse(t).people.slice(0, 3))],
    ['a person more', (t: string) => text([...JSON.parse(t).people, person(9)])],
    ['the people in another order', (t: string) => text([...JSON.parse(t).people].reverse())],
    ['the text cut short', (t: string) => t.slice(0, t.length / 2)],
  ])('says the file changed when the second read finds %s', (_what, edit) => {
    const t = text(Array.from({ length: 4 }, (_, i) => person(i)));
    let reads = 0;
    const parsed = parseRelJsonPieces(() => pieces(reads++ === 0 ? t : edit(t)), () => new Changed());
    expect(parsed.records).toHaveLength(4);
    expect(() => [...parsed.rel.records()]).toThrow(Changed);
  });

  it('gives the records as it reads them, not all at the end', () => {
    const t = text(Array.from({ length: 50 }, (_, i) => person(i)));
    let given = 0;
    const parsed = parseRelJsonPieces(() => (function* () {
      for (const p of pieces(t)) {
        given += p.length;
        yield p;
      }
    })(), () => new Changed());
    given = 0;
    const first = parsed.rel.records()[Symbol.iterator]().next();
    expect(first.value?.id).toBe('p0');
    expect(given).toBeLessThan(t.length / 10);
  });
});
