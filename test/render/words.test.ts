import { describe, expect, it } from 'vitest';
import { problemText } from '../../src/render/words.js';

describe('problemText: a problem of an imported file as one line', () => {
  it.each([
    [{ where: 'line 12', why: 'no name' }, 'line 12: no name'],
    [{ where: 'card 3 (line 9)', why: 'no name, email or phone' }, 'card 3 (line 9): no name, email or phone'],
    // A rel export's problem names the field's whole path: its place is not said twice.
    [{ where: 'people[3]', why: 'people[3].touchpoints[0].date: expected a YYYY-MM-DD day, got "2026-02-30"; person skipped' },
      'people[3].touchpoints[0].date: expected a YYYY-MM-DD day, got "2026-02-30"; person skipped'],
    [{ where: 'people[1]', why: 'people[1]: id "t1" appears twice in the file; person skipped' }, 'people[1]: id "t1" appears twice in the file; person skipped'],
    // Another place that only begins the same way is still said.
    [{ where: 'people[1]', why: 'people[10].name: missing' }, 'people[1]: people[10].name: missing'],
    [{ where: 'file', why: 'files of this kind are not read' }, 'file: files of this kind are not read'],
    [{ where: 'people[1]', why: 'people[1]' }, 'people[1]: people[1]'],
  ])('%j', (p, line) => {
    expect(problemText(p)).toBe(line);
  });
});
