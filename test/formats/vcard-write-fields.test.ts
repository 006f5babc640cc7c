// rel export --format vcard, field by field: what a calendar or phone importing the card gets.
import { describe, expect, it } from 'vitest';
import type { ExportPerson } from '../../src/formats/types.js';
import { writeVcards } from '../../src/formats/vcard-write.js';

const person = (over: Partial<ExportPerson>): ExportPerson => ({
  id: 'p1', name: 'Ana Lima', emails: [], phones: [], company: null, title: null, tags: [], every_days: null, birthday: null, met: null,
  met_on: null, linkedin_url: null, snoozed_until: null, added_on: '2026-01-01', created_at: '2026-01-01T00:00:00Z',
  updated_at: '2026-01-01T00:00:00Z', facts: [], last_touch: null, next_due: null, gives: 0, asks: 0, ...over,
});
const lines = (over: Partial<ExportPerson>) => writeVcards([person(over)]).split('\r\n');

describe('writeVcards: each field', () => {
  it('a uuid id in capitals is a lower-case urn:uuid UID; the X-REL-ID keeps it as stored', () => {
    const l = lines({ id: '3F2B8C1E-9A4D-4E0F-8B7A-1C2D3E4F5A6B' });
    expect(l).toContain('UID:urn:uuid:3f2b8c1e-9a4d-4e0f-8b7a-1c2d3e4f5a6b');
    expect(l).toContain('X-REL-ID:3F2B8C1E-9A4D-4E0F-8B7A-1C2D3E4F5A6B');
  });

  it('an id that only looks like a uuid is written as it is', () => {
    expect(lines({ id: 'x3f2b8c1e-9a4d-4e0f-8b7a-1c2d3e4f5a6b' })).toContain('UID:x3f2b8c1e-9a4d-4e0f-8b7a-1c2d3e4f5a6b');
  });

  it.each([
    ['Zoë Ångström', 'N:Ångström;Zoë;;;'],
    ['Zoe\u0308 Lima', 'N:Lima;Zo\u00eb;;;'], // N is written in NFC (src/domain/structured-name.ts); FN as typed
    ['Ana D’Ávila', 'N:D’Ávila;Ana;;;'],
    ['Jean-Luc Picard', 'N:Picard;Jean-Luc;;;'],
    ['Ana lima', 'N:;Ana lima;;;'],
    ['ANA LIMA', 'N:LIMA;ANA;;;'],
    ['Ana  Lima', 'N:;Ana Lima;;;'], // a run of spaces is one in N
    ['Ana Lima2', 'N:;Ana Lima2;;;'],
    ['Андрей Иванов', 'N:;Андрей Иванов;;;'],
    ['Ana', 'N:;Ana;;;'],
    ['Ana;Lima Co', 'N:;Ana\\;Lima Co;;;'],
  ])('%s -> %s', (name, n) => expect(lines({ name })).toContain(n));

  it('empty addresses, phones and tags are left out; with no tags there is no CATEGORIES', () => {
    const l = lines({ emails: ['', 'a@x.example'], phones: [''], tags: [''] });
    expect(l.filter((x) => /^(EMAIL|TEL|CATEGORIES)/.test(x))).toEqual(['EMAIL:a@x.example']);
  });

  it('TITLE and X-REL-MET keep a semicolon; ORG and N escape it', () => {
    const l = lines({ title: 'Head; R&D', met: 'Lisbon; 2019', company: 'Acme; Co' });
    expect(l).toEqual(expect.arrayContaining(['TITLE:Head; R&D', 'X-REL-MET:Lisbon; 2019', 'ORG:Acme\\; Co']));
  });

  it.each([
    ['1990-03-14', 'BDAY:19900314'],
    ['--03-14', 'BDAY:--0314'],
    ['0999-01-02', 'BDAY:09990102'],
  ])('birthday %s -> %s', (birthday, bday) => expect(lines({ birthday })).toContain(bday));

  it('a birthday that is not a day, and an updated_at that is not a time, are left out', () => {
    const l = lines({ birthday: 'someday', updated_at: 'never' });
    expect(l.some((x) => x.startsWith('BDAY') || x.startsWith('REV'))).toBe(false);
  });

  it('the order a reader meets them in, ending with rel\'s own properties', () => {
    expect(lines({
      emails: ['a@x.example'], phones: ['+1 555 0100'], company: 'Acme', title: 'CTO', tags: ['work'], birthday: '--03-14',
      facts: [{ text: 'likes tea', date: '2026-01-02' }], linkedin_url: 'https://www.linkedin.com/in/ana', met: 'school', met_on: '2000-09-01',
      every_days: 30, last_touch: '2026-02-01',
    })).toEqual([
      'BEGIN:VCARD', 'VERSION:4.0', 'UID:p1', 'FN:Ana Lima', 'N:Lima;Ana;;;', 'EMAIL:a@x.example', 'TEL;VALUE=text:+1 555 0100', 'ORG:Acme',
      'TITLE:CTO', 'CATEGORIES:work', 'BDAY:--0314', 'NOTE:likes tea', 'URL;TYPE=linkedin:https://www.linkedin.com/in/ana', 'X-REL-MET:school',
      'X-REL-MET-ON:2000-09-01', 'REV:20260101T000000Z', 'X-REL-ID:p1', 'X-REL-EVERY-DAYS:30', 'X-REL-LAST-CONTACT:2026-02-01', 'END:VCARD', '',
    ]);
  });
});
