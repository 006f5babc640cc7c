/**
 * rel as a package on the user's Node: the refusal on an old Node, the code cache in the user's cache
 * folder, stack traces that name src/*.ts under REL_DEBUG, and `npm pack` installed and run as another user.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { BIN, spawnRel, tempDir } from '../helpers.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const isRoot = process.getuid?.() === 0;
const NOBODY = 65534;

let tmp: ReturnType<typeof tempDir>;
beforeAll(() => {
  tmp = tempDir();
  chmodSync(tmp.dir, 0o755);
});
afterAll(() => tmp.cleanup());

/** A Node older than 22: REL_TEST_OLD_NODE (.ci/run fetches Node 20 for it), else one on PATH. */
function oldNode(): string | undefined {
  const which = spawnSync('which', ['-a', 'node'], { encoding: 'utf8' }).stdout.split('\n').filter(Boolean);
  for (const node of [process.env.REL_TEST_OLD_NODE, ...which, '/usr/local/bin/node', '/usr/bin/node']) {
    if (!node || !existsSync(node)) continue;
    const v = spawnSync(node, ['-p', 'process.versions.node'], { encoding: 'utf8' }).stdout.trim();
    if (Number(v.split('.')[0]) < 22) return node;
  }
  return undefined;
}

describe('an old Node', () => {
  const node = oldNode();
  // CI always provides one (REL_TEST_OLD_NODE); elsewhere the test runs where one is found.
  it.skipIf(!node && !process.env.CI)('every command, even --version, is refused in one line, exit 1, before anything loads', () => {
    expect(node, 'CI sets REL_TEST_OLD_NODE to a Node older than 22').toBeDefined();
    const version = spawnSync(node!, ['-p', 'process.versions.node'], { encoding: 'utf8' }).stdout.trim();
    const db = join(tmp.dir, 'old-node.db');
    for (const argv of [['--version'], ['--help'], ['due'], ['add', 'Maya'], []]) {
      const r = spawnSync(node!, [BIN, ...argv], { env: { PATH: process.env.PATH, REL_DB: db }, encoding: 'utf8' });
      expect(r.status, argv.join(' ')).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr).toBe(`rel: rel needs Node.js 22 or later (this is Node.js ${version})\n`);
    }
    expect(existsSync(db)).toBe(false);
  });
});

describe('the code cache', () => {
  it('is made in $XDG_CACHE_HOME/rel, private, one per command, and learns each kind of command once', () => {
    const cache = join(tmp.dir, 'cache');
    const env = { REL_DB: join(tmp.dir, 'cache.db'), XDG_CACHE_HOME: cache };
    expect(spawnRel(['add', 'Maya Chen', '--every', '2w'], env).code).toBe(0);
    expect(spawnRel(['due', '--json'], env).code).toBe(0);
    expect(spawnRel(['due', '--json'], env).code).toBe(0);
    expect(spawnRel(['--db', env.REL_DB, 'due', '--all'], env).code).toBe(0);
    expect(spawnRel(['dur'], env).code).toBe(2); // a mistyped command makes no cache
    expect(spawnRel(['--version'], env).code).toBe(0);
    const dir = join(cache, 'rel');
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    const files = readdirSync(dir).sort();
    expect(files.filter((f) => f.endsWith('.v8cache')).map((f) => f.split('-').at(-1))).toEqual(['add.v8cache', 'due.v8cache', 'rel.v8cache']);
    for (const f of files) expect(statSync(join(dir, f)).mode & 0o777, f).toBe(0o600);
    const kinds = (name: string) => readFileSync(join(dir, files.find((f) => f.endsWith(`-${name}.kinds`))!), 'utf8');
    expect(kinds('add')).toBe('add --every\n');
    expect(kinds('due')).toBe('due --json\ndue --all\n');
    expect(kinds('rel')).toBe('--version\n');
  });

  it('removes a temporary file a killed rel left there a week ago, and leaves none of its own', () => {
    const dir = join(tmp.dir, 'stale-cache', 'rel'); // no cache of this build yet: one is started
    mkdirSync(dir, { recursive: true });
    const stale = join(dir, '.rel-v24.0.0-x64-1-1.v8cache.rel-tmp-4242-0');
    const fresh = join(dir, '.rel-v24.0.0-x64-1-1.v8cache.rel-tmp-4243-0'); // perhaps being written right now
    writeFileSync(stale, 'half a cache');
    writeFileSync(fresh, 'half a cache');
    const weekAgo = new Date(Date.now() - 8 * 86400e3);
    utimesSync(stale, weekAgo, weekAgo);
    expect(spawnRel(['add', 'Maya'], { REL_DB: join(tmp.dir, 'stale.db'), XDG_CACHE_HOME: join(tmp.dir, 'stale-cache') }).code).toBe(0);
    const files = readdirSync(dir).sort();
    expect(files.filter((f) => f.startsWith('.'))).toEqual(['.rel-v24.0.0-x64-1-1.v8cache.rel-tmp-4243-0']);
    expect(files.filter((f) => /\.(v8cache|kinds)$/.test(f))).toHaveLength(2);
  });

  it('keeps the caches of this build (of every command), and removes those of another build after a week', () => {
    const cache = join(tmp.dir, 'cache-week');
    const env = { REL_DB: join(tmp.dir, 'week.db'), XDG_CACHE_HOME: cache };
    expect(spawnRel(['add', 'Maya'], env).code).toBe(0);
    const dir = join(cache, 'rel');
    const weekAgo = new Date(Date.now() - 8 * 86400e3);
    for (const f of readdirSync(dir)) utimesSync(join(dir, f), weekAgo, weekAgo);
    const other = join(dir, 'rel-v24.0.0-x64-1-1-due.v8cache');
    writeFileSync(other, 'an old build');
    utimesSync(other, weekAgo, weekAgo);
    expect(spawnRel(['due'], env).code).toBe(0); // a new cache (due's) is started: old ones are looked at
    const files = readdirSync(dir);
    expect(files.filter((f) => f.endsWith('.v8cache')).map((f) => f.split('-').at(-1)).sort()).toEqual(['add.v8cache', 'due.v8cache']);
    expect(files).not.toContain('rel-v24.0.0-x64-1-1-due.v8cache');
  });

  it('falls back to ~/.cache/rel, and rel runs without one where it may not write', () => {
    const home = join(tmp.dir, 'home');
    mkdirSync(home);
    const env = { REL_DB: join(tmp.dir, 'home.db'), HOME: home, XDG_CACHE_HOME: '' };
    expect(spawnRel(['add', 'Maya'], env).code).toBe(0);
    expect(readdirSync(join(home, '.cache', 'rel')).some((f) => f.endsWith('.v8cache'))).toBe(true);
    // A cache folder that is a file: nowhere to write. rel works all the same.
    const blocked = join(tmp.dir, 'blocked');
    writeFileSync(blocked, 'not a folder');
    const r = spawnRel(['list', '--json'], { REL_DB: join(tmp.dir, 'home.db'), XDG_CACHE_HOME: blocked });
    expect(r.code).toBe(0);
    expect(r.json()).toHaveLength(1);
    expect(r.err).toBe('');
  });

  it('nothing in dist/ names the folder it was built in', () => {
    for (const f of readdirSync(join(ROOT, 'dist'))) {
      const text = readFileSync(join(ROOT, 'dist', f), 'utf8');
      expect(text.includes(ROOT.replace(/\/$/, '')), f).toBe(false);
      expect(text, f).not.toMatch(/dist\.build-\d+/);
    }
  });
});

describe("a daily command's own bundle", () => {
  const own = readdirSync(join(ROOT, 'dist')).filter((f) => /^rel-[a-z]+\.js$/.test(f)).map((f) => f.slice(4, -3));
  const whole = (argv: string[], env: Record<string, string>) => spawnRel(argv, { ...env, REL_DEBUG: '1' }); // REL_DEBUG runs dist/rel.js

  it('exists for the commands people run every day', () => {
    expect(own.sort()).toEqual(['add', 'brief', 'due', 'ledger', 'list', 'log', 'note', 'show', 'snooze', 'stats']);
  });

  it.each(own)('rel-%s.js knows its command only, and declares it as the whole bundle does', (name) => {
    const bundle = createRequire(import.meta.url)(join(ROOT, 'dist', `rel-${name}.js`)) as { handles(argv: string[]): boolean };
    expect(bundle.handles([name])).toBe(true);
    expect(bundle.handles(['--db', 'x.db', name, '--json'])).toBe(true);
    expect(bundle.handles(['--help', name])).toBe(false);
    expect(bundle.handles([name === 'log' ? 'due' : 'log'])).toBe(false);
    const env = { REL_DB: join(tmp.dir, 'own.db') };
    const help = spawnRel([name, '--help'], env);
    expect(help.code).toBe(0);
    expect(help.out).toBe(whole([name, '--help'], env).out);
  });

  it('runs `rel due`; the whole bundle runs help, and commands without a bundle of their own', () => {
    const cache = join(tmp.dir, 'cache-own');
    const env = { REL_DB: join(tmp.dir, 'own-run.db'), XDG_CACHE_HOME: cache };
    expect(spawnRel(['add', 'Maya Chen', '--every', '1w', '--birthday', '03-14'], env).code).toBe(0);
    const due = spawnRel(['--db', env.REL_DB, 'due', '--json'], env);
    expect(due.code).toBe(0);
    expect(due.out).toBe(whole(['due', '--json'], env).out);
    const help = spawnRel(['--help', 'due'], env); // every command listed: the whole program's help
    expect(help.code).toBe(0);
    expect(help.out).toMatch(/^\s+import\b/m);
    expect(help.out).toMatch(/^\s+due\b/m);
    expect(spawnRel(['rm', 'maya', '--yes'], env).code).toBe(0);
    const caches = readdirSync(join(cache, 'rel')).filter((f) => f.endsWith('.v8cache')).map((f) => f.replace(/^rel-.*?-\d+-\d+-/, '')).sort();
    expect(caches).toEqual(['due.v8cache', 'own-add.v8cache', 'own-due.v8cache', 'rm.v8cache']);
  });
});

describe('REL_DEBUG=1', () => {
  it("a bug's stack trace names src/*.ts files and lines, not the minified bundle", () => {
    const db = join(tmp.dir, 'debug.db');
    expect(spawnRel(['add', 'Maya'], { REL_DB: db }).code).toBe(0);
    // A bug, injected: JSON.stringify throws inside rel.
    const inject = join(tmp.dir, 'break.cjs');
    writeFileSync(inject, "JSON.stringify = () => { throw new Error('injected failure'); };\n");
    const run = (debug: string) =>
      spawnRel(['due', '--json'], { REL_DB: db, REL_DEBUG: debug, NODE_OPTIONS: `--require ${inject}` });
    const quiet = run('');
    expect(quiet.code).toBe(1);
    expect(quiet.err).toBe('rel: injected failure (this is a bug; run with REL_DEBUG=1 for details)\n');
    const debug = run('1');
    expect(debug.code).toBe(1);
    expect(debug.err).toMatch(/\bat .*\/src\/[\w/-]+\.ts:\d+:\d+\)/);
    expect(debug.err).not.toMatch(/dist\/rel\.js/);
  });
});

describe('npm pack, installed globally, run by another user', () => {
  it('installs from the tarball and works for an unprivileged user', () => {
    const pack = join(tmp.dir, 'pack');
    mkdirSync(pack);
    const npm = (args: string[], cwd: string) =>
      execFileSync('npm', args, { cwd, encoding: 'utf8', env: { ...process.env, npm_config_loglevel: 'error', npm_config_fund: 'false', npm_config_audit: 'false' } });
    const tgz = npm(['pack', '--pack-destination', pack, '--json'], ROOT);
    const file = join(pack, (JSON.parse(tgz) as { filename: string }[])[0]!.filename);
    const listed = (JSON.parse(tgz) as { files: { path: string }[] }[])[0]!.files.map((f) => f.path);
    expect(listed).toEqual(expect.arrayContaining(['bin/rel.js', 'dist/rel.js', 'dist/rel.js.map', 'dist/rel-due.js', 'man/rel.1']));
    expect(listed.filter((f) => /^(src|test)\//.test(f))).toEqual([]);
    const prefix = join(tmp.dir, 'prefix');
    npm(['install', '-g', '--prefer-offline', '--prefix', prefix, file], tmp.dir);
    const rel = join(prefix, 'bin', 'rel');
    expect(existsSync(rel)).toBe(true);
    // The user: nobody (when the suite runs as root), with a home of their own and no write access to
    // the install, as when root installs rel for everyone.
    const home = join(tmp.dir, 'user');
    mkdirSync(home);
    if (isRoot) chownSync(home, NOBODY, NOBODY);
    const as = (argv: string[]) => {
      const r = spawnSync(rel, argv, {
        env: { PATH: `${dirname(process.execPath)}:/usr/bin:/bin`, HOME: home },
        encoding: 'utf8',
        input: '',
        ...(isRoot ? { uid: NOBODY, gid: NOBODY } : {}),
      });
      return { code: r.status, signal: r.signal, out: r.stdout, err: r.stderr };
    };
    expect(as(['add', 'Maya Chen', '--every', '1w'])).toMatchObject({ code: 0, signal: null });
    expect(as(['log', 'maya', '-m', 'coffee', '--on', '2 weeks ago'])).toMatchObject({ code: 0 });
    const due = as(['due', '--json']);
    expect(due).toMatchObject({ code: 0, err: '' });
    expect(JSON.parse(due.out).map((i: { name: string }) => i.name)).toEqual(['Maya Chen']);
    expect(statSync(join(home, '.local', 'share', 'rel', 'rel.db')).mode & 0o777).toBe(0o600);
    expect(readdirSync(join(home, '.cache', 'rel')).some((f) => f.endsWith('.v8cache'))).toBe(true);
  }, 180_000);
});
