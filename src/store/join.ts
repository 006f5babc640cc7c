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
}

const OWNED = ['touchpoints', 'facts', 'follow_ups', 'dates', 'wishes'] as const;

/**
 * Gives `joined` (the kept person, as joinPeople made them) every record of `otherId`, points intros
 * to the other at the kept person, and deletes the other. The caller holds the transaction; the
 * touchpoint triggers keep last_touch and the other derived columns.
 */
export function movePerson(db: Db, joined: Person, otherId: string): Moved {
  const moved = {} as Moved;
  for (const t of OWNED) moved[t] = db.prepare(`UPDATE ${t} SET person_id = ? WHERE person_id = ?`).run(joined.id, otherId).changes;
  db.prepare('UPDATE touchpoints SET intro_to = ? WHERE intro_to = ?').run(joined.id, otherId);
  updatePerson(db, joined);
  deletePerson(db, otherId);
  return moved;
}
