/**
 * rel completion bash|zsh|fish — prints a completion script generated from the program itself;
 * rel __complete people|tags [--escape] [-- TYPED] — the hidden helper those scripts call on TAB;
 * rel __man — the hidden generator of man/rel.1 (scripts/man.mjs).
 */
import { Argument } from 'commander';
import type { App } from '../app.js';
import { SETTING_KEYS, SETTINGS } from '../domain/settings.js';
import { CHANNELS, KINDS } from '../domain/types.js';
import { FORMATS } from '../formats/registry.js';
import type { Completes, Values } from '../completion/spec.js';
import { namesStartingWith, tagsStartingWith } from '../store/complete.js';

export const SHELLS = ['bash', 'zsh', 'fish'] as const;
export type Shell = (typeof SHELLS)[number];

/**
 * What a value completes to, by option and by name, for every command (the generated scripts use it;
 * anything declared with .choices() completes to those). A new command with `.argument('<who...>')`
 * or `--with <person>` completes people's names without a change here.
 */
export function completes(): Completes {
  const words = (w: readonly string[]): Values => ({ kind: 'words', words: w });
  const people: Values = { kind: 'people' };
  const files: Values = { kind: 'files' };
  const intervals = words(['1w', '2w', '1m', '3m', '6m', '1y', 'weekly', 'fortnightly', 'monthly', 'quarterly', 'yearly']);
  return {
    byOption: {
      '--on': words(['today', 'yesterday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']),
      '--db': files,
    },
    byName: {
      who: people,
      person: people,
      people,
      channel: words(CHANNELS),
      kind: words(KINDS),
      interval: intervals,
      when: intervals,
      tag: { kind: 'tags' },
      file: files,
      path: files,
      format: words(FORMATS.map((f) => f.name)), // rel import|export --format (due, list, ledger declare .choices())
      source: files, // rel capture SOURCE...
      key: words(SETTING_KEYS), // rel config get|set|unset KEY
      value: { kind: 'keyed', table: Object.fromEntries(SETTING_KEYS.map((k) => [k, SETTINGS[k].suggest])) }, // ... set KEY VALUE
    },
  };
}

/** How many candidates a TAB offers at most: enough to scroll, never the whole network. */
const MOST = 200;

export const INSTALL = `
Install (then open a new shell):
  bash  echo 'source <(rel completion bash)' >> ~/.bashrc
        or: rel completion bash > ~/.local/share/bash-completion/completions/rel
  zsh   echo 'autoload -Uz compinit && compinit; source <(rel completion zsh)' >> ~/.zshrc
        or: rel completion zsh > "\${fpath[1]}/_rel"   (a folder in $fpath; compinit must run)
  fish  rel completion fish > ~/.config/fish/completions/rel.fish

Completes subcommands, options, channels, kinds, intervals, tags, setting keys, and people's
names for every WHO: rel log jos<TAB> gives "José Núñez" (case and accents do not matter).

Examples:
  source <(rel completion bash)
  rel completion fish > ~/.config/fish/completions/rel.fish`;

/** Backslash-escapes a word for bash's command line: O'Brien → O\\'Brien, José Núñez → José\\ Núñez. */
export const escapeForBash = (word: string) => word.replace(/[^\p{L}\p{M}\p{N}_.,+@%/-]/gu, (c) => `\\${c}`);

export function register(app: App): void {
  app.program
    .command('completion')
    .addArgument(new Argument('<shell>', 'the shell to complete for').choices(SHELLS))
    .description('print a shell completion script (people\'s names too)')
    .addHelpText('after', INSTALL)
    .action(
      app.action(async (ctx, shell: Shell) => {
        const [{ commandSpec }, gen] = await Promise.all([import('../completion/spec.js'), generator(shell)]);
        ctx.out(gen(commandSpec(app.program, completes())));
      }),
    );

  app.program
    .command('__complete', { hidden: true })
    .argument('<kind>', 'people or tags')
    .argument('[typed]', 'what was typed so far', '')
    .option('--escape', 'escape for bash')
    .action(
      app.action((ctx, kind: string, typed: string, raw: { escape?: boolean }) => {
        const found =
          kind === 'people' ? namesStartingWith(ctx.dbPath, typed, MOST)
          : kind === 'tags' ? tagsStartingWith(ctx.dbPath, typed, MOST)
          : []; // a script from another version of rel asking for something unknown: offer nothing
        if (found.length > 0) ctx.out((raw.escape ? found.map(escapeForBash) : found).join('\n'));
      }),
    );

  app.program
    .command('__man', { hidden: true })
    .description('print the man page rel(1), in roff')
    .action(
      app.action(async (ctx) => {
        const [{ commandSpec }, { manPage }] = await Promise.all([import('../completion/spec.js'), import('../completion/man.js')]);
        ctx.out(manPage(commandSpec(app.program), app.program.version() ?? ''));
      }),
    );
}

async function generator(shell: Shell) {
  switch (shell) {
    case 'bash':
      return (await import('../completion/bash.js')).bashScript;
    case 'zsh':
      return (await import('../completion/zsh.js')).zshScript;
    case 'fish':
      return (await import('../completion/fish.js')).fishScript;
  }
}
