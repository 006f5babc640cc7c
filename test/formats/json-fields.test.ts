// rel's own JSON export read back: the values at the edges of what is allowed, what rel import receives,
// and where in the file a syntax error is.
import { describe, expect, it } from 'vitest';
import { parseRelJson, readRelJson } from '../../src/formats/json.js';
import { usage } from '../support.js';

const T = '2026-01-01T09:00:00.000Z';
const stamp = (id: string) => ({ id, created_at: T, updated_at: T });
const person = (over: Record<string, unknown> = {}): Record<string, unknown> => ({
  ...stamp('p1'), name: 'Ana Lima', emails: [], phones: [], tags: [], company: null, title: null, every_days: null, birthday: null,
  met: null, met_on: null, linkedin_url: null, snoozed_until: null, added_on: '2026-01-01',
  facts: [], touchpoints: [], follow_ups: [], dates: [], wishes: [], ...over,
});
const doc = (...people: unknown[]) => JSON.stringify({ format: 'rel', version: 1, exported_at: T, people });
const accepted = (over: Record<string, unknown>) => {
  const r = readRelJson(doc(person(over)));
  expect(r.problems).toEqual([]);
  return r.people[0]!.person;
};

describe('readRelJson: values at the edge of what is allowed', () => {
  it.each([
    [{ every_days: 1 }, 'every_days', 1],
    [{ every_days: 36500 }, 'every_days', 36500],
    [{ company: '' }, 'company', ''],
    [{ birthday: '--02-29' }, 'birthday', '--02-29'],
    [{ birthday: '1990-03-14' }, 'birthday', '1990-03-14'],
    [{ snoozed_until: '2026-04-01' }, 'snoozed_until', '2026-04-01'],
    [{ emails: ['a@x.example', 'b@x.example'] }, 'emails', ['a@x.example', 'b@x.example']],
  ])('%j', (over, key, v) => {
    expect(accepted(over)[key as 'name']).toEqual(v);
  });

  it.each([
    [{ every_days: -1 }, 'people[0].every_days: expected a whole number of days (1 to 36500) or null, got -1'],
    [{ every_days: undefined }, 'people[0].every_days: missing'],
    [{ birthday: '--13-01' }, 'people[0].birthday: expected YYYY-MM-DD or --MM-DD, got "--13-01"'],
    [{ birthday: '--1-01' }, 'people[0].birthday: expected YYYY-MM-DD or --MM-DD, got "--1-01"'],
    [{ birthday: 19900314 }, 'people[0].birthday: expected a string or null, got 19900314'],
    [{ name: null }, 'people[0].name: expected a non-empty string, got null'],
    [{ updated_at: '' }, 'people[0].updated_at: expected a non-empty string, got ""'],
    [{ id: 7 }, 'people[0].id: expected a non-empty string, got 7'],
    [{ tags: [''] }, 'people[0].tags[0]: expected a non-empty string, got ""'],
    [{ phones: null }, 'people[0].phones: expected an array of strings'],
    [{ dates: [{ ...stamp('d1'), label: 'x', date: '--02-29' }] }, 'people[0].dates[0].yearly: missing'],
    [{ dates: [{ ...stamp('d1'), label: '', date: '--02-29', yearly: true }] }, 'people[0].dates[0].label: expected a non-empty string, got ""'],
    [{ wishes: [{ ...stamp('w1'), kind: 'offer', text: 'x', closed_on: 'soon' }] }, 'people[0].wishes[0].closed_on: expected a YYYY-MM-DD day, got "soon"'],
    [{ touchpoints: [{ ...stamp('t1'), group_id: 'g', date: '2026-02-01', via: 'call', note: null, give: null, ask: 'x', intro_to: null }] },
      'people[0].touchpoints[0].ask: expected one of intro, referral, advice, help, gift, favor, other, got "x"'],
    [{ touchpoints: [{ ...stamp('t1'), group_id: 'g', date: '2026-02-01', via: 'call', note: null, give: null, ask: null, intro_to: 5 }] },
      'people[0].touchpoints[0].intro_to: expected a string or null, got 5'],
    [{ follow_ups: [{ ...stamp('u1'), due_on: '2026-02-08', note: null, closed_by: null }] }, 'people[0].follow_ups[0].touchpoint_id: missing'],
  ])('%j is refused: %s', (over, why) => {
    expect(readRelJson(doc(person(over))).problems).toEqual([{ where: 'people[0]', why: `${why}; person skipped` }]);
  });

  it('every kind of record, with every optional value given', () => {
    const p = accepted({
      touchpoints: [{ ...stamp('t1'), group_id: 'g', date: '2026-02-01', via: 'video', note: 'n', give: 'intro', ask: 'favor', intro_to: 'p9' }],
      follow_ups: [{ ...stamp('u1'), touchpoint_id: null, due_on: '2026-02-08', note: 'call back', closed_by: 't1' }],
      dates: [{ ...stamp('d1'), label: 'wedding', date: '2020-06-01', yearly: false }],
      wishes: [{ ...stamp('w1'), kind: 'offer', text: 'a sofa', closed_on: '2026-02-02' }],
    });
    expect(p.touchpoints[0]).toMatchObject({ via: 'video', give: 'intro', ask: 'favor', intro_to: 'p9' });
    expect(p.follow_ups[0]).toMatchObject({ touchpoint_id: null, closed_by: 't1', note: 'call back' });
    expect(p.dates[0]).toMatchObject({ yearly: false, date: '2020-06-01' });
    expect(p.wishes[0]).toMatchObject({ kind: 'offer', closed_on: '2026-02-02' });
  });

  it('two people may not share an id; a second person whose records reuse an id of the first is left out', () => {
    const r = readRelJson(doc(person(), person({ ...stamp('p1'), name: 'Bo' }), person({ ...stamp('p3'), facts: [] })));
    expect(r.people.map((p) => p.where)).toEqual(['people[0]', 'people[2]']);
    expect(r.problems).toEqual([{ where: 'people[1]', why: 'people[1]: id "p1" appears twice in the file; person skipped' }]);
  });
});

describe('parseRelJson: what rel import receives', () => {
  it('one record per person, with its id, its fields, no notes and no last touch; the people kept whole by id', () => {
    const r = parseRelJson(doc(person({ emails: ['a@x.example'], tags: ['work'], every_days: 30, birthday: '--03-14', met: 'school',
      met_on: '2000-09-01', linkedin_url: 'linkedin.com/in/ana', company: 'Acme', title: 'CTO', last_touch: '2026-02-01',
      facts: [{ ...stamp('f1'), text: 'likes tea', date: '2026-01-02' }] })));
    expect(r.records).toEqual([{
      where: 'people[0]', id: 'p1',
      value: {
        name: 'Ana Lima', emails: ['a@x.example'], phones: [], tags: ['work'], company: 'Acme', title: 'CTO', birthday: '--03-14',
        met: 'school', met_on: '2000-09-01', linkedin_url: 'linkedin.com/in/ana', every_days: 30, notes: [], last_touch: null,
      },
    }]);
    expect(r.problems).toEqual([]);
    expect(r.rel.people.get('p1')?.ids.facts).toEqual(['f1']);
    expect([...r.rel.records()].map((p) => p.facts.map((f) => f.text))).toEqual([['likes tea']]);
  });
});

describe('readRelJson: where a syntax error is', () => {
  it.each([
    ['[1,]', "not valid JSON: Unexpected token ']' at line 1, column 4"],
    ['{"a":1}}', 'not valid JSON: Unexpected non-whitespace character after JSON at line 1, column 8'],
    ['{\n"a": "abc', 'not valid JSON: Unterminated string at line 2, column 10'],
    [`${'x'.repeat(40)}`, "not valid JSON: Unexpected token 'x' at line 1, column 1"],
    [`{"format":"rel",\n"people":[${'1,'.repeat(30)}\nnope]}`, "not valid JSON: Unexpected token 'o' at line 3, column 2"],
  ])('%j', (text, message) => {
    expect(usage(() => readRelJson(text)).message).toBe(message);
  });
});
