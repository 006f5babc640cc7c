// rel import --format csv: the header names recognised without --map, what --map reads, and the columns
// nobody read that are reported instead of lost.
import { describe, expect, it } from 'vitest';
import { parseMap, parseMappedCsv, unusedColumns, findTable } from '../../src/formats/csv.js';
import { usage } from '../support.js';

const value = (text: string, map: Record<string, string> = {}) => parseMappedCsv(text, map).records[0]!.value;

describe('parseMappedCsv without --map: header names recognised', () => {
  it.each([
    ['Name', 'name'], ['Full Name', 'name'], ['display name', 'name'],
  ])('%s is the name', (column) => {
    expect(value(`${column},x\r\nAna Lima,1\r\n`).name).toBe('Ana Lima');
  });

  it.each([
    ['First Name', 'Last Name'], ['Given Name', 'Family Name'], ['first', 'last'], ['First Name', 'Surname'],
  ])('%s and %s are the first and last name', (first, last) => {
    expect(value(`${first},${last}\r\nAna,Lima\r\n`).name).toBe('Ana Lima');
  });

  it('a first name alone, or a last name alone, is a name', () => {
    expect(value('First Name,Email\r\nAna,a@x.example\r\n').name).toBe('Ana');
    expect(value('Surname,Email\r\nLima,a@x.example\r\n').name).toBe('Lima');
  });

  it('a Name column wins over first and last', () => {
    expect(value('First Name,Last Name,Name\r\nAna,Lima,A. Lima\r\n').name).toBe('A. Lima');
  });

  it.each([
    ['email'], ['e-mail'], ['emails'], ['email address'], ['E-mail Address'], ['Mail'],
  ])('%s is the email', (column) => {
    expect(value(`Name,${column}\r\nAna,a@x.example; b@x.example\r\n`).emails).toEqual(['a@x.example', 'b@x.example']);
  });

  it.each([
    ['phone'], ['phones'], ['Phone Number'], ['mobile'], ['Mobile Phone'], ['telephone'], ['tel'],
  ])('%s is the phone', (column) => {
    expect(value(`Name,${column}\r\nAna,+1 555 0100\r\n`).phones).toEqual(['+1 555 0100']);
  });

  it.each([['company'], ['organization'], ['organisation'], ['org']])('%s is the company', (column) => {
    expect(value(`Name,${column}\r\nAna,Acme\r\n`).company).toBe('Acme');
  });

  it.each([['job title'], ['position'], ['title'], ['role']])('%s is the title', (column) => {
    expect(value(`Name,${column}\r\nAna,CTO\r\n`).title).toBe('CTO');
  });

  it.each([['tags'], ['labels'], ['groups'], ['categories']])('%s are the tags', (column) => {
    expect(value(`Name,${column}\r\nAna,"work, climbing"\r\n`).tags).toEqual(['work', 'climbing']);
  });

  it.each([['birthday'], ['birth date'], ['birthdate'], ['date of birth'], ['DOB']])('%s is the birthday', (column) => {
    expect(value(`Name,${column}\r\nAna,1990-03-14\r\n`).birthday).toBe('1990-03-14');
  });

  it.each([['note'], ['notes']])('%s is a note', (column) => {
    expect(value(`Name,${column}\r\nAna,likes tea\r\n`).notes).toEqual(['likes tea']);
  });

  it.each([['met'], ['how we met'], ['met on']])('%s is where or when we met', (column) => {
    expect(value(`Name,${column}\r\nAna,at school\r\n`)).toMatchObject({ met: 'at school', met_on: null });
    expect(value(`Name,${column}\r\nAna,2019-05-01\r\n`)).toMatchObject({ met: null, met_on: '2019-05-01' });
  });

  it('a better-known name for the same field wins: "name" over "display name", "email" over "mail"', () => {
    expect(value('Display Name,Name,Mail,Email\r\nA.,Ana,old@x.example,new@x.example\r\n')).toMatchObject({ name: 'Ana', emails: ['new@x.example'] });
  });

  it('empty cells are none, and a guarded cell from a spreadsheet is read unguarded', () => {
    expect(value("Name,Company,Title,Note\r\n'=Ana,,'+CTO,\r\n")).toMatchObject({ name: '=Ana', company: null, title: '+CTO', notes: [] });
  });

  it('a file with no name column is refused, with a hint', () => {
    expect(usage(() => parseMappedCsv('Email,Phone\r\na@x.example,1\r\n', {})).message)
      .toBe('no header with a name column (name, full name, first name...) in the first 20 rows; use --map');
  });
});

describe('parseMappedCsv with --map', () => {
  it('reads only the mapped columns', () => {
    expect(value('Who,Email,Org\r\nAna,a@x.example,Acme\r\n', { name: 'Who', company: 'Org' })).toMatchObject({ name: 'Ana', emails: [], company: 'Acme' });
  });

  it('a map with first or last alone says where the name is', () => {
    expect(value('Given,Mail\r\nAna,a@x.example\r\n', { first: 'Given' }).name).toBe('Ana');
    expect(value('Family,Mail\r\nLima,a@x.example\r\n', { last: 'Family' }).name).toBe('Lima');
  });

  it('an unknown field in the map is refused', () => {
    expect(usage(() => parseMappedCsv('a\r\n1\r\n', { nick: 'a' })).message)
      .toBe('unknown field "nick"; valid fields: name, first, last, email, phone, company, title, tags, birthday, note, met');
  });

  it('a map without a name is refused', () => {
    expect(usage(() => parseMappedCsv('a\r\n1\r\n', { email: 'a' })).message)
      .toBe('--map must say where the name is: name=COLUMN, or first=COLUMN and/or last=COLUMN');
  });

  it('columns that are not in the header are named, the closest row\'s columns listed', () => {
    const text = 'Exported contacts\r\nWho,Email,Org\r\nAna,a@x.example,Acme\r\n';
    expect(usage(() => parseMappedCsv(text, { name: 'Name', email: 'Mail', company: 'Org' })).message)
      .toBe('columns "Name", "Mail" not in the header; the columns are: Who, Email, Org');
    expect(usage(() => parseMappedCsv(text, { name: 'Who', email: 'Mail' })).message)
      .toBe('column "Mail" not in the header; the columns are: Who, Email, Org');
  });

  it('when no row has any mapped column, the widest row is listed', () => {
    expect(usage(() => parseMappedCsv('note\r\nA,B,C\r\nD,E\r\n', { name: 'Name' })).message)
      .toBe('column "Name" not in the header; the columns are: A, B, C');
  });
});

describe('parseMap: more of what people type', () => {
  it('blank pairs are skipped; field names are case-insensitive; spaces around are trimmed', () => {
    expect(parseMap(' , NAME = Who ,, Email=Mail ,')).toEqual({ name: 'Who', email: 'Mail' });
  });

  it('a pair without a field is refused, quoting it', () => {
    expect(usage(() => parseMap('=Who')).message).toBe('--map: unknown field ""; valid fields: name, first, last, email, phone, company, title, tags, birthday, note, met');
    expect(usage(() => parseMap('name=Who, email ')).message).toBe('--map: expected FIELD=COLUMN, got "email"');
    expect(usage(() => parseMap('name=A,name=B')).message).toBe('--map: field "name" is mapped twice');
    expect(usage(() => parseMap('name="Who')).message).toBe('--map: a quote is not closed in name="Who');
  });
});

describe('unusedColumns: what nobody read is reported', () => {
  const problems = (text: string) => {
    const t = findTable(text, (c) => c.includes('Name'), () => 'none');
    for (const r of t.rows) t.get(r, 'Name');
    return unusedColumns(t);
  };
  const hint = (column: string, kind: string, field: string) => ({
    where: `column "${column}"`, why: `looks like ${kind} but no field takes it; --map ${field}="${column}" (with the name columns) would import it`,
  });

  it('columns of emails, phones and dates; blank cells do not count', () => {
    expect(problems('Name,Work mail,Cell,Anniversary,Comment,\r\nAna,a@x.example,+1 (555) 010-0100,2019-05-01,hi,a@x.example\r\nBo,,555.010.0101,12.03.2018,,\r\n'))
      .toEqual([hint('Work mail', 'emails', 'email'), hint('Cell', 'phones', 'phone'), hint('Anniversary', 'dates', 'birthday')]);
  });

  it('a column where one value is not like the rest is not reported', () => {
    expect(problems('Name,Mail,Digits\r\nAna,a@x.example,12345\r\nBo,not an address,1234567\r\n')).toEqual([]);
  });

  it('short numbers are not phones, and a date is not a phone', () => {
    expect(problems('Name,Code,When\r\nAna,12345,1/8/2018\r\n')).toEqual([hint('When', 'dates', 'birthday')]);
  });

  it('an address with a space, a second @ or no dot is not an email', () => {
    expect(problems('Name,A,B,C\r\nAna,a b@x.example,a@b@x.example,a@localhost\r\n')).toEqual([]);
  });

  it('a column that is empty in every row is not reported', () => {
    expect(problems('Name,Mail\r\nAna,\r\nBo,  \r\n')).toEqual([]);
  });

  it('only the first 200 rows are looked at', () => {
    const rows = Array.from({ length: 200 }, (_, i) => `P${i},p${i}@x.example`).join('\r\n');
    expect(problems(`Name,Mail\r\n${rows}\r\nLast,not an address\r\n`)).toEqual([hint('Mail', 'emails', 'email')]);
    expect(problems(`Name,Mail\r\n${rows.split('\r\n').slice(1).join('\r\n')}\r\nLast,not an address\r\n`)).toEqual([]);
  });
});
