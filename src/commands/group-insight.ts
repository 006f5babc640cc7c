/** Subcommands for relationship insight: brief, date, need, offer, match, intro, stats, suggest. */
import type { App } from '../main.js';
import * as brief from './brief.js';
import * as date from './date.js';
import * as intro from './intro.js';
import * as match from './match.js';
import * as need from './need.js';
import * as offer from './offer.js';
import * as stats from './stats.js';
import * as suggest from './suggest.js';

export const COMMANDS: ((app: App) => void)[] = [
  brief.register,
  date.register,
  need.register,
  offer.register,
  match.register,
  intro.register,
  stats.register,
  suggest.register,
];
