/** Every subcommand once, end to end, through the built bin/rel.js, on one temporary database. */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnRel, useTempRel } from '../helpers.js';

const t = useTempRel();
const fixture = (path: string) => fileURLToPath(new URL(`../fixtures/${path}`, import.meta.url));

describe('every subcommand through bin/rel.js', () => {
  it('runs, exits 0 and says what it did', () => {
    const env = { REL_DB: t.db, XDG_CONFIG_HOME: join(t.dir, 'config') };
    const steps: [string[], RegExp][] = [
      [['add', 'Maya Chen', '--every', '2w', '--email', 'maya@example.com'], /^Added Maya Chen\./],
      [['add', 'Bob Stone', '--company', 'Acme'], /^Added Bob Stone\./],
      [['list'], /Maya Chen/],
      [['show', 'maya'], /maya@example\.com/],
      [['edit', 'maya', '--title', 'CTO'], /^Updated Maya Chen\./],
      [['note', 'maya', 'likes', 'tea'], /^Noted for Maya Chen: likes tea/],
      [['log', 'maya', '-m', 'coffee', '--give', 'advice', '--on', '3 weeks ago'], /^Logged a meeting with Maya Chen/],
      [['due'], /Maya Chen\s+overdue/],
      [['snooze', 'maya', '1w'], /snoozed until/],
      [['ledger'], /Maya Chen\s+1\s+0/],
      [['brief', 'maya'], /likes tea/],
      [['date', 'maya', 'wedding', '2027-06-12'], /wedding/],
      [['need', 'maya', 'a', 'backend', 'job', 'in', 'Lisbon'], /needs/],
      [['offer', 'bob', 'hires', 'backend', 'engineers', 'in', 'Lisbon'], /offers/],
      [['match'], /shared words: backend, lisbon/],
      [['intro', 'maya', 'bob'], /^Introduced Maya Chen and Bob Stone/],
      [['stats'], /contacts/],
      [['suggest'], /./],
      [['import', fixture('vcard/apple.vcf')], /^Added \d+/],
      [['export', '--format', 'csv'], /^id,name,emails/],
      [['undo', '--list'], /import: /],
      [['undo'], /^Undid import: /],
      [['backup', '--json'], /"file"/],
      [['doctor'], /is healthy/],
      [['config', 'set', 'log.via', 'call'], /log\.via/],
      [['completion', 'bash'], /complete -F/],
      [['rm', 'bob', '--yes'], /^Removed Bob Stone\./],
      [['add', 'Maya C', '--phone', '+351 910 000 001'], /^Added Maya C\./],
      [['merge', 'Maya Chen', 'Maya C'], /^Merged Maya C \([0-9a-f]{8}\) into Maya Chen/],
    ];
    for (const [argv, expected] of steps) {
      const r = spawnRel(argv, env);
      expect(r.code, `${argv.join(' ')}: ${r.err}`).toBe(0);
      expect(r.out, argv.join(' ')).toMatch(expected);
    }
    const backup = JSON.parse(spawnRel(['backup', '--json'], env).out).file as string;
    expect(spawnRel(['restore', backup], env)).toMatchObject({ code: 0 });
  });
});
