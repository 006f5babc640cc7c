/** The words of rel sync: what went each way, conflicts by name, people kept. */
import type { Report } from '../sync/engine.js';
import type { SyncView } from '../sync/run.js';

const SHOWN = 20;

function side(title: string, r: Report, dryRun: boolean, quiet: boolean): string[] {
  const lines: string[] = [];
  const would = dryRun ? 'would go' : 'went';
  // A first sync can move thousands: name the first few (--json lists them all).
  const list = (items: string[]) => [
    ...items.slice(0, SHOWN).map((i) => `  ${i}`),
    ...(items.length > SHOWN ? [`  … and ${items.length - SHOWN} more`] : []),
  ];
  if (!quiet) {
    if (r.to_rel.length > 0) lines.push(`${title}: ${r.to_rel.length} ${would} into rel`, ...list(r.to_rel));
    if (r.to_vdir.length > 0) lines.push(`${title}: ${r.to_vdir.length} ${would} to the vdir`, ...list(r.to_vdir));
    if (r.deleted.length > 0) lines.push(`${title}: ${r.deleted.length} deleted`, ...list(r.deleted));
  }
  if (r.conflicts.length > 0) lines.push(`${title}: ${r.conflicts.length} conflicts (the newer side won; the other value kept)`, ...list(r.conflicts));
  if (r.kept.length > 0) {
    lines.push(`${title}: ${r.kept.length} card(s) deleted in the vdir but kept in rel, as they have touches (rel sync --allow-delete deletes them)`, ...list(r.kept));
  }
  return lines;
}

export function renderSync(view: SyncView, quiet: boolean): string {
  const lines = [
    ...(view.contacts ? side('contacts', view.contacts, view.dry_run, quiet) : []),
    ...(view.journal ? side('journal', view.journal, view.dry_run, quiet) : []),
  ];
  if (lines.length === 0 && !quiet) return view.dry_run ? 'Nothing would change.' : 'In sync: nothing changed.';
  return lines.join('\n');
}
