import { beforeEach, describe, expect, it } from 'vitest';
import { wrap } from '../../src/render/brief.js';
import { useTempRel } from '../helpers.js';
import { aCto } from './fixtures.js';

describe('rel brief', () => {
  const { rel } = aCto();
  beforeEach(async () => {
    await rel(['note', 'maya', 'daughter Ana starts school in May']);
    await rel(['log', 'maya', '--on', '2026-01-10', '-m', 'first coffee']);
    await rel(['log', 'maya', '--on', '2026-02-01', '-m', 'call about pricing', '--ask', 'advice', '--via', 'call']);
    await rel(['log', 'maya', '--on', '2026-02-15', '-m', 'sent her the deck\nshe liked page 3', '--give', 'help', '--follow-up', '2026-03-10'], { now: '2026-02-15' });
    await rel(['intro', 'maya', 'ana', '--on', '2026-02-20', '-m', 'both in fintech'], { now: '2026-02-20' });
    await rel(['date', 'maya', 'work anniversary', '2020-04-01', '--yearly']);
    await rel(['date', 'maya', 'sabbatical', '2026-09-01']);
    await rel(['need', 'maya', 'a designer for Acme']);
    await rel(['offer', 'maya', 'intros to investors']);
  });

  it('--json: the person plus facts, last touches, follow-ups, ledger, dates, needs and offers', async () => {
    const r = await rel(['brief', 'maya', '--json']);
    expect(r.code).toBe(0);
    const v = r.json();
    expect(v).toMatchObject({ name: 'Maya Chen', company: 'Acme', title: 'CTO', met: 'PyCon Lisbon', met_on: null, added_on: '2026-01-01', touches: 4 });
    expect(v.facts).toEqual([{ text: 'daughter Ana starts school in May', date: '2026-03-04' }]);
    expect(v.last_touches.map((t: { date: string; intro_to: string | null }) => [t.date, t.intro_to])).toEqual([
      ['2026-02-20', 'Ana'], ['2026-02-15', null], ['2026-02-01', null],
    ]);
    expect(v.last_touches[1]).toEqual({ date: '2026-02-15', via: 'meeting', note: 'sent her the deck\nshe liked page 3', give: 'help', ask: null, intro_to: null });
    expect(v.follow_ups).toEqual([]); // the intro, a touch, closed it
    expect(v.ledger).toEqual({
      gives: 2, asks: 1, balance: 1, last_give: '2026-02-20', last_ask: '2026-02-01', asked_first: true,
      last_given: { date: '2026-02-20', kind: 'intro', note: 'both in fintech' },
    });
    expect(v.dates.map((d: { label: string; next: string; days: number; years: number | null }) => [d.label, d.next, d.days, d.years])).toEqual([
      ['birthday', '2026-03-20', 16, 40], ['work anniversary', '2026-04-01', 28, 6],
    ]); // the sabbatical is more than 60 days away
    expect(v.needs).toEqual([{ id: expect.any(String), text: 'a designer for Acme' }]);
    expect(v.offers).toEqual([{ id: expect.any(String), text: 'intros to investors' }]);
  });

  it('in a terminal: one screen with what to remember, where you left off and what is coming', async () => {
    const out = (await rel(['brief', 'maya'])).out;
    expect(out).toMatch(/^Maya Chen {2}[0-9a-f]{8} {2}CTO at Acme\n/);
    expect(out).toMatch(/how\s+PyCon Lisbon · added 2026-01-01/);
    expect(out).toMatch(/ledger\s+gave 2, asked 1, balance \+1 · last gave intro on 2026-02-20/);
    expect(out).toMatch(/Remember\n {2}2026-03-04 {2}daughter Ana starts school in May/);
    expect(out).toMatch(/Where you left off\n {2}2026-02-20 {2}email introduced to Ana {2}\[gave intro\]/);
    expect(out).toMatch(/ {14}sent her the deck\n {14}she liked page 3/);
    expect(out).not.toMatch(/first coffee/); // only the last three touches
    expect(out).toMatch(/Coming up\n {2}birthday {10}20 Mar \(in 16 days, turns 40\)\n {2}work anniversary {2}1 Apr \(in 28 days, 6 years\)/);
    expect(out).toMatch(/Needs.*\n {2}[0-9a-f]{8} {2}a designer for Acme/);
    expect(out.split('\n').length).toBeLessThanOrEqual(30);
  });

  it('someone new: a short brief, and an unknown person is exit 2', async () => {
    const out = (await rel(['brief', 'ana'])).out;
    expect(out).toMatch(/^Ana /);
    expect(out).toMatch(/introduced to Maya Chen/);
    const r = await rel(['brief', 'nobody']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/no one called "nobody"/);
  });
});

describe('rel brief shows a multi-line fact whole', () => {
  const t = useTempRel({ now: '2026-03-01T09:00' });

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
