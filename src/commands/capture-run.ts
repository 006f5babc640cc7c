/**
 * The work of rel capture: read each source, let the rules (src/domain/capture.ts) decide, then write
 * every touch in one undoable change — or, with --dry-run, only count what would be written. Loaded
 * only when rel capture runs (it brings ical.js with it).
 */
import { readFileSync } from 'node:fs';
import { loadConfig } from '../config.js';
import { write, type Ctx } from '../app.js';
import {
  decideEvent,
  decideMessage,
  defaultSince,
  emailKey,
  joinNotes,
  mailDays,
  tallyUnknown,
  touchDigest,
  type Address,
  type CaptureRules,
  type Decision,
  type PlannedTouch,
} from '../domain/capture.js';
import { addDays } from '../domain/dates.js';
import { defaultEveryDays } from '../domain/settings.js';
import type { Day } from '../domain/types.js';
import { UsageError } from '../errors.js';
import { readCalendar, type Broken } from '../formats/calendar.js';
import { detectSource, type Source } from '../formats/capture-source.js';
import { readMaildir, readMbox, type MailItem } from '../formats/mail.js';
import {
  capturedByKey,
  deleteTouch,
  groupTouches,
  insertCapture,
  insertCapturedTouch,
  peopleAddresses,
  updateGroup,
  type Captured,
} from '../store/capture.js';
import { newId } from '../store/ids.js';
import { insertPerson } from '../store/people.js';

export interface CaptureOptions {
  /** Paths as given (or from capture.sources), ~ expanded. */
  sources: string[];
  since: Day | null;
  dryRun: boolean;
  addUnknown: boolean;
  maxPeople: number;
  received: boolean;
  includePrivate: boolean;
}

/** The summary, and exactly what --json prints. */
export interface CaptureView {
  sources: string[];
  touches_added: number;
  touches_updated: number;
  people_touched: number;
  skipped: Record<string, number>;
  unknown: { email: string; name: string | null; times: number }[];
}

export interface CaptureResult {
  view: CaptureView;
  broken: (Broken & { what: 'event' | 'message' })[];
  /** Names of the people --add-unknown added (or would add). */
  added: string[];
}

export const ME_EMAILS_NEEDED =
  'rel capture needs your own email addresses, to know which attendee and which sender is you: ' +
  'rel config set me.emails you@example.com,you@work.example';

interface Planned {
  source: number;
  touch: PlannedTouch;
}

export async function run(opts: CaptureOptions, ctx: Ctx): Promise<CaptureResult> {
  const settings = loadConfig(ctx.deps);
  if (!settings['me.emails']?.length) throw new UsageError(ME_EMAILS_NEEDED);
  const sources = opts.sources.map(detectSource); // all refused before anything is read
  const db = ctx.db();
  const now = new Date(ctx.nowIso);
  const people = new Map<string, string>();
  for (const a of peopleAddresses(db)) {
    const k = emailKey(a.email);
    if (k && !people.has(k)) people.set(k, a.id);
  }
  const lastDays = capturedByKey(db, 'source:');
  const base = {
    now,
    me: new Set(settings['me.emails'].map(emailKey).filter((k): k is string => k !== null)),
    people,
    maxPeople: opts.maxPeople,
    includePrivate: opts.includePrivate,
    notes: settings['capture.notes'] === 'on',
    received: opts.received,
  };

  const skipped = new Map<string, number>();
  const skip = (reason: string, n = 1) => skipped.set(reason, (skipped.get(reason) ?? 0) + n);
  const broken: CaptureResult['broken'] = [];
  const seenUnknown: Address[] = [];
  const events: Planned[] = [];
  const messages: Planned[] = [];
  /** What --add-unknown decides again once the unknown people are known: a touch to widen, or one to add. */
  const retry: { decide: (people: Map<string, string>) => Decision; planned?: Planned; add?: { source: number; into: Planned[] } }[] = [];
  const keys = new Set<string>();

  const take = (d: Decision, source: number, into: Planned[], again: () => (people: Map<string, string>) => Decision) => {
    seenUnknown.push(...d.unknown);
    const retryLater = opts.addUnknown && d.unknown.length > 0;
    if (d.kind === 'touch') {
      if (keys.has(d.touch.key)) return skip('already_captured'); // the same event or message twice
      keys.add(d.touch.key);
      const planned = { source, touch: d.touch };
      into.push(planned);
      if (retryLater) retry.push({ decide: again(), planned }); // the new people join the touch
    } else {
      skip(d.reason);
      if (d.reason === 'no_known_people' && retryLater) retry.push({ decide: again(), add: { source, into } });
    }
  };

  for (const [i, src] of sources.entries()) {
    const since = opts.since ?? defaultSince(lastDays.get(`source:${src.path}`)?.day ?? null, ctx.today);
    const rules: CaptureRules = { ...base, since };
    if (src.kind === 'calendar') {
      const [y, m, d] = addDays(since, -1).split('-').map(Number);
      const from = new Date(y!, m! - 1, d!);
      for (const file of src.files) {
        const name = file === src.path ? file : `${src.path}/${file.slice(src.path.length + 1)}`;
        const read = readCalendar(readFileSync(file, 'utf8'), name, from, now);
        broken.push(...read.broken.map((b) => ({ ...b, what: 'event' as const })));
        if (read.earlier > 0) skip('before_since', read.earlier);
        for (const e of read.events) take(decideEvent(e, rules), i, events, () => (p) => decideEvent(e, { ...rules, people: p }));
      }
    } else {
      const items: AsyncIterable<MailItem> | Iterable<MailItem> = src.kind === 'mbox' ? readMbox(src.path) : readMaildir(src.path);
      for await (const item of items) {
        if (item.kind === 'broken') broken.push({ ...item.broken, what: 'message' });
        else {
          const msg = item.message;
          take(decideMessage(msg, rules), i, messages, () => (p) => decideMessage(msg, { ...rules, people: p }));
        }
      }
    }
  }
  if (broken.length > 0) skip('broken', broken.length);

  const unknown = tallyUnknown(seenUnknown);
  const newPeople = opts.addUnknown ? unknown.map((u) => ({ id: newId(), name: u.name ?? u.email, email: u.email })) : [];
  if (newPeople.length > 0) {
    const widened = new Map(people);
    for (const p of newPeople) widened.set(emailKey(p.email)!, p.id);
    for (const r of retry) {
      const d = r.decide(widened);
      if (d.kind !== 'touch') continue;
      if (r.planned) r.planned.touch = d.touch;
      else if (r.add && !keys.has(d.touch.key)) {
        keys.add(d.touch.key);
        r.add.into.push({ source: r.add.source, touch: d.touch });
        skip('no_known_people', -1);
      }
    }
    if (skipped.get('no_known_people') === 0) skipped.delete('no_known_people');
  }

  const apply = (): CaptureView => {
    const counts = { added: 0, updated: 0, touched: new Set<string>(), sources: new Set<number>() };
    if (!opts.dryRun) {
      const every = defaultEveryDays(settings);
      for (const p of newPeople) {
        insertPerson(db, {
          id: p.id, name: p.name, emails: [p.email], phones: [], company: null, title: null, tags: [], every_days: every,
          birthday: null, met: null, met_on: null, linkedin_url: null, snoozed_until: null, added_on: ctx.today,
          created_at: ctx.nowIso, updated_at: ctx.nowIso,
        });
      }
    }
    applyEvents(ctx, opts.dryRun, events, counts, skip);
    applyMail(ctx, opts.dryRun, messages, counts, skip);
    if (!opts.dryRun && (counts.added > 0 || counts.updated > 0 || newPeople.length > 0)) {
      for (const i of counts.sources) {
        insertCapture(db, { key: `source:${sources[i]!.path}`, group_id: null, digest: null, day: ctx.today }, ctx.nowIso);
      }
    }
    return {
      sources: sources.map((s) => s.path),
      touches_added: counts.added,
      touches_updated: counts.updated,
      people_touched: counts.touched.size,
      skipped: Object.fromEntries([...skipped].filter(([, n]) => n > 0).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))),
      unknown,
    };
  };
  const view = opts.dryRun
    ? apply()
    : write(ctx, 'capture', (v: CaptureView) => summaryOf(v, sources), apply);
  return { view, broken, added: newPeople.map((p) => p.name) };
}

const summaryOf = (v: CaptureView, sources: Source[]) =>
  `capture: ${v.touches_added} touch${v.touches_added === 1 ? '' : 'es'} added, ${v.touches_updated} updated from ${sources.map((s) => s.path).join(', ')}`;

interface Counts {
  added: number;
  updated: number;
  touched: Set<string>;
  sources: Set<number>;
}

/** An event is one group of touches; an event that changed since it was captured updates its group. */
function applyEvents(ctx: Ctx, dry: boolean, planned: Planned[], c: Counts, skip: (r: string) => void): void {
  const db = ctx.db();
  const captured = capturedByKey(db, 'event:');
  for (const { source, touch: t } of planned) {
    const key = `event:${t.key}`;
    const digest = touchDigest(t);
    const known = captured.get(key);
    if (known?.digest === digest) {
      skip('already_captured');
      continue;
    }
    const existing = known?.group_id ? groupTouches(db, known.group_id) : [];
    if (known && existing.length === 0) {
      skip('already_captured'); // its touches were removed by hand: leave them removed
      continue;
    }
    c.sources.add(source);
    for (const p of t.personIds) c.touched.add(p);
    if (!known) {
      c.added += t.personIds.length;
      if (dry) continue;
      const group = newId();
      for (const person_id of t.personIds) insertCapturedTouch(db, { person_id, group_id: group, date: t.day, via: t.via, note: t.note }, ctx.nowIso);
      insertCapture(db, { key, group_id: group, digest, day: null }, ctx.nowIso);
      continue;
    }
    c.updated += t.personIds.length;
    if (dry) continue;
    const group = known.group_id!;
    for (const x of existing) if (!t.personIds.includes(x.person_id)) deleteTouch(db, x.id);
    for (const person_id of t.personIds) {
      if (!existing.some((x) => x.person_id === person_id)) {
        insertCapturedTouch(db, { person_id, group_id: group, date: t.day, via: t.via, note: t.note }, ctx.nowIso);
      }
    }
    updateGroup(db, group, { date: t.day, via: t.via, note: t.note }, ctx.nowIso);
    insertCapture(db, { key, group_id: group, digest, day: null }, ctx.nowIso);
  }
}

/** Messages become one email touch per person per day; a day already captured gets the new subjects. */
function applyMail(ctx: Ctx, dry: boolean, planned: Planned[], c: Counts, skip: (r: string) => void): void {
  if (planned.length === 0) return;
  const db = ctx.db();
  const seen = capturedByKey(db, 'mail:');
  const days = capturedByKey(db, 'mailday:');
  const fresh = planned.filter((p) => {
    if (!seen.has(p.touch.key)) return true;
    skip('already_captured');
    return false;
  });
  const sourceOf = new Map(fresh.map((p) => [p.touch.key, p.source]));
  for (const d of mailDays(fresh.map((p) => p.touch))) {
    const key = `mailday:${d.personId}|${d.day}`;
    const known: Captured | undefined = days.get(key);
    const existing = known?.group_id ? groupTouches(db, known.group_id) : [];
    const source = sourceOf.get(d.messageKeys[0]!)!;
    if (!known) {
      c.added++;
      c.touched.add(d.personId);
      c.sources.add(source);
      if (!dry) {
        const group = newId();
        insertCapturedTouch(db, { person_id: d.personId, group_id: group, date: d.day, via: 'email', note: d.note }, ctx.nowIso);
        insertCapture(db, { key, group_id: group, digest: null, day: d.day }, ctx.nowIso);
      }
    } else if (existing.length > 0) {
      const note = (d.note ?? '').split('; ').reduce<string | null>((acc, s) => joinNotes(acc, s === '' ? null : s), existing[0]!.note);
      if (note !== existing[0]!.note) {
        c.updated++;
        c.touched.add(d.personId);
        c.sources.add(source);
        if (!dry) updateGroup(db, known.group_id!, { date: d.day, via: 'email', note }, ctx.nowIso);
      }
    }
    if (!dry) for (const k of d.messageKeys) insertCapture(db, { key: k, group_id: null, digest: null, day: null }, ctx.nowIso);
  }
}
