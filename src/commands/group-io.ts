/** Subcommands for bringing people in and taking them out: import, merge (of the duplicates an import reports), export. */
import type { App } from '../main.js';
import * as exporter from './export.js';
import * as importer from './import.js';
import * as merge from './merge.js';

export const COMMANDS: ((app: App) => void)[] = [importer.register, merge.register, exporter.register];
