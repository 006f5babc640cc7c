/**
 * The command tree as plain data, read from the commander program itself (the same definitions that
 * print --help), so the completion scripts and the man page can never drift from the commands.
 *
 * What a value completes to: its .choices() when declared, else the caller's table (Completes),
 * looked up by the option's long name (--on), then by the value's or argument's name (<channel>,
 * <who...>). The table is src/commands/completion.ts's, so that this lazily loaded module shares no
 * code with rel's start-up path.
 */
import type { Argument, Command, Option } from 'commander';
import type { EventEmitter } from 'node:events';

export type Values =
  | { kind: 'none' }
  | { kind: 'words'; words: readonly string[] }
  | { kind: 'people' }
  | { kind: 'tags' }
  | { kind: 'files' }
  /** Depends on the word before: rel config set KEY VALUE. */
  | { kind: 'keyed'; table: Readonly<Record<string, readonly string[]>> };

export interface OptionSpec {
  short?: string;
  long?: string;
  /** --no-x style. */
  negate: boolean;
  /** The value's name when the option takes one: `channel` for `--via <channel>`. */
  valueName?: string;
  /** Declared with a collecting parser (--tag a --tag b). */
  repeatable: boolean;
  /** --help and --version: nothing else makes sense beside them. */
  exclusive: boolean;
  description: string;
  values: Values;
}

export interface ArgumentSpec {
  name: string;
  required: boolean;
  variadic: boolean;
  description: string;
  values: Values;
}

export interface CommandSpec {
  name: string;
  /** From the program's name down: ['rel', 'config', 'set']. */
  path: string[];
  aliases: string[];
  summary: string;
  description: string;
  usage: string;
  options: OptionSpec[];
  args: ArgumentSpec[];
  commands: CommandSpec[];
  /** The help text added after the built-in help (examples), as --help prints it. */
  after: string;
}

/** What values complete to, by option (`--on`) and by name (`channel`, `who`). */
export interface Completes {
  byOption: Readonly<Record<string, Values>>;
  byName: Readonly<Record<string, Values>>;
}

const none: Values = { kind: 'none' };

function valuesOf(completes: Completes, name: string, choices: readonly string[] | undefined, long?: string): Values {
  if (choices) return { kind: 'words', words: choices };
  if (long && Object.hasOwn(completes.byOption, long)) return completes.byOption[long]!;
  const base = name.replace(/\.\.\.$/, '').toLowerCase();
  return Object.hasOwn(completes.byName, base) ? completes.byName[base]! : none;
}

type Help = ReturnType<Command['createHelp']>;

function optionSpec(o: Option, help: Help, completes: Completes): OptionSpec {
  const valueName = /[<[]([^>\]]+)[>\]]/.exec(o.flags)?.[1];
  return {
    short: o.short,
    long: o.long,
    negate: o.negate,
    valueName,
    repeatable: Array.isArray(o.defaultValue) || o.variadic,
    exclusive: o.long === '--help' || o.long === '--version',
    description: help.optionDescription(o),
    values: valueName === undefined ? none : valuesOf(completes, valueName, o.argChoices, o.long),
  };
}

const argumentSpec = (a: Argument, help: Help, completes: Completes): ArgumentSpec => ({
  name: a.name(),
  required: a.required,
  variadic: a.variadic,
  description: help.argumentDescription(a),
  values: valuesOf(completes, a.name(), a.argChoices),
});

/** Collects what addHelpText('after') prints for a command, by raising its event as outputHelp does. */
function afterText(cmd: Command): string {
  let text = '';
  // commander's Command is an EventEmitter at run time; its types do not say so.
  (cmd as unknown as EventEmitter).emit('afterHelp', { error: false, command: cmd, write: (s: string) => void (text += s) });
  return text.replace(/^\n+|\n+$/g, '');
}

/** Walks the program: every visible command (hidden ones and the implicit `help` command left out). */
export function commandSpec(cmd: Command, completes: Completes = { byOption: {}, byName: {} }, parents: string[] = []): CommandSpec {
  const help = cmd.createHelp();
  const path = [...parents, cmd.name()];
  return {
    name: cmd.name(),
    path,
    aliases: cmd.aliases(),
    summary: help.subcommandDescription(cmd),
    description: help.commandDescription(cmd),
    usage: help.commandUsage(cmd),
    options: help.visibleOptions(cmd).map((o) => optionSpec(o, help, completes)),
    args: cmd.registeredArguments.map((a) => argumentSpec(a, help, completes)),
    commands: help
      .visibleCommands(cmd)
      .filter((c) => cmd.commands.includes(c))
      .map((c) => commandSpec(c, completes, path)),
    after: afterText(cmd),
  };
}

/** Every command below the root, depth first, the root excluded. */
export function allCommands(root: CommandSpec): CommandSpec[] {
  return root.commands.flatMap((c) => [c, ...allCommands(c)]);
}

/** What the option's flags look like on the command line: ['-m', '--message']. */
export const optionNames = (o: OptionSpec): string[] => [o.short, o.long].filter((x): x is string => x !== undefined);
