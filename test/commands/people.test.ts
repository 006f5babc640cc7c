import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { relAt, tempDir } from '../helpers.js';

let tmp: ReturnType<typeof tempDir>;
let rel: ReturnType<typeof relAt>;
beforeEach(() => {
  tmp = tempDir();
  rel = relAt(join(tmp.dir, 'rel.db'), { now: '2026-03-01T09:00' });
});
afterEach(() => tmp.cleanup());

describe('rel add', () => {
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

describe('WHO matching', () => {
  beforeEach(async () => {
    for (const n of ['Maya Chen', 'Mayra Lopes', 'José Núñez', 'Ana Maria Silva', 'Ana Mar']) await rel(['add', n]);
  });
  const who = async (q: string) => (await rel(['show', q, '--json'])).json().name;

  it.each([
    ['maya chen', 'Maya Chen'],
    ['MAYA', 'Maya Chen'], // unique word prefix: "maya" is not a prefix of "mayra"
    ['jose', 'José Núñez'],
    ['NUNEZ', 'José Núñez'],
    ['núñ', 'José Núñez'],
    ['silva', 'Ana Maria Silva'],
    ['ana mar', 'Ana Mar'], // an exact name wins over prefixes
    ['lope', 'Mayra Lopes'],
    ['ayra', 'Mayra Lopes'], // a unique substring
  ])('%s → %s', async (q, name) => {
    expect(await who(q)).toBe(name);
  });

  it('finds by id and by a short id', async () => {
    const id = (await rel(['add', 'Zed', '--json'])).json().id as string;
    expect(await who(id)).toBe('Zed');
    expect(await who(id.slice(0, 8))).toBe('Zed');
  });

  it('ambiguous without a terminal: exit 2 and the candidates', async () => {
    const r = await rel(['show', 'ma']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^rel: "ma" matches 4 people: Ana Mar \(\w+\), Ana Maria Silva .*Maya Chen .*Mayra Lopes/);
  });

  it('ambiguous in a terminal: asks which one', async () => {
    const r = await rel(['show', 'ma', '--json'], {
      stdinIsTTY: true,
      answers: [{ id: 'x', name: 'placeholder' }],
    });
    expect(r.asked).toEqual(['"ma" matches 4 people. Which one?']);
  });

  it('unknown: exit 2 with suggestions', async () => {
    const r = await rel(['show', 'mayz']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^rel: no one called "mayz"; did you mean .*Maya Chen/);
  });
});

describe('rel edit, note, list, rm', () => {
  it('edits scalars, adds and removes list values, and drops the rhythm', async () => {
    await rel(['add', 'Maya Chen', '--tag', 'work', '--email', 'a@example.com', '--every', '2w']);
    const r = await rel(['edit', 'maya', '--name', 'Maya Chen-Li', '--company', 'Globex', '--untag', 'work', '--tag', 'friends',
      '--email', 'b@example.com', '--rm-email', 'a@example.com', '--no-every', '--json']);
    expect(r.code).toBe(0);
    expect(r.json()).toMatchObject({ name: 'Maya Chen-Li', company: 'Globex', tags: ['friends'], emails: ['b@example.com'], every_days: null });
    expect((await rel(['edit', 'maya', '--rm-email', 'nope@example.com'])).err).toMatch(/has no "nope@example.com"/);
    expect((await rel(['edit', 'maya', '--untag', 'nope'])).code).toBe(0); // a tag that is not there is no error (issue 11)
  });

  it('notes facts, newest first in show', async () => {
    await rel(['add', 'Maya']);
    await rel(['note', 'maya', 'likes', 'green', 'tea']);
    const r = await rel(['note', 'maya', 'new job at Acme'], { now: '2026-03-05T10:00' });
    expect(r.out).toBe('Noted for Maya: new job at Acme\n');
    expect((await rel(['show', 'maya', '--json'])).json().facts).toEqual([
      { text: 'new job at Acme', date: '2026-03-05' },
      { text: 'likes green tea', date: '2026-03-01' },
    ]);
  });

  it('lists by tag with the last touch', async () => {
    await rel(['add', 'B', '--tag', 'x', '--every', '1w']);
    await rel(['add', 'A']);
    await rel(['log', 'B', '--on', 'yesterday']);
    expect((await rel(['list', '--json'])).json().map((p: { name: string }) => p.name)).toEqual(['A', 'B']);
    expect((await rel(['list', '--tag', 'X', '--json'])).json()).toEqual([
      expect.objectContaining({ name: 'B', tags: ['x'], every_days: 7, last_touch: '2026-02-28' }),
    ]);
  });

  it('rm needs --yes without a terminal, asks in one, and removes touches too', async () => {
    await rel(['add', 'Maya']);
    await rel(['log', 'maya']);
    const refused = await rel(['rm', 'maya']);
    expect(refused.code).toBe(2);
    expect(refused.err).toMatch(/without --yes/);
    const declined = await rel(['rm', 'maya'], { stdinIsTTY: true, answers: [false] });
    expect(declined.out).toMatch(/Nothing removed/);
    expect(await rel(['rm', 'maya'], { stdinIsTTY: true, answers: [true] })).toMatchObject({ code: 0, out: 'Removed Maya.\n' });
    expect((await rel(['list', '--json'])).json()).toEqual([]);
    expect((await rel(['ledger', '--json'])).json()).toEqual([]);
  });
});

describe('output', () => {
  it('no colour when stdout is not a terminal, or under NO_COLOR; colour on a terminal', async () => {
    await rel(['add', 'Maya', '--every', '1w']);
    const plain = await rel(['due'], { now: '2026-04-01' });
    expect(plain.out).not.toMatch(/\x1b\[/);
    expect((await rel(['due'], { now: '2026-04-01', stdoutIsTTY: true, env: { NO_COLOR: '1' } })).out).not.toMatch(/\x1b\[/);
    expect((await rel(['due'], { now: '2026-04-01', stdoutIsTTY: true })).out).toMatch(/\x1b\[/);
    expect((await rel(['due', '--json'], { now: '2026-04-01', stdoutIsTTY: true })).out).not.toMatch(/\x1b\[/);
  });

  it('--help and --version exit 0 with examples', async () => {
    const help = await rel(['log', '--help']);
    expect(help.code).toBe(0);
    expect(help.out).toMatch(/Examples:\n  rel log maya/);
    expect((await rel(['--version'])).out).toMatch(/^\d+\.\d+\.\d+\n$/);
    expect((await rel([])).code).toBe(0);
  });
});
