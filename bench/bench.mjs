// npm run bench: seeds 10,000 people and 200,000 touchpoints, then times rel's daily commands beside
// bare `node -e 0`, interleaved in one run so that the machine's mood affects all alike. Prints medians.
// Target: each command at most 1.5x bare node.
//
// The seed is a plausible large network (seeded random, so every run is the same): 1,500 people kept
// on a rhythm, touched about that often, so a few hundred are due on a given morning; 8,500 cards
// touched now and then; a third with a birthday; a few hundred open follow-ups. A second database where
// everyone with a rhythm is long overdue measures the worst case; it is reported, not held to the target.
import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { random } from './random.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const work = join(root, 'bench', '.work');
const bin = join(root, 'bin', 'rel.js');
const PEOPLE = 10_000;
const TOUCHES = 200_000;
const KEPT = 1_500;
const RUNS = Number(process.env.BENCH_RUNS ?? 21);

rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });

const today = new Date();
const day = (daysAgo) => {
  const d = new Date(today.getFullYear(), today.getMonth(), today.getDate() - daysAgo);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

function seed(path, { stress }) {
  const env = { ...process.env, REL_DB: path };
  const init = spawnSync(process.execPath, [bin, 'add', 'Bench Seed'], { env, encoding: 'utf8' }); // creates the database
  if (init.status !== 0) throw new Error(init.stderr);
  const rnd = random(42);
  const pick = (xs) => xs[Math.floor(rnd() * xs.length)];
  const sql = new Database(path);
  const stamp = '2024-01-01T00:00:00.000Z';
  sql.transaction(() => {
    sql.prepare('DELETE FROM people').run();
    const person = sql.prepare(`INSERT INTO people (id, name, name_key, tags, every_days, birthday, added_on, created_at, updated_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    const touch = sql.prepare(`INSERT INTO touchpoints (id, person_id, group_id, date, via, note, give, ask, created_at, updated_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    const followUp = sql.prepare(`INSERT INTO follow_ups (id, person_id, touchpoint_id, due_on, note, created_at, updated_at)
      VALUES (?, ?, ?, ?, 'send the deck', ?, ?)`);
    let left = TOUCHES;
    const add = (personId, daysAgo) => {
      const id = randomUUID();
      const give = rnd() < 0.15 ? pick(['intro', 'advice', 'help', 'gift']) : null;
      const ask = rnd() < 0.03 ? pick(['referral', 'advice', 'favor']) : null;
      touch.run(id, personId, randomUUID(), day(daysAgo), pick(['meeting', 'call', 'email', 'message']), `talked about ${daysAgo}`, give, ask, stamp, stamp);
      left--;
      return id;
    };
    for (let i = 0; i < PEOPLE; i++) {
      const id = randomUUID();
      const kept = i < KEPT;
      const every = kept ? pick([7, 14, 30, 30, 30, 90, 90, 365]) : null;
      const name = `Person ${i} Benchmark`;
      const bday = rnd() < 1 / 3 ? `${rnd() < 0.5 ? '--' : `${1960 + Math.floor(rnd() * 40)}-`}${String(1 + Math.floor(rnd() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rnd() * 28)).padStart(2, '0')}` : null;
      person.run(id, name, name.toLowerCase(), JSON.stringify([pick(['work', 'friends', 'family', 'lisbon'])]), every, bday, day(1200), stamp, stamp);
      if (kept) {
        // Touched about every `every` days, the last one somewhere in the last 1.4 rhythms
        // (stress: 3 to 6 rhythms ago, so everyone kept is overdue).
        let ago = Math.floor(stress ? every * (3 + 3 * rnd()) : every * 1.4 * rnd());
        let n = Math.floor((TOUCHES * 0.85) / KEPT);
        let last;
        while (n-- > 0 && ago < 1100) {
          last = add(id, ago);
          ago += Math.max(1, Math.round(every * (0.5 + rnd())));
        }
        if (rnd() < 0.2 && last) followUp.run(randomUUID(), id, null, day(Math.floor(rnd() * 30) - 10), stamp, stamp);
      }
    }
    // The rest: cards touched now and then over three years.
    const cards = sql.prepare('SELECT id FROM people WHERE every_days IS NULL').pluck().all();
    while (left > 0) add(pick(cards), Math.floor(rnd() * 1100));
  })();
  const counts = sql.prepare('SELECT (SELECT COUNT(*) FROM people) AS people, (SELECT COUNT(*) FROM touchpoints) AS touches').get();
  sql.close();
  const due = JSON.parse(spawnSync(process.execPath, [bin, 'due', '--json'], { env, encoding: 'utf8', maxBuffer: 1 << 30 }).stdout);
  return { ...counts, due: due.length, env };
}

const t0 = performance.now();
const normal = seed(join(work, 'bench.db'), { stress: false });
const stress = seed(join(work, 'stress.db'), { stress: true });
console.log(`seeded ${normal.people} people, ${normal.touches} touchpoints (${normal.due} items due); ` +
  `stress database: ${stress.due} items due (${Math.round(performance.now() - t0)} ms)`);

const node = (args, env) => [process.execPath, args, env];
const cases = {
  'node -e 0': node(['-e', '0'], normal.env),
  'rel due': node([bin, 'due'], normal.env),
  'rel due --json': node([bin, 'due', '--json'], normal.env),
  'rel log': node([bin, 'log', 'Person 4242 Benchmark', '-m', 'bench'], normal.env),
  'rel brief': node([bin, 'brief', 'Person 4242 Benchmark'], normal.env),
  'rel stats': node([bin, 'stats'], normal.env),
  'rel due (stress)': node([bin, 'due'], stress.env),
};
const times = Object.fromEntries(Object.keys(cases).map((k) => [k, []]));
for (let r = 0; r < RUNS; r++) {
  for (const [name, [cmd, args, env]] of Object.entries(cases)) {
    const start = performance.now();
    const res = spawnSync(cmd, args, { env: { ...env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 30 });
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
  const verdict =
    name === 'node -e 0' ? '' : name.includes('stress') ? '  (worst case, reported only)' : ratio <= 1.5 ? '  ok (target <= 1.5x)' : '  OVER the 1.5x target';
  console.log(`  ${name.padEnd(18)} ${m.toFixed(1).padStart(7)} ms  ${ratio.toFixed(2)}x${verdict}`);
}
if (!process.env.BENCH_KEEP) rmSync(work, { recursive: true, force: true });
