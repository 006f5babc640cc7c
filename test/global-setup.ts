/**
 * Once per test run:
 * - refuse to run against a stale build: the end-to-end tests spawn bin/rel.js, which runs dist/, so a
 *   dist/rel.js older than a file in src/ would test yesterday's code (`npm test` builds first);
 * - a private cache folder for the rel processes the tests spawn, so that their code caches
 *   (bin/rel.js) never land in the developer's own ~/.cache.
 */
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Why dist/rel.js under `root` cannot be tested (missing, or older than a file in src/), or undefined when it is fresh. */
export function staleBuild(root: string): string | undefined {
  const built = join(root, 'dist', 'rel.js');
  let builtAt: number;
  try {
    builtAt = statSync(built).mtimeMs;
  } catch {
    return 'there is no dist/rel.js: run `npm run build` (or `npm test`, which builds first)';
  }
  const newer = newestFile(join(root, 'src'));
  if (newer && newer.mtimeMs > builtAt) {
    return `dist/rel.js is older than ${relative(root, newer.path)}: run \`npm run build\` (or \`npm test\`, which builds first)`;
  }
  return undefined;
}

function newestFile(dir: string): { path: string; mtimeMs: number } | undefined {
  let newest: { path: string; mtimeMs: number } | undefined;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    const mtimeMs = statSync(path).mtimeMs;
    if (!newest || mtimeMs > newest.mtimeMs) newest = { path, mtimeMs };
  }
  return newest;
}

export default function setup(): () => void {
  const stale = staleBuild(ROOT);
  if (stale) throw new Error(`rel tests: ${stale}`);
  const dir = mkdtempSync(join(tmpdir(), 'rel-test-cache-'));
  process.env.XDG_CACHE_HOME = dir;
  return () => rmSync(dir, { recursive: true, force: true });
}
