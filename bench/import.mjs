// node bench/import.mjs (after npm run build): times `rel import` of 10,000 synthetic vCards and of a
// 10,000-row LinkedIn Connections.csv, each into a fresh database, with the built bin/rel.js, then
// re-imports each file into the same database (everything "already up to date"). Goal: under 3 s each.
// The people are made up (seeded, so every run is the same); the files reproduce the real quirks:
// CRLF, folded lines, escapes, accents and emoji in vCards; a BOM and a "Notes:" preamble in the CSV.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { random } from './random.mjs';

const bin = fileURLToPath(new URL('../bin/rel.js', import.meta.url));
const N = Number(process.env.BENCH_IMPORT_N ?? 10_000);
const GOAL_S = 3;
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

function time(label, file, db) {
  const t = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [bin, 'import', file, '--json'], { env: { ...process.env, REL_DB: db }, encoding: 'utf8' });
  const s = Number(process.hrtime.bigint() - t) / 1e9;
  if (r.status !== 0) throw new Error(`${label}: exit ${r.status}: ${r.stderr}`);
  const v = JSON.parse(r.stdout);
  const verdict = s < GOAL_S ? 'ok' : 'SLOW';
  console.log(`${label.padEnd(34)} ${s.toFixed(2).padStart(6)} s  (goal < ${GOAL_S} s: ${verdict})  added ${v.added}, merged ${v.merged}, skipped ${v.skipped}`);
  return s;
}

console.log(`rel import, ${N.toLocaleString('en')} records, ${process.version}`);
time('vCards into a fresh database', vcf, join(work, 'a.db'));
time('vCards again (nothing changes)', vcf, join(work, 'a.db'));
time('LinkedIn CSV into a fresh database', csv, join(work, 'b.db'));
time('LinkedIn CSV again', csv, join(work, 'b.db'));
time('LinkedIn CSV onto the vCards', csv, join(work, 'a.db'));
rmSync(work, { recursive: true, force: true });
