/** The command table (src/cli.ts): `rel due` declares only due; help, completion and typos see every command. */
import { describe, expect, it } from 'vitest';
import type { Command } from 'commander';
import type { App } from '../src/app.js';
import { ALIASES, COMMANDS, onlyCommand, program, type CommandModule } from '../src/cli.js';
import { testDeps, useTempRel } from './helpers.js';

const declared = (register: (app: App) => void): readonly Command[] => {
  const p = program(testDeps(':memory:').deps);
  register({ program: p, action: (fn) => fn as never });
  return p.commands;
};

describe('COMMANDS and ALIASES say what each register function declares', () => {
  it.each(COMMANDS)('%s declares the command of that name, with exactly the aliases ALIASES gives it', async (name, load) => {
    const own = declared((await load()).register).filter((c) => !c.name().startsWith('__')); // completion's hidden helpers
    expect(own.map((c) => c.name())).toEqual([name]);
    expect(own[0]!.aliases()).toEqual(Object.keys(ALIASES).filter((a) => ALIASES[a] === name));
  });
});

describe('onlyCommand: the one command argv runs', () => {
  const named = (load: (() => Promise<CommandModule>) | undefined) => COMMANDS.find(([, l]) => l === load)?.[0];

  it.each([
    [['due'], 'due'],
    [['due', '--json'], 'due'],
    [['ls', '--tag', 'x'], 'list'],
    [['--db', 'x.db', 'show', 'maya'], 'show'],
    [['--db=x.db', '--no-pager', 'ledger'], 'ledger'],
    [['--no-pager', 'log', 'maya', '-m', 'due'], 'log'],
  ])('%j: %s', (argv, name) => {
    expect(named(onlyCommand(argv))).toBe(name);
  });

  it.each([[[]], [['--help']], [['-V']], [['help', 'due']], [['completion', 'zsh']], [['__complete', 'rel', 'du']], [['du']], [['--db']], [['--frob', 'due']]])(
    '%j: every command is declared',
    (argv) => expect(onlyCommand(argv)).toBeUndefined(),
  );
});

describe('what a user sees is the same either way', () => {
  const t = useTempRel({ now: '2026-03-04T09:00' });

  it('rel due --help (due alone) prints what rel help due (every command) prints', async () => {
    const alone = await t.rel(['due', '--help']);
    const all = await t.rel(['help', 'due']);
    expect(alone.code).toBe(0);
    expect(alone.out).toContain('Usage: rel due [options]');
    expect(alone.out).toBe(all.out);
  });

  it('a typo still gets its suggestion, and an unknown option of the one command is refused', async () => {
    const typo = await t.rel(['shwo', 'maya']);
    expect(typo.code).toBe(2);
    expect(typo.err).toMatch(/unknown command 'shwo'.*Did you mean show\?/);
    const bad = await t.rel(['due', '--frob']);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/^rel: unknown option '--frob'/);
  });
});
