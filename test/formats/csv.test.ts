import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import {
  dateField, findTable, readBirthday, readDay, parseMap, parseMappedCsv, readRows, splitMulti, uniq,
} from '../../src/formats/csv.js';
import { CSV_HEADER, writeCsv } from '../../src/formats/csv-rel.js';
import { detector } from '../../src/formats/detect.js';
import type { ExportPerson, Problem } from '../../src/formats/types.js';

const detect = await detector();
/** The name of the format told from `text`, or null. */
const detectFormat = (text: string) => detect(text)?.name ?? null;

const fixture = (name: string): string => readFileSync(new URL(`../fixtures/csv/${name}`, import.meta.url), 'utf8');

describe('readRows', () => {
  it('gives the physical line where each record starts, across quoted newlines, blank lines and CRLF', () => {
    const text = '\uFEFFa,b\r\n1,"x\r\ny\r\nz"\r\n\r\n2,3\n"4","line ""one""\nline two"\n5';
    expect(readRows(text)).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['1', 'x\ny\nz'] },
      { line: 6, cells: ['2', '3'] },
      { line: 7, cells: ['4', 'line "one"\nline two'] },
      { line: 9, cells: ['5'] },
    ]);
  });

  it('tolerates stray quotes inside unquoted fields', () => {
    expect(readRows('a,b\n1,5" screen\n').map((r) => r.cells)).toEqual([['a', 'b'], ['1', '5" screen']]);
  });

  it('turns an unclosed quote into a UsageError', () => {
    expect(() => readRows('a,b\n1,"never closed\n2,3\n')).toThrow(UsageError);
  });
});

describe('findTable', () => {
  const isHeader = (c: string[]) => c.includes('Name');
  it('skips a preamble and reads cells by header name, case-insensitively and trimmed', () => {
    const u = findTable('Exported by X\n\nId,Name,Mail\n1, Ana ,a@x.example\n', isHeader, () => 'none');
    expect(u.rows).toHaveLength(1);
    expect(u.get(u.rows[0]!, 'NAME')).toBe('Ana');
    expect(u.get(u.rows[0]!, 'missing')).toBe('');
    expect(u.rows[0]!.line).toBe(4);
  });

  it('tries ; and tab when , finds no header', () => {
    const t = findTable('Id;Name;Mail\n1;Ana;a@x.example\n', isHeader, () => 'none');
    expect(t.get(t.rows[0]!, 'Mail')).toBe('a@x.example');
    const tab = findTable('Id\tName\n1\tBen\n', isHeader, () => 'none');
    expect(tab.get(tab.rows[0]!, 'name')).toBe('Ben');
  });

  it('throws UsageError for a missing header and for an empty file', () => {
    expect(() => findTable('a,b\n1,2\n', isHeader, () => 'no header here')).toThrow(/no header here/);
    expect(() => findTable('\uFEFF \n', isHeader, () => 'x')).toThrow(/the file is empty/);
  });
});

describe('splitMulti and uniq', () => {
  it.each([
    ['a@x; b@x', ['a@x', 'b@x']],
    ['a@x,b@x', ['a@x', 'b@x']],
    ['a@x ::: b@x', ['a@x', 'b@x']],
    [' ; , ', []],
    ['', []],
  ])('splitMulti(%j)', (input, out) => expect(splitMulti(input)).toEqual(out));

  it('uniq keeps the first spelling', () => expect(uniq(['A@x', 'a@X', 'b'])).toEqual(['A@x', 'b']));
});

describe('dates', () => {
  it.each([
    ['2024-03-12', 'us', '2024-03-12'],
    ['12 Mar 2024', 'us', '2024-03-12'],
    ['01 Jan 2023', 'us', '2023-01-01'],
    ['7 September 2020', 'us', '2020-09-07'],
    ['Mar 12, 2024', 'us', '2024-03-12'],
    ['1/8/18, 6:14 PM', 'us', '2018-01-08'],
    ['1/8/2018', 'us', '2018-01-08'],
    ['12/31/17, 11:59 PM', 'us', '2017-12-31'],
    ['31/12/2017', 'us', '2017-12-31'],
    ['3/4/2020', 'strict', null],
    ['3/3/2020', 'strict', '2020-03-03'],
    ['13/4/2020', 'strict', '2020-04-13'],
    ['14.03.1990', 'strict', '1990-03-14'],
    ['1/1/70', 'us', '1970-01-01'],
    ['2024-02-30', 'us', null],
    ['2023-02-29', 'us', null],
    ['2024-02-29', 'us', '2024-02-29'],
    ['12 Foo 2024', 'us', null],
    ['sometime', 'us', null],
  ] as const)('readDay(%j, %s) = %j', (input, slash, out) => expect(readDay(input, slash)).toBe(out));

  it.each([
    ['1990-03-14', 'strict', '1990-03-14'],
    ['--03-14', 'strict', '--03-14'],
    ['--0229', 'strict', '--02-29'],
    ['--02-30', 'strict', null],
    ['1604-03-14', 'strict', '--03-14'],
    ['0000-03-14', 'strict', '--03-14'],
    ['1850-01-01', 'strict', '--01-01'],
    ['1/15/1990', 'us', '1990-01-15'],
    ['1/15/90', 'us', '--01-15'],
    ['3/4/1990', 'strict', null],
    ['3/4/1990', 'us', '1990-03-04'],
    ['May', 'us', null],
  ] as const)('readBirthday(%j, %s) = %j', (input, slash, out) => expect(readBirthday(input, slash)).toBe(out));
});

describe('dateField', () => {
  it('treats empty, 0/0/00 and 1/1/4501 as no date, and reports what it cannot read', () => {
    const problems: Problem[] = [];
    const read = (s: string) => readDay(s, 'us');
    expect(['', ' 0/0/00 ', '0/0/0000', '1/1/4501', '2024-01-02', 'soon'].map((s) => dateField(s, 'met', 'line 3', problems, read)))
      .toEqual([null, null, null, null, '2024-01-02', null]);
    expect(problems).toEqual([{ where: 'line 3', why: 'met "soon" not understood; kept the person without it' }]);
  });
});

describe('parseMap', () => {
  it('reads FIELD=COLUMN pairs, with quoted column names', () => {
    expect(parseMap('name=Full Name, email = Mail,phone="Phone, mobile",note="Say ""hi"""')).toEqual({
      name: 'Full Name', email: 'Mail', phone: 'Phone, mobile', note: 'Say "hi"',
    });
    expect(parseMap('NAME=a=b')).toEqual({ name: 'a=b' });
  });

  it.each([
    ['nick=Nickname', /unknown field "nick"; valid fields: name, first, last, email, phone, company, title, tags, birthday, note, met/],
    ['name', /expected FIELD=COLUMN/],
    ['name=', /expected FIELD=COLUMN/],
    ['name=A,name=B', /mapped twice/],
    ['name="A', /quote is not closed/],
  ])('%j is a UsageError', (spec, message) => {
    expect(() => parseMap(spec)).toThrow(UsageError);
    expect(() => parseMap(spec)).toThrow(message);
  });
});

describe('parseMappedCsv', () => {
  it('auto-maps a known header; quoted commas, accents, emoji and RTL names come back exactly', () => {
    const { records, problems } = parseMappedCsv(fixture('people.csv'), {});
    expect(records.map((r) => [r.where, r.value.name])).toEqual([
      ['line 2', 'Lima, Ana'],
      ['line 3', 'José Álvarez 😀'],
      ['line 4', 'נועה לוי'],
      ['line 5', 'مريم'],
    ]);
    expect(records[0]!.value).toMatchObject({
      emails: ['ana@example.com', 'ana@work.example'], phones: ['+55 11 0000 0001'], company: 'Acme, Inc.',
      tags: ['friends', 'climbing'], birthday: '1990-03-14', notes: ['Said "hi", then left'],
    });
    expect(records[1]!.value.birthday).toBe('--12-25');
    expect(records[2]!.value.birthday).toBeNull();
    expect(problems).toEqual([
      { where: 'line 4', why: 'birthday "3/4/1990" not understood; kept the person without it' },
      { where: 'line 6', why: 'no name' },
    ]);
  });

  it('follows --map, finds the header after a preamble, and reads dates into met_on', () => {
    const map = parseMap('first=Given,last=Surname,email=Mail,phone="Phone, mobile",company=Org,title=Role,tags=Groups,birthday=Born,met=How we met,note=Remarks');
    const { records, problems } = parseMappedCsv(fixture('mapped.csv'), map);
    expect(problems).toEqual([]);
    expect(records[0]).toEqual({
      where: 'line 5',
      value: {
        name: 'Ana Núñez', emails: ['ana@example.com', 'ana@work.example'], phones: ['+34 600 000 001'], company: 'Acme',
        title: 'Engineer', tags: ['a', 'b'], birthday: '1990-03-14', met: null, met_on: '2019-05-01', notes: ['Note one'],
        linkedin_url: null, every_days: null, last_touch: null,
      },
    });
    expect(records[1]!.value).toMatchObject({ name: 'Ben Osei', met: 'at a conference', met_on: null, notes: [] });
  });

  it('names a mapped column that is not in the header and lists the ones that are', () => {
    const run = () => parseMappedCsv(fixture('people.csv'), { name: 'Full Name', email: 'Mail' });
    expect(run).toThrow(UsageError);
    expect(run).toThrow('column "Mail" not in the header; the columns are: Full Name, Email, Phone, Company, Tags, Birthday, Notes');
  });

  it('needs a name in the map, and a recognisable header without one', () => {
    expect(() => parseMappedCsv(fixture('people.csv'), { email: 'Email' })).toThrow(/must say where the name is/);
    expect(() => parseMappedCsv(fixture('not-csv.txt'), {})).toThrow(UsageError);
    expect(() => parseMappedCsv(fixture('empty.csv'), {})).toThrow(/empty/);
  });
});

function person(over: Partial<ExportPerson>): ExportPerson {
  return {
    id: 'p1', name: 'Ana', emails: [], phones: [], company: null, title: null, tags: [], every_days: null, birthday: null,
    met: null, met_on: null, linkedin_url: null, snoozed_until: null, added_on: '2026-01-01', created_at: '2026-01-01T00:00:00Z',
    updated_at: '2026-01-01T00:00:00Z', facts: [], last_touch: null, next_due: null, gives: 0, asks: 0, ...over,
  };
}

describe('writeCsv', () => {
  it('writes the header and RFC 4180 records with CRLF and no BOM', () => {
    const out = writeCsv([
      person({
        id: 'a1', name: 'Lima, Ana', emails: ['a@x.example', 'b@x.example'], phones: ['+55 11 0000 0001'], company: 'Say "hi"',
        title: 'Line\nbreak', tags: ['t1', 't2'], birthday: '--03-14', every_days: 30, last_touch: '2026-02-01',
        next_due: '2026-03-03', gives: 2, asks: 1,
      }),
    ]);
    expect(out.charCodeAt(0)).not.toBe(0xfeff);
    expect(out.split('\r\n')).toEqual([
      CSV_HEADER.join(','),
      'a1,"Lima, Ana",a@x.example; b@x.example,+55 11 0000 0001,"Say ""hi""","Line\nbreak",t1; t2,--03-14,30,2026-02-01,2026-03-03,2,1',
      '',
    ]);
    expect(writeCsv([])).toBe(`${CSV_HEADER.join(',')}\r\n`);
  });

  it.each([
    ['=HYPERLINK("http://x.example")', '"\'=HYPERLINK(""http://x.example"")"'],
    ['+cmd', "'+cmd"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['-42', '-42'],
    ['+15550100', '+15550100'],
    ['+34 600 123 456', '+34 600 123 456'], // a phone number is written plain (item 11 of issue 12)
    ['+1 (555) 010-0199 ext. 12', '+1 (555) 010-0199 ext. 12'],
    ['+cmd 600', "'+cmd 600"],
    ['-1.5', '-1.5'],
    ['--12-25', '--12-25'],
    ['Ana', 'Ana'],
  ])('guards %j against formula injection as %s', (name, cell) => {
    expect(writeCsv([person({ name })])).toContain(`p1,${cell},`);
  });

  it('reads back through the CSV importer, guards undone', () => {
    const people = [
      person({ name: 'Zoë 🌻 Okafor', emails: ['z@x.example', 'z2@x.example'], phones: ['+1 555 0100'], tags: ['a', 'b'], birthday: '1990-01-02' }),
      person({ id: 'p2', name: '=Danger', company: 'Acme, Inc.', title: 'CTO' }),
      person({ id: 'p3', name: 'דנה כהן', birthday: '--07-04' }),
    ];
    const { records, problems } = parseMappedCsv(writeCsv(people), {});
    expect(problems).toEqual([]);
    expect(records.map((r) => r.value)).toMatchObject(
      people.map((p) => ({ name: p.name, emails: p.emails, phones: p.phones, company: p.company, title: p.title, tags: p.tags, birthday: p.birthday })),
    );
  });
});

describe('detectFormat', () => {
  it.each([
    ['linkedin-current.csv', 'linkedin'],
    ['linkedin-old.csv', 'linkedin'],
    ['google-new.csv', 'google'],
    ['google-old.csv', 'google'],
    ['outlook.csv', 'outlook'],
    ['people.csv', 'csv'],
    ['mapped.csv', 'csv'],
    ['not-csv.txt', null],
    ['empty.csv', null],
    ['binary.bin', null],
  ])('%s -> %s', (file, format) => expect(detectFormat(fixture(file))).toBe(format));

  it.each([
    ['\uFEFF\n\r\nbegin:vcard\r\nVERSION:3.0\r\nEND:VCARD\r\n', 'vcard'],
    ['BEGIN:VCARD\nVERSION:4.0\nEND:VCARD\n', 'vcard'],
    ['\uFEFF  [{"name":"Ana"}]', 'json'],
    ['{"people":[]}', 'json'],
    ['First Name;Middle Name;Last Name;E-mail Address\nAna;;Lima;a@x.example\n', 'outlook'],
    ['name,email\n', 'csv'],
    ['\uFEFF', null],
    ['   \n\n', null],
    ['a,"never closed\n', null],
    ['12,34\n56,78\n', null],
    ['hello\0world', null],
  ])('%j -> %s', (text, format) => expect(detectFormat(text)).toBe(format));
});

describe('parseMappedCsv, odd cells', () => {
  it('makes a multi-line name one line and ignores extra or missing cells', () => {
    const { records } = parseMappedCsv('Name,Email\n"Ana\nLima",a@x.example,extra\nBen\n', {});
    expect(records.map((r) => [r.where, r.value.name, r.value.emails])).toEqual([
      ['line 2', 'Ana Lima', ['a@x.example']],
      ['line 4', 'Ben', []],
    ]);
  });
});

describe('parseMappedCsv and Thunderbird: the structured name of first and last name columns', () => {
  it('keeps first and last as an N when they name the person and say more than rel would write', async () => {
    const n = (csv: string, map: Record<string, string> = {}) => parseMappedCsv(csv, map).records[0]!.value.vcard_n;
    expect(n('first,last,email\n太郎,山田,t@example.jp\n', { first: 'first', last: 'last' })).toBe('山田;太郎;;;');
    expect(n('first,last,email\nMaya,Chen,m@example.com\n', { first: 'first', last: 'last' })).toBeUndefined();
    expect(n('name,first,last\nBob Smith,Robert,Smith\n', { name: 'name', first: 'first', last: 'last' })).toBeUndefined();
    const { parseThunderbird } = await import('../../src/formats/thunderbird.js');
    const tb = (first: string, last: string, display: string) =>
      parseThunderbird(`First Name,Last Name,Display Name,Nickname,Primary Email,Secondary Email\n${first},${last},${display},,x@example.com,\n`)
        .records[0]!.value.vcard_n;
    expect(tb('Mary Ann', 'Smith', 'Mary Ann Smith')).toBe('Smith;Mary Ann;;;');
    expect(tb('Maya', 'Chen', 'Maya Chen')).toBeUndefined();
  });
});
