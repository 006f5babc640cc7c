/** rel undo [ID] [--list]: reverts the last command that changed data; repeated, walks further back. */
import { writableDb, type App, type Ctx } from '../app.js';
import { loadConfig } from '../config.js';
import { UsageError } from '../errors.js';
import { undoableChanges, undoChange, type Change } from '../store/journal.js';

export function register(app: App): void {
  app.program
    .command('undo')
    .argument('[id]', 'undo this change (from --list) instead of the last one')
    .description('undo the last command that changed data (add, log, edit, note, rm, import...)')
    .option('--list', 'show what rel undo would undo, newest first')
    .option('--json', 'print as JSON')
    .addHelpText('after', '\nExamples:\n  rel undo\n  rel undo --list\n  rel undo 42       (a change from the list, if nothing later touched the same records)')
    .action(
      app.action(async (ctx, id: string | undefined, opts: { list?: boolean; json?: boolean }) => {
        if (opts.list) {
          const changes = list(ctx);
          if (opts.json) return ctx.json(changes);
          const keep = loadConfig(ctx.deps)['undo.keep'];
          const bound = `rel keeps the last ${keep} ${keep === 1 ? 'change' : 'changes'} (setting undo.keep); older ones cannot be undone.`;
          if (changes.length === 0) return ctx.out(`Nothing to undo. ${bound}`);
          for (const c of changes) ctx.out(`${String(c.id).padStart(5)}  ${c.created_at.slice(0, 16).replace('T', ' ')}  ${c.summary}`);
          return ctx.out(`\n${bound}`);
        }
        if (id !== undefined && !/^\d+$/.test(id)) throw new UsageError(`bad change id "${id}": use a number from rel undo --list`);
        const undone = run(ctx, id === undefined ? undefined : Number(id));
        if (opts.json) return ctx.json(undone);
        ctx.out(`Undid ${undone.summary}.`);
      }),
    );
}

export const list = (ctx: Ctx): Change[] => undoableChanges(ctx.db());
export const run = (ctx: Ctx, id?: number): Change => undoChange(writableDb(ctx), ctx.nowIso, id);
