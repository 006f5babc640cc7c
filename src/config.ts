/**
 * The settings file: $XDG_CONFIG_HOME/rel/config.json, else ~/.config/rel/config.json. A JSON object
 * holding only the keys the user set (src/domain/settings.ts says which exist). Read through the
 * injected env and home, written atomically and private (0600). Commands call loadConfig() only when
 * they need a default, so --help and usage errors never read it.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute } from 'node:path';
import type { Deps } from './deps.js';
import { checkSettings, DEFAULT_SETTINGS, type SettingKey, type Settings } from './domain/settings.js';
import { RelError } from './errors.js';
import { fileReason } from './file-errors.js';
import { writeFileAtomic, WriteError } from './files.js';

/** Where the settings live. A relative XDG_CONFIG_HOME is ignored, as the XDG spec says. */
export function configPath(env: Deps['env'], home: string): string {
  const xdg = env.XDG_CONFIG_HOME;
  return `${xdg && isAbsolute(xdg) ? xdg : `${home}/.config`}/rel/config.json`;
}

/** Every setting in effect: the file's values over the defaults. A broken file is a one-line RelError. */
export function loadConfig(deps: Pick<Deps, 'env' | 'home'>): Settings {
  return { ...DEFAULT_SETTINGS, ...readConfig(configPath(deps.env, deps.home)) };
}

/** What the file sets, checked; {} when there is no file. */
export function readConfig(path: string): Partial<Settings> {
  // existsSync first: a missing file is the common case, and a thrown ENOENT costs ~0.3 ms of start-up.
  if (!existsSync(path)) return {};
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw new RelError(`cannot read the settings file ${path}: ${(e as Error).message}`);
  }
  const broken = (why: string) => new RelError(`the settings file ${path} is broken: ${why}; fix it or remove it`);
  let stored: unknown;
  try {
    stored = text.trim() === '' ? {} : JSON.parse(text);
  } catch (e) {
    throw broken(`not valid JSON (${(e as Error).message.split('\n')[0]})`);
  }
  if (typeof stored !== 'object' || stored === null || Array.isArray(stored)) throw broken('expected a JSON object');
  try {
    return checkSettings(stored as Record<string, unknown>);
  } catch (e) {
    throw broken((e as Error).message);
  }
}

/** Replaces the file with `settings` (keys in a stable order), atomically and privately (src/files.ts). */
export function writeConfig(path: string, settings: Partial<Settings>): void {
  const sorted = Object.fromEntries(Object.entries(settings).sort(([a], [b]) => (a < b ? -1 : 1)));
  const dir = dirname(path);
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    writeFileAtomic(path, `${JSON.stringify(sorted, null, 2)}\n`);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const reason =
      e instanceof WriteError ? e.reason
      : code === 'EEXIST' || code === 'ENOTDIR' ? `${dir} is not a folder` // mkdir: a file stands in the way
      : (fileReason(e, path) ?? (e as Error).message);
    throw new RelError(`cannot write the settings file ${path}: ${reason}`);
  }
}

/** Sets (a value) or unsets (undefined) one key, keeping the others. Returns the file's new content. */
export function updateConfig<K extends SettingKey>(path: string, key: K, value: Settings[K] | undefined): Partial<Settings> {
  const next: Partial<Settings> = { ...readConfig(path) };
  if (value === undefined) delete next[key];
  else next[key] = value;
  writeConfig(path, next);
  return next;
}
