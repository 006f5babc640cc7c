import { describe, expect, it } from 'vitest';
import { decide, merge3, type SyncRecord } from '../../src/domain/sync.js';

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
