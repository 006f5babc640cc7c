/**
 * The man page rel(1): generated from the same commander definitions as --help (rel __man, which
 * scripts/man.mjs writes to man/rel.1), rendered by groff and man without a warning.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { relAt, tempDir } from './helpers.js';
import { roff } from '../src/completion/man.js';

const has = (cmd: string) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
const skipped = (what: string, cmd: string, pkg: string) => (has(cmd) ? what : `${what} (skipped: ${cmd} is not installed; apt-get install ${pkg})`);

let tmp: ReturnType<typeof tempDir>;
let rel: ReturnType<typeof relAt>;
let page: string;
let file: string;
beforeAll(async () => {
  tmp = tempDir();
  rel = relAt(join(tmp.dir, 'rel.db'));
  const r = await rel(['__man']);
  expect(r.code).toBe(0);
  page = r.out;
  file = join(tmp.dir, 'rel.1');
  writeFileSync(file, page);
});
afterAll(() => tmp.cleanup());

/** The subcommands `rel --help` lists (and, for those with subcommands, theirs). */
async function helpCommands(argv: string[] = []): Promise<string[][]> {
  const help = (await rel([...argv, '--help'])).out;
  const block = help.split('Commands:\n')[1]?.split('\n\n')[0] ?? '';
  const names = [...block.matchAll(/^ {2}([a-z][\w-]*)/gm)].map((m) => m[1]!).filter((c) => c !== 'help');
  const nested = await Promise.all(names.map((n) => helpCommands([...argv, n])));
  return [...names.map((n) => [...argv, n]), ...nested.flat()];
}

describe('rel(1)', () => {
  it('has a section for every subcommand --help lists, with its options', async () => {
    const commands = await helpCommands();
    expect(commands.length).toBeGreaterThan(10);
    for (const path of commands) {
      const name = `rel ${path.map(roff).join(' ')}`.replace(/[\\.]/g, (c) => `\\${c}`);
      expect(page).toMatch(new RegExp(`^\\.SS "${name}[ |]`, 'm')); // rel list|ls [options]
      const help = (await rel([...path, '--help'])).out;
      for (const [, flag] of help.matchAll(/^ {2}(?:-\w, )?(--[\w-]+)/gm)) expect(page).toContain(roff(flag!));
    }
  });

  it('carries the examples of --help and the standard sections', async () => {
    expect(page).toMatch(/^\.TH REL 1 /m);
    for (const s of ['NAME', 'SYNOPSIS', 'DESCRIPTION', 'OPTIONS', 'COMMANDS', 'FILES', 'ENVIRONMENT', 'EXIT STATUS']) {
      expect(page).toContain(`.SH ${s}`);
    }
    expect(page).toContain(roff('rel due --within 1w --tag friends'));
    expect(page).toContain(roff('rel config set default.every 1m'));
  });

  it('names the busy timeout among the environment', () => {
    const environment = page.split('.SH ENVIRONMENT\n')[1]!.split('\n.SH ')[0];
    expect(environment).toMatch(/REL_BUSY_TIMEOUT_MS\\fR\n.*milliseconds \(default 5000\)/);
  });

  it('escapes for roff: backslashes, leading dots, hyphens, non-ASCII', () => {
    expect(roff('.hidden')).toBe('\\&.hidden');
    expect(roff('a\\b')).toBe('a\\eb');
    expect(roff('--via')).toBe('\\-\\-via');
    expect(roff('José — ok')).toBe('Jos\\[u00E9] \\[u2014] ok');
  });

  it.skipIf(!has('groff'))(skipped('groff -ww finds nothing to warn about', 'groff', 'groff'), () => {
    const r = spawnSync('groff', ['-ww', '-z', '-man', file], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it.skipIf(!has('man'))(skipped('man -l renders it without warnings', 'man', 'man-db'), () => {
    const r = spawnSync('man', ['-l', file], {
      encoding: 'utf8',
      env: { PATH: process.env.PATH, MANWIDTH: '80', MAN_KEEP_STDERR: '1', MANPAGER: 'cat', PAGER: 'cat', LANG: 'C.UTF-8' },
    });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^NAME\n\s+rel - /m);
    expect(r.stdout).toMatch(/rel log \[options\] \[who\.\.\.\]/);
  });
});
