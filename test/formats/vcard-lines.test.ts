// vCard lines as real programs write them, and careless ones that must still be read the same way:
// a byte order mark, markers with blanks around them, VERSION with a blank, quoted parameter values,
// tel: URIs with an extension, and lines that only look like markers.
import { describe, expect, it } from 'vitest';
import { parseVcards } from '../../src/formats/vcard.js';

const lines = (...ls: string[]): string => [...ls, ''].join('\r\n');
const people = (text: string) => parseVcards(text).records.map((r) => r.value);

describe('vCard lines as programs write them', () => {
  it('a file saved with a byte order mark (Windows tools) is read from its first card', () => {
    const text = `\uFEFF${lines('BEGIN:VCARD', 'VERSION:3.0', 'FN:Ana Lima', 'END:VCARD')}`;
    expect(people(text).map((p) => p.name)).toEqual(['Ana Lima']);
    expect(parseVcards(text).problems).toEqual([]);
  });

  it('BEGIN and END with blanks around them, in any case, are still the markers', () => {
    const text = lines('  begin:vcard  ', 'VERSION:3.0', 'FN:Ana Lima', '\tEND:VCARD ', 'BEGIN:VCARD', 'FN:Bo Reis', 'End:VCard');
    expect(people(text).map((p) => p.name)).toEqual(['Ana Lima', 'Bo Reis']);
  });

  it('a line that only contains a marker is not one: the card goes on', () => {
    const text = lines('BEGIN:VCARD', 'VERSION:3.0', 'FN:Ana Lima', 'NOTE:END:VCARD is how a card ends', 'X-END:VCARD', 'EMAIL:ana@x.example', 'END:VCARD');
    const [ana] = people(text);
    expect(ana).toMatchObject({ name: 'Ana Lima', emails: ['ana@x.example'], notes: ['END:VCARD is how a card ends'] });
  });

  it('VERSION: 2.1 with a blank is still 2.1: its quoted-printable soft line breaks are joined', () => {
    const text = lines('BEGIN:VCARD', 'VERSION: 2.1 ', 'N:Lima;Ana', 'NOTE;ENCODING=QUOTED-PRINTABLE:caf=C3=A9 au lait, =', 'deux sucres', 'END:VCARD');
    expect(people(text)[0]!.notes).toEqual(['café au lait, deux sucres']);
  });

  it('parameter values in quotes, and keys and values with blanks, are read as written without them', () => {
    const text = lines('BEGIN:VCARD', 'VERSION:2.1', 'FN:Ana Lima',
      'NOTE;ENCODING="QUOTED-PRINTABLE";CHARSET="UTF-8":caf=C3=A9',
      'TITLE;CHARSET = UTF-8 ;ENCODING = QUOTED-PRINTABLE:Ch=C3=A9fe',
      'ORG;QUOTED-PRINTABLE;CHARSET=UTF-8:Caf=C3=A9 Lima',
      'END:VCARD');
    expect(people(text)[0]).toMatchObject({ notes: ['café'], title: 'Chéfe', company: 'Café Lima' });
  });

  it('tel: URIs (vCard 4) lose their scheme, and an extension is written out', () => {
    const text = lines('BEGIN:VCARD', 'VERSION:4.0', 'FN:Ana Lima', 'TEL;VALUE=uri;TYPE=work:tel:+1-555-0100;ext=42', 'TEL;VALUE=uri:TEL:+351 21 000 0000', 'END:VCARD');
    expect(people(text)[0]!.phones).toEqual(['+1-555-0100 ext. 42', '+351 21 000 0000']);
  });
});
