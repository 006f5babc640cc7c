/** SQL of rel merge: moves everything that belongs to one person to another, then removes the first. */
import type { Person } from '../domain/types.js';
import type { Db } from './open.js';
import { deletePerson, updatePerson } from './people.js';

/** What moved from the person removed, by table. */
export interface Moved {
  touchpoints: number;
  facts: number;
  follow_ups: number;
  dates: number;
  wishes: number;
  /** Meetings both were logged at: the other's touch there is dropped (the meeting is one touch, one give). */
  same_meeting: number;
}

const OWNED = ['touchpoints', 'facts', 'follow_ups', 'dates', 'wishes'] as const;

/**
 * Gives `joined` (the kept person, as joinPeople made them) every record of `otherId`, points intros
 * to the other at the kept person, and deletes the other. The caller holds the transaction; the
 * touchpoint triggers keep last_touch and the other derived columns.
 */
export function movePerson(db: Db, joined: Person, otherId: string): Moved {
  const moved = { same_meeting: sameMeetings(db, joined.id, otherId) } as Moved;
  for (const t of OWNED) moved[t] = db.prepare(`UPDATE ${t} SET person_id = ? WHERE person_id = ?`).run(joined.id, otherId).changes;
  db.prepare('UPDATE touchpoints SET intro_to = ? WHERE intro_to = ?').run(joined.id, otherId);
  updatePerson(db, joined);
  // The structured name kept from an import (people.vcard_n) is filled like the other fields, from a
  // namesake only: it spells the other's name.
  db.prepare(`UPDATE people SET vcard_n = (SELECT o.vcard_n FROM people o WHERE o.id = @other AND o.name = people.name)
    WHERE id = @keep AND vcard_n IS NULL`).run({ keep: joined.id, other: otherId });
  deletePerson(db, otherId);
  return moved;
}

/**
 * A meeting logged with both (one group_id) is one touch: the other's touch there is deleted, its
 * follow-ups point at the kept person's touch (one that repeats a follow-up of theirs is dropped), and
 * what it closed is closed by that touch. Returns how many meetings.
 */
function sameMeetings(db: Db, keepId: string, otherId: string): number {
  const pairs = db
    .prepare(`SELECT b.id AS b, MIN(a.id) AS a FROM touchpoints b JOIN touchpoints a ON a.group_id = b.group_id AND a.person_id = ?
      WHERE b.person_id = ? GROUP BY b.id`)
    .all(keepId, otherId) as { a: string; b: string }[];
  const repeat = db.prepare(`DELETE FROM follow_ups WHERE touchpoint_id = @b AND EXISTS (SELECT 1 FROM follow_ups f
    WHERE f.touchpoint_id = @a AND f.due_on = follow_ups.due_on AND f.note IS follow_ups.note)`);
  const repoint = db.prepare('UPDATE follow_ups SET touchpoint_id = @a WHERE touchpoint_id = @b');
  const closed = db.prepare('UPDATE follow_ups SET closed_by = @a WHERE closed_by = @b');
  const drop = db.prepare('DELETE FROM touchpoints WHERE id = @b');
  for (const pair of pairs) for (const step of [repeat, repoint, closed, drop]) step.run(pair);
  return pairs.length;
}
