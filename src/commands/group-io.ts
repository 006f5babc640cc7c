/** Subcommands for bringing people in and taking them out: import, export. */
import type { App } from '../main.js';

export const COMMANDS: ((app: App) => void)[] = [];
