// vCard escapes in rel's own X-REL- properties (issue 16: an uppercase \N is a newline too, RFC 6350
// 3.4). Kept apart from vcard.test.ts, which is being reworked for issue 12.
import { describe, expect, it } from 'vitest';
import { parseVcards } from '../../src/formats/vcard.js';

const card = (...lines: string[]): string => ['BEGIN:VCARD', 'VERSION:3.0', 'FN:Ana Lima', ...lines, 'END:VCARD', ''].join('\r\n');

describe('X-REL-MET escapes', () => {
  it.each([
    ['at a conference\\nin Lisbon', 'at a conference\nin Lisbon'],
    ['at a conference\\Nin Lisbon', 'at a conference\nin Lisbon'],
    ['Lisbon\\, Porto\\; Faro', 'Lisbon, Porto; Faro'],
  ])('%s', (value, met) => {
    const { records } = parseVcards(card(`X-REL-MET:${value}`));
    expect(records[0]!.value.met).toBe(met);
  });
});
