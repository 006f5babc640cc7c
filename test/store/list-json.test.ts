/**
 * rel list --json is written by SQLite (listPeopleJson) while the table reads rows (listRows): the
 * two must say the same. Random people with the text that tests JSON (quotes, backslashes, control
 * characters, accents, emoji, U+2028), tags and e-mails, rhythms, snoozes ended and to come.
 */
import Database from 'better-sqlite3';
import { beforeEach, describe, expect, it } from 'vitest';
import { addDays } from '../../src/domain/dates.js';
import type { Db } from '../../src/store/open.js';
import { listPeopleJson, listRows, listShape } from '../../src/store/people.js';
import { readTogether } from '../../src/store/open.js';
import { peopleColumns, personCells, writePeople } from '../../src/render/people.js';
import { tableLines } from '../../src/render/table.js';
import { relativeDay } from '../../src/render/words.js';
import { useTempDb } from '../helpers.js';
import { rng } from '../support.js';

const t = useTempDb();
let db: Db;
beforeEach(() => {
  db = t.db;
});

const today = '2026-03-01';
const PIECES = ['Ana', 'o"quote', 'back\\slash', 'line\nbreak', 'tab\there', '\u0001ctl\u001f', 'del\u007f', 'Zoë', 'José', '😀', '\u2028sep\u2029', '/slash', '<b>', "O'Neil", '  spaced  ', ''];

function fill(seed: number, pieces = PIECES): void {
  const rnd = rng(seed);
  const pick = <T,>(xs: T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const text = () => Array.from({ length: 1 + Math.floor(rnd() * 3) }, () => pick(pieces)).join(' ');
  const list = () => JSON.stringify(Array.from({ length: Math.floor(rnd() * 3) }, () => pick(['work', 'friends', 'Zoë', 'a"b', 'x\ny', '😀'])));
  const insert = db.prepare(`INSERT INTO people (id, name, name_key, tags, emails, company, every_days, last_touch, snoozed_until, added_on, created_at, updated_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, '2026-01-01', 'x', 'x')`);
  db.transaction(() => {
    for (let i = 0; i < 200; i++) {
      const name = text() || 'X';
      insert.run(
        i % 3 ? `p${i}` : `p${i}-d0c5-4c1e-9a57-7e1f0e2a3b4c`, name, pick([name.toLowerCase(), 'same key']), list(), list(), rnd() < 0.5 ? null : text(),
        rnd() < 0.5 ? null : pick([1, 7, 30, 365]), rnd() < 0.5 ? null : addDays(today, -Math.floor(rnd() * 500)),
        rnd() < 0.6 ? null : addDays(today, Math.floor(rnd() * 10) - 5),
      );
    }
  })();
}

describe('listPeopleJson: rel list --json, written by SQLite', () => {
  it('is JSON.stringify of the people rel list shows, on random people full of awkward text', () => {
    for (const seed of [1, 2, 3]) {
      db.exec('DELETE FROM people');
      fill(seed);
      const people = [...listRows(db, today)];
      expect(people).toHaveLength(200);
      expect(listPeopleJson(db, today).toString('utf8')).toBe(JSON.stringify(people));
      for (const tag of ['work', 'Zoë', 'a"b', 'nobody']) {
        expect(listPeopleJson(db, today, tag).toString('utf8')).toBe(JSON.stringify([...listRows(db, today, tag)]));
      }
    }
  });

  it('shows a snooze that has ended as none, and one to come as its day', () => {
    fill(4);
    const parsed = JSON.parse(listPeopleJson(db, today).toString('utf8')) as { id: string; snoozed_until: string | null }[];
    const stored = new Map((db.prepare('SELECT id, snoozed_until FROM people').raw().all() as [string, string | null][]));
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

/** What rel list prints as a table: streamed, in the widths listShape measured before the first row. */
function streamed(width?: number, tag?: string): string[] {
  let out = '';
  readTogether(db, () => writePeople((t) => (out += t), listShape(db, today, tag), listRows(db, today, tag), 'table', today, { color: false, width }));
  return out.trimEnd().split('\n');
}

/** The same table laid out with every row in hand (the widest cell of each column measured in JS). */
function heldWhole(width?: number, tag?: string): string[] {
  const people = [...listRows(db, today, tag)];
  const snoozes = people.some((p) => p.snoozed_until !== null);
  const rows = people.map((p) => personCells(p, (d) => relativeDay(d, today), snoozes));
  return [...tableLines(peopleColumns(snoozes), rows, { color: false, width })];
}

describe("rel list's table, written as its rows are read", () => {
  // The pieces rel itself stores (cleanName refuses control characters): accents, emoji, quotes.
  const stored = PIECES.filter((p) => !/[\u0000-\u001f\u007f\u2028\u2029]/.test(p));

  it('is the table laid out with every row in hand: the same columns, as wide, on a pipe and at 40, 80 and 200 columns', () => {
    for (const seed of [5, 6, 7]) {
      db.exec('DELETE FROM people');
      fill(seed, stored);
      for (const width of [undefined, 40, 80, 200]) {
        const lines = streamed(width);
        expect(lines).toHaveLength(201);
        expect(lines).toEqual(heldWhole(width));
      }
      for (const tag of ['work', 'Zoë', '😀']) expect(streamed(undefined, tag)).toEqual(heldWhole(undefined, tag));
    }
  });

  it('has a column for the snoozes only while one is running', () => {
    fill(10, stored);
    expect(streamed()[0]).toMatch(/ rhythm +snoozed +last touch$/);
    db.prepare('UPDATE people SET snoozed_until = ? WHERE snoozed_until IS NOT NULL').run(today); // each ends today
    expect(streamed()[0]).toMatch(/ rhythm +last touch$/);
    expect(streamed()).toEqual(heldWhole());
  });

  it('measures CJK and emoji as two columns, before the first row', () => {
    const insert = db.prepare(`INSERT INTO people (id, name, name_key, company, added_on, created_at, updated_at) VALUES (?, ?, ?, ?, '2026-01-01', 'x', 'x')`);
    insert.run('a1', 'Ann', 'ann', 'Acme');
    insert.run('b2', '陈美玲 🎉', 'chen', '株式会社');
    expect(streamed()).toEqual(['id  name       company   tags  rhythm  last touch', `a1  Ann        Acme${' '.repeat(20)}never`, `b2  陈美玲 🎉  株式会社${' '.repeat(16)}never`]);
  });

  it('with control characters in its text (which rel never stores), cuts no cell and keeps every column aligned', () => {
    fill(8);
    const squeeze = (l: string) => l.replace(/ {2,}/g, '  ');
    const lines = streamed();
    // The same cells (none cut to fit) in the same order; a column may be wider than its widest cell.
    expect(lines.map(squeeze)).toEqual(heldWhole().map(squeeze));
  });

  it('reads its widths and its rows from one state of the file, whatever another connection commits meanwhile', () => {
    fill(9, stored);
    const other = new Database(db.name);
    try {
      let lines = '';
      readTogether(db, () => {
        const shape = listShape(db, today);
        other.prepare(`INSERT INTO people (id, name, name_key, added_on, created_at, updated_at) VALUES ('late', ?, 'late', '2026-01-01', 'x', 'x')`).run('A name much wider than anyone else in the file');
        writePeople((t) => (lines += t), shape, listRows(db, today), 'table', today, { color: false });
        expect(shape.count).toBe(200);
      });
      expect(lines).not.toContain('much wider');
      expect(lines.trimEnd().split('\n')).toHaveLength(201);
      expect(streamed()).toHaveLength(202);
    } finally {
      other.close();
    }
  });
});
