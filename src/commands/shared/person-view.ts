/** The person view model: what `rel add --json` and `rel show --json` print, and what the profile renders. */
import type { Ctx } from '../../app.js';
import { ledgerRows, type LedgerRow } from '../../domain/ledger.js';
import type { Channel, Day, Kind } from '../../domain/types.js';
import { getPerson } from '../../store/people.js';
import type { PersonWithLastTouch } from '../../domain/types.js';
import { companionsOf, factsOf, ledgerEntries, openFollowUps, touchpointsOf } from '../../store/touchpoints.js';
import { RelError } from '../../errors.js';
import { introNamesOf } from '../../store/insight.js';
import type { PersonView } from '../../render/profile.js';

export function personView(ctx: Ctx, id: string): PersonView {
  const db = ctx.db();
  const p = getPerson(db, id);
  if (!p) throw new RelError(`person ${id} vanished (removed by another rel?)`);
  const companions = companionsOf(db, id);
  const intros = introNamesOf(db, id);
  const row = ledgerRows(ledgerEntries(db, id))[0];
  return {
    ...p,
    short_id: id.slice(0, 8),
    facts: factsOf(db, id).map((f) => ({ text: f.text, date: f.date })),
    touchpoints: touchpointsOf(db, id).map((t) => ({
      date: t.date,
      via: t.via,
      note: t.note,
      give: t.give,
      ask: t.ask,
      with: companions.get(t.id) ?? [],
      intro_to: intros.get(t.id) ?? null,
    })),
    follow_ups: openFollowUps(db, id).map((f) => ({ date: f.due_on, note: f.note })),
    ledger: {
      gives: row?.gives ?? 0,
      asks: row?.asks ?? 0,
      balance: row?.balance ?? 0,
      last_give: row?.last_give ?? null,
      last_ask: row?.last_ask ?? null,
      asked_first: row?.asked_first ?? false,
    },
  };
}
