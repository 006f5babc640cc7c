// Not per command: generated input for every command and every file parser at once.
/**
 * Fuzzing the argument parser and every parser of user text: thousands of generated inputs, never a
 * crash, a stack trace or "this is a bug" — only results or clean one-line errors (exit 1 or 2).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { UsageError } from '../../src/errors.js';
import { parseVcards } from '../../src/formats/vcard.js';
import { parseLinkedIn } from '../../src/formats/linkedin.js';
import { parseGoogle } from '../../src/formats/google.js';
import { parseOutlook } from '../../src/formats/outlook.js';
import { parseThunderbird } from '../../src/formats/thunderbird.js';
import { parseRelCsv } from '../../src/formats/csv-rel.js';
import { parseMap, parseMappedCsv } from '../../src/formats/csv.js';
import { detector } from '../../src/formats/detect.js';
import { relAt, tempDir } from '../helpers.js';
import { rng } from '../support.js';

const detect = await detector();
/** The name of the format told from `text`, or null. */
const detectFormat = (text: string) => detect(text)?.name ?? null;

function generator(seed: number) {
  const next = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!;
  return { next, pick };
}

const COMMANDS = ['log', 'due', 'add', 'list', 'show', 'edit', 'note', 'ledger', 'snooze', 'rm', 'undo', 'doctor', 'frob', ''];
const OPTIONS = ['--json', '--via', '--on', '--give', '--ask', '--follow-up', '--every', '--birthday', '--email', '--phone',
  '--tag', '--within', '--limit', '-q', '--explain', '--yes', '--name', '--untag', '--no-every', '--no-birthday', '-m',
  '--company', '--title', '--met', '--note', '--list', '--all', '--rm-email', '--help', '-V', '--', '-', '--=', '---x'];
const VALUES = ['', ' ', 'maya', 'Maya Chen', 'josé', 'ma', 'today', 'yesterday', 'tomorrow', 'monday', 'last friday',
  '3 days ago', '100000 days ago', '2026-02-30', '2026-02-28', '9999-12-31', '0000-01-01', '1/2/2026', '03-14', '--02-29',
  '2w', '0d', '-1w', '1.5m', '999999y', 'monthly', 'call', 'pigeon', 'intro', 'money', '7', '-3', '1e9', 'NaN',
  "' OR 1=1 --", '%', '_', '\\', '"', '🎉', 'מרים', 'a\u0000b', 'a\u001bb', 'line\nbreak', 'tab\there', '\uD800', 'e\u0301',
  'x'.repeat(5000), 'a@b.co', 'not-an-email', '+351 912', '!!', '--json'];

let tmp: ReturnType<typeof tempDir>;
let rel: ReturnType<typeof relAt>;
beforeAll(async () => {
  tmp = tempDir();
  rel = relAt(join(tmp.dir, 'rel.db'), { now: '2026-03-04T09:00' });
  for (const n of ['Maya Chen', 'Mayra Lopes', 'José Núñez']) await rel(['add', n, '--every', '2w']);
});
afterAll(() => tmp.cleanup());

describe('fuzzing the command line', () => {
  it('3,000 generated command lines: exit 0, 1 or 2, and errors are one clean line', async () => {
    const g = generator(2026);
    const seen = new Set<number>();
    for (let i = 0; i < 3000; i++) {
      const argv = [g.pick(COMMANDS)];
      const n = Math.floor(g.next() * 6);
      for (let k = 0; k < n; k++) argv.push(g.next() < 0.5 ? g.pick(OPTIONS) : g.pick(VALUES));
      if (argv.includes('rm') || argv[0] === 'rm') argv.push('--yes');
      const r = await rel(argv.filter((a, idx) => idx > 0 || a !== ''));
      seen.add(r.code);
      const where = JSON.stringify(argv).slice(0, 200);
      expect([0, 1, 2], where).toContain(r.code);
      expect(r.err, where).not.toMatch(/this is a bug|\n\s+at /);
      if (r.code !== 0) {
        const lines = r.err.trim().split('\n').filter((l) => !/^(Usage:|reminder:)/.test(l));
        expect(lines, where).toHaveLength(1);
        expect(lines[0], where).toMatch(/^rel: \S/);
      }
    }
    expect([...seen].sort()).toEqual([0, 1, 2]);
  }, 120_000);
});

describe('fuzzing the file parsers', () => {
  const fixtures = ['vcard', 'csv'].flatMap((d) => {
    const dir = new URL(`../fixtures/${d}/`, import.meta.url);
    return readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((f) => f.isFile() && !/^(LICENSE|SOURCE)/.test(f.name))
      .map((f) => readFileSync(join(f.parentPath, f.name), 'latin1'));
  });
  const parsers: [string, (text: string) => unknown][] = [
    ['vcard', parseVcards],
    ['linkedin', parseLinkedIn],
    ['google', parseGoogle],
    ['outlook', parseOutlook],
    ['thunderbird', parseThunderbird],
    ['rel csv', parseRelCsv],
    ['csv', (t) => parseMappedCsv(t, parseMap('name=First Name,email=E-mail Address'))],
    ['detect', detectFormat],
  ];

  it.each(parsers)('%s: 1,500 mutated files give records and problems, or a UsageError', (_, parse) => {
    const g = generator(7);
    const junk = ['\u0000', ',', '"', '\n', '\r\n', ';', ':', '=', 'BEGIN:VCARD', 'END:VCARD', '\uD800', '🎉', ' ::: ', '*'];
    for (let i = 0; i < 1500; i++) {
      const chars = [...g.pick(fixtures)];
      for (let m = Math.floor(g.next() * 12); m > 0; m--) {
        const at = Math.floor(g.next() * (chars.length + 1));
        const op = g.next();
        if (op < 0.4) chars.splice(at, 0, g.pick(junk));
        else if (op < 0.7) chars.splice(at, Math.floor(g.next() * 20));
        else chars.splice(at, 1, String.fromCharCode(Math.floor(g.next() * 0x3000)));
      }
      const text = g.next() < 0.1 ? chars.slice(0, Math.floor(g.next() * chars.length)).join('') : chars.join('');
      try {
        parse(text);
      } catch (e) {
        if (!(e instanceof UsageError)) throw new Error(`${String(e)} on input ${JSON.stringify(text.slice(0, 120))}`);
        expect((e as Error).message).not.toMatch(/\n/);
      }
    }
  });
});
