import { describe, expect, it } from 'vitest';
import { normaliseLinkedIn, planImport, type ExistingPerson, type MergeRecord } from '../../src/domain/merge.js';
import { importedTag, tidyRecord, type Problem } from '../../src/domain/tidy.js';
import { MUTATING } from '../support.js';

const person = (id: string, name: string, more: Partial<ExistingPerson> = {}): ExistingPerson => ({
  id, name, emails: [], phones: [], tags: [], company: null, title: null, birthday: null, met: null, met_on: null,
  linkedin_url: null, every_days: null, last_touch: null, facts: [], ...more,
});
const rec = (where: string, name: string, more: Partial<MergeRecord> = {}): MergeRecord => ({
  where, name, emails: [], phones: [], tags: [], company: null, title: null, birthday: null, met: null, met_on: null,
  linkedin_url: null, every_days: null, notes: [], last_touch: null, ...more,
});
let n = 0;
const opts = (more: Partial<Parameters<typeof planImport>[2]> = {}) => ({
  today: '2026-03-01', tags: [], everyDays: null, newId: () => `new-${++n}`, ...more,
});

describe('normaliseLinkedIn', () => {
  it.each([
    ['https://www.linkedin.com/in/ana-nunez/', 'linkedin.com/in/ana-nunez'],
    ['http://LinkedIn.com/in/Ana-Nunez?trk=abc#x', 'linkedin.com/in/ana-nunez'],
    ['linkedin.com/in/ana-nunez', 'linkedin.com/in/ana-nunez'],
    ['https://de.linkedin.com/in/ana-nunez', 'de.linkedin.com/in/ana-nunez'],
    ['https://www.linkedin.com/in/jos%C3%A9', 'linkedin.com/in/josé'],
    ['', null],
    ['http://', null],
  ])('%s -> %s', (url, key) => expect(normaliseLinkedIn(url)).toBe(key));
});

describe('planImport: matching', () => {
  const people = [
    person('p1', 'Ana Núñez', { emails: ['Ana@Example.com'], company: 'Acme' }),
    person('p2', 'Bruno Costa', { linkedin_url: 'https://www.linkedin.com/in/bruno-costa/' }),
    person('p3', 'Chloé Martin'),
    person('p4', 'Dana Cohen', { emails: ['dana@one.example'] }),
  ];

  it('matches by email (case-insensitive), adds what is new, never overwrites', () => {
    const p = planImport(people, [rec('line 2', 'Ana N.', { emails: ['ana@example.COM', 'ana@work.example'], company: 'Other', title: 'CTO' })], opts());
    expect(p.counts).toEqual({ added: 0, merged: 1, skipped: 0 });
    expect(p.decisions[0]).toMatchObject({ action: 'merge', person_id: 'p1', into: 'Ana Núñez', changes: ['email', 'title'] });
    expect(p.updated[0]).toMatchObject({ id: 'p1', name: 'Ana Núñez', emails: ['Ana@Example.com', 'ana@work.example'], company: 'Acme', title: 'CTO' });
  });

  it('matches by LinkedIn URL, normalised', () => {
    const p = planImport(people, [rec('line 3', 'Bruno C', { linkedin_url: 'http://linkedin.com/in/Bruno-Costa?trk=x', company: 'Northwind' })], opts());
    expect(p.decisions[0]).toMatchObject({ action: 'merge', person_id: 'p2', changes: ['company'] });
  });

  it('matches by folded name when the emails do not conflict', () => {
    const p = planImport(people, [
      rec('line 4', 'CHLOE MARTIN', { emails: ['chloe@example.com'] }),
      rec('line 5', 'dana cohen', { emails: ['dana@two.example'] }),
      rec('line 6', 'Dana Cohen'),
    ], opts());
    // line 6 has no email: both Dana Cohens (rel's and line 5's) could be meant
    expect(p.decisions.map((d) => [d.action, d.person_id])).toEqual([['merge', 'p3'], ['add', `new-${n}`], ['skip', null]]);
    expect(p.decisions[2]!.why).toMatch(/^2 people called "Dana Cohen" already/);
    const again = planImport(people, [rec('line 7', 'dana cohen')], opts());
    expect(again.decisions[0]).toMatchObject({ action: 'skip', person_id: 'p4', why: 'already up to date' });
  });

  it('a name shared by two people with no email is ambiguous: skipped with a reason', () => {
    const p = planImport([person('a', 'Li Wei'), person('b', 'Li Wei')], [rec('line 2', 'Li Wei', { phones: ['+1 555'] })], opts());
    expect(p.decisions[0]).toMatchObject({ action: 'skip', person_id: null });
    expect(p.decisions[0]!.why).toMatch(/2 people called "Li Wei"/);
  });

  it('different LinkedIn profiles with the same name are different people', () => {
    const p = planImport(people, [rec('line 2', 'Bruno Costa', { linkedin_url: 'https://linkedin.com/in/another-bruno' })], opts());
    expect(p.decisions[0]!.action).toBe('add');
  });

  it('records of the same file merge into each other; a repeat is skipped', () => {
    const p = planImport([], [
      rec('line 2', 'Eve Stone', { emails: ['eve@example.com'] }),
      rec('line 3', 'Eve S.', { emails: ['EVE@example.com'], phones: ['+44 20 0000 0000'] }),
      rec('line 4', 'Eve Stone', { emails: ['eve@example.com'] }),
    ], opts());
    expect(p.counts).toEqual({ added: 1, merged: 1, skipped: 1 });
    expect(p.added[0]).toMatchObject({ name: 'Eve Stone', phones: ['+44 20 0000 0000'] });
    expect(p.decisions[2]!.why).toBe('same as line 2');
  });

  it('records with ids (rel JSON) are matched by id first and never merged into each other', () => {
    const p = planImport(people, [
      rec('people[0]', 'Ana Núñez', { id: 'p1', company: 'Other', pending: ['1 fact'] }),
      rec('people[1]', 'Zed', { id: 'z1', emails: ['z@example.com'] }),
      rec('people[2]', 'Zed', { id: 'z2', emails: ['z@example.com'] }),
    ], opts());
    expect(p.decisions.map((d) => [d.action, d.person_id, d.changes])).toEqual([
      ['merge', 'p1', ['1 fact']], ['add', 'z1', []], ['add', 'z2', []],
    ]);
    expect(p.updated).toEqual([]); // an id match leaves the person's fields alone
  });

  it('phones compare by digits, tags and notes are not repeated', () => {
    const existing = [person('p', 'Fay', { phones: ['+1 (555) 000-1111'], tags: ['work'], facts: ['likes tea'] })];
    const p = planImport(existing, [rec('l', 'Fay', { phones: ['+15550001111'], tags: ['Work'], notes: ['likes tea'] })], opts());
    expect(p.decisions[0]).toMatchObject({ action: 'skip', why: 'already up to date' });
  });
});

describe('planImport: options', () => {
  it('--every goes to the people added, --tag to everyone matched or added', () => {
    const p = planImport([person('p', 'Gil', { emails: ['gil@example.com'] })], [
      rec('1', 'Gil', { emails: ['gil@example.com'] }),
      rec('2', 'Hal', { every_days: 7 }),
    ], opts({ tags: ['conf'], everyDays: 30 }));
    expect(p.updated[0]).toMatchObject({ tags: ['conf'], every_days: null });
    expect(p.added[0]).toMatchObject({ tags: ['conf'], every_days: 30 });
  });

  it('a newer last contact becomes a touch; a future one is ignored', () => {
    const p = planImport([person('p', 'Ida', { last_touch: '2026-01-01' })], [
      rec('1', 'Ida', { last_touch: '2026-02-01' }),
      rec('2', 'Jo', { last_touch: '2027-01-01' }),
    ], opts());
    expect(p.updated[0]!.touch).toBe('2026-02-01');
    expect(p.added[0]!.touch).toBeNull();
  });

  it.skipIf(MUTATING)('is linear: 10,000 records against 10,000 people', () => {
    const people = Array.from({ length: 10_000 }, (_, i) => person(`p${i}`, `Person ${i}`, { emails: [`p${i}@example.com`] }));
    const records = Array.from({ length: 10_000 }, (_, i) => rec(`line ${i}`, `Person ${i}`, { emails: [`p${(i * 7) % 20_000}@example.com`] }));
    const p = planImport(people, records, opts());
    expect(p.counts.added + p.counts.merged + p.counts.skipped).toBe(10_000);
    expect(p.counts.skipped).toBeGreaterThan(0);
  });
});

describe('tidyRecord', () => {
  const raw = { ...rec('x', ''), where: undefined };
  it('keeps names exactly (NFC), drops bad fields with a problem, refuses a bad name', () => {
    const problems: Problem[] = [];
    const ok = tidyRecord({ ...raw, name: ' Ze\u0301 🎉 ', emails: ['ze@example.com', 'not an email'], notes: ['a\r\nb'], tags: ['Work, Past'] }, 'line 2', problems);
    expect(ok).toMatchObject({ name: 'Zé 🎉', emails: ['ze@example.com'], notes: ['a\nb'], tags: ['work-past'] });
    expect(problems).toEqual([{ where: 'line 2', why: 'email "not an email" is not an address; left out' }]);
    expect(tidyRecord({ ...raw, name: 'bad\u0007name' }, 'line 3', problems)).toBeNull();
    expect(problems[1]!.why).toMatch(/control character.*skipped$/);
  });

  it('with today: a birthday, meeting or last touch before 1900 or after today is left out with a problem (issue 11)', () => {
    const problems: Problem[] = [];
    const r = tidyRecord({ ...raw, name: 'A', birthday: '2027-01-01', met_on: '1850-05-01', last_touch: '2026-02-01' }, 'line 2', problems, '2026-03-01');
    expect(r).toMatchObject({ birthday: null, met_on: null, last_touch: '2026-02-01' });
    expect(problems.map((p) => p.why)).toEqual(['birthday 2027-01-01 is in the future; left out', 'met on 1850-05-01 is before 1900; left out']);
    expect(tidyRecord({ ...raw, name: 'B', birthday: '--03-14' }, 'line 3', problems, '2026-03-01')).toMatchObject({ birthday: '--03-14' });
  });

  it.each([['Friends', 'friends'], ['  ', null], ['Work, Past', 'work-past'], ['a b', 'a-b']])('tag %j -> %j', (label, tag) =>
    expect(importedTag(label)).toBe(tag));
});

describe('planImport: what each decision says', () => {
  it('a last contact on today counts; one equal to rel\'s is no change; one after today is ignored', () => {
    const ida = () => [person('p', 'Ida', { last_touch: '2026-01-01' })];
    expect(planImport(ida(), [rec('1', 'Ida', { last_touch: '2026-03-01' })], opts()).decisions[0]).toMatchObject({
      action: 'merge', changes: ['last contact'],
    });
    expect(planImport(ida(), [rec('1', 'Ida', { last_touch: '2026-01-01' })], opts()).decisions[0]).toMatchObject({
      action: 'skip', why: 'already up to date', changes: [],
    });
    expect(planImport(ida(), [rec('1', 'Ida', { last_touch: '2026-03-02' })], opts()).decisions[0]).toMatchObject({ action: 'skip' });
    expect(planImport(ida(), [rec('1', 'Ida', { last_touch: '2025-12-31' })], opts()).decisions[0]).toMatchObject({ action: 'skip' });
  });

  it('names every change, counting plurals, and fills only empty fields', () => {
    const existing = [person('p', 'Kim', { emails: ['kim@a.example'], title: 'CEO' })];
    const p = planImport(existing, [rec('line 4', 'Kim', {
      emails: ['kim@a.example', 'kim@b.example', 'KIM@B.example', 'kim@c.example'], phones: ['+1 555 1', '+1 555 2'],
      tags: ['Work'], company: 'Acme', title: 'CTO', birthday: '1990-01-01', met: 'at school', met_on: '2000-09-01',
      linkedin_url: 'linkedin.com/in/kim', every_days: 14, notes: ['a', 'b', 'a'],
    })], opts({ today: '2026-03-01' }));
    expect(p.decisions[0]).toEqual({
      where: 'line 4', name: 'Kim', action: 'merge', person_id: 'p', into: 'Kim', why: null, skip: null,
      changes: ['2 emails', '2 phones', 'tag', 'company', 'birthday', 'met', 'met on', 'linkedin url', 'every days', '2 notes'],
    });
    expect(p.updated[0]).toMatchObject({ emails: ['kim@a.example', 'kim@b.example', 'kim@c.example'], title: 'CEO', newFacts: ['a', 'b'] });
    expect(p.counts).toEqual({ added: 0, merged: 1, skipped: 0 });
  });

  it('one email, phone and note are named in the singular', () => {
    const p = planImport([person('p', 'Lu', { emails: ['lu@a.example'] })], [
      rec('1', 'Lu', { emails: ['lu@a.example', 'lu@b.example'], phones: ['+1 555 3'], notes: ['n'], tags: ['x', 'y'] }),
    ], opts());
    expect(p.decisions[0]!.changes).toEqual(['email', 'phone', '2 tags', 'note']);
  });

  it('an email already given to someone else is not given twice', () => {
    // A record with an id never matches a person added from the file: it is added, without the email.
    const p = planImport([], [rec('line 2', 'Mo', { emails: ['mo@x.example'] }), rec('people[0]', 'Mo', { id: 'q', emails: ['MO@x.example', 'mo2@x.example'] })], opts());
    expect(p.added.map((a) => a.emails)).toEqual([['mo@x.example'], ['mo2@x.example']]);
    expect(p.added[1]!.id).toBe('q');
  });

  it('a repeat of a record added from the same file says which record it repeats', () => {
    const p = planImport([], [rec('line 2', 'Ola', { emails: ['ola@x.example'] }), rec('line 9', 'Ola', { emails: ['OLA@x.example'] })], opts());
    expect(p.decisions.map((d) => [d.action, d.why])).toEqual([['add', null], ['skip', 'same as line 2']]);
    expect(p.counts).toEqual({ added: 1, merged: 0, skipped: 1 });
  });

  it('says how many people share the name when it is ambiguous', () => {
    const p = planImport([person('a', 'Pat'), person('b', 'pat'), person('c', 'PAT')], [rec('1', 'Pat')], opts());
    expect(p.decisions[0]!.why).toBe('3 people called "Pat" already; add an email to tell them apart');
  });

  it('a name matches when only one side has emails, not when both have different ones', () => {
    const existing = [person('a', 'Quinn', { emails: ['q@one.example'] })];
    expect(planImport(existing, [rec('1', 'Quinn')], opts()).decisions[0]).toMatchObject({ person_id: 'a' });
    expect(planImport([person('a', 'Quinn')], [rec('1', 'Quinn', { emails: ['q@two.example'] })], opts()).decisions[0]).toMatchObject({ person_id: 'a' });
    expect(planImport(existing, [rec('1', 'Quinn', { emails: ['q@two.example'] })], opts()).decisions[0]).toMatchObject({ action: 'add' });
  });

  it('a name matches when only one side has a LinkedIn profile, or the same one', () => {
    const existing = [person('a', 'Rae', { linkedin_url: 'linkedin.com/in/rae' })];
    expect(planImport(existing, [rec('1', 'Rae')], opts()).decisions[0]).toMatchObject({ person_id: 'a' });
    expect(planImport([person('a', 'Rae')], [rec('1', 'Rae', { linkedin_url: 'linkedin.com/in/rae2' })], opts()).decisions[0]).toMatchObject({ person_id: 'a' });
  });

  it('a record with an id that rel does not have is added under that id, and --tag reaches an id match', () => {
    const p = planImport([person('p1', 'Sam', { tags: ['work'] })], [
      rec('people[0]', 'Sam', { id: 'p1', company: 'Ignored' }),
      rec('people[1]', 'Tess', { id: 'p9' }),
    ], opts({ tags: ['Work', 'conf'] }));
    expect(p.decisions.map((d) => [d.action, d.person_id, d.changes])).toEqual([['merge', 'p1', ['tag']], ['add', 'p9', []]]);
    expect(p.updated[0]).toMatchObject({ tags: ['work', 'conf'], company: null });
  });

  it('phones compare by digits and a leading 00 is a +; a phone without digits compares as written', () => {
    const existing = [person('p', 'Uma', { phones: ['+44 20 7946 0000', 'ext. only'] })];
    const p = planImport(existing, [rec('1', 'Uma', { phones: ['0044 20 7946 0000', 'ext. only ', 'ext. two', '(+44) 2079460000'] })], opts());
    expect(p.updated[0]!.phones).toEqual(['+44 20 7946 0000', 'ext. only', 'ext. two']);
  });
});
