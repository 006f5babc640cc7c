/**
 * The kinds of item rel sync carries, for the engine (src/sync/engine.ts): people as cards, and
 * touches, follow-ups and dates as calendar items. Each says how to read rel's records, read and write
 * a file, match a file rel does not know yet, and keep what lost a conflict.
 */
import type { Conflict, SyncRecord } from '../domain/sync.js';
import { CHANNELS, KINDS } from '../domain/types.js';
import type { Db } from '../store/open.js';
import { syncDates, syncFollowUps, syncPeople, syncTouches, type SyncKind } from '../store/sync.js';
import { readCard, writeCard, type CardPerson } from './card.js';
import type { Kind } from './engine.js';
import { readItem, writeItem, type DateItem, type FollowUpItem, type JournalItem, type TouchItem } from './journal.js';

export interface KindEnv {
  db: Db;
  newId: () => string;
}

const usableId = (uid: string | null): uid is string => uid !== null && uid.length <= 200 && !/[\u0000-\u001f]/.test(uid);
const digits = (phone: string) => phone.replace(/\D/g, '');
/** What lost a conflict, as a fact: `was: title Engineer`. */
export const wasFact = (c: Conflict, what = c.field.replace(/_/g, ' ')) => `was: ${what} ${Array.isArray(c.lost) ? c.lost.join(', ') : String(c.lost)}`;

export function people(env: KindEnv): Kind<CardPerson & SyncRecord> {
  const rows = syncPeople(env.db);
  // Fields in key order: the merge base is compared as canonical JSON (src/sync/engine.ts).
  const ours = new Map(
    rows.map((r) => {
      const rec: CardPerson = {
        birthday: r.birthday, company: r.company, emails: r.emails, every_days: r.every_days, facts: r.facts, linkedin_url: r.linkedin_url,
        met: r.met, met_on: r.met_on, name: r.name, phones: r.phones, tags: r.tags, title: r.title,
        ...(r.vcard_n === undefined ? {} : { vcard_n: r.vcard_n }),
      };
      return [r.id, { rec: rec as CardPerson & SyncRecord, time: r.updated_at }];
    }),
  );
  const touches = new Map(rows.map((r) => [r.id, r.touches]));
  const byEmail = new Map<string, string>();
  const byPhone = new Map<string, string>();
  for (const r of rows) {
    for (const e of r.emails) byEmail.set(e.toLowerCase(), r.id);
    for (const t of r.phones) if (digits(t).length >= 6) byPhone.set(digits(t), r.id);
  }
  return {
    kind: 'person',
    ext: '.vcf',
    keys: { emails: (e) => e.toLowerCase() },
    ours,
    read(text) {
      const card = readCard(text);
      return card && { uid: card.uid, rec: card.person as CardPerson & SyncRecord, time: card.rev };
    },
    write: (rec, uid, now, previous) => writeCard(rec, uid, now, previous),
    match(theirs, unpaired) {
      // By UID, then by email or phone; never by name alone.
      if (theirs.uid !== null && ours.has(theirs.uid) && unpaired(theirs.uid)) return theirs.uid;
      for (const e of theirs.rec.emails) {
        const id = byEmail.get(e.toLowerCase());
        if (id !== undefined && unpaired(id)) return id;
      }
      for (const t of theirs.rec.phones) {
        const id = byPhone.get(digits(t));
        if (id !== undefined && unpaired(id)) return id;
      }
      return undefined;
    },
    newRelId: (uid) => (usableId(uid) && !ours.has(uid) ? uid : env.newId()),
    label: (rec) => rec.name,
    // Google drops X- properties and CATEGORIES: a card without them leaves rel's values as they were.
    fill: (theirs, base) => ({
      ...theirs,
      every_days: theirs.every_days ?? base.every_days,
      met: theirs.met ?? base.met,
      met_on: theirs.met_on ?? base.met_on,
      linkedin_url: theirs.linkedin_url ?? base.linkedin_url,
      tags: theirs.tags.length > 0 ? theirs.tags : base.tags,
    }),
    mayDelete: (id) => (touches.get(id) ?? 0) === 0,
    settle: (rec, conflicts: Conflict[]) => {
      // A structured name that lost goes with the name that lost (reported): not a fact of its own.
      const was = conflicts.filter((c) => c.lost !== null && c.field !== 'vcard_n').map((c) => wasFact(c));
      return { ...rec, facts: [...rec.facts, ...was.filter((w) => !rec.facts.includes(w))] };
    },
  };
}

type Rec<K extends SyncKind> = K extends 'touch' ? TouchItem : K extends 'follow_up' ? FollowUpItem : DateItem;

/**
 * Touches, follow-ups or dates. What loses a conflict is kept as a fact of the people concerned: it is
 * added to `lost` (person id, text) for the caller to write.
 */
export function journalKind<K extends 'touch' | 'follow_up' | 'date'>(
  kind: K,
  env: KindEnv,
  who: {
    /** rel's person id by card UID, and back; names by rel id. */
    relOf: Map<string, string>;
    uidOf: Map<string, string>;
    names: Map<string, string>;
  },
  state: Map<string, unknown>,
  lost: { person: string; text: string }[],
): Kind<Rec<K> & SyncRecord> {
  const ours = new Map<string, { rec: SyncRecord; time: string }>();
  const uid = (personId: string) => uidOf.get(personId) ?? personId;
  const { relOf, uidOf, names } = who;
  if (kind === 'touch') {
    for (const t of syncTouches(env.db)) {
      const g = ours.get(t.group_id);
      if (g) {
        (g.rec.people as string[]).push(uid(t.person_id));
        (g.rec.people as string[]).sort();
        if (t.updated_at > g.time) g.time = t.updated_at;
      } else {
        const rec: TouchItem = { ask: t.ask, date: t.date, give: t.give, note: t.note, people: [uid(t.person_id)], via: t.via };
        ours.set(t.group_id, { rec: rec as unknown as SyncRecord, time: t.updated_at });
      }
    }
  } else if (kind === 'follow_up') {
    for (const f of syncFollowUps(env.db)) {
      // A follow-up closed before it was ever synced stays out of the phone's task list.
      if (f.closed_by !== null && !state.has(f.id)) continue;
      const rec: FollowUpItem = { done: f.closed_by !== null, due_on: f.due_on, note: f.note, person: uid(f.person_id) };
      ours.set(f.id, { rec: rec as unknown as SyncRecord, time: f.updated_at });
    }
  } else {
    for (const d of syncDates(env.db)) {
      const rec: DateItem = { date: d.date, label: d.label, person: uid(d.person_id), yearly: d.yearly === 1 };
      ours.set(d.id, { rec: rec as unknown as SyncRecord, time: d.updated_at });
    }
  }
  const peopleOf = (rec: SyncRecord): string[] =>
    kind === 'touch' ? (rec as unknown as TouchItem).people : [(rec as unknown as FollowUpItem | DateItem).person];
  const namesOf = (uids: string[]) => uids.map((u) => names.get(relOf.get(u) ?? '') ?? u).join(', ');
  return {
    kind,
    ext: '.ics',
    keys: {},
    ours: ours as Map<string, { rec: Rec<K> & SyncRecord; time: string }>,
    read(text) {
      const r = readItem(text);
      if (!r || r.item.kind !== kind) return null;
      const rec = r.item.rec as Rec<K> & SyncRecord;
      if (kind === 'touch') {
        const t = rec as unknown as TouchItem;
        if (!(CHANNELS as readonly string[]).includes(t.via)) t.via = 'other';
        if (t.give !== null && !(KINDS as readonly string[]).includes(t.give)) t.give = 'other';
        if (t.ask !== null && !(KINDS as readonly string[]).includes(t.ask)) t.ask = 'other';
      }
      return { uid: r.uid, rec, time: r.modified };
    },
    write: (rec, id, now, previous) => writeItem({ kind, rec } as JournalItem, id, now, previous),
    match: (theirs, unpaired) => (theirs.uid !== null && ours.has(theirs.uid) && unpaired(theirs.uid) ? theirs.uid : undefined),
    newRelId: (id) => (usableId(id) && !ours.has(id) ? id : env.newId()),
    label(rec) {
      if (kind === 'touch') {
        const t = rec as unknown as TouchItem;
        return `touch ${t.date} with ${namesOf(t.people)}`;
      }
      if (kind === 'follow_up') {
        const f = rec as unknown as FollowUpItem;
        return `follow-up ${f.due_on} with ${namesOf([f.person])}${f.done ? ' (done)' : ''}`;
      }
      const d = rec as unknown as DateItem;
      return `date ${d.label} ${d.date} of ${namesOf([d.person])}`;
    },
    ready: (rec) => {
      const people = peopleOf(rec);
      return people.length > 0 && people.every((u) => relOf.has(u));
    },
    settle(rec, conflicts) {
      const what = kind === 'touch' ? `touch of ${(rec as unknown as TouchItem).date}:` : kind === 'follow_up' ? 'follow-up:' : 'date:';
      for (const u of peopleOf(rec)) {
        const person = relOf.get(u);
        if (person === undefined) continue;
        for (const c of conflicts) if (c.lost !== null) lost.push({ person, text: wasFact(c, `${what} ${c.field.replace(/_/g, ' ')}`) });
      }
      return rec;
    },
  };
}
