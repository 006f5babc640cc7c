/** rel sync [--contacts DIR] [--journal DIR] [--dry-run] [--json] [--allow-delete] [-q] */
import { isAbsolute, resolve } from 'node:path';
import { write, type App, type Ctx } from '../app.js';
import { loadConfig } from '../config.js';
import { UsageError } from '../errors.js';
import { newId } from '../store/ids.js';
import type { SyncView } from '../sync/run.js';

export interface SyncFlags {
  contacts?: string;
  journal?: string;
  dryRun?: boolean;
  json?: boolean;
  allowDelete?: boolean;
  quiet?: boolean;
}

export function register(app: App): void {
  app.program
    .command('sync')
    .description('two-way sync with vdirs (vdirsyncer\'s folders): people as contacts, touches and follow-ups as a calendar')
    .option('--contacts <dir>', 'the contacts vdir: one vCard per person (default: sync.contacts in rel config)')
    .option('--journal <dir>', 'the calendar vdir: touches, follow-ups, dates (default: sync.journal in rel config)')
    .option('--dry-run', 'show what would change on each side; change nothing')
    .option('--allow-delete', 'delete people who have touches when their card was deleted (otherwise they are reported)')
    .option('--json', 'print {contacts: {to_rel, to_vdir, conflicts, deleted, kept}, journal: {...}}')
    .option('-q, --quiet', 'print only conflicts and people kept (for cron)')
    .addHelpText(
      'after',
      `
rel owns FN, N, EMAIL, TEL, ORG, TITLE, BDAY, NOTE (facts), CATEGORIES (tags), REV and X-REL-*; every
other property of a card (PHOTO, ADR, URL...) is kept as the phone wrote it. Changed on both sides: merged
field by field; a field both changed goes to the newer side and the other value is kept as a fact "was: ...".

Examples:
  rel config set sync.contacts ~/.local/share/vdirsyncer/contacts/default
  rel config set sync.journal ~/.local/share/vdirsyncer/calendar/rel
  rel sync --dry-run
  vdirsyncer sync && rel sync -q && vdirsyncer sync        (a cron line)`,
    )
    .action(
      app.action(async (ctx, raw: SyncFlags) => {
        // A new machine's first sync brings everyone in, as rel import does; a dry run creates nothing.
        ctx.creates = !raw.dryRun;
        const view = await run(parseSyncFlags(raw, ctx), ctx);
        if (raw.json) return ctx.json(view);
        const { renderSync } = await import('../render/sync.js');
        const text = renderSync(view, Boolean(raw.quiet));
        if (text !== '') ctx.out(text);
      }, { creates: true }),
    );
}

export function parseSyncFlags(raw: SyncFlags, ctx: Ctx) {
  const settings = raw.contacts === undefined || raw.journal === undefined ? loadConfig(ctx.deps) : null;
  const dir = (flag: string | undefined, setting: string | null | undefined): string | null => {
    const d = flag ?? setting ?? null;
    if (d === null) return null;
    if (d.trim() === '') throw new UsageError('a vdir folder name is empty');
    const home = d.startsWith('~/') ? `${ctx.deps.home}${d.slice(1)}` : d;
    return isAbsolute(home) ? home : resolve(home);
  };
  const contacts = dir(raw.contacts, settings?.['sync.contacts']);
  const journal = dir(raw.journal, settings?.['sync.journal']);
  if (contacts === null && journal === null) {
    throw new UsageError('nothing to sync: give --contacts DIR or --journal DIR, or set sync.contacts / sync.journal (rel config)');
  }
  return { contacts, journal, dryRun: Boolean(raw.dryRun), allowDelete: Boolean(raw.allowDelete) };
}

/** Syncs inside one IMMEDIATE transaction, recorded as one undoable change (a dry run only reads). */
export async function run(opts: ReturnType<typeof parseSyncFlags>, ctx: Ctx): Promise<SyncView> {
  // Loaded only when sync runs: the card and calendar code stays off other commands' start-up path.
  const { runSync } = await import('../sync/run.js');
  const env = { now: ctx.nowIso, today: ctx.today, newId, afterFile: pauseHook(ctx) };
  if (opts.dryRun) return runSync(opts, { ...env, db: ctx.db() });
  const into = (r: SyncView['contacts']) => (r ? r.to_rel.length + r.deleted.filter((d) => d.endsWith('(from rel)')).length : 0);
  const summary = (v: SyncView) => `sync: ${into(v.contacts) + into(v.journal)} changes from the vdirs`;
  return write(ctx, 'sync', summary, () => runSync(opts, { ...env, db: ctx.db() }));
}

/**
 * For the tests that kill a sync part-way: REL_SYNC_PAUSE_AFTER=N stops after the N-th file written or
 * removed, says so on stderr, and waits to be killed.
 */
function pauseHook(ctx: Ctx): ((done: number) => void) | undefined {
  const at = ctx.deps.env.REL_SYNC_PAUSE_AFTER;
  if (at === undefined || !/^\d+$/.test(at)) return undefined;
  return (done) => {
    if (done !== Number(at)) return;
    ctx.err(`rel: sync paused after ${done} files (REL_SYNC_PAUSE_AFTER)`);
    const cell = new Int32Array(new SharedArrayBuffer(4));
    for (;;) Atomics.wait(cell, 0, 0, 60_000);
  };
}
