import { describe, expect, it } from 'vitest';
import { useTempRel } from '../helpers.js';
import { emptyOnMarch1 } from './fixtures.js';

describe('add and edit never make a second copy of someone', () => {
  const t = useTempRel();

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
});

describe('rel add', () => {
  const { rel } = emptyOnMarch1();

  it('adds a person with every field and prints the documented JSON', async () => {
    const r = await rel([
      'add', 'Maya Chen', '--email', 'maya@example.com', '--email', 'maya@work.example', '--phone', '+351 912 345 678',
      '--company', 'Acme', '--title', 'CTO', '--tag', 'Friends', '--tag', 'lisbon', '--every', '1m',
      '--birthday', '1990-05-04', '--met', 'PyCon 2025', '--note', 'daughter Ana starts school in May', '--json',
    ]);
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    const p = r.json();
    expect(p).toMatchObject({
      name: 'Maya Chen',
      emails: ['maya@example.com', 'maya@work.example'],
      phones: ['+351 912 345 678'],
      company: 'Acme',
      title: 'CTO',
      tags: ['friends', 'lisbon'],
      every_days: 30,
      birthday: '1990-05-04',
      met: 'PyCon 2025',
      last_touch: null,
      added_on: '2026-03-01',
      facts: [{ text: 'daughter Ana starts school in May', date: '2026-03-01' }],
      touchpoints: [],
    });
    expect(p.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(p.created_at).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it('a yearless birthday is --MM-DD in JSON', async () => {
    expect((await rel(['add', 'Tomás', '--birthday', '03-14', '--json'])).json().birthday).toBe('--03-14');
  });

  it('stores quotes, emoji, right-to-left text and SQL metacharacters exactly', async () => {
    const names = [`Robert'); DROP TABLE people;--`, 'Zoë "Z" O\'Hara 🎉', 'מרים כהן', 'أحمد', '50% _under_ \\back'];
    for (const name of names) {
      const added = (await rel(['add', name, '--note', `${name} said: 'hi' 👋`, '--json'])).json();
      const shown = (await rel(['show', added.id, '--json'])).json();
      expect(shown.name).toBe(name);
      expect(shown.facts[0].text).toBe(`${name} said: 'hi' 👋`);
    }
    expect((await rel(['list', '--json'])).json()).toHaveLength(names.length);
  });

  it.each([
    [['add', ''], /name cannot be empty/],
    [['add', '   '], /name cannot be empty/],
    [['add', 'A', '--every', '3x'], /bad interval "3x"/],
    [['add', 'A', '--birthday', '2026-02-30'], /2026-02-30/],
    [['add', 'A', '--email', 'not-an-email'], /bad email "not-an-email"/],
    [['add', 'A', '--frobnicate'], /unknown option '--frobnicate'/],
    [['add'], /missing required argument 'name'/],
  ])('refuses %j with exit 2 and one line on stderr', async (argv, message) => {
    const r = await rel(argv as string[]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.err).toMatch(/^rel: /);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.out).toBe('');
    expect((await rel(['list', '--json'])).json()).toEqual([]);
  });
});

describe('small but visible (issue 11 item 16)', () => {
  const t = useTempRel({ now: '2026-03-01T09:00' });

  it('names have inner whitespace collapsed on add, edit and import', async () => {
    expect((await t.rel(['add', ' Kate  Bell ', '--json'])).json().name).toBe('Kate Bell');
    expect((await t.rel(['edit', 'kate', '--name', 'Kate \u00a0 Bell-Ray', '--json'])).json().name).toBe('Kate Bell-Ray');
    const file = `${t.dir}/people.csv`;
    const { writeFileSync } = await import('node:fs');
    writeFileSync(file, 'Name,Email\n" Ana   Maia ",ana@example.com\n');
    expect((await t.rel(['import', file, '--map', 'name=Name,email=Email'])).code).toBe(0);
    expect((await t.rel(['show', 'ana', '--json'])).json().name).toBe('Ana Maia');
  });
});
