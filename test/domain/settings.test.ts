import { describe, expect, it } from 'vitest';
import {
  checkSettings, DEFAULT_SETTINGS, daysLeftInWeek, defaultEveryDays, SETTING_KEYS, SETTINGS, settingKey, type Settings,
} from '../../src/domain/settings.js';
import { usage } from '../support.js';

const parse = <K extends keyof Settings>(key: K, text: string): Settings[K] => SETTINGS[key].parse(text);

describe('settings: defaults and keys', () => {
  it('has the documented defaults', () => {
    expect(DEFAULT_SETTINGS).toEqual({
      'default.every': null, 'due.birthday-days': 14, 'log.via': 'meeting', pager: null, 'undo.keep': 200, 'week.start': 'monday',
      'sync.contacts': null, 'sync.journal': null, 'me.emails': null, 'capture.sources': null, 'capture.notes': 'on',
    });
    expect(SETTING_KEYS).toEqual([
      'default.every', 'due.birthday-days', 'log.via', 'pager', 'undo.keep', 'week.start', 'sync.contacts', 'sync.journal',
      'me.emails', 'capture.sources', 'capture.notes',
    ]);
  });

  it.each([
    ['default.every', 'the rhythm of a person added without --every (rel add); unset: no rhythm'],
    ['due.birthday-days', 'how many days ahead rel due shows birthdays (--within overrides it)'],
    ['log.via', 'the channel of rel log when --via is not given'],
    ['week.start', 'the first day of the week: where "rel due --within week" ends'],
  ] as const)('%s explains itself in rel config --help: %s', (key, about) => {
    expect(SETTINGS[key].about).toBe(about);
  });

  it('suggests values for shell completion', () => {
    expect(SETTINGS['default.every'].suggest).toEqual(['1w', '2w', '1m', '3m', '6m', '1y', 'weekly', 'fortnightly', 'monthly', 'quarterly', 'yearly']);
    expect(SETTINGS['due.birthday-days'].suggest).toEqual(['7', '14', '30']);
    expect(SETTINGS['log.via'].suggest).toContain('call');
    expect(SETTINGS['week.start'].suggest).toEqual(['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday']);
    for (const key of SETTING_KEYS) for (const s of SETTINGS[key].suggest) expect(() => SETTINGS[key].parse(s)).not.toThrow();
  });

  it.each([['week.start', 'week.start'], [' Log.Via ', 'log.via'], ['DUE.BIRTHDAY-DAYS', 'due.birthday-days']])('key %j → %s', (text, key) => {
    expect(settingKey(text)).toBe(key);
  });

  it('refuses an unknown key, listing the known ones', () => {
    expect(usage(() => settingKey('due.days')).message).toBe(
      'unknown setting "due.days": use one of default.every, due.birthday-days, log.via, pager, undo.keep, week.start, sync.contacts, sync.journal, me.emails, capture.sources, capture.notes',
    );
  });
});

describe('settings: values', () => {
  it.each([
    ['2w', '2w'], ['monthly', '1m'], ['14 days', '2w'], ['10d', '10d'], ['quarterly', '3m'], [' 1Y ', '1y'],
  ])('default.every %j is stored as %s', (text, stored) => {
    expect(parse('default.every', text)).toBe(stored);
  });

  it.each(['0d', 'often', '', '2 fortnights'])('default.every refuses %j, listing intervals', (text) => {
    expect(usage(() => parse('default.every', text)).message).toBe(
      `bad value "${text}" for default.every: use an interval: 1w, 2w, 1m, 3m, 1y, daily, weekly, fortnightly, monthly, quarterly, yearly`,
    );
  });

  it.each([['0', 0], ['7', 7], [' 30 ', 30], ['365', 365], ['007', 7]])('due.birthday-days %j → %i', (text, n) => {
    expect(parse('due.birthday-days', text)).toBe(n);
  });

  it.each(['366', '999', '1000', '-1', '1.5', 'x', '', 'a7', '7a'])('due.birthday-days refuses %j', (text) => {
    expect(usage(() => parse('due.birthday-days', text)).message).toBe(
      `bad value "${text}" for due.birthday-days: use a whole number of days from 0 to 365`,
    );
  });

  it.each([['call', 'call'], [' Email ', 'email'], ['LETTER', 'letter']])('log.via %j → %s', (text, via) => {
    expect(parse('log.via', text)).toBe(via);
  });

  it('log.via refuses an unknown channel, listing them', () => {
    expect(usage(() => parse('log.via', 'pigeon')).message).toBe(
      'bad value "pigeon" for log.via: use one of meeting, call, video, email, message, social, event, letter, other',
    );
    expect(SETTINGS['log.via'].accepts).toBe('one of meeting, call, video, email, message, social, event, letter, other');
  });

  it.each([['sunday', 'sunday'], ['Sun', 'sunday'], [' WED ', 'wednesday'], ['sat', 'saturday'], ['thu', 'thursday']])(
    'week.start %j → %s',
    (text, day) => expect(parse('week.start', text)).toBe(day),
  );

  it.each(['su', 'weds', 'toString', 'constructor', ''])('week.start refuses %j', (text) => {
    expect(usage(() => parse('week.start', text)).message).toBe(
      `bad value "${text}" for week.start: use one of sunday, monday, tuesday, wednesday, thursday, friday, saturday`,
    );
  });
});

describe('checkSettings', () => {
  it('parses what a settings file holds, numbers and strings alike', () => {
    expect(checkSettings({ 'due.birthday-days': 30, 'week.start': 'sun', 'default.every': 'monthly' })).toEqual({
      'due.birthday-days': 30, 'week.start': 'sunday', 'default.every': '1m',
    });
    expect(checkSettings({})).toEqual({});
  });

  it('names the first unknown key or bad value', () => {
    expect(usage(() => checkSettings({ 'log.via': 'call', colour: 'red' })).message).toBe(
      'unknown setting "colour": use one of default.every, due.birthday-days, log.via, pager, undo.keep, week.start, sync.contacts, sync.journal, me.emails, capture.sources, capture.notes',
    );
    expect(usage(() => checkSettings({ 'due.birthday-days': true })).message).toBe(
      'bad value "true" for due.birthday-days: use a whole number of days from 0 to 365',
    );
    expect(usage(() => checkSettings({ 'week.start': ['monday'] })).message).toBe(
      'bad value "["monday"]" for week.start: use one of sunday, monday, tuesday, wednesday, thursday, friday, saturday',
    );
    expect(usage(() => checkSettings({ 'due.birthday-days': 400 })).message).toContain('from 0 to 365');
  });
});

describe('defaultEveryDays and daysLeftInWeek', () => {
  it('turns the stored rhythm into days', () => {
    expect(defaultEveryDays(DEFAULT_SETTINGS)).toBeNull();
    expect(defaultEveryDays({ ...DEFAULT_SETTINGS, 'default.every': '2w' })).toBe(14);
    expect(defaultEveryDays({ ...DEFAULT_SETTINGS, 'default.every': '1m' })).toBe(30);
  });

  it.each([
    // 2026-03-02 is a Monday
    ['2026-03-02', 'monday', 6], ['2026-03-08', 'monday', 0], ['2026-03-07', 'monday', 1],
    ['2026-03-02', 'sunday', 5], ['2026-03-07', 'sunday', 0], ['2026-03-08', 'sunday', 6],
    ['2026-03-04', 'wednesday', 6], ['2026-03-03', 'wednesday', 0],
  ] as const)('on %s with weeks starting %s: %i days left', (today, start, left) => {
    expect(daysLeftInWeek(today, start)).toBe(left);
  });
});
