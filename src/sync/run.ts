/**
 * rel sync, carried out: people with a contacts vdir, then touches, follow-ups and dates with a
 * calendar vdir. Inside one IMMEDIATE transaction (one undoable change): read both sides, plan
 * (src/sync/engine.ts), write and remove files atomically, then make rel's writes and save the new
 * sync state; the commit comes last. A kill before it leaves rel as it was and files that hold rel's
 * own records: the next sync pairs them and converges without duplicates.
 */
import type { Conflict, SyncRecord } from '../domain/sync.js';
import { CHANNELS, KINDS } from '../domain/types.js';
import type { Db } from '../store/open.js';
import {
  journalWriter, loadState, personUids, rememberedFiles, personWriter, saveState, syncDates, syncFollowUps, syncPeople, syncTouches,
  type PersonFields, type SyncKind,
} from '../store/sync.js';
import { readCard, writeCard, type CardPerson } from './card.js';
import { emptyReport, plan, type Kind, type Plan, type Report } from './engine.js';
import { readItem, writeItem, type DateItem, type FollowUpItem, type JournalItem, type TouchItem } from './journal.js';
import { readVdir, removeFile, syncFolder, vdirPath, writeFileAtomic, type VdirFile } from './vdir.js';

export interface SyncOptions {
  contacts: string | null;
  journal: string | null;
  dryRun: boolean;
  allowDelete: boolean;
}

export interface SyncView {
  dry_run: boolean;
  contacts: Report | null;
  journal: Report | null;
}

export interface RunEnv {
  db: Db;
  now: string;
  today: string;
  newId: () => string;
  /** Called after each file written or removed (the tests' pause hook). */
  afterFile?: (done: number) => void;
}

const usableId = (uid: string | null): uid is string => uid !== null && uid.length <= 200 && !/[\u0000-\u001f]/.test(uid);
const digits = (phone: string) => phone.replace(/\D/g, '');

export function runSync(o: SyncOptions, env: RunEnv): SyncView {
  const view: SyncView = { dry_run: o.dryRun, contacts: null, journal: null };
  let files = 0;
  const apply = <R extends SyncRecord>(dir: string, p: Plan<R>) => {
    if (o.dryRun) return;
    const stamps = new Map<string, string>();
    for (const f of p.files) {
      if ('write' in f) stamps.set(f.write, writeFileAtomic(dir, f.write, f.text));
      else removeFile(dir, f.remove);
      env.afterFile?.(++files);
    }
    if (p.files.length > 0) syncFolder(dir);
    for (const row of p.state.values()) if (row && stamps.has(row.file)) row.stamp = stamps.get(row.file)!;
  };
  let uids = new Map<string, string>();
  if (o.contacts !== null) {
    const dir = vdirPath(o.contacts);
    const state = loadState(env.db, 'person', dir);
    const p = plan(people(env, uids), readVdir(dir, '.vcf', new Map([...state.values()].map((s) => [s.file, s]))), state, env.now, o.allowDelete);
    apply(dir, p);
    if (!o.dryRun) {
      const w = personWriter(env.db, env.now, env.today, env.newId);
      for (const op of p.rel) {
        if ('remove' in op) w.remove(op.remove);
        else if (op.exists) w.update(op.upsert, op.rec as unknown as PersonFields);
        else w.insert(op.upsert, op.rec as unknown as PersonFields);
      }
      saveState(env.db, 'person', dir, p.state);
    }
    view.contacts = p.report;
    uids = p.uids;
  }
  if (o.journal !== null) {
    const dir = vdirPath(o.journal);
    const remembered = rememberedFiles(env.db, dir);
    const all = readVdir(dir, '.ics', remembered);
    const report = emptyReport();
    // People as the journal names them: by their card's UID (without a contacts vdir: by rel's id).
    const relOf = new Map<string, string>();
    const uidOf = new Map<string, string>();
    const stored = personUids(env.db);
    for (const person of syncPeople(env.db)) {
      const uid = uids.get(person.id) ?? stored.get(person.id) ?? person.id;
      relOf.set(uid, person.id);
      uidOf.set(person.id, uid);
    }
    const j = journalWriter(env.db, env.now, env.newId);
    for (const kind of ['touch', 'follow_up', 'date'] as const) {
      const state = loadState(env.db, kind, dir);
      const k = journalKind(kind, env, relOf, uidOf, state);
      // This kind's files: those it remembers, and the unknown ones (k.read tells whether they are of it).
      const known = new Set([...state.values()].map((s) => s.file));
      const mine = new Map<string, VdirFile>([...all].filter(([name]) => known.has(name) || !remembered.has(name)));
      const p = plan(k, mine, state, env.now, o.allowDelete);
      apply(dir, p);
      if (!o.dryRun) {
        for (const op of p.rel) {
          if ('remove' in op) {
            if (kind === 'touch') j.deleteTouch(op.remove);
            else if (kind === 'follow_up') j.deleteFollowUp(op.remove);
            else j.deleteDate(op.remove);
          } else if (kind === 'touch') {
            const r = op.rec as unknown as TouchItem;
            j.touch(op.upsert, r, r.people.map((u) => relOf.get(u)!));
          } else if (kind === 'follow_up') {
            const r = op.rec as unknown as FollowUpItem;
            j.followUp(op.upsert, { ...r, person_id: relOf.get(r.person)! });
          } else {
            const r = op.rec as unknown as DateItem;
            j.date(op.upsert, { ...r, person_id: relOf.get(r.person)! });
          }
        }
        saveState(env.db, kind, dir, p.state);
      }
      for (const key of Object.keys(report) as (keyof Report)[]) report[key].push(...p.report[key]);
    }
    view.journal = report;
  }
  return view;
}


function people(env: RunEnv, _uids: Map<string, string>): Kind<CardPerson & SyncRecord> {
  const rows = syncPeople(env.db);
  // Fields in key order: the merge base is compared as canonical JSON (src/sync/engine.ts).
  const ours = new Map(
    rows.map((r) => {
      const rec: CardPerson = {
        birthday: r.birthday, company: r.company, emails: r.emails, every_days: r.every_days, facts: r.facts, linkedin_url: r.linkedin_url,
        met: r.met, met_on: r.met_on, name: r.name, phones: r.phones, tags: r.tags, title: r.title,
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
      const was = conflicts.filter((c) => c.lost !== null).map((c) => `was: ${c.field.replace(/_/g, ' ')} ${String(c.lost)}`);
      return { ...rec, facts: [...rec.facts, ...was.filter((w) => !rec.facts.includes(w))] };
    },
  };
}

type Rec<K extends SyncKind> = K extends 'touch' ? TouchItem : K extends 'follow_up' ? FollowUpItem : DateItem;

function journalKind<K extends 'touch' | 'follow_up' | 'date'>(
  kind: K,
  env: RunEnv,
  relOf: Map<string, string>,
  uidOf: Map<string, string>,
  state: Map<string, unknown>,
): Kind<Rec<K> & SyncRecord> {
  const ours = new Map<string, { rec: SyncRecord; time: string }>();
  const uid = (personId: string) => uidOf.get(personId) ?? personId;
  const names = new Map(syncPeople(env.db).map((p) => [p.id, p.name]));
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
  const who = (uids: string[]) => uids.map((u) => names.get(relOf.get(u) ?? '') ?? u).join(', ');
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
        return `touch ${t.date} with ${who(t.people)}`;
      }
      if (kind === 'follow_up') {
        const f = rec as unknown as FollowUpItem;
        return `follow-up ${f.due_on} with ${who([f.person])}${f.done ? ' (done)' : ''}`;
      }
      const d = rec as unknown as DateItem;
      return `date ${d.label} ${d.date} of ${who([d.person])}`;
    },
    ready(rec) {
      const people = kind === 'touch' ? (rec as unknown as TouchItem).people : [(rec as unknown as FollowUpItem | DateItem).person];
      return people.length > 0 && people.every((u) => relOf.has(u));
    },
  };
}
