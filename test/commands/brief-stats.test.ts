import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { relAt, tempDir } from '../helpers.js';

let tmp: ReturnType<typeof tempDir>;
let rel: ReturnType<typeof relAt>;
beforeEach(async () => {
  tmp = tempDir();
  rel = relAt(join(tmp.dir, 'rel.db'), { now: '2026-03-04T09:00' });
  await rel(['add', 'Maya Chen', '--every', '2w', '--birthday', '1986-03-20', '--company', 'Acme', '--title', 'CTO', '--met', 'PyCon Lisbon'], { now: '2026-01-01' });
  await rel(['add', 'José Núñez', '--every', '1w'], { now: '2026-01-01' });
  await rel(['add', 'Ana'], { now: '2026-01-01' });
});
afterEach(() => tmp.cleanup());

describe('rel brief', () => {
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

describe('rel stats', () => {
  it('--json: the documented counts, 12 months oldest first, and the drifting', async () => {
    for (const d of ['2025-10-01', '2025-10-08', '2025-10-15', '2025-10-22']) await rel(['log', 'jose', '--on', d]);
    await rel(['log', 'maya', '--on', '2026-02-20', '--give', 'advice']);
    await rel(['log', 'maya', '--on', '2026-03-01', '--ask', 'referral']);
    const v = (await rel(['stats', '--json'])).json();
    expect(v).toMatchObject({
      contacts: 3, touched_30d: 1, touched_90d: 1, touched_365d: 2, never_touched: 1, with_rhythm: 2, rhythm_on_time: 1,
      rhythm_kept_share: 0.5, gives_365d: 1, asks_365d: 1, give_ask_ratio: 1,
    });
    expect(v.per_month).toEqual([0, 0, 0, 0, 0, 0, 4, 0, 0, 0, 1, 1]);
    expect(v.months[0]).toBe('2025-04');
    expect(v.drifting).toEqual([{ id: expect.any(String), name: 'José Núñez', last_touch: '2025-10-22', usual_gap_days: 7, gap_days: 133, ratio: 19 }]);
  });

  it('in a terminal: the counts, a sparkline of touches per month, and who is drifting', async () => {
    for (const d of ['2025-10-01', '2025-10-08', '2025-10-15']) await rel(['log', 'jose', '--on', d]);
    const out = (await rel(['stats'])).out;
    expect(out).toMatch(/^3 contacts\n/);
    expect(out).toMatch(/never touched\s+2 \(67%\)/);
    expect(out).toMatch(/▁▁▁▁▁▁█▁▁▁▁▁/);
    expect(out).toMatch(/AMJJASONDJFM/);
    expect(out).toMatch(/José Núñez\s+2025-10-15 \(140 days ago\)\s+usually every 7 days\s+20\.0x/);
  });

  it('an empty network', async () => {
    const empty = relAt(join(tmp.dir, 'empty.db'));
    expect((await empty(['stats'])).out).toMatch(/^0 contacts\n\nNo one yet/);
    expect((await empty(['stats', '--json'])).json()).toMatchObject({ contacts: 0, per_month: Array(12).fill(0), drifting: [] });
  });
});

describe('rel suggest', () => {
  beforeEach(async () => {
    for (const d of ['2026-01-05', '2026-02-04', '2026-03-03']) await rel(['log', 'jose', '--on', d]); // 1w set, ~1m real
    for (const d of ['2026-02-10', '2026-02-17', '2026-02-24', '2026-03-02']) await rel(['log', 'ana', '--on', d]); // none set, 1w real
  });

  it('--json: people without a rhythm first, then the ones far off', async () => {
    const list = (await rel(['suggest', '--json'])).json();
    expect(list.map((s: { name: string; every_days: number | null; suggested_days: number }) => [s.name, s.every_days, s.suggested_days])).toEqual([
      ['Ana', null, 7], ['José Núñez', 7, 30],
    ]);
    expect(list[1].reason).toBe('you set every 1w but touch about every 1m (usually 29 days apart, 3 touches in 2 years)');
    expect((await rel(['suggest'])).out).toMatch(/José Núñez\s+every 1w\s+every 1m/);
  });

  it('--accept sets them all in one change, and rel undo puts them back', async () => {
    const r = await rel(['suggest', '--accept']);
    expect(r.out).toBe('Set 2 rhythms:\n  Ana: every 1w (was none)\n  José Núñez: every 1m (was every 1w)\nrel undo takes them back.\n');
    expect((await rel(['show', 'ana', '--json'])).json().every_days).toBe(7);
    expect((await rel(['show', 'jose', '--json'])).json().every_days).toBe(30);
    expect((await rel(['suggest', '--json'])).json()).toEqual([]);
    expect((await rel(['undo'])).out).toBe('Undid suggest: rhythms for 2 people.\n');
    expect((await rel(['show', 'ana', '--json'])).json().every_days).toBe(null);
    expect((await rel(['show', 'jose', '--json'])).json().every_days).toBe(7);
  });

  it('--accept WHO sets only theirs; someone without a suggestion is named, the others are accepted (issue 11)', async () => {
    expect((await rel(['suggest', '--accept', 'ana', '--json'])).json()).toMatchObject([{ name: 'Ana', every_days: null, suggested_days: 7 }]);
    expect((await rel(['show', 'jose', '--json'])).json().every_days).toBe(7);
    const r = await rel(['suggest', '--accept', 'maya', 'jose']);
    expect(r.err).toBe('rel: no suggestion for Maya Chen (rel suggest needs 3 touches on different days in 2 years); left as it was\n');
    expect(r.code).toBe(0);
    expect(r.out).toBe('Set 1 rhythm:\n  José Núñez: every 1m (was every 1w)\nrel undo takes it back.\n');
    expect((await rel(['show', 'jose', '--json'])).json().every_days).toBe(30);
  });

  it('--accept WHO where no one has a suggestion: exit 2, nothing changed', async () => {
    const r = await rel(['suggest', '--accept', 'maya']);
    expect(r.err).toBe('rel: no suggestion for Maya Chen (rel suggest needs 3 touches on different days in 2 years); nothing was changed\n');
    expect(r.code).toBe(2);
    expect((await rel(['undo', '--list', '--json'])).json().filter((c: { command: string }) => c.command === 'suggest')).toEqual([]);
  });
});
