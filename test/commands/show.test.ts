import { beforeEach, describe, expect, it } from 'vitest';
import { useTempRel } from '../helpers.js';
import { emptyOnMarch1 } from './fixtures.js';

describe('WHO matching', () => {
  const { rel } = emptyOnMarch1();
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

  it('a namesake named by id is not matched again: rel merge ID "maya chen" takes the other Maya Chen', async () => {
    const keep = (await rel(['add', 'Maya Chen', '--email', 'maya@two.example', '--json'])).json().id as string;
    const r = await rel(['merge', keep, 'maya chen', '--json']);
    expect(r.code, r.err).toBe(0);
    const left = (await rel(['list', '--json'])).json().map((p: { name: string }) => p.name);
    expect(left.filter((n: string) => n === 'Maya Chen')).toHaveLength(1);
    expect((await rel(['show', keep, '--json'])).json().emails).toEqual(['maya@two.example']);
  });

  it('unknown: exit 2 with suggestions', async () => {
    const r = await rel(['show', 'mayz']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^rel: no one called "mayz"; did you mean .*Maya Chen/);
  });
});

describe('matching a person (issue 11 item 14)', () => {
  const t = useTempRel({ now: '2026-03-01T09:00' });

  it('rel show p2 among P2, P20 and P200 finds P2 Fam2', async () => {
    for (const n of ['P2 Fam2', 'P20 Fam20', 'P200 Fam200']) await t.rel(['add', n]);
    const r = await t.rel(['show', 'p2', '--json']);
    expect(r.code).toBe(0);
    expect(r.json().name).toBe('P2 Fam2');
  });

  it.each([
    [['show', 'maya', 'chen', '--json']],
    [['brief', 'maya', 'chen', '--json']],
    [['edit', 'maya', 'chen', '--company', 'Acme', '--json']],
    [['ledger', 'maya', 'chen', '--json']],
  ])('unquoted words are one WHO: rel %j', async (argv) => {
    await t.rel(['add', 'Maya Chen']);
    await t.rel(['add', 'Maya Lopez']);
    const r = await t.rel(argv);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.json().name).toBe('Maya Chen');
  });
});
