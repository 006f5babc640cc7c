/** rel config [list | get KEY | set KEY VALUE | unset KEY] [--json] */
import type { Command } from 'commander';
import type { App, Ctx } from '../app.js';
import { configPath, readConfig, updateConfig } from '../config.js';
import { DEFAULT_SETTINGS, SETTING_KEYS, SETTINGS, settingKey, type SettingKey, type Settings } from '../domain/settings.js';
import { quoteInput } from '../domain/text.js';
import { UsageError } from '../errors.js';

export type ConfigOptions =
  | { action: 'list' }
  | { action: 'get' | 'unset'; key: SettingKey }
  | { action: 'set'; key: SettingKey; value: Settings[SettingKey] };

/** One setting: its value in effect, the default, and whether the file sets it. */
export interface SettingView {
  key: SettingKey;
  value: string | number | string[] | null;
  default: string | number | string[] | null;
  set: boolean;
  about: string;
}

/** Checks the words once, at the edge: an unknown key or a bad value is a UsageError listing the valid ones. */
export function parseConfigArgs(action: 'list' | 'get' | 'set' | 'unset', key?: string, value?: string): ConfigOptions {
  if (action === 'list') return { action };
  const k = settingKey(key ?? '');
  if (action === 'set') return { action, key: k, value: SETTINGS[k].parse(value ?? '') };
  return { action, key: k };
}

/** Reads, and for set/unset writes, the settings file; returns the settings the command is about. */
export function run(opts: ConfigOptions, ctx: Ctx): SettingView[] {
  const path = configPath(ctx.deps.env, ctx.deps.home);
  const file =
    opts.action === 'set' ? updateConfig(path, opts.key, opts.value)
    : opts.action === 'unset' ? updateConfig(path, opts.key, undefined)
    : readConfig(path);
  const keys = opts.action === 'list' ? SETTING_KEYS : [opts.key];
  return keys.map((key) => ({
    key,
    value: file[key] ?? DEFAULT_SETTINGS[key],
    default: DEFAULT_SETTINGS[key],
    set: file[key] !== undefined,
    about: SETTINGS[key].about,
  }));
}

const line = (s: SettingView) => `${s.key} = ${s.value ?? '(not set)'}${s.set ? '' : s.value === null ? '' : ' (default)'}`;

/** The keys and what they accept, for `rel config --help` (and so the man page). */
export function settingsHelp(): string {
  const width = Math.max(...SETTING_KEYS.map((k) => k.length));
  const keys = SETTING_KEYS.map((k) => {
    const d = SETTINGS[k];
    return `  ${k.padEnd(width)}  ${d.about}\n  ${''.padEnd(width)}  ${d.accepts}; default: ${d.default ?? 'not set'}`;
  });
  return `
Settings:
${keys.join('\n')}

Stored in $XDG_CONFIG_HOME/rel/config.json, else ~/.config/rel/config.json (private, 0600).

Examples:
  rel config set default.every 1m
  rel config set week.start sunday
  rel config get log.via
  rel config                       (lists every setting)`;
}

export function register(app: App): void {
  const config = app.program
    .command('config')
    .description('settings: default rhythm, birthday look-ahead, default channel, first day of the week')
    .addHelpText('after', settingsHelp);

  const print = (ctx: Ctx, view: SettingView, json?: boolean) => (json ? ctx.json(view) : ctx.out(line(view)));
  config
    .command('list', { isDefault: true })
    .description('every setting with its value; (default) when the file does not set it')
    .option('--json', 'print as JSON')
    .addHelpText('after', '\nExamples:\n  rel config list\n  rel config --json')
    // `rel config bogus` lands here, as the default: say what is wrong rather than "too many arguments".
    .allowExcessArguments(true)
    .action(
      app.action((ctx, raw: { json?: boolean }, cmd: Command) => {
        const [extra] = cmd.args;
        if (extra !== undefined) throw new UsageError(`unknown config command ${quoteInput(extra)}: use list, get, set or unset`);
        const views = run(parseConfigArgs('list'), ctx);
        if (raw.json) ctx.json(views);
        else ctx.out(views.map(line).join('\n'));
      }),
    );
  config
    .command('get')
    .argument('<key>', `one of ${SETTING_KEYS.join(', ')}`)
    .description('print the value of one setting (nothing when it has none)')
    .option('--json', 'print as JSON')
    .addHelpText('after', '\nExamples:\n  rel config get due.birthday-days\n  rel config get log.via --json')
    .action(
      app.action((ctx, key: string, raw: { json?: boolean }) => {
        const [view] = run(parseConfigArgs('get', key), ctx);
        if (raw.json) ctx.json(view);
        else if (view!.value !== null) ctx.out(String(view!.value));
      }),
    );
  config
    .command('set')
    .argument('<key>', `one of ${SETTING_KEYS.join(', ')}`)
    .argument('<value>', 'the new value (see rel config --help)')
    .description('change one setting')
    .option('--json', 'print the setting as JSON')
    .addHelpText('after', '\nExamples:\n  rel config set default.every 2w\n  rel config set log.via call')
    .action(
      app.action((ctx, key: string, value: string, raw: { json?: boolean }) =>
        print(ctx, run(parseConfigArgs('set', key, value), ctx)[0]!, raw.json),
      ),
    );
  config
    .command('unset')
    .argument('<key>', `one of ${SETTING_KEYS.join(', ')}`)
    .description('back to the default')
    .option('--json', 'print the setting as JSON')
    .addHelpText('after', '\nExamples:\n  rel config unset week.start')
    .action(
      app.action((ctx, key: string, raw: { json?: boolean }) => print(ctx, run(parseConfigArgs('unset', key), ctx)[0]!, raw.json)),
    );
}
