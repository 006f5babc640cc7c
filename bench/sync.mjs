// node bench/sync.mjs (after npm run build): times `rel sync` with the built bin/rel.js on 10,000 people.
//   first sync, rel -> an empty vdir (10,000 cards written)          goal <= 10 s
//   first sync, a full vdir -> an empty rel (10,000 people created)  goal <= 10 s
//   a sync with nothing changed                                      goal <= 1 s
//   100 changed (50 edited in rel, 50 cards edited in the vdir)      goal <= 2 s
// and, with no goal set by the issue, 10,000 touches to a calendar vdir (first sync, then unchanged).
// The people are made up (seeded): bench/import.mjs's kind of vCards, imported with rel import first.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { random } from './random.mjs';

const bin = fileURLToPath(new URL('../bin/rel.js', import.meta.url));
const N = Number(process.env.BENCH_SYNC_N ?? 10_000);
const work = mkdtempSync(join(tmpdir(), 'rel-bench-sync-'));
const rnd = random(11);
const pick = (xs) => xs[Math.floor(rnd() * xs.length)];
const FIRST = ['Ana', 'José', 'Zoë', 'Maya', 'Tomás', 'Søren', 'Aiko', 'Ngozi', 'Layla', 'Dmitri'];
const LAST = ['Núñez', 'Chen', 'Okafor', 'Haddad', 'Ivanov', 'Martin', 'Tanaka', 'Berg'];
const cards = [];
for (let i = 0; i < N; i++) {
  const first = pick(FIRST);
  const last = `${pick(LAST)}${i}`;
  cards.push(['BEGIN:VCARD', 'VERSION:3.0', `N:${last};${first};;;`, `FN:${first} ${last}`, `EMAIL;type=INTERNET:p${i}@example.com`,
    `TEL;type=CELL:+1 555 ${String(i).padStart(7, '0')}`, 'ORG:Contoso', `NOTE:Met at meetup ${i}`, 'CATEGORIES:bench', 'END:VCARD'].join('\r\n'));
}
const vcf = join(work, 'people.vcf');
writeFileSync(vcf, `${cards.join('\r\n')}\r\n`);

const results = [];
// CPU seconds of the children this process waited for (/proc/self/stat cutime + cstime): the machine
// may be shared, and wall time then says more about the neighbours than about rel.
const childCpu = () => {
  try {
    const f = readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
    return (Number(f[13]) + Number(f[14])) / 100;
  } catch {
    return NaN;
  }
};
function rel(db, args, label, goal) {
  const t = process.hrtime.bigint();
  const cpu0 = childCpu();
  const r = spawnSync(process.execPath, [bin, ...args], { env: { ...process.env, REL_DB: db }, encoding: 'utf8', maxBuffer: 1 << 28 });
  const s = Number(process.hrtime.bigint() - t) / 1e9;
  const cpu = childCpu() - cpu0;
  if (r.status !== 0) throw new Error(`${label}: exit ${r.status}: ${r.stderr}`);
  if (label) {
    const json = JSON.parse(r.stdout);
    const v = { to_rel: [...json.contacts.to_rel, ...(json.journal?.to_rel ?? [])], to_vdir: [...json.contacts.to_vdir, ...(json.journal?.to_vdir ?? [])] };
    const verdict = s <= goal ? 'ok' : 'SLOW';
    console.log(`${label.padEnd(40)} ${s.toFixed(2).padStart(6)} s  (cpu ${cpu.toFixed(2)} s; goal <= ${goal} s: ${verdict})  to rel ${v.to_rel.length}, to vdir ${v.to_vdir.length}`);
    results.push(s <= goal);
  }
  return r;
}

console.log(`rel sync, ${N.toLocaleString('en')} people, ${process.version}`);
try {
  // Device 1: people in rel, an empty vdir.
  const db1 = join(work, 'one.db');
  const dir = join(work, 'contacts');
  mkdirSync(dir);
  rel(db1, ['import', vcf, '--json']);
  rel(db1, ['sync', '--contacts', dir, '--json'], 'first sync, rel -> empty vdir', 10);
  rel(db1, ['sync', '--contacts', dir, '--json'], 'nothing changed', 1);
  // 50 people edited in rel, 50 cards edited in the vdir (as vdirsyncer would bring them).
  const db = new Database(db1);
  const ids = db.prepare('SELECT id FROM people ORDER BY rowid LIMIT 100').pluck().all();
  const stamp = new Date(Date.now() + 1000).toISOString();
  for (const id of ids.slice(0, 50)) db.prepare('UPDATE people SET title = ?, updated_at = ? WHERE id = ?').run('Edited in rel', stamp, id);
  db.close();
  for (const id of ids.slice(50)) {
    const file = join(dir, `${id}.vcf`);
    writeFileSync(file, readFileSync(file, 'utf8').replace('END:VCARD', 'TITLE:Edited on a phone\r\nEND:VCARD'));
  }
  rel(db1, ['sync', '--contacts', dir, '--json'], '100 changed (50 each side)', 2);
  // The calendar side, for the record (no goal): one touch a person, 10,000 VJOURNALs.
  const journal = join(work, 'journal');
  mkdirSync(journal);
  const jdb = new Database(db1);
  const touch = jdb.prepare(`INSERT INTO touchpoints (id, person_id, group_id, date, via, note, created_at, updated_at)
    VALUES (?, ?, ?, '2026-01-15', 'call', 'a call', '2026-01-15T10:00:00Z', '2026-01-15T10:00:00Z')`);
  jdb.transaction(() => {
    for (const [i, id] of jdb.prepare('SELECT id FROM people').pluck().all().entries()) touch.run(`t${i}`, id, `g${i}`);
  })();
  jdb.close();
  rel(db1, ['sync', '--contacts', dir, '--journal', journal, '--json'], 'journal: first sync of 10,000 touches', 20);
  rel(db1, ['sync', '--contacts', dir, '--journal', journal, '--json'], 'journal and contacts: nothing changed', 2);
  // Device 2: the full vdir, an empty rel.
  rel(join(work, 'two.db'), ['sync', '--contacts', dir, '--json'], 'first sync, full vdir -> empty rel', 10);
  if (readdirSync(dir).length !== N) throw new Error(`expected ${N} cards, found ${readdirSync(dir).length}`);
} finally {
  if (!process.env.BENCH_KEEP) rmSync(work, { recursive: true, force: true });
}
if (results.includes(false)) process.exitCode = 1;
