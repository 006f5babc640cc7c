// Bundles src/ into dist/rel.js with esbuild, as one CommonJS file, and each daily command into a file
// of its own (OWN_BUNDLES below), started by bin/rel.js through a V8 code cache (bin/rel.js). Measured
// on the bench database (10,000 people): ES modules with lazy chunks ran `rel due --json` in 1.66x bare
// node, one CommonJS file in 1.60x, the same with a code cache in about 1.4x. Modules only some commands
// need (renderers, file formats, inquirer) are in the bundle but evaluated only when first imported;
// ical.js and csv-parse, used by import alone, stay in node_modules. better-sqlite3's JavaScript is
// bundled; its addon is loaded from node_modules by path (src/store/open.ts). dist/ and bin/ say
// "commonjs" in a package.json, since the project itself is "type": "module". A source map of the whole
// bundle (paths relative to dist/, no sources inside) lets REL_DEBUG=1 name src/*.ts files and lines in
// a stack trace.
import { build } from 'esbuild';
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

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

/**
 * chalk's supports-color asks node:tty whether stdout and stderr are terminals when chalk is first
 * imported, and node:tty loads node:net and the streams: ~6 ms of `rel due` drawing its table into a
 * pipe, where there is no colour to decide. Hand it rel's own isatty (src/isatty.ts), which answers
 * from fstat for a pipe, a file or /dev/null and loads node:tty only for another character device;
 * node:os (used only on Windows) on first use; and `process` as an ES module's default export, since
 * esbuild would otherwise copy each of process's properties into a getter first (~0.5 ms of start-up).
 */
const lazyTerminal = {
  name: 'lazy-terminal',
  setup(b) {
    b.onResolve({ filter: /^(node:)?tty$/ }, (args) =>
      args.importer.includes('node_modules/chalk') ? { path: resolve('src/isatty.ts') } : undefined,
    );
    b.onResolve({ filter: /^(node:)?(os|process)$/ }, (args) =>
      args.importer.includes('node_modules/chalk') ? { path: args.path.replace('node:', ''), namespace: 'lazy-terminal' } : undefined,
    );
    b.onLoad({ filter: /^process$/, namespace: 'lazy-terminal' }, () => ({ contents: 'export default process;', loader: 'js' }));
    b.onLoad({ filter: /^os$/, namespace: 'lazy-terminal' }, () => ({
      contents: "module.exports = new Proxy({}, { get: (_, key) => require('node:os')[key] });",
      loader: 'js',
    }));
  },
};

/**
 * src/render/paint.ts uses chalk only for colour, and without colour (a pipe, NO_COLOR) chalk need not
 * be set up at all (~1.3 ms). Hand paint.ts a chalk whose exports load the real one on first use: a
 * require() that esbuild bundles, and evaluates then.
 */
const lazyChalk = {
  name: 'lazy-chalk',
  setup(b) {
    b.onResolve({ filter: /^chalk$/ }, (args) =>
      args.importer.endsWith('src/render/paint.ts') ? { path: 'chalk', namespace: 'lazy-chalk' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'lazy-chalk' }, () => ({
      contents: `let real;
        const load = () => (real ??= require('chalk?real'));
        Object.defineProperty(exports, '__esModule', { value: true });
        for (const key of ['Chalk', 'supportsColor']) Object.defineProperty(exports, key, { get: () => load()[key], enumerable: true });`,
      loader: 'js',
      resolveDir: resolve('src/render'),
    }));
    b.onResolve({ filter: /^chalk\?real$/ }, (args) => b.resolve('chalk', { kind: 'require-call', resolveDir: args.resolveDir }));
  },
};

/**
 * The commands people run every day, several times, by hand or from cron: each also gets a bundle of its
 * own, dist/rel-NAME.js, which bin/rel.js loads for `rel NAME ...`. The whole bundle holds every command,
 * and V8 reads and sets up every function of a bundle it loads, used or not. Measured in-process (Node
 * 24, 10,000 people, 31-41 interleaved runs), reading, deserialising and running the top level of a
 * 140-170 KB bundle instead of 430 KB takes 1.5-2.5 ms less: `rel show` 38.4 -> 35.0 ms, `stats` 43.1 ->
 * 41.8, `brief` 43.9 -> 42.9; `rel due` gains ~0.5 ms only, as its smaller heap has V8 collect its young
 * generation twice instead of once.
 */
const OWN_BUNDLES = ['due', 'log', 'show', 'brief', 'note', 'snooze', 'stats', 'add', 'list', 'ledger'];

/** A command's own bundle sees, in src/command-table.ts, a table of that one command. */
const oneCommand = (name) => ({
  name: 'one-command',
  setup(b) {
    b.onLoad({ filter: /[\\/]src[\\/]command-table\.ts$/ }, () => ({
      contents: `export const COMMANDS = [[${JSON.stringify(name)}, () => import('./commands/${name}.ts')]];`,
      loader: 'js',
      resolveDir: resolve('src'),
    }));
  },
});

// Build beside dist/ and swap it in, so that a rel started during a build (tests run in parallel)
// finds a whole dist/ rather than a half-written one.
const out = resolve(`dist.build-${process.pid}`);
// A command's own bundle has no source map: REL_DEBUG=1 runs the whole bundle, whose map names src/*.ts.
const bundle = (name, extra = []) =>
  build({
    entryPoints: { [name]: 'src/main.ts' },
    outdir: out,
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node22',
    packages: 'bundle',
    external: ['ical.js', 'csv-parse', 'csv-parse/sync'],
    minify: !process.env.REL_NO_MINIFY,
    // import.meta.url (createRequire's base) is made only when read: building a file URL at load cost ~0.06 ms.
    define: { 'import.meta.url': '__relModule.url' },
    banner: { js: "const __relModule = { get url() { return require('node:url').pathToFileURL(__filename).href; } };" },
    legalComments: 'none',
    sourcemap: extra.length === 0 ? 'linked' : false,
    sourcesContent: false,
    plugins: [lazyChildProcess, lazyTerminal, lazyChalk, ...extra],
    logLevel: 'warning',
  });
await Promise.all([bundle('rel'), ...OWN_BUNDLES.map((name) => bundle(`rel-${name}`, [oneCommand(name)]))]);
writeFileSync(`${out}/package.json`, '{ "type": "commonjs" }\n');
// An ASCII bundle loads as a one-byte string: 0.6 ms to read, against 2.5 ms when a single character
// makes all 400 KB a two-byte string (Node 24, measured). esbuild escapes strings, but a regular
// expression literal with a non-ASCII letter reaches the bundle as it is: build such a pattern from
// strings (src/domain/names.ts) or write it with \u escapes. (Unminified, comments keep their letters.)
for (const name of ['rel', ...OWN_BUNDLES.map((n) => `rel-${n}`)]) {
  const bundled = readFileSync(`${out}/${name}.js`);
  const wide = process.env.REL_NO_MINIFY ? -1 : bundled.findIndex((byte) => byte > 0x7f);
  if (wide >= 0) {
    const line = bundled.subarray(0, wide).toString('latin1').split('\n').length;
    rmSync(out, { recursive: true, force: true });
    throw new Error(`dist/${name}.js must be ASCII: a non-ASCII byte on line ${line} (see build.mjs)`);
  }
}

rmSync(`dist.old-${process.pid}`, { recursive: true, force: true });
try {
  renameSync('dist', `dist.old-${process.pid}`);
} catch {
  /* no dist yet */
}
renameSync(out, 'dist');
rmSync(`dist.old-${process.pid}`, { recursive: true, force: true });
