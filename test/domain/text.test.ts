import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { cleanName, cleanNote, quoteInput } from '../../src/domain/text.js';
import { rng, usage, RANDOM_STRINGS } from '../support.js';

/** Valid in both names and notes, and must come back exactly (after NFC). */
const KEEP = [
  'Ann Lee', "Bobby'; DROP TABLE people;--", 'Robert"); DELETE FROM touchpoints; --', '"Quoted" Name',
  '`backtick` $(rm -rf /) %s %n {{x}}', 'Zoë 😀 👩‍👩‍👧 🇸🇪', 'محمد بن سلمان', 'שלום עליכם', '王小明', 'Dmitrij Ёлкин',
  'a\u200db', 'x\u202ey', '\\n is not a newline', '<script>alert(1)</script>', 'a'.repeat(200),
  '😀'.repeat(200), // 200 code points, 400 UTF-16 units
];

describe('cleanName', () => {
  it.each(KEEP)('keeps %j exactly', (text) => {
    expect(cleanName(text)).toBe(text);
  });

  it.each<[string, string]>([
    ['  Ann Lee  ', 'Ann Lee'],
    ['\u00a0Ann\u3000', 'Ann'],
    ['Jose\u0301', 'José'], // NFC
    ['A\u030a', 'Å'],
    ['Ann  Lee', 'Ann Lee'], // inner runs of spaces collapse (issue 11: " Kate  Bell" is Kate Bell)
    ['Ann\u00a0\u00a0Lee', 'Ann Lee'],
  ])('%j → %j', (text, want) => {
    expect(cleanName(text)).toBe(want);
  });

  it.each<[string, string]>([
    ['', 'name cannot be empty'],
    ['   ', 'name cannot be empty'],
    ['\u00a0\u2003', 'name cannot be empty'],
    ['Ann\u0000', 'name "Ann\\u0000" contains a control character (U+0000) at position 4'],
    ['Ann\nLee', 'name "Ann\\u000ALee" contains a control character (U+000A) at position 4'],
    ['\tAnn', 'name "\\u0009Ann" contains a control character (U+0009) at position 1'],
    ['Ann\r', 'contains a control character (U+000D) at position 4'],
    ['A\u001bLee', 'contains a control character (U+001B) at position 2'],
    ['A\u007f', 'contains a control character (U+007F) at position 2'],
    ['A\u0085', 'contains a control character (U+0085) at position 2'],
    ['A\u009f', 'contains a control character (U+009F) at position 2'],
    ['😀\u0007', 'name "😀\\u0007" contains a control character (U+0007) at position 2'],
    ['Ann\u2028Lee', 'contains a line separator (U+2028) at position 4'],
    ['Ann\u2029', 'contains a line separator (U+2029) at position 4'],
    ['Ann\ud800', 'name "Ann\\uD800" contains an unpaired surrogate (U+D800) at position 4'],
    ['\udc00Ann', 'contains an unpaired surrogate (U+DC00) at position 1'],
    ['A\udc00\ud800', 'contains an unpaired surrogate (U+DC00) at position 2'],
    ['a'.repeat(201), `name "${'a'.repeat(20)}…" is too long: 201 characters, at most 200`],
    ['😀'.repeat(201), 'is too long: 201 characters, at most 200'],
  ])('refuses %j', (text, message) => {
    const e = usage(() => cleanName(text));
    expect(e.message).toContain(message);
    expect(e.message).not.toMatch(/[\p{Cc}\p{Cs}\u2028\u2029]/u);
  });

  it('names the thing in its messages', () => {
    expect(usage(() => cleanName('', 'tag')).message).toBe('tag cannot be empty');
    expect(usage(() => cleanName('a\tb', 'company')).message).toMatch(/^company "a\\u0009b" contains/);
  });

  it('counts length after trimming and NFC', () => {
    expect(cleanName(` ${'e\u0301'.repeat(200)} `)).toBe('é'.repeat(200));
  });
});

describe('cleanNote', () => {
  it.each(KEEP)('keeps %j exactly', (text) => {
    expect(cleanNote(text)).toBe(text);
  });

  it.each<[string, string]>([
    ['line one\nline two', 'line one\nline two'],
    ['line one\r\nline two\r\n', 'line one\nline two'],
    ['old\rmac', 'old\nmac'],
    ['a\r\n\r\nb', 'a\n\nb'],
    ['col1\tcol2', 'col1\tcol2'],
    ['\n\n  talked about the move  \n\n', 'talked about the move'],
    ['  indented\n  second', 'indented\n  second'],
    ['Jose\u0301\n', 'José'],
    ['a\u2028b', 'a\u2028b'],
    ['x'.repeat(10_000), 'x'.repeat(10_000)],
  ])('%j → %j', (text, want) => {
    expect(cleanNote(text)).toBe(want);
  });

  it.each<[string, string]>([
    ['', 'note cannot be empty'],
    [' \n\t\r\n ', 'note cannot be empty'],
    ['a\u0000b', 'note "a\\u0000b" contains a control character (U+0000) at position 2'],
    ['ok\n\u000b', 'contains a control character (U+000B) at position 4'],
    ['a\u000cb', 'contains a control character (U+000C) at position 2'],
    ['a\u007f', 'contains a control character (U+007F) at position 2'],
    ['a\u0085', 'contains a control character (U+0085) at position 2'],
    ['a\ud83d', 'contains an unpaired surrogate (U+D83D) at position 2'],
    ['x'.repeat(10_001), 'is too long: 10001 characters, at most 10000'],
  ])('refuses %j', (text, message) => {
    expect(usage(() => cleanNote(text)).message).toContain(message);
  });

  it('names the thing in its messages', () => {
    expect(usage(() => cleanNote('  ', 'fact')).message).toBe('fact cannot be empty');
  });
});

describe('quoteInput', () => {
  it.each<[string, string]>([
    ['3x', '"3x"'],
    ['a\nb', '"a\\u000Ab"'],
    ['\u202eevil', '"\\u202Eevil"'],
    ['a\ud800', '"a\\uD800"'],
    ['😀', '"😀"'],
    ['x'.repeat(61), `"${'x'.repeat(60)}…"`],
  ])('%j → %s', (text, want) => {
    expect(quoteInput(text)).toBe(want);
  });

  it('escapes exactly the controls, lone surrogates, separators and bidi controls, of every code point', () => {
    // Unicode's own classes (Cc, Cs) as the oracle for the ranges text.ts spells out.
    const unsafe = /^[\p{Cc}\p{Cs}\u2028\u2029\u202a-\u202e\u2066-\u2069]$/u;
    const wrong: string[] = [];
    for (let cp = 0; cp <= 0x10ffff; cp++) {
      const ch = String.fromCodePoint(cp);
      const escaped = quoteInput(ch) !== `"${ch}"`;
      if (escaped !== unsafe.test(ch)) wrong.push(cp.toString(16));
    }
    expect(wrong).toEqual([]);
  });
});

describe('cleanName and cleanNote on random input', () => {
  const pieces = ['a', 'Z', ' ', '  ', '\t', '\n', '\r', '\r\n', '\u0000', '\u001f', '\u007f', '\u0085', '\u00a0',
    'é', 'e\u0301', 'ß', '😀', '\ud83d', '\ude00', '\u2028', '\u202e', "'", '"', ';', '--', 'ש', '王', '\u200d'];

  it('returns clean text or throws UsageError with a one-line message, for 2,000 strings each', () => {
    const rand = rng(99);
    const ok = { name: 0, note: 0 };
    for (let i = 0; i < RANDOM_STRINGS; i++) {
      const len = Math.floor(rand() * 10);
      let text = '';
      for (let j = 0; j < len; j++) text += pieces[Math.floor(rand() * pieces.length)];
      for (const [kind, clean] of [['name', cleanName], ['note', cleanNote]] as const) {
        try {
          const got = clean(text);
          expect(got).toBe(got.normalize('NFC'));
          expect(got).toBe(got.trim());
          expect(got).not.toBe('');
          expect(got).not.toMatch(kind === 'name' ? /[\p{Cc}\p{Cs}\u2028\u2029]/u : /[\p{Cs}\r\0-\u0008\u000b-\u001f\u007f-\u009f]/u);
          expect(encodeURIComponent(got)).toBeTypeOf('string'); // throws URIError on lone surrogates
          expect(clean(got)).toBe(got); // idempotent
          ok[kind]++;
        } catch (e) {
          expect(e).toBeInstanceOf(UsageError);
          expect((e as Error).message).not.toMatch(/[\p{Cc}\p{Cs}\u2028\u2029]/u);
        }
      }
    }
    expect(ok.name).toBeGreaterThan(RANDOM_STRINGS / 20);
    expect(ok.note).toBeGreaterThan(ok.name);
  });
});
