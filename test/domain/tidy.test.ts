import { describe, expect, it } from 'vitest';
import { importedTag, tidyRecord, type RawRecord } from '../../src/domain/tidy.js';
import type { Problem } from '../../src/domain/types.js';

const raw = (over: Partial<RawRecord> = {}): RawRecord => ({
  name: 'Ana Lima', emails: [], phones: [], tags: [], company: null, title: null, birthday: null, met: null,
  met_on: null, linkedin_url: null, every_days: null, notes: [], last_touch: null, ...over,
});
const tidy = (over: Partial<RawRecord>) => {
  const problems: Problem[] = [];
  return { record: tidyRecord(raw(over), 'line 3', problems), problems };
};

describe('importedTag', () => {
  it.each([
    ['Work', 'work'], ['Work, Past', 'work-past'], ['  My  Contacts ', null] /* a system group: never a tag (issue 12) */, ['  Old  Friends ', 'old-friends'], [',Friends,', 'friends'],
    ['--x--', 'x'], ['Cafe\u0301', 'café'], ['a\u0000b', null], ['', null], [' , ', null], ['x'.repeat(200), 'x'.repeat(200)],
    ['x'.repeat(201), null], ['😀'.repeat(200), '😀'.repeat(200)],
  ])('%j → %j', (label, tag) => {
    expect(importedTag(label)).toBe(tag);
  });
});

describe('tidyRecord', () => {
  it('keeps a clean record as it is, with where it came from', () => {
    const over = {
      name: ' Ana Lima ', emails: ['ana@example.com'], phones: ['+351 912 345 678'], tags: ['Work', 'work'],
      company: 'Acme', title: 'CTO', birthday: '1990-05-01', met: 'At a conference', met_on: '2024-01-02',
      linkedin_url: 'https://www.linkedin.com/in/ana', every_days: 30, notes: ['First note'], last_touch: '2026-01-01',
    };
    expect(tidy(over)).toEqual({
      record: { ...over, where: 'line 3', name: 'Ana Lima', tags: ['work'] },
      problems: [],
    });
  });

  it('skips a record without a usable name, saying why', () => {
    expect(tidy({ name: '  ' })).toEqual({ record: null, problems: [{ where: 'line 3', why: 'name cannot be empty; skipped' }] });
    expect(tidy({ name: 'A\u0007' }).problems).toEqual([
      { where: 'line 3', why: 'name "A\\u0007" contains a control character (U+0007) at position 2; skipped' },
    ]);
  });

  it('keeps emails exactly as written when they look like addresses, and drops the others with a problem', () => {
    const long = `${'a'.repeat(243)}@example.com`; // 255 characters
    const ok = `${'a'.repeat(242)}@example.com`; // 254
    const { record, problems } = tidy({ emails: [' Ana@Example.com ', '', '  ', 'not an email', 'a@b@c', '@x', 'x@', long, ok] });
    expect(record!.emails).toEqual(['Ana@Example.com', ok]);
    expect(problems.map((p) => p.why)).toEqual([
      'email "not an email" is not an address; left out',
      'email "a@b@c" is not an address; left out',
      'email "@x" is not an address; left out',
      'email "x@" is not an address; left out',
      `email ${JSON.stringify(long.slice(0, 60))} is not an address; left out`,
    ]);
    expect(problems.every((p) => p.where === 'line 3')).toBe(true);
  });

  it('drops a bad field with a problem naming it, and keeps the person', () => {
    const { record, problems } = tidy({
      company: 'Ac\u0001me', title: '   ', phones: ['12\u00003', '', '+1 555'], notes: ['ok\nfine', 'bad\u0007', ' '],
      met: 'line one\nline two', linkedin_url: 'x\ny',
    });
    expect(record).toMatchObject({
      name: 'Ana Lima', company: null, title: null, phones: ['+1 555'], notes: ['ok\nfine'], met: 'line one\nline two', linkedin_url: 'x y',
    });
    expect(problems.map((p) => p.why)).toEqual([
      'phone "12\\u00003" contains a control character (U+0000) at position 3; left out',
      'note "bad\\u0007" contains a control character (U+0007) at position 4; left out',
      'company "Ac\\u0001me" contains a control character (U+0001) at position 3; left out',
    ]);
  });

  it('names a long field by what it is', () => {
    expect(tidy({ title: 't'.repeat(201) }).problems[0]!.why).toMatch(/^title "t{20}…" is too long: 201 characters, at most 200; left out$/);
    expect(tidy({ met: 'm'.repeat(10_001) }).problems[0]!.why).toMatch(/^met "m{20}…" is too long: 10001 characters, at most 10000; left out$/);
  });
});

describe('importedTag: address-book system groups', () => {
  it.each([
    ['myContacts', null], ['* myContacts', null], ['*myContacts', null], ['*   My Contacts', null], ['System Group: My Contacts', null],
    ['system group:myContacts', null], ['* System Group:   My Contacts', null],
    ['Not my contacts', 'not-my-contacts'], ['My contacts from work', 'my-contacts-from-work'], ['*x myContacts', '*x-mycontacts'],
  ])('%j → %j', (label, tag) => {
    expect(importedTag(label)).toBe(tag);
  });
});

describe('tidyRecord: dates held to what rel takes (with today)', () => {
  const tidyOn = (over: Partial<RawRecord>) => {
    const problems: Problem[] = [];
    return { record: tidyRecord(raw(over), 'line 3', problems, '2026-03-01'), problems: problems.map((p) => p.why) };
  };

  it('keeps 1900-01-01 and today, and a birthday without a year', () => {
    expect(tidyOn({ birthday: '1900-01-01', met_on: '2026-03-01', last_touch: '2026-03-01' })).toMatchObject({
      record: { birthday: '1900-01-01', met_on: '2026-03-01', last_touch: '2026-03-01' }, problems: [],
    });
    expect(tidyOn({ birthday: '--04-15' })).toMatchObject({ record: { birthday: '--04-15' }, problems: [] });
  });

  it('leaves out a day before 1900 or after today, naming the field', () => {
    expect(tidyOn({ birthday: '1899-12-31', last_touch: '2026-03-02' })).toEqual({
      record: expect.objectContaining({ birthday: null, last_touch: null }),
      problems: ['birthday 1899-12-31 is before 1900; left out', 'last touch 2026-03-02 is in the future; left out'],
    });
  });
});

describe('tidyRecord: labels and tags', () => {
  it('names the LinkedIn URL in its problem', () => {
    expect(tidy({ linkedin_url: 'https://linkedin.com/in/a\u0001' }).problems.map((p) => p.why)).toEqual([
      'LinkedIn URL "https://linkedin.com/in/a\\u0001" contains a control character (U+0001) at position 26; left out',
    ]);
  });

  it('turns labels into tags, leaving out system groups and blanks', () => {
    expect(tidy({ tags: ['Work, Past', '* myContacts', ' ', 'Friends'] }).record!.tags).toEqual(['work-past', 'friends']);
  });
});
