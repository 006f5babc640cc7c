import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { googleTags, parseGoogle } from '../../src/formats/google.js';

const fixture = (name: string): string => readFileSync(new URL(`../fixtures/csv/${name}`, import.meta.url), 'utf8');

describe('parseGoogle, current header (First Name ... Labels, E-mail N - Value)', () => {
  // Read before each test, not while the file is collected: under npm run mutate the code of a describe
  // body never runs the mutant (test/mutate-setup.ts), so a read here let the reader's mutants survive.
  let records: ReturnType<typeof parseGoogle>['records'];
  let problems: ReturnType<typeof parseGoogle>['problems'];
  beforeEach(() => ({ records, problems } = parseGoogle(fixture('google-new.csv'))));

  it('reads a full contact: primaries first across 3 e-mail groups, a multi-line note, tags', () => {
    expect(records[0]).toEqual({
      where: 'line 2',
      value: {
        name: 'Ana María Núñez Jr.',
        vcard_n: 'Núñez;Ana;María;;Jr.', // the name columns: given, additional, family, suffix
        emails: ['ana@work.example', 'ana@home.example', 'ana.n@work.example', 'ana@old.example'],
        phones: ['+34 600 000 002', '+34 600 000 001', '+34 910 000 003'],
        company: 'Acme, Inc.',
        title: 'Engineer',
        tags: ['Friends', 'starred'],
        birthday: '1990-03-14',
        met: null,
        met_on: null,
        notes: ['Met at the "Open Data" meetup, Lisbon.\nLoves climbing; ask about the new job.'],
        linkedin_url: null,
        every_days: null,
        last_touch: null,
      },
    });
  });

  it('keeps emoji and RTL names exactly, a yearless birthday, and falls back to the e-mail for a name', () => {
    expect(records.slice(1).map((r) => [r.where, r.value.name, r.value.birthday, r.value.tags])).toEqual([
      ['line 4', 'Zoë 🌻 Okafor', '--07-04', []],
      ['line 5', 'ليلى حداد', null, ['Family']],
      ['line 6', 'no.name@example.com', null, []],
    ]);
  });

  it('reports an unreadable birthday and a row with no name', () => {
    expect(problems).toEqual([
      { where: 'line 5', why: 'birthday "sometime in May" not understood; kept the person without it' },
      { where: 'line 6', why: 'no name; named by its email' },
      { where: 'line 7', why: 'no name' },
    ]);
  });
});

describe('parseGoogle, older header (Name, Given Name ... Group Membership, Organization 1 - Name)', () => {
  // Read before each test, not while the file is collected: under npm run mutate the code of a describe
  // body never runs the mutant (test/mutate-setup.ts), so a read here let the reader's mutants survive.
  let records: ReturnType<typeof parseGoogle>['records'];
  let problems: ReturnType<typeof parseGoogle>['problems'];
  beforeEach(() => ({ records, problems } = parseGoogle(fixture('google-old.csv'))));

  it('reads both rows', () => {
    expect(problems).toEqual([]);
    expect(records[0]).toEqual({
      where: 'line 2',
      value: {
        name: 'Bruno Costa',
        emails: ['bruno.costa@work.example', 'bruno@example.com', 'b.costa@work.example'],
        phones: ['+1 555 0100'],
        company: 'Northwind Traders',
        title: 'CTO',
        tags: ['Climbing', 'friends'],
        birthday: '1985-11-02',
        met: null,
        met_on: null,
        notes: ['Old colleague.\n\nLikes "bossa nova", jazz.'],
        linkedin_url: null,
        every_days: null,
        last_touch: null,
      },
    });
    expect(records[1]).toMatchObject({ where: 'line 5', value: { name: 'Chloé Martin', birthday: '--02-29', tags: ['starred'] } });
  });
});

describe('googleTags', () => {
  it.each([
    ['* myContacts ::: Friends ::: * starred', ['Friends', 'starred']],
    ['System Group: My Contacts ::: System Group: Coworkers ::: Book club', ['coworkers', 'Book club']],
    ['Work ::: work', ['Work']],
    ['', []],
  ])('%j -> %j', (cell, tags) => expect(googleTags(cell)).toEqual(tags));
});

describe('parseGoogle, not a Google file', () => {
  it.each(['not-csv.txt', 'empty.csv', 'linkedin-current.csv', 'outlook.csv'])('%s is a UsageError', (file) => {
    expect(() => parseGoogle(fixture(file))).toThrow(UsageError);
  });
});

describe('Google CSV: the structured name', () => {
  const row = (cells: Record<string, string>) => {
    const header = ['Name', 'Given Name', 'Additional Name', 'Family Name', 'Name Prefix', 'Name Suffix', 'E-mail 1 - Value', 'Group Membership'];
    return `${header.join(',')}\n${header.map((h) => cells[h] ?? '').join(',')}\n`;
  };
  const n = (cells: Record<string, string>) => parseGoogle(row(cells)).records[0]!.value.vcard_n;

  it('keeps the name columns as an N when they say more than rel would write', () => {
    expect(n({ 'Given Name': '太郎', 'Family Name': '山田' })).toBe('山田;太郎;;;');
    expect(n({ 'Given Name': 'Mary Ann', 'Family Name': 'Smith', 'Name Prefix': 'Dr.' })).toBe('Smith;Mary Ann;;Dr.;');
  });

  it('keeps nothing for a plain "Given Family", or when the Name column says another name', () => {
    expect(n({ 'Given Name': 'Maya', 'Family Name': 'Chen' })).toBeUndefined();
    expect(n({ Name: 'Bob Smith', 'Given Name': 'Robert', 'Family Name': 'Smith' })).toBeUndefined();
    expect(n({ 'E-mail 1 - Value': 'x@example.com' })).toBeUndefined();
  });
});
