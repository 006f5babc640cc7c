/** rel capture through the built bin/rel.js: the lazily loaded reader and ical.js are found in the bundle. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnRel, tempDir } from '../helpers.js';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/capture/${name}`, import.meta.url));
let tmp: ReturnType<typeof tempDir>;
let env: Record<string, string>;
beforeEach(() => {
  tmp = tempDir();
  env = { REL_DB: join(tmp.dir, 'rel.db'), XDG_CONFIG_HOME: join(tmp.dir, 'config'), TZ: 'UTC' };
});
afterEach(() => tmp.cleanup());

describe('rel capture (spawned)', () => {
  it('captures a calendar and a mbox, as cron would (no terminal), and refuses what is neither with exit 2', () => {
    expect(spawnRel(['config', 'set', 'me.emails', 'me@example.com'], env).code).toBe(0);
    expect(spawnRel(['add', 'Maya Chen', '--email', 'maya@acme.example'], env).code).toBe(0);
    const r = spawnRel(['capture', fixture('google.ics'), fixture('takeout.mbox'), '--since', '2026-01-01', '--json'], env);
    expect(r.code).toBe(0);
    expect(r.json()).toMatchObject({ touches_added: 12, people_touched: 1 }); // 11 meetings with Maya (the whole series has ended by now), 1 email day
    const odd = join(tmp.dir, 'notes.txt');
    writeFileSync(odd, 'hello\n');
    const bad = spawnRel(['capture', odd], env);
    expect([bad.code, bad.out]).toEqual([2, '']);
    expect(bad.err).toBe(`rel: ${odd} is neither a calendar (iCalendar .ics) nor mail (mbox, Maildir): nothing was captured\n`);
  });
});
