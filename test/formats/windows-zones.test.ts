// What an Outlook / Exchange event in a Windows zone the file does not define becomes: the instant of its
// wall-clock time. The offsets are the zones' own (January and July 2026), written out by hand from the
// time-zone rules (Mexico, Brazil, Iran, Fiji and Almaty dropped or moved their daylight time by 2024;
// Greenland moved to -02/-01 in 2023/2024), not read from WINDOWS_ZONES.
import { describe, expect, it } from 'vitest';
import { wallClockInstant } from '../../src/formats/windows-zones.js';

const ZONES: [windows: string, january: string, july: string][] = [
  ['Dateline Standard Time', '-12:00', '-12:00'],
  ['UTC-11', '-11:00', '-11:00'],
  ['Hawaiian Standard Time', '-10:00', '-10:00'],
  ['Alaskan Standard Time', '-09:00', '-08:00'],
  ['Pacific Standard Time (Mexico)', '-08:00', '-07:00'],
  ['Pacific Standard Time', '-08:00', '-07:00'],
  ['US Mountain Standard Time', '-07:00', '-07:00'],
  ['Mountain Standard Time (Mexico)', '-07:00', '-07:00'],
  ['Mountain Standard Time', '-07:00', '-06:00'],
  ['Central America Standard Time', '-06:00', '-06:00'],
  ['Central Standard Time', '-06:00', '-05:00'],
  ['Central Standard Time (Mexico)', '-06:00', '-06:00'],
  ['Canada Central Standard Time', '-06:00', '-06:00'],
  ['SA Pacific Standard Time', '-05:00', '-05:00'],
  ['Eastern Standard Time', '-05:00', '-04:00'],
  ['Eastern Standard Time (Mexico)', '-05:00', '-05:00'],
  ['US Eastern Standard Time', '-05:00', '-04:00'],
  ['Venezuela Standard Time', '-04:00', '-04:00'],
  ['Atlantic Standard Time', '-04:00', '-03:00'],
  ['SA Western Standard Time', '-04:00', '-04:00'],
  ['Pacific SA Standard Time', '-03:00', '-04:00'],
  ['Newfoundland Standard Time', '-03:30', '-02:30'],
  ['E. South America Standard Time', '-03:00', '-03:00'],
  ['Argentina Standard Time', '-03:00', '-03:00'],
  ['SA Eastern Standard Time', '-03:00', '-03:00'],
  ['Greenland Standard Time', '-02:00', '-01:00'],
  ['UTC-02', '-02:00', '-02:00'],
  ['Azores Standard Time', '-01:00', '+00:00'],
  ['Cape Verde Standard Time', '-01:00', '-01:00'],
  ['UTC', '+00:00', '+00:00'],
  ['Coordinated Universal Time', '+00:00', '+00:00'],
  ['GMT Standard Time', '+00:00', '+01:00'],
  ['Greenwich Standard Time', '+00:00', '+00:00'],
  ['Morocco Standard Time', '+01:00', '+01:00'],
  ['W. Europe Standard Time', '+01:00', '+02:00'],
  ['Central Europe Standard Time', '+01:00', '+02:00'],
  ['Romance Standard Time', '+01:00', '+02:00'],
  ['Central European Standard Time', '+01:00', '+02:00'],
  ['W. Central Africa Standard Time', '+01:00', '+01:00'],
  ['GTB Standard Time', '+02:00', '+03:00'],
  ['E. Europe Standard Time', '+02:00', '+03:00'],
  ['Egypt Standard Time', '+02:00', '+03:00'],
  ['FLE Standard Time', '+02:00', '+03:00'],
  ['Israel Standard Time', '+02:00', '+03:00'],
  ['South Africa Standard Time', '+02:00', '+02:00'],
  ['Turkey Standard Time', '+03:00', '+03:00'],
  ['Arabic Standard Time', '+03:00', '+03:00'],
  ['Arab Standard Time', '+03:00', '+03:00'],
  ['Russian Standard Time', '+03:00', '+03:00'],
  ['E. Africa Standard Time', '+03:00', '+03:00'],
  ['Iran Standard Time', '+03:30', '+03:30'],
  ['Arabian Standard Time', '+04:00', '+04:00'],
  ['Afghanistan Standard Time', '+04:30', '+04:30'],
  ['Pakistan Standard Time', '+05:00', '+05:00'],
  ['West Asia Standard Time', '+05:00', '+05:00'],
  ['India Standard Time', '+05:30', '+05:30'],
  ['Sri Lanka Standard Time', '+05:30', '+05:30'],
  ['Nepal Standard Time', '+05:45', '+05:45'],
  ['Central Asia Standard Time', '+05:00', '+05:00'],
  ['Bangladesh Standard Time', '+06:00', '+06:00'],
  ['Myanmar Standard Time', '+06:30', '+06:30'],
  ['SE Asia Standard Time', '+07:00', '+07:00'],
  ['China Standard Time', '+08:00', '+08:00'],
  ['Singapore Standard Time', '+08:00', '+08:00'],
  ['Taipei Standard Time', '+08:00', '+08:00'],
  ['W. Australia Standard Time', '+08:00', '+08:00'],
  ['Korea Standard Time', '+09:00', '+09:00'],
  ['Tokyo Standard Time', '+09:00', '+09:00'],
  ['Cen. Australia Standard Time', '+10:30', '+09:30'],
  ['AUS Central Standard Time', '+09:30', '+09:30'],
  ['E. Australia Standard Time', '+10:00', '+10:00'],
  ['AUS Eastern Standard Time', '+11:00', '+10:00'],
  ['West Pacific Standard Time', '+10:00', '+10:00'],
  ['Tasmania Standard Time', '+11:00', '+10:00'],
  ['New Zealand Standard Time', '+13:00', '+12:00'],
  ['Fiji Standard Time', '+12:00', '+12:00'],
  ['Tonga Standard Time', '+13:00', '+13:00'],
];

/** The instant of `wall` (YYYY-MM-DDTHH:MM:SS) at a UTC offset like -03:30. */
const at = (wall: string, offset: string): string => new Date(`${wall}${offset}`).toISOString();
const parts = (wall: string) => {
  const [year, month, day, hour, minute, second] = wall.split(/[-T:]/).map(Number) as [number, number, number, number, number, number];
  return { year, month, day, hour, minute, second };
};

describe('wallClockInstant: every Windows zone name Outlook writes', () => {
  it.each(ZONES)('%s: noon in January at %s, in July at %s', (zone, january, july) => {
    expect(wallClockInstant(parts('2026-01-15T12:00:00'), zone)!.toISOString()).toBe(at('2026-01-15T12:00:00', january));
    expect(wallClockInstant(parts('2026-07-15T12:00:00'), zone)!.toISOString()).toBe(at('2026-07-15T12:00:00', july));
  });

  it.each([
    // The hour after the clocks go back happens twice: the first (daylight) one is taken, as ical.js does.
    ['Pacific Standard Time', '2026-11-01T01:30:00', '2026-11-01T08:30:00.000Z'],
    ['Pacific Standard Time', '2026-11-01T03:00:00', '2026-11-01T11:00:00.000Z'],
    ['AUS Eastern Standard Time', '2026-04-05T03:00:00', '2026-04-04T17:00:00.000Z'],
    ['New Zealand Standard Time', '2026-09-27T03:30:00', '2026-09-26T14:30:00.000Z'],
    ['GMT Standard Time', '2026-03-29T00:30:00', '2026-03-29T00:30:00.000Z'],
    ['GMT Standard Time', '2026-03-29T02:30:00', '2026-03-29T01:30:00.000Z'],
    ['Eastern Standard Time', '2026-12-31T23:59:59', '2027-01-01T04:59:59.000Z'],
    ['Tokyo Standard Time', '2026-01-01T00:00:00', '2025-12-31T15:00:00.000Z'],
  ])('%s %s is %s, around a change of the clocks or of the day', (zone, wall, utc) => {
    expect(wallClockInstant(parts(wall), zone)!.toISOString()).toBe(utc);
  });

  it.each(['', 'Pacific Standard', 'pacific standard time', 'Europe/Nowhere'])('%j is no zone: null', (zone) => {
    expect(wallClockInstant(parts('2026-01-15T12:00:00'), zone)).toBeNull();
  });
});
