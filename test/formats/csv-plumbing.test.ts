// The CSV plumbing every CSV importer shares, seen through what an import gives: headers found, cells
// read by name, names made one line, placeholder dates, and files that are not CSV at all.
import { describe, expect, it } from 'vitest';
import { dateField, eachRow, findTable, headerHas, joinName, splitMulti, unguard, uniq } from '../../src/formats/csv.js';
import { parseGoogle } from '../../src/formats/google.js';
import { parseMappedCsv } from '../../src/formats/csv.js';
import { emptyImported, type Problem } from '../../src/formats/types.js';
import { usage } from '../support.js';

describe('findTable', () => {
  const isHeader = (c: string[]) => headerHas(c, 'name');

  it('a header repeated under two names: get reads the first, getLast the last, columns() lists both', () => {
    const t = findTable('Name,Title,Title, E-mail 1 - Value \r\nAna,Ms,Engineer,a@x.example\r\n', isHeader, () => 'none');
    const row = t.rows[0]!;
    expect([t.get(row, 'title'), t.getLast(row, 'TITLE'), t.getLast(row, 'Name'), t.getLast(row, 'nope')]).toEqual(['Ms', 'Engineer', 'Ana', '']);
    expect(t.columns(/^e-mail \d+ - value$/i)).toEqual([' E-mail 1 - Value ']);
    expect([...t.used].sort()).toEqual([0, 1, 2, 3]);
  });

  it('a row shorter than the header reads as empty cells', () => {
    const t = findTable('Name,Email\r\nAna\r\n', isHeader, () => 'none');
    expect(t.get(t.rows[0]!, 'email')).toBe('');
  });

  it('the header row itself is not a row; a file with only a header has none', () => {
    expect(findTable('Name,Email\r\n', isHeader, () => 'none').rows).toEqual([]);
  });

  it('a file that no delimiter can read is not valid CSV', () => {
    expect(usage(() => findTable('"never closed\nName,Email\n', isHeader, () => 'none')).message).toMatch(/^not valid CSV: /);
  });

  it('no header: the message is made from the first 20 rows of the first delimiter that reads the file', () => {
    const text = Array.from({ length: 25 }, (_, i) => `row ${i};x`).join('\n');
    const seen: string[][] = [];
    usage(() => findTable(text, isHeader, (rows) => (seen.push(...rows.map((r) => r.cells)), 'none')));
    expect(seen).toHaveLength(20);
    expect(seen[0]).toEqual(['row 0;x']);
  });

  it('a file of blanks and a byte order mark is empty', () => {
    expect(usage(() => findTable('\uFEFF  \r\n\t\r\n', isHeader, () => 'none')).message).toBe('the file is empty');
  });

  it('headerHas compares trimmed, in any case', () => {
    expect(headerHas([' First Name ', 'LABELS'], 'first name', 'labels')).toBe(true);
    expect(headerHas(['First Name'], 'first name', 'labels')).toBe(false);
  });
});

describe('eachRow: names are made one line', () => {
  it.each([
    ['"Ana\nLima"', 'Ana Lima'],
    ['"Ana \r\n  Lima"', 'Ana Lima'],
    ['"Ana\tLima"', 'Ana Lima'],
    ['"Ana\n\n\tLima"', 'Ana Lima'],
    ['Ana  Lima', 'Ana  Lima'],
  ])('%j -> %j', (cell, name) => {
    expect(parseMappedCsv(`Name\r\n${cell}\r\n`, {}).records[0]!.value.name).toBe(name);
  });

  it('a row whose reader finds no name is a problem named by its line; the others are kept', () => {
    const t = findTable('Name\r\nAna\r\n\r\n\r\nBo\r\n', (c) => c.includes('Name'), () => 'none');
    const r = eachRow(t, (row) => (t.get(row, 'Name') === 'Ana' ? null : emptyImported(t.get(row, 'Name'))));
    expect(r).toEqual({ records: [{ where: 'line 5', value: expect.objectContaining({ name: 'Bo' }) }], problems: [{ where: 'line 2', why: 'no name' }] });
  });
});

describe('dateField: placeholders are no date', () => {
  const read = (s: string) => (/^\d{4}-\d{2}-\d{2}$/.test(s) ? s : null);
  it.each([
    ['0/0/00'], ['00/00/0000'], ['0.0.00'], ['0-0-0'], ['1/1/4501'], ['01/01/4501'], ['1.1.4501'], ['01-1-4501'], ['  '],
  ])('%j', (raw) => {
    const problems: Problem[] = [];
    expect(dateField(raw, 'birthday', 'line 2', problems, read)).toBeNull();
    expect(problems).toEqual([]);
  });

  it.each([['0/0/1990'], ['1/1/4502'], ['11/1/4501'], ['1/1/4501 x'], ['x0/0/00']])('%j is a date not understood', (raw) => {
    const problems: Problem[] = [];
    expect(dateField(raw, 'birthday', 'line 2', problems, read)).toBeNull();
    expect(problems).toEqual([{ where: 'line 2', why: `birthday "${raw}" not understood; kept the person without it` }]);
  });
});

describe('cells', () => {
  it.each([
    ["'=1+1", '=1+1'], ["'+34 600", '+34 600'], ["'-5", '-5'], ["'@ana", '@ana'], ["'\tx", '\tx'], ["'\rx", '\rx'],
    ["'a", "'a"], ["''=x", "''=x"], ['=x', '=x'], ["x'=", "x'="],
  ])('unguard(%j) = %j', (cell, out) => expect(unguard(cell)).toBe(out));

  it('splitMulti by default splits at " ::: ", ";" and ",", with blanks around', () => {
    expect(splitMulti('a :::b;  c ,d:::e')).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(splitMulti('a;b', /,/)).toEqual(['a;b']);
  });

  it('uniq drops a later repeat in another case, keeps distinct values in order', () => {
    expect(uniq(['b', 'A', 'a', 'B', 'c'])).toEqual(['b', 'A', 'c']);
  });

  it('joinName trims the parts and leaves blanks out', () => {
    expect(joinName(' Ana ', '', '  ', 'Lima ')).toBe('Ana Lima');
    expect(joinName('', ' ')).toBe('');
  });
});

describe('a Google file that is not CSV', () => {
  it('an unclosed quote everywhere is a UsageError saying so', () => {
    expect(usage(() => parseGoogle('"First Name,Labels\nAna,x\n')).message).toMatch(/^not valid CSV: /);
  });
});
