// A rel process that logs N touches one after another, each a full run of main() with its own
// database connection, starting at a given instant so that several processes collide.
import { createRequire } from 'node:module';

const { main, realDeps } = createRequire(import.meta.url)('../../../dist/rel.js');

const [n, tag, startAt] = process.argv.slice(2);
while (Date.now() < Number(startAt)) {
  /* wait for the others */
}
let failures = 0;
for (let i = 0; i < Number(n); i++) {
  if ((await main(['log', 'maya', '-m', `${tag}-${i}`], realDeps())) !== 0) failures++;
}
process.exitCode = failures === 0 ? 0 : 1;
