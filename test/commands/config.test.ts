import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { relAt, tempDir } from '../helpers.js';
import { configPath } from '../../src/config.js';
import { daysLeftInWeek, SETTINGS } from '../../src/domain/settings.js';

let tmp: ReturnType<typeof tempDir>;
let rel: ReturnType<typeof relAt>;
let file: string;
beforeEach(() => {
  tmp = tempDir();
  rel = relAt(join(tmp.dir, 'rel.db'), { now: '2026-03-04T09:00', env: { XDG_CONFIG_HOME: join(tmp.dir, 'config') } }); // a Wednesday
  file = join(tmp.dir, 'config', 'rel', 'config.json');
});
afterEach(() => tmp.cleanup());

const list = async () => Object.fromEntries((await rel(['config', 'list', '--json'])).json().map((s: { key: string; value: unknown }) => [s.key, s.value]));

describe('rel config', () => {
  it('lists every setting with its default when there is no file', async () => {
    const r = await rel(['config']);
    expect(r.code).toBe(0);
    expect(r.out).toBe('default.every = (not set)\ndue.birthday-days = 14 (default)\nlog.via = meeting (default)\npager = (not set)\nundo.keep = 200 (default)\nweek.start = monday (default)\n' +
      'sync.contacts = (not set)\nsync.journal = (not set)\nme.emails = (not set)\ncapture.sources = (not set)\ncapture.notes = on (default)\n');
    expect(await list()).toEqual({ 'default.every': null, 'due.birthday-days': 14, 'log.via': 'meeting', pager: null, 'undo.keep': 200, 'week.start': 'monday',
      'sync.contacts': null, 'sync.journal': null, 'me.emails': null, 'capture.sources': null, 'capture.notes': 'on' });
  });

  it('set, get and unset; the file is private JSON holding only what was set', async () => {
    expect((await rel(['config', 'set', 'week.start', 'Sun'])).out).toBe('week.start = sunday\n');
    expect((await rel(['config', 'set', 'default.every', 'quarterly'])).out).toBe('default.every = 3m\n');
    expect((await rel(['config', 'get', 'week.start'])).out).toBe('sunday\n');
    expect((await rel(['config', 'get', 'log.via', '--json'])).json()).toMatchObject({ key: 'log.via', value: 'meeting', set: false });
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ 'default.every': '3m', 'week.start': 'sunday' });
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect((await rel(['config', 'unset', 'week.start'])).out).toBe('week.start = monday (default)\n');
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ 'default.every': '3m' });
    expect((await rel(['config', 'unset', 'default.every'])).out).toBe('default.every = (not set)\n');
    expect((await rel(['config', 'get', 'default.every'])).out).toBe(''); // no value: nothing, exit 0
  });

  it.each([
    [['bogus'], /unknown config command "bogus": use list, get, set or unset/],
    [['get', 'colour'], /unknown setting "colour": use one of default.every, due.birthday-days, log.via, pager, undo.keep, week.start, sync.contacts, sync.journal, me.emails, capture.sources, capture.notes/],
    [['set', 'nope', '1'], /unknown setting "nope": use one of default.every/],
    [['set', 'log.via', 'pigeon'], /bad value "pigeon" for log.via: use one of meeting, call, video, email/],
    [['set', 'week.start', 'funday'], /bad value "funday" for week.start: use one of sunday, monday, tuesday/],
    [['set', 'due.birthday-days', '400'], /bad value "400" for due.birthday-days: use a whole number of days from 0 to 365/],
    [['set', 'default.every', 'soon'], /bad value "soon" for default.every: use an interval: 1w, 2w/],
  ])('refuses %j with exit 2, listing what is valid, and writes nothing', async (args, message) => {
    const r = await rel(['config', ...args]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.err.split('\n')).toHaveLength(2);
    expect(() => statSync(file)).toThrow();
  });

  it.each([
    ['{"week.start": ', /not valid JSON/],
    ['[1, 2]', /expected a JSON object/],
    ['{"week.start": "funday"}', /bad value "funday" for week.start/],
    ['{"colour": "red"}', /unknown setting "colour"/],
  ])('a broken file (%s) is a one-line error naming it, for every command that reads it', async (content, why) => {
    mkdirSync(join(tmp.dir, 'config', 'rel'), { recursive: true });
    writeFileSync(file, content);
    for (const argv of [['config'], ['due'], ['add', 'Ana'], ['config', 'set', 'log.via', 'call']]) {
      const r = await rel(argv);
      expect(r.code).toBe(1);
      expect(r.err).toMatch(new RegExp(`^rel: the settings file ${file.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')} is broken: `));
      expect(r.err).toMatch(why);
      expect(r.err.trim().split('\n')).toHaveLength(1);
    }
    expect(readFileSync(file, 'utf8')).toBe(content); // never overwritten
  });

  it('lives in $XDG_CONFIG_HOME/rel, else ~/.config/rel (a relative XDG_CONFIG_HOME is ignored)', () => {
    expect(configPath({ XDG_CONFIG_HOME: '/x/conf' }, '/home/u')).toBe('/x/conf/rel/config.json');
    expect(configPath({}, '/home/u')).toBe('/home/u/.config/rel/config.json');
    expect(configPath({ XDG_CONFIG_HOME: '' }, '/home/u')).toBe('/home/u/.config/rel/config.json');
    expect(configPath({ XDG_CONFIG_HOME: 'conf' }, '/home/u')).toBe('/home/u/.config/rel/config.json');
  });

  it('--help lists every key with what it accepts, and examples', async () => {
    const r = await rel(['config', '--help']);
    for (const [key, d] of Object.entries(SETTINGS)) {
      expect(r.out).toContain(key);
      expect(r.out).toContain(d.accepts);
    }
    expect(r.out).toMatch(/Examples:\n {2}rel config set/);
    expect(r.out).toContain('~/.config/rel/config.json');
  });
});

describe('the settings, used', () => {
  it('default.every is the rhythm of rel add without --every; --every still wins', async () => {
    await rel(['config', 'set', 'default.every', '2w']);
    expect((await rel(['add', 'Ana', '--json'])).json().every_days).toBe(14);
    expect((await rel(['add', 'Bo', '--every', '1m', '--json'])).json().every_days).toBe(30);
    await rel(['config', 'unset', 'default.every']);
    expect((await rel(['add', 'Cy', '--json'])).json().every_days).toBe(null);
  });

  it('log.via is the channel of rel log without --via; --via still wins', async () => {
    await rel(['add', 'Ana']);
    expect((await rel(['log', 'ana', '--json'])).json().via).toBe('meeting');
    await rel(['config', 'set', 'log.via', 'call']);
    expect((await rel(['log', 'ana', '--json'])).json().via).toBe('call');
    expect((await rel(['log', 'ana', '--via', 'email', '--json'])).json().via).toBe('email');
  });

  it('due.birthday-days is how far ahead rel due shows birthdays; --within still wins', async () => {
    await rel(['add', 'Ana', '--birthday', '--03-24']); // 20 days after 2026-03-04
    const names = async (...argv: string[]) => (await rel(['due', '--json', ...argv])).json().map((i: { name: string }) => i.name);
    expect(await names()).toEqual([]);
    await rel(['config', 'set', 'due.birthday-days', '30']);
    expect(await names()).toEqual(['Ana']);
    expect(await names('--within', '1w')).toEqual([]);
  });

  it('week.start decides where rel due --within week ends', async () => {
    await rel(['add', 'Ana', '--birthday', '--03-08']); // Sunday 2026-03-08
    await rel(['add', 'Bo', '--birthday', '--03-09']); // Monday 2026-03-09
    const names = async () => (await rel(['due', '--within', 'week', '--json'])).json().map((i: { name: string }) => i.name);
    expect(await names()).toEqual(['Ana']); // a week from Monday ends on Sunday
    await rel(['config', 'set', 'week.start', 'tuesday']);
    expect(await names()).toEqual(['Ana', 'Bo']); // ... from Tuesday, on Monday
  });
});

describe('daysLeftInWeek', () => {
  it.each([
    ['2026-03-04', 'monday', 4], // Wednesday → Sunday
    ['2026-03-08', 'monday', 0], // Sunday is the last day
    ['2026-03-09', 'monday', 6], // Monday is the first
    ['2026-03-07', 'sunday', 0], // Saturday ends a Sunday week
    ['2026-03-08', 'sunday', 6],
    ['2026-03-04', 'saturday', 2], // Wednesday → Friday
  ] as const)('%s with weeks from %s: %i days left', (today, start, days) => {
    expect(daysLeftInWeek(today, start)).toBe(days);
  });
});
