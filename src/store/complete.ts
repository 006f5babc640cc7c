/**
 * Reads for shell completion, which runs on every TAB: the database opened read-only (never
 * created, never migrated, never written), one indexed query, nothing at all when there is no
 * database yet or it cannot be read.
 */
import type Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { foldName } from '../domain/names.js';
import { APPLICATION_ID, sqlite } from './open.js';

function readOnly<T>(path: string, read: (db: Database.Database) => T, none: T): T {
  if (path === ':memory:' || !existsSync(path)) return none;
  let db: Database.Database | undefined;
  try {
    db = sqlite(path, { readonly: true, fileMustExist: true });
    if (db.pragma('application_id', { simple: true }) !== APPLICATION_ID) return none;
    return read(db);
  } catch {
    return none; // busy, damaged, not ours: completion offers nothing rather than an error
  } finally {
    db?.close();
  }
}

/** The end of a prefix range: every key that starts with `prefix` sorts before it. */
const rangeEnd = (prefix: string) => `${prefix}\u{10ffff}`;

/** `text` as a GLOB pattern that matches it literally. */
const globLiteral = (text: string) => text.replace(/[*?[\]]/g, (c) => `[${c}]`);

/**
 * Distinct names for `typed`, in stages as WHO matching does (domain/names.ts), the first that finds
 * anyone winning: the folded name starts with the folded text (through the name_key index); a word
 * of it does ("chen" → Maya Chen, "luc" → Jean-Luc); it contains the text. Each stage reads the index
 * in order and stops at `limit`, so even "e" among 10,000 people stays quick.
 */
export function namesStartingWith(path: string, typed: string, limit: number): string[] {
  const key = foldName(typed);
  const stages: [string, unknown[]][] = [
    ['name_key >= ? AND name_key < ?', [key, rangeEnd(key)]],
    ['name_key GLOB ?', [`*[^a-z0-9]${globLiteral(key)}*`]],
    ['instr(name_key, ?) > 0', [key]],
  ];
  return readOnly(
    path,
    (db) => {
      for (const [where, args] of key === '' ? stages.slice(0, 1) : stages) {
        const found = db
          .prepare(`SELECT DISTINCT name FROM people WHERE ${where} ORDER BY name_key, name LIMIT ?`)
          .pluck()
          .all(...args, limit) as string[];
        if (found.length > 0) return found;
      }
      return [];
    },
    [],
  );
}

/** Tags in use that start with `typed` (tags are stored lower-cased). */
export function tagsStartingWith(path: string, typed: string, limit: number): string[] {
  const t = typed.trim().toLowerCase();
  return readOnly(
    path,
    (db) =>
      db
        .prepare(
          `SELECT DISTINCT t.value FROM people p, json_each(p.tags) t
           WHERE t.value >= ? AND t.value < ? ORDER BY t.value LIMIT ?`,
        )
        .pluck()
        .all(t, rangeEnd(t), limit) as string[],
    [],
  );
}
