import { describe, expect, it } from 'vitest';
import {
  cleanSubject,
  decideEvent,
  decideMessage,
  defaultSince,
  emailKey,
  hasVideoLink,
  joinNotes,
  mailDays,
  tallyUnknown,
  type CaptureRules,
  type EventInstance,
  type MailMessage,
} from '../../src/domain/capture.js';

process.env.TZ = 'UTC';

const rules = (o: Partial<CaptureRules> = {}): CaptureRules => ({
  now: new Date('2026-03-01T09:00:00Z'),
  me: new Set(['me@example.com']),
  people: new Map([
    ['maya@acme.example', 'p-maya'],
    ['tomasruiz@gmail.com', 'p-tomas'],
    ['ana@example.org', 'p-ana'],
  ]),
  since: '2026-01-01',
  maxPeople: 8,
  includePrivate: false,
  notes: true,
  received: false,
  ...o,
});

const event = (o: Partial<EventInstance> = {}): EventInstance => ({
  location: 'cal.ics:1',
  key: 'uid-1',
  start: new Date('2026-02-10T12:00:00Z'),
  end: new Date('2026-02-10T13:00:00Z'),
  allDay: false,
  status: 'CONFIRMED',
  privacy: null,
  summary: 'Lunch',
  organizer: { email: 'me@example.com', name: 'Me' },
  attendees: [
    { email: 'me@example.com', name: null, partstat: 'ACCEPTED' },
    { email: 'maya@acme.example', name: 'Maya Chen', partstat: 'ACCEPTED' },
  ],
  linkText: '',
  ...o,
});

const message = (o: Partial<MailMessage> = {}): MailMessage => ({
  location: 'mbox: message 1',
  messageId: 'm1@x',
  date: new Date('2026-02-10T09:00:00Z'),
  from: { email: 'me@example.com', name: 'Me' },
  to: [{ email: 'maya@acme.example', name: 'Maya' }],
  cc: [],
  subject: 'Hello',
  listId: null,
  precedence: null,
  autoSubmitted: null,
  ...o,
});

describe('emailKey', () => {
  it.each([
    ['Maya@Acme.Example', 'maya@acme.example'],
    ['mailto:maya@acme.example', 'maya@acme.example'],
    ['T.Omas.Ruiz+news@Gmail.com', 'tomasruiz@gmail.com'],
    ['tomas.ruiz@googlemail.com', 'tomasruiz@gmail.com'],
    ['first.last+tag@example.com', 'first.last+tag@example.com'], // only gmail ignores dots and tags
    ['not an address', null],
    ['@example.com', null],
  ])('%s -> %s', (input, key) => expect(emailKey(input)).toBe(key));
});

describe('hasVideoLink', () => {
  it.each([
    ['https://meet.google.com/abc-defg-hij', true],
    ['Join: https://us02web.zoom.us/j/812', true],
    ['https://teams.microsoft.com/l/meetup-join/19%3a', true],
    ['https://meet.jit.si/standup', true],
    ['https://acme.webex.com/meet/x', true],
    ['Café Nero, 12 High St', false],
    ['https://example.com/zoom-lens', false],
  ])('%s -> %s', (text, yes) => expect(hasVideoLink(text)).toBe(yes));
});

describe('decideEvent', () => {
  it('an ended meeting with a known person is a touch on the local day it started', () => {
    expect(decideEvent(event(), rules())).toEqual({
      kind: 'touch',
      touch: { key: 'uid-1', day: '2026-02-10', via: 'meeting', note: 'Lunch', personIds: ['p-maya'] },
      unknown: [],
    });
  });

  it('a video link makes it video; capture.notes off stores no note', () => {
    const d = decideEvent(event({ linkText: 'https://meet.google.com/x' }), rules({ notes: false }));
    expect(d).toMatchObject({ kind: 'touch', touch: { via: 'video', note: null } });
  });

  it.each<[string, Partial<EventInstance>, Partial<CaptureRules>, string]>([
    ['before --since', { start: new Date('2025-12-31T12:00:00Z') }, {}, 'before_since'],
    ['not over yet', { end: new Date('2026-03-01T09:30:00Z') }, {}, 'not_ended'],
    ['cancelled', { status: 'CANCELLED' }, {}, 'cancelled'],
    ['private', { privacy: 'PRIVATE' }, {}, 'private'],
    ['confidential', { privacy: 'CONFIDENTIAL' }, {}, 'private'],
    ['all-day', { allDay: true }, {}, 'all_day'],
    ['nobody known', { attendees: [{ email: 'x@y.example', name: 'X', partstat: 'ACCEPTED' }] }, {}, 'no_known_people'],
    [
      'I declined',
      { organizer: { email: 'maya@acme.example', name: null }, attendees: [{ email: 'ME@example.com', name: null, partstat: 'DECLINED' }] },
      {},
      'declined',
    ],
    ['more than --max-people (me included)', {}, { maxPeople: 1 }, 'too_many_people'],
  ])('skips: %s', (_, e, r, reason) => {
    expect(decideEvent(event(e), rules(r))).toMatchObject({ kind: 'skip', reason });
  });

  it('--include-private captures a private event', () => {
    expect(decideEvent(event({ privacy: 'PRIVATE' }), rules({ includePrivate: true })).kind).toBe('touch');
  });

  it('attendees who declined are not met; the organizer counts; unknown people are listed', () => {
    const d = decideEvent(
      event({
        organizer: { email: 'ana@example.org', name: 'Ana' },
        attendees: [
          { email: 'me@example.com', name: null, partstat: 'ACCEPTED' },
          { email: 'maya@acme.example', name: 'Maya', partstat: 'DECLINED' },
          { email: 't.omas.ruiz+x@googlemail.com', name: 'Tomás', partstat: 'TENTATIVE' },
          { email: 'priya@startup.example', name: 'Priya Patel', partstat: 'ACCEPTED' },
        ],
      }),
      rules(),
    );
    expect(d).toEqual({
      kind: 'touch',
      touch: { key: 'uid-1', day: '2026-02-10', via: 'meeting', note: 'Lunch', personIds: ['p-ana', 'p-tomas'] },
      unknown: [{ email: 'priya@startup.example', name: 'Priya Patel' }],
    });
  });

  it('counts participants once each: 8 people with me is allowed, 9 is not', () => {
    const others = (n: number) => Array.from({ length: n }, (_, i) => ({ email: `p${i}@x.example`, name: null, partstat: 'ACCEPTED' }));
    const base = [{ email: 'maya@acme.example', name: null, partstat: 'ACCEPTED' }, { email: 'maya@acme.example', name: null, partstat: 'ACCEPTED' }];
    expect(decideEvent(event({ attendees: [...base, ...others(6)] }), rules()).kind).toBe('touch');
    expect(decideEvent(event({ attendees: [...base, ...others(7)] }), rules())).toMatchObject({ reason: 'too_many_people' });
  });
});

describe('decideMessage', () => {
  it('a message I sent is one email touch per known recipient', () => {
    const d = decideMessage(message({ cc: [{ email: 'tomas.ruiz@gmail.com', name: null }, { email: 'new@x.example', name: 'New' }] }), rules());
    expect(d).toEqual({
      kind: 'touch',
      touch: { key: 'mail:m1@x', day: '2026-02-10', via: 'email', note: 'Hello', personIds: ['p-maya', 'p-tomas'] },
      unknown: [{ email: 'new@x.example', name: 'New' }],
    });
  });

  it('a message from a known person to me counts only with --received', () => {
    const m = message({ from: { email: 'maya@acme.example', name: 'Maya' }, to: [{ email: 'me@example.com', name: null }] });
    expect(decideMessage(m, rules())).toMatchObject({ kind: 'skip', reason: 'received' });
    expect(decideMessage(m, rules({ received: true }))).toMatchObject({ kind: 'touch', touch: { personIds: ['p-maya'] } });
  });

  it.each<[string, Partial<MailMessage>, string]>([
    ['a mailing list', { listId: '<club.lists.example>' }, 'bulk'],
    ['Precedence: bulk', { precedence: 'bulk' }, 'bulk'],
    ['Precedence: list', { precedence: 'List' }, 'bulk'],
    ['Auto-Submitted: auto-replied', { autoSubmitted: 'auto-replied' }, 'bulk'],
    ['neither from nor to me', { from: { email: 'a@b.example', name: null } }, 'not_mine'],
    ['before --since', { date: new Date('2025-06-01T00:00:00Z') }, 'before_since'],
    ['too many recipients', { to: Array.from({ length: 9 }, (_, i) => ({ email: `r${i}@x.example`, name: null })) }, 'too_many_people'],
  ])('skips %s', (_, m, reason) => {
    expect(decideMessage(message(m), rules())).toMatchObject({ kind: 'skip', reason });
  });

  it('Auto-Submitted: no is a person writing', () => {
    expect(decideMessage(message({ autoSubmitted: 'no' }), rules()).kind).toBe('touch');
  });
});

describe('mail days and notes', () => {
  it('several messages to a person on one day are one touch; subjects joined once each', () => {
    const t = (key: string, day: string, note: string, personIds: string[]) => ({ key, day, via: 'email' as const, note, personIds });
    expect(
      mailDays([t('a', '2026-02-10', 'Plans', ['p1']), t('b', '2026-02-10', 'Plans', ['p1', 'p2']), t('c', '2026-02-10', 'Deck', ['p1']), t('d', '2026-02-11', 'X', ['p1'])]),
    ).toEqual([
      { personId: 'p1', day: '2026-02-10', note: 'Plans; Deck', messageKeys: ['a', 'b', 'c'] },
      { personId: 'p2', day: '2026-02-10', note: 'Plans', messageKeys: ['b'] },
      { personId: 'p1', day: '2026-02-11', note: 'X', messageKeys: ['d'] },
    ]);
    expect(joinNotes(null, 'A')).toBe('A');
    expect(joinNotes('A; B', 'B')).toBe('A; B');
  });

  it.each([
    ['Re: Re: Fwd: Plans', 'Plans'],
    ['AW: Termin', 'Termin'],
    ['  many\n  lines ', 'many lines'],
    ['', null],
  ])('cleanSubject(%j) = %j', (s, out) => expect(cleanSubject(s)).toBe(out));

  it('unknown people: most frequent first, the name from the first CN that is not the address', () => {
    expect(
      tallyUnknown([
        { email: 'sam@x.example', name: 'sam@x.example' },
        { email: 'Priya@Startup.example', name: null },
        { email: 'priya@startup.example', name: 'Priya Patel' },
        { email: 'sam@x.example', name: null },
        { email: 'sam@x.example', name: 'Sam Lee' },
      ]),
    ).toEqual([
      { email: 'sam@x.example', name: 'Sam Lee', times: 3 },
      { email: 'priya@startup.example', name: 'Priya Patel', times: 2 },
    ]);
  });

  it('--since defaults to the day of the last capture, else 90 days ago', () => {
    expect(defaultSince('2026-02-20', '2026-03-01')).toBe('2026-02-20');
    expect(defaultSince(null, '2026-03-01')).toBe('2025-12-01');
  });
});
