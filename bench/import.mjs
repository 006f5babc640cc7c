// node bench/import.mjs (after npm run build): times `rel import` of 10,000 synthetic vCards and of a
// 10,000-row LinkedIn Connections.csv, each into a fresh database, with the built bin/rel.js, then
// re-imports each file into the same database (everything "already up to date"), then exports the
// people (vCard, CSV, rel JSON). Goal: under 3 s each. With --large (or BENCH_IMPORT_N=100000): 100,000
// records, and issue 13's targets: imports <= 10 s and <= 500 MiB, exports <= 5 s and <= 500 MiB.
// Peak memory through GNU time (/usr/bin/time), when it is there.
// The people are made up (seeded, so every run is the same); the files reproduce the real quirks:
// CRLF, folded lines, escapes, accents and emoji in vCards; a BOM and a "Notes:" preamble in the CSV.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { random } from './random.mjs';

const bin = fileURLToPath(new URL('../bin/rel.js', import.meta.url));
const LARGE = process.argv.includes('--large');
const N = Number(process.env.BENCH_IMPORT_N ?? (LARGE ? 100_000 : 10_000));
const GOAL_S = N >= 100_000 ? 10 : 3;
const GOAL_MIB = 500;
const EXPORT_GOAL_S = 5;
const TIME = '/usr/bin/time';
const work = mkdtempSync(join(tmpdir(), 'rel-bench-import-'));

const rnd = random(7);
const pick = (xs) => xs[Math.floor(rnd() * xs.length)];
const FIRST = ['Ana', 'José', 'Zoë', 'Maya', 'Tomás', 'Søren', 'Aiko', 'Ngozi', 'Layla', 'Dmitri', 'Chloé', 'Li', 'Noa', 'Ren', 'Ivo'];
const LAST = ['Núñez', 'Chen', 'Okafor', 'Haddad', 'Ivanov', 'Martin', 'Tanaka', 'Berg', 'Pérez', 'Novak', 'Lindqvist', 'Costa'];
const COMPANIES = ['Acme, Inc.', 'Contoso', 'Fabrikam', 'Northwind', 'Tailspin', 'Lagos Widgets'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (n) => String(n).padStart(2, '0');

const cards = [];
const rows = [];
for (let i = 0; i < N; i++) {
  const first = pick(FIRST);
  const last = `${pick(LAST)}${i}`;
  const slug = `${first}-${last}`.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  cards.push([
    'BEGIN:VCARD', 'VERSION:3.0', `N:${last};${first};;;`, `FN:${first} ${last}${i % 97 === 0 ? ' 🎉' : ''}`,
    `EMAIL;type=INTERNET;type=HOME:${slug}@example.com`, `TEL;type=CELL:+1 555 ${String(i).padStart(7, '0')}`,
    `ORG:${pick(COMPANIES).replace(',', '\\,')}`, `BDAY:19${50 + (i % 50)}-${pad(1 + (i % 12))}-${pad(1 + (i % 28))}`,
    `NOTE:Met at a made-up meetup number ${i}\\, talked about a long list of things so that this line is fol`,
    ' ded by the writer.',
    'CATEGORIES:bench,synthetic', 'END:VCARD',
  ].join('\r\n'));
  const email = i % 3 === 0 ? `${slug}@example.com` : '';
  rows.push([first, last, `https://www.linkedin.com/in/${slug}`, email, `"${pick(COMPANIES)}"`, 'Engineer',
    `${1 + (i % 28)} ${MONTHS[i % 12]} ${2010 + (i % 15)}`].join(','));
}
const vcf = join(work, 'contacts.vcf');
const csv = join(work, 'Connections.csv');
writeFileSync(vcf, `${cards.join('\r\n')}\r\n`);
writeFileSync(csv, `\uFEFFNotes:\n"Made-up connections for a benchmark."\n\nFirst Name,Last Name,URL,Email Address,Company,Position,Connected On\n${rows.join('\n')}\n`);

/** Runs the built rel; its wall time (s) and peak memory (MiB, NaN without GNU time). */
function run(args, db) {
  const t = process.hrtime.bigint();
  const mem = join(work, 'mem.txt');
  const withTime = existsSync(TIME);
  const [cmd, argv] = withTime ? [TIME, ['-f', '%M', '-o', mem, process.execPath, bin, ...args]] : [process.execPath, [bin, ...args]];
  const r = spawnSync(cmd, argv, { env: { ...process.env, REL_DB: db }, encoding: 'utf8', maxBuffer: 2 ** 31 });
  const s = Number(process.hrtime.bigint() - t) / 1e9;
  if (r.status !== 0) throw new Error(`rel ${args.join(' ')}: exit ${r.status}: ${r.stderr}`);
  const mib = withTime ? Number(readFileSync(mem, 'utf8').trim().split('\n').at(-1)) / 1024 : NaN;
  return { s, mib, stdout: r.stdout };
}

const verdict = (s, mib, goal) => `${s < goal ? 'ok' : 'SLOW'}${Number.isNaN(mib) ? '' : `, ${mib.toFixed(0)} MiB ${mib <= GOAL_MIB ? 'ok' : 'OVER'}`}`;

function time(label, file, db) {
  const { s, mib, stdout } = run(['import', file, '--json'], db);
  const v = JSON.parse(stdout);
  console.log(`${label.padEnd(34)} ${s.toFixed(2).padStart(6)} s  (goal < ${GOAL_S} s, ${GOAL_MIB} MiB: ${verdict(s, mib, GOAL_S)})  added ${v.added}, merged ${v.merged}, skipped ${v.skipped}`);
  return s;
}

function exported(format, db) {
  const out = join(work, `out.${format}`);
  const { s, mib } = run(['export', '--format', format, '-o', out, '--force'], db);
  console.log(`${`export --format ${format}`.padEnd(34)} ${s.toFixed(2).padStart(6)} s  (goal < ${EXPORT_GOAL_S} s, ${GOAL_MIB} MiB: ${verdict(s, mib, EXPORT_GOAL_S)})`);
}

console.log(`rel import, ${N.toLocaleString('en')} records, ${process.version}`);
time('vCards into a fresh database', vcf, join(work, 'a.db'));
time('vCards again (nothing changes)', vcf, join(work, 'a.db'));
// Before the CSV lands on them: an export of exactly N people.
console.log(`rel export of those ${N.toLocaleString('en')} people`);
for (const format of ['vcard', 'csv', 'json']) exported(format, join(work, 'a.db'));
time('LinkedIn CSV into a fresh database', csv, join(work, 'b.db'));
time('LinkedIn CSV again', csv, join(work, 'b.db'));
time('LinkedIn CSV onto the vCards', csv, join(work, 'a.db'));
rmSync(work, { recursive: true, force: true });
