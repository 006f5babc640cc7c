/** Subcommands for relationship insight: brief, date, need, offer, match, intro, stats, suggest. */
import type { App } from '../main.js';

export const COMMANDS: ((app: App) => void)[] = [];
