/**
 * Is the database sound? SQLite opens a file with a damaged page and even writes to it; rel refuses to
 * write to a database that fails PRAGMA quick_check. The check reads the whole file (about 0.5 s on a
 * 70 MB database), so rel runs it before a write only when it has not seen the file pass one yet: after
 * each command that wrote, rel notes the file's identity, size and time (FILE.checked, beside it); a
 * file changed behind rel's back (a copy, another program, a restore by hand) no longer matches and is
 * checked again, and so is every file once a day. rel doctor checks everything, always.
 */
import { readFileSync, statSync } from 'node:fs';
import { addDays, EARLIEST_DAY } from '../domain/dates.js';
import { RelError } from '../errors.js';
import { writeFileAtomic } from '../files.js';
import type { Db } from './open.js';
import { refreshDerived, STALE_DERIVED, STALE_LEDGER, STALE_MONTHS } from './people.js';

const DAY_MS = 86_400_000;

interface Mark {
  ok_at: string;
  ino: number;
  size: number;
  mtime_ms: number;
}

const markFile = (path: string) => `${path}.checked`;

function readMark(path: string): Mark | undefined {
  try {
    return JSON.parse(readFileSync(markFile(path), 'utf8')) as Mark;
  } catch {
    return undefined;
  }
}

/**
 * Throws unless the database passes its quick check (or passed one and has not changed since).
 * Returns when it last passed, for markSound().
 */
export function ensureSound(db: Db, path: string, nowIso: string): string {
  const mark = readMark(path);
  if (mark && path !== ':memory:') {
    const st = statSync(path);
    const age = Date.parse(nowIso) - Date.parse(mark.ok_at);
    if (mark.ino === st.ino && mark.size === st.size && mark.mtime_ms === st.mtimeMs && age >= 0 && age < DAY_MS) {
      return mark.ok_at;
    }
  }
  const problems = quickCheck(db);
  if (problems.length > 0) {
    throw new RelError(`${path} failed its integrity check (${problems[0]}); rel will not write to it: run rel doctor`);
  }
  return nowIso;
}

/** After a command that wrote has closed the database: note the file as rel left it. */
export function markSound(path: string, okAt: string): void {
  if (path === ':memory:') return;
  try {
    const st = statSync(path);
    const mark: Mark = { ok_at: okAt, ino: st.ino, size: st.size, mtime_ms: st.mtimeMs };
    // Not synced: a mark lost to a power cut only means one more quick check (and every write command pays an fsync).
    writeFileAtomic(markFile(path), JSON.stringify(mark), { durable: false });
  } catch {
    /* only an optimisation: the next write checks again */
  }
}

/** The problems PRAGMA quick_check reports, one line each; empty when it says ok. */
export function quickCheck(db: Db): string[] {
  const rows = db.pragma('quick_check') as { quick_check: string }[];
  return rows
    .flatMap((r) => r.quick_check.split('\n'))
    .map((line) => line.trim())
    .filter((line) => line !== 'ok' && line !== '' && !line.startsWith('***'));
}

export interface Finding {
  check: string;
  ok: boolean;
  detail: string;
  /** What to do about it, for people. */
  fix: string | null;
}

/** Everything rel doctor checks: SQLite's own integrity check, then rel's consistency rules. */
export function diagnose(db: Db, today: string): Finding[] {
  const findings: Finding[] = [];
  let integrity: string[];
  try {
    integrity = (db.pragma('integrity_check') as { integrity_check: string }[])
      .flatMap((r) => r.integrity_check.split('\n'))
      .map((line) => line.trim())
      .filter((line) => line !== 'ok' && line !== '' && !line.startsWith('***'));
  } catch (e) {
    // So damaged that SQLite cannot even walk it: that is the finding, not an error of rel doctor's.
    integrity = [`SQLite cannot read it (${e instanceof Error ? e.message : String(e)})`];
  }
  const sound = integrity.length === 0;
  findings.push({
    check: 'SQLite integrity',
    ok: sound,
    detail: sound ? 'ok' : `${integrity.length} problem(s): ${integrity.slice(0, 3).join('; ')}`,
    fix: sound ? null : 'restore the latest backup (rel restore FILE); rel backup before anything else',
  });
  if (!sound) return findings; // the rest would read damaged pages
  const count = (sql: string, ...args: unknown[]) => (db.prepare(sql).pluck().get(...args) as number) ?? 0;
  const orphans = (db.pragma('foreign_key_check') as unknown[]).length;
  findings.push({
    check: 'records without their person',
    ok: orphans === 0,
    detail: orphans === 0 ? 'none' : `${orphans} record(s) point to no one`,
    fix: orphans === 0 ? null : 'they cannot be shown; restore a backup, or export and re-import to drop them',
  });
  // A touch logged just after midnight in a time zone ahead of this one is dated tomorrow here: a time-zone
  // difference, not damage. Only a date more than one day ahead of the local day is.
  const tomorrow = addDays(today, 1);
  const future = count('SELECT COUNT(*) FROM touchpoints WHERE date > ?', tomorrow);
  findings.push({
    check: 'touches in the future',
    ok: future === 0,
    detail: future === 0 ? 'none' : `${future} touch(es) dated after ${tomorrow}`,
    fix: future === 0 ? null : 'the clock of the machine that logged them was wrong; rel undo them or fix the dates',
  });
  const badDates = count(
    `SELECT (SELECT COUNT(*) FROM touchpoints WHERE date NOT GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]' OR date(date) IS NOT date)
          + (SELECT COUNT(*) FROM people WHERE birthday IS NOT NULL AND NOT (birthday GLOB '--[0-1][0-9]-[0-3][0-9]'
                OR (birthday GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]' AND date(birthday) IS birthday)))
          + (SELECT COUNT(*) FROM follow_ups WHERE date(due_on) IS NOT due_on)`,
  );
  findings.push({
    check: 'impossible dates',
    ok: badDates === 0,
    detail: badDates === 0 ? 'none' : `${badDates} date(s) that are not real calendar days`,
    fix: badDates === 0 ? null : 'written by another program or a damaged import: rel show the people and fix them',
  });
  // What rel refuses at input since issue 11 (domain/dates.ts EARLIEST_DAY, parseBirthday), found in rows
  // written before or by another program. A yearless birthday (--MM-DD) is neither.
  const outOfRange = count(
    `SELECT (SELECT COUNT(*) FROM touchpoints WHERE date < @earliest)
          + (SELECT COUNT(*) FROM people WHERE birthday GLOB '[0-9]*' AND (birthday < @earliest OR birthday > @today))
          + (SELECT COUNT(*) FROM follow_ups WHERE due_on < @earliest)
          + (SELECT COUNT(*) FROM dates WHERE date GLOB '[0-9]*' AND date < @earliest)`,
    { earliest: EARLIEST_DAY, today },
  );
  findings.push({
    check: 'dates before 1900, birthdays in the future',
    ok: outOfRange === 0,
    detail: outOfRange === 0 ? 'none' : `${outOfRange} date(s) before ${EARLIEST_DAY} or birthday(s) after today`,
    fix: outOfRange === 0 ? null : 'typos rel now refuses: rel show the people and fix them (rel edit WHO --birthday DATE)',
  });
  // Lists are JSON arrays; rel list --json asks SQLite to read them, and SQLite refuses the rest. json_type
  // of text that is not JSON is an error, so it is asked only of valid JSON (SQLite need not stop at a
  // false AND).
  const array = (c: string) => `CASE WHEN json_valid(${c}) THEN json_type(${c}) END IS 'array'`;
  const lists = count(`SELECT COUNT(*) FROM people WHERE NOT (${array('tags')} AND ${array('emails')} AND ${array('phones')})`);
  findings.push({
    check: 'lists of tags, e-mails and phones',
    ok: lists === 0,
    detail: lists === 0 ? 'all JSON arrays' : `${lists} person(s) with a list that is not a JSON array`,
    fix: lists === 0 ? null : 'written by another program: set them again as JSON arrays (["work"]) in that program, or restore a backup',
  });
  const stale = count(`SELECT COUNT(*) FROM people WHERE ${STALE_DERIVED}`) + count(`SELECT COUNT(*) FROM (${STALE_MONTHS})`) + count(STALE_LEDGER);
  findings.push({
    check: 'last touch up to date',
    ok: stale === 0,
    detail: stale === 0 ? 'yes' : `${stale} person(s), month(s) or ledger line(s) whose derived counts are stale`,
    fix: stale === 0 ? null : 'rel doctor --fix recomputes it',
  });
  const open = count('SELECT COUNT(*) FROM changes WHERE open = 1');
  findings.push({
    check: 'undo journal',
    ok: open === 0,
    detail: open === 0 ? 'consistent' : `${open} change(s) left open`,
    fix: open === 0 ? null : 'rel doctor --fix closes them',
  });
  return findings;
}

/** The repairs rel doctor --fix may make: only derived data, never the user's own records. */
export function repair(db: Db): void {
  db.transaction(() => {
    refreshDerived(db);
    db.exec('UPDATE changes SET open = 0 WHERE open = 1');
  }).immediate();
}
