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
