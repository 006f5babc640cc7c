/** Issue 12: real exports come in right (no silent loss, no wrong merge, no crash). */
import { beforeEach, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { relAt, useTempRel } from '../helpers.js';

export const fixture = (path: string) => fileURLToPath(new URL(`../fixtures/${path}`, import.meta.url));

const t = useTempRel({ now: '2026-03-01T09:00' });
let rel: ReturnType<typeof relAt>;
beforeEach(() => ({ rel } = t));

type Person = { id: string; name: string; emails: string[]; phones: string[]; tags: string[]; [k: string]: unknown };
async function everyone(): Promise<Person[]> {
  return (await rel(['export', '--format', 'json'])).json().people;
}
const byName = async (name: string) => (await everyone()).filter((p) => p.name === name);
const imp = async (...argv: string[]) => {
  const r = await rel(['import', ...argv, '--json']);
  expect(r.code, r.err).toBe(0);
  return r.json();
};

describe('item 3: very many unreadable records', () => {
  it('130,000 rows without a name: no crash; 20 problems on stderr and a count; all of them in --json', async () => {
    const f = join(t.dir, 'many.csv');
    writeFileSync(f, `Name,Email,Note\nAna Real,ana@example.com,\n${',,a note and no one\n'.repeat(130_000)}`);
    const human = await rel(['import', f, '--dry-run']);
    expect(human.code, human.err).toBe(0);
    const lines = human.err.trimEnd().split('\n');
    expect(lines).toHaveLength(21);
    expect(lines[0]).toBe('line 3: no name');
    expect(lines[20]).toMatch(/^\.\.\. and 129,980 more: 130,000 problems in .*many\.csv \(all of them with --json\)$/);
    const json = await imp(f, '--dry-run');
    expect(json.problems).toHaveLength(130_000);
    expect(json.added).toBe(1);
  }, 60_000);
});

describe('vCards as Gmail, iCloud, Fastmail and Android write them', () => {
  it('system groups ("myContacts", "My Contacts") are dropped on every path (item 10)', async () => {
    await imp(fixture('vcard/gmail-export.vcf'));
    await imp(fixture('vcard/android-base64.vcf'));
    expect((await everyone()).map((p) => [p.name, p.tags])).toEqual([
      ['+49 151 0000009', []], ['Jörg Müller', []], ['Manu', ['friends']], ['only.email@example.com', []],
    ]);
  });

  it('a group card is a tag on its members, never a person (item 4)', async () => {
    const v = await imp(fixture('vcard/icloud-groups.vcf'));
    expect(v).toMatchObject({ added: 2, problems: [] });
    expect((await everyone()).map((p) => [p.name, p.tags])).toEqual([['Bea Ferreira', ['book-club']], ['Tunde Adeyemi', ['book-club']]]);
  });
});

describe('a name alone never merges records that disagree (item 2)', () => {
  it('LinkedIn without URLs: three Kehinde Adekoya connections stay three people; reported as possible duplicates', async () => {
    const v = await imp(fixture('csv/linkedin-2019-no-url.csv'));
    expect(v).toMatchObject({ added: 4, merged: 0, skipped: 0 });
    const k = await byName('Kehinde Adekoya');
    expect(k.map((p) => [p.company, p.met_on])).toEqual(expect.arrayContaining([
      ['Lagos Fintech Ltd', '2019-02-14'], ['Abuja Health Systems', '2019-03-02'], ['Ibadan Agro Co-op', '2019-11-21'],
    ]));
    expect(k).toHaveLength(3);
    expect(v.possible_duplicates).toHaveLength(2);
    expect(v.possible_duplicates[0]).toMatchObject({ where: 'line 3', name: 'Kehinde Adekoya' });
    expect(v.possible_duplicates[1].same_name_as).toHaveLength(2);
    const human = await rel(['import', fixture('csv/linkedin-2019-no-url.csv'), '--dry-run']);
    expect(human.out).toMatch(/skip 4 \(4 already up to date\)/);
    expect((await imp(fixture('csv/linkedin-2019-no-url.csv'))).added).toBe(0);
  });

  it('Google rows "Manu" with two different phones stay two people; the summary names the possible duplicate', async () => {
    const r = await rel(['import', fixture('csv/google-two-manus.csv')]);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/^Added 2, merged 0, skipped 0\.\n1 possible duplicate \(same name, other details\); to join two: rel merge WHO PERSON\n  Manu, line 3 \([0-9a-f]{8}\) ~ Manu, line 2 \([0-9a-f]{8}\)\n$/);
    expect((await byName('Manu')).map((p) => p.phones)).toEqual(expect.arrayContaining([['+49 151 1111111'], ['+34 600 222 222']]));
  });

  it('a record that agrees with one of several same-name people merges into that one', async () => {
    await imp(fixture('csv/linkedin-2019-no-url.csv'));
    const f = join(t.dir, 'crm.csv');
    writeFileSync(f, 'Name,Company,Phone\nKehinde Adekoya,abuja health systems,+234 800 000 0300\n');
    const v = await imp(f);
    expect(v).toMatchObject({ added: 0, merged: 1, possible_duplicates: [] });
    expect((await byName('Kehinde Adekoya')).find((p) => p.phones.length > 0)).toMatchObject({ company: 'Abuja Health Systems' });
  });
});

describe('Thunderbird CSV (item 1)', () => {
  it.each(['csv/thunderbird.csv', 'csv/thunderbird-semicolon.csv'])('%s: emails, phones and birthdays come in', async (file) => {
    const v = await imp(fixture(file));
    expect(v.format).toBe('thunderbird');
    if (file.endsWith('semicolon.csv')) {
      expect(await byName('Ines Brandt')).toMatchObject([{
        emails: ['ines@example.de'], phones: ['+49 160 0000001'], birthday: '1980-02-29', company: 'Stadtwerke Köln', title: 'Ingenieurin',
      }]);
      return;
    }
    expect(await byName('Tomás Ferreira')).toMatchObject([{
      emails: ['tomas@example.pt', 'tf@work.example'], phones: ['+351 910 000 001', '+351 21 000 0002', '+351 21 000 0003'],
      company: 'Guitarras Lda', title: 'Luthier', birthday: '1988-07-21',
    }]);
    expect(await byName('Mei Lin')).toMatchObject([{ emails: ['mei@example.com'], birthday: '--11-05' }]);
    // Custom 1 holds an address Thunderbird has no field for: reported, with the --map that takes it.
    expect(v.problems).toEqual([{ where: 'column "Custom 1"', why: 'looks like emails but no field takes it; --map email="Custom 1" (with the name columns) would import it' }]);
  });
});

describe('any CSV: a column not used whose values look like emails, phones or dates is a problem (item 1)', () => {
  it('names the column and the --map that would take it', async () => {
    const f = join(t.dir, 'crm.csv');
    writeFileSync(f, 'Name,Courriel,Handy,Geburtstag,Hobby\nAna,ana@example.com,+49 170 1234567,1990-03-14,chess\nBen,,0170 7654321,,\n');
    const v = await imp(f);
    expect(v.problems).toEqual([
      { where: 'column "Courriel"', why: 'looks like emails but no field takes it; --map email="Courriel" (with the name columns) would import it' },
      { where: 'column "Handy"', why: 'looks like phones but no field takes it; --map phone="Handy" (with the name columns) would import it' },
      { where: 'column "Geburtstag"', why: 'looks like dates but no field takes it; --map birthday="Geburtstag" (with the name columns) would import it' },
    ]);
  });
});

describe('Outlook CSV in other languages (item 8)', () => {
  it.each([
    ['outlook-de.csv', 'Jürgen Weiß', { emails: ['juergen.weiss@example.de'], phones: ['+49 171 0000001', '+49 89 0000002'], company: 'Müller & Söhne GmbH', title: 'Einkaufsleiter', birthday: '1975-12-24', tags: ['kunden', 'messe'] }, ['Trinkt keinen Kaffee.\nFragt nach dem Hund.']],
    ['outlook-fr-utf16-nobom.csv', 'Hélène Lefèvre', { emails: ['helene.lefevre@example.fr'], phones: ['+33 6 00 00 00 01'], company: 'Crédit Agricole', title: 'Directrice financière', birthday: '1980-02-03', tags: ['clients'] }, ['Préfère le thé.']],
    ['outlook-es.csv', 'Lucía Fernández García', { emails: ['lucia@example.es'], phones: ['+34 600 000 001'], company: 'Telefónica', title: 'Ingeniera', birthday: '1985-02-03', tags: ['trabajo'] }, ['Conocida en el congreso.']],
    ['outlook-it-excel-unicode.txt', 'Giulia Bianchi', { emails: ['giulia@example.it'], birthday: '1985-02-03', tags: ['lavoro'] }, ['Ama il jazz.']],
    ['outlook-it.csv', 'Giulia Bianchi', { emails: ['giulia@example.it'], phones: ['+39 333 000 0001'], company: 'Ferrovie Nord', title: 'Architetta', birthday: '1985-02-03', tags: ['lavoro'] }, ['Ama il jazz.']],
    ['outlook-pt.csv', 'João Gonçalves', { emails: ['joao@example.com.br'], phones: ['+55 21 90000 0001'], company: 'Petrobras', title: 'Geólogo', birthday: '1985-02-03', tags: ['trabalho'] }, ['Torce pelo Flamengo.']],
    ['outlook-nl.csv', 'Sanne de Vries', { emails: ['sanne@example.nl'], phones: ['+31 6 00000001'], company: 'Rijkswaterstaat', title: 'Projectleider', birthday: '1985-02-03', tags: ['werk'] }, ['Fietst naar kantoor.']],
  ])('%s', async (file, name, fields, facts) => {
    const v = await imp(fixture(`csv/${file}`));
    expect(v.format).toBe('outlook');
    const [p] = await byName(name as string);
    expect(p).toMatchObject(fields as object);
    expect((p!.facts as { text: string }[]).map((f) => f.text)).toEqual(facts);
  });
});

describe('small things (item 11)', () => {
  it('a company or title with a TAB (or a line break) is cleaned, not dropped', async () => {
    const f = join(t.dir, 'tabs.csv');
    writeFileSync(f, 'Name,Company,Title\nAna Lima,"Acme\tInc.","Head of\r\nSales"\n');
    const v = await imp(f);
    expect(v.problems).toEqual([]);
    expect(await byName('Ana Lima')).toMatchObject([{ company: 'Acme Inc.', title: 'Head of Sales' }]);
  });

  it('UTF-16LE without a BOM is read; a binary file is still refused', async () => {
    const f = join(t.dir, 'nobom.csv');
    writeFileSync(f, Buffer.from('Name,Email\r\nZoë Ångström,zoe@example.com\r\n', 'utf16le'));
    expect((await imp(f)).added).toBe(1);
    expect((await everyone())[0]!.name).toBe('Zoë Ångström');
    const bin = join(t.dir, 'x.bin');
    writeFileSync(bin, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0]));
    expect((await rel(['import', bin])).err).toMatch(/binary file/);
  });
});

describe('Thunderbird birthdays', () => {
  it('a day that does not exist is a problem; the person is kept', async () => {
    const f = join(t.dir, 'tb.csv');
    const header = 'First Name,Last Name,Display Name,Nickname,Primary Email,Secondary Email,Screen Name,Work Phone,Home Phone,Fax Number,Pager Number,Mobile Number,Home Address,Home Address 2,Home City,Home State,Home ZipCode,Home Country,Work Address,Work Address 2,Work City,Work State,Work ZipCode,Work Country,Job Title,Department,Organization,Web Page 1,Web Page 2,Birth Year,Birth Month,Birth Day,Custom 1,Custom 2,Custom 3,Custom 4,Notes,';
    writeFileSync(f, `${header}\r\nAna,Lima,Ana Lima,,,,,,,,,,,,,,,,,,,,,,,,,,,1979,2,29,,,,,,\r\n`);
    const v = await imp(f);
    expect(v.problems).toEqual([{ where: 'line 2', why: 'birthday (Birth Year, Birth Month, Birth Day) "1979-02-29" not understood; kept the person without it' }]);
    expect(await byName('Ana Lima')).toMatchObject([{ birthday: null }]);
  });
});

describe('each LinkedIn row is a connection of its own', () => {
  it('two rows with the same name and nothing to tell them apart are two people, reported; again: nothing changes', async () => {
    const f = join(t.dir, 'Connections.csv');
    writeFileSync(f, 'First Name,Last Name,Email Address,Company,Position,Connected On\r\nAna,Silva,,,,12 Mar 2024\r\nAna,Silva,,,,12 Mar 2024\r\n');
    const v = await imp(f);
    expect(v).toMatchObject({ added: 2, merged: 0 });
    expect(v.possible_duplicates).toHaveLength(1);
    expect(await byName('Ana Silva')).toHaveLength(2);
    const again = await imp(f);
    expect(again).toMatchObject({ added: 0, merged: 0 });
    expect(await byName('Ana Silva')).toHaveLength(2);
  });
});

describe('no name: named by the email, else the phone, the same in every format (item 6)', () => {
  it('Google, Outlook, Thunderbird and any CSV say so, as a vCard does', async () => {
    const f = join(t.dir, 'crm.csv');
    writeFileSync(f, 'Name,Email,Phone\n,only@example.com,\n,,+44 20 7946 0000\n');
    const v = await imp(f);
    expect(v.problems).toEqual([
      { where: 'line 2', why: 'no name; named by its email' },
      { where: 'line 3', why: 'no name; named by its phone' },
    ]);
    expect((await everyone()).map((p) => p.name)).toEqual(['+44 20 7946 0000', 'only@example.com']);
  });
});
