/**
 * rel list --json is written by SQLite (listPeopleJson) while the table reads rows (listPeople): the
 * two must say the same. Random people with the text that tests JSON (quotes, backslashes, control
 * characters, accents, emoji, U+2028), tags and e-mails, rhythms, snoozes ended and to come.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { addDays } from '../../src/domain/dates.js';
import type { Db } from '../../src/store/open.js';
import { listPeople, listPeopleJson } from '../../src/store/people.js';
import { run } from '../../src/commands/list.js';
import type { Ctx } from '../../src/app.js';
import { useTempDb } from '../helpers.js';
import { rng } from '../support.js';

const t = useTempDb();
let db: Db;
beforeEach(() => {
  db = t.db;
});

const today = '2026-03-01';
const PIECES = ['Ana', 'o"quote', 'back\\slash', 'line\nbreak', 'tab\there', '\u0001ctl\u001f', 'del\u007f', 'Zoë', 'José', '😀', '\u2028sep\u2029', '/slash', '<b>', "O'Neil", '  spaced  ', ''];

function fill(seed: number): void {
  const rnd = rng(seed);
  const pick = <T,>(xs: T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const text = () => Array.from({ length: 1 + Math.floor(rnd() * 3) }, () => pick(PIECES)).join(' ');
  const list = () => JSON.stringify(Array.from({ length: Math.floor(rnd() * 3) }, () => pick(['work', 'friends', 'Zoë', 'a"b', 'x\ny', '😀'])));
  const insert = db.prepare(`INSERT INTO people (id, name, name_key, tags, emails, company, every_days, last_touch, snoozed_until, added_on, created_at, updated_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, '2026-01-01', 'x', 'x')`);
  db.transaction(() => {
    for (let i = 0; i < 200; i++) {
      const name = text() || 'X';
      insert.run(
        `p${i}`, name, pick([name.toLowerCase(), 'same key']), list(), list(), rnd() < 0.5 ? null : text(),
        rnd() < 0.5 ? null : pick([1, 7, 30, 365]), rnd() < 0.5 ? null : addDays(today, -Math.floor(rnd() * 500)),
        rnd() < 0.6 ? null : addDays(today, Math.floor(rnd() * 10) - 5),
      );
    }
  })();
}

const ctx = (): Ctx => ({ db: () => db, today }) as unknown as Ctx;

describe('listPeopleJson: rel list --json, written by SQLite', () => {
  it('is JSON.stringify of the people rel list shows, on random people full of awkward text', () => {
    for (const seed of [1, 2, 3]) {
      db.exec('DELETE FROM people');
      fill(seed);
      const people = run({}, ctx());
      expect(people).toHaveLength(200);
      expect(listPeopleJson(db, today).toString('utf8')).toBe(JSON.stringify(people));
      for (const tag of ['work', 'Zoë', 'a"b', 'nobody']) {
        expect(listPeopleJson(db, today, tag).toString('utf8')).toBe(JSON.stringify(run({ tag }, ctx())));
      }
    }
  });

  it('shows a snooze that has ended as none, and one to come as its day', () => {
    fill(4);
    const parsed = JSON.parse(listPeopleJson(db, today).toString('utf8')) as { id: string; snoozed_until: string | null }[];
    const stored = new Map(listPeople(db).map((p) => [p.id, p.snoozed_until]));
    const ended = parsed.filter((p) => stored.get(p.id) !== null && stored.get(p.id)! <= today);
    const ahead = parsed.filter((p) => stored.get(p.id) !== null && stored.get(p.id)! > today);
    expect(ended.length).toBeGreaterThan(5);
    expect(ahead.length).toBeGreaterThan(5);
    expect(ended.every((p) => p.snoozed_until === null)).toBe(true);
    expect(ahead.every((p) => p.snoozed_until === stored.get(p.id))).toBe(true);
  });

  it('is an empty list when no one is there', () => {
    expect(listPeopleJson(db, today).toString('utf8')).toBe('[]');
  });
});
