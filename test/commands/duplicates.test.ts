import { describe, expect, it } from 'vitest';
import { contactClashes } from '../../src/domain/duplicates.js';
import { useTempRel } from '../helpers.js';

const t = useTempRel();

describe('add and edit never make a second copy of someone', () => {
  it('add refuses an email another person has, naming them; --force allows it', async () => {
    const maya = (await t.rel(['add', 'Maya Chen', '--email', 'maya@example.com', '--json'])).json();
    const r = await t.rel(['add', 'Maya C', '--email', 'MAYA@example.com']);
    expect(r.code).toBe(2);
    expect(r.err).toBe(`rel: MAYA@example.com belongs to Maya Chen (${maya.short_id}): edit them instead (rel edit ${maya.short_id}), or use --force to allow it\n`);
    expect((await t.rel(['list', '--json'])).json()).toHaveLength(1);
    expect((await t.rel(['add', 'Maya C', '--email', 'maya@example.com', '--force'])).code).toBe(0);
    expect((await t.rel(['list', '--json'])).json()).toHaveLength(2);
  });

  it('add refuses a phone another person has, whatever its punctuation', async () => {
    await t.rel(['add', 'Leo', '--phone', '+1 (555) 010-2000']);
    const r = await t.rel(['add', 'Leon', '--phone', '+15550102000']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^rel: \+15550102000 belongs to Leo \(/);
  });

  it('add warns on stderr when the exact name exists, and adds', async () => {
    await t.rel(['add', 'Maya Chen']);
    const r = await t.rel(['add', 'maya chén']);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/^rel: warning: another person is already called maya chén \([0-9a-f]{8}\); tell them apart by id\n$/);
    expect((await t.rel(['list', '--json'])).json()).toHaveLength(2);
  });

  it('edit refuses an email another person has unless --force, and warns on a rename to an existing name', async () => {
    await t.rel(['add', 'Ana Maia', '--email', 'ana@example.com']);
    await t.rel(['add', 'Maya Chen']);
    const r = await t.rel(['edit', 'maya', '--email', 'ana@example.com']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^rel: ana@example.com belongs to Ana Maia/);
    expect((await t.rel(['show', 'maya', '--json'])).json().emails).toEqual([]);
    expect((await t.rel(['edit', 'maya', '--email', 'ana@example.com', '--force'])).code).toBe(0);
    const rename = await t.rel(['edit', 'maya', '--name', 'Ana Maia']);
    expect(rename.code).toBe(0);
    expect(rename.err).toMatch(/^rel: warning: another person is already called Ana Maia/);
  });

  it('edit of a person keeping their own email is no clash', async () => {
    await t.rel(['add', 'Ana Maia', '--email', 'ana@example.com']);
    const r = await t.rel(['edit', 'ana', '--email', 'ana@example.com', '--company', 'Acme']);
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
  });
});

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
