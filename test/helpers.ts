/** Test doubles for Deps: buffers for the streams, a fixed clock, a scripted prompter, a temp database. */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach } from 'vitest';
import type { Deps } from '../src/deps.js';
import { openDb, type Db } from '../src/store/open.js';
import { main } from '../src/main.js';
import type { Prompter } from '../src/prompt.js';

/** A fixed instant for opening databases in tests. */
const T0 = new Date('2026-03-01T09:00:00Z');

export interface Buffer {
  write(text: string | Uint8Array): void;
  text(): string;
}

export function buffer(): Buffer {
  let s = '';
  return { write: (t) => void (s += typeof t === 'string' ? t : new TextDecoder().decode(t)), text: () => s };
}

/** A prompter that answers from a script, in order, and fails the test on an unexpected question. */
export function scriptedPrompter(answers: unknown[]): Prompter & { asked: string[] } {
  const asked: string[] = [];
  const next = <T>(message: string): T => {
    asked.push(message);
    if (answers.length === 0) throw new Error(`unexpected prompt: ${message}`);
    const a = answers.shift();
    if (a instanceof Error) throw a;
    return a as T;
  };
  return {
    asked,
    select: async (q) => next(q.message),
    search: async (q) => {
      const a = next<unknown>(q.message);
      // A string answer is typed into the search box: pick the first candidate it finds.
      if (typeof a === 'string') {
        const first = q.source(a)[0];
        if (!first) throw new Error(`search "${a}" found nothing`);
        return first.value;
      }
      return a as never;
    },
    input: async (q) => {
      const a = next<string>(q.message);
      const ok = q.validate?.(a) ?? true;
      if (ok !== true) throw new Error(`input "${a}" refused: ${ok}`);
      return a === '' && q.default !== undefined ? q.default : a;
    },
    confirm: async (q) => next(q.message),
  };
}

export function tempDir(): { dir: string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'rel-test-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface TestDepsOptions {
  /** A local date-time, e.g. '2026-03-01' or '2026-03-01T09:30'. */
  now?: string;
  stdinIsTTY?: boolean;
  stdoutIsTTY?: boolean;
  /** The terminal's size, when stdout is one. */
  columns?: number;
  rows?: number;
  env?: Record<string, string>;
  answers?: unknown[];
}

export function testDeps(db: string, o: TestDepsOptions = {}) {
  const out = buffer();
  const err = buffer();
  const prompt = scriptedPrompter(o.answers ?? []);
  const now = localDate(o.now ?? '2026-03-01T09:00');
  const deps: Deps = {
    env: { REL_DB: db, ...o.env },
    now: () => now,
    out,
    err,
    stdinIsTTY: o.stdinIsTTY ?? false,
    stdoutIsTTY: o.stdoutIsTTY ?? false,
    columns: o.columns,
    rows: o.rows,
    home: '/nonexistent',
    prompt,
  };
  return { deps, out, err, prompt };
}

/** '2026-03-01' or '2026-03-01T09:30' as a local instant. */
export function localDate(s: string): Date {
  const [d, t = '12:00'] = s.split('T');
  const [y, m, day] = d!.split('-').map(Number);
  const [h, min] = t.split(':').map(Number);
  return new Date(y!, m! - 1, day!, h!, min!);
}

export interface Run {
  code: number;
  out: string;
  err: string;
  json<T = any>(): T;
}

/**
 * A rel bound to one temporary database, run in-process through main(argv, deps). The database is
 * created first (empty), as `rel add` would, so that every command finds one; `{ create: false }`
 * leaves the path as it is (rel's own creation rules under test).
 */
export function relAt(db: string, defaults: TestDepsOptions = {}, { create = true } = {}) {
  if (create && !existsSync(db) && existsSync(dirname(db))) openDb(db, { now: new Date() }).close();
  return async (argv: string[], o: TestDepsOptions = {}): Promise<Run & { asked: string[] }> => {
    const { deps, out, err, prompt } = testDeps(db, { ...defaults, ...o });
    const code = await main(argv, deps);
    return { code, out: out.text(), err: err.text(), json: () => JSON.parse(out.text()), asked: prompt.asked };
  };
}

export const BIN = fileURLToPath(new URL('../bin/rel.js', import.meta.url));

/** Spawns the built bin/rel.js (end-to-end tests). stdin is closed: no terminal, as under cron. */
export function spawnRel(argv: string[], env: Record<string, string | undefined> = {}, input?: string): Run {
  const r = spawnSync(process.execPath, [BIN, ...argv], {
    env: { PATH: process.env.PATH, HOME: process.env.HOME, TZ: process.env.TZ, XDG_CACHE_HOME: process.env.XDG_CACHE_HOME, ...env },
    input: input ?? '',
    encoding: 'utf8',
    // Node's default (1 MiB) kills a child that prints more: rel list --json of 10,000 people prints 1.9 MB.
    maxBuffer: 1 << 28,
  });
  return { code: r.status ?? -1, out: r.stdout, err: r.signal === null ? r.stderr : `${r.stderr}(killed by ${r.signal})`, json: () => JSON.parse(r.stdout) };
}

/** Per test: a temporary folder with a rel database path and an in-process rel bound to it. */
export function useTempRel(defaults: TestDepsOptions = {}) {
  const state = {} as { dir: string; db: string; rel: ReturnType<typeof relAt> };
  let tmp: ReturnType<typeof tempDir>;
  beforeEach(() => {
    tmp = tempDir();
    state.dir = tmp.dir;
    state.db = join(tmp.dir, 'rel.db');
    state.rel = relAt(state.db, defaults);
  });
  afterEach(() => tmp.cleanup());
  return state;
}

/** Per test: a freshly created and opened rel database in a temporary folder. */
export function useTempDb() {
  const state = {} as { db: Db };
  let tmp: ReturnType<typeof tempDir>;
  beforeEach(() => {
    tmp = tempDir();
    state.db = openDb(join(tmp.dir, 'rel.db'), { now: T0 });
  });
  afterEach(() => {
    state.db.close();
    tmp.cleanup();
  });
  return state;
}

const PTY = fileURLToPath(new URL('./e2e/workers/run-in-pty.py', import.meta.url));
/** Can tests drive a real terminal (python3's pty module)? */
export const hasPty = spawnSync('python3', ['-c', 'import pty'], { encoding: 'utf8' }).status === 0;

/** Runs argv in a pseudo-terminal, types `keys` once `waitFor` is on the screen; the exit code and the screen's end. */
export function inPty(waitFor: string, keys: string, argv: string[], env: Record<string, string>): { code: number | null; screen: string } {
  const r = spawnSync('python3', [PTY, waitFor, keys, ...argv], { env: { ...process.env, ...env }, encoding: 'utf8', timeout: 20_000 });
  const m = /^EXIT (-?\d+)$/m.exec(r.stdout);
  return { code: m ? Number(m[1]) : null, screen: r.stdout };
}
