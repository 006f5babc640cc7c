// node bench/capture.mjs (after npm run build): times `rel capture` with the built bin/rel.js (issue 14).
//   1. A 10-year calendar export: 20,000 events, 500 of them weekly series (4 to 104 weeks, each with an
//      EXDATE, some with a moved instance), New York and UTC times, Meet links; 500 of the 3,000 people
//      met are in rel. Captured as a user first runs it (the last 90 days) and again as cron does (from
//      the day of the last capture); then, into another database, all 10 years (--since) and the same
//      again. Goals: capture <= 5 s, again (nothing new) <= 2 s.
//   2. An mbox of made-up 10 KB multipart messages (half sent by me): 10,000 messages (~100 MB) by default;
//      BENCH_BIG=1 writes the 100,000-message (~1 GB) file of the issue into bench/.work/ (kept between
//      runs) and times it: goal <= 30 s and <= 300 MiB peak memory (max RSS, from /usr/bin/time).
// Everything is seeded, so every run is the same.
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { random } from './random.mjs';

const bin = fileURLToPath(new URL('../bin/rel.js', import.meta.url));
const work = fileURLToPath(new URL('./.work/', import.meta.url));
mkdirSync(work, { recursive: true });
const BIG = process.env.BENCH_BIG === '1';
const MESSAGES = BIG ? 100_000 : Number(process.env.BENCH_CAPTURE_MESSAGES ?? 10_000);

const rnd = random(14);
const int = (n) => Math.floor(rnd() * n);
const pad = (n) => String(n).padStart(2, '0');
const NOW = new Date();
const DAY = 86_400_000;
const stamp = (d) => `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}T${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}00`;
const addr = (i) => `person${i}@example${i % 7}.com`;
const KNOWN = 500;
const MET = 3000;

// --- people: the first 500 addresses, imported as vCards
const cards = [];
for (let i = 0; i < KNOWN; i++) cards.push(['BEGIN:VCARD', 'VERSION:3.0', `FN:Person ${i}`, `N:${i};Person;;;`, `EMAIL:${addr(i)}`, 'END:VCARD'].join('\r\n'));
const vcf = join(work, 'capture-people.vcf');
writeFileSync(vcf, `${cards.join('\r\n')}\r\n`);

// --- the calendar
const NY = `BEGIN:VTIMEZONE\r\nTZID:America/New_York\r\nBEGIN:DAYLIGHT\r\nTZOFFSETFROM:-0500\r\nTZOFFSETTO:-0400\r\nTZNAME:EDT\r\nDTSTART:19700308T020000\r\nRRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU\r\nEND:DAYLIGHT\r\nBEGIN:STANDARD\r\nTZOFFSETFROM:-0400\r\nTZOFFSETTO:-0500\r\nTZNAME:EST\r\nDTSTART:19701101T020000\r\nRRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU\r\nEND:STANDARD\r\nEND:VTIMEZONE`;
const attendees = (n) => {
  const out = ['ATTENDEE;CN=Me;PARTSTAT=ACCEPTED:mailto:me@example.com'];
  for (let k = 0; k < n; k++) {
    const i = int(MET);
    out.push(`ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=${rnd() < 0.1 ? 'DECLINED' : 'ACCEPTED'};CN=Person ${i}:mailto:${addr(i)}`);
  }
  return out;
};
const events = [];
const start10y = NOW.getTime() - 3652 * DAY;
for (let e = 0; e < 20_000; e++) {
  const recurring = e < 500;
  const start = new Date(start10y + int(recurring ? 3000 : 3650) * DAY);
  start.setUTCHours(8 + int(10), int(2) * 30, 0, 0);
  const ny = e % 3 === 0;
  const dt = (d) => (ny ? `;TZID=America/New_York:${stamp(d)}` : `:${stamp(d)}Z`);
  const end = new Date(start.getTime() + (30 + 30 * int(2)) * 60_000);
  const lines = ['BEGIN:VEVENT', `DTSTART${dt(start)}`, `DTEND${dt(end)}`, 'DTSTAMP:20260101T000000Z', 'ORGANIZER;CN=Me:mailto:me@example.com',
    `UID:bench-${e}@google.com`, ...attendees(1 + int(recurring ? 2 : 5)), `SUMMARY:${recurring ? 'Weekly sync' : 'Meeting'} ${e}`,
    ...(e % 4 === 0 ? ['X-GOOGLE-CONFERENCE:https://meet.google.com/abc-defg-hij'] : []),
    ...(e % 50 === 7 ? ['STATUS:CANCELLED'] : ['STATUS:CONFIRMED'])];
  if (recurring) {
    lines.push(`RRULE:FREQ=WEEKLY;COUNT=${4 + int(101)}`, `EXDATE${dt(new Date(start.getTime() + 14 * DAY))}`);
  }
  lines.push('END:VEVENT');
  events.push(lines.join('\r\n'));
  if (recurring && e % 5 === 0) {
    const orig = new Date(start.getTime() + 21 * DAY);
    const moved = new Date(orig.getTime() + DAY);
    events.push(['BEGIN:VEVENT', `RECURRENCE-ID${dt(orig)}`, `DTSTART${dt(moved)}`, `DTEND${dt(new Date(moved.getTime() + 30 * 60_000))}`,
      'DTSTAMP:20260101T000000Z', `UID:bench-${e}@google.com`, ...attendees(1), `SUMMARY:Weekly sync ${e} (moved)`, 'END:VEVENT'].join('\r\n'));
  }
}
const ics = join(work, 'capture-10y.ics');
writeFileSync(ics, `BEGIN:VCALENDAR\r\nPRODID:-//Google Inc//Google Calendar 70.9054//EN\r\nVERSION:2.0\r\n${NY}\r\n${events.join('\r\n')}\r\nEND:VCALENDAR\r\n`);

// --- the mbox, written in pieces (1 GB does not fit in one string)
const mbox = join(work, `capture-${MESSAGES}.mbox`);
if (!existsSync(mbox) || !BIG) {
  const fd = openSync(mbox, 'w');
  const filler = 'Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor.\n'.repeat(40);
  const attachment = Buffer.alloc(4200, 7).toString('base64').replace(/.{76}/g, '$&\n');
  const mrnd = random(15);
  let batch = '';
  for (let i = 0; i < MESSAGES; i++) {
    const d = new Date(NOW.getTime() - Math.floor(mrnd() * 3650) * DAY);
    const other = addr(Math.floor(mrnd() * MET));
    const mine = mrnd() < 0.5;
    const from = mine ? 'Me <me@example.com>' : `Person <${other}>`;
    const to = mine ? `Person <${other}>` : 'me@example.com';
    batch += `From ${1_700_000_000_000 + i}@xxx ${d.toUTCString().replace(',', '')}\nX-GM-THRID: ${1_700_000_000_000 + i}\nX-Gmail-Labels: ${mine ? 'Sent' : 'Inbox'}\n` +
      `Message-ID: <bench-${i}@example.com>\nDate: ${d.toUTCString()}\nFrom: ${from}\nTo: ${to}\n` +
      `${i % 20 === 0 ? 'List-Id: <list.example.com>\n' : ''}Subject: =?UTF-8?B?${Buffer.from(`Café ${i}`).toString('base64')}?=\n` +
      `MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary="b${i}"\n\n--b${i}\nContent-Type: text/plain; charset=UTF-8\n\n${filler}\n` +
      `>From the archive\n--b${i}\nContent-Type: application/octet-stream\nContent-Transfer-Encoding: base64\n\n${attachment}\n--b${i}--\n\n`;
    if (batch.length > 4 << 20) {
      writeSync(fd, batch);
      batch = '';
    }
  }
  writeSync(fd, batch);
  closeSync(fd);
}

// --- runs
const hasTime = existsSync('/usr/bin/time');
function rel(label, args, db, env, goal, goalMiB) {
  const argv = [process.execPath, bin, ...args];
  const t = process.hrtime.bigint();
  const r = spawnSync(hasTime ? '/usr/bin/time' : argv[0], hasTime ? ['-f', 'maxrss_kb=%M cpu=%U+%S', ...argv] : argv.slice(1), {
    env: { ...process.env, REL_DB: db, ...env },
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  });
  const s = Number(process.hrtime.bigint() - t) / 1e9;
  if (r.status !== 0) throw new Error(`${label}: exit ${r.status}: ${r.stderr}`);
  const rss = /maxrss_kb=(\d+)/.exec(r.stderr);
  const mib = rss ? Number(rss[1]) / 1024 : null;
  // CPU time (user + system) says what the run costs when the machine is busy with other work too.
  const cpu = /cpu=([\d.]+)\+([\d.]+)/.exec(r.stderr);
  const cpuText = cpu ? ` ${(Number(cpu[1]) + Number(cpu[2])).toFixed(2).padStart(6)} s CPU` : '';
  const ok = s <= goal && (goalMiB === undefined || mib === null || mib <= goalMiB);
  const v = args.includes('--json') ? JSON.parse(r.stdout) : null;
  console.log(
    `${label.padEnd(40)} ${s.toFixed(2).padStart(6)} s${cpuText} ${mib === null ? '' : `${mib.toFixed(0).padStart(4)} MiB`}  (goal <= ${goal} s${goalMiB ? `, <= ${goalMiB} MiB` : ''}: ${ok ? 'ok' : 'SLOW'})` +
      (v ? `  added ${v.touches_added}, updated ${v.touches_updated}, skipped ${JSON.stringify(v.skipped)}` : ''),
  );
  return s;
}

const config = join(work, 'capture-config');
rmSync(config, { recursive: true, force: true });
const env = { XDG_CONFIG_HOME: config };
const freshDb = (name) => {
  const db = join(work, name);
  for (const f of [db, `${db}-wal`, `${db}-shm`]) rmSync(f, { force: true });
  spawnSync(process.execPath, [bin, 'import', vcf], { env: { ...process.env, REL_DB: db, ...env } });
  return db;
};
spawnSync(process.execPath, [bin, 'config', 'set', 'me.emails', 'me@example.com'], { env: { ...process.env, ...env } });
const since = new Date(start10y - DAY).toISOString().slice(0, 10);

console.log(`rel capture, ${process.version}; calendar ${(statSync(ics).size / 1e6).toFixed(1)} MB, mbox ${MESSAGES.toLocaleString('en')} messages ${(statSync(mbox).size / 1e6).toFixed(0)} MB`);
const first = freshDb('capture-first.db');
rel('calendar, first capture (last 90 days)', ['capture', ics, '--json'], first, env, 5);
rel('calendar again, as cron runs it', ['capture', ics, '--json'], first, env, 2); // from the day of the last capture
const db = freshDb('capture.db');
rel('calendar, all 10 years (--since)', ['capture', ics, '--since', since, '--json'], db, env, 5);
rel('calendar again, same --since', ['capture', ics, '--since', since, '--json'], db, env, 2);
rel(`mbox: ${MESSAGES.toLocaleString('en')} messages`, ['capture', mbox, '--since', since, '--json'], db, env, MESSAGES >= 100_000 ? 30 : 3, 300);
rel(`mbox again: nothing new`, ['capture', mbox, '--since', since, '--json'], db, env, MESSAGES >= 100_000 ? 30 : 3, 300);
if (!BIG) rmSync(mbox, { force: true });
