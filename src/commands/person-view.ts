/** The person view model: what `rel add --json` and `rel show --json` print, and what the profile renders. */
import type { Ctx } from '../context.js';
import { ledgerRows, type LedgerRow } from '../domain/ledger.js';
import type { Channel, Day, Kind } from '../domain/types.js';
import { getPerson, type PersonWithLastTouch } from '../store/people.js';
import { companionsOf, factsOf, ledgerEntries, openFollowUps, touchpointsOf } from '../store/touchpoints.js';
import { RelError } from '../errors.js';
import { introNamesOf } from '../store/insight.js';

export interface PersonView extends Omit<PersonWithLastTouch, 'snoozed_until'> {
  short_id: string;
  snoozed_until: Day | null;
  facts: { text: string; date: Day }[];
  /** `intro_to`: for an introduction (rel intro), the name of the person they were introduced to. */
  touchpoints: { date: Day; via: Channel; note: string | null; give: Kind | null; ask: Kind | null; with: string[]; intro_to: string | null }[];
  follow_ups: { date: Day; note: string | null }[];
  ledger: Omit<LedgerRow, 'id' | 'name'>;
}

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
