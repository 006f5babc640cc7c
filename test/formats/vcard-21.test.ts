// vCard 2.1 as phones and old address books write it: encodings, charsets, bare parameters, folding.
import { describe, expect, it } from 'vitest';
import { parseVcards } from '../../src/formats/vcard.js';

const card21 = (...lines: string[]): string => ['BEGIN:VCARD', 'VERSION:2.1', ...lines, 'END:VCARD', ''].join('\r\n');
const value = (text: string) => {
  const r = parseVcards(text);
  expect(r.problems).toEqual([]);
  return r.records[0]!.value;
};
const b64 = (s: string, encoding: BufferEncoding = 'utf8') => Buffer.from(s, encoding).toString('base64');

describe('quoted-printable', () => {
  it.each([
    ['FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:Ren=C3=A9e Dubois', 'Renée Dubois'],
    ['FN;CHARSET=ISO-8859-1;QUOTED-PRINTABLE:Ren=E9e Dubois', 'Renée Dubois'],
    ['FN;CHARSET=windows-1252;ENCODING=QUOTED-PRINTABLE:=93Ren=E9e=94', '“Renée”'],
    // a charset nobody knows: read as UTF-8
    ['FN;CHARSET=x-unknown;ENCODING=QUOTED-PRINTABLE:Ren=C3=A9e', 'Renée'],
    // no charset: UTF-8
    ['FN;ENCODING=QUOTED-PRINTABLE:Ren=c3=a9e', 'Renée'],
    // a lone "=" that is not followed by two hex digits is kept
    ['FN;ENCODING=QUOTED-PRINTABLE:A=ZB', 'A=ZB'],
  ])('%s', (line, name) => {
    expect(value(card21(line)).name).toBe(name);
  });

  it('soft line breaks are joined, a line break inside stays one', () => {
    expect(value(card21('FN:X', 'NOTE;ENCODING=QUOTED-PRINTABLE:first=0D=0Asecond and a very =', 'long third')).notes)
      .toEqual(['first\nsecond and a very long third']);
  });

  it('a "=" at the end of an ordinary (not quoted-printable) value is not a soft break', () => {
    expect(value(card21('FN:X', 'NOTE:a=', 'TITLE:b')).title).toBe('b');
  });
});

describe('base64 text', () => {
  it.each([
    [`FN;ENCODING=BASE64;CHARSET=UTF-8:${b64('Jörg Müller')}`, 'Jörg Müller'],
    [`FN;BASE64;CHARSET=ISO-8859-1:${b64('Jörg Müller', 'latin1')}`, 'Jörg Müller'],
    [`FN;ENCODING=b:${b64('Łukasz')}`, 'Łukasz'],
    [`FN;ENCODING=BASE64:${b64('Ana ').slice(0, 4)} ${b64('Ana ').slice(4)}`, 'Ana'],
  ])('%s', (line, name) => {
    expect(value(card21(line)).name).toBe(name);
  });

  it('a base64 note with a line break keeps it', () => {
    expect(value(card21('FN:X', `NOTE;ENCODING=BASE64:${b64('one\r\ntwo')}`)).notes).toEqual(['one\ntwo']);
  });

  it('base64 on a property rel reads itself (a PHOTO) is not decoded as text', () => {
    expect(parseVcards(card21('FN:X', `BDAY;ENCODING=BASE64:${b64('1990-03-14')}`)).problems)
      .toEqual([{ where: 'card 1 (line 1)', why: `BDAY "${b64('1990-03-14')}" is not a date; birthday ignored` }]);
  });
});

describe('2.1 lines', () => {
  it('bare parameters (CELL, HOME, PREF) and grouped properties', () => {
    expect(value(card21('FN:X', 'TEL;CELL;PREF:+351 912 000 000', 'item1.EMAIL;INTERNET;HOME:x@example.com'))).toMatchObject({
      phones: ['+351 912 000 000'], emails: ['x@example.com'],
    });
  });

  it('2.1 folding keeps the whitespace it folds before; 3.0 drops the one it inserts', () => {
    expect(value(card21('FN:Ana', 'NOTE:one', ' two')).notes).toEqual(['one two']);
    expect(value(['BEGIN:VCARD', 'VERSION:3.0', 'FN:Ana', 'NOTE:one', ' two', 'END:VCARD', ''].join('\r\n')).notes).toEqual(['onetwo']);
  });

  it('a 2.1 card marked in lower case is read as 2.1', () => {
    expect(value(['BEGIN:VCARD', 'version:2.1', 'FN:Ana', 'NOTE:one', ' two', 'END:VCARD', ''].join('\r\n')).notes).toEqual(['one two']);
  });
});
