import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sqlite } from '../../src/store/open.js';
import { STALE_DERIVED, STALE_MONTHS } from '../../src/store/people.js';
import { relAt, useTempRel } from '../helpers.js';

/** What rel derives from touches, and whether it agrees with the touches themselves. */
function derived(db: string) {
  const d = sqlite(db, { readonly: true });
  try {
    return {
      stalePeople: d.prepare(`SELECT COUNT(*) FROM people WHERE ${STALE_DERIVED}`).pluck().get(),
      staleMonths: d.prepare(STALE_MONTHS).all(),
      paused: d.prepare('SELECT COUNT(*) FROM derived_paused').pluck().get(),
      people: d.prepare('SELECT name, last_touch, first_touch, touch_days FROM people ORDER BY name').all(),
      months: d.prepare('SELECT month, touches FROM touch_months WHERE touches > 0 ORDER BY month').all(),
    };
  } finally {
    d.close();
  }
}

describe('an import of a rel export pauses the derived-value triggers and recomputes them once', () => {
  const t = useTempRel({ now: '2026-03-04T09:00' });

  it('into an empty database and onto a person who has touches already: every derived value is right', async () => {
    const source = relAt(join(t.dir, 'source.db'), { now: '2026-03-04T09:00' });
    await source(['add', 'Maya Chen', '--email', 'maya@example.com', '--every', '2w']);
    await source(['add', 'José Núñez']);
    for (const [who, on] of [['maya', '2025-12-30'], ['maya', '2026-01-05'], ['maya', '2026-01-05'], ['jose', '2026-02-01'], ['maya', '2026-02-20']]) {
      expect((await source(['log', who!, '--on', on!])).code).toBe(0);
    }
    const file = join(t.dir, 'export.json');
    writeFileSync(file, (await source(['export'])).out);

    await t.rel(['add', 'Maya Chen', '--email', 'maya@example.com']);
    await t.rel(['log', 'maya', '--on', '2026-01-20']);
    await t.rel(['log', 'maya', '--on', '2026-01-05']);
    const r = await t.rel(['import', file]);
    expect(r.code).toBe(0);
    const after = derived(t.db);
    expect(after).toMatchObject({ stalePeople: 0, staleMonths: [], paused: 0 });
    expect(after.people).toEqual([
      { name: 'José Núñez', last_touch: '2026-02-01', first_touch: '2026-02-01', touch_days: 1 },
      { name: 'Maya Chen', last_touch: '2026-02-20', first_touch: '2025-12-30', touch_days: 4 },
    ]);
    expect(after.months).toEqual([
      { month: '2025-12', touches: 1 },
      { month: '2026-01', touches: 4 },
      { month: '2026-02', touches: 2 },
    ]);
    expect((await t.rel(['due', '--json'])).code).toBe(0);
    expect((await t.rel(['undo'])).code).toBe(0);
    expect(derived(t.db)).toMatchObject({ stalePeople: 0, staleMonths: [], paused: 0 });
    expect(derived(t.db).people).toEqual([{ name: 'Maya Chen', last_touch: '2026-01-20', first_touch: '2026-01-05', touch_days: 2 }]);
  });
});
