// rel config: the pager, the folders of rel sync, the lists of rel capture and the limits of the
// number settings, as a user sets them (`rel config KEY VALUE`) and as the settings file holds them.
import { describe, expect, it } from 'vitest';
import { checkSettings, SETTINGS, type Settings } from '../../src/domain/settings.js';
import { usage } from '../support.js';

const parse = <K extends keyof Settings>(key: K, text: string): Settings[K] => SETTINGS[key].parse(text);

describe('settings: pager', () => {
  it.each([
    ['less -FRX', 'less -FRX'], ['  more  ', 'more'], ['off', 'off'], ['OFF', 'off'], [' never ', 'off'], ['None', 'off'],
    ['false', 'off'], ['no', 'off'], ['nope', 'nope'], ['offline-pager', 'offline-pager'], ['less --no-init', 'less --no-init'],
  ])('pager %j is stored as %j', (text, stored) => {
    expect(parse('pager', text)).toBe(stored);
  });

  it.each(['', '   '])('pager refuses %j: a blank is neither a command nor off', (text) => {
    expect(usage(() => parse('pager', text)).message).toBe(`bad value "${text}" for pager: use a command (less -FRX, more) or off`);
  });
});

describe('settings: rel sync folders', () => {
  it.each([
    ['sync.contacts', '/home/ada/.contacts', '/home/ada/.contacts'],
    ['sync.contacts', ' ~/contacts/rel ', '~/contacts/rel'],
    ['sync.journal', '~/calendars/rel', '~/calendars/rel'],
    ['sync.journal', '/srv/dav/journal/', '/srv/dav/journal/'],
  ] as const)('%s %j is stored as %j', (key, text, stored) => {
    expect(parse(key, text)).toBe(stored);
  });

  it.each([
    ['sync.contacts', 'contacts'], ['sync.contacts', './contacts'], ['sync.journal', '~journal'], ['sync.journal', ''],
    ['sync.journal', 'journal/'], ['sync.contacts', 'C:/contacts~/'],
  ] as const)('%s refuses %j: only an absolute path or one under ~/', (key, text) => {
    expect(usage(() => parse(key, text)).message).toBe(
      `bad value "${text}" for ${key}: use an absolute folder path, or one starting with ~/`,
    );
  });
});

describe('settings: the lists of rel capture', () => {
  it('me.emails keeps each address once, in the order given, dropping blanks', () => {
    expect(parse('me.emails', ' ada@example.com, ,ada@work.example,ada@example.com,')).toEqual(['ada@example.com', 'ada@work.example']);
    expect(parse('me.emails', 'Ada@Example.com')).toEqual(['Ada@Example.com']);
  });

  it.each(['', ' , ', 'ada@example.com,not an address', 'ada', 'ada@example.com,@example.com'])(
    'me.emails refuses %j, saying what it takes',
    (text) => {
      expect(usage(() => parse('me.emails', text)).message).toBe(
        `bad value "${text}" for me.emails: use email addresses separated by commas: you@example.com,you@work.example`,
      );
    },
  );

  it('capture.sources keeps each path once, trimmed, dropping blanks', () => {
    expect(parse('capture.sources', '~/.calendars, ~/Mail/Sent ,,~/.calendars')).toEqual(['~/.calendars', '~/Mail/Sent']);
    expect(parse('capture.sources', 'a b.ics')).toEqual(['a b.ics']);
  });

  it.each(['', ',', ' , , '])('capture.sources refuses %j: at least one path', (text) => {
    expect(usage(() => parse('capture.sources', text)).message).toBe(
      `bad value "${text}" for capture.sources: use paths separated by commas: ~/.calendars,~/Mail/Sent`,
    );
  });

  it.each([
    ['on', 'on'], ['OFF', 'off'], ['yes', 'on'], ['no', 'off'], ['true', 'on'], [' False ', 'off'],
  ] as const)('capture.notes %j → %s', (text, stored) => {
    expect(parse('capture.notes', text)).toBe(stored);
  });

  it.each(['', 'maybe', 'y', 'toString'])('capture.notes refuses %j', (text) => {
    expect(usage(() => parse('capture.notes', text)).message).toBe(`bad value "${text}" for capture.notes: use one of on, off`);
  });
});

describe('settings: the limits of number settings', () => {
  it.each([['1', 1], ['200', 200], ['100000', 100_000], ['000200', 200]])('undo.keep %j → %i', (text, n) => {
    expect(parse('undo.keep', text)).toBe(n);
  });

  it.each(['0', '100001', '999999', '0100000', '1e3'])('undo.keep refuses %j', (text) => {
    expect(usage(() => parse('undo.keep', text)).message).toBe(
      `bad value "${text}" for undo.keep: use a whole number of changes from 1 to 100000`,
    );
  });

  it('due.birthday-days refuses leading zeros that make the text longer than 365', () => {
    expect(usage(() => parse('due.birthday-days', '0007')).message).toBe(
      'bad value "0007" for due.birthday-days: use a whole number of days from 0 to 365',
    );
  });
});

describe('checkSettings: list settings are stored as JSON arrays', () => {
  it('reads a stored array of addresses or paths as the list it is', () => {
    expect(checkSettings({ 'me.emails': ['ada@example.com', 'ada@work.example'], 'capture.sources': ['~/Mail/Sent'] })).toEqual({
      'me.emails': ['ada@example.com', 'ada@work.example'],
      'capture.sources': ['~/Mail/Sent'],
    });
  });

  it('also reads the comma-separated text an older file may hold', () => {
    expect(checkSettings({ 'me.emails': 'ada@example.com,ada@work.example' })).toEqual({
      'me.emails': ['ada@example.com', 'ada@work.example'],
    });
  });

  it('refuses an array that is not all text, or an array for a setting that is not a list', () => {
    expect(usage(() => checkSettings({ 'me.emails': ['ada@example.com', 7] })).message).toBe(
      'bad value "["ada@example.com",7]" for me.emails: use email addresses separated by commas: you@example.com,you@work.example',
    );
    expect(usage(() => checkSettings({ pager: ['less', '-R'] })).message).toBe(
      'bad value "["less","-R"]" for pager: use a command (less -FRX, more) or off',
    );
  });
});
