import { describe, expect, it } from 'vitest';
import { byCodePoint, byText, foldName, matchName, type NameCandidate } from '../../src/domain/names.js';
import { rng, RANDOM_STRINGS } from '../support.js';

describe('foldName', () => {
  it.each<[string, string]>([
    ['José Núñez', 'jose nunez'],
    ['ÅSA', 'asa'],
    ['Åsa', 'asa'],
    ['Jose\u0301 Nu\u0303n\u0303ez', 'jose nunez'], // already decomposed
    ['Straße', 'strasse'],
    ['STRAẞE', 'strasse'],
    ['Søren Kierkegaard', 'soren kierkegaard'],
    ['Łukasz Đorđević', 'lukasz dordevic'],
    ['Ævar Þór', 'aevar thor'],
    ['İsmail', 'ismail'],
    ['ıspanak', 'ispanak'],
    ['François Müller-Lüdenscheidt', 'francois muller-ludenscheidt'],
    ["Siobhán O'Brien", "siobhan o'brien"],
    ['  Ann \t  Lee\n', 'ann lee'],
    ['Ann\u00a0Lee', 'ann lee'], // no-break space
    ['Ｊｏｈｎ', 'john'], // full-width
    ['ﬁona', 'fiona'], // ligature
    ['Zoë', 'zoe'],
    ['Ελένη', 'ελενη'],
    ['Дмитрий Йорк', 'дмитрии иорк'], // й decomposes to и + breve
    ['王小明', '王小明'],
    ['محمد', 'محمد'],
    ['Ann 😀', 'ann 😀'],
    ['', ''],
    ['   ', ''],
  ])('%j → %j', (name, want) => {
    expect(foldName(name)).toBe(want);
  });

  it('is the same whatever the locale (no toLocaleLowerCase)', () => {
    expect(foldName('I')).toBe('i');
  });
});

const people: NameCandidate[] = [
  { id: 'p1', name: 'John Smith' },
  { id: 'p2', name: 'Johnny Appleseed' },
  { id: 'p3', name: 'José Núñez' },
  { id: 'p4', name: 'Anna Karlsson' },
  { id: 'p5', name: 'Hanna Berg' },
  { id: 'p6', name: 'Jean-Luc Picard' },
  { id: 'p7', name: "Siobhán O'Brien" },
  { id: 'p8', name: 'Ann' },
  { id: 'p9', name: 'ann' },
  { id: 'p10', name: 'Åsa Öberg' },
  { id: 'p11', name: 'John Smith' },
];
const ids = (query: string, list: NameCandidate[] = people): string[] => matchName(query, list).map((p) => p.id);

describe('matchName', () => {
  it.each<[string, string[]]>([
    // stage 1: exact folded name
    ['John Smith', ['p1', 'p11']],
    ['  john   SMITH ', ['p1', 'p11']],
    ['ann', ['p8', 'p9']], // exact beats prefix of "anna karlsson"
    ['ANN', ['p8', 'p9']],
    ['jose nunez', ['p3']],
    ['José Núñez', ['p3']],
    ['asa oberg', ['p10']],
    // stage 2: whole words (issue 11: "john" is a word of John Smith, only a prefix of Johnny)
    ['john', ['p1', 'p11']],
    // stage 3: prefix of the whole name or of a word
    ['joh', ['p1', 'p11', 'p2']],
    ['johnn', ['p2']],
    ['john sm', ['p1', 'p11']],
    ['sm', ['p1', 'p11']],
    ['smith', ['p1', 'p11']],
    ['jose', ['p3']],
    ['nunez', ['p3']],
    ['NÚÑ', ['p3']],
    ['anna', ['p4']],
    ['karl', ['p4']],
    ['luc', ['p6']],
    ['jean-luc', ['p6']],
    ['picard', ['p6']],
    ['brien', ['p7']],
    ["o'brien", ['p7']],
    ['siobhan', ['p7']],
    ['åsa', ['p10']],
    ['asa', ['p10']],
    ['ober', ['p10']],
    ['hanna b', ['p5']],
    // stage 3: substring
    ['ohn', ['p1', 'p11', 'p2']],
    ['nna', ['p4', 'p5']],
    ['mith', ['p1', 'p11']],
    ['ppleseed', ['p2']],
    ['n smi', ['p1', 'p11']],
    ['uc pic', ['p6']],
    // unknown
    ['zed', []],
    ['john x', []],
    ['smith john', []],
    ['', []],
    ['   ', []],
    ['\u0301', []], // folds to nothing
  ])('%j → %j', (query, want) => {
    expect(ids(query)).toEqual(want);
  });

  it('stops at the first stage that matches anyone', () => {
    const list = [{ id: 'a', name: 'Bo' }, { id: 'b', name: 'Bob' }, { id: 'c', name: 'Jimbo' }];
    expect(ids('bo', list)).toEqual(['a']);
    expect(ids('b', list)).toEqual(['a', 'b']);
    expect(ids('mbo', list)).toEqual(['c']);
  });

  it('orders by folded name, then name, then id, whatever the input order', () => {
    const list = [
      { id: '2', name: 'anna' }, { id: '1', name: 'Anna' }, { id: '3', name: 'Anna' }, { id: '0', name: 'Ánna' },
      { id: '9', name: 'Anna Z' }, { id: '8', name: 'Anna B' },
    ];
    const want = ['1', '3', '2', '0', '8', '9']; // code-unit order: 'anna' < 'Ánna'
    expect(ids('ann', list)).toEqual(want);
    expect(ids('ann', [...list].reverse())).toEqual(want);
  });

  it('keeps the candidates\' own objects and extra fields, and does not reorder the input', () => {
    const list = [{ id: 'x', name: 'Zoë', every: 7 }, { id: 'y', name: 'Zoe', every: 30 }];
    const got = matchName('zoe', list);
    expect(got.map((p) => p.every)).toEqual([30, 7]);
    expect(got[1]).toBe(list[0]);
    expect(list.map((p) => p.id)).toEqual(['x', 'y']);
  });

  it('treats regex and SQL metacharacters literally', () => {
    const list = [{ id: 'a', name: "Bobby'; DROP TABLE people;--" }, { id: 'b', name: 'A.*B' }];
    expect(ids("'; drop", list)).toEqual(['a']);
    expect(ids('.*', list)).toEqual(['b']);
    expect(ids('(', list)).toEqual([]);
  });
});

describe('names on random input', () => {
  const pieces = ['a', 'b', 'A', 'é', 'E\u0301', 'ß', 'ø', 'İ', 'ı', ' ', '\t', '-', "'", '.', '😀', 'Ｊ', 'ﬁ',
    'Σ', 'й', '王', 'ǅ', '\u00a0'];

  it('foldName never throws, is idempotent and has no marks or edge spaces; matchName finds each name', () => {
    const rand = rng(1);
    for (let i = 0; i < RANDOM_STRINGS; i++) {
      const len = Math.floor(rand() * 8);
      let text = '';
      for (let j = 0; j < len; j++) text += pieces[Math.floor(rand() * pieces.length)];
      const folded = foldName(text);
      expect(foldName(folded)).toBe(folded);
      expect(folded).not.toMatch(/\p{M}|\s\s|^\s|\s$/u);
      const list = [{ id: 'me', name: text }, { id: 'other', name: 'Zz Other' }];
      const got = matchName(text, list).map((p) => p.id);
      expect(got).toEqual(folded === '' ? [] : ['me']);
    }
  });
});

describe('whole words beat a prefix (issue 11)', () => {
  const people = [
    { id: '1', name: 'P2 Fam2' },
    { id: '2', name: 'P20 Fam20' },
    { id: '3', name: 'P200 Fam200' },
    { id: '4', name: 'Chenoa Park' },
    { id: '5', name: 'Maya Chen' },
  ];
  it.each([
    ['p2', ['P2 Fam2']],
    ['P20', ['P20 Fam20']],
    ['chen', ['Maya Chen']],
    ['fam2', ['P2 Fam2']],
    ['p', ['Chenoa Park', 'P2 Fam2', 'P20 Fam20', 'P200 Fam200']], // no whole word: every prefix
  ])('%s → %j', (q, names) => {
    expect(matchName(q, people).map((p) => p.name)).toEqual(names);
  });
});

describe('byCodePoint: text in Unicode code point order, as SQLite orders it', () => {
  /** The order by definition: the code points one by one. */
  const reference = (a: string, b: string) => {
    const x = [...a].map((c) => c.codePointAt(0)!);
    const y = [...b].map((c) => c.codePointAt(0)!);
    for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i]! < y[i]! ? -1 : 1;
    return Math.sign(x.length - y.length);
  };

  it('agrees with the code points on random text that mixes ASCII, accents, U+E000-U+FFFF and emoji', () => {
    const rnd = rng(5);
    const chars = ['a', 'b', 'Z', 'é', '\u0000', '\ud7ff', '\ue000', 'Ｚ', '\uffff', '😀', '🎉', '𐀀', '\u{10ffff}'];
    const text = () => Array.from({ length: Math.floor(rnd() * 4) }, () => chars[Math.floor(rnd() * chars.length)]).join('');
    let differs = 0;
    for (let i = 0; i < RANDOM_STRINGS; i++) {
      const [a, b] = [text(), text()];
      expect(byCodePoint(a, b), `${JSON.stringify(a)} ${JSON.stringify(b)}`).toBe(reference(a, b));
      if (byText(a, b) !== byCodePoint(a, b)) differs++;
    }
    expect(differs).toBeGreaterThan(0); // the one case where UTF-16's order is not the code points'
  });

  it('puts an emoji after a full-width letter, and a prefix first', () => {
    expect(byCodePoint('😀', 'Ｚ')).toBe(1);
    expect(byText('😀', 'Ｚ')).toBe(-1);
    expect(byCodePoint('Zo', 'Zoe')).toBe(-1);
    expect(byCodePoint('Zoe', 'Zo')).toBe(1);
    expect(byCodePoint('é', 'é')).toBe(0);
    expect(byCodePoint('😀', '🎉')).toBe(1); // U+1F600 after U+1F389: low surrogates compared
  });
});
