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

describe('small but visible (issue 11 item 16)', () => {
  it('the ledger of one person: a header over every column; balance 0 is "even", never "+0"', async () => {
    await t.rel(['add', 'Leo']);
    await t.rel(['log', 'leo', '--give', 'gift', '-m', 'a book']);
    await t.rel(['log', 'leo', '--ask', 'advice']);
    const out = (await t.rel(['ledger', 'leo'])).out;
    const [, header, ...rows] = out.split('\n');
    expect(header).toMatch(/^date\s+what\s+kind\s+note$/);
    const gift = rows.find((r) => r.includes('gift'))!;
    expect(gift.indexOf('gave')).toBe(header!.indexOf('what'));
    expect(gift.indexOf('gift')).toBe(header!.indexOf('kind'));
    expect(out).toContain('balance even.');
    expect((await t.rel(['show', 'leo'])).out).toContain('balance even');
    expect((await t.rel(['brief', 'leo'])).out).toContain('balance even');
    expect((await t.rel(['show', 'leo'])).out).not.toContain('+0');
  });

  it('"close an offer", "close a need"', async () => {
    expect((await t.rel(['offer', '--help'])).out).toContain('close an offer');
    expect((await t.rel(['need', '--help'])).out).toContain('close a need');
  });

  it('names have inner whitespace collapsed on add, edit and import', async () => {
    expect((await t.rel(['add', ' Kate  Bell ', '--json'])).json().name).toBe('Kate Bell');
    expect((await t.rel(['edit', 'kate', '--name', 'Kate \u00a0 Bell-Ray', '--json'])).json().name).toBe('Kate Bell-Ray');
    const file = `${t.dir}/people.csv`;
    const { writeFileSync } = await import('node:fs');
    writeFileSync(file, 'Name,Email\n" Ana   Maia ",ana@example.com\n');
    expect((await t.rel(['import', file, '--map', 'name=Name,email=Email'])).code).toBe(0);
    expect((await t.rel(['show', 'ana', '--json'])).json().name).toBe('Ana Maia');
  });

  it('rel snooze leo off on someone not snoozed says so and writes no undo entry', async () => {
    await t.rel(['add', 'Leo']);
    const r = await t.rel(['snooze', 'leo', 'off']);
    expect(r.out).toBe('Leo is not snoozed: nothing to do.\n');
    expect(r.code).toBe(0);
    expect((await t.rel(['undo', '--list', '--json'])).json().map((c: { command: string }) => c.command)).toEqual(['add']);
    await t.rel(['snooze', 'leo', '2w']);
    expect((await t.rel(['snooze', 'leo', 'off'])).out).toBe('Leo is no longer snoozed.\n');
  });

  it('rel due says how many are snoozed under the list; rel list marks them', async () => {
    await t.rel(['add', 'Leo', '--every', '1w'], { now: '2026-01-01' });
    await t.rel(['add', 'Maya Chen', '--every', '1w'], { now: '2026-01-01' });
    await t.rel(['add', 'Ana', '--every', '1w'], { now: '2026-01-01' });
    await t.rel(['snooze', 'leo', '2026-04-01']);
    await t.rel(['snooze', 'maya', '2w']);
    const due = (await t.rel(['due'])).out;
    expect(due).not.toContain('Leo');
    expect(due.trimEnd().split('\n').at(-1)).toBe('2 snoozed (rel list shows until when; rel snooze WHO off wakes one)');
    await t.rel(['log', 'ana']);
    expect((await t.rel(['due'])).out).toBe('No one is due. Nice. 2 snoozed (rel list shows until when; rel snooze WHO off wakes one).\n');
    const list = await t.rel(['list']);
    expect(list.out).toMatch(/Leo\s+every 1w, snoozed until 2026-04-01/);
    expect(list.out).toMatch(/Maya Chen\s+every 1w, snoozed until 2026-03-15/);
    expect((await t.rel(['list', '--json'])).json().map((p: { snoozed_until: string | null }) => p.snoozed_until)).toEqual([null, '2026-04-01', '2026-03-15']);
  });

  it('rel due --within 2w: in date order, one line per person', async () => {
    await t.rel(['add', 'Leo', '--every', '1w', '--birthday', '1990-03-10'], { now: '2026-02-01' }); // overdue since 02-08
    await t.rel(['add', 'Ana', '--every', '2w'], { now: '2026-02-20' }); // due 03-06
    await t.rel(['add', 'Maya Chen', '--birthday', '--03-03']); // in 2 days
    const out = (await t.rel(['due', '--within', '2w'])).out;
    const rows = out.trimEnd().split('\n').slice(1);
    expect(rows.map((r) => r.split(/\s{2,}/).slice(0, 4))).toEqual([
      ['1', 'Leo', 'overdue 21d, birthday in 9d', '2026-02-08'],
      ['2', 'Maya Chen', 'birthday in 2d', '2026-03-03'],
      ['3', 'Ana', 'due in 5d', '2026-03-06'],
    ]);
  });
});

describe('rel due --within --limit', () => {
  it('counts lines (people), not items', async () => {
    await t.rel(['add', 'Leo', '--every', '1w', '--birthday', '1990-03-10'], { now: '2026-02-01' });
    await t.rel(['add', 'Ana', '--every', '1w'], { now: '2026-02-27' }); // less urgent than Leo's birthday
    const rows = (await t.rel(['due', '--within', '2w', '--limit', '2'])).out.trimEnd().split('\n').slice(1);
    expect(rows.map((r) => r.split(/\s{2,}/)[1])).toEqual(['Leo', 'Ana']);
  });
});
