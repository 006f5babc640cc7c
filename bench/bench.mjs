// npm run bench: seeds 10,000 people and 200,000 touchpoints (`--large`: 100,000 and 2,000,000; not for
// CI, it takes several minutes), then times rel's commands beside bare `node -e 0`, interleaved in one
// run so that the machine's mood affects all alike, and prints medians, peak memory and every target of
// issue 13 with a verdict. BENCH_RUNS sets the number of timed runs (default 21; 7 with --large).
//
// The seed is a plausible large network (seeded random, so every run is the same): 15% of the people
// kept on a rhythm, touched about that often, so a few hundred are due on a given morning; the others
// are cards touched now and then; a third with a birthday; a few hundred open follow-ups. A second
// database where everyone with a rhythm is long overdue measures the worst case (the stress case).
//
// Then the import of rel's own export: the normal database is exported (rel export) and imported into
// a fresh file with the built rel (time, peak memory, size per touchpoint against the seeded file,
// which has no undo journal). Last, everyone exported as vCards and as CSV and each file imported into
// a fresh database (time and peak memory; targets for 100,000 people with --large).
import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { random } from './random.mjs';

const LARGE = process.argv.includes('--large');
const SCALE = LARGE ? 10 : 1;
const root = fileURLToPath(new URL('..', import.meta.url));
const work = join(root, 'bench', '.work');
const bin = join(root, 'bin', 'rel.js');
const PEOPLE = 10_000 * SCALE;
const TOUCHES = 200_000 * SCALE;
const KEPT = 1_500 * SCALE;
const RUNS = Number(process.env.BENCH_RUNS ?? (LARGE ? 7 : 21));
const MEMORY_RUNS = 3;
const TIME = '/usr/bin/time'; // GNU time: the peak resident memory of a child (%M, KiB)

// --reuse (with BENCH_KEEP=1 on the run before): start again from the databases the last run seeded, for a
// quick re-run. They are kept as seeded (*.seed.db) and copied afresh for each run: the timed rel log, note
// and snooze write to the bench's person, and a kept database that took every run's writes had given that
// person 545 notes and 622 touches after a few dozen runs, which `rel show` and `rel brief` then printed.
const seeded = (path) => path.replace(/\.db$/, '.seed.db');
const REUSE = process.argv.includes('--reuse') && ['bench.db', 'stress.db'].every((f) => existsSync(seeded(join(work, f))));
if (!REUSE) rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });

const today = new Date();
const day = (daysAgo) => {
  const d = new Date(today.getFullYear(), today.getMonth(), today.getDate() - daysAgo);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

function seed(path, { stress }) {
  const env = { ...process.env, REL_DB: path };
  if (REUSE) {
    for (const suffix of ['', '-wal', '-shm', '.checked']) rmSync(path + suffix, { force: true });
    copyFileSync(seeded(path), path);
    return described(path, env);
  }
  const init = spawnSync(process.execPath, [bin, 'add', 'Bench Seed Placeholder'], { env, encoding: 'utf8' });
  if (init.status !== 0) throw new Error(init.stderr);
  const rnd = random(42);
  const pick = (xs) => xs[Math.floor(rnd() * xs.length)];
  const sql = new Database(path);
  const stamp = '2024-01-01T00:00:00.000Z';
  sql.transaction(() => {
    sql.exec('DELETE FROM people; DELETE FROM changes;');
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
  sql.close(); // checkpointed: the whole database is in the one file
  if (process.env.BENCH_KEEP) copyFileSync(path, seeded(path));
  return described(path, env);
}

function described(path, env) {
  const sql = new Database(path, { readonly: true });
  const counts = sql.prepare('SELECT (SELECT COUNT(*) FROM people) AS people, (SELECT COUNT(*) FROM touchpoints) AS touches').get();
  sql.close();
  const due = JSON.parse(spawnSync(process.execPath, [bin, 'due', '--json'], { env, encoding: 'utf8', maxBuffer: 1 << 30 }).stdout);
  return { ...counts, due: due.length, env, bytes: statSync(path).size };
}

const t0 = performance.now();
const normal = seed(join(work, 'bench.db'), { stress: false });
const stress = seed(join(work, 'stress.db'), { stress: true });
console.log(`${process.version}; seeded ${normal.people} people, ${normal.touches} touchpoints (${normal.due} items due); ` +
  `stress database: ${stress.due} items due (${Math.round(performance.now() - t0)} ms)`);

const who = `Person ${Math.floor(KEPT * 0.7)} Benchmark`;
const node = (args, env) => [process.execPath, args, env];
/** name -> [command, args, env, target]; a target is { ratio } (x bare node) or { ms }. */
const daily = LARGE ? 1.6 : 1.3;
const cases = {
  'node -e 0': [...node(['-e', '0'], normal.env), null],
  'rel due': [...node([bin, 'due'], normal.env), { ratio: daily }],
  'rel due --json': [...node([bin, 'due', '--json'], normal.env), { ratio: daily }],
  'rel log': [...node([bin, 'log', who, '-m', 'bench'], normal.env), { ratio: daily }],
  'rel show': [...node([bin, 'show', who], normal.env), { ratio: daily }],
  'rel brief': [...node([bin, 'brief', who], normal.env), { ratio: daily }],
  'rel stats': [...node([bin, 'stats'], normal.env), { ratio: daily }],
  'rel note': [...node([bin, 'note', who, 'bench fact'], normal.env), { ratio: daily }],
  'rel snooze': [...node([bin, 'snooze', who, '2w'], normal.env), { ratio: daily }],
  'rel list': [...node([bin, 'list'], normal.env), LARGE ? null : { ratio: 2 }],
  'rel list --json': [...node([bin, 'list', '--json'], normal.env), LARGE ? { ms: 1000 } : { ratio: 2 }],
  'rel ledger': [...node([bin, 'ledger'], normal.env), LARGE ? null : { ratio: 2 }],
  'rel ledger --json': [...node([bin, 'ledger', '--json'], normal.env), LARGE ? { ms: 1000 } : { ratio: 2 }],
  // Into a file, as it is used: its 90 MB (900 MB with --large) on this process's stdout were held here,
  // and every process spawned after it started slower (bare node 140 ms instead of 40 with --large).
  'rel export --format json': [...node([bin, 'export', '--format', 'json', '-o', join(work, 'timed-export.json'), '--force'], normal.env), LARGE ? null : { ratio: 2 }],
  'rel due (stress)': [...node([bin, 'due'], stress.env), LARGE ? { ratio: 2 } : null],
};
const DAILY = new Set(['rel due', 'rel due --json', 'rel log', 'rel show', 'rel brief', 'rel stats', 'rel note', 'rel snooze']);

const times = Object.fromEntries(Object.keys(cases).map((k) => [k, []]));
for (let r = 0; r < RUNS; r++) {
  for (const [name, [cmd, args, env]] of Object.entries(cases)) {
    const start = performance.now();
    const res = spawnSync(cmd, args, { env: { ...env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 2 ** 31 });
    const ms = performance.now() - start;
    if (res.status !== 0) throw new Error(`${name} failed: ${res.stderr}`);
    times[name].push(ms);
  }
}

/** Peak resident memory (MiB) of one run of `cmd args`, through GNU time. */
function peak(cmd, args, env) {
  const out = join(work, 'time.txt');
  const res = spawnSync(TIME, ['-f', '%M', '-o', out, cmd, ...args], { env: { ...env, NO_COLOR: '1' }, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 2 ** 31 });
  if (res.status !== 0) throw new Error(`${args.join(' ')} failed: ${res.stderr}`);
  return Number(readFileSync(out, 'utf8').trim().split('\n').at(-1)) / 1024;
}
/** Wall time (s) and peak memory (MiB, NaN without GNU time) of one run of rel with `args`. */
function timed(args, env) {
  const started = performance.now();
  const mib = hasTime ? peak(process.execPath, args, env) : NaN;
  if (!hasTime) {
    const res = spawnSync(process.execPath, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
    if (res.status !== 0) throw new Error(`${args.join(' ')} failed: ${res.stderr}`);
  }
  return { seconds: (performance.now() - started) / 1000, mib };
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const hasTime = existsSync(TIME);
const memory = {};
if (hasTime) {
  for (const [name, [cmd, args, env]] of Object.entries(cases)) {
    memory[name] = median(Array.from({ length: MEMORY_RUNS }, () => peak(cmd, args, env)));
  }
}

const base = median(times['node -e 0']);
const baseMem = memory['node -e 0'];
let failures = 0;
const verdict = (ok, what) => {
  if (!ok) failures++;
  return ok ? `ok (${what})` : `OVER (${what})`;
};
console.log(`\n${RUNS} runs each, interleaved; median wall time${hasTime ? `; peak memory, median of ${MEMORY_RUNS}` : ''}:`);
for (const [name, [, , , target]] of Object.entries(cases)) {
  const m = median(times[name]);
  const ratio = m / base;
  let text = '';
  if (name !== 'node -e 0') {
    if (target?.ratio) text = verdict(ratio <= target.ratio, `target <= ${target.ratio}x`);
    else if (target?.ms) text = verdict(m <= target.ms, `target <= ${target.ms} ms`);
    else text = '(reported only)';
  }
  let mem = '';
  if (hasTime) {
    const r = memory[name] / baseMem;
    mem = `${memory[name].toFixed(0).padStart(5)} MiB ${r.toFixed(2)}x`;
    if (DAILY.has(name)) mem += r <= 1.5 ? ' ok' : ' OVER';
  }
  console.log(`  ${name.padEnd(24)} ${m.toFixed(1).padStart(8)} ms ${ratio.toFixed(2).padStart(6)}x  ${mem.padEnd(20)} ${text}`);
}
if (hasTime) console.log('  (memory of the daily commands: target <= 1.5x bare node\'s)');

// The import of rel's own export into a fresh database.
const exported = join(work, 'network.json');
rmSync(exported, { force: true }); // left by a run before (BENCH_KEEP=1, then --reuse)
const ex = spawnSync(process.execPath, [bin, 'export', '-o', exported], { env: normal.env, encoding: 'utf8' });
if (ex.status !== 0) throw new Error(`export failed: ${ex.stderr}`);
const imported = join(work, 'imported.db');
rmSync(imported, { force: true });
const { seconds, mib } = timed([bin, 'import', exported, '--json'], { ...process.env, REL_DB: imported });
const size = statSync(imported).size;
const journal = new Database(imported, { readonly: true });
const journalRows = journal.prepare('SELECT COUNT(*) FROM change_rows').pluck().get();
journal.close();
const [goalS, goalMiB] = LARGE ? [30, 1024] : [3, 300];
console.log(`\nrel import of its own export (${(statSync(exported).size / 2 ** 20).toFixed(0)} MiB of JSON):`);
console.log(`  ${seconds.toFixed(1)} s, ${verdict(seconds <= goalS, `target <= ${goalS} s`)}; peak ${mib.toFixed(0)} MiB, ${verdict(mib <= goalMiB, `target <= ${goalMiB} MiB`)}`);
console.log(`  database ${(size / 2 ** 20).toFixed(0)} MiB, ${Math.round(size / normal.touches)} bytes per touchpoint; the undo journal holds ${journalRows} rows`);
console.log(`  the same data without the journal (the seeded file): ${(normal.bytes / 2 ** 20).toFixed(0)} MiB, ` +
  `${Math.round(normal.bytes / normal.touches)} bytes per touchpoint: ${(size / normal.bytes).toFixed(2)}x, ${verdict(size / normal.bytes <= 1.3, 'target <= 1.3x')}`);
// Everyone as vCards and as CSV (rel's own export of each, as another program would hand them over),
// then each imported into a fresh database: the 100,000-contact address book of issue 13.
console.log(`\nrel export and import of everyone as vCard and CSV${LARGE ? '' : ' (targets with --large: 100,000 people)'}:`);
for (const format of ['vcard', 'csv']) {
  const file = join(work, `people.${format}`);
  const out = timed([bin, 'export', '--format', format, '-o', file, '--force'], normal.env);
  const fresh = join(work, `imported-${format}.db`);
  for (const f of [fresh, `${fresh}-wal`, `${fresh}-shm`]) rmSync(f, { force: true });
  const into = timed([bin, 'import', file, '--json'], { ...process.env, REL_DB: fresh });
  const mb = (statSync(file).size / 2 ** 20).toFixed(0);
  const goal = (what, r, seconds) =>
    LARGE ? `${verdict(r.seconds <= seconds, `target <= ${seconds} s`)}, ${verdict(r.mib <= 500, 'target <= 500 MiB')}` : `(${what} reported only)`;
  console.log(`  ${format.padEnd(5)} export ${out.seconds.toFixed(2)} s, peak ${out.mib.toFixed(0)} MiB ${goal('export', out, 5)}; ` +
    `import of its ${mb} MiB ${into.seconds.toFixed(2)} s, peak ${into.mib.toFixed(0)} MiB ${goal('import', into, 10)}`);
}

console.log(failures === 0 ? '\nEvery target holds.' : `\n${failures} target(s) missed.`);
if (!process.env.BENCH_KEEP) rmSync(work, { recursive: true, force: true });
