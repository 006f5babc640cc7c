// Bundles src/ into dist/rel.js with esbuild, as one CommonJS file, and warms V8's code cache for it
// (dist/rel.js.cache, loaded by bin/load.js). Measured on the bench database (10,000 people): ES
// modules with lazy chunks ran `rel due --json` in 1.66x bare node, one CommonJS file in 1.60x, the
// same with the code cache in 1.41x. Modules only some commands need (renderers, file formats, inquirer)
// are in the bundle but evaluated only when first imported; ical.js and csv-parse, used by import alone,
// stay in node_modules. better-sqlite3's JavaScript is bundled; its compiled addon is loaded from
// node_modules by path (src/store/open.ts). dist/ and bin/ say "commonjs" in a package.json, since the
// project itself is "type": "module".
import { build } from 'esbuild';
import { mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/**
 * commander requires node:child_process at load time, only to run "executable subcommands", which rel
 * does not use; loading it costs ~2 ms of every start. Hand commander a proxy that loads it on first use.
 */
const lazyChildProcess = {
  name: 'lazy-child-process',
  setup(b) {
    b.onResolve({ filter: /^(node:)?child_process$/ }, (args) =>
      args.importer.includes('node_modules/commander') ? { path: 'child_process', namespace: 'lazy' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'lazy' }, () => ({
      contents: "module.exports = new Proxy({}, { get: (_, key) => require('node:child_process')[key] });",
      loader: 'js',
    }));
  },
};

// Build beside dist/ and swap it in, so that a rel started during a build (tests run in parallel)
// finds a whole dist/ rather than a half-written one.
const out = resolve(`dist.build-${process.pid}`);
await build({
  entryPoints: { rel: 'src/main.ts' },
  outdir: out,
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  packages: 'bundle',
  external: ['ical.js', 'csv-parse', 'csv-parse/sync'],
  minify: !process.env.REL_NO_MINIFY,
  define: { 'import.meta.url': '__relModuleUrl' },
  banner: { js: "const __relModuleUrl = require('node:url').pathToFileURL(__filename).href;" },
  legalComments: 'none',
  plugins: [lazyChildProcess],
  logLevel: 'warning',
});
writeFileSync(`${out}/package.json`, '{ "type": "commonjs" }\n');
await warmUp(`${out}/rel.js`);

rmSync(`dist.old-${process.pid}`, { recursive: true, force: true });
try {
  renameSync('dist', `dist.old-${process.pid}`);
} catch {
  /* no dist yet */
}
renameSync(out, 'dist');
rmSync(`dist.old-${process.pid}`, { recursive: true, force: true });

/**
 * Runs the everyday commands once, in this process, on a throw-away database, then saves V8's code
 * cache: it then holds the compiled code of everything they ran, not only of start-up.
 */
async function warmUp(bundle) {
  const { load } = createRequire(import.meta.url)('./bin/load.js');
  const rel = load(bundle);
  const dir = mkdtempSync(join(tmpdir(), 'rel-warm-'));
  const quiet = { write() {} };
  const deps = (tty) => ({
    env: { REL_DB: join(dir, 'rel.db') },
    now: () => new Date(),
    out: quiet,
    err: quiet,
    stdinIsTTY: false,
    stdoutIsTTY: tty,
    home: dir,
    prompt: {},
  });
  try {
    for (const argv of [
      ['add', 'Warm Up', '--every', '1w', '--birthday', '01-01', '--note', 'a fact'],
      ['log', 'warm', '-m', 'coffee', '--give', 'advice', '--follow-up', '3w', '--on', '2 weeks ago'],
      ['due'], ['due', '--json'], ['due', '-q'], ['list'], ['show', 'warm'], ['brief', 'warm'], ['ledger'],
      ['stats'], ['note', 'warm', 'another fact'], ['--help'],
    ]) {
      for (const tty of [true, false]) await rel.main(argv, deps(tty));
    }
    rel.saveCache(true);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
