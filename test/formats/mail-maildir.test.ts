// Maildirs shaped the ways mbsync, offlineimap and mail programs leave them, read through readMaildir and
// recognised by isMaildir: large messages, header blocks at the size limit, folders that are not mail.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isMaildir, readMaildir, type MailItem } from '../../src/formats/mail.js';
import { tempDir } from './temp-dir.js';

const KiB256 = 256 * 1024; // the largest header block readMaildir accepts

const summary = (items: MailItem[]) =>
  items.map((i) => (i.kind === 'message' ? `${i.message.location} ${i.message.subject}` : `${i.broken.location} ${i.kind}: ${i.broken.reason}`));

describe('Maildir files made here', () => {
  let tmp: ReturnType<typeof tempDir>;
  beforeEach(() => (tmp = tempDir()));
  afterEach(() => tmp.cleanup());
  const write = (name: string, content: string) => tmp.write(name, content);
  const read = () => summary([...readMaildir(join(tmp.dir, 'md'), 'md')]);

  it('a message with a large attachment (a body over the header limit) is read from its headers', () => {
    const attachment = `${'QUJD'.repeat(19)}\r\n`.repeat(5000); // ~390 KB of base64
    write('md/cur/1771059600.M1P1.laptop:2,S', `Date: Mon, 2 Feb 2026 10:00:00 +0000\r\nSubject: the photos\r\nContent-Type: image/jpeg\r\n\r\n${attachment}`);
    expect(read()).toEqual(['md/cur/1771059600.M1P1.laptop:2,S the photos']);
  });

  it('a file of headers only, exactly 256 KiB, is read; one byte more is broken', () => {
    const start = 'Date: Mon, 2 Feb 2026 10:00:00 +0000\nSubject: big\nX-Junk: ';
    const file = (size: number) => start + 'j'.repeat(size - start.length - 1) + '\n';
    expect(file(KiB256)).toHaveLength(KiB256);
    write('md/cur/a', file(KiB256));
    write('md/cur/b', file(KiB256 + 1));
    expect(read()).toEqual(['md/cur/a big', 'md/cur/b broken: no end of headers']);
  });

  it('a file that starts with its blank line (no headers) and a large body is "no Date header", LF or CRLF', () => {
    write('md/cur/lf', `\n${'z'.repeat(99)}\n`.repeat(3000));
    write('md/cur/crlf', `\r\n${'z'.repeat(99)}\r\n`.repeat(3000));
    expect(read()).toEqual(['md/cur/crlf broken: no Date header', 'md/cur/lf broken: no Date header']);
  });

  it('a file that cannot be read is a broken message named by its place', () => {
    mkdirSync(join(tmp.dir, 'md/new/odd'), { recursive: true });
    expect([...readMaildir(join(tmp.dir, 'md'), 'md')]).toEqual([
      { kind: 'broken', broken: { location: 'md/new/odd', reason: expect.stringMatching(/^EISDIR/) } },
    ]);
  });

  describe('isMaildir', () => {
    it('an mbsync account folder is one even when other folders sit beside its mailboxes', () => {
      write('Mail/notes/todo.txt', 'not mail');
      write('Mail/work/Inbox/cur/1', 'Date: Mon, 2 Feb 2026 10:00:00 +0000\n\n');
      mkdirSync(join(tmp.dir, 'Mail/work/Archive'), { recursive: true });
      expect(isMaildir(join(tmp.dir, 'Mail'))).toBe(true);
    });

    it('a folder of calendars, an mbox file and a missing path are not Maildirs', () => {
      write('cals/home.ics', 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n');
      mkdirSync(join(tmp.dir, 'cals/old'));
      const mbox = write('box.mbox', 'From a@x.example Mon Feb  2 10:00:00 2026\nDate: Mon, 2 Feb 2026 10:00:00 +0000\n\n');
      expect(isMaildir(join(tmp.dir, 'cals'))).toBe(false);
      expect(isMaildir(mbox)).toBe(false);
      expect(isMaildir(join(tmp.dir, 'nowhere'))).toBe(false);
    });
  });
});
