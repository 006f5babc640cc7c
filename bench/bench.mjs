// npm run bench: seeds 10,000 people and 200,000 touchpoints, then times `rel due` and `rel log` beside
// bare `node -e 0`, interleaved in one run so that the machine's mood affects all alike. Prints medians.
// Target: each rel command at most 1.5x bare node.
import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';

const root = fileURLToPath(new URL('..', import.meta.url));
const work = join(root, 'bench', '.work');
const db = join(work, 'bench.db');
const bin = join(root, 'bin', 'rel.js');
const PEOPLE = 10_000;
const TOUCHES = 200_000;
const RUNS = Number(process.env.BENCH_RUNS ?? 21);

rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });
const env = { ...process.env, REL_DB: db, NO_COLOR: '1' };
const rel = (...argv) => spawnSync(process.execPath, [bin, ...argv], { env, encoding: 'utf8' });

// Seed: let rel create the schema, then bulk-insert in one transaction.
const init = rel('list');
if (init.status !== 0) throw new Error(init.stderr);
const t0 = performance.now();
const sql = new Database(db);
const today = new Date();
const day = (offset) => new Date(today.getTime() - offset * 86_400_000).toISOString().slice(0, 10);
const ids = [];
sql.transaction(() => {
  const person = sql.prepare(`INSERT INTO people (id, name, name_key, tags, every_days, birthday, added_on, created_at, updated_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const touch = sql.prepare(`INSERT INTO touchpoints (id, person_id, group_id, date, via, note, give, ask, created_at, updated_at)
    VALUES (?, ?, ?, ?, 'meeting', ?, ?, ?, ?, ?)`);
  const rhythms = [7, 14, 30, 90, 365, null];
  for (let i = 0; i < PEOPLE; i++) {
    const id = randomUUID();
    ids.push(id);
    const name = `Person ${i} Benchmark`;
    const bday = i % 3 === 0 ? `--${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}` : null;
    person.run(id, name, name.toLowerCase(), JSON.stringify(i % 5 ? ['work'] : ['friends']), rhythms[i % rhythms.length], bday, day(800), '2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z');
  }
  for (let i = 0; i < TOUCHES; i++) {
    const kind = i % 7 === 0 ? 'advice' : null;
    touch.run(randomUUID(), ids[i % PEOPLE], randomUUID(), day(i % 700), `note ${i}`, kind, i % 23 === 0 ? 'help' : null, '2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z');
  }
})();
sql.close();
console.log(`seeded ${PEOPLE} people and ${TOUCHES} touchpoints in ${Math.round(performance.now() - t0)} ms`);

const cases = {
  'node -e 0': [process.execPath, ['-e', '0']],
  'rel due': [process.execPath, [bin, 'due']],
  'rel due --json': [process.execPath, [bin, 'due', '--json']],
  'rel log': [process.execPath, [bin, 'log', 'Person 4242 Benchmark', '-m', 'bench']],
};
const times = Object.fromEntries(Object.keys(cases).map((k) => [k, []]));
for (let r = 0; r < RUNS; r++) {
  for (const [name, [cmd, args]] of Object.entries(cases)) {
    const start = performance.now();
    const res = spawnSync(cmd, args, { env, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 30 });
    const ms = performance.now() - start;
    if (res.status !== 0) throw new Error(`${name} failed: ${res.stderr}`);
    times[name].push(ms);
  }
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const base = median(times['node -e 0']);
console.log(`\n${RUNS} runs each, interleaved; median wall time:`);
for (const [name, xs] of Object.entries(times)) {
  const m = median(xs);
  const ratio = m / base;
  const verdict = name === 'node -e 0' ? '' : ratio <= 1.5 ? '  ok (target <= 1.5x)' : '  OVER the 1.5x target';
  console.log(`  ${name.padEnd(16)} ${m.toFixed(1).padStart(7)} ms  ${ratio.toFixed(2)}x${verdict}`);
}
if (!process.env.BENCH_KEEP) rmSync(work, { recursive: true, force: true });
