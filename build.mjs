// Bundles src/ into dist/ with esbuild: one file for the start-up path, lazy chunks for the rest
// (inquirer, parsers, renderers). better-sqlite3's JavaScript is bundled too; its compiled addon is
// loaded from node_modules by path (src/store/open.ts).
import { build } from 'esbuild';
import { renameSync, rmSync } from 'node:fs';

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
const out = `dist.build-${process.pid}`;
await build({
  entryPoints: { rel: 'src/main.ts' },
  outdir: out,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'bundle',
  minify: !process.env.REL_NO_MINIFY,
  // Some bundled CommonJS dependencies call require(): give the ESM bundle one.
  banner: { js: "import { createRequire as __relRequire } from 'node:module'; const require = __relRequire(import.meta.url);" },
  chunkNames: 'chunks/[name]-[hash]',
  legalComments: 'none',
  plugins: [lazyChildProcess],
  logLevel: 'warning',
});
rmSync(`dist.old-${process.pid}`, { recursive: true, force: true });
try {
  renameSync('dist', `dist.old-${process.pid}`);
} catch {
  /* no dist yet */
}
renameSync(out, 'dist');
rmSync(`dist.old-${process.pid}`, { recursive: true, force: true });
