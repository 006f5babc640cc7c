/** rel doctor [--fix]: SQLite's integrity check and rel's own consistency checks, said plainly. */
import type { App, Ctx } from '../app.js';
import { RelError } from '../errors.js';
import { diagnose, repair, type Finding } from '../store/health.js';

export function register(app: App): void {
  app.program
    .command('doctor')
    .description("check the database: SQLite's integrity check and rel's own consistency rules")
    .option('--fix', 'recompute what rel derives (never your own records), then check again')
    .option('--json', 'print the findings as JSON')
    .addHelpText('after', '\nExamples:\n  rel doctor\n  rel doctor --fix')
    .action(
      app.action(async (ctx, opts: { fix?: boolean; json?: boolean }) => {
        const findings = run(ctx, Boolean(opts.fix));
        const ok = findings.every((f) => f.ok);
        if (opts.json) ctx.json({ ok, path: ctx.dbPath, findings });
        else {
          const { paint } = await import('../render/paint.js');
          const c = paint(ctx.color());
          for (const f of findings) {
            ctx.out(`${f.ok ? c.green('ok ') : c.red('BAD')}  ${f.check}: ${f.detail}`);
            if (f.fix) ctx.out(`     what to do: ${f.fix}`);
          }
          if (ok) ctx.out(`\n${ctx.dbPath} is healthy.`);
        }
        if (!ok) throw new RelError(`${ctx.dbPath} has problems: ${findings.filter((f) => !f.ok).map((f) => f.check).join(', ')}`);
      }),
    );
}

export function run(ctx: Ctx, fix: boolean): Finding[] {
  const db = ctx.db();
  if (fix) {
    const first = diagnose(db, ctx.today);
    if (first[0]?.ok && !db.readonly) repair(db);
  }
  return diagnose(db, ctx.today);
}
