import { describe, expect, it } from 'vitest';
import { contactClashes } from '../../src/domain/duplicates.js';

describe('contactClashes', () => {
  const others = [
    { id: 'a', name: 'A', emails: ['a@x.io'], phones: ['+1 555 0100'] },
    { id: 'b', name: 'B', emails: [], phones: ['0044 20 7946 0000'] },
  ];

  it.each([
    [{ emails: ['A@X.IO'], phones: [] }, ['A']],
    [{ emails: [], phones: ['+15550100'] }, ['A']],
    [{ emails: [], phones: ['+44 20 7946 0000'] }, ['B']],
    [{ emails: ['c@x.io'], phones: ['555'] }, []],
  ])('%j clashes with %j', (card, names) => {
    expect(contactClashes({ id: 'new', name: 'N', ...card }, others).map((c) => c.other.name)).toEqual(names);
  });

  it('a person never clashes with themselves', () => {
    expect(contactClashes({ id: 'a', name: 'A', emails: ['a@x.io'], phones: [] }, others)).toEqual([]);
  });
});

describe('contactClashes: who owns a shared address', () => {
  it('names the first other person who has it, even when a later one has it too', () => {
    const me = { id: 'me', name: 'Ada', emails: ['ada@x.io'], phones: [] };
    const others = [
      { id: 'p1', name: 'Ada Lovelace', emails: ['other@x.io', 'ADA@x.io'], phones: [] },
      { id: 'p2', name: 'A. Lovelace', emails: ['ada@x.io'], phones: [] },
    ];
    expect(contactClashes(me, others)).toEqual([{ value: 'ada@x.io', other: { id: 'p1', name: 'Ada Lovelace' } }]);
  });
});
