import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RelError } from '../src/errors.js';
import { isTempName, placeFile, writeFileAtomic, WriteError } from '../src/files.js';
import { tempDir } from './helpers.js';

let tmp: ReturnType<typeof tempDir>;
beforeEach(() => {
  tmp = tempDir();
});
afterEach(() => tmp.cleanup());

const caught = (f: () => unknown): WriteError => {
  try {
    f();
  } catch (e) {
    if (e instanceof WriteError) return e;
    throw e;
  }
  throw new Error('did not throw');
};

describe('writeFileAtomic', () => {
  it('writes text, bytes and chunks whole, private (0600), and leaves nothing else in the folder', () => {
    const file = join(tmp.dir, 'people.vcf');
    const st = writeFileAtomic(file, ['BEGIN:VCARD\r\n', Buffer.from('FN:José\r\n'), 'END:VCARD\r\n']);
    expect(readFileSync(file, 'utf8')).toBe('BEGIN:VCARD\r\nFN:José\r\nEND:VCARD\r\n');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readdirSync(tmp.dir)).toEqual(['people.vcf']);
    // What it returns is what a later stat of the path sees (rel sync keeps it as the file's stamp).
    expect([st.size, st.mtimeMs, st.ino]).toEqual([statSync(file).size, statSync(file).mtimeMs, statSync(file).ino]);
  });

  it('takes another mode when told', () => {
    const file = join(tmp.dir, 'shared.txt');
    writeFileAtomic(file, 'x', { mode: 0o640 });
    expect(statSync(file).mode & 0o077 & ~0o040).toBe(0); // at most 0640, whatever the umask
    expect(statSync(file).mode & 0o600).toBe(0o600);
  });

  it('replaces an existing file by default; a failure halfway leaves the old one intact and no temporary file', () => {
    const file = join(tmp.dir, 'config.json');
    writeFileAtomic(file, 'old\n');
    writeFileAtomic(file, 'new\n');
    expect(readFileSync(file, 'utf8')).toBe('new\n');
    const failing = (function* () {
      yield 'half of the new ';
      throw new Error('the disk went away');
    })();
    const e = caught(() => writeFileAtomic(file, failing));
    expect(e.message).toBe(`cannot write ${file}: the disk went away`);
    expect(readFileSync(file, 'utf8')).toBe('new\n');
    expect(readdirSync(tmp.dir)).toEqual(['config.json']);
  });

  it('create: refuses an existing file (EEXIST), leaves it untouched and removes the temporary file', () => {
    const file = join(tmp.dir, 'out.json');
    writeFileAtomic(file, 'first', { how: 'create' });
    const e = caught(() => writeFileAtomic(file, 'second', { how: 'create' }));
    expect([e.code, e.message]).toEqual(['EEXIST', `cannot write ${file}: ${file} exists`]);
    expect(readFileSync(file, 'utf8')).toBe('first');
    expect(readdirSync(tmp.dir)).toEqual(['out.json']);
  });

  it('create: a file that appears while writing is not replaced', () => {
    const file = join(tmp.dir, 'out.ics');
    const e = caught(() =>
      placeFile(file, () => writeFileSync(file, 'written meanwhile by someone else'), { how: 'create' }),
    );
    expect(e.code).toBe('EEXIST');
    expect(readFileSync(file, 'utf8')).toBe('written meanwhile by someone else');
    expect(readdirSync(tmp.dir)).toEqual(['out.ics']);
  });

  it('names the path the user gave, never the temporary file', () => {
    const file = join(tmp.dir, 'nodir', 'x.json');
    const e = caught(() => writeFileAtomic(file, '{}'));
    expect(e.message).toBe(`cannot write ${file}: the folder ${join(tmp.dir, 'nodir')} does not exist`);
    expect(e.message).not.toMatch(/rel-tmp/);
    expect(e).toBeInstanceOf(RelError);
  });

  it('writes into a folder with a leftover temporary file of the same name (a killed rel whose pid came back)', () => {
    const file = join(tmp.dir, 'a.json');
    // Take every name this process could pick next, as a killed rel with the same pid would have left them.
    const probe = (() => {
      let seen = '';
      placeFile(file, (_fd, t) => (seen = t));
      return seen;
    })();
    const n = Number(/-(\d+)$/.exec(probe)![1]);
    for (let i = n + 1; i < n + 4; i++) writeFileSync(probe.replace(/-\d+$/, `-${i}`), 'stale');
    writeFileAtomic(file, 'fresh');
    expect(readFileSync(file, 'utf8')).toBe('fresh');
    expect(readdirSync(tmp.dir).filter(isTempName)).toHaveLength(3); // the stale ones, untouched
  });

  it('a RelError of the writer passes through as it is, and the temporary file is gone', () => {
    const file = join(tmp.dir, 'rel.db');
    let made = '';
    expect(() =>
      placeFile(file, (_fd, t) => {
        made = t;
        throw new RelError('schema too new');
      }),
    ).toThrow(/^schema too new$/);
    expect(made).not.toBe('');
    expect(readdirSync(tmp.dir)).toEqual([]);
  });
});

describe('isTempName', () => {
  it.each([
    ['.people.vcf.rel-tmp-123-0', true],
    ['.rel-tmp-1-0', true], // the name rel sync used before
    ['people.vcf', false],
    ['.rel-tmp-1-0.vcf', false],
    ['x.rel-tmp-1-0', false],
  ])('%s -> %s', (name, want) => {
    expect(isTempName(name)).toBe(want);
  });

  it('the temporary names rel makes are hidden and never end in .vcf, .ics or .json', () => {
    for (const name of ['a.vcf', 'b.ics', 'c.json']) {
      let seen = '';
      placeFile(join(tmp.dir, name), (_fd, t) => (seen = t));
      const base = seen.slice(tmp.dir.length + 1);
      expect(isTempName(base)).toBe(true);
      expect(base).not.toMatch(/\.(vcf|ics|json)$/);
    }
  });
});
