// Not per command: the examples of every command's --help, and rel help itself.
/**
 * Every example shown in every `--help` works when pasted (issue 11 item 13): each is parsed out of the
 * help text and run against a seeded database, in a terminal whose user agrees to every question.
 * An example may fail for a reason of the world (exit 1: a file that is not there on this machine), but
 * never with a usage error (exit 2) — that would mean the help teaches something rel refuses.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { main } from '../../src/main.js';
import type { Prompter } from '../../src/prompt.js';
import { tempDir, testDeps, useTempRel } from '../helpers.js';

const tmp = tempDir();
afterAll(() => tmp.cleanup());
const seeded = join(tmp.dir, 'seeded.db');
const fixtures = new URL('../fixtures/', import.meta.url).pathname;

/** A user who says yes and takes the first choice or the default. */
const agreeable: Prompter = {
  select: async (q) => q.choices[0]!.value,
  search: async (q) => q.source('')[0]!.value,
  input: async (q) => q.default ?? '',
  confirm: async () => true,
};

async function run(db: string, argv: string[]) {
  const { deps, out, err } = testDeps(db, { now: '2026-03-01T09:00', stdinIsTTY: true, env: { HOME: tmp.dir } });
  deps.prompt = agreeable;
  deps.home = tmp.dir;
  const code = await main(argv, deps);
  return { code, out: out.text(), err: err.text() };
}

/** Words as a POSIX shell splits them (quotes, no expansion). */
function shellWords(line: string): string[] {
  const words: string[] = [];
  const re = /"([^"]*)"|'([^']*)'|((?:\\.|\S)+)/g;
  for (let m = re.exec(line); m; m = re.exec(line)) words.push(m[1] ?? m[2] ?? m[3]!.replace(/\\(.)/g, '$1'));
  return words;
}

/**
 * The rel command line of an example: from `rel ` (also inside `$(...)` or `<(...)`, after a crontab
 * time), up to a pipe, a redirection or the closing parenthesis; the comment after two spaces dropped.
 * Null for an example meant for something else.
 */
export function relLine(example: string): string | null {
  const m = /(^|[\s(])rel( .*)?$/.exec(example.replace(/ {2,}\(.*\)\s*$/, ''));
  if (!m) return null;
  const inside = m[1] === '('; // $(rel ...) or <(rel ...): up to the closing parenthesis
  return (m[2] ?? '').split(inside ? /\)/ : / \| | > | && | \|\| /)[0]!.trim();
}

async function helpOf(path: string[]): Promise<string> {
  return (await run(join(tmp.dir, 'help.db'), [...path, '--help'])).out;
}

/** Every command path (`['config', 'set']` too), from the Commands: sections of the help. */
async function commandPaths(path: string[] = []): Promise<string[][]> {
  const help = await helpOf(path);
  const section = /\nCommands:\n([\s\S]*?)(?:\n\n|$)/.exec(help)?.[1] ?? '';
  const names = [...section.matchAll(/^ {2}([a-z][\w-]*)/gm)].map((m) => m[1]!).filter((n) => n !== 'help');
  const out: string[][] = [path];
  for (const n of names) out.push(...(await commandPaths([...path, n])));
  return out;
}

const ids: Record<string, string> = {};

beforeAll(async () => {
  const seed = async (...argv: string[]) => {
    const r = await run(seeded, argv);
    if (r.code !== 0) throw new Error(`seed ${argv.join(' ')}: ${r.err}`);
    return r.out;
  };
  await seed('add', 'Maya Chen', '--tag', 'friends');
  await seed('date', 'maya', 'wedding', '2026-09-12');
  await seed('add', 'Tomás Ruiz');
  await seed('add', 'Ana');
  await seed('add', 'Bob');
  await seed('add', 'José Núñez', '--every', '1w');
  await seed('add', 'Old Colleague');
  await seed('add', 'M Chen'); // the same Maya, from a phone: rel merge "Maya Chen" "m chen"
  await seed('add', 'Leo Varga');
  await seed('add', 'Ravi Shah');
  await seed('log', 'ravi', '--via', 'call', '--follow-up', '2026-03-06');
  ids.mergeKeep = JSON.parse(await seed('add', 'Sam Lee', '--email', 'sam@work.example', '--json')).id;
  ids.mergeOther = JSON.parse(await seed('add', 'Sam Lee', '--email', 'sam@home.example', '--json')).id;
  ids.rm = JSON.parse(await seed('add', 'Someone Else', '--json')).id;
  for (const d of ['2026-01-05', '2026-02-04', '2026-03-01']) await seed('log', 'jose', '--on', d);
  ids.need = JSON.parse(await seed('need', 'ana', 'a', 'job', '--json')).id;
  ids.offer = JSON.parse(await seed('offer', 'bob', 'a', 'job', '--json')).id;
  copyFileSync(join(fixtures, 'csv/linkedin-current.csv'), join(tmp.dir, 'Connections.csv'));
  copyFileSync(join(fixtures, 'vcard/apple.vcf'), join(tmp.dir, 'contacts.vcf'));
  writeFileSync(join(tmp.dir, 'crm.csv'), 'Full Name,Mail,Remarks\nKate Bell,kate@example.com,met at a fair\n');
  await seed('export', '-o', join(tmp.dir, 'rel-export.json'));
  mkdirSync(join(tmp.dir, '.local/share/rel'), { recursive: true });
  mkdirSync(join(tmp.dir, 'Dropbox'));
  // rel capture: who I am, and the calendars and mail the examples name, from the capture fixtures.
  await seed('config', 'set', 'me.emails', 'me@example.com');
  const capture = (f: string) => join(fixtures, 'capture', f);
  cpSync(capture('icloud'), join(tmp.dir, '.calendars'), { recursive: true });
  mkdirSync(join(tmp.dir, 'Downloads/Takeout/Mail'), { recursive: true });
  mkdirSync(join(tmp.dir, 'Takeout/Mail'), { recursive: true });
  copyFileSync(capture('google.ics'), join(tmp.dir, 'Downloads/calendar.ics'));
  copyFileSync(capture('takeout.mbox'), join(tmp.dir, 'Downloads/Takeout/Mail/All mail.mbox'));
  copyFileSync(capture('takeout.mbox'), join(tmp.dir, 'Takeout/Mail/All mail.mbox'));
  cpSync(capture('maildir'), join(tmp.dir, 'Mail/Sent'), { recursive: true });
  // The vdirs vdirsyncer keeps, as the sync examples name them.
  for (const vdir of ['contacts/default', 'contacts/rel', 'calendar/rel', 'journal/rel']) {
    mkdirSync(join(tmp.dir, '.local/share/vdirsyncer', vdir), { recursive: true });
  }
  mkdirSync(join(tmp.dir, '.config/fish/completions'), { recursive: true });
  await seed('backup', join(tmp.dir, '.local/share/rel/rel.db.2026-11-20T080000Z.bak'));
  ids.undo = String(JSON.parse(await seed('undo', '--list', '--json'))[0].id);
}, 60_000);

/** Placeholders in examples that stand for the user's own things: files, ids, change numbers. */
function localise(argv: string[]): string[] {
  const files = ['Connections.csv', 'contacts.vcf', 'crm.csv', 'rel-export.json', 'rel-backup.json', 'people.csv'];
  return argv.map((w) => {
    if (argv[0] === 'merge' && w === '3f2a9c1e') return ids.mergeKeep!;
    if (argv[0] === 'merge' && w === '7b10d4e2') return ids.mergeOther!;
    if (w === '3f2a9c1e') return argv[0] === 'rm' ? ids.rm! : argv[0] === 'need' ? ids.need! : ids.offer!;
    if (argv[0] === 'undo' && w === '42') return ids.undo!;
    if (files.includes(w)) return join(tmp.dir, w);
    return w.replace(/^~\//, `${tmp.dir}/`);
  });
}

describe('every --help example', () => {
  it('parses the rel command out of an example line', () => {
    expect(relLine('rel due --within 1w --tag friends')).toBe('due --within 1w --tag friends');
    expect(relLine('rel show "maya chen" --json | jq .facts')).toBe('show "maya chen" --json');
    expect(relLine('0 8 * * 1-5 rel due -q        (crontab: mails you only when someone is due)')).toBe('due -q');
    expect(relLine('notify-send "rel: who is due" "$(rel due --format plain --limit 5)"')).toBe('due --format plain --limit 5');
    expect(relLine('source <(rel completion bash)')).toBe('completion bash');
    expect(relLine('rel completion fish > ~/.config/fish/completions/rel.fish')).toBe('completion fish');
    expect(relLine('rel due')).toBe('due');
    expect(relLine('rel due -q --exit-status && notify-send "rel" "someone is due"')).toBe('due -q --exit-status');
    expect(relLine('rel backup ~/Dropbox/rel-$(date +%F).db')).toBe('backup ~/Dropbox/rel-$(date +%F).db');
  });

  it('runs without a usage error', async () => {
    const examples: string[] = [];
    for (const path of await commandPaths()) {
      const help = await helpOf(path);
      const block = /\nExamples:\n([\s\S]*?)(?:\n\n|$)/.exec(help)?.[1] ?? '';
      for (const line of block.split('\n')) {
        const rel = relLine(line.trim());
        if (rel !== null) examples.push(rel);
      }
    }
    expect(examples.length).toBeGreaterThan(50);
    expect(await usageErrors(examples)).toEqual([]);
  }, 120_000);

  it('and so does every rel command in the README\'s sh blocks', async () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const examples = [...readme.matchAll(/```sh\n([\s\S]*?)```/g)]
      .flatMap((m) => m[1]!.split('\n'))
      .filter((line) => !line.trim().startsWith('#'))
      .map((line) => relLine(line.replace(/\s+#.*$/, '').trim()))
      .filter((line): line is string => line !== null);
    expect(examples.length).toBeGreaterThan(30);
    expect(await usageErrors(examples)).toEqual([]);
  }, 120_000);
});

/** Each example run on its own copy of the seeded database: those that exit 2, with rel's message. */
async function usageErrors(examples: string[]): Promise<string[]> {
  const failures: string[] = [];
  for (const [i, example] of examples.entries()) {
    const db = join(tmp.dir, `example-${i}.db`);
    copyFileSync(seeded, db);
    const r = await run(db, localise(shellWords(example.replace('$(date +%F)', '2026-03-01'))));
    if (r.code === 2) failures.push(`rel ${example}: ${r.err.trim()}`);
  }
  return failures;
}

describe('bad input exits 2 with one line', () => {
  const t = useTempRel();

  it('rel help frobnicate', async () => {
    const r = await t.rel(['help', 'frobnicate']);
    expect(r.err).toBe('rel: unknown command "frobnicate" (see rel --help)\n');
    expect(r.out).toBe('');
    expect(r.code).toBe(2);
    const ok = await t.rel(['help', 'due']);
    expect(ok.code).toBe(0);
    expect(ok.out).toMatch(/^Usage: rel due/);
  });
});
