// Encoded words (RFC 2047) in subjects and names, as mail programs write them.
import { describe, expect, it } from 'vitest';
import { addressList, decodeWords } from '../../src/formats/mail.js';

describe('decodeWords: more of what senders write', () => {
  it.each([
    // lower-case b and q, and a charset in lower case
    ['=?utf-8?b?Q2Fmw6k=?=', 'Café'],
    ['=?iso-8859-1?q?caf=e9?=', 'café'],
    // a language after the charset (RFC 2231): utf-8*en
    ['=?UTF-8*en?Q?caf=C3=A9?=', 'café'],
    // underscores are spaces in Q, an encoded underscore is one
    ['=?UTF-8?Q?a_b=5Fc?=', 'a b_c'],
    // blanks between two encoded words go, whatever they are (a fold too)
    ['=?UTF-8?Q?a?=\t =?UTF-8?Q?b?=', 'ab'],
    ['=?UTF-8?Q?a?=\r\n =?UTF-8?B?Yg==?=', 'ab'],
    // the blank before plain text stays, and so does the one after it
    ['=?UTF-8?Q?caf=C3=A9?= and =?UTF-8?Q?th=C3=A9?=', 'café and thé'],
    ['Re: =?UTF-8?Q?a?= b', 'Re: a b'],
    // an empty encoded word is nothing
    ['x=?UTF-8?Q??=y', 'xy'],
    // not an encoded word: a space inside, or no closing ?=
    ['=?UTF-8?Q?a b?=', '=?UTF-8?Q?a b?='],
    ['=?UTF-8?Q?abc', '=?UTF-8?Q?abc'],
    ['=?UTF-8?X?abc?=', '=?UTF-8?X?abc?='],
    ['', ''],
  ])('%j -> %j', (input, out) => expect(decodeWords(input)).toBe(out));
});

describe('addressList: names', () => {
  it.each([
    ['=?UTF-8?Q?Ren=C3=A9e?= <renee@x.example>', 'Renée'],
    ['"=?UTF-8?Q?Ren=C3=A9e?=" <renee@x.example>', 'Renée'],
    ['renee@x.example (=?UTF-8?Q?Ren=C3=A9e_D.?=)', 'Renée D.'],
    ['"Dubois, Renée" <renee@x.example>', 'Dubois, Renée'],
    ['  Renée   <renee@x.example>', 'Renée'],
    ['"  " <renee@x.example>', null],
  ])('%j -> %j', (field, name) => {
    expect(addressList(field)).toEqual([{ email: 'renee@x.example', name }]);
  });

  it.each([
    // a colon or a semicolon inside a quoted name is not group syntax
    ['"Acme: Billing" <billing@acme.example>', [{ email: 'billing@acme.example', name: 'Acme: Billing' }]],
    ['"Sales; EMEA" <sales@acme.example>', [{ email: 'sales@acme.example', name: 'Sales; EMEA' }]],
    // an escaped quote inside a quoted name does not end it, so the comma after it does not split
    ['"Ana \\"Nana, to friends\\" Lima" <ana@x.example>, b@x.example', [{ email: 'ana@x.example', name: 'Ana "Nana, to friends" Lima' }, { email: 'b@x.example', name: null }]],
    // nor a colon and a semicolon inside a comment
    ['jo@x.example (Jo: away; ask Ana)', [{ email: 'jo@x.example', name: 'Jo: away; ask Ana' }]],
    // a group whose closing ";" was cut off
    ['Team: a@x.example, b@x.example', [{ email: 'a@x.example', name: null }, { email: 'b@x.example', name: null }]],
  ])('%j', (field, out) => expect(addressList(field)).toEqual(out));

  it('an address in angle brackets is trimmed; a display name is not an address', () => {
    expect(addressList('Ana < ana@x.example >, Bo Li')).toEqual([{ email: 'ana@x.example', name: 'Ana' }]);
  });

  it('a comma inside a comment or angle brackets does not split', () => {
    expect(addressList('a@x.example (Lima, Ana), "B" <b@x.example>')).toEqual([
      { email: 'a@x.example', name: 'Lima, Ana' }, { email: 'b@x.example', name: 'B' },
    ]);
  });

  it('a comment with a comment inside it (RFC 5322 lets them nest) is one name, not part of the address', () => {
    expect(addressList('ana@x.example (Ana Lima (Acme), Lisbon), bo@x.example (Bo) (work)')).toEqual([
      { email: 'ana@x.example', name: 'Ana Lima (Acme), Lisbon' }, { email: 'bo@x.example', name: 'Bo' },
    ]);
  });

  it.each([
    ['ana@x.example (Ana Lima', 'Ana Lima'],
    ['ana@x.example (Ana (Acme) Lima', 'Ana (Acme) Lima'],
    ['ana@x.example (Ana (Acme', 'Ana (Acme'],
  ])('a comment cut short by the end of the header still leaves the address alone: %j', (field, name) => {
    expect(addressList(field)).toEqual([{ email: 'ana@x.example', name }]);
  });

  it('a stray closing bracket does not swallow the addresses after it', () => {
    expect(addressList('Ana) <a@x.example>, b@x.example').map((a) => a.email)).toEqual(['a@x.example', 'b@x.example']);
  });
});
