import { beforeEach, describe, expect, it } from 'vitest';
import { relAt, useTempRel } from '../helpers.js';

const t = useTempRel({ now: '2026-03-01T09:00' });
let rel: ReturnType<typeof relAt>;
beforeEach(() => ({ rel } = t));

const ok = async (...argv: string[]) => {
  const r = await rel(argv);
  expect(r.code, r.err).toBe(0);
  return r;
};
const everyone = async () => (await rel(['export'])).json().people as Record<string, any>[];

async function twoManus(): Promise<[string, string]> {
  const a = (await ok('add', 'Manu', '--phone', '+49 151 1111111', '--tag', 'berlin', '--every', '1m', '--json')).json().id;
  const b = (await ok('add', 'Manu', '--phone', '+34 600 222 222', '--email', 'manu@example.com', '--company', 'Acme',
    '--tag', 'climbing', '--birthday', '03-14', '--note', 'likes figs', '--json')).json().id;
  await ok('log', a, '-m', 'coffee', '--on', '2026-02-01', '--give', 'intro');
  await ok('log', b, '-m', 'call about the job', '--via', 'call', '--on', '2026-02-20', '--ask', 'advice', '--follow-up', '2026-03-10');
  await ok('need', b, 'a flat in Lisbon');
  return [a, b];
}

describe('rel merge WHO WHO', () => {
  it('merges the second into the first: every touch, fact, give, ask, follow-up, tag, email and phone kept', async () => {
    const [a, b] = await twoManus();
    const r = await ok('merge', a, b, '--json');
    expect(r.json()).toMatchObject({ id: a, name: 'Manu', merged: { id: b, name: 'Manu' } });
    const people = await everyone();
    expect(people).toHaveLength(1);
    const m = people[0]!;
    expect(m).toMatchObject({
      id: a, phones: ['+49 151 1111111', '+34 600 222 222'], emails: ['manu@example.com'], company: 'Acme',
      tags: ['berlin', 'climbing'], every_days: 30, birthday: '--03-14', last_touch: '2026-02-20',
    });
    expect(m.facts.map((f: { text: string }) => f.text)).toEqual(['likes figs']);
    expect(m.touchpoints.map((x: { note: string }) => x.note)).toEqual(['coffee', 'call about the job']);
    expect(m.follow_ups).toHaveLength(1);
    expect(m.wishes.map((w: { text: string }) => w.text)).toEqual(['a flat in Lisbon']);
    expect((await ok('ledger', a, '--json')).json()).toMatchObject({ gives: 1, asks: 1 });
  });

  it('is one change: rel undo puts both people back exactly', async () => {
    const [a, b] = await twoManus();
    const before = await everyone();
    const r = await ok('merge', a, b);
    expect(r.out).toMatch(/^Merged Manu \([0-9a-f]{8}\) into Manu \([0-9a-f]{8}\): 1 touch, 1 fact, 1 follow-up, 1 need or offer moved\. rel undo puts them back\.\n$/);
    expect((await ok('undo')).out).toMatch(/^Undid merge: /);
    expect(await everyone()).toEqual(before);
  });

  it('refuses one person twice, and an unknown person, changing nothing', async () => {
    const [a] = await twoManus();
    const self = await rel(['merge', a, a]);
    expect(self.code).toBe(2);
    expect(self.err).toMatch(/^rel: cannot merge Manu with themselves\n$/);
    const none = await rel(['merge', a, 'Nobody']);
    expect(none.code).toBe(2);
    expect(await everyone()).toHaveLength(2);
  });
});

describe('rel merge: both records at the same meeting', () => {
  it('the meeting is one touch (one give), its follow-up kept; undo brings both touches back', async () => {
    const a = (await ok('add', 'Ana Lima', '--json')).json().id;
    const b = (await ok('add', 'Ana L', '--json')).json().id;
    await ok('add', 'Bo Chen');
    await ok('log', a, b, 'Bo Chen', '-m', 'dinner', '--give', 'intro', '--on', '2026-02-01', '--follow-up', '2026-03-05');
    await ok('log', b, '-m', 'call', '--via', 'call', '--on', '2026-02-10');
    const before = await everyone();
    const r = await ok('merge', a, b, '--json');
    expect(r.json().moved).toMatchObject({ touchpoints: 1, same_meeting: 1, follow_ups: 0 });
    const ana = (await everyone()).find((p) => p.id === a)!;
    expect(ana.touchpoints.map((x: { note: string }) => x.note)).toEqual(['dinner', 'call']);
    // The follow-up of the dinner was the same for both: it is there once, on the dinner.
    expect(ana.follow_ups.map((f: { touchpoint_id: string; due_on: string }) => [f.touchpoint_id, f.due_on])).toEqual(
      [[ana.touchpoints[0].id, '2026-03-05']],
    );
    expect((await ok('ledger', a, '--json')).json()).toMatchObject({ gives: 1 });
    await ok('undo');
    expect(await everyone()).toEqual(before);
  });
});

describe('rel merge and the structured name kept from an import', () => {
  it('a namesake\'s N fills in; someone of another name gives none', async () => {
    const { writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const a = (await ok('add', '山田 太郎', '--email', 'taro@home.example', '--json')).json().id;
    const c = (await ok('add', 'Taro Yamada', '--email', 'taro@old.example', '--json')).json().id;
    const file = join(t.dir, 'taro.vcf');
    writeFileSync(file, 'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:山田 太郎\r\nN:山田;太郎;;;\r\nEMAIL:taro@work.example\r\nEND:VCARD\r\n');
    expect((await ok('import', file, '--json')).json()).toMatchObject({ added: 1, possible_duplicates: [{ name: '山田 太郎' }] });
    const b = (await everyone()).find((p) => p.vcard_n)!.id as string;
    await ok('merge', c, b);
    expect((await everyone()).map((p) => [p.name, p.vcard_n])).toEqual([['Taro Yamada', null], ['山田 太郎', null]]);
    await ok('undo');
    await ok('merge', a, b);
    expect((await everyone()).map((p) => [p.name, p.vcard_n])).toEqual([['Taro Yamada', null], ['山田 太郎', '山田;太郎;;;']]);
  });
});
