/**
 * WHO: an id (or a unique prefix of one, 6+ characters) or a name, matched ignoring case and accents:
 * exact name, then whole words, then a unique prefix of any word, then a unique substring. Commands
 * that take one WHO join its unquoted words: `rel show maya chen`. Ambiguous in a terminal: ask.
 * Ambiguous or unknown without one: a UsageError (exit 2) listing the candidates.
 */
import type { Ctx } from '../../app.js';
import type { Db } from '../../store/open.js';
import { foldName, matchName } from '../../domain/names.js';
import { UsageError } from '../../errors.js';
import { peopleByIdPrefix, peopleByNameKey, peopleNamed } from '../../store/people.js';
import { shortId } from '../../render/words.js';

export interface Who {
  id: string;
  name: string;
}

const label = (p: Who) => `${p.name} (${shortId(p.id)})`;

/**
 * `query` may be the words of a command that takes one WHO (`rel show maya chen`, unquoted): they are
 * joined with spaces.
 */
/** `except`: a person already chosen, never matched again (rel merge KEEP OTHER, rel intro A B). */
export async function resolveWho(ctx: Ctx, query: string | string[], except?: string): Promise<Who> {
  const q = (Array.isArray(query) ? query.join(' ') : query).trim();
  if (q === '') throw new UsageError('who? an empty name matches no one');
  const db = ctx.db();
  if (/^[0-9a-f-]{6,36}$/i.test(q)) {
    const byId = peopleByIdPrefix(db, q.toLowerCase(), 2).filter((p) => p.id !== except);
    if (byId.length === 1) return byId[0]!;
  }
  const folded = foldName(q);
  const found = folded === '' ? [] : matchName(q, candidates(db, folded, except));
  if (found.length === 1) return found[0]!;
  if (found.length > 1) {
    if (ctx.deps.stdinIsTTY) {
      return ctx.deps.prompt.select({
        message: `"${q}" matches ${found.length} people. Which one?`,
        choices: found.map((p) => ({ name: label(p), value: p })),
      });
    }
    const shown = found.slice(0, 8).map(label).join(', ');
    const more = found.length > 8 ? `, and ${found.length - 8} more` : '';
    throw new UsageError(`"${q}" matches ${found.length} people: ${shown}${more}; use more of the name or the id`);
  }
  const near = folded.length >= 2 ? peopleByNameKey(db, folded.slice(0, 2)).slice(0, 5) : [];
  throw new UsageError(
    `no one called "${q}"` + (near.length ? `; did you mean ${near.map(label).join(', ')}?` : '; see rel list'),
  );
}

/**
 * Who may match `folded`. A whole name as it is stored is the first stage of matchName, and when anyone
 * has it no later stage is tried: an indexed lookup then, not a scan of everyone's name (2.6 ms of
 * `rel show "Maya Chen"` among 10,000 people). Otherwise everyone whose name contains it.
 */
function candidates(db: Db, folded: string, except: string | undefined): Who[] {
  const exact = peopleNamed(db, folded).filter((p) => p.id !== except);
  return exact.length > 0 ? exact : peopleByNameKey(db, folded).filter((p) => p.id !== except);
}

export async function resolveAll(ctx: Ctx, queries: string[]): Promise<Who[]> {
  const people: Who[] = [];
  for (const q of queries) {
    const p = await resolveWho(ctx, q);
    if (!people.some((x) => x.id === p.id)) people.push(p);
  }
  return people;
}
