import { describe, expect, it } from 'vitest';
import { isUtcStamp, readRelJson, writeRelJson, type RelPerson } from '../../src/formats/json.js';
import { UsageError } from '../../src/errors.js';

const T = '2026-01-01T09:00:00.000Z';
const stamp = (id: string) => ({ id, created_at: T, updated_at: T });
const person = (over: Record<string, unknown> = {}): Record<string, unknown> => ({
  ...stamp('p1'), name: 'Ana Lima', emails: ['ana@example.com'], phones: ['+351 912'], tags: ['work'], company: 'Acme',
  title: null, every_days: 30, birthday: '--03-14', met: null, met_on: '2024-05-01', linkedin_url: null, snoozed_until: null,
  added_on: '2026-01-01', last_touch: '2026-02-01', next_due: '2026-03-03',
  facts: [{ ...stamp('f1'), text: 'likes tea', date: '2026-01-01' }],
  touchpoints: [{ ...stamp('t1'), group_id: 'g1', date: '2026-02-01', via: 'call', note: 'hi', give: 'advice', ask: null, intro_to: null }],
  follow_ups: [{ ...stamp('u1'), touchpoint_id: 't1', due_on: '2026-02-08', note: null, closed_by: null }],
  dates: [{ ...stamp('d1'), label: 'wedding', date: '2020-06-01', yearly: true }],
  wishes: [{ ...stamp('w1'), kind: 'need', text: 'a designer', closed_on: null }],
  ...over,
});
const doc = (people: unknown[], over: Record<string, unknown> = {}) => JSON.stringify({ format: 'rel', version: 1, exported_at: T, people, ...over });
const problemsOf = (p: Record<string, unknown>) => readRelJson(doc([p])).problems.map((x) => x.why);

describe('rel JSON: round trip', () => {
  it('reads back what it writes, with a BOM too', () => {
    const p = person() as unknown as RelPerson;
    const text = writeRelJson([p], new Date(T));
    expect(text.endsWith('}\n')).toBe(true);
    expect(JSON.parse(text)).toMatchObject({ format: 'rel', version: 1, exported_at: T });
    const { last_touch: _t, next_due: _d, ...stored } = p; // derived: written for readers, not read back
    expect(readRelJson(`\uFEFF${text}`)).toEqual({ people: [{ where: 'people[0]', person: stored }], problems: [] });
  });

  it('an old export without intro_to reads as null', () => {
    const t = { ...stamp('t1'), group_id: 'g1', date: '2026-02-01', via: 'call', note: null, give: null, ask: null };
    expect(readRelJson(doc([person({ touchpoints: [t] })])).people[0]!.person.touchpoints[0]!.intro_to).toBeNull();
  });
});

describe('rel JSON: the structured name kept from an import (vcard_n)', () => {
  it('reads it back, null, or absent in an older export', () => {
    const read = (over: Record<string, unknown>) => readRelJson(doc([person(over)])).people[0]!.person.vcard_n;
    expect(read({ vcard_n: 'Lima;Ana;Maria;Dra.;' })).toBe('Lima;Ana;Maria;Dra.;');
    expect(read({ vcard_n: null })).toBeNull();
    expect(read({})).toBeUndefined();
  });

  it('refuses a value that is not a vCard N, naming the field', () => {
    expect(problemsOf(person({ vcard_n: 'a;b;c;d;e;f' }))).toEqual([
      'people[0].vcard_n: expected a vCard N value (at most five components), got "a;b;c;d;e;f"; person skipped',
    ]);
    expect(problemsOf(person({ vcard_n: 3 }))).toEqual(['people[0].vcard_n: expected a string or null, got 3; person skipped']);
  });
});

describe('rel JSON: the top level', () => {
  it.each([
    ['[]', 'this JSON is not a rel export (expected an object with "format": "rel")'],
    ['null', 'this JSON is not a rel export (expected an object with "format": "rel")'],
    ['{"format":"vcard"}', 'this JSON is not a rel export (expected an object with "format": "rel")'],
    ['{"format":"rel"}', 'version: expected a whole number, 1 or more'],
    ['{"format":"rel","version":"1"}', 'version: expected a whole number, 1 or more'],
    ['{"format":"rel","version":1.5}', 'version: expected a whole number, 1 or more'],
    ['{"format":"rel","version":0}', 'version: expected a whole number, 1 or more'],
    ['{"format":"rel","version":2,"people":[]}', 'this export is version 2, from a newer rel (this rel reads version 1): upgrade rel'],
    ['{"format":"rel","version":1,"people":{}}', 'people: expected an array'],
    ['{"format":"rel",\n  "version": 1,,}', 'not valid JSON: Expected double-quoted property name at line 2, column 16'],
    ['{"format":"rel"', 'not valid JSON: Expected \',\' or \'}\' after property value at line 1, column 16'],
    ['', 'not valid JSON: Unexpected end of JSON input at line 1, column 1'],
    // V8 names no position for these, only a snippet: the line and column are found from it.
    ['nope', 'not valid JSON: Unexpected token \'o\' at line 1, column 2'],
    [`{"format":"rel","version":1,"people":[${'1,'.repeat(30)}x]}`, 'not valid JSON: Unexpected token \'x\' at line 1, column 99'],
    ['\n\n  {"a": tru}', 'not valid JSON: Unexpected token \'}\' at line 3, column 12'],
  ])('%j → %s', (text, message) => {
    let thrown: unknown;
    try {
      readRelJson(text);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(UsageError);
    expect((thrown as Error).message).toBe(message);
  });

  it('an empty people list is fine', () => {
    expect(readRelJson(doc([]))).toEqual({ people: [], problems: [] });
  });
});

describe('rel JSON: a bad person is a problem naming the field, and only that person is left out', () => {
  it.each(([
    [person({ name: '' }), 'people[0].name: expected a non-empty string, got ""'],
    [person({ name: undefined }), 'people[0].name: missing'],
    [person({ company: 3 }), 'people[0].company: expected a string or null, got 3'],
    [person({ every_days: 0 }), 'people[0].every_days: expected a whole number of days (1 to 36500) or null, got 0'],
    [person({ every_days: 36501 }), 'people[0].every_days: expected a whole number of days (1 to 36500) or null, got 36501'],
    [person({ every_days: 1.5 }), 'people[0].every_days: expected a whole number of days (1 to 36500) or null, got 1.5'],
    [person({ every_days: '30' }), 'people[0].every_days: expected a whole number of days (1 to 36500) or null, got "30"'],
    [person({ emails: 'a@b' }), 'people[0].emails: expected an array of strings'],
    [person({ tags: ['ok', ' '] }), 'people[0].tags[1]: expected a non-empty string, got " "'],
    [person({ phones: [7] }), 'people[0].phones[0]: expected a non-empty string, got 7'],
    [person({ birthday: '1990-02-30' }), 'people[0].birthday: expected YYYY-MM-DD or --MM-DD, got "1990-02-30"'],
    [person({ birthday: '--02-30' }), 'people[0].birthday: expected YYYY-MM-DD or --MM-DD, got "--02-30"'],
    [person({ birthday: '---02-03' }), 'people[0].birthday: expected YYYY-MM-DD or --MM-DD, got "---02-03"'],
    [person({ met_on: '2024-5-1' }), 'people[0].met_on: expected a YYYY-MM-DD day, got "2024-5-1"'],
    [person({ added_on: null }), 'people[0].added_on: expected a non-empty string, got null'],
    [person({ created_at: 'yesterday' }), 'people[0].created_at: expected an ISO 8601 time, got "yesterday"'],
    [person({ facts: {} }), 'people[0].facts: expected an array'],
    [person({ facts: [3] }), 'people[0].facts[0]: expected an object'],
    [person({ facts: [{ ...stamp('f1'), text: 'x', date: 'soon' }] }), 'people[0].facts[0].date: expected a YYYY-MM-DD day, got "soon"'],
    [person({ touchpoints: [{ ...stamp('t1'), group_id: 'g', date: '2026-02-01', via: 'pigeon', note: null, give: null, ask: null }] }),
      'people[0].touchpoints[0].via: expected one of meeting, call, video, email, message, social, event, letter, other, got "pigeon"'],
    [person({ touchpoints: [{ ...stamp('t1'), group_id: 'g', date: '2026-02-01', via: 'call', note: null, give: 'cake', ask: null }] }),
      'people[0].touchpoints[0].give: expected one of '],
    [person({ dates: [{ ...stamp('d1'), label: 'x', date: '--02-29', yearly: 'yes' }] }), 'people[0].dates[0].yearly: expected true or false, got "yes"'],
    [person({ wishes: [{ ...stamp('w1'), kind: 'gift', text: 'x', closed_on: null }] }), 'people[0].wishes[0].kind: expected one of need, offer, got "gift"'],
    [person({ follow_ups: [{ ...stamp('u1'), touchpoint_id: null, due_on: '2026-02-30', note: null, closed_by: null }] }),
      'people[0].follow_ups[0].due_on: expected a YYYY-MM-DD day, got "2026-02-30"'],
  ] as [Record<string, unknown>, string][]).map(([p, message]) => [message, p] as const))('%s', (message, p) => {
    const [why] = problemsOf(p);
    expect(why!.startsWith(message)).toBe(true);
    expect(why!.endsWith('; person skipped')).toBe(true);
  });

  it('keeps the good people around a bad one, and accepts the yearly forms', () => {
    const r = readRelJson(doc([person({ ...stamp('a'), facts: [], touchpoints: [], follow_ups: [], dates: [], wishes: [] }), 'nope',
      person({ ...stamp('b'), birthday: '--02-29', every_days: null, facts: [], touchpoints: [], follow_ups: [], wishes: [],
        dates: [{ ...stamp('d9'), label: 'x', date: '--02-29', yearly: false }] })]));
    expect(r.people.map((p) => p.where)).toEqual(['people[0]', 'people[2]']);
    expect(r.problems).toEqual([{ where: 'people[1]', why: 'people[1]: expected an object; person skipped' }]);
  });

  it('an id used twice in the file leaves out the second person that uses it', () => {
    const r = readRelJson(doc([person(), person({ ...stamp('p2'), facts: [{ ...stamp('f1'), text: 'again', date: '2026-01-01' }] })]));
    expect(r.people.map((p) => p.person.id)).toEqual(['p1']);
    expect(r.problems).toEqual([{ where: 'people[1]', why: 'people[1]: id "f1" appears twice in the file; person skipped' }]);
  });
});

describe('rel JSON: ids', () => {
  it('two records of one person with one id (two touches) leave that person out, and the people around them in', () => {
    const t1 = { ...stamp('t1'), group_id: 'g1', date: '2026-02-01', via: 'call', note: 'hi', give: null, ask: null, intro_to: null };
    const r = readRelJson(doc([person({ ...stamp('p0'), facts: [], follow_ups: [], dates: [], wishes: [], touchpoints: [t1, { ...t1, note: 'again' }] }),
      person()]));
    expect(r.people.map((p) => p.person.id)).toEqual(['p1']);
    expect(r.problems).toEqual([{ where: 'people[0]', why: 'people[0]: id "t1" appears twice in the file; person skipped' }]);
  });

  it('a person left out for an id someone before them holds does not free that id: a third person with it is left out too', () => {
    const r = readRelJson(doc([person(), person({ ...stamp('p2'), facts: [{ ...stamp('f1'), text: 'again', date: '2026-01-01' }] }),
      person({ ...stamp('p3'), facts: [{ ...stamp('f1'), text: 'and again', date: '2026-01-01' }] })]));
    expect(r.people.map((p) => p.person.id)).toEqual(['p1']);
    expect(r.problems.map((p) => p.why)).toEqual([
      'people[1]: id "f1" appears twice in the file; person skipped', 'people[2]: id "f1" appears twice in the file; person skipped']);
  });

  it('the ids of a person left out are not taken: a later person may use them', () => {
    const r = readRelJson(doc([person({ facts: [{ ...stamp('f1'), text: 'a', date: '2026-01-01' }, { ...stamp('f1'), text: 'b', date: '2026-01-01' }] }),
      person({ name: 'Ana Lima, the second time' })]));
    expect(r.people.map((p) => [p.where, p.person.name])).toEqual([['people[1]', 'Ana Lima, the second time']]);
    expect(r.problems.map((p) => p.where)).toEqual(['people[0]']);
  });
});

describe('rel JSON: times', () => {
  const at = (t: string) => readRelJson(doc([person({ created_at: t })]));
  it.each([
    '2026-01-01T09:00:00.000Z', '1970-01-01T00:00:00.000Z', '2026-12-28T23:59:59.999Z', // rel's own form, checked without Date.parse
    '2026-02-30T09:00:00.000Z', '2024-02-29T00:00:00.000Z', '2026-12-31T00:00:00.000Z', // days not every month has: left to Date.parse, which takes them
    '2026-01-01T09:00:00Z', '2026-01-01T09:00:00.000+01:00', '2026-01-01T24:00:00.000Z', '2026-01-01',
    '2026-01-01T09:00:00.000z', '2026-01-01 09:00:00.000Z', // not rel's form, but Date.parse takes them, as it always did
  ])('%s is a time', (t) => {
    const r = at(t);
    expect(r.problems).toEqual([]);
    expect(r.people[0]!.person.created_at).toBe(t);
  });

  it.each(['2026-13-01T09:00:00.000Z', '2026-00-01T09:00:00.000Z', '2026-01-00T09:00:00.000Z', '2026-01-32T09:00:00.000Z',
    '2026-01-01T09:60:00.000Z', '2026-01-01T09:00:60.000Z', '2026-01-01T25:00:00.000Z',
    '2026-01-01T09:00:00.0a0Z', '2026/01/01T09:00:00.000Z', '20260101T090000Z'])('%s is not', (t) => {
    expect(at(t).problems).toEqual([{ where: 'people[0]', why: `people[0].created_at: expected an ISO 8601 time, got "${t}"; person skipped` }]);
  });

  it('isUtcStamp takes rel\'s own form on days 1 to 28, every field at its ends, and nothing else', () => {
    for (const t of ['2026-01-01T00:00:00.000Z', '2026-12-28T23:59:59.999Z', '0000-01-01T00:00:00.000Z', '9999-12-28T23:59:59.999Z']) {
      expect([t, isUtcStamp(t)]).toEqual([t, true]);
    }
    for (const t of ['2026-00-01T00:00:00.000Z', '2026-13-01T00:00:00.000Z', '2026-01-00T00:00:00.000Z', '2026-01-29T00:00:00.000Z',
      '2026-01-01T24:00:00.000Z', '2026-01-01T00:60:00.000Z', '2026-01-01T00:00:60.000Z', '2026-01-01T00:00:00.000', '2026-01-01T00:00:00.0000Z',
      '2026-01-01T00:00:00.000+', '2026-01-01T00:00:00.000ZZ', '2026-01-01T00:00:00.00Z', '2026-01-01T00:00:00.000z', '2026-01-01 00:00:00.000Z', '2026-01-01T00:00:00,000Z',
      '2026-0/-01T00:00:00.000Z', '2026-0:-01T00:00:00.000Z', '/026-01-01T00:00:00.000Z', ':026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.00:Z']) {
      expect([t, isUtcStamp(t)]).toEqual([t, false]);
    }
  });

  it('every stamp of rel\'s own form it takes without Date.parse, Date.parse takes too, as the same instant', () => {
    let seed = 7;
    const next = (n: number) => (seed = (seed * 1103515245 + 12345) % 2147483648) % n;
    const pad = (n: number, w: number) => String(n).padStart(w, '0');
    let taken = 0;
    for (let k = 0; k < 20_000; k++) {
      // Fields drawn a little past their ranges, so that both answers come up.
      const t = `${pad(next(10000), 4)}-${pad(next(14), 2)}-${pad(next(33), 2)}T${pad(next(26), 2)}:${pad(next(62), 2)}:${pad(next(62), 2)}.${pad(next(1000), 3)}Z`;
      if (!isUtcStamp(t)) continue;
      taken++;
      expect(new Date(t).toISOString()).toBe(t);
    }
    expect(taken).toBeGreaterThan(5_000);
  });
});
