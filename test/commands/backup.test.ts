import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { useTempRel } from '../helpers.js';

describe('file messages name the path the user gave', () => {
  const t = useTempRel();

  it('backup into a missing folder: one clear line, no raw ENOENT', async () => {
    await t.rel(['add', 'Maya Chen']);
    const file = join(t.dir, 'nodir', 'b.db');
    const r = await t.rel(['backup', file]);
    expect(r.err).toBe(`rel: cannot write the backup ${file}: the folder ${join(t.dir, 'nodir')} does not exist\n`);
    expect(r.code).toBe(1);
  });
});
