// rel's own CSV read back (rel import of a file rel export wrote): every column, what is refused, and how
// the file is told from any other CSV.
import { describe, expect, it } from 'vitest';
import { isRelCsv, parseRelCsv } from '../../src/formats/csv-rel.js';
import { usage } from '../support.js';

const HEADER = 'id,name,emails,phones,company,title,tags,birthday,every_days,last_touch,next_due,gives,asks';
const file = (...rows: string[]) => `${HEADER}\r\n${rows.join('\r\n')}\r\n`;

describe('parseRelCsv', () => {
  it('every column of a row rel wrote', () => {
    expect(parseRelCsv(file('p7,Ana Lima,a@x.example; b@x.example,"+1 555 0100, ext. 2; +1 555 0101",Acme,CTO,work; climbing,--03-14,30,2026-02-01,2026-03-03,2,1'))).toEqual({
      records: [{
        where: 'line 2', id: 'p7',
        value: {
          name: 'Ana Lima', emails: ['a@x.example', 'b@x.example'], phones: ['+1 555 0100, ext. 2', '+1 555 0101'], company: 'Acme', title: 'CTO',
          tags: ['work', 'climbing'], birthday: '--03-14', every_days: 30, last_touch: '2026-02-01',
          met: null, met_on: null, notes: [], linkedin_url: null,
        },
      }],
      problems: [],
    });
  });

  it('empty cells are none; a guarded cell is read unguarded', () => {
    expect(parseRelCsv(file("p1,'=Ana,,,,'+Chief,,,,,,0,0")).records[0]!.value).toMatchObject({
      name: '=Ana', emails: [], phones: [], company: null, title: '+Chief', tags: [], birthday: null, every_days: null, last_touch: null,
    });
  });

  it('the same address or tag twice comes once', () => {
    expect(parseRelCsv(file('p1,Ana,a@x.example; A@X.example,,,,work; Work,,,,,0,0')).records[0]!.value).toMatchObject({ emails: ['a@x.example'], tags: ['work'] });
  });

  it.each([
    ['birthday', 'p1,Ana,,,,,,3/4/1990,,,,0,0', 'birthday "3/4/1990"', { birthday: null }],
    ['every_days 0', 'p1,Ana,,,,,,,0,,,0,0', 'every_days "0"', { every_days: null }],
    ['every_days over 100 years', 'p1,Ana,,,,,,,36501,,,0,0', 'every_days "36501"', { every_days: null }],
    ['every_days in words', 'p1,Ana,,,,,,,2 weeks,,,0,0', 'every_days "2 weeks"', { every_days: null }],
    ['last_touch', 'p1,Ana,,,,,,,,yesterday,,0,0', 'last_touch "yesterday"', { last_touch: null }],
  ])('a %s not understood is said, and the person kept', (_what, row, said, fields) => {
    const r = parseRelCsv(file(row));
    expect(r.records).toEqual([{ where: 'line 2', id: 'p1', value: expect.objectContaining({ name: 'Ana', ...fields }) }]);
    expect(r.problems).toEqual([{ where: 'line 2', why: `${said} not understood; kept the person without it` }]);
  });

  it('every_days at the edges: 1 and 36500', () => {
    expect(parseRelCsv(file('p1,Ana,,,,,,,1,,,0,0', 'p2,Bo,,,,,,,36500,,,0,0')).records.map((r) => r.value.every_days)).toEqual([1, 36500]);
  });

  it('an id that is not one is said, and the person comes in as new; no id is a new person too', () => {
    const r = parseRelCsv(file('has space,Ana,,,,,,,,,,0,0', ',Bo,,,,,,,,,,0,0', `${'a'.repeat(64)},Cy,,,,,,,,,,0,0`));
    expect(r.records.map((x) => [x.value.name, x.id])).toEqual([['Ana', undefined], ['Bo', undefined], ['Cy', 'a'.repeat(64)]]);
    expect(r.problems).toEqual([{ where: 'line 2', why: 'id "has space" not understood; kept the person without it' }]);
  });

  it('a row without a name is skipped', () => {
    expect(parseRelCsv(file('p1,,a@x.example,,,,,,,,,0,0', 'p2,Bo,,,,,,,,,,0,0'))).toEqual({
      records: [{ where: 'line 3', id: 'p2', value: expect.objectContaining({ name: 'Bo' }) }], problems: [{ where: 'line 2', why: 'no name' }],
    });
  });

  it('next_due, gives and asks are derived: read past, never reported as columns nobody read', () => {
    expect(parseRelCsv(file('p1,Ana,,,,,,,,,2026-03-03,5,7')).problems).toEqual([]);
  });

  it('a file without rel\'s header is refused, naming the header', () => {
    expect(usage(() => parseRelCsv('name,email\r\nAna,a@x.example\r\n')).message).toBe(`no rel CSV header (${HEADER})`);
  });
});

describe('isRelCsv: the first line is rel\'s header, exactly', () => {
  it.each([
    [`${HEADER}\r\n`, true],
    [`\uFEFF${HEADER}\nx`, true],
    [HEADER, true],
    [`${HEADER.replace('name', ' name ')}\r\n`, true],
    [`${HEADER},extra\r\n`, false],
    [`${HEADER.replace('emails,phones', 'phones,emails')}\r\n`, false],
    [`${HEADER.replace(',asks', '')}\r\n`, false],
    [`Exported by rel\r\n${HEADER}\r\n`, false],
    [`${HEADER.replace('id', 'ID')}\r\n`, false],
    ['', false],
  ])('%j: %s', (text, yes) => expect(isRelCsv(text)).toBe(yes));
});
