// Writes man/rel.1 from the built program (run after build.mjs): `rel __man` walks the same commander
// definitions that print --help, so the man page cannot drift from them.
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const { main, realDeps } = createRequire(import.meta.url)('../dist/rel.js');
const root = fileURLToPath(new URL('..', import.meta.url));
let page = '';
let errors = '';
const code = await main(['__man'], { ...realDeps(), out: { write: (s) => void (page += s) }, err: { write: (s) => void (errors += s) } });
if (code !== 0) {
  process.stderr.write(errors);
  process.exit(code);
}
mkdirSync(`${root}/man`, { recursive: true });
const tmp = `${root}/man/rel.1.new-${process.pid}`;
writeFileSync(tmp, page);
renameSync(tmp, `${root}/man/rel.1`);
