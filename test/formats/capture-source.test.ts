// What rel capture makes of the SOURCE it is given, before it reads anything: a calendar, an mbox, a
// Maildir, or a refusal that says why.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { readCalendar } from '../../src/formats/calendar.js';
import { detectSource } from '../../src/formats/capture-source.js';
import { tempDir } from './temp-dir.js';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/capture/${name}`, import.meta.url));

/** The UsageError detectSource throws for `path`. */
function refusal(path: string): string {
  try {
    detectSource(path);
  } catch (e) {
    expect(e).toBeInstanceOf(UsageError);
    return (e as Error).message;
  }
  throw new Error(`${path} was accepted`);
}

describe('detectSource: the fixtures', () => {
  it.each([
    ['google.ics', 'calendar'],
    ['outlook.ics', 'calendar'],
    ['takeout.mbox', 'mbox'],
    ['maildir', 'maildir'],
  ])('%s is %s', (name, kind) => {
    expect(detectSource(fixture(name)).kind).toBe(kind);
  });

  it('a calendar file is its own only file; mail has none listed', () => {
    expect(detectSource(fixture('google.ics'))).toEqual({ path: fixture('google.ics'), kind: 'calendar', files: [fixture('google.ics')] });
    expect(detectSource(fixture('takeout.mbox'))).toEqual({ path: fixture('takeout.mbox'), kind: 'mbox', files: [] });
    expect(detectSource(fixture('maildir'))).toEqual({ path: fixture('maildir'), kind: 'maildir', files: [] });
  });

  it('a folder of .ics files (as vdirsyncer keeps a calendar) is every .ics inside it, sorted', () => {
    expect(detectSource(fixture('icloud'))).toEqual({
      path: fixture('icloud'), kind: 'calendar', files: [
        fixture('icloud/home/6B29FC40-CA47-1067-B31D-00DD010662DA.ics'),
        fixture('icloud/work/shared/9F3E1A52-77B0-4C1D-9E0A-5C2F3D1B8A60.ics'),
      ],
    });
  });
});

describe('detectSource: files and folders made here', () => {
  let tmp: ReturnType<typeof tempDir>;
  beforeEach(() => (tmp = tempDir()));
  afterEach(() => tmp.cleanup());
  const file = (name: string, content: string) => tmp.write(name, content);

  it.each([
    ['an iCalendar file', 'calendar', 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n'],
    ['a calendar after blank lines, in lower case', 'calendar', '\r\n  begin:vcalendar\nEND:VCALENDAR\n'],
    // A file saved by Windows Notepad (and other Windows tools) starts with a UTF-8 byte order mark.
    ['a calendar after a byte order mark', 'calendar', '\uFEFFBEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n'],
    ['an mbox', 'mbox', 'From MAILER-DAEMON Fri Jul  8 12:08:34 2011\nDate: x\n\n'],
    // Thunderbird on Windows keeps its local folders as mbox files with CRLF lines.
    ['a CR LF mbox (Thunderbird on Windows)', 'mbox', 'From - Mon Feb 02 10:00:00 2026\r\nDate: x\r\n\r\n'],
  ])('%s is a %s source, whatever its name', (_, kind, text) => {
    expect(detectSource(file('source.txt', text)).kind).toBe(kind);
  });

  // Only the three bytes EF BB BF together are a byte order mark; any other three are the file's own.
  it.each([
    ['EF BB'], ['EF'], ['BB BF'], ['20 BB BF'], ['20 20 BF'], ['EF 20 BF'], ['EF BB 20'],
  ])('a calendar after the bytes %s (not a byte order mark) is not a calendar', (hex) => {
    const bytes = Buffer.from(hex.split(' ').map((h) => parseInt(h, 16)));
    const path = tmp.write('odd.ics', Buffer.concat([bytes, Buffer.from('\r\n\r\nBEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n')]));
    expect(refusal(path)).toMatch(/is neither a calendar/);
  });

  it('a calendar with a byte order mark is read whole, its events included', () => {
    const path = file('notepad.ics', `\uFEFF${readFileSync(fixture('outlook.ics'), 'utf8')}`);
    const source = detectSource(path);
    expect(source.kind).toBe('calendar');
    const { events, broken } = readCalendar(readFileSync(source.files[0]!, 'utf8'), 'notepad.ics', new Date('2026-01-01T00:00:00Z'), new Date('2026-03-01T00:00:00Z'));
    expect(broken).toEqual([]);
    expect(events.map((e) => e.summary)).toContain('Tokyo breakfast');
  });

  it.each([
    ['a vCard', 'BEGIN:VCARD\r\nFN:Ana\r\nEND:VCARD\r\n'],
    ['one message without its From_ line', 'From: ana@example.com\nDate: Mon, 2 Feb 2026 10:00:00 +0000\n\n'],
    ['a From_ line that is not the first', 'Subject: x\nFrom a@b Mon Jan 01 00:00:00 2026\n'],
    ['an empty file', ''],
  ])('%s is refused, saying nothing was captured', (_, text) => {
    const path = file('contacts.vcf', text);
    expect(refusal(path)).toBe(`${path} is neither a calendar (iCalendar .ics) nor mail (mbox, Maildir): nothing was captured`);
  });

  it('a path that does not exist is refused by name', () => {
    const path = join(tmp.dir, 'nowhere.ics');
    expect(refusal(path)).toBe(`no such file or folder: ${path}`);
  });

  it('a folder with neither .ics files nor a Maildir is refused', () => {
    file('notes/readme.txt', 'hello');
    file('notes/calendar.ics.bak', 'BEGIN:VCALENDAR\r\n');
    expect(refusal(join(tmp.dir, 'notes'))).toBe(`${join(tmp.dir, 'notes')} is neither a calendar nor mail: no .ics files and no Maildir (cur/, new/) in it`);
  });

  it('.ics files are found at any depth and in any case; hidden folders (.git, vdirsyncer status) are skipped', () => {
    const a = file('cal/b/Work.ICS', 'BEGIN:VCALENDAR\r\n');
    const b = file('cal/a.ics', 'BEGIN:VCALENDAR\r\n');
    file('cal/.git/old.ics', 'BEGIN:VCALENDAR\r\n');
    file('cal/.status/x.ics', 'BEGIN:VCALENDAR\r\n');
    file('cal/notes.txt', 'x');
    expect(detectSource(join(tmp.dir, 'cal'))).toEqual({ path: join(tmp.dir, 'cal'), kind: 'calendar', files: [b, a] });
  });

  it.each([
    ['mail/cur/1'],
    ['mail/new/1'],
    // mbsync keeps an account as folders of Maildirs: Mail/work/Inbox/cur
    ['mail/work/Inbox/cur/1'],
  ])('a folder holding %s is a Maildir', (message) => {
    file(message, 'Date: Mon, 2 Feb 2026 10:00:00 +0000\n\n');
    expect(detectSource(join(tmp.dir, 'mail')).kind).toBe('maildir');
  });

  it('a Maildir wins over .ics files in the same folder', () => {
    file('both/cur/1', 'Date: Mon, 2 Feb 2026 10:00:00 +0000\n\n');
    file('both/x.ics', 'BEGIN:VCALENDAR\r\n');
    expect(detectSource(join(tmp.dir, 'both')).kind).toBe('maildir');
  });

  it('a tmp/ folder alone, or a Maildir nested too deep, is not a Maildir', () => {
    file('only-tmp/tmp/cur/1', 'x');
    expect(refusal(join(tmp.dir, 'only-tmp'))).toMatch(/is neither a calendar nor mail/);
    file('deep/a/b/c/d/cur/1', 'x');
    expect(refusal(join(tmp.dir, 'deep'))).toMatch(/is neither a calendar nor mail/);
  });
});
