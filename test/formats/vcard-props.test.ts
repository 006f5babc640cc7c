// vCard import, property by property: what each becomes, what is dropped silently (bookkeeping about the
// card), what is reported (something about the person rel has no field for), and rel's own X-REL- values.
import { describe, expect, it } from 'vitest';
import { parseVcards } from '../../src/formats/vcard.js';

const card = (...lines: string[]): string => ['BEGIN:VCARD', 'VERSION:3.0', 'FN:Ana Lima', ...lines, 'END:VCARD', ''].join('\r\n');

describe('card bookkeeping is dropped without a word', () => {
  it.each([
    'PRODID:-//Apple Inc.//iOS 17.5//EN', 'REV:2026-01-01T00:00:00Z', 'SOURCE:https://example.com/a.vcf', 'NAME:Ana', 'PROFILE:VCARD',
    'CLIENTPIDMAP:1;urn:uuid:3df403f4-5924-4bb7-b077-3c711d9eb34b', 'SORT-STRING:Lima', 'LABEL:Rua 1\\nLisboa', 'CLASS:PUBLIC',
    'X-ABUID:5AD380FD-B2DE-4261-BA99-DE1D1DB52FBE:ABPerson', 'item1.X-ABLabel:_$!<Other>!$_', 'X-ABShowAs:COMPANY', 'item2.X-ABADR:pt',
    'X-PHONETIC-FIRST-NAME:A-na', 'X-PHONETIC-LAST-NAME:Li-ma', 'X-PHONETIC-ORG:Ak-me',
  ])('%s', (line) => {
    expect(parseVcards(card(line))).toEqual({ records: [{ where: 'card 1 (line 1)', value: expect.objectContaining({ name: 'Ana Lima' }) }], problems: [] });
  });
});

describe('what rel has no field for is reported once per file', () => {
  it('by property, counting the cards, in the order first seen', () => {
    const text = card('ADR:;;Rua 1;Lisboa;;;PT', 'X-JABBER:ana@jabber.example') + card('X-JABBER:ana2@jabber.example', 'ADR:;;Rua 2;Porto;;;PT', 'ADR;TYPE=work:;;Rua 3;;;;')
      + card('GENDER:F');
    expect(parseVcards(text).problems).toEqual([{ where: 'file', why: 'not imported, rel has no field for them: ADR (in 2 cards), X-JABBER (in 2 cards), GENDER (in 1 card)' }]);
  });

  it('an empty value is not something lost', () => {
    expect(parseVcards(card('ADR:', 'NICKNAME: ', 'X-SOMETHING:')).problems).toEqual([]);
  });

  it('a URL that is not a LinkedIn profile is reported; a LinkedIn one is the profile', () => {
    const r = parseVcards(card('URL:https://ana.example', 'URL;TYPE=linkedin:https://www.linkedin.com/in/ana'));
    expect(r.records[0]!.value.linkedin_url).toBe('https://www.linkedin.com/in/ana');
    expect(r.problems).toEqual([{ where: 'file', why: 'not imported, rel has no field for them: URL (in 1 card)' }]);
  });
});

describe('URL and X-SOCIALPROFILE: the LinkedIn profile', () => {
  it.each([
    ['URL:https://www.linkedin.com/in/ana', 'https://www.linkedin.com/in/ana'],
    ['URL:http://linkedin.com/in/ana', 'http://linkedin.com/in/ana'],
    ['URL:linkedin.com/in/ana', 'linkedin.com/in/ana'],
    ['URL:https://pt.linkedin.com', 'https://pt.linkedin.com'],
    ['X-SOCIALPROFILE;TYPE=linkedin:https://www.linkedin.com/in/ana', 'https://www.linkedin.com/in/ana'],
    ['URL:https://notlinkedin.com/in/ana', null],
    ['URL:https://linkedin.com.evil.example/in/ana', null],
    ['URL:https://example.com/?next=linkedin.com/in/ana', null],
  ])('%s -> %j', (line, url) => {
    expect(parseVcards(card(line)).records[0]!.value.linkedin_url).toBe(url);
  });

  it('the first LinkedIn URL wins; a second is not reported as lost', () => {
    const r = parseVcards(card('URL:https://www.linkedin.com/in/first', 'X-SOCIALPROFILE:https://www.linkedin.com/in/second'));
    expect(r.records[0]!.value.linkedin_url).toBe('https://www.linkedin.com/in/first');
    expect(r.problems).toEqual([]);
  });
});

describe("rel's own X-REL- properties", () => {
  it.each([
    ['X-REL-ID:0b3c9f2e-1111-4abc-8def-123456789abc', '0b3c9f2e-1111-4abc-8def-123456789abc'],
    ['X-REL-ID:p_1', 'p_1'],
    [`X-REL-ID:${'a'.repeat(64)}`, 'a'.repeat(64)],
    [`X-REL-ID:${'a'.repeat(65)}`, undefined],
    ['X-REL-ID:has space', undefined],
    ['X-REL-ID:', undefined],
  ])('%s: the record says id %j', (line, id) => {
    expect(parseVcards(card(line)).records[0]!.id).toBe(id);
  });

  it.each([
    ['X-REL-EVERY-DAYS:1', 1, []],
    ['X-REL-EVERY-DAYS:99999', 99999, []],
    ['X-REL-EVERY-DAYS:100000', null, ['X-REL-EVERY-DAYS "100000" is not a positive whole number; ignored']],
    ['X-REL-EVERY-DAYS:0', null, ['X-REL-EVERY-DAYS "0" is not a positive whole number; ignored']],
    ['X-REL-EVERY-DAYS:2 weeks', null, ['X-REL-EVERY-DAYS "2 weeks" is not a positive whole number; ignored']],
  ])('%s -> every %j days', (line, every, warnings) => {
    const r = parseVcards(card(line));
    expect(r.records[0]!.value.every_days).toBe(every);
    expect(r.problems.map((p) => p.why)).toEqual(warnings);
  });

  it.each([
    ['X-REL-MET-ON:2019-05-01', '2019-05-01', []],
    ['X-REL-MET-ON:2019-02-29', null, ['X-REL-MET-ON "2019-02-29" is not a YYYY-MM-DD day; ignored']],
    ['X-REL-MET-ON:May 2019', null, ['X-REL-MET-ON "May 2019" is not a YYYY-MM-DD day; ignored']],
  ])('%s -> met on %j', (line, day, warnings) => {
    const r = parseVcards(card(line));
    expect(r.records[0]!.value.met_on).toBe(day);
    expect(r.problems.map((p) => p.why)).toEqual(warnings);
  });

  it('X-REL-MET is where we met, escapes undone once; empty is none', () => {
    expect(parseVcards(card('X-REL-MET:Web Summit\\, Lisbon\\; stand 3')).records[0]!.value.met).toBe('Web Summit, Lisbon; stand 3');
    expect(parseVcards(card('X-REL-MET:')).records[0]!.value.met).toBeNull();
  });

  it('the problems of a card name the card and its line', () => {
    const r = parseVcards(card('X-REL-EVERY-DAYS:x') + card('X-REL-LAST-CONTACT:yesterday'));
    expect(r.problems).toEqual([
      { where: 'card 1 (line 1)', why: 'X-REL-EVERY-DAYS "x" is not a positive whole number; ignored' },
      { where: 'card 2 (line 6)', why: 'X-REL-LAST-CONTACT "yesterday" is not a YYYY-MM-DD day; ignored' },
    ]);
  });
});

describe('birthdays on cards', () => {
  it('the first BDAY wins', () => {
    expect(parseVcards(card('BDAY:1990-03-14', 'BDAY:1991-04-15')).records[0]!.value.birthday).toBe('1990-03-14');
  });

  it('a BDAY that is not a date is reported and the card kept', () => {
    expect(parseVcards(card('BDAY:sometime in May'))).toEqual({
      records: [{ where: 'card 1 (line 1)', value: expect.objectContaining({ name: 'Ana Lima', birthday: null }) }],
      problems: [{ where: 'card 1 (line 1)', why: 'BDAY "sometime in May" is not a date; birthday ignored' }],
    });
  });

  it.each([
    ['BDAY:1990-03-14T10:00:00+02:00', '1990-03-14'],
    ['BDAY:19900314T100000-0500', '1990-03-14'],
    ['BDAY:0000-03-14', '--03-14'],
    ['BDAY;X-APPLE-OMIT-YEAR=1900:1900-03-14', '--03-14'],
    ['BDAY;X-APPLE-OMIT-YEAR=1604:1990-03-14', '1990-03-14'],
  ])('%s -> %s', (line, birthday) => {
    expect(parseVcards(card(line)).records[0]!.value.birthday).toBe(birthday);
  });
});

describe('property lines', () => {
  it('a group prefix, a quoted parameter holding ":" and ";", and a lower-case name are all read', () => {
    const v = parseVcards(card('item1.EMAIL;TYPE=INTERNET;X-LABEL="home: main; old":ana@x.example', 'tel;type=cell:+351 912 000 000')).records[0]!.value;
    expect(v).toMatchObject({ emails: ['ana@x.example'], phones: ['+351 912 000 000'] });
  });

  it('a line that is not a property skips the card, naming the line', () => {
    const r = parseVcards(card('this is not a property') + card());
    expect(r.problems).toEqual([{ where: 'card 1 (line 1)', why: 'line 4: not a vCard property: "this is not a property"; card skipped' }]);
    expect(r.records.map((x) => x.where)).toEqual(['card 2 (line 6)']);
  });

  it('a line starting with ":" is not a property either', () => {
    expect(parseVcards(card(':orphan value')).problems[0]!.why).toBe('line 4: not a vCard property: ":orphan value"; card skipped');
  });

  it('a BEGIN:VCARD without END:VCARD is skipped, and the next card is read', () => {
    const r = parseVcards(['BEGIN:VCARD', 'FN:Cut short', 'BEGIN:VCARD', 'FN:Whole', 'END:VCARD', ''].join('\r\n'));
    expect(r.records.map((x) => x.value.name)).toEqual(['Whole']);
    expect(r.problems).toEqual([{ where: 'card 1 (line 1)', why: 'BEGIN:VCARD without END:VCARD; card skipped' }]);
  });

  it('a file ending inside a card reports that card', () => {
    const r = parseVcards(['BEGIN:VCARD', 'FN:Whole', 'END:VCARD', 'BEGIN:VCARD', 'FN:Cut'].join('\r\n'));
    expect(r.problems).toEqual([{ where: 'card 2 (line 4)', why: 'BEGIN:VCARD without END:VCARD; card skipped' }]);
  });

  it('a line merely containing BEGIN:VCARD is no marker', () => {
    expect(parseVcards(card('NOTE:paste BEGIN:VCARD here')).records[0]!.value.notes).toEqual(['paste BEGIN:VCARD here']);
  });

  it('ORG: the company is its first part; TITLE is the title', () => {
    expect(parseVcards(card('ORG:Acme\\, Inc.;Research;Lab 2', 'TITLE:Engineer')).records[0]!.value).toMatchObject({ company: 'Acme, Inc.', title: 'Engineer' });
  });

  it('a TEL written as a tel: URI with an extension', () => {
    expect(parseVcards(card('TEL;VALUE=uri:tel:+1-555-0100;ext=42')).records[0]!.value.phones).toEqual(['+1-555-0100 ext. 42']);
  });
});
