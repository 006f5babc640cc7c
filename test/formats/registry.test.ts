// The format list behind rel import / rel export: --format names, their --help lines, and what each
// entry's reader and writer make of a file or of people.
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import type { RelPerson } from '../../src/formats/json.js';
import { FORMATS, READABLE, WRITABLE, formatNamed, formatsHelp } from '../../src/formats/registry.js';
// The modules the entries load lazily, loaded here first, outside any test: under npm run mutate, a module
// first loaded inside a test has its module-level code (Outlook's column names, rel CSV's header) counted
// as covered by that test alone, and its mutants, which a cached module never shows, as survivors.
import '../../src/formats/linkedin.js';
import '../../src/formats/google.js';
import '../../src/formats/thunderbird.js';
import '../../src/formats/outlook.js';
import '../../src/formats/vcard.js';
import '../../src/formats/vcard-write.js';
import '../../src/formats/csv-rel.js';
import '../../src/formats/feed.js';
import '../../src/formats/batches.js';
import '../../src/formats/ics.js';

const T = '2026-01-01T09:00:00.000Z';
const person = (i: number): RelPerson => ({
  id: `p${i}`, name: `Person ${i}`, emails: [`p${i}@example.com`], phones: [], tags: [], company: null, title: null,
  every_days: 30, birthday: null, met: null, met_on: null, linkedin_url: null, snoozed_until: null, added_on: '2026-01-01',
  created_at: T, updated_at: T, last_touch: '2026-02-01', next_due: '2026-03-03',
  facts: [], touchpoints: [], follow_ups: [], dates: [], wishes: [],
});
const people = (n: number) => Array.from({ length: n }, (_, i) => person(i));
const at = { now: new Date('2026-03-01T09:00:00Z'), today: '2026-03-01' };

describe('formatNamed: what --format accepts', () => {
  it.each([
    ['linkedin', 'read', 'linkedin'],
    ['GMAIL', 'read', 'google'],
    ['google', 'read', 'google'],
    [' Thunderbird ', 'read', 'thunderbird'],
    ['outlook', 'read', 'outlook'],
    ['vcf', 'read', 'vcard'],
    ['vcards', 'write', 'vcard'],
    ['csv', 'write', 'csv'],
    ['rel', 'read', 'json'],
    ['JSON', 'write', 'json'],
    ['ical', 'write', 'ics'],
    ['icalendar', 'write', 'ics'],
    ['ics', 'write', 'ics'],
  ] as const)('%j for %s is %s', (text, use, name) => {
    expect(formatNamed(text, use).name).toBe(name);
  });

  it('a format that cannot be read (ics) is refused for import with the readable ones', () => {
    const e = (() => { try { formatNamed('ics', 'read'); } catch (x) { return x; } })();
    expect(e).toBeInstanceOf(UsageError);
    expect((e as Error).message).toBe('bad --format "ics": use one of linkedin, google, thunderbird, outlook, vcard, csv, json');
  });

  it('a format that cannot be written (LinkedIn) is refused for export with the writable ones', () => {
    expect(() => formatNamed('LinkedIn', 'write')).toThrow(new UsageError('bad --format "LinkedIn": use one of vcard, csv, json, ics'));
  });

  it('an unknown name is refused', () => {
    expect(() => formatNamed('xlsx', 'read')).toThrow(UsageError);
  });

  it('READABLE and WRITABLE list the formats in the order a CSV header is tried', () => {
    expect(READABLE).toEqual(['linkedin', 'google', 'thunderbird', 'outlook', 'vcard', 'csv', 'json']);
    expect(WRITABLE).toEqual(['vcard', 'csv', 'json', 'ics']);
  });

  it('only LinkedIn rows are each their own person, whatever the names', () => {
    expect(FORMATS.filter((f) => f.distinctRecords).map((f) => f.name)).toEqual(['linkedin']);
  });
});

describe('formatsHelp: the list in rel import --help and rel export --help', () => {
  it('names each format, its description aligned two spaces after the longest name', () => {
    expect(formatsHelp('write').split('\n')).toEqual([
      '  vcard  vCard 2.1, 3.0 or 4.0 (.vcf); rel writes 4.0: the N a person came with, X-REL- for id, rhythm, last contact',
      '  csv    any CSV with a header row (--map says which column is which); rel writes one row per person',
      "  json   rel's own export: everything, with stable ids (another machine, a backup)",
      '  ics    an iCalendar feed: birthdays and dates (yearly), when each person is next due, follow-ups',
    ]);
    const read = formatsHelp('read').split('\n');
    expect(read.map((l) => l.slice(0, 16))).toEqual([
      '  linkedin     L', '  google       G', '  thunderbird  T', '  outlook      O', '  vcard        v', '  csv          a', "  json         r",
    ]);
  });
});

describe('the readers, through the list', () => {
  const read = async (name: string) => (await formatNamed(name, 'read').read!());

  it('csv without --map reads rel\'s own CSV with its ids, and any other CSV by its header names', async () => {
    const csv = await read('csv');
    const own = 'id,name,emails,phones,company,title,tags,birthday,every_days,last_touch,next_due,gives,asks\r\np7,Ana,,,,,,,14,,,0,0\r\n';
    expect(csv(own, null).records).toEqual([{ where: 'line 2', id: 'p7', value: expect.objectContaining({ name: 'Ana', every_days: 14 }) }]);
    expect(csv('Full Name,Mail\r\nBo Li,bo@x.example\r\n', null).records).toEqual([
      { where: 'line 2', value: expect.objectContaining({ name: 'Bo Li', emails: ['bo@x.example'] }) },
    ]);
  });

  it('csv with --map reads the mapped columns, even of a file shaped like rel\'s own', async () => {
    const csv = await read('csv');
    const own = 'id,name,emails,phones,company,title,tags,birthday,every_days,last_touch,next_due,gives,asks\r\np7,Ana,,,Acme,,,,14,,,0,0\r\n';
    expect(csv(own, { name: 'name', company: 'company' }).records).toEqual([
      { where: 'line 2', value: expect.objectContaining({ name: 'Ana', company: 'Acme', every_days: null }) },
    ]);
  });

  it.each([
    ['linkedin', 'First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\nAna,Lima,,,,,12 Mar 2024\r\n', 'Ana Lima'],
    ['google', 'First Name,Last Name,Labels,E-mail 1 - Value\r\nAna,Lima,,ana@x.example\r\n', 'Ana Lima'],
    ['thunderbird', 'First Name,Last Name,Display Name,Primary Email,Secondary Email\r\nAna,Lima,,,\r\n', 'Ana Lima'],
    ['outlook', 'First Name,Middle Name,Last Name\r\nAna,,Lima\r\n', 'Ana Lima'],
    ['vcard', 'BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Ana Lima\r\nEND:VCARD\r\n', 'Ana Lima'],
  ])('%s reads its own files', async (name, text, who) => {
    expect((await read(name))(text, null).records.map((r) => r.value.name)).toEqual([who]);
  });

  it('json reads a rel export and keeps the people whole', async () => {
    const text = JSON.stringify({ format: 'rel', version: 1, exported_at: T, people: [person(1)] });
    const r = (await read('json'))(text, null);
    expect(r.records.map((x) => [x.id, x.value.name])).toEqual([['p1', 'Person 1']]);
    expect(r.rel?.people.get('p1')?.every_days).toBe(30);
    expect([...r.rel!.records()].map((p) => p.id)).toEqual(['p1']);
  });
});

describe('the writers, through the list', () => {
  const write = async (name: string) => (await formatNamed(name, 'write').write!());

  it('csv: 1,201 people in batches of 500, one header row for all of them', async () => {
    const chunks = [...(await write('csv'))(people(1201), at)];
    expect(chunks).toHaveLength(3);
    const lines = chunks.join('').split('\r\n');
    expect(lines.filter((l) => l.startsWith('id,name,'))).toHaveLength(1);
    expect(lines).toHaveLength(1 + 1201 + 1); // the header, the people, and after the last CRLF nothing
    expect(lines[1]).toBe('p0,Person 0,p0@example.com,,,,,,30,2026-02-01,2026-03-03,0,0');
    expect(lines[1201]).toMatch(/^p1200,Person 1200,/);
  });

  it('csv: nobody is still a header row', async () => {
    expect([...(await write('csv'))([], at)].join('')).toBe('id,name,emails,phones,company,title,tags,birthday,every_days,last_touch,next_due,gives,asks\r\n');
  });

  it('vcard: 501 people in two chunks, a card each', async () => {
    const chunks = [...(await write('vcard'))(people(501), at)];
    expect(chunks).toHaveLength(2);
    expect(chunks.join('').match(/^BEGIN:VCARD\r$/gm)).toHaveLength(501);
    expect(chunks[1]).toMatch(/^BEGIN:VCARD\r\nVERSION:4.0\r\nUID:p500\r\nFN:Person 500\r\n/);
  });

  it('vcard: nobody is an empty file', async () => {
    expect([...(await write('vcard'))([], at)].join('')).toBe('');
  });

  it('json: the export, stamped with now', async () => {
    const text = [...(await write('json'))(people(2), at)].join('');
    expect(JSON.parse(text)).toMatchObject({ format: 'rel', version: 1, exported_at: '2026-03-01T09:00:00.000Z', people: [{ id: 'p0' }, { id: 'p1' }] });
  });

  it('ics: one feed with everyone\'s events, stamped with now', async () => {
    const text = [...(await write('ics'))(people(2), at)].join('');
    expect(text.match(/^SUMMARY:.*$/gm)).toEqual(['SUMMARY:Reach out to Person 0', 'SUMMARY:Reach out to Person 1']);
    expect(text).toContain('DTSTAMP:20260301T090000Z');
    expect(text).toContain('DTSTART;VALUE=DATE:20260303');
  });
});
