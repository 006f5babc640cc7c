import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { isThunderbirdHeader, parseThunderbird } from '../../src/formats/thunderbird.js';

const fixture = (name: string): string => readFileSync(new URL(`../fixtures/csv/${name}`, import.meta.url), 'utf8');
const blank = { met: null, met_on: null, linkedin_url: null, every_days: null, last_touch: null };

describe('parseThunderbird, English export (comma, each line ending in a comma)', () => {
  // Read before each test, not while the file is collected: under npm run mutate the code of a describe
  // body never runs the mutant (test/mutate-setup.ts), so a read here let the reader's mutants survive.
  let records: ReturnType<typeof parseThunderbird>['records'];
  let problems: ReturnType<typeof parseThunderbird>['problems'];
  beforeEach(() => ({ records, problems } = parseThunderbird(fixture('thunderbird.csv'))));

  it('reads a full contact: both e-mails, mobile first, organisation, job title, the birthday from three cells, notes', () => {
    expect(records[0]).toEqual({
      where: 'line 2',
      value: {
        ...blank, name: 'Tomás Ferreira', emails: ['tomas@example.pt', 'tf@work.example'],
        phones: ['+351 910 000 001', '+351 21 000 0002', '+351 21 000 0003'], company: 'Guitarras Lda', title: 'Luthier',
        tags: [], birthday: '1988-07-21', notes: ['Plays fado on Thursdays'],
      },
    });
  });

  it('a birthday without a year is yearless, month and day padded', () => {
    expect(records[1]).toEqual({
      where: 'line 3',
      value: { ...blank, name: 'Mei Lin', emails: ['mei@example.com'], phones: [], company: null, title: null, tags: [], birthday: '--11-05', notes: [] },
    });
  });

  it('reports the Custom 1 column that holds addresses rel does not read', () => {
    expect(problems).toEqual([
      { where: 'column "Custom 1"', why: 'looks like emails but no field takes it; --map email="Custom 1" (with the name columns) would import it' },
    ]);
  });
});

describe('parseThunderbird, German export (semicolon)', () => {
  it('reads the German columns: a 29 February birthday, Organisation, Arbeitstitel, Notizen', () => {
    expect(parseThunderbird(fixture('thunderbird-semicolon.csv'))).toEqual({
      records: [{
        where: 'line 2',
        value: {
          ...blank, name: 'Ines Brandt', emails: ['ines@example.de'], phones: ['+49 160 0000001'], company: 'Stadtwerke Köln',
          title: 'Ingenieurin', tags: [], birthday: '1980-02-29', notes: ['Kennt sich mit Solar aus'],
        },
      }],
      problems: [],
    });
  });

  it('reads the German work and home phones after the mobile, and the secondary e-mail', () => {
    const text = 'Vorname;Nachname;Anzeigename;Spitzname;Primäre E-Mail-Adresse;Sekundäre E-Mail-Adresse;Tel. dienstlich;Tel. privat;Mobil-Tel.-Nr.\r\n' +
      ';;;Ines;;ines@privat.example;+49 221 01;+49 221 02;+49 160 03\r\n';
    expect(parseThunderbird(text).records[0]!.value).toMatchObject({
      name: 'Ines', emails: ['ines@privat.example'], phones: ['+49 160 03', '+49 221 01', '+49 221 02'],
    });
  });
});

const EN = 'First Name,Last Name,Display Name,Nickname,Primary Email,Secondary Email,Work Phone,Home Phone,Mobile Number,Job Title,Organization,Organisation,Birth Year,Birth Month,Birth Day,Notes';
const row = (cells: Partial<Record<string, string>>): string => {
  const header = EN.split(',');
  return `${EN}\r\n${header.map((h) => cells[h] ?? '').join(',')}\r\n`;
};

describe('parseThunderbird: which cell gives what', () => {
  it.each([
    [{ 'First Name': 'Ana', 'Last Name': 'Cruz', 'Display Name': 'Ana C.' }, 'Ana C.'],
    [{ 'First Name': 'Ana', 'Last Name': 'Cruz', Nickname: 'Bibi' }, 'Ana Cruz'],
    [{ 'Last Name': 'Cruz' }, 'Cruz'],
    [{ Nickname: 'Bibi' }, 'Bibi'],
  ])('%j is named %j', (cells, name) => {
    expect(parseThunderbird(row(cells)).records[0]!.value.name).toBe(name);
  });

  it('a contact with only a secondary e-mail is named by it, and the problem says so', () => {
    expect(parseThunderbird(row({ 'Secondary Email': 'x@example.com', 'Home Phone': '+1 555 0100' }))).toEqual({
      records: [{ where: 'line 2', value: expect.objectContaining({ name: 'x@example.com', emails: ['x@example.com'], phones: ['+1 555 0100'] }) }],
      problems: [{ where: 'line 2', why: 'no name; named by its email' }],
    });
  });

  it('a row with nothing to name it by is skipped as "no name"', () => {
    expect(parseThunderbird(row({ 'Job Title': 'Luthier' }))).toEqual({ records: [], problems: [{ where: 'line 2', why: 'no name' }] });
  });

  it('the same address twice (in two cases) and the same phone twice come once', () => {
    const v = parseThunderbird(row({ 'Display Name': 'Ana', 'Primary Email': 'Ana@X.example', 'Secondary Email': 'ana@x.example',
      'Work Phone': '+1 555 0100', 'Mobile Number': '+1 555 0100' })).records[0]!.value;
    expect(v).toMatchObject({ emails: ['Ana@X.example'], phones: ['+1 555 0100'] });
  });

  it('a UK build writes Organisation', () => {
    expect(parseThunderbird(row({ 'Display Name': 'Ana', Organisation: 'Acme Ltd' })).records[0]!.value.company).toBe('Acme Ltd');
  });

  it('no birthday when month and day are empty, even with a year', () => {
    expect(parseThunderbird(row({ 'Display Name': 'Ana', 'Birth Year': '1990' }))).toMatchObject({
      records: [{ value: { birthday: null } }], problems: [],
    });
  });

  it.each([
    [{ 'Birth Month': '3' }, null, 'birthday "--03-00" not understood'],
    [{ 'Birth Day': '9' }, null, 'birthday "--00-09" not understood'],
    [{ 'Birth Year': '1990', 'Birth Month': '2', 'Birth Day': '30' }, null, 'birthday "1990-02-30" not understood'],
    [{ 'Birth Month': '2', 'Birth Day': '9' }, '--02-09', null],
    [{ 'Birth Year': '1990', 'Birth Month': '12', 'Birth Day': '31' }, '1990-12-31', null],
  ])('birth cells %j: %j', (cells, birthday, why) => {
    const r = parseThunderbird(row({ 'Display Name': 'Ana', ...cells }));
    expect(r.records[0]!.value.birthday).toBe(birthday);
    expect(r.problems).toEqual(why === null ? [] : [{
      where: 'line 2', why: `${why}; kept the person without it`.replace('birthday', 'birthday (Birth Year, Birth Month, Birth Day)'),
    }]);
  });
});

describe('isThunderbirdHeader', () => {
  it.each([
    [EN, true],
    ['Vorname;Nachname;Anzeigename;Primäre E-Mail-Adresse;Sekundäre E-Mail-Adresse', true],
    ['display name,primary email,secondary email', true],
    ['First Name,Last Name,Display Name,Primary Email', false],
    ['First Name,Last Name,Primary Email,Secondary Email', false],
    ['Display Name,Secondary Email', false],
    ['First Name,Middle Name,Last Name,E-mail Address', false],
  ])('%s: %s', (header, yes) => {
    expect(isThunderbirdHeader(header.split(/[,;]/))).toBe(yes);
  });

  it('a file without that header is refused with what was expected', () => {
    expect(() => parseThunderbird(fixture('outlook.csv'))).toThrow(UsageError);
    expect(() => parseThunderbird(fixture('outlook.csv'))).toThrow(/no Thunderbird header \(First Name, Last Name, Display Name, \.\.\. Primary Email, Secondary Email\)/);
  });
});
