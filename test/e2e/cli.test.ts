/** End to end: the built bin/rel.js, spawned as a user or cron would, with no terminal. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BIN, spawnRel, tempDir } from '../helpers.js';

let tmp: ReturnType<typeof tempDir>;
let env: Record<string, string>;
beforeAll(() => {
  tmp = tempDir();
  env = { XDG_DATA_HOME: join(tmp.dir, 'data') }; // the default path: rel add makes its folders
});
afterAll(() => tmp.cleanup());

const rel = (...argv: string[]) => spawnRel(argv, env);

describe('rel, spawned', () => {
  it('a five-minute tour: add, note, log, due, ledger, show, rm', () => {
    expect(rel('add', 'Maya Chen', '--every', '1w', '--email', 'maya@example.com').code).toBe(0);
    expect(rel('add', 'Zoë 🎉 "Z" O\'Hara', '--every', '1m').code).toBe(0);
    expect(rel('note', 'maya', 'daughter', 'Ana', 'starts', 'school', 'in', 'May').out).toMatch(/Noted for Maya Chen/);
    const logged = rel('log', 'maya', 'zoe', '-m', 'coffee', '--give', 'intro', '--on', '10 days ago', '--json');
    expect(logged.code).toBe(0);
    expect(logged.json().people).toHaveLength(2);
    const due = rel('due', '--json');
    expect(due.code).toBe(0);
    expect(due.json().map((i: { name: string }) => i.name)).toEqual(['Maya Chen']);
    expect(rel('due').out).toMatch(/Maya Chen\s+overdue 3d/);
    expect(rel('ledger', '--json').json()).toHaveLength(2);
    const shown = rel('show', 'Zoë', '--json').json();
    expect(shown.name).toBe('Zoë 🎉 "Z" O\'Hara');
    expect(shown.touchpoints[0]).toMatchObject({ note: 'coffee', give: 'intro', with: ['Maya Chen'] });
    expect(rel('rm', 'zoe', '--yes').code).toBe(0);
    expect(rel('list', '--json').json().map((p: { name: string }) => p.name)).toEqual(['Maya Chen']);
  });

  it('creates the database private to its owner', () => {
    expect(statSync(join(tmp.dir, 'data', 'rel', 'rel.db')).mode & 0o777).toBe(0o600);
    expect(statSync(join(tmp.dir, 'data', 'rel')).mode & 0o777).toBe(0o700);
    expect(statSync(join(tmp.dir, 'data')).mode & 0o777).toBe(0o700);
  });

  it('exit codes and one-line errors', () => {
    writeFileSync(join(tmp.dir, 'not-a-db.txt'), 'just some notes\n');
    const cases: [string[], number, RegExp][] = [
      [['show', 'nobody'], 2, /^rel: no one called "nobody"/],
      [['log', 'maya', '--on', '2999-01-01'], 2, /^rel: .*in the future/],
      [['add', 'X', '--every', 'sometimes'], 2, /^rel: bad interval "sometimes"/],
      [['frobnicate'], 2, /^rel: unknown command 'frobnicate'/],
      [['log'], 2, /rel: who\?/],
      [['due', '--db', join(tmp.dir, 'not-a-db.txt')], 1, /^rel: .*not-a-db.txt is not a rel database/],
    ];
    for (const [argv, code, message] of cases) {
      const r = rel(...argv);
      expect(r.code, argv.join(' ')).toBe(code);
      expect(r.err, argv.join(' ')).toMatch(message);
      expect(r.err).not.toMatch(/\n\s+at /); // no stack trace
    }
  });

  it('rel due -q prints nothing when nothing is due (cron mails only when there is something)', () => {
    expect(spawnRel(['add', 'Ana'], { REL_DB: join(tmp.dir, 'calm.db') }).code).toBe(0); // no rhythm: never due
    const quiet = spawnRel(['due', '-q'], { REL_DB: join(tmp.dir, 'calm.db') });
    expect(quiet).toMatchObject({ code: 0, out: '', err: '' });
  });

  it('several rel processes writing at once all succeed', async () => {
    const runs = Array.from({ length: 6 }, (_, i) =>
      new Promise<number>((resolve) => {
        const p = spawn(process.execPath, [BIN, 'log', 'maya', '-m', `run ${i}`], { env: { ...process.env, ...env }, stdio: 'ignore' });
        p.on('exit', (code) => resolve(code ?? -1));
      }),
    );
    expect(await Promise.all(runs)).toEqual([0, 0, 0, 0, 0, 0]);
    expect(rel('show', 'maya', '--json').json().touchpoints.length).toBe(7);
  });

  it('a card imported with N:山田;太郎;;; is exported with that N (issue 12)', () => {
    const own = { REL_DB: join(tmp.dir, 'names.db') };
    const file = join(tmp.dir, 'yamada.vcf');
    writeFileSync(file, 'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:山田 太郎\r\nN:山田;太郎;;;\r\nEND:VCARD\r\n');
    expect(spawnRel(['import', file], own).code).toBe(0);
    const out = spawnRel(['export', '--format', 'vcard'], own);
    expect(out.code).toBe(0);
    expect(out.out).toContain('\r\nFN:山田 太郎\r\nN:山田;太郎;;;\r\n');
  });
});
