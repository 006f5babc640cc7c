/**
 * Planning an import: for each record read from a file, add a new person, merge into someone already
 * there, or skip (and why). Pure: the people in rel, the records and the options in; a plan out.
 *
 * Matching, first that applies:
 *   0. the same id (rel's own JSON export only);
 *   1. a shared email address (case-insensitive);
 *   2. the same LinkedIn profile (normaliseLinkedIn);
 *   3. the same folded name (foldName) when the two do not disagree: on emails or phones (both sides
 *      have some, none shared), the company, the day met (a LinkedIn connection date) or the LinkedIn
 *      profile. Several such people: ambiguous, skipped. A name alone never merges two records that
 *      disagree: the record is added, and reported in `possible_duplicates` (rel merge joins them).
 *      With `distinctRecords` (a LinkedIn file: each row is a connection) records of the file never
 *      join each other by name.
 * Merging adds new emails, phones, tags and notes and fills empty fields; it never overwrites what
 * rel already has. A record that would change nothing is skipped as "already up to date", so
 * importing the same file twice changes nothing. Records of the same file match each other too
 * (except records with ids, which are distinct people by definition). Everything is indexed by Map:
 * linear in people + records.
 */
import { foldName } from './names.js';
import type { ImportedPerson } from './person.js';
import type { Day, Person } from './types.js';

/** The fields an import can bring; lists and nulls as stored on a person. */
export type MergeFields = Pick<
  Person,
  'name' | 'emails' | 'phones' | 'tags' | 'company' | 'title' | 'birthday' | 'met' | 'met_on' | 'linkedin_url' | 'every_days'
> & {
  /** The structured name kept from an import (people.vcard_n): filled like the fields above, for the same name only. */
  vcard_n?: string | null;
};

export interface ExistingPerson extends MergeFields {
  id: string;
  last_touch: Day | null;
  /** The texts of the person's facts, so that a note is not added twice. */
  facts: string[];
}

/** An imported person, checked (domain/tidy.ts), with where it came from: what the plan matches. */
export interface MergeRecord extends ImportedPerson {
  /** Where in the file: "line 12", "card 3", "people[4]". */
  where: string;
  /** rel's own export: the person's stable id. */
  id?: string;
  /** Changes the caller makes anyway for this person (new touchpoints from a rel export...). */
  pending?: string[];
}

export interface PlanOptions {
  today: Day;
  /** Tags given with --tag: added to everyone added or matched. */
  tags: string[];
  /** --every: the rhythm of the people added. */
  everyDays: number | null;
  /** Each record of the file is someone else (LinkedIn: one row per connection): records never join each other by name. */
  distinctRecords?: boolean;
  newId: () => string;
}

/** A person as the import leaves them: new, or existing with changes. */
export interface PlannedPerson extends MergeFields {
  id: string;
  /** Notes to store as new facts. */
  newFacts: string[];
  /** A touch to log on this day (a newer last contact from the file). */
  touch: Day | null;
}

export type Action = 'add' | 'merge' | 'skip';

export interface Decision {
  where: string;
  name: string;
  action: Action;
  /** The person added or merged into (null when skipped for ambiguity). */
  person_id: string | null;
  /** The name of the person merged into (or up to date), when not added. */
  into: string | null;
  /** What the record changed: "email", "2 phones", "company", "note"... */
  changes: string[];
  why: string | null;
  /** Why a record was skipped, as a kind the summary counts by (null unless skipped). */
  skip: SkipReason | null;
}

/** repeated: the same person earlier in the file; ambiguous: several people have the name; up-to-date: nothing new. */
export type SkipReason = 'repeated' | 'ambiguous' | 'up-to-date';

/** A record added although someone had its name, because they disagree (see matching, 3). */
export interface PossibleDuplicate {
  where: string;
  name: string;
  /** The person added for the record. */
  person_id: string;
  /** The people of the same name: in rel, or added earlier from the file (`where` then says where). */
  same_name_as: { id: string; name: string; where: string | null }[];
}

export interface ImportPlan {
  decisions: Decision[];
  possible_duplicates: PossibleDuplicate[];
  added: PlannedPerson[];
  /** Existing people the import changes, with their final values. */
  updated: PlannedPerson[];
  counts: { added: number; merged: number; skipped: number };
}

/** `https://www.LinkedIn.com/in/Ana/?trk=x` and `linkedin.com/in/ana` → `linkedin.com/in/ana`; null if not a URL. */
export function normaliseLinkedIn(url: string): string | null {
  const s = url.trim();
  if (s === '') return null;
  let u: URL;
  try {
    u = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(s) ? s : `https://${s}`);
  } catch {
    return null;
  }
  const host = u.hostname.toLowerCase().replace(/^www\./, '');
  let path = u.pathname;
  try {
    path = decodeURIComponent(path);
  } catch {
    /* keep it encoded */
  }
  return `${host}${path.replace(/\/+$/, '').toLowerCase()}`;
}

/** How emails and phones are compared, by import and by add/edit (domain/duplicates.ts). */
export const emailKey = (e: string): string => e.trim().toLowerCase();
export const phoneKey = (p: string): string => p.replace(/[^\d+]/g, '').replace(/^00/, '+') || p.trim();
export const tagKey = (t: string): string => t.toLowerCase();
const companyKey = (c: string): string => c.normalize('NFC').trim().toLowerCase().replace(/\s+/g, ' ');

/** Whether two people of the same name cannot be one: they disagree on an email, a phone, the company or the day met. */
export function disagree(a: MergeFields, b: MergeFields): boolean {
  const apart = (x: string[], y: string[], key: (v: string) => string): boolean =>
    x.length > 0 && y.length > 0 && !x.some((v) => y.some((w) => key(v) === key(w)));
  return apart(a.emails, b.emails, emailKey) || apart(a.phones, b.phones, phoneKey) ||
    (a.company !== null && b.company !== null && companyKey(a.company) !== companyKey(b.company)) ||
    (a.met_on !== null && b.met_on !== null && a.met_on !== b.met_on);
}

interface Target extends PlannedPerson {
  isNew: boolean;
  /** Where the record that created a new person is (for "duplicate of line 3"). */
  origin: string;
  last_touch: Day | null;
  factSet: Set<string>;
  changed: boolean;
}

const FILL = ['company', 'title', 'birthday', 'met', 'met_on', 'linkedin_url', 'every_days'] as const;

export function planImport(people: ExistingPerson[], records: MergeRecord[], opts: PlanOptions): ImportPlan {
  const byId = new Map<string, Target>();
  const byEmail = new Map<string, Target>();
  const byUrl = new Map<string, Target>();
  const byName = new Map<string, Target[]>();
  const index = (t: Target): void => {
    for (const e of t.emails) if (!byEmail.has(emailKey(e))) byEmail.set(emailKey(e), t);
    const url = t.linkedin_url && normaliseLinkedIn(t.linkedin_url);
    if (url && !byUrl.has(url)) byUrl.set(url, t);
  };
  const indexName = (t: Target): void => {
    const key = foldName(t.name);
    const list = byName.get(key);
    if (list) list.push(t);
    else byName.set(key, [t]);
  };
  for (const p of people) {
    const t: Target = {
      ...p, emails: [...p.emails], phones: [...p.phones], tags: [...p.tags],
      isNew: false, origin: '', newFacts: [], touch: null, factSet: new Set(p.facts), changed: false,
    };
    byId.set(p.id, t);
    index(t);
    indexName(t);
  }

  const plan: ImportPlan = { decisions: [], possible_duplicates: [], added: [], updated: [], counts: { added: 0, merged: 0, skipped: 0 } };
  const added: Target[] = [];
  const updated: Target[] = [];
  const decide = (d: Decision): void => {
    plan.decisions.push(d);
    plan.counts[d.action === 'add' ? 'added' : d.action === 'merge' ? 'merged' : 'skipped'] += 1;
  };

  for (const rec of records) {
    const fromFile = rec.id === undefined; // records with ids are never merged into each other
    const found = rec.id !== undefined && byId.has(rec.id) ? { target: byId.get(rec.id)!, byId: true } : match(rec);
    if ('ambiguous' in found) {
      decide({ where: rec.where, name: rec.name, action: 'skip', person_id: null, into: null, changes: [],
        why: `${found.ambiguous} people called "${rec.name}" already; add an email to tell them apart`, skip: 'ambiguous' });
      continue;
    }
    if (found.target === null) {
      const t = create(rec);
      byId.set(t.id, t);
      if (fromFile) {
        index(t);
        indexName(t);
      }
      added.push(t);
      if (found.similar.length > 0) {
        plan.possible_duplicates.push({ where: rec.where, name: rec.name, person_id: t.id,
          same_name_as: found.similar.map((o) => ({ id: o.id, name: o.name, where: o.isNew ? o.origin : null })) });
      }
      decide({ where: rec.where, name: rec.name, action: 'add', person_id: t.id, into: null, changes: [], why: null, skip: null });
      continue;
    }
    const t = found.target;
    // An id match leaves the person's own fields as they are (only --tag may add to them).
    const fields = found.byId ? addTags(t, opts.tags) : merge(t, rec);
    if (fields.length > 0 && !t.isNew && !t.changed) updated.push(t);
    if (fields.length > 0) t.changed = true;
    const changes = [...(rec.pending ?? []), ...fields];
    index(t);
    decide({
      where: rec.where, name: rec.name, action: changes.length > 0 ? 'merge' : 'skip', person_id: t.id, into: t.name, changes,
      why: changes.length > 0 ? null : t.isNew ? `same as ${t.origin}` : 'already up to date',
      skip: changes.length > 0 ? null : t.isNew ? 'repeated' : 'up-to-date',
    });
  }
  plan.added = added.map(planned);
  plan.updated = updated.map(planned);
  return plan;

  type Found = { target: Target; byId: false } | { target: null; byId: false; similar: Target[] } | { ambiguous: number };
  function match(rec: MergeRecord): Found {
    const usable = (t: Target | undefined): t is Target => t !== undefined && (rec.id === undefined || !t.isNew);
    for (const e of rec.emails) {
      const t = byEmail.get(emailKey(e));
      if (usable(t)) return { target: t, byId: false };
    }
    const url = rec.linkedin_url && normaliseLinkedIn(rec.linkedin_url);
    const byProfile = url ? byUrl.get(url) : undefined;
    if (usable(byProfile)) return { target: byProfile, byId: false };
    const sameName = (byName.get(foldName(rec.name)) ?? []).filter(usable);
    const candidates = sameName.filter(
      (t) => !(opts.distinctRecords && t.isNew) && !disagree(t, rec) && !(url && t.linkedin_url && normaliseLinkedIn(t.linkedin_url) !== url),
    );
    if (candidates.length > 1) return { ambiguous: candidates.length };
    if (candidates.length === 1) return { target: candidates[0]!, byId: false };
    return { target: null, byId: false, similar: rec.id === undefined ? sameName : [] };
  }

  function create(rec: MergeRecord): Target {
    const t: Target = {
      id: rec.id ?? opts.newId(),
      name: rec.name,
      emails: [], phones: [], tags: [],
      company: null, title: null, birthday: null, met: null, met_on: null, linkedin_url: null,
      every_days: opts.everyDays,
      newFacts: [], touch: null, isNew: true, origin: rec.where, last_touch: null, factSet: new Set(), changed: true,
    };
    merge(t, rec);
    return t;
  }

  function addTags(t: Target, tags: string[]): string[] {
    const have = new Set(t.tags.map(tagKey));
    const added = tags.filter((tag) => !have.has(tagKey(tag)) && have.add(tagKey(tag)));
    t.tags.push(...added);
    return added.length === 0 ? [] : [count(added.length, 'tag')];
  }

  /** Adds what `rec` has and `t` lacks; returns what changed, in words. */
  function merge(t: Target, rec: MergeRecord): string[] {
    const changes: string[] = [];
    const emails = rec.emails.filter((e) => {
      const owner = byEmail.get(emailKey(e));
      return (owner === undefined || owner === t) && !t.emails.some((x) => emailKey(x) === emailKey(e));
    });
    const newEmails = unique(emails, emailKey);
    t.emails.push(...newEmails);
    if (newEmails.length > 0) changes.push(count(newEmails.length, 'email'));
    const phones = unique(rec.phones.filter((p) => !t.phones.some((x) => phoneKey(x) === phoneKey(p))), phoneKey);
    t.phones.push(...phones);
    if (phones.length > 0) changes.push(count(phones.length, 'phone'));
    changes.push(...addTags(t, [...rec.tags, ...opts.tags]));
    for (const f of FILL) {
      if (t[f] === null && rec[f] !== null) {
        (t as unknown as Record<string, unknown>)[f] = rec[f];
        changes.push(f.replace('_', ' '));
      }
    }
    // A structured name spells the record's name: it goes with that name only (merged by email, the
    // person may be called otherwise in rel).
    if ((t.vcard_n ?? null) === null && rec.vcard_n != null && rec.name === t.name) {
      t.vcard_n = rec.vcard_n;
      changes.push('structured name');
    }
    const notes = rec.notes.filter((n) => !t.factSet.has(n) && t.factSet.add(n));
    t.newFacts.push(...notes);
    if (notes.length > 0) changes.push(count(notes.length, 'note'));
    if (rec.last_touch !== null && rec.last_touch <= opts.today && (t.last_touch === null || rec.last_touch > t.last_touch)) {
      t.last_touch = t.touch = rec.last_touch;
      changes.push('last contact');
    }
    return changes;
  }
}

function planned(t: Target): PlannedPerson {
  const { id, name, emails, phones, tags, company, title, birthday, met, met_on, linkedin_url, every_days, vcard_n, newFacts, touch } = t;
  return { id, name, emails, phones, tags, company, title, birthday, met, met_on, linkedin_url, every_days, vcard_n, newFacts, touch };
}

export function unique(values: string[], key: (v: string) => string): string[] {
  const seen = new Set<string>();
  return values.filter((v) => !seen.has(key(v)) && seen.add(key(v)));
}

const count = (n: number, what: string): string => (n === 1 ? what : `${n} ${what}s`);
