/**
 * Settings (`rel config`): the defaults a user wants once. Which keys exist, what each accepts, and
 * its default. Pure: reading and writing the file is src/config.ts.
 */
import { UsageError } from '../errors.js';
import { weekdayOf } from './dates.js';
import { formatEvery, intervalDays, parseInterval } from './interval.js';
import { quoteInput } from './text.js';
import { CHANNELS, type Channel, type Day } from './types.js';
import { emailKey } from './capture.js';

export const WEEKDAY_NAMES = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;
export type Weekday = (typeof WEEKDAY_NAMES)[number];

/** Every setting with its value in effect; `default.every` is null when new people get no rhythm. */
export interface Settings {
  'default.every': string | null;
  'due.birthday-days': number;
  'log.via': Channel;
  pager: string | null;
  'undo.keep': number;
  'week.start': Weekday;
  /** rel sync's folders (vdirs); null: not set. */
  'sync.contacts': string | null;
  'sync.journal': string | null;
  /** My own addresses, for rel capture (what I sent, which attendee is me); normalized with emailKey(). */
  'me.emails': string[] | null;
  /** What rel capture reads when no SOURCE is named: files and folders. */
  'capture.sources': string[] | null;
  'capture.notes': 'on' | 'off';
}

export type SettingKey = keyof Settings;

interface Definition<K extends SettingKey> {
  /** What it does, for `rel config --help`, the man page and the README. */
  about: string;
  default: Settings[K];
  /** What it accepts, in words; shown when a value is refused. */
  accepts: string;
  /** Suggestions for shell completion. */
  suggest: readonly string[];
  /** The value as stored, or a UsageError saying what is accepted. */
  parse(text: string): Settings[K];
}

const refuse = (key: SettingKey, text: string, accepts: string): UsageError =>
  new UsageError(`bad value ${quoteInput(text)} for ${key}: use ${accepts}`);

const oneOf = <T extends string>(key: SettingKey, values: readonly T[], text: string, aliases: Record<string, T> = {}): T => {
  const t = text.trim().toLowerCase();
  if ((values as readonly string[]).includes(t)) return t as T;
  if (Object.hasOwn(aliases, t)) return aliases[t]!;
  throw refuse(key, text, `one of ${values.join(', ')}`);
};

const WEEKDAY_ABBREVIATIONS = Object.fromEntries(WEEKDAY_NAMES.map((d) => [d.slice(0, 3), d])) as Record<string, Weekday>;
const INTERVALS = 'an interval: 1w, 2w, 1m, 3m, 1y, daily, weekly, fortnightly, monthly, quarterly, yearly';

export const SETTINGS: { readonly [K in SettingKey]: Definition<K> } = {
  'default.every': {
    about: 'the rhythm of a person added without --every (rel add); unset: no rhythm',
    default: null,
    accepts: INTERVALS,
    suggest: ['1w', '2w', '1m', '3m', '6m', '1y', 'weekly', 'fortnightly', 'monthly', 'quarterly', 'yearly'],
    parse: (text) => {
      try {
        return formatEvery(intervalDays(parseInterval(text)));
      } catch (e) {
        throw e instanceof UsageError ? refuse('default.every', text, INTERVALS) : e;
      }
    },
  },
  'due.birthday-days': {
    about: 'how many days ahead rel due shows birthdays (--within overrides it)',
    default: 14,
    accepts: 'a whole number of days from 0 to 365',
    suggest: ['7', '14', '30'],
    parse: (text) => {
      const t = text.trim();
      if (!/^\d{1,3}$/.test(t) || Number(t) > 365) throw refuse('due.birthday-days', text, 'a whole number of days from 0 to 365');
      return Number(t);
    },
  },
  'log.via': {
    about: 'the channel of rel log when --via is not given',
    default: 'meeting',
    accepts: `one of ${CHANNELS.join(', ')}`,
    suggest: CHANNELS,
    parse: (text) => oneOf('log.via', CHANNELS, text),
  },
  pager: {
    about: 'the pager for output taller than the screen ($REL_PAGER wins; unset: $PAGER, else less -FRX); off: none',
    default: null,
    accepts: 'a command (less -FRX, more) or off',
    suggest: ['off', 'less -FRX', 'more'],
    parse: (text) => {
      const t = text.trim();
      if (t === '') throw refuse('pager', text, 'a command (less -FRX, more) or off');
      return /^(off|false|no|never|none)$/i.test(t) ? 'off' : t;
    },
  },
  'undo.keep': {
    about: 'how many of the last changes rel undo can take back; older ones are dropped from the journal',
    default: 200,
    accepts: 'a whole number of changes from 1 to 100000',
    suggest: ['50', '200', '1000'],
    parse: (text) => {
      const t = text.trim();
      if (!/^\d{1,6}$/.test(t) || Number(t) < 1 || Number(t) > 100_000) {
        throw refuse('undo.keep', text, 'a whole number of changes from 1 to 100000');
      }
      return Number(t);
    },
  },
  'week.start': {
    about: 'the first day of the week: where "rel due --within week" ends',
    default: 'monday',
    accepts: `one of ${WEEKDAY_NAMES.join(', ')}`,
    suggest: WEEKDAY_NAMES,
    parse: (text) => oneOf('week.start', WEEKDAY_NAMES, text, WEEKDAY_ABBREVIATIONS),
  },
  'sync.contacts': folder('sync.contacts', 'the contacts vdir rel sync keeps people in (one .vcf per person; --contacts overrides it)'),
  'sync.journal': folder('sync.journal', 'the calendar vdir rel sync keeps touches, follow-ups and dates in (--journal overrides it)'),
  'me.emails': {
    about: 'your own email addresses, for rel capture (what you sent; which attendee is you)',
    default: null,
    accepts: 'email addresses separated by commas: you@example.com,you@work.example',
    suggest: [],
    parse: (text) => list('me.emails', text, (a) => emailKey(a) !== null),
  },
  'capture.sources': {
    about: 'what rel capture reads when no SOURCE is named: .ics files, folders of them, mbox files, Maildirs',
    default: null,
    accepts: 'paths separated by commas: ~/.calendars,~/Mail/Sent',
    suggest: [],
    parse: (text) => list('capture.sources', text, (p) => p !== ''),
  },
  'capture.notes': {
    about: "rel capture stores an event's summary or a message's subject as the touch's note (off: no note)",
    default: 'on',
    accepts: 'on or off',
    suggest: ['on', 'off'],
    parse: (text) => oneOf('capture.notes', ['on', 'off'] as const, text, { yes: 'on', no: 'off', true: 'on', false: 'off' }),
  },
};

/** A folder setting: an absolute path, or one under ~/. */
function folder<K extends 'sync.contacts' | 'sync.journal'>(key: K, about: string): Definition<K> {
  const accepts = 'an absolute folder path, or one starting with ~/';
  return {
    about,
    default: null,
    accepts,
    suggest: [],
    parse: (text) => {
      const t = text.trim();
      if (!t.startsWith('/') && !t.startsWith('~/')) throw refuse(key, text, accepts);
      return t;
    },
  };
}

/** The settings that hold a list (set as comma-separated text, stored as a JSON array). */
const LIST_SETTINGS: readonly SettingKey[] = ['me.emails', 'capture.sources'];

/** A list setting: comma-separated, blanks dropped, each item checked; at least one. */
function list(key: SettingKey, text: string, ok: (item: string) => boolean): string[] {
  const items = [...new Set(text.split(',').map((s) => s.trim()).filter((s) => s !== ''))];
  if (items.length === 0 || !items.every(ok)) throw refuse(key, text, SETTINGS[key].accepts);
  return items;
}

export const SETTING_KEYS = Object.keys(SETTINGS) as SettingKey[];

export function settingKey(text: string): SettingKey {
  const t = text.trim().toLowerCase();
  if ((SETTING_KEYS as string[]).includes(t)) return t as SettingKey;
  throw new UsageError(`unknown setting ${quoteInput(text)}: use one of ${SETTING_KEYS.join(', ')}`);
}

export const DEFAULT_SETTINGS = Object.fromEntries(SETTING_KEYS.map((k) => [k, SETTINGS[k].default])) as unknown as Settings;

/** Checks what a settings file holds: a UsageError naming the first unknown key or bad value. */
export function checkSettings(stored: Record<string, unknown>): Partial<Settings> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(stored)) {
    const key = settingKey(k);
    const list = LIST_SETTINGS.includes(key) && Array.isArray(v) && v.every((x) => typeof x === 'string');
    const text = list ? v.join(',') : v; // a list setting is stored as a JSON array
    if (typeof text !== 'string' && typeof text !== 'number') throw refuse(key, JSON.stringify(v), SETTINGS[key].accepts);
    out[key] = SETTINGS[key].parse(String(text));
  }
  return out as Partial<Settings>;
}

/** The rhythm, in days, of a person added without --every. */
export const defaultEveryDays = (s: Settings): number | null =>
  s['default.every'] === null ? null : intervalDays(parseInterval(s['default.every']));

/** Days from `today` to the last day of its week (0 on that day), the week starting on `start`. */
export function daysLeftInWeek(today: Day, start: Weekday): number {
  return (WEEKDAY_NAMES.indexOf(start) + 6 - weekdayOf(today) + 7) % 7;
}
