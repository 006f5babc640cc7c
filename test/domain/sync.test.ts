import { describe, expect, it } from 'vitest';
import { decide, merge3, sameField, sameRecord, type Field, type SyncRecord } from '../../src/domain/sync.js';

const rec = (o: Partial<SyncRecord> = {}): SyncRecord => ({ name: 'Maya', title: null, emails: ['a@x'], ...o });

describe('merge3', () => {
  it.each([
    ['changed on rel only', rec({ title: 'CTO' }), rec(), 'CTO'],
    ['changed on the vdir only', rec(), rec({ title: 'Founder' }), 'Founder'],
    ['changed to the same on both', rec({ title: 'CTO' }), rec({ title: 'CTO' }), 'CTO'],
  ])('a single field %s follows that side, with no conflict', (_what, ours, theirs, title) => {
    const { result, conflicts } = merge3(rec(), ours, theirs, true);
    expect(result.title).toBe(title);
    expect(conflicts).toEqual([]);
  });

  it.each([
    [true, 'CTO', 'Founder', 'rel'],
    [false, 'Founder', 'CTO', 'vdir'],
  ])('a field both changed: the newer side wins (rel newer: %s) and the other value is reported', (relIsNewer, kept, lost, winner) => {
    const { result, conflicts } = merge3(rec({ title: 'Engineer' }), rec({ title: 'CTO' }), rec({ title: 'Founder' }), relIsNewer);
    expect(result.title).toBe(kept);
    expect(conflicts).toEqual([{ field: 'title', kept, lost, winner }]);
  });

  it('lists merge as sets: additions from both sides, removals from either side', () => {
    const base = rec({ emails: ['a@x', 'b@x', 'c@x'] });
    const ours = rec({ emails: ['a@x', 'b@x', 'c@x', 'rel@x'] }); // added one
    const theirs = rec({ emails: ['A@X', 'c@x', 'phone@x'] }); // removed b, added one, changed case of a
    const { result, conflicts } = merge3(base, ours, theirs, true, { emails: (e) => e.toLowerCase() });
    expect(result.emails).toEqual(['a@x', 'c@x', 'rel@x', 'phone@x']);
    expect(conflicts).toEqual([]);
  });

  it('new on both sides (no base): lists unite, a blank fills in, a real difference is a conflict', () => {
    const { result, conflicts } = merge3(null, rec({ title: null, emails: ['a@x'], name: 'Maya' }), rec({ title: 'CTO', emails: ['b@x'], name: 'Maya C' }), false);
    expect(result).toEqual({ name: 'Maya C', title: 'CTO', emails: ['a@x', 'b@x'] });
    expect(conflicts.map((c) => c.field)).toEqual(['name']);
  });
});

describe('decide', () => {
  const base = rec();
  it.each([
    ['nothing changed', { base, ours: rec(), theirs: rec(), fileChanged: false }, 'none'],
    ['rel changed', { base, ours: rec({ title: 'x' }), theirs: rec(), fileChanged: false }, 'to_vdir'],
    ['the file changed', { base, ours: rec(), theirs: rec({ title: 'x' }), fileChanged: true }, 'to_rel'],
    ['both changed', { base, ours: rec({ title: 'x' }), theirs: rec({ name: 'y' }), fileChanged: true }, 'merge'],
    ['new in rel', { base: null, ours: rec(), theirs: null, fileChanged: true }, 'to_vdir'],
    ['new in the vdir', { base: null, ours: null, theirs: rec(), fileChanged: true }, 'to_rel'],
    ['the file went, rel unchanged', { base, ours: rec(), theirs: null, fileChanged: true }, 'delete_rel'],
    ['the file went, rel changed: a change beats a delete', { base, ours: rec({ title: 'x' }), theirs: null, fileChanged: true }, 'to_vdir'],
    ['gone from rel, file unchanged', { base, ours: null, theirs: rec(), fileChanged: false }, 'delete_file'],
    ['gone from rel, file changed: it comes back', { base, ours: null, theirs: rec({ title: 'x' }), fileChanged: true }, 'to_rel'],
    ['gone from both', { base, ours: null, theirs: null, fileChanged: true }, 'forget'],
  ])('%s', (_what, sides, action) => {
    expect(decide({ relIsNewer: true, ...sides }).do).toBe(action);
  });
});

describe('sameField and sameRecord', () => {
  it.each<[Field | undefined, Field | undefined, boolean]>([
    [['a@x', 'b@x'], ['b@x', 'a@x'], true], // a list is a set: order does not matter
    [['a@x'], ['a@x', 'b@x'], false],
    [['a@x', 'b@x'], ['a@x', 'c@x'], false], // same length, one differs
    [['a@x'], null, false],
    [null, ['a@x'], false],
    [[], null, true], // an empty list and nothing are the same
    [undefined, [], true],
    [undefined, null, true],
    ['CTO', 'CTO', true],
    ['CTO', 'cto', false],
    [30, 30, true],
    [30, '30', false],
  ])('%j vs %j: %s', (a, b, same) => {
    expect(sameField(a, b)).toBe(same);
    expect(sameField(b, a)).toBe(same);
  });

  it('compares list items with the key given (emails ignore case)', () => {
    expect(sameField(['A@X'], ['a@x'])).toBe(false);
    expect(sameField(['A@X'], ['a@x'], (s) => s.toLowerCase())).toBe(true);
    expect(sameRecord({ emails: ['A@X'], name: 'Maya' }, { emails: ['a@x'], name: 'Maya' }, { emails: (s) => s.toLowerCase() })).toBe(true);
    expect(sameRecord({ emails: ['A@X'] }, { emails: ['a@x'] })).toBe(false);
    expect(sameRecord({ name: 'Maya', title: null }, { name: 'Maya' })).toBe(true); // a missing field is null
    expect(sameRecord({ name: 'Maya' }, { name: 'Maya', title: 'CTO' })).toBe(false);
  });
});

describe('merge3: lists and blanks', () => {
  const lower = { emails: (s: string) => s.toLowerCase() };

  it('what one side removed goes, what both kept stays, an item is listed once', () => {
    const { result } = merge3(
      { emails: ['a@x', 'b@x'] },
      { emails: ['a@x', 'b@x', 'n@x', 'N@X'] }, // rel added n@x (twice, in two cases)
      { emails: ['b@x', 'n@x'] }, // the file removed a@x and also added n@x
      true,
      lower,
    );
    expect(result.emails).toEqual(['b@x', 'n@x']);
  });

  it('an item the file removed that rel never had stays removed; one the file re-adds after rel removed it is kept', () => {
    const { result } = merge3({ emails: ['a@x', 'b@x'] }, { emails: ['b@x'] }, { emails: ['a@x', 'b@x', 'c@x'] }, true);
    expect(result.emails).toEqual(['b@x', 'c@x']);
  });

  it('a list field missing on one side, or null, merges as an empty list', () => {
    expect(merge3({ tags: ['x'] }, { tags: ['x', 'y'] }, { tags: null }, true).result.tags).toEqual(['y']);
    expect(merge3({ tags: null }, { tags: null }, { tags: ['z'] }, true).result.tags).toEqual(['z']);
    expect(merge3({}, { tags: ['y'] }, {}, true).result.tags).toEqual(['y']);
    expect(merge3(null, { tags: ['a'] }, { tags: null }, true).result.tags).toEqual(['a']);
  });

  it('a field one side blanked follows that side: the blank wins over the unchanged value', () => {
    const { result, conflicts } = merge3({ title: 'Engineer' }, { title: 'Engineer' }, { title: null }, true);
    expect(result.title).toBeNull();
    expect(conflicts).toEqual([]);
    expect(merge3({ title: 'Engineer' }, { title: null }, { title: 'Engineer' }, false).result.title).toBeNull();
  });

  it('new on both sides: a blank on rel takes the file value, a blank in the file keeps rel value, no conflict', () => {
    expect(merge3(null, { title: null }, { title: 'CTO' }, true)).toEqual({ result: { title: 'CTO' }, conflicts: [] });
    expect(merge3(null, { title: 'CTO' }, { title: null }, false)).toEqual({ result: { title: 'CTO' }, conflicts: [] });
  });

  it('with a base, a field blanked on one side and changed on the other is a conflict, not a fill-in', () => {
    const { result, conflicts } = merge3({ title: 'Engineer' }, { title: null }, { title: 'CTO' }, true);
    expect(result.title).toBeNull();
    expect(conflicts).toEqual([{ field: 'title', kept: null, lost: 'CTO', winner: 'rel' }]);
    const other = merge3({ title: 'Engineer' }, { title: 'CTO' }, { title: null }, false);
    expect(other).toEqual({ result: { title: null }, conflicts: [{ field: 'title', kept: null, lost: 'CTO', winner: 'vdir' }] });
  });
});

describe('decide: what is written where', () => {
  const lower = { emails: (s: string) => s.toLowerCase() };

  it('gone from both sides and never synced: nothing to do', () => {
    expect(decide({ base: null, ours: null, theirs: null, fileChanged: false, relIsNewer: true })).toEqual({ do: 'none' });
    expect(decide({ base: rec(), ours: null, theirs: null, fileChanged: false, relIsNewer: true })).toEqual({ do: 'forget' });
  });

  it('carries the record to write', () => {
    expect(decide({ base: null, ours: rec({ title: 'CTO' }), theirs: null, fileChanged: false, relIsNewer: true }))
      .toEqual({ do: 'to_vdir', rec: rec({ title: 'CTO' }) });
    expect(decide({ base: null, ours: null, theirs: rec({ title: 'CTO' }), fileChanged: false, relIsNewer: true }))
      .toEqual({ do: 'to_rel', rec: rec({ title: 'CTO' }) });
    expect(decide({ base: rec(), ours: rec({ title: 'CTO' }), theirs: null, fileChanged: false, relIsNewer: true }))
      .toEqual({ do: 'to_vdir', rec: rec({ title: 'CTO' }) });
  });

  it('a card whose bytes changed but says the same, with rel unchanged, is read back into rel', () => {
    expect(decide({ base: rec(), ours: rec(), theirs: rec(), fileChanged: true, relIsNewer: false })).toEqual({ do: 'to_rel', rec: rec() });
  });

  it('never synced, on both sides: merged, and written only to the side that differs', () => {
    const same = decide({ base: null, ours: rec(), theirs: rec({ emails: ['A@X'] }), fileChanged: false, relIsNewer: true }, lower);
    expect(same).toEqual({ do: 'merge', rec: rec(), toRel: false, toVdir: false, conflicts: [] });
    const d = decide({ base: null, ours: rec({ title: null }), theirs: rec({ title: 'CTO' }), fileChanged: false, relIsNewer: true });
    expect(d).toEqual({ do: 'merge', rec: rec({ title: 'CTO' }), toRel: true, toVdir: false, conflicts: [] });
    const e = decide({ base: null, ours: rec({ title: 'CTO' }), theirs: rec(), fileChanged: false, relIsNewer: true });
    expect(e).toEqual({ do: 'merge', rec: rec({ title: 'CTO' }), toRel: false, toVdir: true, conflicts: [] });
  });

  it('rel unchanged by its case-blind key is not a change', () => {
    const d = decide({ base: rec({ emails: ['a@x'] }), ours: rec({ emails: ['A@X'] }), theirs: null, fileChanged: false, relIsNewer: true }, lower);
    expect(d).toEqual({ do: 'delete_rel' });
  });
});
