import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { parseOutlook } from '../../src/formats/outlook.js';

const fixture = (name: string): string => readFileSync(new URL(`../fixtures/csv/${name}`, import.meta.url), 'utf8');

describe('parseOutlook', () => {
  // Read before each test, not while the file is collected: under npm run mutate the code of a describe
  // body never runs the mutant (test/mutate-setup.ts), so a read here let the reader's mutants survive.
  let records: ReturnType<typeof parseOutlook>['records'];
  let problems: ReturnType<typeof parseOutlook>['problems'];
  beforeEach(() => ({ records, problems } = parseOutlook(fixture('outlook.csv'))));

  it('reads a full contact: Job Title not the honorific, no Exchange path, no fax, categories as tags', () => {
    expect(records[0]).toEqual({
      where: 'line 2',
      value: {
        name: 'Ethan Walker',
        emails: ['ethan@example.com'],
        phones: ['+1 555 0101', '+1 555 0102'],
        company: 'Contoso',
        title: 'Engineer',
        tags: ['Work', 'Friends'],
        birthday: '1990-01-15',
        met: null,
        met_on: null,
        notes: ['Met at the Contoso offsite.\nPrefers calls to email.'],
        linkedin_url: null,
        every_days: null,
        last_touch: null,
      },
    });
  });

  it('reads 0/0/00 as no birthday, ISO and day-first birthdays, and reports the rest', () => {
    expect(records.slice(1).map((r) => [r.where, r.value.name, r.value.birthday])).toEqual([
      ['line 4', 'Fatima Zahra El Amrani', null],
      ['line 5', 'Gustavo Pérez', '1992-06-30'],
      ['line 6', 'Hanna Berg', '1988-12-31'],
      ['line 7', 'Ivo Novak', null],
    ]);
    expect(records[1]!.value).toMatchObject({ emails: ['fatima@example.org'], company: 'Tailspin', title: null });
    expect(records[2]!.value.phones).toEqual(['+52 55 0000 0004']);
    expect(problems).toEqual([
      { where: 'line 7', why: 'birthday "13/13/1990" not understood; kept the person without it' },
      { where: 'line 8', why: 'no name' },
      // Faxes are not a person's phones, but nothing is left out without a word.
      { where: 'column "Business Fax"', why: 'looks like phones but no field takes it; --map phone="Business Fax" (with the name columns) would import it' },
    ]);
  });

  it('reads a semicolon-separated export', () => {
    const text = 'First Name;Middle Name;Last Name;E-mail Address;Mobile Phone;Birthday\r\nÅsa;;Lund;asa@example.com;+46 70 000 00 00;1/2/1980\r\n';
    expect(parseOutlook(text).records).toMatchObject([
      { where: 'line 2', value: { name: 'Åsa Lund', emails: ['asa@example.com'], phones: ['+46 70 000 00 00'], birthday: '1980-01-02' } },
    ]);
  });

  it.each(['not-csv.txt', 'empty.csv', 'google-new.csv', 'linkedin-old.csv'])('%s is a UsageError', (file) => {
    expect(() => parseOutlook(fixture(file))).toThrow(UsageError);
  });
});

describe('parseOutlook: the structured name', () => {
  const csv = (first: string, middle: string, last: string, suffix: string) =>
    `First Name,Middle Name,Last Name,Title,Suffix,E-mail Address,Mobile Phone\n${first},${middle},${last},Dr.,${suffix},x@example.com,\n`;
  const n = (...cells: [string, string, string, string]) => parseOutlook(csv(...cells)).records[0]!.value.vcard_n;

  it('keeps first, middle, last and suffix as an N when they say more than rel would write (not the honorific)', () => {
    expect(n('John', 'Philip', 'Stevenson', 'Jr.')).toBe('Stevenson;John;Philip;;Jr.');
    expect(n('太郎', '', '山田', '')).toBe('山田;太郎;;;');
    expect(n('Maya', '', 'Chen', '')).toBeUndefined();
  });
});
