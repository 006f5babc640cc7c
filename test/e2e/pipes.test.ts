/**
 * stdout is for the answer only: questions go to the terminal (stderr, else /dev/tty), and a reader that
 * closes stdout early (`| head -1`, a failing `jq`) ends rel quietly with 141, as SIGPIPE does for git.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BIN, hasPty, inPty, spawnRel, tempDir } from '../helpers.js';

let tmp: ReturnType<typeof tempDir>;
let db: string;
beforeEach(() => {
  tmp = tempDir();
  db = join(tmp.dir, 'rel.db');
});
afterEach(() => tmp.cleanup());

const sh = (script: string) =>
  spawnSync('bash', ['-c', script], { env: { ...process.env, REL_DB: db, REL: `"${process.execPath}" "${BIN}"` }, encoding: 'utf8', timeout: 20_000 });

describe('a closed stdout', () => {
  it('closed before rel writes: exit 141, nothing on stderr', async () => {
    expect(spawnRel(['add', 'Maya'], { REL_DB: db }).code).toBe(0);
    const child = spawn(process.execPath, [BIN, 'list', '--json'], { env: { ...process.env, REL_DB: db }, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.destroy(); // the reader is gone before rel writes a byte
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    const code = await new Promise<number | null>((done) => child.on('close', done));
    expect(err).toBe('');
    expect(code).toBe(141);
  });

  it('a real pipeline into head: head gets its line, rel ends with 141 and no stack trace', () => {
    const rows = ['First Name,Last Name,Email', ...Array.from({ length: 3000 }, (_, i) => `Person,Number${i},p${i}@example.com`)];
    writeFileSync(join(tmp.dir, 'people.csv'), `${rows.join('\n')}\n`);
    expect(spawnRel(['import', join(tmp.dir, 'people.csv')], { REL_DB: db }).code).toBe(0);
    const r = sh('eval "$REL list --json" | head -c 20; s=${PIPESTATUS[0]}; echo; echo "status $s"');
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^\[\{"id":"[0-9a-f]{4,}.*\nstatus 141\n$/);
    // a reader that keeps reading gets everything, and rel exits 0
    const all = sh('eval "$REL list --json" | wc -c; echo "status ${PIPESTATUS[0]}"');
    expect(all.stdout).toMatch(/^\d{6,}\nstatus 0\n$/);
  });
});

const inTerminal = (waitFor: string, keys: string, script: string) =>
  inPty(waitFor, keys, ['bash', '-c', script], { REL_DB: db, REL: `"${process.execPath}" "${BIN}"` });

describe.skipIf(!hasPty)('questions in a terminal never go to stdout', () => {
  beforeEach(() => {
    for (const name of ['Sarah Lee', 'Sarah Kim']) expect(spawnRel(['add', name], { REL_DB: db }).code).toBe(0);
  });

  it('rel show sarah --json > out.json: the question is on the screen, out.json is pure JSON', () => {
    const out = join(tmp.dir, 'out.json');
    const r = inTerminal('Which one?', '\\r', `eval "$REL show sarah --json" > "${out}"`);
    expect(r.code, r.screen).toBe(0);
    expect(r.screen).toMatch(/"sarah" matches 2 people\. Which one\?/);
    const text = readFileSync(out, 'utf8');
    expect(text).not.toMatch(/\x1b|Which one/);
    expect(JSON.parse(text).name).toMatch(/^Sarah (Lee|Kim)$/);
  });

  it('piped into a reader: the reader gets only the JSON', () => {
    const out = join(tmp.dir, 'names.txt');
    const r = inTerminal('Which one?', '\\r', `eval "$REL show sarah --json" | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).name))' > "${out}"`);
    expect(r.code, r.screen).toBe(0);
    expect(readFileSync(out, 'utf8')).toMatch(/^Sarah (Lee|Kim)\n$/);
  });

  it('with stderr and stdout both redirected, the question is asked on the terminal itself', () => {
    const out = join(tmp.dir, 'out.txt');
    const r = inTerminal('Remove Sarah Lee', 'y\\r', `eval "$REL rm 'sarah lee'" > "${out}" 2>/dev/null`);
    expect(r.code, r.screen).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe('Removed Sarah Lee.\n');
  });
});

// rel decides colour itself (Ctx.fit, render/paint.ts); the bundle hands chalk an isatty that answers
// from fstat for pipes and files (build.mjs, lazyTerminal). Through the built rel: a terminal gets colour,
// NO_COLOR or a pipe none.
describe.skipIf(!hasPty)('colour is for a terminal', () => {
  beforeEach(() => {
    expect(spawnRel(['add', 'Maya Chen', '--every', '1w'], { REL_DB: db }).code).toBe(0);
    expect(spawnRel(['log', 'maya', '-m', 'coffee', '--on', '2026-01-01'], { REL_DB: db }).code).toBe(0);
  });
  const due = (env: string, tail = '') => inPty('Maya', '', ['bash', '-c', `${env} COLUMNS=100 eval "$REL due"${tail}`], { REL_DB: db, REL: `"${process.execPath}" "${BIN}"` });

  it('rel due in a terminal: a bold header', () => {
    const r = due('NO_COLOR=');
    expect(r.code, r.screen).toBe(0);
    expect(r.screen).toContain('\x1b[1mname\x1b[22m');
    expect(r.screen).toContain('Maya Chen');
  });

  it('with NO_COLOR, or into a pipe, not a single escape', () => {
    for (const r of [due('NO_COLOR=1'), due('NO_COLOR=', ' | cat')]) {
      expect(r.code, r.screen).toBe(0);
      expect(r.screen).toContain('Maya Chen');
      expect(r.screen).not.toContain('\x1b[');
    }
  });
});
