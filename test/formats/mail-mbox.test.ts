// mbox files shaped the ways mail programs and odd exports leave them, read through readMbox: where a
// message starts and ends, across the 1 MiB reads, and what a cut or empty header block gives.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readMbox, type MailItem } from '../../src/formats/mail.js';
import { tempDir } from './temp-dir.js';

const MiB = 1 << 20; // readMbox reads this much at a time
const KiB256 = 256 * 1024; // the largest header block it accepts

async function all(items: AsyncIterable<MailItem>): Promise<MailItem[]> {
  const out: MailItem[] = [];
  for await (const i of items) out.push(i);
  return out;
}
const summary = (items: MailItem[]) =>
  items.map((i) => (i.kind === 'message' ? `${i.message.location} ${i.message.subject}` : `${i.broken.location} ${i.kind}: ${i.broken.reason}`));

const fromLine = (n: number) => `From a@x.example Mon Feb  2 10:0${n}:00 2026`;
const msg = (n: number, eol = '\n', body = 'Hello.') => [fromLine(n), `Date: Mon, 2 Feb 2026 10:0${n}:00 +0000`, `Subject: m${n}`, '', body, ''].join(eol);
/** Message `n` with a body of 70-byte lines, `size` bytes in all (ending in a newline). */
const padded = (n: number, size: number) => {
  const head = [fromLine(n), `Date: Mon, 2 Feb 2026 10:0${n}:00 +0000`, `Subject: m${n}`, '', ''].join('\n');
  const rest = size - head.length;
  const line = `${'x'.repeat(69)}\n`;
  return head + line.repeat(Math.floor(rest / 70) - 1) + `${'y'.repeat((rest % 70) + 69)}\n`;
};

describe('readMbox: mbox files made here', () => {
  let tmp: ReturnType<typeof tempDir>;
  beforeEach(() => (tmp = tempDir()));
  afterEach(() => tmp.cleanup());
  const read = async (content: string) => summary(await all(readMbox(tmp.write('box.mbox', content), 'box')));

  it.each([
    ['inside the From_ line', MiB - 10],
    ['right after the newline before it', MiB],
    ['right after its first character', MiB - 1],
  ])('a From_ line cut by the end of a 1 MiB read (%s) still starts a message', async (_where, at) => {
    const first = padded(1, at);
    expect(first.length).toBe(at);
    expect(await read(first + msg(2) + msg(3))).toEqual([
      'box: message 1 (byte 0) m1', `box: message 2 (byte ${at}) m2`, `box: message 3 (byte ${at + msg(2).length}) m3`,
    ]);
  });

  it('a message with an empty body whose blank line ends a 1 MiB read, the next From_ line starting the next read', async () => {
    const bare = [fromLine(2), 'Date: Mon, 2 Feb 2026 10:02:00 +0000', 'Subject: m2', '', ''].join('\n');
    const first = padded(1, MiB - bare.length);
    expect(await read(first + bare + msg(3))).toEqual([
      'box: message 1 (byte 0) m1', `box: message 2 (byte ${first.length}) m2`, `box: message 3 (byte ${MiB}) m3`,
    ]);
  });

  it('a message with an empty body, the next From_ line straight after its blank line', async () => {
    const bare = [fromLine(1), 'Date: Mon, 2 Feb 2026 10:01:00 +0000', 'Subject: m1', '', ''].join('\n');
    expect(await read(bare + msg(2))).toEqual(['box: message 1 (byte 0) m1', `box: message 2 (byte ${bare.length}) m2`]);
  });

  it('a body line quoted as ">From " (mboxrd), however much it looks like a From_ line, does not start a message', async () => {
    const body = `From my side, all good. I forwarded this:\n>From a@x.example Mon Feb  2 09:00:00 2026\n>>From b@x.example Mon Feb  2 08:00:00 2026\nDate: Mon, 2 Feb 2026 09:00:00 +0000`;
    expect(await read(msg(1, '\n', body) + msg(2))).toEqual(['box: message 1 (byte 0) m1', `box: message 2 (byte ${msg(1, '\n', body).length}) m2`]);
  });

  it('CRLF lines: a message with no headers at all does not swallow the message after it', async () => {
    const empty = `${fromLine(1)}\r\n\r\nbody\r\n`;
    expect(await read(empty + msg(2, '\r\n'))).toEqual(['box: message 1 (byte 0) broken: no Date header', `box: message 2 (byte ${empty.length}) m2`]);
  });

  it('a message with no headers and a body larger than the header limit is "no Date header", LF or CRLF', async () => {
    const big = 'z'.repeat(99) + '\n';
    for (const eol of ['\n', '\r\n']) {
      const empty = `${fromLine(1)}${eol}${eol}${big.repeat(3000)}`;
      expect(await read(empty + msg(2, eol))).toEqual(['box: message 1 (byte 0) broken: no Date header', `box: message 2 (byte ${empty.length}) m2`]);
    }
  });

  it('a Thunderbird folder on Windows: "From - " lines, X-Mozilla headers, CRLF, a folded To and a >From body line', async () => {
    const tb = (n: number, to: string[], body: string[]) => [
      `From - Tue Feb 10 09:1${n}:00 2026`, 'X-Mozilla-Status: 0001', 'X-Mozilla-Status2: 00000000', 'X-Mozilla-Keys:                                    ',
      `Message-ID: <tb${n}@example.com>`, `Date: Tue, 10 Feb 2026 09:1${n}:00 +0100`, 'From: Me <me@example.com>', ...to,
      `Subject: tb${n}`, 'User-Agent: Mozilla Thunderbird', '', ...body, '', '',
    ].join('\r\n');
    const first = tb(1, ['To: "Lima, Ana" <ana@x.example>,', ' Bo <bo@x.example>'], ['Hi both,', '>From the notes: 10:00 works.', 'From me']);
    const items = await all(readMbox(tmp.write('box.mbox', first + tb(2, ['To: ana@x.example'], ['Thanks!'])), 'Inbox'));
    expect(items.map((i) => (i.kind === 'message' ? [i.message.location, i.message.messageId, i.message.date.toISOString(), i.message.to] : i))).toEqual([
      ['Inbox: message 1 (byte 0)', 'tb1@example.com', '2026-02-10T08:11:00.000Z', [{ email: 'ana@x.example', name: 'Lima, Ana' }, { email: 'bo@x.example', name: 'Bo' }]],
      [`Inbox: message 2 (byte ${first.length})`, 'tb2@example.com', '2026-02-10T08:12:00.000Z', [{ email: 'ana@x.example', name: null }]],
    ]);
  });

  it('a file cut right after a From_ line adds nothing for it', async () => {
    expect(await read(`${msg(1)}${fromLine(2)}\n`)).toEqual(['box: message 1 (byte 0) m1']);
  });

  it('a header block of exactly 256 KiB is read; one byte more is broken', async () => {
    const block = (size: number) => {
      const start = `${fromLine(1)}\nDate: Mon, 2 Feb 2026 10:01:00 +0000\nSubject: big\n`;
      const junk = size - (start.length - fromLine(1).length - 1);
      return start + 'X-Junk: ' + 'j'.repeat(junk - 'X-Junk: '.length - 1) + '\n';
    };
    expect(await read(block(KiB256))).toEqual(['box: message 1 (byte 0) big']);
    expect(await read(block(KiB256 + 1))).toEqual(['box: message 1 (byte 0) broken: no end of headers']);
  });
});
