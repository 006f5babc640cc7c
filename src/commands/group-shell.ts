/** Subcommands that fit rel into the shell: completion, config, and the hidden completion helper. */
import type { App } from '../main.js';

export const COMMANDS: ((app: App) => void)[] = [];
