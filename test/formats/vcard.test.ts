import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MUTATING } from '../support.js';
import type { ExportPerson, ImportedPerson } from '../../src/formats/types.js';
import { normaliseBirthday, parseVcards } from '../../src/formats/vcard.js';
import { writeVcards } from '../../src/formats/vcard-write.js';

const shared = new URL('../fixtures/vcard/node-vcf/', import.meta.url);
const own = new URL('../fixtures/vcard/', import.meta.url);
const read = (dir: URL, name: string): string => readFileSync(new URL(name, dir), 'utf8');

/** The one person of `text`, read without a problem (besides the properties rel has no field for). */
function only(text: string): ImportedPerson {
  const { records, problems } = parseVcards(text);
  expect(problems.filter((p) => !(p.where === 'file' && p.why.startsWith('not imported')))).toEqual([]);
  expect(records).toHaveLength(1);
  return records[0]!.value;
}

const card = (...lines: string[]): string => ['BEGIN:VCARD', 'VERSION:3.0', ...lines, 'END:VCARD', ''].join('\r\n');

describe('parseVcards: node-vcf fixtures (MIT, written by others)', () => {
  it('reads a 3.0 card with blank lines inside', () => {
    const p = only(read(shared, 'empty-lines.vcf'));
    expect(p).toMatchObject({
      name: 'Dr. Erika Mustermann',
      company: 'Wikimedia',
      title: 'Redaktion & Gestaltung',
      emails: ['erika@mustermann.de'],
      phones: ['+49 221 9999123', '+49 221 1234567'],
      linkedin_url: null,
    });
  });

  it('reads 4.0, 2.1 and 3.0 cards mixed in one file', () => {
    const { records, problems } = parseVcards(read(shared, 'multiple.vcf'));
    expect(problems).toEqual([
      { where: 'file', why: 'not imported, rel has no field for them: ROLE (in 3 cards), PHOTO (in 3 cards), ADR (in 2 cards), URL (in 1 card)' },
    ]);
    expect(records.map((r) => r.where)).toEqual(['card 1 (line 1)', 'card 2 (line 16)', 'card 3 (line 30)']);
    expect(records.map((r) => r.value.phones)).toEqual([
      ['+49-221-9999123', '+49-221-1234567'],
      ['(0221) 9999123', '(0221) 1234567'],
      ['+49 221 9999123', '+49 221 1234567'],
    ]);
    for (const r of records) expect(r.value).toMatchObject({ name: 'Dr. Erika Mustermann', company: 'Wikimedia' });
  });

  it.each(['vcard-2.1.vcf', 'vcard-3.0.vcf', 'vcard-4.0.vcf'])('reads %s', (file) => {
    const p = only(read(shared, file));
    expect(p).toMatchObject({
      name: 'Forrest Gump',
      company: 'Bubba Gump Shrimp Co.',
      title: 'Shrimp Man',
      emails: ['forrestgump@example.com'],
    });
    expect(p.phones.length).toBeGreaterThanOrEqual(2);
  });

  it('keeps grouped properties (item1.TEL) and strips tel: URIs', () => {
    expect(only(read(shared, 'vcard-4.0.vcf')).phones).toEqual(['+11115551212', '+14045551212', '+14045551213']);
  });

  it('reads a XING 2.1 card with CHARSET parameters, categories and a note', () => {
    expect(only(read(shared, 'xing.vcf'))).toMatchObject({
      name: 'Hans-Peter Mustermann',
      company: 'Example GmbH',
      title: 'CTO',
      tags: ['Consulting'],
      notes: ['17.02.2016, 19:18 - XING - http://www.xing.com/profile/Hans-Peter-Mustermann'],
    });
  });

  it('skips the card in photo-base64.vcf (no name, no email, no phone) with a problem', () => {
    const { records, problems } = parseVcards(read(shared, 'photo-base64.vcf'));
    expect(records).toEqual([]);
    expect(problems).toEqual([{ where: 'card 1 (line 1)', why: 'no name (neither FN nor N), no email, no phone; card skipped' }]);
  });

  it('keeps the nameless card of quoted-list.vcf, named by its phone, with a problem', () => {
    const { records, problems } = parseVcards(read(shared, 'quoted-list.vcf'));
    expect(records.map((r) => r.value.name)).toEqual(['+1-555-555-5555 ext. 5555']);
    expect(problems).toEqual([{ where: 'card 1 (line 1)', why: 'no name; named by its phone' }]);
  });
});

describe('parseVcards: synthetic fixtures', () => {
  it('2.1: quoted-printable UTF-8 and ISO-8859-1, soft breaks, bare parameters, 2.1 folding', () => {
    const { records, problems } = parseVcards(read(own, 'v21-quoted-printable.vcf'));
    expect(problems).toEqual([]);
    expect(records[0]!.value).toMatchObject({
      name: 'Renée Dubois',
      phones: ['+33 6 00 00 00 01', '+33 1 00 00 00 02'],
      emails: ['renee.dubois@example.fr'],
      company: 'Société Exemple',
      title: 'Head of Research',
      notes: ['Met at the Kraków meetup — loves café culture ☕\nSecond line'],
      birthday: '1984-02-29',
    });
    expect(records[1]!.value).toMatchObject({ name: 'Jörg Müller', emails: ['joerg.mueller@example.de'] });
  });

  it('Apple: X-APPLE-OMIT-YEAR, item groups, escaped URL, duplicates, categories, RTL', () => {
    const { records, problems } = parseVcards(read(own, 'apple.vcf'));
    expect(problems).toEqual([{ where: 'file', why: 'not imported, rel has no field for them: PHOTO (in 1 card), URL (in 1 card)' }]);
    expect(records[0]!.value).toEqual({
      name: 'Ngozi Okafor',
      emails: ['ngozi@example.com', 'Ngozi.Okafor@Example.com'],
      phones: ['+234 800 000 0001'],
      company: 'Lagos Widgets Ltd, Inc.',
      title: 'Staff Engineer',
      tags: ['Friends', 'Work, Past'],
      birthday: '--03-14',
      met: null,
      met_on: null,
      notes: ['Prefers calls after 6pm; allergic to peanuts\nLikes chess'],
      linkedin_url: 'https://www.linkedin.com/in/ngozi-okafor-example',
      every_days: null,
      last_touch: null,
    });
    expect(records[1]!.value).toMatchObject({
      name: 'ليلى حداد',
      birthday: '1990-07-04',
      linkedin_url: 'https://www.linkedin.com/in/layla-haddad-example',
    });
  });

  it('Thunderbird: 16040101 is a yearless birthday; emoji kept', () => {
    expect(only(read(own, 'thunderbird.vcf'))).toMatchObject({
      name: 'Tomás Ferreira 🎸',
      birthday: '--01-01',
      notes: ['Line one\nLine two'],
    });
  });

  it('LF-only file with folding and escapes; N used when FN is missing', () => {
    const { records, problems } = parseVcards(read(own, 'lf-only.vcf'));
    expect(problems).toEqual([]);
    expect(records.map((r) => [r.where, r.value.name, r.value.birthday])).toEqual([
      ['card 1 (line 1)', 'Aiko Tanaka', '--04-15'],
      ['card 2 (line 10)', 'Sven Lindqvist', '--04-15'],
    ]);
    expect(records[0]!.value.notes).toEqual([
      'A long note that has been folded by the writer because it is longer than seventy-five octets, with an escaped comma and a backslash \\ here.',
    ]);
  });

  it('one broken card among good ones: the rest import, each problem says where', () => {
    const { records, problems } = parseVcards(read(own, 'one-broken.vcf'));
    expect(records.map((r) => [r.where, r.value.name])).toEqual([
      ['card 1 (line 1)', 'Good One'],
      ['card 2 (line 5)', 'nobody@example.com'],
      ['card 5 (line 17)', 'Good Two'],
    ]);
    expect(records[2]!.value.birthday).toBeNull();
    expect(problems).toEqual([
      { where: 'card 2 (line 5)', why: 'no name; named by its email' },
      { where: 'card 3 (line 9)', why: 'line 12: not a vCard property: "this line is garbage"; card skipped' },
      { where: 'card 4 (line 14)', why: 'BEGIN:VCARD without END:VCARD; card skipped' },
      { where: 'card 5 (line 17)', why: 'BDAY "1999-02-30" is not a date; birthday ignored' },
    ]);
  });

  it('an empty file: no records, one problem', () => {
    expect(parseVcards(read(own, 'empty.vcf'))).toEqual({ records: [], problems: [{ where: 'file', why: 'the file is empty' }] });
  });

  it('a file that is not a vCard: no records, one problem', () => {
    expect(parseVcards(read(own, 'not-a-vcard.vcf'))).toEqual({
      records: [],
      problems: [{ where: 'file', why: 'no BEGIN:VCARD found: this is not a vCard file' }],
    });
  });
});

describe('parseVcards: details', () => {
  it.each([
    ['1996-04-15', undefined, '1996-04-15'],
    ['19960415', undefined, '1996-04-15'],
    ['--0415', undefined, '--04-15'],
    ['--04-15', undefined, '--04-15'],
    ['1996-04-15T00:00:00Z', undefined, '1996-04-15'],
    ['19960415T000000', undefined, '1996-04-15'],
    ['1604-03-14', '1604', '--03-14'],
    ['16040101', undefined, '--01-01'],
    ['2000-02-29', undefined, '2000-02-29'],
    ['--0229', undefined, '--02-29'],
    ['1999-02-29', undefined, null],
    ['--1301', undefined, null],
    ['circa 1800', undefined, null],
    ['', undefined, null],
  ])('birthday %j (omit year %j) → %j', (value, omit, expected) => {
    expect(normaliseBirthday(value, omit)).toBe(expected);
  });

  it.each([
    ['BDAY:19960415', '1996-04-15'],
    ['BDAY;X-APPLE-OMIT-YEAR=1604:1604-03-14', '--03-14'],
    ['BDAY;VALUE=date-and-or-time:--0415', '--04-15'],
    ['BDAY:1996-04-15T00:00:00Z', '1996-04-15'],
  ])('reads %s from a card', (line, expected) => {
    expect(only(card('FN:X', line)).birthday).toBe(expected);
  });

  it("reads rel's own X-REL properties", () => {
    const p = only(card('FN:X', 'X-REL-ID:abc', 'X-REL-EVERY-DAYS:30', 'X-REL-LAST-CONTACT:2026-10-01', 'NOTE:one\\ntwo', 'NOTE:three'));
    // One NOTE per fact (a fact may have several lines).
    expect(p).toMatchObject({ every_days: 30, last_touch: '2026-10-01', notes: ['one\ntwo', 'three'] });
  });

  it('warns about bad X-REL values and still imports the card', () => {
    const { records, problems } = parseVcards(card('FN:X', 'X-REL-EVERY-DAYS:-3', 'X-REL-LAST-CONTACT:2026-13-01'));
    expect(records[0]!.value).toMatchObject({ name: 'X', every_days: null, last_touch: null });
    expect(problems.map((p) => p.why)).toEqual([
      'X-REL-EVERY-DAYS "-3" is not a positive whole number; ignored',
      'X-REL-LAST-CONTACT "2026-13-01" is not a YYYY-MM-DD day; ignored',
    ]);
  });

  it('falls back to N when FN is empty, and unescapes every TEXT escape', () => {
    const p = only(card('FN:', 'N:O\\;Brien\\, Jr;Seán;;;', 'TITLE:a\\\\b\\;c\\,d', 'EMAIL: x@example.com '));
    expect(p).toMatchObject({ name: 'Seán O;Brien, Jr', title: 'a\\b;c,d', emails: ['x@example.com'] });
  });

  it('normalises text to NFC', () => {
    expect(only(card('FN:Rene\u0301e')).name).toBe('Ren\u00e9e');
  });

  it('accepts lower-case markers and old Mac CR-only line endings', () => {
    const { records } = parseVcards('begin:vcard\rversion:3.0\rfn:Old Mac\rtel:1\r\r  \rend:vcard\r');
    expect(records.map((r) => [r.value.name, r.value.phones])).toEqual([['Old Mac', ['1']]]);
  });

  it('ignores text outside cards and a byte-order mark', () => {
    expect(parseVcards(`\uFEFFjunk\r\n${card('FN:A')}trailing\r\n`).records).toHaveLength(1);
  });

  // A speed test: skipped under npm run mutate (test/support.ts), where each vCard mutant would run it for seconds.
  it.skipIf(MUTATING)('parses 10,000 cards', () => {
    const text = Array.from({ length: 10_000 }, (_, i) =>
      card(`FN:Person ${i}`, `N:${i};Person;;;`, `EMAIL:p${i}@example.com`, `TEL:+1 555 ${i}`, 'BDAY:1990-01-02', 'NOTE:hi\\, there'),
    ).join('');
    const { records, problems } = parseVcards(text);
    expect(problems).toEqual([]);
    expect(records).toHaveLength(10_000);
  });
});

function person(over: Partial<ExportPerson>): ExportPerson {
  return {
    id: '3f2b8c1e-9a4d-4e0f-8b7a-1c2d3e4f5a6b',
    name: 'Ada Example',
    emails: [],
    phones: [],
    company: null,
    title: null,
    tags: [],
    every_days: null,
    birthday: null,
    met: null,
    met_on: null,
    linkedin_url: null,
    snoozed_until: null,
    added_on: '2026-01-01',
    created_at: '2026-01-01T10:00:00.000Z',
    updated_at: '2026-02-03T04:05:06.789Z',
    facts: [],
    last_touch: null,
    next_due: null,
    gives: 0,
    asks: 0,
    ...over,
  };
}

const octets = (s: string): number => Buffer.byteLength(s, 'utf8');

describe('writeVcards', () => {
  it('writes a vCard 4.0 with CRLF, escapes and rel properties', () => {
    const out = writeVcards([
      person({
        name: 'Mary Ann Smith',
        emails: ['mary@example.com'],
        phones: ['+44 20 0000 0000'],
        company: 'Smith; Sons, Ltd',
        title: 'Owner',
        tags: ['family', 'a,b'],
        birthday: '--02-29',
        every_days: 30,
        last_touch: '2026-01-15',
        facts: [
          { text: 'Has two cats', date: '2026-01-01' },
          { text: 'Runs marathons', date: '2026-01-02' },
        ],
      }),
    ]);
    expect(out).toBe(
      [
        'BEGIN:VCARD',
        'VERSION:4.0',
        'UID:urn:uuid:3f2b8c1e-9a4d-4e0f-8b7a-1c2d3e4f5a6b',
        'FN:Mary Ann Smith',
        'N:;Mary Ann Smith;;;',
        'EMAIL:mary@example.com',
        'TEL;VALUE=text:+44 20 0000 0000',
        'ORG:Smith\\; Sons\\, Ltd',
        'TITLE:Owner',
        'CATEGORIES:family,a\\,b',
        'BDAY:--0229',
        'NOTE:Has two cats',
        'NOTE:Runs marathons',
        'REV:20260203T040506Z',
        'X-REL-ID:3f2b8c1e-9a4d-4e0f-8b7a-1c2d3e4f5a6b',
        'X-REL-EVERY-DAYS:30',
        'X-REL-LAST-CONTACT:2026-01-15',
        'END:VCARD',
        '',
      ].join('\r\n'),
    );
  });

  it('uses the id as UID when it is not a uuid, and YYYYMMDD for a full birthday', () => {
    const out = writeVcards([person({ id: 'p_42', name: 'Cher', birthday: '1946-05-20' })]);
    expect(out).toContain('\r\nUID:p_42\r\n');
    expect(out).toContain('\r\nN:;Cher;;;\r\n');
    expect(out).toContain('\r\nBDAY:19460520\r\n');
  });

  it('writes nothing for no people', () => {
    expect(writeVcards([])).toBe('');
  });

  it('folds at 75 octets without splitting a UTF-8 character', () => {
    const name = 'é'.repeat(50) + '😀'.repeat(30) + ' Z';
    const out = writeVcards([person({ name })]);
    const lines = out.split('\r\n');
    for (const line of lines) expect(octets(line)).toBeLessThanOrEqual(75);
    expect(out.includes('\uFFFD')).toBe(false);
    expect(out.replace(/\r\n /g, '')).toContain(`FN:${name}\r\n`);
  });

  const awkward: ExportPerson[] = [
    person({
      name: 'Zoë "Zed" O\'Brien-Łukasiewicz, PhD; the 3rd \\ 😀',
      emails: ['zoe@example.com', 'Zoe.OBrien@Example.ORG'],
      phones: ['+1 (555) 010-0000', '+48 600 000 000 ext. 12'],
      company: 'Ąćme; Widgets, Ltd \\ Co',
      title: 'Head of R&D\nand, more; 🧪',
      tags: ['friends', 'work, past', 'a;b', 'back\\slash', '🎉'],
      birthday: '1984-02-29',
      every_days: 45,
      last_touch: '2026-10-01',
    }),
    person({ id: 'x1', name: 'ليلى حداد', company: 'شركة المثال', tags: ['عائلة'], birthday: '--12-31' }),
    person({ id: 'x2', name: 'N'.repeat(100) + ' ' + 'ñ'.repeat(99), title: 'x'.repeat(300), every_days: 1 }),
    person({ id: 'x3', name: 'Single' }),
  ];

  it('round-trips awkward data through parseVcards', () => {
    const { records, problems } = parseVcards(writeVcards(awkward));
    expect(problems).toEqual([]);
    expect(records).toHaveLength(awkward.length);
    records.forEach((r, i) => {
      const p = awkward[i]!;
      expect(r.value).toMatchObject({
        name: p.name,
        emails: p.emails,
        phones: p.phones,
        company: p.company,
        title: p.title,
        tags: p.tags,
        birthday: p.birthday,
        every_days: p.every_days,
        last_touch: p.last_touch,
      });
    });
    expect(awkward[2]!.name).toHaveLength(200);
  });

  it('round-trips facts as notes, one per line', () => {
    const facts = [
      { text: 'Likes tea, not coffee', date: '2026-01-01' },
      { text: 'Daughter: Mia; son: Leo', date: '2026-01-02' },
    ];
    expect(only(writeVcards([person({ facts })])).notes).toEqual(facts.map((f) => f.text));
  });
});

describe('writeVcards: where you met, and the LinkedIn profile', () => {
  it('round-trips met, met_on and linkedin_url', () => {
    const p = person({
      name: 'Zoë Met',
      met: 'PyCon 2025, the hallway track; a long chat about SQLite',
      met_on: '2025-05-17',
      linkedin_url: 'https://www.linkedin.com/in/zoe-met',
    });
    const text = writeVcards([p]);
    expect(text).toContain('URL;TYPE=linkedin:https://www.linkedin.com/in/zoe-met\r\n');
    expect(text).toContain('X-REL-MET-ON:2025-05-17\r\n');
    const [back] = parseVcards(text).records;
    expect(back!.value).toMatchObject({ met: p.met, met_on: '2025-05-17', linkedin_url: 'https://www.linkedin.com/in/zoe-met' });
  });
});

describe('the structured name (N) a card came with', () => {
  it('keeps an N in Japanese order, family name first', () => {
    expect(only(card('FN:山田 太郎', 'N:山田;太郎;;;')).vcard_n).toBe('山田;太郎;;;');
  });

  it('keeps all five components, and several values of one', () => {
    expect(only(card(`FN:Dr. O'Brien "Bob" Smith Jr. III`, `N:Smith;O'Brien "Bob";Jr.;Dr.;III`)).vcard_n).toBe(
      `Smith;O'Brien "Bob";Jr.;Dr.;III`,
    );
    expect(only(card('FN:John Stevenson', 'N:Stevenson;John;Philip,Paul;Dr.;Jr.,M.D.,A.C.P.')).vcard_n).toBe(
      'Stevenson;John;Philip,Paul;Dr.;Jr.,M.D.,A.C.P.',
    );
  });

  it('keeps nothing when N says no more than rel would write, or there is none', () => {
    expect(only(card('FN:Maya Chen', 'N:Chen;Maya;;;')).vcard_n).toBeUndefined();
    expect(only(card('FN:Maya Chen')).vcard_n).toBeUndefined();
    expect(only(card('FN:Maya Chen', 'N:;;;;')).vcard_n).toBeUndefined();
  });

  it('writes the N kept, else its own', () => {
    const out = writeVcards([
      person({ name: '山田 太郎', vcard_n: '山田;太郎;;;' }),
      person({ name: `O'Brien "Bob" Smith`, vcard_n: `Smith;O'Brien "Bob";Jr.;Dr.;III` }),
      person({ name: 'Maya Chen', vcard_n: null }),
    ]);
    expect(out).toContain('\r\nFN:山田 太郎\r\nN:山田;太郎;;;\r\n');
    expect(out).toContain(`\r\nN:Smith;O'Brien "Bob";Jr.;Dr.;III\r\n`);
    expect(out).toContain('\r\nN:Chen;Maya;;;\r\n');
  });

  it('reads back what it wrote', () => {
    const people = [
      person({ name: '山田 太郎', vcard_n: '山田;太郎;;;' }),
      person({ name: 'John Stevenson', vcard_n: 'Stevenson;John;Philip,Paul;Dr.;Jr.,M.D.\\, A.C.P.' }),
      person({ name: 'Maya Chen' }),
    ];
    expect(parseVcards(writeVcards(people)).records.map((r) => r.value.vcard_n)).toEqual([
      '山田;太郎;;;', 'Stevenson;John;Philip,Paul;Dr.;Jr.,M.D.\\, A.C.P.', undefined,
    ]);
  });
});
