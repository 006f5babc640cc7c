// rel capture at its edges: the exact day and instant limits, the header values that make a message
// bulk or not, subjects as notes at their length limit, and who counts in a message or an event.
import { describe, expect, it } from 'vitest';
import {
  cleanSubject, decideEvent, decideMessage, emailKey, joinNotes, tallyUnknown, touchDigest,
  type Attendee, type CaptureRules, type EventInstance, type MailMessage,
} from '../../src/domain/capture.js';

process.env.TZ = 'UTC';

const rules = (o: Partial<CaptureRules> = {}): CaptureRules => ({
  now: new Date('2026-03-01T09:00:00Z'),
  me: new Set(['me@example.com']),
  people: new Map([['maya@acme.example', 'p-maya'], ['ana@example.org', 'p-ana'], ['tomasruiz@gmail.com', 'p-tomas']]),
  since: '2026-02-10',
  maxPeople: 3,
  includePrivate: false,
  notes: true,
  received: true,
  ...o,
});

const maya: Attendee = { email: 'maya@acme.example', name: 'Maya Chen', partstat: 'ACCEPTED' };
const event = (o: Partial<EventInstance> = {}): EventInstance => ({
  location: 'cal.ics:1', key: 'uid-1',
  start: new Date('2026-02-10T00:00:00Z'), end: new Date('2026-02-10T01:00:00Z'),
  allDay: false, status: null, privacy: null, summary: 'Lunch', organizer: null,
  attendees: [{ email: 'me@example.com', name: null, partstat: 'ACCEPTED' }, maya],
  linkText: '',
  ...o,
});

const message = (o: Partial<MailMessage> = {}): MailMessage => ({
  location: 'mbox: message 1', messageId: 'm1@x', date: new Date('2026-02-10T00:00:00Z'),
  from: { email: 'me@example.com', name: 'Me' }, to: [{ email: 'maya@acme.example', name: 'Maya' }], cc: [],
  subject: 'Hello', listId: null, precedence: null, autoSubmitted: null,
  ...o,
});

const people = (n: number) => Array.from({ length: n }, (_, i) => ({ email: `p${i}@x.example`, name: null }));

describe('emailKey: what is an address', () => {
  it.each([
    ['  Maya@Acme.Example  ', 'maya@acme.example'],
    ['MAILTO:maya@acme.example', 'maya@acme.example'],
    ['maya.mailto:x@acme.example', 'maya.mailto:x@acme.example'], // mailto: only as a prefix
    ['maya@', null],
    ['a@b', 'a@b'],
    ['two words@acme.example', null],
    ['maya@acme.example\u00a0x', null],
  ])('%j -> %j', (input, key) => expect(emailKey(input)).toBe(key));
});

describe('decideEvent: limits', () => {
  it('an event on the --since day is captured; one ending exactly now has ended', () => {
    expect(decideEvent(event(), rules()).kind).toBe('touch');
    expect(decideEvent(event({ end: new Date('2026-03-01T09:00:00Z') }), rules()).kind).toBe('touch');
    expect(decideEvent(event({ end: new Date('2026-03-01T09:00:01Z') }), rules())).toMatchObject({ reason: 'not_ended' });
  });

  it('a status in any case cancels; a skip lists nobody unknown', () => {
    expect(decideEvent(event({ status: 'cancelled' }), rules())).toEqual({ kind: 'skip', reason: 'cancelled', unknown: [] });
    expect(decideEvent(event({ status: 'TENTATIVE' }), rules()).kind).toBe('touch');
  });

  it('an attendee without an address is left out, not counted against --max-people', () => {
    const blank = { email: 'not an address', name: 'Room 4', partstat: 'ACCEPTED' };
    const d = decideEvent(event({ attendees: [maya, blank, blank, blank] }), rules());
    expect(d).toEqual({ kind: 'touch', touch: expect.objectContaining({ personIds: ['p-maya'] }), unknown: [] });
  });

  it('a person listed twice, declined the second time, still counts once as met', () => {
    const d = decideEvent(event({ attendees: [maya, { ...maya, partstat: 'DECLINED' }] }), rules());
    expect(d).toMatchObject({ kind: 'touch', touch: { personIds: ['p-maya'] } });
  });

  it('the same attendee list read with other addresses for me, or another organizer, is worked out again', () => {
    const attendees: Attendee[] = [{ email: 'me@example.com', name: null, partstat: 'DECLINED' }, maya];
    expect(decideEvent(event({ attendees }), rules())).toMatchObject({ reason: 'declined' });
    // Same list, but I am someone else now: maya is me, me@example.com is a stranger who declined.
    expect(decideEvent(event({ attendees }), rules({ me: new Set(['maya@acme.example']) }))).toMatchObject({ reason: 'no_known_people', unknown: [] });
    const organizer = { email: 'ana@example.org', name: 'Ana' };
    expect(decideEvent(event({ attendees: [maya] }), rules())).toMatchObject({ touch: { personIds: ['p-maya'] } });
    expect(decideEvent(event({ attendees: [maya], organizer }), rules())).toMatchObject({ touch: { personIds: ['p-ana', 'p-maya'] } });
  });
});

describe('decideMessage: limits and headers', () => {
  it('a message on the --since day counts; the day before does not', () => {
    expect(decideMessage(message(), rules()).kind).toBe('touch');
    expect(decideMessage(message({ date: new Date('2026-02-09T23:59:59Z') }), rules())).toEqual({ kind: 'skip', reason: 'before_since', unknown: [] });
  });

  it.each([
    [' bulk ', 'bulk'], ['JUNK', 'bulk'], ['bulk-ish', 'touch'], ['not bulk', 'touch'], ['first-class', 'touch'], ['', 'touch'],
  ])('Precedence: %j -> %s', (precedence, kind) => {
    const d = decideMessage(message({ precedence }), rules());
    expect(d.kind === 'skip' ? d.reason : d.kind).toBe(kind);
  });

  it.each([
    ['auto-generated', 'bulk'], [' No ', 'touch'], ['no', 'touch'], ['   ', 'touch'], ['nope', 'bulk'], ['auto-replied; no', 'bulk'],
  ])('Auto-Submitted: %j -> %s', (autoSubmitted, kind) => {
    const d = decideMessage(message({ autoSubmitted }), rules());
    expect(d.kind === 'skip' ? d.reason : d.kind).toBe(kind);
  });

  it('recipients without an address, and the sender copied to themselves, are not counted', () => {
    const d = decideMessage(message({ to: [{ email: 'maya@acme.example', name: null }, { email: 'undisclosed-recipients:;', name: null }], cc: [{ email: 'Me@Example.com', name: 'Me' }] }), rules());
    expect(d).toMatchObject({ kind: 'touch', touch: { personIds: ['p-maya'] } });
    const sent = decideMessage(message({ to: [...people(2), { email: 'maya@acme.example', name: null }, { email: 'MAYA@acme.example', name: null }] }), rules());
    expect(sent).toMatchObject({ kind: 'touch', touch: { personIds: ['p-maya'] }, unknown: people(2) });
  });

  it('--max-people counts the recipients of what I sent, and me with the others of what I received', () => {
    expect(decideMessage(message({ to: [maya, ...people(2)] }), rules()).kind).toBe('touch');
    expect(decideMessage(message({ to: [maya, ...people(3)] }), rules())).toMatchObject({ reason: 'too_many_people' });
    const from = { email: 'maya@acme.example', name: 'Maya' };
    const received = (n: number) => message({ from, to: [{ email: 'me@example.com', name: null }, ...people(n)] });
    expect(decideMessage(received(2), rules())).toMatchObject({ kind: 'touch', touch: { personIds: ['p-maya'] } });
    expect(decideMessage(received(3), rules())).toEqual({ kind: 'skip', reason: 'too_many_people', unknown: [] });
    expect(decideMessage(message({ from: { email: 'x@y.example', name: 'X' }, to: [{ email: 'me@example.com', name: null }] }), rules()))
      .toEqual({ kind: 'skip', reason: 'no_known_people', unknown: [{ email: 'x@y.example', name: 'X' }] });
  });

  it('a message without a Message-ID is keyed by its date, sender and subject', () => {
    const d = decideMessage(message({ messageId: null }), rules());
    expect(d).toMatchObject({ touch: { key: 'mail:2026-02-10T00:00:00.000Z|me@example.com|Hello' } });
    const untitled = decideMessage(message({ messageId: null, subject: null }), rules());
    expect(untitled).toMatchObject({ touch: { key: 'mail:2026-02-10T00:00:00.000Z|me@example.com|', note: null } });
  });

  it('the people met are listed sorted by id, whatever the order of the recipients', () => {
    const d = decideMessage(message({ to: [{ email: 'tomas.ruiz@gmail.com', name: null }, { email: 'ana@example.org', name: null }, maya] }), rules());
    expect(d).toMatchObject({ touch: { personIds: ['p-ana', 'p-maya', 'p-tomas'] } });
  });
});

describe('subjects as notes', () => {
  it.each([
    ['Fw: plans', 'plans'], ['FWD : plans', 'plans'], ['Re[2]: plans', 'plans'], ['RE [12] :  plans', 'plans'],
    ['Re:Re:  Fwd:plans', 'plans'], ['SV: Re: möte', 'möte'], ['Rebooking: flights', 'Rebooking: flights'],
    ['Re[x]: plans', 'Re[x]: plans'], ['Plans re: budget', 'Plans re: budget'], ['Re:', null], ['   ', null],
    ['Re : : plans', ': plans'],
  ])('cleanSubject(%j) = %j', (s, out) => expect(cleanSubject(s)).toBe(out));

  it('null stays null', () => expect(cleanSubject(null)).toBeNull());

  it('a subject of 300 characters is kept whole; a longer one is cut to 300 with an ellipsis', () => {
    expect(cleanSubject('x'.repeat(300))).toBe('x'.repeat(300));
    expect(cleanSubject('x'.repeat(301))).toBe(`${'x'.repeat(299)}…`);
  });

  it('joinNotes: a day note grows while it fits in 300 characters', () => {
    expect(joinNotes('A', null)).toBe('A');
    expect(joinNotes(null, null)).toBeNull();
    expect(joinNotes('a'.repeat(147), 'b'.repeat(151))).toBe(`${'a'.repeat(147)}; ${'b'.repeat(151)}`); // 300
    expect(joinNotes('a'.repeat(147), 'b'.repeat(152))).toBe('a'.repeat(147)); // 301: kept as it was
  });
});

describe('tallyUnknown', () => {
  it('orders by how often, then by address; skips what is not an address', () => {
    expect(tallyUnknown([
      { email: 'zoe@x.example', name: null }, { email: 'bob@x.example', name: null }, { email: 'not an address', name: 'X' },
      { email: 'amy@x.example', name: null }, { email: 'zoe@x.example', name: null },
    ])).toEqual([
      { email: 'zoe@x.example', name: null, times: 2 },
      { email: 'amy@x.example', name: null, times: 1 },
      { email: 'bob@x.example', name: null, times: 1 },
    ]);
  });

  it('cleans the display name: one line, no quotes around it', () => {
    expect(tallyUnknown([{ email: 'sam@x.example', name: ' "Sam \n  Lee" ' }])[0]!.name).toBe('Sam Lee');
    expect(tallyUnknown([{ email: 'sam@x.example', name: "'O'Neil'" }])[0]!.name).toBe("O'Neil");
    expect(tallyUnknown([{ email: 'sam@x.example', name: '"SAM@X.EXAMPLE"' }])[0]!.name).toBeNull();
    expect(tallyUnknown([{ email: 'sam@x.example', name: '  ' }])[0]!.name).toBeNull();
  });
});

describe('touchDigest', () => {
  it('changes when the day, channel, note or people of a captured touch change, and only then', () => {
    const t = { key: 'k', day: '2026-02-10', via: 'meeting' as const, note: 'Lunch', personIds: ['p1'] };
    const d = touchDigest(t);
    expect(touchDigest({ ...t, key: 'other' })).toBe(d);
    for (const change of [{ day: '2026-02-11' }, { via: 'video' as const }, { note: null }, { personIds: ['p1', 'p2'] }]) {
      expect(touchDigest({ ...t, ...change })).not.toBe(d);
    }
  });
});
