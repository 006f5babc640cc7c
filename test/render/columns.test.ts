import { describe, expect, it } from 'vitest';
import stringWidth from 'string-width';
import { columns, width } from '../../src/render/columns.js';

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
});

describe('columns', () => {
  it('lines up ASCII, accents, CJK, emoji and colour', () => {
    const out = columns(['name', 'why'], [['李小龙', 'due'], ['\x1b[1mZoë 🎉\x1b[22m', 'late'], ['Al', 'x']]);
    const plain = out.replace(/\x1b\[[0-9;]*m/g, '').split('\n');
    const at = plain.map((l) => stringWidth(l.slice(0, l.search(/(due|late|x|why)$/))));
    expect(new Set(at).size).toBe(1);
  });
});
