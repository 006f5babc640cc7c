import { describe, expect, it } from 'vitest';
import stringWidth from 'string-width';
import { cut, width } from '../../src/render/columns.js';
import { table } from '../../src/render/table.js';

describe('width', () => {
  it.each([
    ['Maya Chen', 9],
    ['\x1b[1mMaya\x1b[22m', 4],
    ['José Núñez', 10],
    ['李小龙', 6],
    ['Zoë 🎉', 6],
    ['', 0],
  ])('%j is %i columns wide, as string-width says', (cell, w) => {
    expect(width(cell)).toBe(w);
    expect(width(cell)).toBe(stringWidth(cell));
  });

  it('measures every character of U+0000-U+07FF and the first planes of CJK and emoji as string-width does, alone and in a name', () => {
    const points = [...Array(0x800).keys(), 0x1100, 0x2122, 0x3042, 0x4e00, 0xac00, 0xff21, 0x1f389, 0x1f600];
    for (const cp of points) {
      const c = String.fromCodePoint(cp);
      expect(width(c), `U+${cp.toString(16)}`).toBe(stringWidth(c));
      expect(width(`Zoë ${c} Núñez`), `U+${cp.toString(16)} in a name`).toBe(stringWidth(`Zoë ${c} Núñez`));
    }
  });
});

describe('cut', () => {
  it.each([
    ['Maya Chen', 20, 'Maya Chen'],
    ['Maya Chen', 9, 'Maya Chen'],
    ['Maya Chen', 8, 'Maya Ch…'],
    ['Maya Chen', 5, 'Maya…'], // no space before the "…"
    ['李小龙李小龙', 6, '李小…'], // a wide character is not split: 5 columns
    ['Zoë 🎉 party', 7, 'Zoë 🎉…'],
    ['abc', 1, '…'],
  ])('%j cut to %i columns is %j', (cell, max, expected) => {
    expect(cut(cell, max)).toBe(expected);
    expect(width(cut(cell, max))).toBeLessThanOrEqual(max);
  });

  it('keeps colour before the cut and resets after it', () => {
    expect(cut('\x1b[33mlong yellow note\x1b[39m', 8)).toBe('\x1b[33mlong ye…\x1b[0m');
  });
});

describe('table', () => {
  it('lines up ASCII, accents, CJK, emoji and colour', () => {
    const out = table(['name', 'why'], [['李小龙', 'due'], ['\x1b[1mZoë 🎉\x1b[22m', 'late'], ['Al', 'x']], { color: false });
    const plain = out.replace(/\x1b\[[0-9;]*m/g, '').split('\n');
    const at = plain.map((l) => stringWidth(l.slice(0, l.search(/(due|late|x|why)$/))));
    expect(new Set(at).size).toBe(1);
  });
});
