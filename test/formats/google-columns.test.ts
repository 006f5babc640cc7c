// Google Contacts CSV, column by column: which cell names a contact, what multi-valued cells and
// labels become, and what is said about a file that is not one.
import { describe, expect, it } from 'vitest';
import { isGoogleHeader } from '../../src/formats/csv.js';
import { googleTags, parseGoogle } from '../../src/formats/google.js';
import { usage } from '../support.js';

const NEW = 'First Name,Middle Name,Last Name,Name Suffix,Nickname,File As,Organization Name,Organization Title,Birthday,Notes,Labels,E-mail 1 - Label,E-mail 1 - Value,Phone 1 - Label,Phone 1 - Value';
const OLD = 'Name,Given Name,Additional Name,Family Name,Name Suffix,Nickname,File As,Birthday,Notes,Group Membership,E-mail 1 - Type,E-mail 1 - Value,Phone 1 - Type,Phone 1 - Value,Organization 1 - Name,Organization 1 - Title';
/** One row under `header`, the cells given by column name. */
const csv = (header: string, cells: Record<string, string>): string => {
  const quote = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  return `${header}\r\n${header.split(',').map((h) => quote(cells[h] ?? '')).join(',')}\r\n`;
};
const one = (header: string, cells: Record<string, string>) => parseGoogle(csv(header, cells)).records[0]!.value;

describe('parseGoogle: the name', () => {
  it.each([
    [NEW, { 'First Name': 'Ana', 'Middle Name': 'María', 'Last Name': 'Núñez', 'Name Suffix': 'Jr.', Nickname: 'Anita' }, 'Ana María Núñez Jr.'],
    [NEW, { 'Last Name': 'Núñez', Nickname: 'Anita' }, 'Núñez'],
    [NEW, { Nickname: 'Anita', 'File As': 'Núñez, Ana' }, 'Anita'],
    [NEW, { 'File As': 'Núñez, Ana' }, 'Núñez, Ana'],
    [OLD, { Name: 'Bruno Costa', 'Given Name': 'Bruno', 'Family Name': 'Costa Jr' }, 'Bruno Costa'],
    [OLD, { 'Given Name': 'Bruno', 'Additional Name': 'M.', 'Family Name': 'Costa', 'Name Suffix': 'III' }, 'Bruno M. Costa III'],
    [OLD, { 'Additional Name': 'M.' }, 'M.'],
    [OLD, { Nickname: 'Bru' }, 'Bru'],
    [OLD, { 'File As': 'Costa' }, 'Costa'],
  ])('%#: %j is named %j', (header, cells, name) => {
    expect(one(header, cells).name).toBe(name);
  });

  it('a contact with only a phone is named by it, and the problem says so', () => {
    expect(parseGoogle(csv(NEW, { 'Phone 1 - Value': '+351 912 000 000' }))).toEqual({
      records: [{ where: 'line 2', value: expect.objectContaining({ name: '+351 912 000 000', phones: ['+351 912 000 000'], emails: [] }) }],
      problems: [{ where: 'line 2', why: 'no name; named by its phone' }],
    });
  });
});

describe('parseGoogle: cells with several values (" ::: ", "* " marks the primary one)', () => {
  it('the primary organization and title come first, in the old header', () => {
    expect(one(OLD, { Name: 'Bruno', 'Organization 1 - Name': 'Old Co ::: * Northwind', 'Organization 1 - Title': 'Intern ::: * CTO' }))
      .toMatchObject({ company: 'Northwind', title: 'CTO' });
  });

  it('without a primary, the first value; blank values are skipped', () => {
    expect(one(NEW, { 'First Name': 'Ana', 'Organization Name': ' ::: Acme ::: Other', 'E-mail 1 - Value': ' :::  ::: a@x.example' }))
      .toMatchObject({ company: 'Acme', emails: ['a@x.example'] });
  });

  it('a value marked primary loses its marker, and the same address twice (in two cases) comes once', () => {
    expect(one(NEW, { 'First Name': 'Ana', 'E-mail 1 - Value': 'b@x.example ::: *  A@X.example ::: a@x.example' }).emails)
      .toEqual(['A@X.example', 'b@x.example']);
  });

  it('a value that only starts with "*" (no blank after it) is a value', () => {
    expect(one(NEW, { 'First Name': 'Ana', 'Organization Name': '*NSYNC ::: Acme' }).company).toBe('*NSYNC');
  });

  it('no organization, no title: null', () => {
    expect(one(NEW, { 'First Name': 'Ana' })).toMatchObject({ company: null, title: null, notes: [], birthday: null, tags: [] });
  });
});

describe('parseGoogle: the other fields, in both headers', () => {
  it('the current header: title, labels, notes, and every E-mail N / Phone N column, 10 and over included', () => {
    const header = `${NEW},${Array.from({ length: 10 }, (_, i) => `E-mail ${i + 2} - Value,Phone ${i + 2} - Value`).join(',')}`;
    const p = one(header, {
      'First Name': 'Ana', 'Organization Name': 'Acme', 'Organization Title': 'CTO', Notes: 'met at FOSDEM', Labels: '* myContacts ::: Climbing',
      'E-mail 1 - Value': 'ana@x.example', 'E-mail 11 - Value': 'eleven@x.example', 'Phone 1 - Value': '+1 555 0100', 'Phone 10 - Value': '+1 555 0110',
    });
    expect(p).toMatchObject({ company: 'Acme', title: 'CTO', notes: ['met at FOSDEM'], tags: ['Climbing'] });
    expect(p.emails).toEqual(['ana@x.example', 'eleven@x.example']);
    expect(p.phones).toEqual(['+1 555 0100', '+1 555 0110']);
  });

  it('the older header: group membership, the organization columns, notes', () => {
    const p = one(OLD, {
      Name: 'Bruno Costa', Notes: 'likes chess', 'Group Membership': 'System Group: My Contacts ::: Book Club',
      'Organization 1 - Name': 'Initech', 'Organization 1 - Title': 'Engineer', 'E-mail 1 - Value': 'bruno@x.example',
    });
    expect(p).toMatchObject({ company: 'Initech', title: 'Engineer', notes: ['likes chess'], tags: ['Book Club'], emails: ['bruno@x.example'] });
  });

  it('blanks at the edges of a cell of several values are not part of them', () => {
    const p = one(NEW, { 'First Name': 'Ana', 'E-mail 1 - Value': '  ana@x.example ::: * bo@x.example  ', Labels: '  Climbing ::: VIP  ' });
    expect(p.emails).toEqual(['bo@x.example', 'ana@x.example']);
    expect(p.tags).toEqual(['Climbing', 'VIP']);
  });
});

describe('parseGoogle: birthdays are read strictly', () => {
  it.each([
    ['1990-03-14', '1990-03-14', []],
    ['--03-14', '--03-14', []],
    ['3/4/1990', null, [{ where: 'line 2', why: 'birthday "3/4/1990" not understood; kept the person without it' }]],
  ])('%s -> %s', (cell, birthday, problems) => {
    const r = parseGoogle(csv(NEW, { 'First Name': 'Ana', Birthday: cell }));
    expect(r.records[0]!.value.birthday).toBe(birthday);
    expect(r.problems).toEqual(problems);
  });
});

describe('googleTags: labels and group memberships', () => {
  it.each([
    ['* myContacts', []],
    ['myContacts', []],
    ['* My  Contacts', []],
    ['System Group:My Contacts', []],
    ['system group: my contacts', []],
    ['* starred ::: * friends', ['starred', 'friends']],
    ['*Starred', ['starred']],
    ['System Group:Coworkers', ['coworkers']],
    ['System Group: Family ::: Family', ['family']],
    ['VIP ::: Book Club', ['VIP', 'Book Club']],
    ['Not my contacts ::: My Contacts 2', ['Not my contacts', 'My Contacts 2']],
    ['* ::: System Group: ::: Climbing', ['Climbing']],
    // The markers count only at the start: a label that holds them elsewhere is the user's own.
    ['Stars * 5 ::: My System Group: Hikers', ['Stars * 5', 'My System Group: Hikers']],
  ])('%j -> %j', (cell, tags) => expect(googleTags(cell)).toEqual(tags));
});

describe('a file that is not a Google export', () => {
  it('says which headers were looked for', () => {
    expect(usage(() => parseGoogle('Name,Email\r\nAna,a@x.example\r\n')).message)
      .toBe('no Google Contacts header (First Name ... Labels, or Given Name ... Group Membership) in the first 20 rows');
  });

  it.each([
    ['First Name,Labels', true],
    ['Given Name,Group Membership', true],
    ['Name,E-mail 1 - Value', true],
    ['First Name,Last Name,Group Membership', false],
    ['Given Name,Labels', false],
    ['Name,E-mail 2 - Value', false],
  ])('%s: a Google header? %s', (header, yes) => {
    expect(isGoogleHeader(header.split(','))).toBe(yes);
  });
});
