/** Issue 12: vCards as real programs write them. */
import { describe, expect, it } from 'vitest';
import { parseVcards } from '../../src/formats/vcard.js';

const card = (...lines: string[]): string => ['BEGIN:VCARD', 'VERSION:3.0', ...lines, 'END:VCARD', ''].join('\r\n');
const read = (text: string) => parseVcards(text);

describe('X-REL-MET is unescaped once (issue 16)', () => {
  it('a backslash followed by n stays a backslash and an n', () => {
    const { records } = read(card('FN:Ana', 'X-REL-MET:C:\\\\new folder'));
    expect(records[0]!.value.met).toBe('C:\\new folder');
  });
});

import { readFileSync } from 'node:fs';
const fixture = (name: string): string => readFileSync(new URL(`../fixtures/vcard/${name}`, import.meta.url), 'utf8');

describe('escapes in text are undone as Apple and Gmail readers do (item 7)', () => {
  it('NOTE with \\" and \\: ; FN, ORG and TITLE too', () => {
    const { records } = read(fixture('icloud-groups.vcf'));
    expect(records[0]!.value.notes).toEqual(['This software is provided "AS IS", he says.\nFavorite Color: Blue']);
    const other = read(card('FN:Ana \\"Nana\\" Silva', 'ORG:R\\&D\\: Labs;Lisbon', 'TITLE:Head\\: \\"Growth\\"'));
    expect(other.records[0]!.value).toMatchObject({ name: 'Ana "Nana" Silva', company: 'R&D: Labs', title: 'Head: "Growth"' });
  });
});

describe('contact groups are tags on their members, never people (item 4)', () => {
  it('Apple / iCloud / Cyrus: X-ADDRESSBOOKSERVER-KIND:group with X-ADDRESSBOOKSERVER-MEMBER', () => {
    const { records, problems } = read(fixture('icloud-groups.vcf'));
    expect(problems).toEqual([]);
    expect(records.map((r) => [r.value.name, r.value.tags])).toEqual([
      ['Tunde Adeyemi', ['Book Club']],
      ['Bea Ferreira', ['Book Club']],
    ]);
  });

  it('vCard 4: KIND:group with MEMBER (urn:uuid and mailto)', () => {
    const { records, problems } = read(fixture('fastmail-kind-group.vcf'));
    expect(problems).toEqual([]);
    expect(records.map((r) => [r.value.name, r.value.tags])).toEqual([
      ['Kehinde Adekoya', ['Climbing Crew']],
      ['Sade Bello', ['Climbing Crew']],
    ]);
  });

  it('a member that is not in the file is a problem', () => {
    const { records, problems } = read(card('FN:Solo', 'UID:a-1') + card('KIND:group', 'FN:Team', 'MEMBER:urn:uuid:b-2'));
    expect(records.map((r) => r.value.tags)).toEqual([[]]);
    expect(problems).toEqual([{ where: 'card 2 (line 6)', why: 'group "Team": member urn:uuid:b-2 is not in the file' }]);
  });
});

describe('a card with no name but an email or a phone is kept (item 6)', () => {
  it('named by its email, else its phone, with a problem that says so', () => {
    const { records, problems } = read(fixture('gmail-export.vcf'));
    expect(records.map((r) => r.value.name)).toEqual(['Manu', 'only.email@example.com', '+49 151 0000009']);
    expect(problems).toEqual([
      { where: 'card 2 (line 9)', why: 'no name; named by its email' },
      { where: 'card 3 (line 16)', why: 'no name; named by its phone' },
    ]);
  });
});

describe('vCard 2.1 BASE64 text (item 11)', () => {
  it('FN and N in base64 are decoded', () => {
    const { records } = read(fixture('android-base64.vcf'));
    expect(records[0]!.value.name).toBe('Jörg Müller');
  });
});

import { writeVcards } from '../../src/formats/vcard-write.js';
import type { ExportPerson } from '../../src/formats/types.js';

describe('N in rel vCard export (item 11)', () => {
  const person = (name: string): ExportPerson => ({
    id: 'p1', name, emails: [], phones: [], company: null, title: null, tags: [], every_days: null, birthday: null, met: null,
    met_on: null, linkedin_url: null, snoozed_until: null, added_on: '2026-01-01', created_at: '2026-01-01T00:00:00Z',
    updated_at: '2026-01-01T00:00:00Z', facts: [], last_touch: null, next_due: null, gives: 0, asks: 0,
  });
  it.each([
    ['Maya Chen', 'N:Chen;Maya;;;'],
    ['Tomás Ruiz', 'N:Ruiz;Tomás;;;'],
    ["Siobhán O'Brien-Smith", "N:O'Brien-Smith;Siobhán;;;"],
    ['山田 太郎', 'N:;山田 太郎;;;'],
    ['O\'Brien "Bob" Smith, Jr.', 'N:;O\'Brien "Bob" Smith\\, Jr.;;;'],
    ['Mary Ann Smith', 'N:;Mary Ann Smith;;;'],
    ['ana maia', 'N:;ana maia;;;'],
  ])('%s -> %s', (name, n) => {
    expect(writeVcards([person(name)]).split('\r\n')).toContain(n);
  });
});

describe('what a card has and rel has no field for is named, once per file', () => {
  it('ADR, PHOTO, ROLE, a homepage URL: counted by card; card bookkeeping (PRODID, REV, X-ABLabel) is not', () => {
    const text = card('FN:A', 'PRODID:-//Apple Inc.//macOS 14.5//EN', 'REV:2024-01-01T00:00:00Z', 'ADR;TYPE=home:;;1 Main St;Town;;123;PT',
      'item1.URL:https\\://a.example', 'item1.X-ABLabel:_$!<HomePage>!$_', 'URL:https://www.linkedin.com/in/a') +
      card('FN:B', 'ADR:;;2 Main St;Town;;123;PT', 'ROLE:Chair', 'PHOTO;ENCODING=b;TYPE=JPEG:/9j/4AAQ');
    const { records, problems } = read(text);
    expect(records[0]!.value.linkedin_url).toBe('https://www.linkedin.com/in/a');
    expect(problems).toEqual([{ where: 'file', why: 'not imported, rel has no field for them: ADR (in 2 cards), URL (in 1 card), ROLE (in 1 card), PHOTO (in 1 card)' }]);
  });
});

describe('a BASE64 text value that is not base64', () => {
  it('skips that card with a problem naming the line', () => {
    const { records, problems } = read(card('FN;ENCODING=BASE64:%%%') + card('FN:Good'));
    expect(records.map((r) => r.value.name)).toEqual(['Good']);
    expect(problems).toEqual([{ where: 'card 1 (line 1)', why: 'line 3: FN is marked BASE64 but is not base64; card skipped' }]);
  });
});
