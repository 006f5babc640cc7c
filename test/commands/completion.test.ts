/**
 * Shell completion: the hidden helper in-process, then each shell's real completion machinery run on
 * the generated script (bash: the completion function with COMP_WORDS set; zsh: an interactive zsh in
 * a pseudo-terminal, TAB pressed, the edit buffer read back; fish: `complete -C`). The scripts call
 * `rel` on PATH: a shim to the built bin/rel.js (npm test builds first). A missing shell is skipped,
 * with the reason in the test's name.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BIN, relAt, tempDir } from '../helpers.js';

const has = (shell: string) => spawnSync('sh', ['-c', `command -v ${shell}`]).status === 0;
const skipped = (shell: string) => (has(shell) ? shell : `${shell} (skipped: ${shell} is not installed; apt-get install ${shell})`);

let tmp: ReturnType<typeof tempDir>;
let rel: ReturnType<typeof relAt>;
let env: Record<string, string>;
let commands: string[];
const script = async (shell: string) => {
  const path = join(tmp.dir, `rel.${shell}`);
  writeFileSync(path, (await rel(['completion', shell])).out);
  return path;
};

beforeAll(async () => {
  tmp = tempDir();
  const db = join(tmp.dir, 'rel.db');
  rel = relAt(db);
  for (const name of ['José Núñez', 'Maya Chen', "Jean-Luc O'Brien", 'Marta Ruiz']) await rel(['add', name]);
  await rel(['edit', 'maya', '--tag', 'work', '--tag', 'friends']);
  const bin = join(tmp.dir, 'bin');
  mkdirSync(bin);
  writeFileSync(join(bin, 'rel'), `#!/bin/sh\nexec "${process.execPath}" "${BIN}" "$@"\n`);
  chmodSync(join(bin, 'rel'), 0o755);
  // HOME and XDG folders in the temporary folder: no user start-up files, nothing written outside it.
  env = {
    PATH: `${bin}:${process.env.PATH}`,
    REL_DB: db,
    HOME: tmp.dir,
    XDG_CONFIG_HOME: join(tmp.dir, 'config'),
    XDG_DATA_HOME: join(tmp.dir, 'data'),
    LANG: 'C.UTF-8',
    LC_ALL: 'C.UTF-8',
    TERM: 'xterm',
  };
  const help = (await rel(['--help'])).out;
  commands = [...help.split('Commands:\n')[1]!.split('\n\n')[0]!.matchAll(/^ {2}([a-z][\w-]*)/gm)].map((m) => m[1]!).filter((c) => c !== 'help');
});
afterAll(() => tmp.cleanup());

describe('rel __complete (the helper the scripts call)', () => {
  const names = async (...argv: string[]) => {
    const r = await rel(['__complete', ...argv]);
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    return r.out === '' ? [] : r.out.trimEnd().split('\n');
  };

  it('matches the folded prefix of the name, as WHO does: case and accents do not matter', async () => {
    expect(await names('people', 'jos')).toEqual(['José Núñez']);
    expect(await names('people', 'JOSÉ n')).toEqual(['José Núñez']);
    expect(await names('people', 'ma')).toEqual(['Marta Ruiz', 'Maya Chen']);
    expect(await names('people', '')).toHaveLength(4);
  });

  it('else a word of the name (chen, luc, nunez), else nothing', async () => {
    expect(await names('people', 'chen')).toEqual(['Maya Chen']);
    expect(await names('people', 'luc')).toEqual(["Jean-Luc O'Brien"]);
    expect(await names('people', 'nunez')).toEqual(['José Núñez']);
    expect(await names('people', 'zz')).toEqual([]);
  });

  it('escapes for bash with --escape; lists tags', async () => {
    expect(await names('people', '--escape', '--', 'jean')).toEqual(["Jean-Luc\\ O\\'Brien"]);
    expect(await names('people', '--escape', '--', 'jos')).toEqual(['José\\ Núñez']);
    expect(await names('tags', 'w')).toEqual(['work']);
    expect(await names('tags', '')).toEqual(['friends', 'work']);
  });

  it('offers nothing, quietly, with no database (and does not create one), or a file that is not one', async () => {
    const missing = join(tmp.dir, 'none', 'rel.db');
    expect(await names('--db', missing, 'people', 'jos')).toEqual([]);
    expect(existsSync(missing)).toBe(false);
    const junk = join(tmp.dir, 'junk.db');
    writeFileSync(junk, 'not a database');
    expect(await names('--db', junk, 'people', 'jos')).toEqual([]);
    expect(await names('whatever', 'x')).toEqual([]);
  });
});

describe('rel completion', () => {
  it.each(['bash', 'zsh', 'fish'])('%s: the script names every subcommand of rel --help', async (shell) => {
    const text = readFileSync(await script(shell), 'utf8');
    expect(commands.length).toBeGreaterThan(10);
    for (const c of commands) expect(text).toContain(c);
  });

  it('refuses another shell (exit 2) and shows install steps with examples in --help', async () => {
    const r = await rel(['completion', 'tcsh']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/bash, zsh, fish/);
    const help = (await rel(['completion', '--help'])).out;
    expect(help).toMatch(/~\/\.bashrc/);
    expect(help).toMatch(/_rel/);
    expect(help).toMatch(/completions\/rel\.fish/);
    expect(help).toMatch(/Examples:/);
  });
});

describe.skipIf(!has('bash'))(skipped('bash'), () => {
  /** Runs _rel for each command line (its words, the last being completed); returns COMPREPLY each. */
  const complete = async (...lines: string[][]) => {
    const cases = lines.map((words) => `t ${words.map((w) => `'${w.replace(/'/g, `'\\''`)}'`).join(' ')}`).join('\n');
    const driver = `source '${await script('bash')}'
t() { COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); COMP_LINE="$*"; COMP_POINT=\${#COMP_LINE}; COMPREPLY=(); _rel; printf '%s\\n' "\${COMPREPLY[@]}"; echo '--'; }
${cases}`;
    const r = spawnSync('bash', ['--norc', '--noprofile', '-c', driver], { env, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    return r.stdout.split('--\n').slice(0, -1).map((block) => block.split('\n').filter(Boolean).sort());
  };

  it('completes subcommands, options, option values and people with spaces and accents', async () => {
    const [sub, all, opt, via, viaEq, person, quoted, word, value, tag, forwarded, fresh] = await complete(
      ['rel', 'lo'],
      ['rel', ''],
      ['rel', 'log', '--f'],
      ['rel', 'log', '--via', 'ca'],
      ['rel', 'log', '--via', '=', 'ca'], // bash splits --via=ca at the =
      ['rel', 'log', 'jos'],
      ['rel', 'log', 'maya', '"jos'],
      ['rel', 'note', 'nunez'],
      ['rel', 'config', 'set', 'week.start', 's'],
      ['rel', 'due', '--tag', 'wo'],
      ['rel', '--db', join(tmp.dir, 'nowhere.db'), 'log', 'jos'],
      ['rel', 'add', 'jos'],
    );
    expect(sub).toEqual(['log']);
    expect(all).toEqual(expect.arrayContaining(commands));
    expect(opt).toEqual(['--follow-up']);
    expect(via).toEqual(['call']);
    expect(viaEq).toEqual(['call']);
    expect(person).toEqual(['José\\ Núñez']);
    expect(quoted).toEqual(['José Núñez']); // inside an open quote: bare; readline closes the quote
    expect(word).toEqual(['José\\ Núñez']);
    expect(value).toEqual(['saturday', 'sunday']);
    expect(tag).toEqual(['work']);
    expect(forwarded).toEqual([]); // --db on the line is the database asked
    expect(fresh).toEqual([]); // rel add takes a new name
  });
});

describe.skipIf(!has('zsh'))(skipped('zsh'), () => {
  /** Types each line and TAB into an interactive zsh (zpty), and returns the edit buffer after each. */
  const complete = async (...lines: string[]) => {
    const out = join(tmp.dir, 'zsh.out');
    writeFileSync(out, '');
    const harness = join(tmp.dir, 'harness.zsh');
    writeFileSync(
      harness,
      `zmodload zsh/zpty
zpty z zsh -f -i
zpty -w z "PS1='> '; unsetopt beep; autoload -Uz compinit; compinit -u -D; source '${await script('zsh')}'"
zpty -w z "rel-done() { print -r -- \\"\\$BUFFER\\" >> '${out}'; BUFFER=''; }; zle -N rel-done; bindkey '^T' rel-done"
for line in "$@"; do zpty -w -n z "$line"$'\\t\\x14'; done
for i in {1..200}; do (( $(wc -l < '${out}') >= $# )) && break; sleep 0.05; done
zpty -d z
`,
    );
    const r = spawnSync('zsh', ['-f', harness, ...lines], { env, encoding: 'utf8', timeout: 30_000 });
    expect(r.status).toBe(0);
    return readFileSync(out, 'utf8').split('\n').slice(0, -1);
  };

  it('completes subcommands, options, option values and people with spaces and accents', async () => {
    expect(
      await complete('rel lo', 'rel log --via ca', 'rel log --via=ca', 'rel log jos', "rel log 'jos", 'rel log chen', 'rel config set week.start su', 'rel due --tag wo', 'rel log --follow-u'),
    ).toEqual([
      'rel log ',
      'rel log --via call ',
      'rel log --via=call ',
      'rel log José\\ Núñez ',
      "rel log 'José Núñez' ",
      'rel log Maya\\ Chen ',
      'rel config set week.start sunday ',
      'rel due --tag work ',
      'rel log --follow-up=', // zsh puts the = of an option that takes a value
    ]);
  });
});

describe.skipIf(!has('fish'))(skipped('fish'), () => {
  /** `complete -C` for each line: fish's own list of candidates (without descriptions). */
  const complete = async (...lines: string[]) => {
    const cases = lines.map((l) => `complete -C '${l.replace(/[\\']/g, (c) => `\\${c}`)}'; echo @@`).join('\n');
    const r = spawnSync('fish', ['--no-config', '-c', `source '${await script('fish')}'\n${cases}`], { env, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    return r.stdout.split('@@\n').slice(0, -1).map((block) => block.split('\n').filter(Boolean).map((l) => l.split('\t')[0]!).sort());
  };

  it('completes subcommands, options, option values and people with spaces and accents', async () => {
    const [sub, all, opt, via, person, word, value, tag, fresh] = await complete(
      'rel lo',
      'rel ',
      'rel log --follow-u',
      'rel log --via ca',
      'rel log jos',
      'rel log chen',
      'rel config set week.start s',
      'rel due --tag wo',
      'rel add jos',
    );
    expect(sub).toEqual(['log']);
    expect(all).toEqual(expect.arrayContaining(commands));
    expect(opt).toEqual(['--follow-up']);
    expect(via).toEqual(['call']);
    expect(person).toEqual(['José Núñez']);
    expect(word).toEqual(['Maya Chen']);
    expect(value).toEqual(['saturday', 'sunday']);
    expect(tag).toEqual(['work']);
    expect(fresh).toEqual([]);
  });
});
