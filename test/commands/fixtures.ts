/**
 * Seeded databases that tests of several commands share (they came with their tests from the files that
 * grouped commands by theme). Call one at the top of a describe: it registers that describe's hooks and
 * returns a rel bound to the current test's database, and the test's folder.
 */
import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { relAt, tempDir } from '../helpers.js';

type Rel = ReturnType<typeof relAt>;

function seeded(now: string, seed: (rel: Rel) => Promise<void> = async () => {}) {
  let tmp: ReturnType<typeof tempDir>;
  let current: Rel;
  beforeEach(async () => {
    tmp = tempDir();
    current = relAt(join(tmp.dir, 'rel.db'), { now });
    await seed(current);
  });
  afterEach(() => tmp.cleanup());
  const rel: Rel = (argv, o) => current(argv, o);
  return { rel, tmp: { get dir() { return tmp.dir; } } };
}

/** An empty database on 2026-03-01. */
export const emptyOnMarch1 = () => seeded('2026-03-01T09:00');

/** Wednesday 2026-03-04; added 2026-01-01: Maya Chen (every 2w), José Núñez (every 1m, birthday --03-10), Ana. */
export const rhythmsAndABirthday = () =>
  seeded('2026-03-04T09:00', async (rel) => {
    await rel(['add', 'Maya Chen', '--every', '2w'], { now: '2026-01-01' });
    await rel(['add', 'José Núñez', '--every', '1m', '--birthday', '--03-10'], { now: '2026-01-01' });
    await rel(['add', 'Ana'], { now: '2026-01-01' });
  });

/** Wednesday 2026-03-04; added 2026-01-01: Maya Chen (2w, born 1986-03-20, Acme, tech, met at PyCon Lisbon), José Núñez (1m, Globex), Ana. */
export const colleagues = () =>
  seeded('2026-03-04T09:00', async (rel) => {
    await rel(['add', 'Maya Chen', '--every', '2w', '--birthday', '1986-03-20', '--company', 'Acme', '--tag', 'tech', '--met', 'PyCon Lisbon'], { now: '2026-01-01' });
    await rel(['add', 'José Núñez', '--every', '1m', '--company', 'Globex'], { now: '2026-01-01' });
    await rel(['add', 'Ana'], { now: '2026-01-01' });
  });

/** 2026-03-04; added 2026-01-01: Maya Chen (2w, born 1986-03-20, CTO at Acme, met at PyCon Lisbon), José Núñez (1w), Ana. */
export const aCto = () =>
  seeded('2026-03-04T09:00', async (rel) => {
    await rel(['add', 'Maya Chen', '--every', '2w', '--birthday', '1986-03-20', '--company', 'Acme', '--title', 'CTO', '--met', 'PyCon Lisbon'], { now: '2026-01-01' });
    await rel(['add', 'José Núñez', '--every', '1w'], { now: '2026-01-01' });
    await rel(['add', 'Ana'], { now: '2026-01-01' });
  });

/** 2026-03-04: Maya Chen 10 days overdue, Ana's follow-up (a note with a tab and a line break) 1 day late, José's birthday in 6 days. */
export const threeDue = () =>
  seeded('2026-03-04T09:00', async (rel) => {
    await rel(['add', 'Maya Chen', '--every', '2w'], { now: '2026-01-01' });
    await rel(['add', 'José Núñez', '--birthday', '--03-10'], { now: '2026-01-01' });
    await rel(['add', 'Ana'], { now: '2026-01-01' });
    await rel(['log', 'maya', '--on', '2026-02-08']); // due 02-22: 10 days overdue
    await rel(['log', 'ana', '--on', '2026-02-20', '-m', 'send\tthe deck\nand the notes', '--follow-up', '2026-03-03'], { now: '2026-02-20' });
  });
