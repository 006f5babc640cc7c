/** The human summary of rel import: lines for stdout (what happened) and stderr (the problems). */
import { problemText, shortId } from './words.js';
import type { Decision, PossibleDuplicate } from '../domain/merge.js';
import type { Problem } from '../formats/types.js';

/** The summary; `--json` prints it as is. `records` (each decision) only on a dry run. */
export interface ImportView {
  /** The format's name in src/formats/registry.ts. */
  format: string;
  dry_run: boolean;
  added: number;
  merged: number;
  skipped: number;
  problems: Problem[];
  /** Records added although someone had the name, because they disagree on an email, phone, company or day met. */
  possible_duplicates: PossibleDuplicate[];
  /** Why records were skipped, with how many. */
  skipped_why: Record<string, number>;
  records?: Decision[];
}

/** Problems printed on stderr; --json has all of them. */
const SHOWN = 20;

const ACTIONS = { add: 'would add', merge: 'would merge', skip: 'would skip' } as const;

export function importLines(view: ImportView, file: string): { out: string[]; err: string[] } {
  const out: string[] = [];
  if (view.records) {
    for (const d of view.records) {
      const detail =
        d.action === 'add' ? '' :
        d.action === 'merge' ? ` into ${d.into}: ${d.changes.join(', ')}` :
        `: ${d.why ?? ''}`;
      out.push(`${ACTIONS[d.action].padEnd(12)}${d.name}, ${d.where}${detail}`);
    }
  }
  const reasons = Object.entries(view.skipped_why).map(([why, n]) => `${n} ${why}`);
  const counts = view.dry_run
    ? `Dry run of ${file}: would add ${view.added}, merge ${view.merged}, skip ${view.skipped}`
    : `Added ${view.added}, merged ${view.merged}, skipped ${view.skipped}`;
  out.push(`${counts}${reasons.length > 0 ? ` (${reasons.join('; ')})` : ''}.${view.dry_run ? ' Nothing was written.' : ''}`);
  out.push(...duplicateLines(view));
  const n = view.problems.length;
  const err = view.problems.slice(0, SHOWN).map(problemText);
  const rest = view.dry_run ? '' : '; the rest was imported';
  if (n > SHOWN) {
    err.push(`... and ${(n - SHOWN).toLocaleString('en')} more: ${n.toLocaleString('en')} problems in ${file} (all of them with --json)${rest}`);
  } else if (n > 0) err.push(`${n} problem${n === 1 ? '' : 's'} in ${file}${rest}`);
  return { out, err };
}

/** "2 possible duplicates (same name, other details); ..." then one line each (at most SHOWN). */
function duplicateLines(view: ImportView): string[] {
  const dups = view.possible_duplicates;
  if (dups.length === 0) return [];
  const n = dups.length;
  const who = (name: string, id: string, where: string | null): string => `${name}${where ? `, ${where}` : ''} (${shortId(id)})`;
  const lines = [`${n} possible duplicate${n === 1 ? '' : 's'} (same name, other details); to join two: rel merge WHO PERSON`];
  for (const d of dups.slice(0, SHOWN)) {
    lines.push(`  ${[who(d.name, d.person_id, d.where), ...d.same_name_as.map((o) => who(o.name, o.id, o.where))].join(' ~ ')}`);
  }
  if (n > SHOWN) lines.push(`  ... and ${n - SHOWN} more (all of them with --json)`);
  return lines;
}
