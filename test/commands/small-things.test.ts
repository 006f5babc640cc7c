/** Issue 11 items 10 and 16: small things a user notices. */
import { describe, expect, it } from 'vitest';
import { wrap } from '../../src/render/brief.js';
import { useTempRel } from '../helpers.js';

const t = useTempRel({ now: '2026-03-01T09:00' });

describe('rel brief shows a multi-line fact whole', () => {
  it('every line, indented under the first', async () => {
    await t.rel(['add', 'Maya Chen']);
    await t.rel(['note', 'maya', 'kids:\nAna, 7, loves dinosaurs\n\nLeo, 4']);
    const out = (await t.rel(['brief', 'maya'])).out;
    expect(out).toContain(
      ['  2026-03-01  kids:', '              Ana, 7, loves dinosaurs', '', '              Leo, 4'].join('\n'),
    );
  });

  it('a long line is wrapped, not cut', async () => {
    await t.rel(['add', 'Maya Chen']);
    const long = `${'word '.repeat(30)}end`;
    await t.rel(['note', 'maya', long]);
    const out = (await t.rel(['brief', 'maya'])).out;
    expect(out).not.toContain('…');
    expect(out).toContain('end');
  });

  it.each([
    ['short', 10, ['short']],
    ['one two three', 7, ['one two', 'three']],
    ['abcdefghij', 4, ['abcd', 'efgh', 'ij']],
    ['', 5, ['']],
  ])('wrap(%j, %i)', (text, width, lines) => {
    expect(wrap(text, width)).toEqual(lines);
  });
});

describe('matching a person (issue 11 item 14)', () => {
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

  it('rel rm maya chen --yes', async () => {
    await t.rel(['add', 'Maya Chen']);
    await t.rel(['add', 'Maya Lopez']);
    expect((await t.rel(['rm', 'maya', 'chen', '--yes'])).code).toBe(0);
    expect((await t.rel(['list', '--json'])).json().map((p: { name: string }) => p.name)).toEqual(['Maya Lopez']);
  });
});

describe('help examples that work when pasted (issue 11 item 13)', () => {
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
