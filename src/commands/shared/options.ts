/**
 * One rule for repeated options, for every command: commander keeps only the last value of an option
 * given twice (`--on monday --on friday` silently became friday). Here:
 *  - a repeatable option (`--tag`, `--email`...: declared with a collector and an array default, or
 *    variadic) keeps every value, as before;
 *  - `-m, --message` is joined: repeated, its values become paragraphs separated by a blank line (as
 *    `git commit -m a -m b` does); declare it with `paragraphs` as its parser;
 *  - any other option that takes a value is refused when given twice: a UsageError, exit 2.
 * Flags without a value (`--json --json`) mean the same once or twice and are left alone.
 */
import type { Command, Option } from 'commander';
import { UsageError } from '../../errors.js';
import { quoteInput } from '../../domain/text.js';

/** The parser of a repeatable `-m`: `-m a -m b` is "a\n\nb". */
export function paragraphs(value: string, previous: string | undefined): string {
  return previous === undefined ? value : `${previous}\n\n${value}`;
}

function repeatable(opt: Option): boolean {
  return opt.variadic || Array.isArray(opt.defaultValue) || opt.parseArg === paragraphs;
}

/** Makes every single-value option of `cmd` and of its subcommands refuse a second value. */
export function refuseRepeatedOptions(cmd: Command): void {
  for (const opt of cmd.options) {
    if (!(opt.required || opt.optional) || repeatable(opt)) continue;
    const inner = opt.parseArg;
    let first: string | undefined;
    opt.argParser((value: string, previous: unknown) => {
      const name = opt.long ?? opt.short ?? opt.flags;
      if (first !== undefined) {
        throw new UsageError(`${name} was given twice (${quoteInput(first)}, then ${quoteInput(value)}): give it once`);
      }
      first = value;
      return inner ? inner(value, previous) : value;
    });
  }
  for (const sub of cmd.commands) refuseRepeatedOptions(sub);
}
