/** rel backup [FILE]: a consistent private copy, taken with SQLite's online backup while rel may be in use. */
import type { App } from '../app.js';
import { backup } from './shared/backup.js';

export function register(app: App): void {
  app.program
    .command('backup')
    .argument('[file]', 'where to write it (default: beside the database, with a timestamp)')
    .description('write a consistent, private copy of the database (safe while rel is in use)')
    .option('--json', 'print the result as JSON')
    .addHelpText('after', '\nExamples:\n  rel backup\n  rel backup ~/Dropbox/rel-$(date +%F).db')
    .action(
      app.action(async (ctx, file: string | undefined, opts: { json?: boolean }) => {
        const result = await backup(ctx, file);
        if (opts.json) return ctx.json(result);
        ctx.out(`Backed up ${result.people === 1 ? '1 person' : `${result.people} people`} to ${result.file}.`);
      }),
    );
}
