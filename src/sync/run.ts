/**
 * rel sync, carried out: people with a contacts vdir, then touches, follow-ups and dates with a
 * calendar vdir. Inside one IMMEDIATE transaction (one undoable change): read both sides, plan
 * (src/sync/engine.ts), write and remove files atomically, then make rel's writes and save the new
 * sync state; the commit comes last. A kill before it leaves rel as it was and files that hold rel's
 * own records: the next sync pairs them and converges without duplicates.
 */
import type { SyncRecord } from '../domain/sync.js';
import type { Db } from '../store/open.js';
import {
  addFact, journalWriter, loadState, personUids, rememberedFiles, personWriter, saveState, peopleNames,
  type PersonFields,
} from '../store/sync.js';
import { emptyReport, plan, type Plan, type Report } from './engine.js';
import type { DateItem, FollowUpItem, TouchItem } from './journal.js';
import { journalKind, people } from './kinds.js';
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
    const p = plan(people(env), readVdir(dir, '.vcf', new Map([...state.values()].map((s) => [s.file, s])), !o.dryRun), state, env.now, o.allowDelete);
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
    const all = readVdir(dir, '.ics', remembered, !o.dryRun);
    const report = emptyReport();
    // People as the journal names them: by their card's UID (without a contacts vdir: by rel's id).
    const relOf = new Map<string, string>();
    const uidOf = new Map<string, string>();
    const stored = personUids(env.db);
    const names = peopleNames(env.db);
    for (const id of names.keys()) {
      const uid = uids.get(id) ?? stored.get(id) ?? id;
      relOf.set(uid, id);
      uidOf.set(id, uid);
    }
    const j = journalWriter(env.db, env.now, env.newId);
    for (const kind of ['touch', 'follow_up', 'date'] as const) {
      const state = loadState(env.db, kind, dir);
      const lost: { person: string; text: string }[] = [];
      const k = journalKind(kind, env, { relOf, uidOf, names }, state, lost);
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
        // What lost a conflict: a fact of each person concerned (the next sync takes it to their card).
        for (const { person, text } of lost) addFact(env.db, person, text, env.today, env.now, env.newId);
      }
      for (const key of Object.keys(report) as (keyof Report)[]) report[key].push(...p.report[key]);
    }
    view.journal = report;
  }
  return view;
}
