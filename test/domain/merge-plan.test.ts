// rel import's plan beyond the first match: the possible duplicates it reports, a person changed by
// several records of one file, records of rel's own JSON that share an id, and how addresses, tags,
// companies and LinkedIn profiles are compared.
import { describe, expect, it } from 'vitest';
import { disagree, normaliseLinkedIn, planImport, type ExistingPerson, type MergeFields, type MergeRecord } from '../../src/domain/merge.js';

const person = (id: string, name: string, more: Partial<ExistingPerson> = {}): ExistingPerson => ({
  id, name, emails: [], phones: [], tags: [], company: null, title: null, birthday: null, met: null, met_on: null,
  linkedin_url: null, every_days: null, last_touch: null, facts: [], ...more,
});
const rec = (where: string, name: string, more: Partial<MergeRecord> = {}): MergeRecord => ({
  where, name, emails: [], phones: [], tags: [], company: null, title: null, birthday: null, met: null, met_on: null,
  linkedin_url: null, every_days: null, notes: [], last_touch: null, ...more,
});
const opts = (more: Partial<Parameters<typeof planImport>[2]> = {}) => {
  let n = 0;
  return { today: '2026-03-01', tags: [], everyDays: null, newId: () => `new-${++n}`, ...more };
};

describe('planImport: possible duplicates', () => {
  it('a record added beside someone of the same name is reported, with where each one is', () => {
    const p = planImport([person('p1', 'Sam Lee', { emails: ['sam@one.example'] })], [
      rec('line 2', 'Sam Lee', { emails: ['sam@two.example'] }),
      rec('line 3', 'SAM LEE', { emails: ['sam@three.example'] }),
    ], opts());
    expect(p.counts).toEqual({ added: 2, merged: 0, skipped: 0 });
    expect(p.possible_duplicates).toEqual([
      { where: 'line 2', name: 'Sam Lee', person_id: 'new-1', same_name_as: [{ id: 'p1', name: 'Sam Lee', where: null }] },
      {
        where: 'line 3', name: 'SAM LEE', person_id: 'new-2',
        same_name_as: [{ id: 'p1', name: 'Sam Lee', where: null }, { id: 'new-1', name: 'Sam Lee', where: 'line 2' }],
      },
    ]);
  });

  it('a new name is no possible duplicate; nor is a record of rel JSON, which carries its own id', () => {
    const p = planImport([person('p1', 'Sam Lee', { emails: ['sam@one.example'] })], [
      rec('line 2', 'Noor Haddad'),
      rec('people[0]', 'Sam Lee', { id: 'z9', emails: ['sam@two.example'] }),
    ], opts());
    expect(p.decisions.map((d) => [d.action, d.person_id])).toEqual([['add', 'new-1'], ['add', 'z9']]);
    expect(p.possible_duplicates).toEqual([]);
  });

  it('a LinkedIn file (distinct records): two rows of one name are two people, never one merged into the other', () => {
    const rows = [rec('line 5', 'Ana Lima', { met_on: '2024-01-02' }), rec('line 6', 'Ana Lima')];
    const p = planImport([], rows, opts({ distinctRecords: true }));
    expect(p.decisions.map((d) => d.action)).toEqual(['add', 'add']);
    expect(p.possible_duplicates).toEqual([
      { where: 'line 6', name: 'Ana Lima', person_id: 'new-2', same_name_as: [{ id: 'new-1', name: 'Ana Lima', where: 'line 5' }] },
    ]);
    expect(planImport([], rows, opts()).decisions.map((d) => d.action)).toEqual(['add', 'skip']);
  });
});

describe('planImport: one person, several records', () => {
  it('a person changed by two records is listed once among the updated, with both changes', () => {
    const p = planImport([person('p1', 'Ida', { emails: ['ida@x.example'] })], [
      rec('line 2', 'Ida', { emails: ['ida@x.example'], company: 'Acme' }),
      rec('line 3', 'Ida', { emails: ['ida@x.example'], title: 'CTO' }),
    ], opts());
    expect(p.updated).toHaveLength(1);
    expect(p.updated[0]).toMatchObject({ id: 'p1', company: 'Acme', title: 'CTO' });
  });

  it('an email a record adds to someone finds that person for the next record', () => {
    const p = planImport([person('p1', 'Ida Berg')], [
      rec('line 2', 'Ida Berg', { emails: ['ida@new.example'] }),
      rec('line 3', 'I. Berg', { emails: ['IDA@new.example'], phones: ['+46 70 000 00 00'] }),
    ], opts());
    expect(p.decisions.map((d) => [d.action, d.person_id, d.changes])).toEqual([['merge', 'p1', ['email']], ['merge', 'p1', ['phone']]]);
  });

  it('when two people already share an email, a record with it goes to the first of them', () => {
    const people = [person('p1', 'Kim A', { emails: ['kim@x.example'], linkedin_url: 'linkedin.com/in/kim' }), person('p2', 'Kim B', { emails: ['kim@x.example'], linkedin_url: 'https://www.linkedin.com/in/kim/' })];
    const p = planImport(people, [rec('line 2', 'Kim', { emails: ['kim@x.example'] }), rec('line 3', 'Kim', { linkedin_url: 'linkedin.com/in/KIM' })], opts());
    expect(p.decisions.map((d) => d.person_id)).toEqual(['p1', 'p1']);
  });

  it('says why a record changes nothing: a repeat of the file, or a person already up to date', () => {
    const p = planImport([person('p1', 'Ida', { emails: ['ida@x.example'] })], [
      rec('line 2', 'Ida', { emails: ['ida@x.example'] }),
      rec('line 3', 'Noor', { emails: ['noor@x.example'] }),
      rec('line 4', 'Noor', { emails: ['noor@x.example'] }),
    ], opts());
    expect(p.decisions.map((d) => [d.action, d.skip, d.why])).toEqual([
      ['skip', 'up-to-date', 'already up to date'], ['add', null, null], ['skip', 'repeated', 'same as line 3'],
    ]);
  });

  it('an ambiguous name is skipped with no changes and reason "ambiguous"', () => {
    const p = planImport([person('a', 'Li Wei'), person('b', 'Li Wei')], [rec('line 2', 'Li Wei')], opts());
    expect(p.decisions).toEqual([{
      where: 'line 2', name: 'Li Wei', action: 'skip', person_id: null, into: null, changes: [],
      why: '2 people called "Li Wei" already; add an email to tell them apart', skip: 'ambiguous',
    }]);
  });

  it('a record without an id is not merged into a record of the same file that has one', () => {
    const p = planImport([], [rec('people[0]', 'Zed', { id: 'z1', emails: ['z@x.example'] }), rec('line 9', 'Zed', { emails: ['z@x.example'] })], opts());
    expect(p.decisions.map((d) => [d.action, d.person_id])).toEqual([['add', 'z1'], ['add', 'new-1']]);
  });

  it('rel JSON naming one id twice gives one person: the second record repeats the first', () => {
    const p = planImport([], [rec('people[0]', 'Zed', { id: 'z1' }), rec('people[1]', 'Zed', { id: 'z1', phones: ['+1 555 0100'] })], opts());
    expect(p.decisions.map((d) => [d.action, d.person_id, d.skip])).toEqual([['add', 'z1', null], ['skip', 'z1', 'repeated']]);
    expect(p.added.map((a) => a.id)).toEqual(['z1']);
  });

  it('a person added from a record has exactly its notes as new facts, and a past last contact as a touch', () => {
    const p = planImport([person('p1', 'Ida')], [
      rec('line 2', 'Noor', { notes: ['met at PyCon'], last_touch: '2026-01-05' }),
      rec('line 3', 'Ida', { last_touch: '2026-02-01' }),
    ], opts());
    expect(p.added[0]).toMatchObject({ newFacts: ['met at PyCon'], touch: '2026-01-05' });
    expect(p.updated[0]).toMatchObject({ id: 'p1', touch: '2026-02-01' });
    expect(p.decisions[1]!.changes).toEqual(['last contact']);
  });
});

describe('how import compares', () => {
  const base: MergeFields = {
    name: 'Manu', emails: [], phones: [], tags: [], company: null, title: null, birthday: null, met: null, met_on: null,
    linkedin_url: null, every_days: null,
  };
  it.each([
    ['a company with spaces around it', { company: ' Acme ' }, { company: 'acme' }, false],
    ['a company written in decomposed accents', { company: 'Cafe\u0301 Nero' }, { company: 'Café Nero' }, false],
    ['companies that differ by a space', { company: 'AbujaHealth' }, { company: 'Abuja Health' }, true],
    ['the same day met', { met_on: '2019-02-14' }, { met_on: '2019-02-14' }, false],
    ['emails that differ only in ß and ss', { emails: ['straße@x.de'] }, { emails: ['STRASSE@x.de'] }, true],
    ['emails with spaces around them', { emails: [' a@x.org'] }, { emails: ['A@x.org '] }, false],
  ])('%s: disagree is %s', (_what, a, b, expected) => {
    expect(disagree({ ...base, ...a }, { ...base, ...b })).toBe(expected);
    expect(disagree({ ...base, ...b }, { ...base, ...a })).toBe(expected);
  });

  it('tags that differ only in a dotless ı are two tags', () => {
    const p = planImport([person('p1', 'Ida', { tags: ['ıstanbul'] })], [rec('line 2', 'Ida', { tags: ['istanbul'] })], opts());
    expect(p.updated[0]!.tags).toEqual(['ıstanbul', 'istanbul']);
  });

  it.each([
    ['   ', null],
    ['https://my.www.example/in/ana', 'my.www.example/in/ana'], // only a leading www. is dropped
    ['https://www.linkedin.com/in/ana//', 'linkedin.com/in/ana'], // every trailing slash
    ['linkedin.com/in/ana?from=https://x.example', 'linkedin.com/in/ana'], // a scheme only counts at the start
  ])('normaliseLinkedIn(%j) = %j', (url, key) => expect(normaliseLinkedIn(url)).toBe(key));
});
