import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addressList, decodeWords, readMaildir, readMbox, type MailItem } from '../../src/formats/mail.js';
import { tempDir } from './temp-dir.js';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/capture/${name}`, import.meta.url));

async function all(items: AsyncIterable<MailItem> | Iterable<MailItem>): Promise<MailItem[]> {
  const out: MailItem[] = [];
  for await (const i of items) out.push(i);
  return out;
}
const messages = (items: MailItem[]) => items.flatMap((i) => (i.kind === 'message' ? [i.message] : []));

describe('decodeWords (RFC 2047)', () => {
  it.each([
    ['=?UTF-8?B?Q2Fmw6kg4piVIG5leHQgd2Vlaz8=?=', 'Café ☕ next week?'],
    ['=?ISO-8859-1?Q?Gr=FC=DFe_aus_M=FCnchen?=', 'Grüße aus München'],
    ['=?windows-1252?Q?=93Quotes=94_and_=80?=', '“Quotes” and €'],
    ['=?Shift_JIS?B?k/qWe4LMjsqQXg==?=', '日本の写真'],
    ['=?utf-8?q?a?= =?utf-8?q?b?=', 'ab'], // the blank between two encoded words goes
    ['Re: =?utf-8?q?caf=C3=A9?= time', 'Re: café time'],
    ['=?x-unknown?Q?abc?=', '=?x-unknown?Q?abc?='],
    ['plain text', 'plain text'],
  ])('%s -> %s', (input, out) => expect(decodeWords(input)).toBe(out));
});

describe('addressList', () => {
  it('reads names, quoted names with commas, comments and encoded names', () => {
    expect(addressList('"Chen, Maya" <maya@acme.example>, ana@example.org (Ana Maia), =?ISO-8859-1?Q?Tom=E1s?= <t@x.example>, bare@y.example')).toEqual([
      { email: 'maya@acme.example', name: 'Chen, Maya' },
      { email: 'ana@example.org', name: 'Ana Maia' },
      { email: 't@x.example', name: 'Tomás' },
      { email: 'bare@y.example', name: null },
    ]);
    expect(addressList('friends: a@x.example, b@x.example;')).toEqual([
      { email: 'a@x.example', name: null },
      { email: 'b@x.example', name: null },
    ]);
  });
});

describe('readMbox: a Google Takeout mbox', () => {
  it('reads every message header, ignoring >From lines in bodies', async () => {
    const items = await all(readMbox(fixture('takeout.mbox'), 'takeout.mbox'));
    expect(items).toHaveLength(11);
    const m = messages(items);
    expect(m.map((x) => x.messageId)).toEqual(['m1@mail.example.com', 'm2@mail.example.com', 'm3@mail.example.com', 'm4@mail.example.com', 'm5@acme.example',
      'm6@lists.example', 'm7@news.example', 'm8@acme.example', 'm9@mail.example.com', 'm11@mail.example.com']);
    expect(m[0]).toMatchObject({ subject: 'Café ☕ next week?', from: { email: 'me@example.com', name: 'Me' }, date: new Date('2026-02-10T09:15:00Z') });
    expect(m[3]!.subject).toBe('“Quotes” and € for the deck'); // folded over two lines, two encoded words
    expect(m[4]!.subject).toBe('日本の写真');
    expect(m[4]!.date.toISOString()).toBe('2026-02-13T11:00:00.000Z'); // "(UTC)" comment after the zone
    expect(m[5]!.listId).toBe('Book club <bookclub.lists.example>');
    expect(m[6]!.precedence).toBe('bulk');
    expect(m[7]!.autoSubmitted).toBe('auto-replied');
    const broken = items.find((i) => i.kind === 'broken');
    expect(broken).toEqual({ kind: 'broken', broken: { location: expect.stringMatching(/^takeout\.mbox: message 10 \(byte \d+\)$/), reason: 'no Date header' } });
  });

  describe('across read chunks', () => {
    let tmp: ReturnType<typeof tempDir>;
    beforeEach(() => (tmp = tempDir()));
    afterEach(() => tmp.cleanup());

    it('finds every message of a file larger than one chunk, with big bodies and CRLF lines', async () => {
      const body = `${'x'.repeat(70)}\r\n`.repeat(3000); // ~216 KB
      const parts: string[] = [];
      for (let i = 0; i < 40; i++) {
        parts.push(
          `From 1@xxx Mon Feb 02 10:00:00 +0000 2026\r\nMessage-ID: <n${i}@x>\r\nDate: Mon, 2 Feb 2026 10:00:00 +0000\r\nFrom: me@example.com\r\nTo: a@b.example\r\nSubject: n${i}\r\n\r\n${body}>From the body\r\n`,
        );
      }
      const path = join(tmp.dir, 'big.mbox');
      writeFileSync(path, parts.join(''));
      const m = messages(await all(readMbox(path)));
      expect(m.map((x) => x.subject)).toEqual(Array.from({ length: 40 }, (_, i) => `n${i}`));
    });
  });
});

describe('readMaildir', () => {
  it('reads cur/ and new/, flagged names (:2,S) and the Maildir++ folders inside', () => {
    const items = [...readMaildir(fixture('maildir'), 'maildir')];
    expect(items.map((i) => (i.kind === 'message' ? [i.message.location, i.message.subject] : i))).toEqual([
      ['maildir/.Sent/cur/1771232400.M3P3.laptop:2,RS', 'Re: Grüße'],
      ['maildir/cur/1771059600.M1P1.laptop,S=300,W=310:2,S', 'Contract draft'],
      ['maildir/new/1771146000.M2P2.laptop', 'Grüße'],
    ]);
  });
});
