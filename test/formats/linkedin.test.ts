import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { MUTATING } from '../support.js';
import { UsageError } from '../../src/errors.js';
import { parseLinkedIn } from '../../src/formats/linkedin.js';

const fixture = (name: string): string => readFileSync(new URL(`../fixtures/csv/${name}`, import.meta.url), 'utf8');

describe('parseLinkedIn, current export (BOM, Notes preamble, URL, "12 Mar 2024")', () => {
  // Read before each test, not while the file is collected: under npm run mutate the code of a describe
  // body never runs the mutant (test/mutate-setup.ts), so a read here let the reader's mutants survive.
  let records: ReturnType<typeof parseLinkedIn>['records'];
  let problems: ReturnType<typeof parseLinkedIn>['problems'];
  beforeEach(() => ({ records, problems } = parseLinkedIn(fixture('linkedin-current.csv'))));

  it('reads every named row, names exactly as written', () => {
    expect(records.map((r) => [r.where, r.value.name, r.value.met_on])).toEqual([
      ['line 6', 'Ana Núñez', '2024-03-12'],
      ['line 7', 'Zoë Okafor 🌻', '2023-01-01'],
      ['line 8', 'דנה כהן', '2022-02-05'],
      ['line 10', 'Li Wei', null],
      ['line 11', 'ليلى حداد', '2020-09-07'],
    ]);
  });

  it('maps the columns', () => {
    expect(records[0]!.value).toEqual({
      name: 'Ana Núñez', emails: [], phones: [], company: 'Acme, Inc.', title: 'Engineer', tags: [], birthday: null,
      met: 'LinkedIn', met_on: '2024-03-12', notes: [], linkedin_url: 'https://www.linkedin.com/in/ana-nunez-example',
      every_days: null, last_touch: null,
    });
    expect(records[1]!.value).toMatchObject({ emails: ['zoe@example.com'], title: 'Head of "Growth"', company: 'Fabrikam' });
    expect(records[2]!.value).toMatchObject({ company: null, title: null });
  });

  it('skips a row without a name and keeps a person whose date is not understood', () => {
    expect(problems).toEqual([
      { where: 'line 9', why: 'no name' },
      { where: 'line 10', why: 'connection date "sometime" not understood; kept the person without it' },
    ]);
  });
});

describe('parseLinkedIn, older export (no preamble, no URL, US dates with times)', () => {
  it('reads "1/8/18, 6:14 PM" and "1/8/2018" as month/day', () => {
    const { records, problems } = parseLinkedIn(fixture('linkedin-old.csv'));
    expect(problems).toEqual([]);
    expect(records.map((r) => [r.where, r.value.name, r.value.met_on, r.value.linkedin_url])).toEqual([
      ['line 2', 'Bruno Costa', '2018-01-08', null],
      ['line 3', 'Chloé Martin', '2018-01-08', null],
      ['line 4', 'Dmitri Ivanov', '2017-12-31', null],
    ]);
    expect(records[0]!.value).toMatchObject({ emails: ['bruno@example.com'], company: 'Northwind', title: 'CTO', met: 'LinkedIn' });
  });
});

describe('parseLinkedIn, not a LinkedIn file', () => {
  it.each(['not-csv.txt', 'empty.csv', 'people.csv', 'google-new.csv'])('%s is a UsageError', (file) => {
    expect(() => parseLinkedIn(fixture(file))).toThrow(UsageError);
  });
});

describe('parseLinkedIn, a large export', () => {
  // A speed test: skipped under npm run mutate (test/support.ts), where each CSV mutant would run it for seconds.
  it.skipIf(MUTATING)('parses 10,000 rows', () => {
    const lines = ['\uFEFFNotes:', '"A preamble, with ""quotes"",', 'over two lines."', '', 'First Name,Last Name,URL,Email Address,Company,Position,Connected On'];
    for (let i = 0; i < 10_000; i++) {
      lines.push(`Person${i},"Family, ${i}",https://www.linkedin.com/in/p${i},,Company ${i % 97},Role,${(i % 28) + 1} Mar 2024`);
    }
    const { records, problems } = parseLinkedIn(lines.join('\n'));
    expect(records).toHaveLength(10_000);
    expect(problems).toHaveLength(0);
  });
});

describe('parseLinkedIn: the structured name', () => {
  const n = (first: string, last: string) =>
    parseLinkedIn(`First Name,Last Name,URL,Email Address,Company,Position,Connected On\n${first},${last},,,,,12 Mar 2024\n`).records[0]!.value.vcard_n;

  it('keeps First and Last Name as an N when they say more than rel would write', () => {
    expect(n('Mary Ann', 'Smith')).toBe('Smith;Mary Ann;;;');
    expect(n('Ana', 'Núñez')).toBeUndefined();
  });
});
