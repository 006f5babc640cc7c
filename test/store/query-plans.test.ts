/**
 * No daily command reads every touchpoint: each statement a command prepares is explained (EXPLAIN QUERY
 * PLAN) and none may SCAN touchpoints (a full pass over the table or one of its indexes); SEARCH through
 * an index is what is expected. The statements are caught as the commands prepare them, so a new query
 * is checked without being listed here.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { useTempRel } from '../helpers.js';

const DAILY: string[][] = [
  ['due'],
  ['due', '--json'],
  ['due', '--within', '2w'],
  ['log', 'maya', '-m', 'coffee', '--give', 'advice', '--follow-up', '1w'],
  ['show', 'maya'],
  ['show', 'jose', '--json'],
  ['brief', 'maya'],
  ['stats'],
  ['note', 'maya', 'likes tea'],
  ['snooze', 'jose', '2w'],
  ['ledger', 'maya'],
];

const seen: string[] = [];
const prepare = Database.prototype.prepare;
beforeAll(() => {
  Database.prototype.prepare = function (this: Database.Database, sql: string) {
    seen.push(sql);
    return prepare.call(this, sql);
  } as typeof prepare;
});
afterAll(() => {
  Database.prototype.prepare = prepare;
});

/** The names a statement gives the touchpoints table: itself and its aliases. */
function touchpointNames(sql: string): string[] {
  const names = new Set<string>();
  for (const m of sql.matchAll(/\btouchpoints\b(?:\s+(?:AS\s+)?(?!WHERE|JOIN|ON|ORDER|GROUP|LIMIT|SET|VALUES|LEFT|INNER|USING)([a-z_]\w*))?/gi)) {
    names.add('touchpoints');
    if (m[1]) names.add(m[1]);
  }
  return [...names];
}

/** Parameters for explaining a statement: a plan does not depend on the values bound. */
function nulls(sql: string): unknown[] {
  const bare = sql.replace(/'[^']*'/g, "''");
  const positional = (bare.match(/\?/g) ?? []).map(() => null);
  const named = Object.fromEntries([...bare.matchAll(/[@$:](\w+)/g)].map((m) => [m[1], null]));
  return Object.keys(named).length > 0 ? [...positional, named] : positional;
}

describe('query plans of the daily commands', () => {
  const t = useTempRel({ now: '2026-03-04T09:00' });

  it.each(DAILY.map((argv) => [argv.join(' '), argv]))('rel %s never scans touchpoints in full', async (_, argv) => {
    await t.rel(['add', 'Maya Chen', '--every', '2w', '--birthday', '--03-10']);
    await t.rel(['add', 'José Núñez', '--every', '1m']);
    await t.rel(['log', 'maya', 'jose', '-m', 'lunch', '--give', 'intro', '--on', '2026-02-01']);
    await t.rel(['log', 'jose', '--ask', 'advice', '--follow-up', '2026-03-05', '--on', '2026-02-10']);
    seen.length = 0;
    const r = await t.rel(argv as string[]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const db = new Database(t.db, { readonly: true });
    try {
      const scans: string[] = [];
      for (const sql of new Set(seen)) {
        const names = touchpointNames(sql);
        if (names.length === 0 || !/^\s*(SELECT|UPDATE|DELETE|INSERT|WITH)/i.test(sql)) continue;
        const plan = db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...nulls(sql)) as { detail: string }[];
        for (const { detail } of plan) {
          const m = /^SCAN (\w+)/.exec(detail);
          if (m && names.includes(m[1]!)) scans.push(`${detail}  <=  ${sql.replace(/\s+/g, ' ').trim()}`);
        }
      }
      expect(scans).toEqual([]);
    } finally {
      db.close();
    }
  });

  it('a name is looked for in the name index, not in the whole people table', async () => {
    await t.rel(['add', 'Maya Chen']);
    seen.length = 0;
    expect((await t.rel(['show', 'maya chen', '--json'])).json().name).toBe('Maya Chen');
    expect(seen.filter((sql) => /name_key LIKE/.test(sql))).toEqual([]); // a whole name: looked up, not searched for
    seen.length = 0;
    expect((await t.rel(['show', 'chen', '--json'])).json().name).toBe('Maya Chen');
    const search = [...new Set(seen)].filter((sql) => /name_key LIKE/.test(sql));
    expect(search).toHaveLength(1);
    const db = new Database(t.db, { readonly: true });
    try {
      const plan = db.prepare(`EXPLAIN QUERY PLAN ${search[0]}`).all(...nulls(search[0]!)) as { detail: string }[];
      expect(plan.map((p) => p.detail)).toContain('SCAN people USING INDEX people_name_key');
    } finally {
      db.close();
    }
  });

  it('rel due counts the snoozed from their own index, not from every person', async () => {
    await t.rel(['add', 'Maya Chen', '--every', '2w']);
    await t.rel(['add', 'José Núñez', '--every', '1m']);
    await t.rel(['snooze', 'jose', '2w']);
    seen.length = 0;
    const r = await t.rel(['due']);
    expect(r.out).toContain('1 snoozed');
    const count = [...new Set(seen)].filter((sql) => /COUNT\(\*\) FROM people p WHERE p\.snoozed_until >/.test(sql));
    expect(count).toHaveLength(1);
    const db = new Database(t.db, { readonly: true });
    try {
      const plan = db.prepare(`EXPLAIN QUERY PLAN ${count[0]}`).all(...nulls(count[0]!)) as { detail: string }[];
      expect(plan.map((p) => p.detail)).toEqual(['SEARCH p USING COVERING INDEX people_snoozed (snoozed_until>?)']);
    } finally {
      db.close();
    }
  });

  it('rel stats reads the drifting from their index alone, and the year of gives and asks from the indexes of their dates', async () => {
    await t.rel(['add', 'Maya Chen', '--every', '2w']);
    for (const on of ['2025-06-01', '2025-07-01', '2025-08-01']) await t.rel(['log', 'maya', '-m', 'tea', '--give', 'advice', '--on', on]);
    seen.length = 0;
    const r = await t.rel(['stats', '--json']);
    expect(r.json().drifting.map((d: { name: string }) => d.name)).toEqual(['Maya Chen']);
    expect(r.json().gives_365d).toBe(3);
    const db = new Database(t.db, { readonly: true });
    try {
      const root = (name: string) => (db.prepare('SELECT rootpage FROM sqlite_master WHERE name = ?').get(name) as { rootpage: number }).rootpage;
      /**
       * What the program SQLite runs for `sql` reads of `table`: a cursor on a table is opened for a
       * deferred seek, but a row is read only by a Column (or a seek) on it.
       */
      const rowReads = (sql: string, table: string) => {
        const ops = db.prepare(`EXPLAIN ${sql}`).all(...nulls(sql)) as { opcode: string; p1: number; p2: number }[];
        const cursors = ops.filter((o) => o.opcode === 'OpenRead' && o.p2 === root(table)).map((o) => o.p1);
        expect(cursors.length).toBeGreaterThan(0);
        return ops.filter((o) => cursors.includes(o.p1) && ['Column', 'SeekRowid', 'NotExists', 'FinishSeek'].includes(o.opcode));
      };
      const drifting = [...new Set(seen)].filter((sql) => /FROM people INDEXED BY people_drifting/.test(sql));
      expect(drifting).toHaveLength(1);
      expect(rowReads(drifting[0]!, 'people')).toEqual([]);
      // The order's day number and usual gap come from the index (migration 15): the only date worked
      // out is today's, once.
      const days = (db.prepare(`EXPLAIN ${drifting[0]}`).all(...nulls(drifting[0]!)) as { opcode: string; p4: unknown }[])
        .filter((o) => /^(Pure)?Func/.test(o.opcode) && String(o.p4).startsWith('julianday'));
      expect(days).toHaveLength(1);
      const counts = [...new Set(seen)].filter((sql) => /INDEXED BY touchpoints_gives\b/.test(sql));
      expect(counts).toHaveLength(1);
      expect(rowReads(counts[0]!, 'touchpoints')).toEqual([]);
      const plan = (db.prepare(`EXPLAIN QUERY PLAN ${counts[0]}`).all(...nulls(counts[0]!)) as { detail: string }[]).map((p) => p.detail);
      expect(plan).toContain('SEARCH touchpoints USING INDEX touchpoints_gives (date>? AND date<?)');
      expect(plan).toContain('SEARCH touchpoints USING INDEX touchpoints_asks (date>? AND date<?)');
      expect(plan.filter((d) => d.includes('touchpoints_ledger'))).toEqual([]);
    } finally {
      db.close();
    }
  });
});

describe('the index of introductions (migration 14: introductions only)', () => {
  const t = useTempRel({ now: '2026-03-04T09:00' });

  it('answers the lookups of introductions, the foreign key of a removed person too, and holds no other touch', async () => {
    await t.rel(['add', 'Maya Chen']);
    await t.rel(['add', 'José Núñez']);
    await t.rel(['add', 'Ana Lima']);
    await t.rel(['intro', 'maya', 'jose', '--on', '2026-02-01']);
    for (const day of ['2026-02-02', '2026-02-03', '2026-02-04']) await t.rel(['log', 'ana', '-m', 'coffee', '--on', day]);
    const db = new Database(t.db, { readonly: true });
    try {
      const plan = (sql: string) => (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...nulls(sql)) as { detail: string }[]).map((p) => p.detail);
      // What ON DELETE SET NULL runs when a person is removed, and what rel merge runs.
      expect(plan('UPDATE touchpoints SET intro_to = NULL WHERE intro_to = ?')).toEqual([
        'SEARCH touchpoints USING COVERING INDEX touchpoints_intro_to (intro_to=?)',
      ]);
      expect(plan('SELECT DISTINCT person_id, intro_to FROM touchpoints INDEXED BY touchpoints_intro_to WHERE intro_to IS NOT NULL')[0]).toMatch(
        /^(SCAN|SEARCH) touchpoints USING (COVERING )?INDEX touchpoints_intro_to/,
      );
      const entries = db.prepare("SELECT COUNT(*) FROM touchpoints INDEXED BY touchpoints_intro_to WHERE intro_to IS NOT NULL").pluck().get();
      const touches = db.prepare('SELECT COUNT(*) FROM touchpoints').pluck().get() as number;
      expect(entries).toBeGreaterThan(0);
      expect(entries).toBeLessThan(touches);
      const stat = db.prepare("SELECT sql FROM sqlite_master WHERE name = 'touchpoints_intro_to'").pluck().get();
      expect(stat).toMatch(/WHERE intro_to IS NOT NULL/);
    } finally {
      db.close();
    }
    expect((await t.rel(['rm', 'jose', '--yes'])).code).toBe(0);
    expect((await t.rel(['show', 'maya', '--json'])).json().touchpoints.every((tp: { intro_to?: unknown }) => tp.intro_to == null)).toBe(true);
  });
});
