import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { relAt, tempDir, useTempRel } from '../helpers.js';

let tmp: ReturnType<typeof tempDir>;
let db: string;
let rel: ReturnType<typeof relAt>;
beforeEach(async () => {
  tmp = tempDir();
  db = join(tmp.dir, 'rel.db');
  rel = relAt(db, { now: '2026-03-04T09:00' });
  await rel(['add', 'Maya Chen', '--every', '2w', '--tag', 'friends', '--note', 'likes tea'], { now: '2026-01-01' });
  await rel(['add', 'José Núñez', '--birthday', '--03-10'], { now: '2026-01-02' });
  await rel(['log', 'maya', 'jose', '-m', 'lunch', '--give', 'intro', '--follow-up', '1w', '--on', '2026-02-01'], { now: '2026-02-01' });
});
afterEach(() => tmp.cleanup());

/** Every record the user owns, as stored: what undo must give back exactly. */
function snapshot(): Record<string, unknown[]> {
  const d = new Database(db, { readonly: true });
  try {
    const out: Record<string, unknown[]> = {};
    for (const t of ['people', 'touchpoints', 'facts', 'follow_ups', 'dates', 'wishes']) {
      out[t] = d.prepare(`SELECT * FROM ${t} ORDER BY id`).all();
    }
    return out;
  } finally {
    d.close();
  }
}

describe('rel undo', () => {
  it.each([
    ['add', ['add', 'Ana', '--email', 'ana@example.com', '--note', 'new']],
    ['edit', ['edit', 'maya', '--name', 'Maya Chen-Li', '--untag', 'friends', '--no-every', '--note', 'moved']],
    ['note', ['note', 'jose', 'two kids']],
    ['log', ['log', 'maya', '-m', 'call', '--via', 'call', '--ask', 'advice', '--follow-up', '2026-03-20']],
    ['rm', ['rm', 'maya', '--yes']],
    ['snooze', ['snooze', 'jose', '2w']],
    ['log of two people', ['log', 'maya', 'jose', '-m', 'dinner', '--give', 'advice']],
    // intro writes its touches and then changes them again in the same change: undo must replay the
    // journal newest first, or the first image brings back a row it should have deleted.
    ['intro', ['intro', 'maya', 'jose']],
  ])('undo of %s restores exactly the previous data', async (_, argv) => {
    const before = snapshot();
    const r = await rel(argv);
    expect(r.code).toBe(0);
    expect(snapshot()).not.toEqual(before);
    const u = await rel(['undo']);
    expect(u.code).toBe(0);
    expect(u.out).toMatch(/^Undid /);
    expect(snapshot()).toEqual(before);
  });

  it.each([
    ['a vCard import', 'vcard/apple.vcf'],
    ['a LinkedIn import', 'csv/linkedin-current.csv'],
    ['a Google import', 'csv/google-new.csv'],
  ])('undo of %s restores exactly the previous data (rel export --format json)', async (_, fixture) => {
    await rel(['add', 'Ana Example', '--email', 'ana@example.com']);
    const exported = async () => {
      const data = (await rel(['export', '--format', 'json'])).json();
      delete data.exported_at;
      return data;
    };
    const before = await exported();
    const snap = snapshot();
    const imp = await rel(['import', fileURLToPath(new URL(`../fixtures/${fixture}`, import.meta.url))]);
    expect(imp.code).toBe(0);
    expect(await exported()).not.toEqual(before);
    expect((await rel(['undo'])).out).toMatch(/^Undid import: /);
    expect(await exported()).toEqual(before);
    expect(snapshot()).toEqual(snap);
  });

  it('repeated, walks further back; --list shows what it would undo; then there is nothing to undo', async () => {
    const list = (await rel(['undo', '--list', '--json'])).json();
    expect(list.map((c: { summary: string }) => c.summary)).toEqual([
      'log: a meeting with Maya Chen, José Núñez on 2026-02-01',
      'add: José Núñez',
      'add: Maya Chen',
    ]);
    for (const summary of list.map((c: { summary: string }) => c.summary)) {
      expect((await rel(['undo'])).out).toBe(`Undid ${summary}.\n`);
    }
    expect((await rel(['list', '--json'])).json()).toEqual([]);
    const none = await rel(['undo']);
    expect(none.code).toBe(1);
    expect(none.err).toBe('rel: nothing to undo\n');
  });

  it('never removes what was written after the change it undoes', async () => {
    const [log] = (await rel(['undo', '--list', '--json'])).json();
    await rel(['note', 'maya', 'written later']);
    const r = await rel(['undo', String(log.id + 0)]);
    // The log touched Maya's record, and so did nothing later... but the note is hers: undoing the
    // log is allowed (the note stays); undoing Maya's add is not, while her later records exist.
    expect(r.code).toBe(0);
    expect((await rel(['show', 'maya', '--json'])).json().facts.map((f: { text: string }) => f.text)).toContain('written later');
    const addMaya = (await rel(['undo', '--list', '--json'])).json().find((c: { summary: string }) => c.summary === 'add: Maya Chen');
    const refused = await rel(['undo', String(addMaya.id)]);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/^rel: .*undo .* first\n$/);
    expect((await rel(['show', 'maya', '--json'])).code).toBe(0);
  });

  it('reading leaves nothing to undo; an edit that changes nothing is refused', async () => {
    const before = (await rel(['undo', '--list', '--json'])).json();
    for (const argv of [['due'], ['list'], ['show', 'maya'], ['ledger'], ['undo', '--list']]) expect((await rel(argv)).code).toBe(0);
    const edit = await rel(['edit', 'maya']);
    expect(edit.code).toBe(2);
    expect(edit.err).toMatch(/^rel: nothing to change/);
    expect((await rel(['undo', '--list', '--json'])).json()).toEqual(before);
  });
});

describe('bad input exits 2 with one line', () => {
  const t = useTempRel();

  it.each([['99999'], ['0']])('rel undo %s', async (id) => {
    await t.rel(['add', 'Maya Chen']);
    const r = await t.rel(['undo', id]);
    expect(r.err).toBe(`rel: no change ${id} (see rel undo --list)\n`);
    expect(r.code).toBe(2);
  });

  it('rel undo with nothing to undo is not bad input', async () => {
    const r = await t.rel(['undo']);
    expect(r.err).toBe('rel: nothing to undo\n');
    expect(r.code).toBe(1);
  });
});
