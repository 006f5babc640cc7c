/**
 * SQL for rel sync: what each synced item looked like at the last sync (sync_state, migration 5), and
 * the records sync reads and writes, in bulk with statements prepared once. The caller holds the
 * transaction. Never writes last_touch (the triggers keep it).
 */
import { foldName } from '../domain/names.js';
import type { SyncedPerson } from '../domain/sync.js';
import type { Db } from './open.js';
import { factTextsByPerson } from './transfer.js';

export type SyncKind = 'person' | 'touch' | 'follow_up' | 'date';

export interface SyncStateRow {
  rel_id: string;
  uid: string;
  file: string;
  hash: string;
  /** `size:mtimeMs` of the file when rel last wrote or read it. */
  stamp: string;
  /** JSON. */
  base: string;
}

/** The state of one kind of item synced with `folder`. */
export function loadState(db: Db, kind: SyncKind, folder: string): Map<string, SyncStateRow> {
  const rows = db
    .prepare('SELECT rel_id, uid, file, hash, stamp, base FROM sync_state WHERE kind = ? AND folder = ?')
    .all(kind, folder) as SyncStateRow[];
  return new Map(rows.map((r) => [r.rel_id, r]));
}

/** Replaces the state of the given items (null: forget the item); forgets items synced with another folder. */
export function saveState(db: Db, kind: SyncKind, folder: string, changes: Map<string, SyncStateRow | null>): void {
  db.prepare('DELETE FROM sync_state WHERE kind = ? AND folder <> ?').run(kind, folder);
  const del = db.prepare('DELETE FROM sync_state WHERE kind = ? AND rel_id = ?');
  const put = db.prepare(
    `INSERT INTO sync_state (id, kind, rel_id, folder, uid, file, hash, stamp, base)
     VALUES (@kind || ':' || @rel_id, @kind, @rel_id, @folder, @uid, @file, @hash, @stamp, @base)
     ON CONFLICT (id) DO UPDATE SET folder = @folder, uid = @uid, file = @file, hash = @hash, stamp = @stamp, base = @base`,
  );
  const delFile = db.prepare('DELETE FROM sync_state WHERE kind = ? AND folder = ? AND file = ? AND rel_id <> ?');
  for (const [relId, row] of changes) {
    if (row === null) del.run(kind, relId);
    else {
      delFile.run(kind, folder, row.file, relId);
      put.run({ kind, folder, ...row });
    }
  }
}

/** Each synced person's card UID, by rel id. */
export function personUids(db: Db): Map<string, string> {
  const rows = db.prepare(`SELECT rel_id, uid FROM sync_state WHERE kind = 'person'`).all() as { rel_id: string; uid: string }[];
  return new Map(rows.map((r) => [r.rel_id, r.uid]));
}

/** The files of `folder` that some synced item owns, with their stamp and hash as rel last saw them. */
export function rememberedFiles(db: Db, folder: string): Map<string, { stamp: string; hash: string }> {
  const rows = db.prepare('SELECT file, stamp, hash FROM sync_state WHERE folder = ?').all(folder) as { file: string; stamp: string; hash: string }[];
  return new Map(rows.map((r) => [r.file, r]));
}

/** Everyone's id and name (the journal's labels and the people its items name). */
export function peopleNames(db: Db): Map<string, string> {
  const rows = db.prepare('SELECT id, name FROM people').all() as { id: string; name: string }[];
  return new Map(rows.map((r) => [r.id, r.name]));
}

// ---- people ----

export interface SyncPersonRow extends SyncedPerson {
  id: string;
  updated_at: string;
  touches: number;
}

export function syncPeople(db: Db): SyncPersonRow[] {
  const facts = factTextsByPerson(db);
  const rows = db
    .prepare(
      `SELECT id, name, emails, phones, company, title, birthday, tags, every_days, met, met_on, linkedin_url, vcard_n, updated_at,
         touch_days AS touches FROM people ORDER BY rowid`,
    )
    .all() as (Omit<SyncPersonRow, 'emails' | 'phones' | 'tags' | 'facts' | 'vcard_n'> & {
      emails: string; phones: string; tags: string; vcard_n: string | null;
    })[];
  return rows.map(({ vcard_n, ...r }) => ({
    ...r,
    ...(vcard_n === null ? {} : { vcard_n }),
    emails: JSON.parse(r.emails) as string[],
    phones: JSON.parse(r.phones) as string[],
    tags: JSON.parse(r.tags) as string[],
    facts: facts.get(r.id) ?? [],
  }));
}

export type PersonFields = Omit<SyncPersonRow, 'id' | 'updated_at' | 'touches'>;

/** Writes people as sync decided: new ones, changed fields, facts added and removed, deletions. */
export function personWriter(db: Db, now: string, today: string, newId: () => string) {
  const insert = db.prepare(
    `INSERT INTO people (id, name, name_key, emails, phones, tags, company, title, every_days, birthday, met, met_on,
       linkedin_url, vcard_n, added_on, created_at, updated_at)
     VALUES (@id, @name, @name_key, @emails, @phones, @tags, @company, @title, @every_days, @birthday, @met, @met_on,
       @linkedin_url, @vcard_n, @today, @now, @now)`,
  );
  const update = db.prepare(
    `UPDATE people SET name = @name, name_key = @name_key, emails = @emails, phones = @phones, tags = @tags, company = @company,
       title = @title, every_days = @every_days, birthday = @birthday, met = @met, met_on = @met_on, linkedin_url = @linkedin_url,
       vcard_n = @vcard_n, updated_at = @now WHERE id = @id`,
  );
  const factsOf = db.prepare('SELECT id, text FROM facts WHERE person_id = ?');
  const addFact = db.prepare('INSERT INTO facts (id, person_id, text, date, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)');
  const dropFact = db.prepare('DELETE FROM facts WHERE id = ?');
  const remove = db.prepare('DELETE FROM people WHERE id = ?');
  const columns = (id: string, p: PersonFields) => ({
    id, name: p.name, name_key: foldName(p.name), emails: JSON.stringify(p.emails), phones: JSON.stringify(p.phones),
    tags: JSON.stringify(p.tags), company: p.company, title: p.title, every_days: p.every_days, birthday: p.birthday,
    met: p.met, met_on: p.met_on, linkedin_url: p.linkedin_url, vcard_n: p.vcard_n ?? null, now, today,
  });
  const setFacts = (id: string, texts: string[], existing: { id: string; text: string }[]) => {
    const want = new Set(texts);
    const have = new Set<string>();
    for (const f of existing) {
      if (!want.has(f.text) || have.has(f.text)) dropFact.run(f.id);
      else have.add(f.text);
    }
    for (const t of texts) if (!have.has(t)) (have.add(t), addFact.run(newId(), id, t, today, now, now));
  };
  return {
    insert(id: string, p: PersonFields): void {
      insert.run(columns(id, p));
      setFacts(id, p.facts, []);
    },
    update(id: string, p: PersonFields): void {
      update.run(columns(id, p));
      setFacts(id, p.facts, factsOf.all(id) as { id: string; text: string }[]);
    },
    remove(id: string): void {
      remove.run(id);
    },
  };
}

/** A fact, unless the person already has one with that text. */
export function addFact(db: Db, personId: string, text: string, today: string, now: string, newId: () => string): void {
  db.prepare(
    `INSERT INTO facts (id, person_id, text, date, created_at, updated_at) SELECT ?, ?, ?, ?, ?, ?
     WHERE NOT EXISTS (SELECT 1 FROM facts WHERE person_id = ? AND text = ?)`,
  ).run(newId(), personId, text, today, now, now, personId, text);
}

// ---- touches, follow-ups, dates ----

export interface SyncTouchRow {
  group_id: string;
  person_id: string;
  date: string;
  via: string;
  note: string | null;
  give: string | null;
  ask: string | null;
  updated_at: string;
}

export function syncTouches(db: Db): SyncTouchRow[] {
  return db
    .prepare('SELECT group_id, person_id, date, via, note, give, ask, updated_at FROM touchpoints ORDER BY group_id, person_id')
    .all() as SyncTouchRow[];
}

export interface SyncFollowUpRow {
  id: string;
  person_id: string;
  due_on: string;
  note: string | null;
  closed_by: string | null;
  updated_at: string;
}

export function syncFollowUps(db: Db): SyncFollowUpRow[] {
  return db.prepare('SELECT id, person_id, due_on, note, closed_by, updated_at FROM follow_ups').all() as SyncFollowUpRow[];
}

export interface SyncDateRow {
  id: string;
  person_id: string;
  label: string;
  date: string;
  yearly: number;
  updated_at: string;
}

export function syncDates(db: Db): SyncDateRow[] {
  return db.prepare('SELECT id, person_id, label, date, yearly, updated_at FROM dates').all() as SyncDateRow[];
}

/** Closes a follow-up completed elsewhere (a phone's task app): closed_by says so. */
export const CLOSED_ELSEWHERE = 'sync';

export function journalWriter(db: Db, now: string, newId: () => string) {
  const touchRows = db.prepare('SELECT id, person_id FROM touchpoints WHERE group_id = ?');
  const insertTouch = db.prepare(
    `INSERT INTO touchpoints (id, person_id, group_id, date, via, note, give, ask, created_at, updated_at)
     VALUES (@id, @person_id, @group_id, @date, @via, @note, @give, @ask, @now, @now)`,
  );
  const updateTouch = db.prepare(
    'UPDATE touchpoints SET date = @date, via = @via, note = @note, give = @give, ask = @ask, updated_at = @now WHERE id = @id');
  const deleteTouch = db.prepare('DELETE FROM touchpoints WHERE id = ?');
  const upsertFollowUp = db.prepare(
    `INSERT INTO follow_ups (id, person_id, touchpoint_id, due_on, note, closed_by, created_at, updated_at)
     VALUES (@id, @person_id, NULL, @due_on, @note, @closed_by, @now, @now)
     ON CONFLICT (id) DO UPDATE SET person_id = @person_id, due_on = @due_on, note = @note,
       closed_by = CASE WHEN @closed_by IS NULL THEN NULL ELSE coalesce(closed_by, @closed_by) END, updated_at = @now`,
  );
  const upsertDate = db.prepare(
    `INSERT INTO dates (id, person_id, label, date, yearly, created_at, updated_at)
     VALUES (@id, @person_id, @label, @date, @yearly, @now, @now)
     ON CONFLICT (id) DO UPDATE SET person_id = @person_id, label = @label, date = @date, yearly = @yearly, updated_at = @now`,
  );
  return {
    /** Makes the touch group hold exactly these people with these fields. */
    touch(groupId: string, t: { date: string; via: string; note: string | null; give: string | null; ask: string | null }, people: string[]): void {
      const rows = touchRows.all(groupId) as { id: string; person_id: string }[];
      const want = new Set(people);
      for (const r of rows) {
        if (want.has(r.person_id)) (updateTouch.run({ ...t, id: r.id, now }), want.delete(r.person_id));
        else deleteTouch.run(r.id);
      }
      for (const p of want) insertTouch.run({ ...t, id: newId(), person_id: p, group_id: groupId, now });
    },
    deleteTouch(groupId: string): void {
      db.prepare('DELETE FROM touchpoints WHERE group_id = ?').run(groupId);
    },
    followUp(id: string, f: { person_id: string; due_on: string; note: string | null; done: boolean }): void {
      upsertFollowUp.run({ id, person_id: f.person_id, due_on: f.due_on, note: f.note, closed_by: f.done ? CLOSED_ELSEWHERE : null, now });
    },
    deleteFollowUp(id: string): void {
      db.prepare('DELETE FROM follow_ups WHERE id = ?').run(id);
    },
    date(id: string, d: { person_id: string; label: string; date: string; yearly: boolean }): void {
      upsertDate.run({ id, ...d, yearly: d.yearly ? 1 : 0, now });
    },
    deleteDate(id: string): void {
      db.prepare('DELETE FROM dates WHERE id = ?').run(id);
    },
  };
}
