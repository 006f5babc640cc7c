import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { readCard, writeCard, type CardPerson } from '../../src/sync/card.js';
import { readItem, writeItem, type FollowUpItem, type JournalItem } from '../../src/sync/journal.js';

const person = (o: Partial<CardPerson> = {}): CardPerson => ({
  name: 'Maya Chen', emails: ['maya@example.com'], phones: ['+1 555 0100'], company: 'Acme; Inc', title: 'CTO',
  birthday: '--03-14', facts: ['likes tea', 'daughter, Ana'], tags: ['friends', 'work'], every_days: 30,
  met: 'at RustConf', met_on: '2024-09-10', linkedin_url: 'https://linkedin.com/in/maya', ...o,
});

// An LF-only card, as some apps write, with a long folded NOTE the phone owns too.
const LF_CARD = [
  'BEGIN:VCARD', 'VERSION:3.0', 'FN:Maya Chen', 'N:Chen;Maya;;;', 'item2.TEL;type=WORK;type=pref:+1 555 0100',
  'item2.X-ABLabel:work line', 'EMAIL;TYPE=HOME:maya@example.com', 'X-PHONE-ONLY:an app\\, its own data that is long enough to be',
  '  folded across lines', 'ADR:;;1 Main St;Springfield;;;', 'UID:abc', 'END:VCARD', '',
].join('\n');

describe('card', () => {
  it('a new card reads back as the person it was written from', () => {
    const text = writeCard(person(), 'uid-1', '2026-03-01T09:00:00.000Z', null);
    expect(text).toMatch(/^BEGIN:VCARD\r\nVERSION:3\.0\r\n/);
    expect(text).toContain('BDAY:1604-03-14\r\n');
    expect(text).toContain('REV:20260301T090000Z\r\n');
    expect(readCard(text)).toEqual({ uid: 'uid-1', rev: '2026-03-01T09:00:00.000Z', person: { ...person(), company: 'Acme; Inc' } });
  });

  it('a met-on day from the phone that is not a real day is left out (rel never stores 2026-02-30)', () => {
    const card = (metOn: string) => ['BEGIN:VCARD', 'VERSION:3.0', 'FN:Maya Chen', `X-REL-MET-ON:${metOn}`, 'END:VCARD', ''].join('\r\n');
    expect(readCard(card('2024-02-29'))!.person.met_on).toBe('2024-02-29');
    expect(readCard(card('2026-02-30'))!.person.met_on).toBeNull();
    expect(readCard(card('2026-13-01'))!.person.met_on).toBeNull();
    expect(readCard(card('20240910'))!.person.met_on).toBeNull();
  });

  it('rewrites only what changed: other lines, folding, LF endings, groups and parameters stay', () => {
    const p = readCard(LF_CARD)!.person;
    const text = writeCard({ ...p, phones: ['+1 555 0199'], title: 'CTO' }, 'abc', '2026-03-01T09:00:00Z', LF_CARD);
    expect(text).not.toContain('\r');
    // The changed TEL keeps its group and parameters; everything else is as it was.
    expect(text).toContain('item2.TEL;type=WORK;type=pref:+1 555 0199\n');
    for (const line of LF_CARD.split('\n').filter((l) => l && !l.includes('TEL') && l !== 'END:VCARD')) expect(text).toContain(`${line}\n`);
    expect(text).toContain('X-PHONE-ONLY:an app\\, its own data that is long enough to be\n  folded across lines\n');
    expect(text).toContain('TITLE:CTO\n');
    // Nothing rel owns changed: the card's bytes are kept whole, bar the REV rel adds.
    const same = writeCard(p, 'abc', '2026-03-01T09:00:00Z', LF_CARD);
    expect(same.replace('REV:20260301T090000Z\n', '')).toBe(LF_CARD);
  });

  it('the N: the server\'s is kept when it says more than rel would write; rel writes the one it keeps, else its own', () => {
    const card = (...lines: string[]) => ['BEGIN:VCARD', 'VERSION:3.0', ...lines, 'UID:u', 'END:VCARD', ''].join('\r\n');
    expect(readCard(card('FN:山田 太郎', 'N:山田;太郎;;;'))!.person.vcard_n).toBe('山田;太郎;;;');
    expect(readCard(card('FN:Maya Chen', 'N:Chen;Maya;;;'))!.person).not.toHaveProperty('vcard_n');
    expect(readCard(card('FN:Maya Chen', `N:Chen;${'M'.repeat(201)};;;`))!.person).not.toHaveProperty('vcard_n');
    const nOf = (text: string) => text.split('\r\n').find((l) => l.startsWith('N:'));
    expect(nOf(writeCard(person({ name: '山田 太郎', vcard_n: '山田;太郎;;;' }), 'u', '2026-03-01T09:00:00Z', null))).toBe('N:山田;太郎;;;');
    expect(nOf(writeCard(person({ name: '山田 太郎' }), 'u', '2026-03-01T09:00:00Z', null))).toBe('N:;山田 太郎;;;');
    // Without a kept N, a line that still spells the name stays as the phone wrote it.
    const phone = card('FN:Mary Ann Smith', 'N:Smith;Mary Ann;;;');
    expect(nOf(writeCard(person({ name: 'Mary Ann Smith' }), 'u', '2026-03-01T09:00:00Z', phone))).toBe('N:Smith;Mary Ann;;;');
    expect(nOf(writeCard(person({ name: 'Mary Ann Smith', vcard_n: null }), 'u', '2026-03-01T09:00:00Z', phone))).toBe('N:Smith;Mary Ann;;;');
    expect(nOf(writeCard(person({ name: 'Mary Ann Jones' }), 'u', '2026-03-01T09:00:00Z', phone))).toBe('N:;Mary Ann Jones;;;');
  });

  // python3-vobject comes with radicale (Debian); the system python has it, a pyenv one may not.
  const python = ['/usr/bin/python3', 'python3'].find((py) => spawnSync(py, ['-c', 'import vobject']).status === 0);
  it.skipIf(python === undefined && !process.env.CI)('a second reader (python3-vobject) reads the cards rel writes', () => {
    const text = writeCard(person(), 'uid-1', '2026-03-01T09:00:00.000Z', null);
    const r = spawnSync(python ?? 'python3', ['-c', 'import sys, vobject; c = vobject.readOne(sys.stdin.read()); print(c.fn.value); print(c.org.value[0]); print(c.note.value)'], { input: text, encoding: 'utf8' });
    expect(r.stdout).toBe('Maya Chen\nAcme; Inc\nlikes tea\ndaughter, Ana\n');
  });
});

describe('journal items', () => {
  const items: JournalItem[] = [
    { kind: 'touch', rec: { date: '2026-02-20', via: 'call', note: 'coffee; she starts, in May', give: 'advice', ask: null, people: ['p1', 'p2'] } },
    { kind: 'follow_up', rec: { due_on: '2026-03-14', note: 'send the deck', person: 'p1', done: false } },
    { kind: 'date', rec: { label: 'Anniversary', date: '--06-01', yearly: true, person: 'p1' } },
    { kind: 'date', rec: { label: 'Launch', date: '2026-07-01', yearly: false, person: 'p2' } },
  ];
  it.each(items)('a $kind reads back as written', (item) => {
    const text = writeItem(item, 'u1', '2026-03-01T09:00:00Z', null);
    expect(readItem(text)).toEqual({ uid: 'u1', item, modified: '2026-03-01T09:00:00.000Z' });
  });

  it('a VTODO completed on a phone reads as done, and what the phone added stays when rel rewrites it', () => {
    const todo = writeItem(items[1]!, 'u1', '2026-03-01T09:00:00Z', null)
      .replace('STATUS:NEEDS-ACTION', 'STATUS:COMPLETED\r\nX-APPLE-SORT-ORDER:7');
    const read = readItem(todo)!;
    expect(read.item).toEqual({ kind: 'follow_up', rec: { ...items[1]!.rec, done: true } });
    const again = writeItem({ kind: 'follow_up', rec: { ...(read.item.rec as FollowUpItem), note: 'sent' } }, 'u1', '2026-03-02T09:00:00Z', todo);
    expect(again).toContain('X-APPLE-SORT-ORDER:7\r\n');
    expect(again).toContain('SUMMARY:sent\r\n');
  });

  it('an event with no RELATED-TO is not rel\'s: it is left alone', () => {
    expect(readItem('BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:x\r\nDTSTART:20260101\r\nSUMMARY:dentist\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n')).toBeNull();
  });
});
