/**
 * The part of rel sync common to every kind of item: pair rel's records with the vdir's files, decide
 * each pair with the three-way merge (src/domain/sync.ts), and list what to do on each side.
 *
 * Nothing is done here: the plan says which files to write or remove and which rel writes to make.
 * src/sync/run.ts carries it out in a safe order: files first, then rel's writes and the new sync
 * state in one transaction. A sync killed in between leaves files that hold rel's own (or merged)
 * records; the next sync pairs them again (by file, then UID) and finds nothing left to do.
 */
import { decide, type Conflict, type ListKeys, type SyncRecord } from '../domain/sync.js';
import type { SyncKind, SyncStateRow } from '../store/sync.js';
import { fileNameFor, hashOf, type VdirFile } from './vdir.js';

export interface Ours<R> {
  rec: R;
  /** rel's updated_at of the record. */
  time: string;
}

export interface Theirs<R> {
  uid: string | null;
  rec: R;
  /** REV or LAST-MODIFIED, when readable. */
  time: string | null;
}

export interface Kind<R extends SyncRecord> {
  kind: SyncKind;
  ext: string;
  keys: ListKeys;
  ours: Map<string, Ours<R>>;
  read(text: string): Theirs<R> | null;
  write(rec: R, uid: string, now: string, previous: string | null): string;
  /** rel's record for a file that rel does not know yet: by UID, then (people) by email or phone. */
  match(theirs: Theirs<R>, unpaired: (relId: string) => boolean): string | undefined;
  /** The id a new record from the vdir gets in rel. */
  newRelId(uid: string | null): string;
  label(rec: R, relId: string): string;
  /** Whether the record can be written to rel now (the people a touch names are known). */
  ready?(rec: R): boolean;
  /** Whether rel may delete the record because its file went (a person with touches: not without --allow-delete). */
  mayDelete?(relId: string): boolean;
  /** Fills in what a file read leaves out that the base has (fields some servers drop). */
  fill?(theirs: R, base: R): R;
  /** Keeps what lost a conflict (a person: "was: …" facts). */
  settle?(rec: R, conflicts: Conflict[]): R;
}

export type FileOp = { write: string; text: string } | { remove: string };

export type RelOp<R> = { upsert: string; rec: R; exists: boolean } | { remove: string };

export interface Report {
  to_rel: string[];
  to_vdir: string[];
  conflicts: string[];
  deleted: string[];
  /** Cards that vanished, for people who have touches: kept, and reported, until --allow-delete. */
  kept: string[];
}

export interface Plan<R> {
  files: FileOp[];
  rel: RelOp<R>[];
  state: Map<string, SyncStateRow | null>;
  report: Report;
  /** rel id → UID in the vdir, after this plan. */
  uids: Map<string, string>;
}

interface Base<R> {
  rec: R;
  /** When the state was saved: a REV not after it was not moved by the phone. */
  rev: string;
}

/** JSON with keys in order, so that equal records give equal text (records built in that order are cheapest). */
function canonical(rec: SyncRecord): string {
  const keys = Object.keys(rec);
  for (let i = 1; i < keys.length; i++) if (keys[i - 1]! > keys[i]!) return JSON.stringify(rec, keys.sort());
  return JSON.stringify(rec);
}

export function emptyReport(): Report {
  return { to_rel: [], to_vdir: [], conflicts: [], deleted: [], kept: [] };
}

/**
 * Plans one kind. `files` are the vdir's files of this kind and the unknown ones (no state) that read as
 * this kind; `state` is what rel remembers of this kind for this folder.
 */
export function plan<R extends SyncRecord>(
  k: Kind<R>,
  files: Map<string, VdirFile>,
  state: Map<string, SyncStateRow>,
  now: string,
  allowDelete: boolean,
): Plan<R> {
  const out: Plan<R> = { files: [], rel: [], state: new Map(), report: emptyReport(), uids: new Map() };
  const fileOf = new Map<string, string>(); // relId → file
  const relOfFile = new Map<string, string>();
  const theirsOf = new Map<string, Theirs<R>>();
  for (const [relId, s] of state) {
    fileOf.set(relId, s.file);
    relOfFile.set(s.file, relId);
  }
  const byUid = new Map<string, string>();
  for (const [relId, s] of state) byUid.set(s.uid, relId);
  const paired = new Set(state.keys());
  for (const name of [...files.keys()].sort()) {
    const relId = relOfFile.get(name);
    if (relId !== undefined) continue;
    const theirs = k.read(files.get(name)!.text());
    if (!theirs) continue; // not an item of this kind
    // A known UID under a new file name (renamed by a server): the same item.
    const known = theirs.uid === null ? undefined : byUid.get(theirs.uid);
    const id = known !== undefined && !files.has(fileOf.get(known)!) ? known : k.match(theirs, (r) => !paired.has(r));
    const target = id ?? k.newRelId(theirs.uid);
    if (paired.has(target) && known === undefined) continue; // a second file for one record: leave it be
    paired.add(target);
    fileOf.set(target, name);
    theirsOf.set(target, theirs);
  }
  const ids = new Set([...state.keys(), ...k.ours.keys(), ...fileOf.keys()]);
  const written = new Set<string>();
  const taken = (name: string) => files.has(name) || written.has(name);
  for (const relId of ids) {
    const s = state.get(relId);
    const ours = k.ours.get(relId) ?? null;
    const name = fileOf.get(relId);
    const file = name === undefined ? undefined : files.get(name);
    const fileChanged = !s || !file || file.hash !== s.hash;
    // The common case, unchanged on both sides, costs one string comparison: no parsing.
    if (s && ours && !fileChanged && s.base.startsWith(`{"rec":${canonical(ours.rec)},`)) {
      out.uids.set(relId, s.uid);
      if (file!.stamp !== s.stamp) out.state.set(relId, { ...s, stamp: file!.stamp });
      continue;
    }
    let theirs = theirsOf.get(relId) ?? null;
    const saved = s ? (JSON.parse(s.base) as Base<R>) : null;
    const base = saved?.rec ?? null;
    if (file && !theirs) theirs = fileChanged ? k.read(file.text()) : { uid: s!.uid, rec: base!, time: null };
    if (theirs && base && fileChanged && k.fill) theirs = { ...theirs, rec: k.fill(theirs.rec, base) };
    const uid = s?.uid ?? theirs?.uid ?? relId;
    out.uids.set(relId, uid);
    // A REV the phone did not move on (it changed the card without it): the file's time says when.
    const theirTime = theirs?.time && (!saved || theirs.time > saved.rev) ? theirs.time : (file?.mtime() ?? '');
    const action = decide(
      { base, ours: ours?.rec ?? null, theirs: theirs?.rec ?? null, fileChanged, relIsNewer: (ours?.time ?? '') >= theirTime },
      k.keys,
    );
    const keep = (rec: R, fileName: string, hash: string, stamp: string) =>
      out.state.set(relId, { rel_id: relId, uid, file: fileName, hash, stamp, base: `{"rec":${canonical(rec)},"rev":${JSON.stringify(now)}}` });
    const toVdir = (rec: R) => {
      const fileName = name ?? fileNameFor(uid, k.ext, taken);
      const before = file?.text() ?? null;
      const text = k.write(rec, uid, now, before);
      const same = text === before;
      if (!same) {
        out.files.push({ write: fileName, text });
        written.add(fileName);
      }
      out.report.to_vdir.push(k.label(rec, relId));
      // A written file's stamp is known once it is written (run.ts fills it in).
      return { fileName, hash: same ? file!.hash : hashOf(text), stamp: same ? file!.stamp : '' };
    };
    const label = k.label((ours?.rec ?? theirs?.rec ?? base)!, relId);
    switch (action.do) {
      case 'none':
        if (!s && file && name !== undefined) keep(ours!.rec, name, file.hash, file.stamp);
        break;
      case 'to_vdir': {
        const w = toVdir(action.rec as R);
        keep(action.rec as R, w.fileName, w.hash, w.stamp);
        break;
      }
      case 'to_rel': {
        if (k.ready && !k.ready(action.rec as R)) {
          out.uids.delete(relId);
          break; // it names someone rel does not know yet: next time
        }
        out.rel.push({ upsert: relId, rec: action.rec as R, exists: ours !== null });
        out.report.to_rel.push(k.label(action.rec as R, relId));
        if (theirs?.uid === null) {
          // A file without a UID gets rel's id as one: other devices then name the same record.
          const w = toVdir(action.rec as R);
          out.report.to_vdir.pop();
          keep(action.rec as R, w.fileName, w.hash, w.stamp);
        } else keep(action.rec as R, name!, file!.hash, file!.stamp);
        break;
      }
      case 'merge': {
        let rec = action.rec as R;
        if (k.ready && !k.ready(rec)) break; // it names someone rel does not know yet: next time
        if (action.conflicts.length > 0) {
          rec = k.settle ? k.settle(rec, action.conflicts) : rec;
          for (const c of action.conflicts) {
            out.report.conflicts.push(`${label}: ${c.field} ${show(c.kept)} (${c.winner === 'rel' ? 'rel' : 'the vdir'} was newer; was: ${show(c.lost)})`);
          }
        }
        let w = { fileName: name!, hash: file!.hash, stamp: file!.stamp };
        if (action.toVdir || action.conflicts.length > 0) w = toVdir(rec);
        if (action.toRel || action.conflicts.length > 0) {
          out.rel.push({ upsert: relId, rec, exists: true });
          out.report.to_rel.push(k.label(rec, relId));
        }
        keep(rec, w.fileName, w.hash, w.stamp);
        break;
      }
      case 'delete_rel':
        if (!allowDelete && k.mayDelete && !k.mayDelete(relId)) {
          out.report.kept.push(label);
          break;
        }
        out.rel.push({ remove: relId });
        out.report.deleted.push(`${label} (from rel)`);
        out.state.set(relId, null);
        out.uids.delete(relId);
        break;
      case 'delete_file':
        out.files.push({ remove: name! });
        out.report.deleted.push(`${label} (from the vdir)`);
        out.state.set(relId, null);
        out.uids.delete(relId);
        break;
      case 'forget':
        out.state.set(relId, null);
        out.uids.delete(relId);
        break;
    }
  }
  return out;
}

function show(v: unknown): string {
  if (v === null) return '(none)';
  return JSON.stringify(v);
}
