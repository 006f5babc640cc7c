import { copyFileSync, cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { useTempRel } from '../helpers.js';

process.env.TZ = 'UTC';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/capture/${name}`, import.meta.url));
const t = useTempRel({ now: '2026-03-01T09:00' });
const env = () => ({ XDG_CONFIG_HOME: join(t.dir, 'config') });
const rel = (argv: string[]) => t.rel(argv, { env: env() });

async function setUp(people = true) {
  expect((await rel(['config', 'set', 'me.emails', 'me@example.com,Me.Private@gmail.com'])).code).toBe(0);
  if (!people) return;
  for (const [name, email] of [
    ['Maya Chen', 'maya@acme.example'],
    ['Tomás Ruiz', 'tomas.ruiz@gmail.com'],
    ['Ana Maia', 'ana@example.org'],
    ['Ben Okafor', 'ben@contoso.example'],
    ['Lena Vogel', 'lena@fabrikam.example'],
  ]) {
    expect((await rel(['add', name!, '--email', email!])).code).toBe(0);
  }
}

const touches = async (who: string) =>
  (await rel(['show', who, '--json'])).json().touchpoints.map((x: { date: string; via: string; note: string | null; with: string[] }) => [x.date, x.via, x.note, x.with]);

describe('settings for capture', () => {
  it('me.emails and capture.sources are lists set with commas, kept as JSON arrays; bad items are refused', async () => {
    expect((await rel(['config', 'set', 'me.emails', ' me@example.com, Me@Work.example ,'])).out).toBe('me.emails = me@example.com,Me@Work.example\n');
    expect((await rel(['config', 'get', 'me.emails', '--json'])).json()).toMatchObject({ value: ['me@example.com', 'Me@Work.example'], set: true });
    expect(JSON.parse(readFileSync(join(t.dir, 'config', 'rel', 'config.json'), 'utf8'))).toEqual({ 'me.emails': ['me@example.com', 'Me@Work.example'] });
    const bad = await rel(['config', 'set', 'me.emails', 'me@example.com,nobody']);
    expect([bad.code, bad.err]).toEqual([2, 'rel: bad value "me@example.com,nobody" for me.emails: use email addresses separated by commas: you@example.com,you@work.example\n']);
    expect((await rel(['config', 'set', 'capture.notes', 'maybe'])).err).toMatch(/use one of on, off/);
  });
});

describe('rel capture: refusals', () => {
  it('refuses without me.emails, saying how to set it (exit 2)', async () => {
    const r = await rel(['capture', fixture('google.ics')]);
    expect(r.code).toBe(2);
    expect(r.err).toBe(
      'rel: rel capture needs your own email addresses, to know which attendee and which sender is you: rel config set me.emails you@example.com,you@work.example\n',
    );
  });

  it('refuses a file that is neither calendar nor mail with exit 2, naming it, writing nothing', async () => {
    await setUp();
    const odd = join(t.dir, 'notes.txt');
    writeFileSync(odd, 'just some notes\n');
    const r = await rel(['capture', fixture('google.ics'), odd]);
    expect(r.code).toBe(2);
    expect(r.err).toBe(`rel: ${odd} is neither a calendar (iCalendar .ics) nor mail (mbox, Maildir): nothing was captured\n`);
    expect(await touches('maya')).toEqual([]);
    expect((await rel(['capture', join(t.dir, 'missing.ics')])).err).toMatch(/^rel: no such file or folder: .*missing\.ics\n$/);
  });

  it('with no SOURCE and no capture.sources, says how to set them (exit 2)', async () => {
    await setUp(false);
    const r = await rel(['capture']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/rel config set capture.sources/);
  });

  it('refuses a bad --max-people and a future --since', async () => {
    await setUp(false);
    expect((await rel(['capture', fixture('google.ics'), '--max-people', '1'])).err).toMatch(/^rel: bad --max-people "1"/);
    expect((await rel(['capture', fixture('google.ics'), '--since', '2026-04-01'])).code).toBe(2);
  });
});

describe('rel capture: calendars', () => {
  it('captures Google, Outlook and iCloud (a nested folder) exports by the rules, and says what it skipped', async () => {
    await setUp();
    const r = await rel(['capture', fixture('google.ics'), fixture('outlook.ics'), fixture('icloud'), '--since', '2026-01-01', '--json']);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/^rel: skipped a broken event at .*google\.ics:189: /);
    expect(r.json()).toEqual({
      sources: [fixture('google.ics'), fixture('outlook.ics'), fixture('icloud')],
      touches_added: 15,
      touches_updated: 0,
      people_touched: 5,
      skipped: { all_day: 1, broken: 1, cancelled: 1, declined: 1, no_known_people: 1, not_ended: 1, private: 1, too_many_people: 1 },
      unknown: [
        { email: 'priya@startup.example', name: 'Priya Patel', times: 2 },
        { email: 'sam@other.example', name: 'Sam Lee', times: 1 },
      ],
    });
    expect(await touches('maya')).toEqual([
      ['2026-02-23', 'video', 'Maya / me 1:1', []],
      ['2026-02-22', 'meeting', 'Dinner at Maya’s', []],
      ['2026-02-18', 'meeting', 'Lunch: hiring in Lisbon', ['Ana Maia']], // Ben declined; Priya is not in rel
      ['2026-02-16', 'video', 'Maya / me 1:1', []],
      ['2026-02-10', 'video', 'Maya / me 1:1 (moved to Tuesday)', []],
      ['2026-02-02', 'video', 'Maya / me 1:1', []],
      ['2026-01-26', 'video', 'Maya / me 1:1', []],
      ['2026-01-12', 'video', 'Maya / me 1:1', []],
      ['2026-01-05', 'video', 'Maya / me 1:1', []],
    ]);
    expect(await touches('tomas')).toEqual([['2026-02-12', 'meeting', 'Coffee with Tomás', []]]); // matched as t.o.m.a.s.ruiz+cal@googlemail.com
    expect(await touches('ben')).toEqual([['2026-02-11', 'video', 'Late sync with Ben', []]]); // 23:30 Pacific is the 11th here (UTC)
    expect(await touches('lena')).toEqual([['2026-02-20', 'video', 'Roadmap review', []]]);
    expect(await touches('ana')).toEqual([
      ['2026-02-23', 'video', 'Ana: portfolio review', []],
      ['2026-02-20', 'meeting', 'Tokyo breakfast', []],
      ['2026-02-18', 'meeting', 'Lunch: hiring in Lisbon', ['Maya Chen']],
    ]);
  });

  it('is idempotent: capturing again adds nothing', async () => {
    await setUp();
    await rel(['capture', fixture('google.ics'), '--since', '2026-01-01']);
    const again = await rel(['capture', fixture('google.ics'), '--since', '2026-01-01', '--json']);
    expect(again.json()).toMatchObject({ touches_added: 0, touches_updated: 0, people_touched: 0, skipped: { already_captured: 9 } });
    expect(await touches('maya')).toHaveLength(8);
  });

  it('an event whose summary or attendees changed updates its touch in place', async () => {
    await setUp();
    const cal = join(t.dir, 'cal.ics');
    copyFileSync(fixture('google.ics'), cal);
    await rel(['capture', cal, '--since', '2026-01-01']);
    writeFileSync(
      cal,
      readFileSync(cal, 'utf8')
        .replace('SUMMARY:Coffee with Tomás', 'SUMMARY:Coffee with Tomás and Ana')
        .replace('mailto:t.o.m.a.s.ruiz+cal@googlemail.com', 'mailto:t.o.m.a.s.ruiz+cal@googlemail.com\r\nATTENDEE;PARTSTAT=ACCEPTED;CN=Ana:mailto:ana@example.org')
        .replace('ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED;CN=Ana Maia;X-NUM-GUESTS=0:mailto:ana@example.org\r\n', ''),
    );
    const r = await rel(['capture', cal, '--since', '2026-01-01', '--json']);
    expect(r.json()).toMatchObject({ touches_added: 0, touches_updated: 3, people_touched: 3 });
    expect(await touches('tomas')).toEqual([['2026-02-12', 'meeting', 'Coffee with Tomás and Ana', ['Ana Maia']]]);
    expect(await touches('ana')).toEqual([['2026-02-12', 'meeting', 'Coffee with Tomás and Ana', ['Tomás Ruiz']]]); // and no longer at the lunch
    expect((await touches('maya'))[1]).toEqual(['2026-02-18', 'meeting', 'Lunch: hiring in Lisbon', []]);
  });

  it('--dry-run writes nothing and shows what would be logged', async () => {
    await setUp();
    const r = await rel(['capture', fixture('google.ics'), '--since', '2026-01-01', '--dry-run']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Would capture 10 new touches with 3 people from 1 source\.\n/);
    expect(await touches('maya')).toEqual([]);
    expect((await rel(['undo', '--list', '--json'])).json().filter((c: { command: string }) => c.command === 'capture')).toEqual([]);
  });

  it('--add-unknown adds the people met who are not in rel, and their meetings', async () => {
    await setUp();
    const r = await rel(['capture', fixture('google.ics'), '--since', '2026-01-01', '--add-unknown']);
    expect(r.out).toMatch(/Added 2 people not in rel: Priya Patel <priya@startup.example> \(2\), Sam Lee <sam@other.example> \(1\)\./);
    expect(await touches('priya')).toEqual([
      ['2026-02-19', 'video', 'Intro call', ['Sam Lee']],
      ['2026-02-18', 'meeting', 'Lunch: hiring in Lisbon', ['Ana Maia', 'Maya Chen']],
    ]);
    expect((await rel(['show', 'sam', '--json'])).json()).toMatchObject({ name: 'Sam Lee', emails: ['sam@other.example'] });
  });

  it('is one undoable change, and closes no follow-up', async () => {
    await setUp();
    // Logged on the day, as a follow-up is set (one before today is refused): due 2026-02-10, late by today.
    const logged = await t.rel(['log', 'tomas', '-m', 'send the deck', '--follow-up', '2026-02-10'], { env: env(), now: '2026-02-01T18:00' });
    expect(logged.code).toBe(0);
    await rel(['capture', fixture('google.ics'), '--since', '2026-01-01']);
    const due = (await rel(['due', '--json'])).json();
    expect(due.filter((d: { reason: string }) => d.reason === 'follow-up').map((d: { name: string }) => d.name)).toEqual(['Tomás Ruiz']);
    const undo = await rel(['undo']);
    expect(undo.code).toBe(0);
    expect(await touches('maya')).toEqual([]);
    expect(await touches('tomas')).toEqual([['2026-02-01', 'meeting', 'send the deck', []]]);
    // and after the undo, capturing again captures again
    expect((await rel(['capture', fixture('google.ics'), '--since', '2026-01-01', '--json'])).json().touches_added).toBe(10);
  });

  it('without --since: 90 days back the first time, then from the day of the last capture', async () => {
    await setUp();
    const dir = join(t.dir, 'cal');
    cpSync(fixture('icloud'), dir, { recursive: true });
    const first = await t.rel(['capture', dir, '--json'], { env: env(), now: '2026-05-20T09:00' });
    expect(first.json()).toMatchObject({ touches_added: 2, skipped: {} }); // 2026-02-22 is within 90 days of 2026-05-20
    const late = await t.rel(['capture', fixture('google.ics'), '--json'], { env: env(), now: '2026-05-25T09:00' });
    expect(late.json().skipped.before_since).toBeGreaterThan(0); // the January 1:1s are more than 90 days back
    const again = await t.rel(['capture', dir, '--json'], { env: env(), now: '2026-06-01T09:00' });
    expect(again.json()).toMatchObject({ touches_added: 0, skipped: { before_since: 2 } }); // since 2026-05-20
  });

  it('reads capture.sources when no SOURCE is given; -q prints nothing', async () => {
    await setUp();
    await rel(['config', 'set', 'capture.sources', `${fixture('icloud')},${fixture('outlook.ics')}`]);
    const r = await rel(['capture', '-q', '--since', '2026-01-01']);
    expect([r.code, r.out, r.err]).toEqual([0, '', '']);
    expect((await touches('ana')).map((x: string[]) => x[2])).toEqual(['Ana: portfolio review', 'Tokyo breakfast']);
  });

  it('capture.notes off stores no note; --max-people and --include-private change what is captured', async () => {
    await setUp();
    await rel(['config', 'set', 'capture.notes', 'off']);
    const r = await rel(['capture', fixture('google.ics'), '--since', '2026-02-15', '--include-private', '--max-people', '20', '--json']);
    expect(r.json().skipped).toEqual({ all_day: 1, before_since: 8, broken: 1, no_known_people: 1, not_ended: 1 });
    expect(await touches('tomas')).toEqual([['2026-02-15', 'meeting', null, []]]);
  });
});

describe('rel capture: mail', () => {
  it('a Takeout mbox: one email touch per person per day, lists and bulk skipped, subjects decoded', async () => {
    await setUp();
    const r = await rel(['capture', fixture('takeout.mbox'), '--since', '2026-01-01', '--json']);
    expect(r.err).toMatch(/^rel: skipped a broken message at .*takeout\.mbox: message 10 \(byte \d+\): no Date header\n$/);
    expect(r.json()).toEqual({
      sources: [fixture('takeout.mbox')],
      touches_added: 3,
      touches_updated: 0,
      people_touched: 3,
      skipped: { bulk: 3, before_since: 1, broken: 1, received: 1, too_many_people: 1 },
      unknown: [{ email: 'priya@startup.example', name: 'Priya Patel', times: 1 }],
    });
    expect(await touches('maya')).toEqual([['2026-02-10', 'email', 'Café ☕ next week?', []]]); // two messages that day: one touch
    expect(await touches('tomas')).toEqual([['2026-02-11', 'email', 'Grüße aus München', []]]);
    expect(await touches('ana')).toEqual([['2026-02-12', 'email', '“Quotes” and € for the deck', []]]);
  });

  it('--received counts mail from a known person; capturing again adds nothing (by Message-ID)', async () => {
    await setUp();
    await rel(['capture', fixture('takeout.mbox'), '--since', '2026-01-01']);
    const r = await rel(['capture', fixture('takeout.mbox'), '--since', '2026-01-01', '--received', '--json']);
    expect(r.json()).toMatchObject({ touches_added: 1, touches_updated: 0, skipped: { already_captured: 4 } });
    expect((await touches('maya'))[0]).toEqual(['2026-02-13', 'email', '日本の写真', []]);
    const again = await rel(['capture', fixture('takeout.mbox'), '--since', '2026-01-01', '--received', '--json']);
    expect(again.json()).toMatchObject({ touches_added: 0, touches_updated: 0 });
  });

  it('a later message on a day already captured joins that day’s touch', async () => {
    await setUp();
    const box = join(t.dir, 'sent.mbox');
    const first = readFileSync(fixture('takeout.mbox'), 'latin1').split(/(?=^From \d)/m)[0]!;
    writeFileSync(box, first, 'latin1');
    await rel(['capture', box, '--since', '2026-01-01']);
    writeFileSync(
      box,
      `${first}From 1@xxx Tue Feb 10 20:00:00 +0000 2026\nMessage-ID: <late@x>\nDate: Tue, 10 Feb 2026 20:00:00 +0000\nFrom: me@example.com\nTo: maya@acme.example\nSubject: The address\n\nHere.\n`,
      'latin1',
    );
    const r = await rel(['capture', box, '--since', '2026-01-01', '--json']);
    expect(r.json()).toMatchObject({ touches_added: 0, touches_updated: 1, skipped: { already_captured: 1 } });
    expect(await touches('maya')).toEqual([['2026-02-10', 'email', 'Café ☕ next week?; The address', []]]);
  });

  it('a Maildir with cur/, new/ and a Sent folder; my gmail address with dots counts as me', async () => {
    await setUp();
    const md = join(t.dir, 'Mail');
    cpSync(fixture('maildir'), md, { recursive: true });
    writeFileSync(
      join(md, 'cur', '1771318800.M4P4.laptop:2,S'),
      'Message-ID: <md4@x>\nDate: Tue, 17 Feb 2026 09:00:00 +0000\nFrom: me.private+rel@googlemail.com\nTo: ana@example.org\nSubject: From my other address\n\nx\n',
    );
    const r = await rel(['capture', md, '--since', '2026-01-01', '--received', '--json']);
    expect(r.json()).toMatchObject({ touches_added: 4, people_touched: 3 });
    expect(await touches('lena')).toEqual([
      ['2026-02-16', 'email', 'Grüße', []],
      ['2026-02-15', 'email', 'Grüße', []],
    ]);
    expect(await touches('ana')).toEqual([['2026-02-17', 'email', 'From my other address', []]]);
  });

  it('a folder of Maildirs, as mbsync keeps an account (Mail/work/Inbox/cur)', async () => {
    await setUp();
    const root = join(t.dir, 'Mail');
    cpSync(fixture('maildir'), join(root, 'work', 'Inbox'), { recursive: true });
    const r = await rel(['capture', root, '--since', '2026-01-01', '--json']);
    expect(r.json()).toMatchObject({ touches_added: 2, people_touched: 2 }); // Ben and Lena, from what I sent
  });
});
