/** Subcommands for bringing people and touches in and taking them out: import, export, capture. */
import type { App } from '../main.js';
import * as capture from './capture.js';
import * as exporter from './export.js';
import * as importer from './import.js';

export const COMMANDS: ((app: App) => void)[] = [importer.register, exporter.register, capture.register];
