/** rel restore FILE: checks FILE is a sound rel database, keeps a copy of the current one, then replaces it. */
import { writableDb, type App, type Ctx } from '../app.js';
import { RelError, UsageError } from '../errors.js';
import { checkBackup, isSameFile, restoreInto } from '../store/backup.js';
import { explain } from '../store/open.js';
import { backup } from './shared/backup.js';

export interface RestoreView {
  file: string;
  /** Where the database as it was before is kept. */
  kept: string;
  people: number;
}

export function register(app: App): void {
  app.program
    .command('restore')
    .argument('<file>', 'a backup written by rel backup (or any rel database)')
    .description('replace the database with a backup; the current one is kept beside it first')
    .option('--json', 'print the result as JSON')
    .addHelpText('after', '\nExamples:\n  rel restore ~/.local/share/rel/rel.db.2026-11-20T080000Z.bak')
    .action(
      app.action(async (ctx, file: string, opts: { json?: boolean }) => {
        const result = await restore(ctx, file);
        if (opts.json) return ctx.json(result);
        ctx.out(`Restored ${result.people === 1 ? '1 person' : `${result.people} people`} from ${file}; the previous database is kept at ${result.kept}.`);
      }, { creates: true }),
    );
}

export async function restore(ctx: Ctx, file: string): Promise<RestoreView> {
  if (isSameFile(file, ctx.dbPath)) {
    throw new UsageError(`${file} is the database itself (${ctx.dbPath}): name a backup, e.g. one rel backup wrote; nothing was changed`);
  }
  const people = checkBackup(file);
  writableDb(ctx); // refuse a read-only target before copying anything
  const kept = (await backup(ctx)).file;
  ctx.close();
  try {
    await restoreInto(file, ctx.dbPath, ctx.now);
  } catch (e) {
    throw new RelError(`cannot restore into ${ctx.dbPath}: ${explain(e)}; the previous database is kept at ${kept}`);
  }
  return { file, kept, people };
}
