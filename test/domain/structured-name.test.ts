import { describe, expect, it } from 'vitest';
import { derivedN, formatN, keptN, nameValue, nSpells, nTooLong, parseN } from '../../src/domain/structured-name.js';
import { tidyRecord } from '../../src/domain/tidy.js';
import { emptyImported } from '../../src/formats/types.js';

describe('derivedN: the N rel writes for a name typed into it', () => {
  it.each<[string, string]>([
    ['Maya Chen', 'Chen;Maya;;;'],
    ["Siobhán O'Brien", "O'Brien;Siobhán;;;"],
    ['山田 太郎', ';山田 太郎;;;'],
    ['Mary Ann Smith', ';Mary Ann Smith;;;'],
    ['Cher', ';Cher;;;'],
    ['Smith, Jr.; III', ';Smith\\, Jr.\\; III;;;'],
  ])('%s → N:%s', (name, n) => {
    expect(derivedN(name)).toBe(n);
  });
});

describe('keptN: what rel keeps of a card N', () => {
  it.each<[string, string[][] | null, string | null]>([
    // Japanese order, family first: kept (rel would write the whole name as given name).
    ['山田 太郎', [['山田'], ['太郎'], [], [], []], '山田;太郎;;;'],
    // All five components.
    [`O'Brien "Bob" Smith`, [['Smith'], [`O'Brien "Bob"`], ['Jr.'], ['Dr.'], ['III']], `Smith;O'Brien "Bob";Jr.;Dr.;III`],
    // Several values in a component, and a comma inside a value.
    ['John Stevenson', [['Stevenson'], ['John'], ['Philip', 'Paul'], ['Dr.'], ['Jr.', 'M.D., A.C.P.']],
      'Stevenson;John;Philip,Paul;Dr.;Jr.,M.D.\\, A.C.P.'],
    // What rel writes anyway: nothing to keep.
    ['Maya Chen', [['Chen'], ['Maya'], [], [], []], null],
    ['Maya Chen', [['Chen'], ['Maya']], null],
    ['Mary Ann Smith', [[], ['Mary Ann Smith']], null],
    // But "Mary Ann" as given name and Smith as family is more than rel knows: kept.
    ['Mary Ann Smith', [['Smith'], ['Mary Ann'], [], [], []], 'Smith;Mary Ann;;;'],
    // No N, an empty N, and more than five components.
    ['Maya Chen', null, null],
    ['Maya Chen', [[], [], [], [], []], null],
    ['Maya Chen', [[' '], [''], [], [], []], null],
    ['Maya Chen', [['Chen'], ['Maya'], [], [], [], ['x']], null],
  ])('%s with %j → %j', (name, parts, kept) => {
    expect(keptN(name, parts)).toBe(kept);
  });

  it('keeps nothing of an N with more than five components (it is not an N)', () => {
    expect(keptN('Ana', [['Núñez'], ['Ana'], [], [], [], ['extra']])).toBeNull();
    expect(keptN('Ana', [['Núñez'], ['Ana'], [], [], []])).toBe('Núñez;Ana;;;');
    expect(keptN('Ana Núñez', [['Núñez García'], ['Ana'], [], [], []])).toBe('Núñez García;Ana;;;');
  });

  it('never keeps a control character or an unpaired surrogate (the writers would put them on the N line)', () => {
    expect(formatN([['Ya\u0000ma\u0007da'], ['Ta\ud800ro\u2028x'], [], [], []])).toBe('Ya ma da;Ta ro x;;;');
  });

  it('trims values, joins line breaks, and writes one spelling (NFC)', () => {
    expect(keptN('Renée Dupont-Lefèvre', [[' Dupont-Lefe\u0300vre '], ['Rene\u0301e\nMarie'], [], [], []])).toBe(
      'Dupont-Lef\u00e8vre;Ren\u00e9e Marie;;;',
    );
  });
});

describe('parseN and formatN', () => {
  it.each<string>([
    '山田;太郎;;;',
    `Smith;O'Brien "Bob";Jr.;Dr.;III`,
    'Stevenson;John;Philip,Paul;Dr.;Jr.,M.D.\\, A.C.P.',
    'O\\;Brien\\, Jr;Seán;;;',
    'a\\\\b;c;;;',
  ])('a canonical N comes back as it was: %s', (value) => {
    expect(formatN(parseN(value))).toBe(value);
  });

  it('reads the escapes of a card', () => {
    expect(parseN('O\\;Brien\\, Jr;Seán;a,b;;x\\ny')).toEqual([['O;Brien, Jr'], ['Seán'], ['a', 'b'], [], ['x\ny']]);
    expect(parseN('Chen;Maya')).toEqual([['Chen'], ['Maya']]);
  });

  it('\\N is a line break too (vCard 3 writes either case); any other escaped character is itself', () => {
    expect(parseN('x\\Ny;a\\ b')).toEqual([['x\ny'], ['a b']]);
  });

  it('a backslash at the very end is kept as it is (it escapes nothing)', () => {
    expect(parseN('Smith\\')).toEqual([['Smith\\']]);
    expect(parseN('Smith\\;Ana')).toEqual([['Smith;Ana']]);
  });

  it('formatN leaves out values that are empty once cleaned', () => {
    expect(formatN([['  ', 'Smith', '\u0000'], ['Ana']])).toBe('Smith;Ana;;;');
  });
});

describe('nTooLong: the limits themselves are allowed', () => {
  const part = (n: number) => 'a'.repeat(n);
  it('a component value of 200 characters is kept, 201 is not', () => {
    expect(nTooLong(`${part(200)};Ana;;;`)).toBeNull();
    expect(nTooLong(`${part(201)};Ana;;;`)).toBe('a part of the structured name (N) is longer than 200 characters');
  });
  it('a whole N of 1,000 characters is kept, 1,001 is not', () => {
    const thousand = Array.from({ length: 5 }, () => part(199)).join(',') + ';' + part(4); // 5 x 199 + 4 commas + ';' + 4 = 1,004
    const exactly = thousand.slice(0, 1000);
    expect([...exactly].length).toBe(1000);
    expect(nTooLong(exactly)).toBeNull();
    expect(nTooLong(`${exactly}a`)).toBe('the structured name (N) is longer than 1000 characters');
  });
});

describe('nameValue and nSpells', () => {
  it('writes the kept N, else rel’s own', () => {
    expect(nameValue('山田 太郎', '山田;太郎;;;')).toBe('山田;太郎;;;');
    expect(nameValue('山田 太郎', null)).toBe(';山田 太郎;;;');
    expect(nameValue('Maya Chen', undefined)).toBe('Chen;Maya;;;');
  });

  it.each<[string, string, boolean]>([
    ['Maya Chen', 'Chen;Maya;;;', true],
    ['山田 太郎', '山田;太郎;;;', true],
    ['Mary Ann Smith', 'Smith;Mary Ann;;;', true],
    ['Mary Ann Smith', ';Mary Ann Smith;;;', true],
    ['Maya Lee', 'Chen;Maya;;;', false],
    // several values of a component are joined by a space; the name's own spaces and spelling do not matter
    ['Ana Núñez García', 'Núñez,García;Ana;;;', true],
    ['Mary Ann Smith', 'Smith;Mary,Ann;;;', true],
    ['Ana  Núñez', 'Núñez;Ana;;;', true],
    ['Jose\u0301 Ruiz', 'Ruiz;José;;;', true],
    ['Ana Núñez', ' Núñez ; Ana ;;;', true], // blanks around the N's values (a hand-written card)
    [' Ana Núñez ', 'Núñez;Ana;;;', true],
  ])('%s spelled by N:%s: %s', (name, n, spells) => {
    expect(nSpells(name, n)).toBe(spells);
  });
});

describe('an imported N, checked at the edge (tidyRecord)', () => {
  const tidy = (vcard_n: string) => {
    const problems: { where: string; why: string }[] = [];
    const rec = tidyRecord({ ...emptyImported('山田 太郎'), vcard_n }, 'card 1', problems);
    return { n: rec?.vcard_n, problems: problems.map((p) => p.why) };
  };

  it('keeps a good one, in its canonical spelling, and nothing that rel would write anyway', () => {
    expect(tidy('山田;太郎')).toEqual({ n: '山田;太郎;;;', problems: [] });
    expect(tidy(';山田 太郎;;;')).toEqual({ n: undefined, problems: [] });
  });

  it('leaves out one too long, with a problem, and keeps the person', () => {
    expect(tidy(`山田;${'太'.repeat(201)};;;`)).toEqual({
      n: undefined, problems: ['a part of the structured name (N) is longer than 200 characters; left out'],
    });
    expect(tidy(`山田;${Array.from({ length: 400 }, () => 'ab').join(',')};;;`).problems).toEqual([
      'the structured name (N) is longer than 1000 characters; left out',
    ]);
    expect(nTooLong('山田;太郎;;;')).toBeNull();
  });
});
