import { describe, expect, it } from 'vitest';
import { inBatches } from '../../src/formats/batches.js';
import { writeCsv } from '../../src/formats/csv-rel.js';
import { exportPeople } from '../../src/formats/feed.js';
import type { RelPerson } from '../../src/formats/json.js';
import { writeVcards } from '../../src/formats/vcard-write.js';

const person = (i: number): RelPerson => ({
  id: `00000000-0000-4000-8000-00000000000${i}`, name: `Person ${i}, "quoted"`, emails: [`p${i}@example.com`], phones: ['+1 555 0100'],
  tags: ['a', 'b'], company: 'Acme, Inc.', title: null, every_days: 14, birthday: '--03-10', met: null, met_on: null, linkedin_url: null,
  snoozed_until: null, added_on: '2026-01-01', created_at: 'x', updated_at: 'x', last_touch: '2026-02-01', next_due: '2026-02-15',
  facts: [{ id: 'f', text: 'a long fact that the vCard writer has to fold over more than one line, with a comma, and more', date: '2026-01-01', created_at: 'x', updated_at: 'x' }],
  touchpoints: [], follow_ups: [], dates: [], wishes: [],
} as RelPerson);

describe('rel export in batches (vCard, CSV): the same text as one rendering of everyone', () => {
  const csvHeader = writeCsv([]).length;
  it.each([0, 1, 2, 5])('%i people, two at a time', (n) => {
    const people = Array.from({ length: n }, (_, i) => person(i));
    const vcard = [...inBatches(people, 2, (b) => writeVcards(exportPeople(b)))].join('');
    expect(vcard).toBe(writeVcards(exportPeople(people)));
    const csv = [...inBatches(people, 2, (b) => writeCsv(exportPeople(b)), csvHeader)].join('');
    expect(csv).toBe(writeCsv(exportPeople(people)));
  });
});
