/** Subcommands for bringing people in and taking them out: import, export. */
import type { App } from '../main.js';
import * as exporter from './export.js';
import * as importer from './import.js';
import * as sync from './sync.js';

export const COMMANDS: ((app: App) => void)[] = [importer.register, exporter.register, sync.register];
