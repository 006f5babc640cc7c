// rel merge KEEP OTHER: what remains of two records of one person.
import { describe, expect, it } from 'vitest';
import { joinPeople } from '../../src/domain/join.js';
import { blankDetails, blankPerson } from '../../src/domain/person.js';
import type { Person } from '../../src/domain/types.js';

const person = (id: string, name: string, o: Partial<Person> = {}): Person => ({
  ...blankPerson(id, name, '2026-01-10', '2026-01-10T09:00:00.000Z'),
  ...o,
});

const NOW = '2026-03-01T12:00:00.000Z';

describe('joinPeople', () => {
  it("keeps KEEP's name and fields, adds OTHER's emails, phones and tags once each", () => {
    const keep = person('k', 'Maya Chen', { emails: ['maya@acme.example'], phones: ['+1 555 0100'], tags: ['work'], company: 'Acme' });
    const other = person('o', 'M. Chen', {
      emails: ['MAYA@acme.example', 'maya@home.example'], phones: ['+15550100', '+1 555 0199'], tags: ['Work', 'climbing'], company: 'Old Co',
    });
    const joined = joinPeople(keep, other, NOW);
    expect(joined).toMatchObject({
      id: 'k', name: 'Maya Chen', company: 'Acme',
      emails: ['maya@acme.example', 'maya@home.example'],
      phones: ['+1 555 0100', '+1 555 0199'],
      tags: ['work', 'climbing'],
      updated_at: NOW,
    });
  });

  it('fills each field KEEP lacks from OTHER, and only those', () => {
    const keep = person('k', 'Maya', { title: 'CTO' });
    const other = person('o', 'Maya', {
      company: 'Acme', title: 'Engineer', every_days: 30, birthday: '--04-15', met: 'at a conference', met_on: '2024-05-01',
      linkedin_url: 'linkedin.com/in/maya', snoozed_until: '2026-04-01',
    });
    expect(joinPeople(keep, other, NOW)).toMatchObject({
      company: 'Acme', title: 'CTO', every_days: 30, birthday: '--04-15', met: 'at a conference', met_on: '2024-05-01',
      linkedin_url: 'linkedin.com/in/maya', snoozed_until: '2026-04-01',
    });
  });

  it('the joined person was added on the earlier of the two days; created_at stays KEEP\'s', () => {
    const keep = person('k', 'Maya', { added_on: '2026-02-01' });
    expect(joinPeople(keep, person('o', 'Maya', { added_on: '2025-06-30' }), NOW)).toMatchObject({ added_on: '2025-06-30', created_at: keep.created_at });
    expect(joinPeople(keep, person('o', 'Maya', { added_on: '2026-02-02' }), NOW).added_on).toBe('2026-02-01');
  });

  it('changes neither record it was given', () => {
    const keep = person('k', 'Maya', { emails: ['a@x.io'] });
    const other = person('o', 'Maya', { emails: ['b@x.io'], company: 'Acme' });
    joinPeople(keep, other, NOW);
    expect(keep).toEqual(person('k', 'Maya', { emails: ['a@x.io'] }));
    expect(other.emails).toEqual(['b@x.io']);
  });
});

describe('a new person', () => {
  it('knows nothing but the name, added today', () => {
    expect(blankPerson('id-1', 'Ana', '2026-03-01', NOW)).toEqual({
      id: 'id-1', name: 'Ana', emails: [], phones: [], company: null, title: null, tags: [], every_days: null, birthday: null,
      met: null, met_on: null, linkedin_url: null, snoozed_until: null, added_on: '2026-03-01', created_at: NOW, updated_at: NOW,
    });
    expect(blankDetails('Ana')).toEqual({
      name: 'Ana', emails: [], phones: [], company: null, title: null, tags: [], every_days: null, birthday: null,
      met: null, met_on: null, linkedin_url: null,
    });
  });

  it('gets lists of its own: adding to one person does not add to the next', () => {
    const a = blankDetails('A');
    a.emails.push('a@x.io');
    a.tags.push('t');
    a.phones.push('1');
    expect(blankDetails('B')).toMatchObject({ emails: [], tags: [], phones: [] });
  });
});
