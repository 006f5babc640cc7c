import { describe, expect, it } from 'vitest';
import { useTempRel } from '../helpers.js';
import { emptyOnMarch1 } from './fixtures.js';

describe('add and edit never make a second copy of someone', () => {
  const t = useTempRel();

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

describe('rel edit, note, list, rm', () => {
  const { rel } = emptyOnMarch1();

  it('edits scalars, adds and removes list values, and drops the rhythm', async () => {
    await rel(['add', 'Maya Chen', '--tag', 'work', '--email', 'a@example.com', '--every', '2w']);
    const r = await rel(['edit', 'maya', '--name', 'Maya Chen-Li', '--company', 'Globex', '--untag', 'work', '--tag', 'friends',
      '--email', 'b@example.com', '--rm-email', 'a@example.com', '--no-every', '--json']);
    expect(r.code).toBe(0);
    expect(r.json()).toMatchObject({ name: 'Maya Chen-Li', company: 'Globex', tags: ['friends'], emails: ['b@example.com'], every_days: null });
    expect((await rel(['edit', 'maya', '--rm-email', 'nope@example.com'])).err).toMatch(/has no "nope@example.com"/);
    expect((await rel(['edit', 'maya', '--untag', 'nope'])).code).toBe(0); // a tag that is not there is no error (issue 11)
  });
});

describe('help examples that work when pasted (issue 11 item 13)', () => {
  const t = useTempRel({ now: '2026-03-01T09:00' });

  it('rel edit maya --every 2w --untag work --tag friends, when Maya has no tag "work"', async () => {
    await t.rel(['add', 'Maya Chen']);
    const r = await t.rel(['edit', 'maya', '--every', '2w', '--untag', 'work', '--tag', 'friends', '--json']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.json()).toMatchObject({ every_days: 14, tags: ['friends'] });
  });

  it('removing an email that is not there is still an error', async () => {
    await t.rel(['add', 'Maya Chen']);
    const r = await t.rel(['edit', 'maya', '--rm-email', 'nope@example.com']);
    expect(r.code).toBe(2);
  });
});
