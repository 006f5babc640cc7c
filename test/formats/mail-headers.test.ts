// Mail for rel capture, header by header: what a message's fields become, what is a broken message,
// and mbox / Maildir files shaped the ways mail programs leave them.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addressList, headerFields, looksLikeMbox, parseMessage, readMaildir, readMbox, type MailItem } from '../../src/formats/mail.js';
import { tempDir } from './temp-dir.js';

const head = (lines: string[], eol = '\r\n') => Buffer.from(lines.join(eol) + eol, 'utf8');

describe('headerFields', () => {
  it('reads the fields capture uses, unfolds continuation lines, and stops at the blank line', () => {
    const f = headerFields(head([
      'Received: from mx by example.com', 'DATE: Mon, 2 Feb 2026 10:00:00 +0000', 'from: Me <me@example.com>',
      'To: a@x.example,', '\tb@x.example,', '  c@x.example', 'Subject: Hello', 'X-Mailer: Thunderbird', '', 'Subject: from the body',
    ]));
    expect([...f]).toEqual([
      ['date', 'Mon, 2 Feb 2026 10:00:00 +0000'], ['from', 'Me <me@example.com>'],
      ['to', 'a@x.example,\tb@x.example,  c@x.example'], ['subject', 'Hello'],
    ]);
  });

  it('the first of a repeated field wins (a forwarded header block below does not count)', () => {
    const f = headerFields(head(['Subject: first', 'Message-ID: <a@x>', 'Subject: second', 'Message-ID: <b@x>']));
    expect(f.get('subject')).toBe('first');
    expect(f.get('message-id')).toBe('<a@x>');
  });

  it('a line without a name ends the field before it, and is not glued to it', () => {
    const f = headerFields(head(['Subject: one', 'not a header line', ' two', ': no name', 'Precedence:  bulk  ']));
    expect(f.get('subject')).toBe('one');
    expect(f.get('precedence')).toBe('bulk');
  });

  it('a blank before the colon (obsolete, still written by some old mailers) does not hide the field', () => {
    const f = headerFields(head(['Date : Mon, 2 Feb 2026 10:00:00 +0000', 'Subject\t: Hello']));
    expect([...f]).toEqual([['date', 'Mon, 2 Feb 2026 10:00:00 +0000'], ['subject', 'Hello']]);
  });

  it('nothing after the blank line counts, not even a field the headers lack (a forwarded message in the body)', () => {
    const f = headerFields(head(['Date: Mon, 2 Feb 2026 10:00:00 +0000', 'To: me@example.com', '', '---------- Forwarded message ----------',
      'From: Boss <boss@acme.example>', 'Cc: team@acme.example', 'Subject: numbers']));
    expect([...f.keys()]).toEqual(['date', 'to']);
  });

  it('8-bit headers: UTF-8 when they are UTF-8, else Latin-1', () => {
    expect(headerFields(Buffer.from('Subject: Grüße\n\n', 'utf8')).get('subject')).toBe('Grüße');
    expect(headerFields(Buffer.from('Subject: Grüße\n\n', 'latin1')).get('subject')).toBe('Grüße');
  });

  it('LF-only lines are read the same as CRLF', () => {
    expect([...headerFields(head(['Subject: a', ' b', 'List-Id: <x.example>'], '\n'))]).toEqual([['subject', 'a b'], ['list-id', '<x.example>']]);
  });
});

describe('parseMessage', () => {
  const message = (lines: string[]) => {
    const item = parseMessage(head(lines), 'm.eml');
    if (item.kind !== 'message') throw new Error(`broken: ${item.broken.reason}`);
    return item.message;
  };

  it('a full header block', () => {
    expect(message([
      'Date: Tue, 10 Feb 2026 09:15:00 +0100', 'From: "Me" <me@example.com>, other@example.com', 'To: Maya <maya@acme.example>',
      'Cc: a@x.example (Ana), b@x.example', 'Subject: =?UTF-8?Q?Caf=C3=A9?=', 'Message-ID:  <m1@example.com> ',
      'List-Id: Book club <bc.example> ', 'Precedence: list', 'Auto-Submitted: auto-replied',
    ])).toEqual({
      location: 'm.eml', messageId: 'm1@example.com', date: new Date('2026-02-10T08:15:00Z'),
      from: { email: 'me@example.com', name: 'Me' }, to: [{ email: 'maya@acme.example', name: 'Maya' }],
      cc: [{ email: 'a@x.example', name: 'Ana' }, { email: 'b@x.example', name: null }], subject: 'Café',
      listId: 'Book club <bc.example>', precedence: 'list', autoSubmitted: 'auto-replied',
    });
  });

  it('missing fields are null or empty; an empty Message-ID is none', () => {
    expect(message(['Date: Tue, 10 Feb 2026 09:15:00 +0000', 'Message-ID: <>', 'List-Id:  ', 'Subject:'])).toEqual({
      location: 'm.eml', messageId: null, date: new Date('2026-02-10T09:15:00Z'), from: null, to: [], cc: [], subject: '',
      listId: null, precedence: null, autoSubmitted: null,
    });
  });

  it.each([
    ['<m8@example.com> (added by postmaster@mail.example)', 'm8@example.com'], // a comment after it (RFC 5322 allows one)
    ['(sent by Acme) <m9@example.com>', 'm9@example.com'],
  ])('a Message-ID with a comment beside it is the id in the brackets: %j', (id, out) => {
    expect(message(['Date: Tue, 10 Feb 2026 09:15:00 +0000', `Message-ID: ${id}`]).messageId).toBe(out);
  });

  it('no Message-ID header: no id, and no sender or recipients when those headers are missing too', () => {
    expect(message(['Date: Tue, 10 Feb 2026 09:15:00 +0000', 'Subject: sent by a script'])).toMatchObject({ messageId: null, from: null, to: [], cc: [] });
  });

  it('a Message-ID without angle brackets is kept as written', () => {
    expect(message(['Date: Tue, 10 Feb 2026 09:15:00 +0000', 'Message-ID: m7@example.com']).messageId).toBe('m7@example.com');
  });

  it('a comment after the date is dropped, one inside it is not', () => {
    expect(message(['Date: Tue, 10 Feb 2026 09:15:00 -0500 (EST)']).date.toISOString()).toBe('2026-02-10T14:15:00.000Z');
  });

  it.each([
    ['Mon, 02 Feb 26 10:00 +0000', '2026-02-02T10:00:00.000Z'], // two-digit year, no seconds (RFC 822)
    ['Tue, 02 Feb 99 10:00:00 +0000', '1999-02-02T10:00:00.000Z'],
    ['Mon, 2 Feb 2026 10:00:00 PST', '2026-02-02T18:00:00.000Z'], // an obsolete zone name
    ['Mon, 2 Feb 2026 10:00:00 GMT', '2026-02-02T10:00:00.000Z'],
    ['2 Feb 2026 10:00:00 +0530', '2026-02-02T04:30:00.000Z'], // no day name
    ['Mon,  2 Feb 2026 10:00:00 -0000 (GMT Standard Time)', '2026-02-02T10:00:00.000Z'], // Outlook's comment
  ])('the Date shapes mail programs write: %j', (date, iso) => {
    expect(message([`Date: ${date}`]).date.toISOString()).toBe(iso);
  });

  it.each([
    [['Subject: no date'], 'no Date header'],
    [['Date: someday'], 'bad Date "someday"'],
    [['Date:'], 'bad Date ""'],
  ])('%j is a broken message: %s', (lines, reason) => {
    expect(parseMessage(head(lines), 'box: message 3')).toEqual({ kind: 'broken', broken: { location: 'box: message 3', reason } });
  });
});

describe('addressList: what senders write', () => {
  it.each([
    ['undisclosed-recipients:;', []],
    ['Team: a@x.example, "B, Jr." <b@x.example>;', [{ email: 'a@x.example', name: null }, { email: 'b@x.example', name: 'B, Jr.' }]],
    ['"Ana \\"the\\" Maia" <ana@x.example>', [{ email: 'ana@x.example', name: 'Ana "the" Maia' }]],
    ['"" <ana@x.example>', [{ email: 'ana@x.example', name: null }]],
    ['Ana <not an address>, <b@x.example>', [{ email: 'b@x.example', name: null }]],
    ['a@x.example (), b@x.example ( Bo )', [{ email: 'a@x.example', name: null }, { email: 'b@x.example', name: 'Bo' }]],
    ['"Lima, Ana" <a@x.example>, (Bo, Li) b@x.example', [{ email: 'a@x.example', name: 'Lima, Ana' }, { email: 'b@x.example', name: 'Bo, Li' }]],
    ['<a@x.example>,, ,b@x.example', [{ email: 'a@x.example', name: null }, { email: 'b@x.example', name: null }]],
    ['just a name', []],
    ['', []],
  ])('%j', (field, out) => expect(addressList(field)).toEqual(out));
});

describe('looksLikeMbox', () => {
  it.each([
    ['From me@example.com Mon Jan  1 00:00:00 2026\nDate: x\n', true],
    ['From 1234@xxx Tue Feb 10 09:15:00 +0000 2026\r\n', true],
    ['From: me@example.com\nDate: x\n', false],
    ['From \nDate: x\n', false],
    ['From me@example.com Mon Jan  1 00:00:00 2026', false],
    ['Return-Path: <x>\nFrom me@example.com Mon Jan 1\n', false],
  ])('%j: %s', (text, yes) => expect(looksLikeMbox(text)).toBe(yes));
});

async function all(items: AsyncIterable<MailItem> | Iterable<MailItem>): Promise<MailItem[]> {
  const out: MailItem[] = [];
  for await (const i of items) out.push(i);
  return out;
}
const summary = (items: MailItem[]) => items.map((i) => (i.kind === 'message' ? `${i.message.location} ${i.message.subject}` : `${i.broken.location} broken: ${i.broken.reason}`));

describe('mail files made here', () => {
  let tmp: ReturnType<typeof tempDir>;
  beforeEach(() => (tmp = tempDir()));
  afterEach(() => tmp.cleanup());
  const write = (name: string, content: string | Buffer) => tmp.write(name, content);
  const msg = (n: number, eol = '\n', body = 'Hello.') =>
    [`From a@x.example Mon Feb  2 10:0${n}:00 2026`, `Date: Mon, 2 Feb 2026 10:0${n}:00 +0000`, `Subject: m${n}`, '', body, ''].join(eol);

  it('an mbox: each message with its number and the byte where its From_ line starts', async () => {
    const first = msg(1);
    const path = write('box.mbox', first + msg(2) + msg(3, '\r\n'));
    expect(summary(await all(readMbox(path, 'box')))).toEqual(['box: message 1 (byte 0) m1', `box: message 2 (byte ${first.length}) m2`,
      `box: message 3 (byte ${first.length + msg(2).length}) m3`]);
  });

  it('an mbox: a body line starting "From " that is not a From_ line does not start a message', async () => {
    const path = write('box.mbox', msg(1, '\n', 'From my side, all good.\nFrom here on: fine') + msg(2));
    expect(summary(await all(readMbox(path, 'box'))).map((s) => s.replace(/ \(byte \d+\)/, ''))).toEqual(['box: message 1 m1', 'box: message 2 m2']);
  });

  it('an mbox whose last message is headers only, without a blank line', async () => {
    const path = write('box.mbox', `${msg(1)}From a@x.example Mon Feb  2 11:00:00 2026\nDate: Mon, 2 Feb 2026 11:00:00 +0000\nSubject: last`);
    expect(summary(await all(readMbox(path, 'box'))).map((s) => s.replace(/ \(byte \d+\)/, ''))).toEqual(['box: message 1 m1', 'box: message 2 last']);
  });

  it('an mbox message whose headers never end (over 256 KiB) is broken, and the next one is still read', async () => {
    const endless = `From a@x.example Mon Feb  2 10:00:00 2026\nDate: Mon, 2 Feb 2026 10:00:00 +0000\n${'X-Junk: yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy\n'.repeat(6000)}`;
    const path = write('box.mbox', `${endless}\n${msg(2)}`);
    const s = summary(await all(readMbox(path, 'box')));
    expect(s).toEqual(['box: message 1 (byte 0) broken: no end of headers', expect.stringMatching(/^box: message 2 \(byte \d+\) m2$/)]);
  });

  it('an mbox message whose headers run past the first 1 MiB read is broken, and the next one is still read', async () => {
    const endless = `From a@x.example Mon Feb  2 10:00:00 2026\nDate: Mon, 2 Feb 2026 10:00:00 +0000\n${'X-Junk: y\n'.repeat(150_000)}`;
    const path = write('box.mbox', `${endless}\n${msg(2)}`);
    expect(summary(await all(readMbox(path, 'box')))).toEqual(['box: message 1 (byte 0) broken: no end of headers', `box: message 2 (byte ${endless.length + 1}) m2`]);
  });

  it('an mbox message with no headers at all (a blank line right after From_) is broken: no Date', async () => {
    const path = write('box.mbox', `From a@x.example Mon Feb  2 10:00:00 2026\n\nbody\n${msg(2)}From a@x.example Mon Feb  2 11:00:00 2026\r\n\r\nbody\r\n`);
    expect(summary(await all(readMbox(path, 'box'))).map((s) => s.replace(/ \(byte \d+\)/, ''))).toEqual([
      'box: message 1 broken: no Date header', 'box: message 2 m2', 'box: message 3 broken: no Date header',
    ]);
  });

  it('a folder inside a Maildir\'s cur/ is a broken message, named, and the rest is read', () => {
    mkdirSync(join(tmp.dir, 'md/cur/odd'), { recursive: true });
    write('md/cur/ok', 'Date: Mon, 2 Feb 2026 10:00:00 +0000\nSubject: ok\n\n');
    expect(summary([...readMaildir(join(tmp.dir, 'md'), 'md')])).toEqual([expect.stringMatching(/^md\/cur\/odd broken: EISDIR/), 'md/cur/ok ok']);
  });

  it('an empty mbox has no messages', async () => {
    expect(await all(readMbox(write('empty.mbox', ''), 'empty'))).toEqual([]);
  });

  it('a Maildir: dot files and tmp/ are skipped; a file without a blank line is all headers', () => {
    write('md/cur/2', 'Date: Mon, 2 Feb 2026 10:00:00 +0000\nSubject: only headers');
    write('md/cur/.hidden', 'Date: Mon, 2 Feb 2026 10:00:00 +0000\nSubject: hidden\n\n');
    write('md/tmp/3', 'Date: Mon, 2 Feb 2026 10:00:00 +0000\nSubject: being written\n\n');
    write('md/new/1', 'Date: Mon, 2 Feb 2026 10:00:00 +0000\r\nSubject: crlf\r\n\r\nbody\r\n');
    write('md/new/4', '\nSubject: in the body\n');
    expect(summary([...readMaildir(join(tmp.dir, 'md'), 'md')])).toEqual([
      'md/cur/2 only headers', 'md/new/1 crlf', 'md/new/4 broken: no Date header',
    ]);
  });

  it('a Maildir file whose headers never end (over 256 KiB) is broken', () => {
    write('md/cur/big', `Date: Mon, 2 Feb 2026 10:00:00 +0000\n${'X-Junk: y\n'.repeat(30_000)}`);
    write('md/cur/fine', 'Date: Mon, 2 Feb 2026 10:00:00 +0000\nSubject: fine\n\nbody');
    expect(summary([...readMaildir(join(tmp.dir, 'md'), 'md')])).toEqual(['md/cur/big broken: no end of headers', 'md/cur/fine fine']);
  });

  it('a Maildir file with a long header block (over one 16 KiB read) is read whole', () => {
    write('md/cur/long', `Date: Mon, 2 Feb 2026 10:00:00 +0000\n${'X-Junk: y\n'.repeat(3000)}Subject: after the junk\n\nbody`);
    expect(summary([...readMaildir(join(tmp.dir, 'md'), 'md')])).toEqual(['md/cur/long after the junk']);
  });
});
