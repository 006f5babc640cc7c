#!/usr/bin/env node
// rel's entry point, in one file (a second module to load cost ~0.5 ms of every command).
//
// First, in syntax any Node from 10 on reads: rel needs Node 22 (better-sqlite3 13), and an older Node
// is told so in one line before anything native loads. The loader below runs only on Node 22 or later.
'use strict';
var version = process.versions.node;
if (Number(version.split('.')[0]) < 22) {
  process.stderr.write('rel: rel needs Node.js 22 or later (this is Node.js ' + version + ')\n');
  process.exitCode = 1;
} else {
  start();
}

// The loader starts rel with a V8 code cache for the bundle that the user's own runs make.
//
// Parsing and compiling dist/rel.js is about a third of rel's start-up. Node's module.enableCompileCache()
// was measured against this loader on Node 24 (10,000 people, interleaved runs): it caches only what is
// compiled when the file loads, not the functions a command then runs, and was 5-45% slower per command.
// So rel keeps its own cache, made on the user's machine, never shipped:
// - it lives in $XDG_CACHE_HOME/rel, else ~/.cache/rel (0700 folder, 0600 files), one file per build of
//   rel, Node version and command; where that cannot be written (a read-only home), rel runs without one;
// - one per command (due, log, show...): V8 reads a whole cache before the command starts, and one
//   holding what every command ran made `rel due` read 556 KB instead of its own 356 KB;
// - the commands people run every day have bundles of their own (dist/rel-due.js..., see load());
// - after a command runs, the compiled code is saved when there was no usable cache (V8 checks it against
//   the source and its own version and flags) or when this kind of command (its flags) had not been seen
//   before, so the cache comes to hold what the command, as the user really runs it, needs;
// - REL_DEBUG=1 loads the whole bundle plainly, with its source map, so a stack trace names src/*.ts lines.
function start() {
  const fs = require('node:fs');
  const path = require('node:path');
  const vm = require('node:vm');
  const Module = require('node:module');

  const DIST = path.join(__dirname, '..', 'dist');
  const BUNDLE = path.join(DIST, 'rel.js');
  const MAX_KINDS = 64;

  function cacheDir(env) {
    if (env.XDG_CACHE_HOME && path.isAbsolute(env.XDG_CACHE_HOME)) return path.join(env.XDG_CACHE_HOME, 'rel');
    return env.HOME ? path.join(env.HOME, '.cache', 'rel') : undefined;
  }

  /** The command's name in argv (after rel's own --db FILE), or undefined: `rel --help`, `rel`. */
  function commandWord(argv) {
    for (let i = 0; i < argv.length; i++) {
      if (argv[i] === '--db') i++;
      else if (!argv[i].startsWith('-')) return argv[i];
    }
    return undefined;
  }

  /** The command and its flags, without values: "due --json". A new kind is worth saving the cache for. */
  function kindOf(argv) {
    const word = commandWord(argv);
    const flags = argv.filter((a) => a.startsWith('--') && a !== '--db' && !a.startsWith('--db=')).map((a) => a.split('=')[0]);
    return [...(word === undefined ? [] : [word]), ...new Set(flags.sort())].join(' ').slice(0, 200);
  }

  /** Which cache a run uses: its command's (a name of letters), else one for the rest (`rel --help`). */
  function cacheName(argv) {
    const word = commandWord(argv);
    return word !== undefined && /^[a-z]{1,20}$/.test(word) ? word : 'rel';
  }

  function read(file, encoding) {
    try {
      return fs.readFileSync(file, encoding);
    } catch {
      return undefined;
    }
  }

  /**
   * Writes a cache file whole, private, through rel's own helper (src/files.ts, exported by the bundle).
   * Not synced: a cache lost to a power cut is made again, and V8 rejects one that does not fit.
   */
  function writeAtomic(write, file, data) {
    try {
      write(file, data, { durable: false });
    } catch {
      /* a cache: rel runs without it */
    }
  }

  /**
   * Caches of other builds of rel (or Node), untouched for a week, are removed when a new cache is started,
   * and so are temporary files left by a rel killed while writing one (.NAME.rel-tmp-PID-N, src/files.ts).
   * This build's caches of other commands stay, however long since they were written.
   */
  function forgetOld(dir, build) {
    const weekAgo = Date.now() - 7 * 86400e3;
    for (const name of safeList(dir)) {
      if (name.startsWith(build)) continue; // this build's cache of another command
      const file = path.join(dir, name);
      try {
        if (/^(rel-.*\.(v8cache|kinds)|\.rel-.*\.rel-tmp-\d+-\d+)$/.test(name) && fs.statSync(file).mtimeMs < weekAgo) fs.unlinkSync(file);
      } catch {
        /* gone already */
      }
    }
  }

  function safeList(dir) {
    try {
      return fs.readdirSync(dir);
    } catch {
      return [];
    }
  }

  /**
   * The bundle that runs `argv`, loaded through its code cache. A command people run every day has a
   * bundle of its own, dist/rel-NAME.js (build.mjs), which holds only that command: it runs `rel NAME ...`
   * when it would run it as the whole program does (not `rel --help NAME`); dist/rel.js runs the rest.
   * Every cache is named after dist/rel.js (its size and time), which is rebuilt with the others.
   */
  function load(argv) {
    const dir = cacheDir(process.env);
    const stat = fs.statSync(BUNDLE);
    const build = `rel-${process.version}-${process.arch}-${stat.size}-${Math.floor(stat.mtimeMs)}-`;
    const name = cacheName(argv);
    if (name !== 'rel') {
      const own = loadCached(path.join(DIST, `rel-${name}.js`), dir, build, `own-${name}`, argv);
      if (own && own.handles(argv)) return own;
    }
    return loadCached(BUNDLE, dir, build, name, argv);
  }

  /** Runs the bundle `file` (undefined when there is none) with the cache `${build}${name}`. */
  function loadCached(file, dir, build, name, argv) {
    const source = read(file, 'utf8');
    if (source === undefined) return undefined;
    const key = `${build}${name}`;
    const cacheFile = dir && path.join(dir, `${key}.v8cache`);
    const kindsFile = dir && path.join(dir, `${key}.kinds`);
    const cachedData = cacheFile && read(cacheFile);
    const script = new vm.Script(Module.wrap(source), { filename: file, cachedData });
    const mod = { exports: {} };
    script.runInThisContext().call(mod.exports, mod.exports, Module.createRequire(file), mod, file, path.dirname(file));

    /** After the command: `code` 2 is a usage error (a mistyped command name too), not worth a cache. */
    const save = (code) => {
      if (!dir || code === 2) return;
      const kind = kindOf(argv);
      const kinds = cachedData && !script.cachedDataRejected ? (read(kindsFile, 'utf8') || '').split('\n').filter(Boolean) : [];
      if (cachedData && !script.cachedDataRejected && (kinds.includes(kind) || kinds.length >= MAX_KINDS)) return;
      try {
        fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
      } catch {
        return; // nowhere to write: run without a cache
      }
      if (!cachedData) forgetOld(dir, build);
      writeAtomic(mod.exports.writeFileAtomic, cacheFile, script.createCachedData());
      writeAtomic(mod.exports.writeFileAtomic, kindsFile, [...kinds, kind].join('\n') + '\n');
    };
    return { ...mod.exports, save };
  }

  const argv = process.argv.slice(2);
  let rel;
  if (process.env.REL_DEBUG === '1') {
    process.setSourceMapsEnabled(true);
    rel = { ...require(BUNDLE), save() {} };
  } else {
    rel = load(argv);
  }
  rel.main(argv, rel.realDeps()).then((code) => {
    process.exitCode = code;
    rel.save(code);
    // Everything is written (rel writes its output synchronously) and the database is closed: leave
    // rather than tear the heap down, ~1.5 ms of every command. Not on Windows, where Node writes to a
    // terminal asynchronously and a prompt's last line could still be on its way.
    if (process.platform !== 'win32') process.exit(code);
  });
}
