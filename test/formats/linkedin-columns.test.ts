// LinkedIn's Connections.csv, column by column.
import { describe, expect, it } from 'vitest';
import { isLinkedInHeader } from '../../src/formats/csv.js';
import { parseLinkedIn } from '../../src/formats/linkedin.js';
import { usage } from '../support.js';

const HEADER = 'First Name,Last Name,URL,Email Address,Company,Position,Connected On';
const row = (cells: string) => parseLinkedIn(`${HEADER}\r\n${cells}\r\n`);

describe('parseLinkedIn: each column', () => {
  it('a full row', () => {
    expect(row('Ana,Lima,https://www.linkedin.com/in/ana,ana@x.example,Acme,CTO,3/4/2020').records).toEqual([{
      where: 'line 2',
      value: {
        name: 'Ana Lima', emails: ['ana@x.example'], phones: [], company: 'Acme', title: 'CTO', tags: [], birthday: null,
        met: 'LinkedIn', met_on: '2020-03-04', notes: [], linkedin_url: 'https://www.linkedin.com/in/ana', every_days: null, last_touch: null,
      },
    }]);
  });

  it('empty cells are none, and a first or last name alone is a name', () => {
    expect(row(',Lima,,,,,').records[0]!.value).toMatchObject({ name: 'Lima', emails: [], company: null, title: null, linkedin_url: null, met_on: null });
    expect(row('Ana,,,,,,').records[0]!.value.name).toBe('Ana');
  });

  it('a row with an address but no name is not named by it: each row is one connection, known by name', () => {
    expect(row(',,,ana@x.example,Acme,,\r\nBo,Li,,,,,')).toEqual({
      records: [{ where: 'line 3', value: expect.objectContaining({ name: 'Bo Li' }) }], problems: [{ where: 'line 2', why: 'no name' }],
    });
  });

  it('a connection date not understood is said, with the name of the field', () => {
    expect(row('Ana,Lima,,,,,last spring').problems).toEqual([{ where: 'line 2', why: 'connection date "last spring" not understood; kept the person without it' }]);
  });

  it('a file without the header says what was looked for', () => {
    expect(usage(() => parseLinkedIn('First Name,Last Name\r\nAna,Lima\r\n')).message)
      .toBe('no LinkedIn header (First Name, Last Name, ..., Connected On) in the first 20 rows');
  });

  it.each([
    ['First Name,Last Name,Connected On', true],
    [' first name , LAST NAME,connected on', true],
    ['First Name,Connected On', false],
    ['Last Name,Connected On', false],
    ['First Name,Last Name,Connected', false],
  ])('%s: a LinkedIn header? %s', (header, yes) => expect(isLinkedInHeader(header.split(','))).toBe(yes));
});
