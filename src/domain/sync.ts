/**
 * The three-way merge of rel sync. Pure: records are plain data, instants are arguments.
 *
 * For each item rel remembers its state at the last sync (the base). A field changed on one side only
 * follows that side. Lists merge as sets: what either side added is added, what either side removed
 * (and the other kept as it was) goes. A single field changed on both sides to different values: the
 * newer side wins (the card's REV or LAST-MODIFIED against rel's updated_at) and the other value is
 * reported, so the caller can keep it (for a person: as a fact "was: …").
 */
import type { Person } from './types.js';

/** The fields of a person that sync carries (a card's FN, EMAIL, TEL... and X-REL-*): facts as texts. */
export type SyncedPerson = Pick<
  Person,
  'name' | 'emails' | 'phones' | 'company' | 'title' | 'birthday' | 'tags' | 'every_days' | 'met' | 'met_on' | 'linkedin_url'
> & {
  facts: string[];
  /**
   * The card's N when rel keeps one (people.vcard_n, domain/structured-name.ts); absent when rel writes its own,
   * so that the merge base of everyone without one stays as it was before rel kept Ns; null when a merge
   * dropped it.
   */
  vcard_n?: string | null;
};

export type Field = string | number | boolean | null | string[];
export type SyncRecord = Record<string, Field>;

export interface Conflict {
  field: string;
  /** The value that was kept. */
  kept: Field;
  /** The value that lost, kept elsewhere (a fact) so that nothing is lost. */
  lost: Field;
  winner: 'rel' | 'vdir';
}

/** How list items are compared (emails ignore case). */
export type ListKeys = Record<string, (item: string) => string>;

const isList = (v: Field): v is string[] => Array.isArray(v);

export function sameField(a: Field | undefined, b: Field | undefined, key: (s: string) => string = (s) => s): boolean {
  if (isList(a ?? null) || isList(b ?? null)) {
    const x = isList(a ?? null) ? (a as string[]) : [];
    const y = isList(b ?? null) ? (b as string[]) : [];
    if (x.length !== y.length) return false;
    const ys = new Set(y.map(key));
    return x.every((v) => ys.has(key(v)));
  }
  return (a ?? null) === (b ?? null);
}

export function sameRecord(a: SyncRecord, b: SyncRecord, keys: ListKeys = {}): boolean {
  const fields = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const f of fields) if (!sameField(a[f], b[f], keys[f])) return false;
  return true;
}

/** Three-way set merge, in the order: ours, then what theirs added. */
function mergeList(base: string[] | null, ours: string[], theirs: string[], key: (s: string) => string): string[] {
  const b = new Set((base ?? []).map(key));
  const o = new Set(ours.map(key));
  const t = new Set(theirs.map(key));
  const out: string[] = [];
  const seen = new Set<string>();
  const push = (v: string) => {
    if (!seen.has(key(v))) {
      seen.add(key(v));
      out.push(v);
    }
  };
  // Kept when the other side has it too, or when the other side never had it (an addition).
  for (const v of ours) if (t.has(key(v)) || !b.has(key(v))) push(v);
  for (const v of theirs) if (!o.has(key(v)) && !b.has(key(v))) push(v);
  return out;
}

/**
 * Merges `ours` (rel) and `theirs` (the file) against `base` (null: never synced, both new).
 * `relIsNewer` decides a single field changed on both sides.
 */
export function merge3(
  base: SyncRecord | null,
  ours: SyncRecord,
  theirs: SyncRecord,
  relIsNewer: boolean,
  keys: ListKeys = {},
): { result: SyncRecord; conflicts: Conflict[] } {
  const result: SyncRecord = {};
  const conflicts: Conflict[] = [];
  for (const f of new Set([...Object.keys(ours), ...Object.keys(theirs)])) {
    const o = ours[f] ?? null;
    const t = theirs[f] ?? null;
    const b = base === null ? undefined : (base[f] ?? null);
    const key = keys[f] ?? ((s: string) => s);
    if (isList(o) || isList(t)) {
      result[f] = mergeList(base === null ? null : isList(b ?? null) ? (b as string[]) : [], isList(o) ? o : [], isList(t) ? t : [], key);
    } else if (sameField(o, t)) result[f] = o;
    else if (b !== undefined && sameField(o, b)) result[f] = t;
    else if (b !== undefined && sameField(t, b)) result[f] = o;
    else if (base === null && o === null) result[f] = t; // new on both sides: a blank fills in
    else if (base === null && t === null) result[f] = o;
    else {
      const [kept, lost] = relIsNewer ? [o, t] : [t, o];
      result[f] = kept;
      conflicts.push({ field: f, kept, lost, winner: relIsNewer ? 'rel' : 'vdir' });
    }
  }
  return { result, conflicts };
}

/** What one item's sync does. */
export type Action =
  | { do: 'none' }
  /** Rel's record is written to the file (new or changed). */
  | { do: 'to_vdir'; rec: SyncRecord }
  /** The file's record is written to rel (new or changed). */
  | { do: 'to_rel'; rec: SyncRecord }
  /** Both changed: the merged record goes to whichever side differs from it. */
  | { do: 'merge'; rec: SyncRecord; toRel: boolean; toVdir: boolean; conflicts: Conflict[] }
  | { do: 'delete_rel' }
  | { do: 'delete_file' }
  /** Both sides gone: only rel's memory of the item goes. */
  | { do: 'forget' };

export interface ItemSides {
  /** The record at the last sync; null: never synced. */
  base: SyncRecord | null;
  /** The record in rel; null: not (or no longer) in rel. */
  ours: SyncRecord | null;
  /** The record in the file; null: no file. */
  theirs: SyncRecord | null;
  /** The file's bytes differ from those of the last sync (a new file counts as changed). */
  fileChanged: boolean;
  relIsNewer: boolean;
}

/**
 * Decides one item. A change beats a delete: an item edited on one side and deleted on the other comes
 * back on the side that deleted it.
 */
export function decide(s: ItemSides, keys: ListKeys = {}): Action {
  const { base, ours, theirs } = s;
  const relChanged = ours !== null && (base === null || !sameRecord(ours, base, keys));
  if (ours === null && theirs === null) return base === null ? { do: 'none' } : { do: 'forget' };
  if (theirs === null) {
    if (base === null || relChanged) return { do: 'to_vdir', rec: ours! };
    return { do: 'delete_rel' };
  }
  if (ours === null) {
    if (base === null || s.fileChanged) return { do: 'to_rel', rec: theirs };
    return { do: 'delete_file' };
  }
  const fileChanged = base === null || s.fileChanged;
  if (!relChanged && !fileChanged) return { do: 'none' };
  if (!fileChanged) return { do: 'to_vdir', rec: ours };
  if (!relChanged) return { do: 'to_rel', rec: theirs };
  const { result, conflicts } = merge3(base, ours, theirs, s.relIsNewer, keys);
  const toRel = !sameRecord(result, ours, keys);
  const toVdir = !sameRecord(result, theirs, keys);
  return { do: 'merge', rec: result, toRel, toVdir, conflicts };
}
