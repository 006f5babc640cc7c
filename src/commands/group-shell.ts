/** Subcommands that fit rel into the shell: completion, config, and the hidden completion helper. */
import type { App } from '../main.js';
import * as completion from './completion.js';
import * as config from './config.js';

export const COMMANDS: ((app: App) => void)[] = [config.register, completion.register];
