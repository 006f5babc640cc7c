/**
 * Append-only schema steps (atuin, simonw/llm). Step i brings the database to user_version i + 1.
 * Never edit a step that has shipped: add a new one, with a comment saying why.
 *
 * Conventions: every record has a text id (UUID) and created_at/updated_at instants (ISO, UTC);
 * calendar days are local `YYYY-MM-DD` text. Lists on a person (emails, phones, tags) are JSON arrays.
 */
export function migrations(): readonly string[] {
  return (steps ??= buildSteps());
}

/**
 * The schema version this rel writes: the number of steps (test/store/open.test.ts checks the two). A
 * number, not steps.length: the steps are SQL built from templates, made only when a database is
 * created or upgraded, not by every command that opens one (~0.5 ms of each, Node 24, in-process).
 */
export const SCHEMA_VERSION = 16;

let steps: readonly string[] | undefined;

const buildSteps = (): readonly string[] => [
  // 1: the core — people, touchpoints (with gives and asks), facts, follow-ups.
  `
  CREATE TABLE people (
    id            TEXT PRIMARY KEY,
    name          TEXT NOT NULL,
    name_key      TEXT NOT NULL,          -- folded name (case and accents) for matching
    emails        TEXT NOT NULL DEFAULT '[]',
    phones        TEXT NOT NULL DEFAULT '[]',
    tags          TEXT NOT NULL DEFAULT '[]',
    company       TEXT,
    title         TEXT,
    every_days    INTEGER CHECK (every_days IS NULL OR every_days > 0),
    birthday      TEXT,                   -- YYYY-MM-DD or --MM-DD
    met           TEXT,
    snoozed_until TEXT,
    last_touch    TEXT,                   -- derived: MAX(touchpoints.date), kept by the triggers below
    added_on      TEXT NOT NULL,          -- the local day the person was added
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    -- derived: when the rhythm next falls due; indexed so rel due reads only who may be due
    next_due      TEXT GENERATED ALWAYS AS (
                    CASE WHEN every_days IS NULL THEN NULL
                    ELSE date(coalesce(last_touch, added_on), '+' || every_days || ' days') END) VIRTUAL
  ) STRICT;
  CREATE INDEX people_name_key ON people (name_key);
  CREATE INDEX people_next_due ON people (next_due) WHERE next_due IS NOT NULL;
  CREATE INDEX people_birthday ON people (substr(birthday, -5)) WHERE birthday IS NOT NULL;

  CREATE TABLE touchpoints (
    id          TEXT PRIMARY KEY,
    person_id   TEXT NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    group_id    TEXT NOT NULL,            -- touchpoints logged together share it
    date        TEXT NOT NULL,
    via         TEXT NOT NULL,
    note        TEXT,
    give        TEXT,
    ask         TEXT,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
  ) STRICT;
  CREATE INDEX touchpoints_person_date ON touchpoints (person_id, date);

  -- people.last_touch is what rel due reads for everyone; the triggers keep it equal to the newest
  -- touchpoint whatever writes the touchpoints (log, import, undo), so it can never drift.
  CREATE TRIGGER touchpoints_last_touch_insert AFTER INSERT ON touchpoints BEGIN
    UPDATE people SET last_touch = NEW.date
    WHERE id = NEW.person_id AND (last_touch IS NULL OR last_touch < NEW.date);
  END;
  CREATE TRIGGER touchpoints_last_touch_delete AFTER DELETE ON touchpoints BEGIN
    UPDATE people SET last_touch = (SELECT MAX(date) FROM touchpoints WHERE person_id = OLD.person_id)
    WHERE id = OLD.person_id;
  END;
  CREATE TRIGGER touchpoints_last_touch_update AFTER UPDATE OF date, person_id ON touchpoints BEGIN
    UPDATE people SET last_touch = (SELECT MAX(date) FROM touchpoints WHERE person_id = OLD.person_id)
    WHERE id = OLD.person_id;
    UPDATE people SET last_touch = (SELECT MAX(date) FROM touchpoints WHERE person_id = NEW.person_id)
    WHERE id = NEW.person_id;
  END;

  CREATE TABLE facts (
    id          TEXT PRIMARY KEY,
    person_id   TEXT NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    text        TEXT NOT NULL,
    date        TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
  ) STRICT;
  CREATE INDEX facts_person ON facts (person_id);

  CREATE TABLE follow_ups (
    id            TEXT PRIMARY KEY,
    person_id     TEXT NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    touchpoint_id TEXT REFERENCES touchpoints (id) ON DELETE SET NULL,
    due_on        TEXT NOT NULL,
    note          TEXT,
    closed_by     TEXT,                   -- the touchpoint that closed it
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL
  ) STRICT;
  CREATE INDEX follow_ups_open ON follow_ups (person_id) WHERE closed_by IS NULL;
  `,

  // 2: where people come from (imports) and what rel remembers beyond touches: important dates,
  // needs and offers, and the introductions you made between two people.
  `
  ALTER TABLE people ADD COLUMN linkedin_url TEXT;
  ALTER TABLE people ADD COLUMN met_on TEXT;      -- the day you met or connected, when known
  CREATE INDEX people_linkedin_url ON people (linkedin_url) WHERE linkedin_url IS NOT NULL;

  -- rel intro A B: each side's touchpoint names the other person
  ALTER TABLE touchpoints ADD COLUMN intro_to TEXT REFERENCES people (id) ON DELETE SET NULL;

  CREATE TABLE dates (
    id          TEXT PRIMARY KEY,
    person_id   TEXT NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    label       TEXT NOT NULL,
    date        TEXT NOT NULL,                -- YYYY-MM-DD, or --MM-DD for a yearly date with no year
    yearly      INTEGER NOT NULL CHECK (yearly IN (0, 1)),
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
  ) STRICT;
  CREATE INDEX dates_person ON dates (person_id);

  CREATE TABLE wishes (                       -- needs and offers, for rel match
    id          TEXT PRIMARY KEY,
    person_id   TEXT NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    kind        TEXT NOT NULL CHECK (kind IN ('need', 'offer')),
    text        TEXT NOT NULL,
    closed_on   TEXT,                         -- met or withdrawn: no longer matched
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
  ) STRICT;
  CREATE INDEX wishes_person ON wishes (person_id);
  `,

  // 3: the undo journal. Each command that writes opens a row in changes (see store/journal.ts);
  // while it is open, triggers keep every row's before-image, so rel undo can put back exactly
  // what the command changed, and only that. The column lists below are this step's schema.
  journal({
    people: ['id', 'name', 'name_key', 'emails', 'phones', 'tags', 'company', 'title', 'every_days', 'birthday', 'met',
      'snoozed_until', 'last_touch', 'added_on', 'created_at', 'updated_at', 'linkedin_url', 'met_on'],
    touchpoints: ['id', 'person_id', 'group_id', 'date', 'via', 'note', 'give', 'ask', 'created_at', 'updated_at', 'intro_to'],
    facts: ['id', 'person_id', 'text', 'date', 'created_at', 'updated_at'],
    follow_ups: ['id', 'person_id', 'touchpoint_id', 'due_on', 'note', 'closed_by', 'created_at', 'updated_at'],
    dates: ['id', 'person_id', 'label', 'date', 'yearly', 'created_at', 'updated_at'],
    wishes: ['id', 'person_id', 'kind', 'text', 'closed_on', 'created_at', 'updated_at'],
  }),

  // 4: what rel stats needs without reading every touch: an index by date (touches per month, gives
  // and asks in a year) and, kept by triggers like last_touch, each person's first touch and the number
  // of distinct days touched, from which the usual gap between touches follows (domain/touch-history.ts).
  `
  CREATE INDEX touchpoints_date ON touchpoints (date);
  CREATE INDEX touchpoints_gives ON touchpoints (date) WHERE give IS NOT NULL;
  CREATE INDEX touchpoints_asks ON touchpoints (date) WHERE ask IS NOT NULL;
  CREATE INDEX people_last_touch ON people (last_touch);
  -- Removing a person or a touch makes SQLite find what refers to it; without these it reads every
  -- touchpoint (intro_to) or follow-up for each row removed.
  CREATE INDEX touchpoints_intro_to ON touchpoints (intro_to);
  CREATE INDEX follow_ups_person ON follow_ups (person_id);
  CREATE INDEX follow_ups_touchpoint ON follow_ups (touchpoint_id);
  ALTER TABLE people ADD COLUMN first_touch TEXT;                      -- derived: MIN(touchpoints.date)
  ALTER TABLE people ADD COLUMN touch_days INTEGER NOT NULL DEFAULT 0; -- derived: distinct touch dates

  CREATE TRIGGER touchpoints_span_insert AFTER INSERT ON touchpoints BEGIN
    UPDATE people SET
      first_touch = CASE WHEN first_touch IS NULL OR NEW.date < first_touch THEN NEW.date ELSE first_touch END,
      touch_days = touch_days + NOT EXISTS (
        SELECT 1 FROM touchpoints t WHERE t.person_id = NEW.person_id AND t.date = NEW.date AND t.id <> NEW.id)
    WHERE id = NEW.person_id;
  END;
  CREATE TRIGGER touchpoints_span_delete AFTER DELETE ON touchpoints BEGIN
    UPDATE people SET
      first_touch = (SELECT MIN(date) FROM touchpoints WHERE person_id = OLD.person_id),
      touch_days = touch_days - NOT EXISTS (
        SELECT 1 FROM touchpoints t WHERE t.person_id = OLD.person_id AND t.date = OLD.date)
    WHERE id = OLD.person_id;
  END;
  CREATE TRIGGER touchpoints_span_update AFTER UPDATE OF date, person_id ON touchpoints BEGIN
    UPDATE people SET
      first_touch = (SELECT MIN(date) FROM touchpoints WHERE person_id = people.id),
      touch_days = (SELECT COUNT(DISTINCT date) FROM touchpoints WHERE person_id = people.id)
    WHERE id IN (OLD.person_id, NEW.person_id);
  END;

  UPDATE people SET
    first_touch = (SELECT MIN(date) FROM touchpoints WHERE person_id = people.id),
    touch_days = (SELECT COUNT(DISTINCT date) FROM touchpoints WHERE person_id = people.id);

  -- The first day someone counts as drifting: their last touch plus 1.5 times their usual gap (the
  -- average gap between touch days, rounded; whole days, so ceil(1.5 u) = (3u + 1) / 2). Indexed, so
  -- rel stats reads only those who are drifting.
  ALTER TABLE people ADD COLUMN drift_from TEXT GENERATED ALWAYS AS (
    CASE WHEN touch_days >= 3 THEN date(last_touch, '+' || ((3 * max(1, CAST(round(
      (julianday(last_touch) - julianday(first_touch)) / (touch_days - 1)) AS INTEGER)) + 1) / 2) || ' days') END) VIRTUAL;
  CREATE INDEX people_drift_from ON people (drift_from) WHERE drift_from IS NOT NULL;

  -- Touches per calendar month, kept by triggers: rel stats reads twelve rows.
  CREATE TABLE touch_months (
    month    TEXT PRIMARY KEY,     -- YYYY-MM
    touches  INTEGER NOT NULL
  ) STRICT;
  CREATE TRIGGER touchpoints_month_insert AFTER INSERT ON touchpoints BEGIN
    INSERT INTO touch_months (month, touches) VALUES (substr(NEW.date, 1, 7), 1)
      ON CONFLICT (month) DO UPDATE SET touches = touches + 1;
  END;
  CREATE TRIGGER touchpoints_month_delete AFTER DELETE ON touchpoints BEGIN
    UPDATE touch_months SET touches = touches - 1 WHERE month = substr(OLD.date, 1, 7);
  END;
  CREATE TRIGGER touchpoints_month_update AFTER UPDATE OF date ON touchpoints BEGIN
    UPDATE touch_months SET touches = touches - 1 WHERE month = substr(OLD.date, 1, 7);
    INSERT INTO touch_months (month, touches) VALUES (substr(NEW.date, 1, 7), 1)
      ON CONFLICT (month) DO UPDATE SET touches = touches + 1;
  END;
  INSERT INTO touch_months (month, touches) SELECT substr(date, 1, 7), COUNT(*) FROM touchpoints GROUP BY 1;
  `,

  // 5: a journal that keeps one before-image per row per change. Step 3 recorded an image at every
  // write, so an import of 200,000 touches stored 235,833 images of people rows (each touch updates its
  // person's last_touch): 155 MiB of a 233 MiB file. Undo needs only the first image of a row (the state
  // before the change), and none for a row the change inserted (undo deletes it by id). The lists now
  // include the columns added since step 3. Also: the companions of a touch (rel show) are found by
  // group_id, which had no index, so every rel show read all touchpoints. And the index of journal rows
  // by record holds the record's id only: the table and the change are checked on the row it finds (ids
  // are UUIDs, so one or two rows), which keeps the journal of a 200,000-touch import 4 MiB smaller.
  `
  CREATE INDEX touchpoints_group ON touchpoints (group_id);
  DROP INDEX change_rows_row;
  CREATE INDEX change_rows_row ON change_rows (row_id);

  -- A bulk write (rel import of rel's own export) may pause the triggers that keep what is derived from
  -- each new touch: a row here, inside the import's transaction, and the import recomputes those values
  -- once per person and month at the end (store/transfer.ts). Each touch otherwise updated its person
  -- twice and its month once: 60% of the time of inserting 200,000 touches.
  CREATE TABLE derived_paused (since TEXT NOT NULL) STRICT;
  DROP TRIGGER touchpoints_last_touch_insert;
  CREATE TRIGGER touchpoints_last_touch_insert AFTER INSERT ON touchpoints
  WHEN NOT EXISTS (SELECT 1 FROM derived_paused) BEGIN
    UPDATE people SET last_touch = NEW.date
    WHERE id = NEW.person_id AND (last_touch IS NULL OR last_touch < NEW.date);
  END;
  DROP TRIGGER touchpoints_span_insert;
  CREATE TRIGGER touchpoints_span_insert AFTER INSERT ON touchpoints
  WHEN NOT EXISTS (SELECT 1 FROM derived_paused) BEGIN
    UPDATE people SET
      first_touch = CASE WHEN first_touch IS NULL OR NEW.date < first_touch THEN NEW.date ELSE first_touch END,
      touch_days = touch_days + NOT EXISTS (
        SELECT 1 FROM touchpoints t WHERE t.person_id = NEW.person_id AND t.date = NEW.date AND t.id <> NEW.id)
    WHERE id = NEW.person_id;
  END;
  DROP TRIGGER touchpoints_month_insert;
  CREATE TRIGGER touchpoints_month_insert AFTER INSERT ON touchpoints
  WHEN NOT EXISTS (SELECT 1 FROM derived_paused) BEGIN
    INSERT INTO touch_months (month, touches) VALUES (substr(NEW.date, 1, 7), 1)
      ON CONFLICT (month) DO UPDATE SET touches = touches + 1;
  END;
  ${journalOnce({
    people: ['id', 'name', 'name_key', 'emails', 'phones', 'tags', 'company', 'title', 'every_days', 'birthday', 'met',
      'snoozed_until', 'last_touch', 'added_on', 'created_at', 'updated_at', 'linkedin_url', 'met_on', 'first_touch', 'touch_days'],
    touchpoints: ['id', 'person_id', 'group_id', 'date', 'via', 'note', 'give', 'ask', 'created_at', 'updated_at', 'intro_to'],
    facts: ['id', 'person_id', 'text', 'date', 'created_at', 'updated_at'],
    follow_ups: ['id', 'person_id', 'touchpoint_id', 'due_on', 'note', 'closed_by', 'created_at', 'updated_at'],
    dates: ['id', 'person_id', 'label', 'date', 'yearly', 'created_at', 'updated_at'],
    wishes: ['id', 'person_id', 'kind', 'text', 'closed_on', 'created_at', 'updated_at'],
  })}
  `,

  // 6: rel sync (issue 15). What each synced item looked like at the last sync, so the next one can
  // tell which side changed (a three-way merge, src/domain/sync.ts). Journaled like the records (step 5's
  // triggers, for this table): undoing a sync puts back rel's records and its memory of the
  // files together, so the next sync sees the vdirs' changes again rather than deleting what the undo
  // removed from rel.
  `
  CREATE TABLE sync_state (
    id      TEXT PRIMARY KEY,       -- kind:rel_id (the undo journal finds rows by id)
    kind    TEXT NOT NULL CHECK (kind IN ('person', 'touch', 'follow_up', 'date')),
    rel_id  TEXT NOT NULL,          -- people.id, touchpoints.group_id, follow_ups.id or dates.id
    folder  TEXT NOT NULL,          -- the vdir it was synced with
    uid     TEXT NOT NULL,          -- its UID in the vdir (a card's UID is what RELATED-TO names)
    file    TEXT NOT NULL,          -- its file name in the vdir
    hash    TEXT NOT NULL,          -- sha256 of the file as rel last wrote or read it
    stamp   TEXT NOT NULL,          -- its size and mtime then: an unchanged stamp spares reading the file
    base    TEXT NOT NULL           -- JSON: the synced fields at the last sync (the merge base)
  ) STRICT;
  CREATE UNIQUE INDEX sync_state_item ON sync_state (kind, rel_id);
  CREATE UNIQUE INDEX sync_state_file ON sync_state (kind, folder, file);
  ${journalOnce({ sync_state: ['id', 'kind', 'rel_id', 'folder', 'uid', 'file', 'hash', 'stamp', 'base'] }, false)}
  `,

  // 7: rel capture (issue 14). What capture wrote, by source key, so that capturing again adds nothing
  // and an event that changed updates its touch instead of adding one. Keys: "event:UID" or
  // "event:UID|original start" (an instance of a recurring event), "mail:Message-ID", "mailday:person|day"
  // (the one email touch of a person on a day), "source:/path" (the day of the last capture from it).
  // Journaled like the other tables (step 5's triggers), so that rel undo of a capture also forgets what
  // it captured.
  `
  CREATE TABLE captures (
    id          TEXT PRIMARY KEY,
    key         TEXT NOT NULL UNIQUE,
    group_id    TEXT,                   -- the touchpoints' group_id it made (events, email days)
    digest      TEXT,                   -- what the touch said (events): a change shows here
    day         TEXT,                   -- sources: the day of the last capture
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
  ) STRICT;
  ${journalOnce({ captures: ['id', 'key', 'group_id', 'digest', 'day', 'created_at', 'updated_at'] }, false)}
  `,

  // 8: the whole give-before-ask ledger (issue 13) read from an index of the gives and asks alone, in
  // ledger order, holding every column it shows: on the bench's 200,000 touchpoints (35,000 gives and
  // asks) one pass over this index instead of the table took rel ledger's query from ~190 to ~45 ms,
  // for 6% more file.
  `
  CREATE INDEX touchpoints_ledger ON touchpoints (date, created_at, id, person_id, via, give, ask, note)
    WHERE give IS NOT NULL OR ask IS NOT NULL;
  `,

  // 9: the structured name a person came with (issue 12): a card's N (family; given; additional; prefix;
  // suffix), kept so that rel export --format vcard and rel sync write back `N:山田;太郎;;;` rather than
  // an N rel made up from the full name. One TEXT holding the N value as a vCard writes it (escaped,
  // canonical: src/domain/structured-name.ts), not JSON: a component may hold several values and a value
  // a comma (`Philip,Paul`, `Smith\,`), which the vCard escaping already says exactly; both writers put it
  // on the N line as it is; and sync merges it as one string field. NULL: nothing kept (rel writes its own
  // N). rel edit --name drops it (store/people.ts updatePerson). The people journal triggers are made
  // again with the new column, so rel undo puts it back.
  `
  ALTER TABLE people ADD COLUMN vcard_n TEXT;
  ${journalOnce({
    people: ['id', 'name', 'name_key', 'emails', 'phones', 'tags', 'company', 'title', 'every_days', 'birthday', 'met',
      'snoozed_until', 'last_touch', 'added_on', 'created_at', 'updated_at', 'linkedin_url', 'met_on', 'first_touch', 'touch_days',
      'vcard_n'],
  })}
  `,

  // 10: who is snoozed, from an index of the snoozed alone: rel due says under its list how many people
  // are snoozed (store/people.ts countSnoozed), which read all 10,000 rows of the bench's people every
  // morning (~1 ms of a ~60 ms command, more on a cold disk cache).
  `
  CREATE INDEX people_snoozed ON people (snoozed_until) WHERE snoozed_until IS NOT NULL;
  `,

  // 11: each person's line of the give-before-ask ledger, kept by triggers as last_touch is (issue 13):
  // rel ledger read and tallied all 35,570 gives and asks of the bench (~35-60 ms of SQLite alone, 1.75 s
  // with 100,000 people); it now reads one row per person who has any. The rule is domain/ledger.ts's
  // ledgerRows (asked first: an ask before any give, a touch with both counting its give first, in the
  // order of date, created_at, id); test/store/ledger-tally.test.ts checks the two agree.
  `
  CREATE TABLE ledger_people (
    person_id    TEXT PRIMARY KEY REFERENCES people (id) ON DELETE CASCADE,
    gives        INTEGER NOT NULL,
    asks         INTEGER NOT NULL,
    last_give    TEXT,
    last_ask     TEXT,
    asked_first  INTEGER NOT NULL
  ) STRICT, WITHOUT ROWID;
  ${ledgerTriggers()}
  INSERT INTO ledger_people (person_id, gives, asks, last_give, last_ask, asked_first) ${ledgerTallyAll()};
  `,

  // 12: rel stats from narrow indexes (issue 9). Who is drifting, ordered by how far: the index of the
  // drift day now holds every column the order and the answer need, so SQLite never reads the 2,007
  // people's rows (3.5 -> 1.3 ms on the bench's 10,000 people, in a fresh process). The year's gives
  // and asks are counted on an index of their dates alone, not on touchpoints_ledger, whose entries
  // carry the note (2.8 -> 1.2 ms for 12,647 gives and asks).
  `
  DROP INDEX people_drift_from;
  CREATE INDEX people_drifting ON people (drift_from, last_touch, first_touch, touch_days, name, id)
    WHERE drift_from IS NOT NULL;
  CREATE INDEX touchpoints_gives_asks ON touchpoints (date, give, ask) WHERE give IS NOT NULL OR ask IS NOT NULL;
  `,

  // 13: step 4's touchpoints_gives and touchpoints_asks already index the dates of gives and of asks
  // (SQLite had preferred touchpoints_ledger for the counts); rel stats now names them, 1.3 -> 1.0 ms,
  // and step 12's index of both is one index too many for every touch written.
  `
  DROP INDEX touchpoints_gives_asks;
  `,

  // 14: the index of introductions (intro_to) held an entry for every touch, nearly all of them NULL: 2 MB
  // of the bench's 200,000 touches, one more entry written with each touch, and 50 ms of every large
  // import's index builds. Only the introductions now: every lookup is intro_to = ? or intro_to IS NOT
  // NULL (the foreign key's ON DELETE SET NULL too), which SQLite answers from a partial index.
  `
  DROP INDEX touchpoints_intro_to;
  CREATE INDEX touchpoints_intro_to ON touchpoints (intro_to) WHERE intro_to IS NOT NULL;
  `,

  // 15: who drifts furthest is ordered by (today - last touch) / usual gap, worked out from the dates as
  // text for every one of them (20,000 of 100,000 people: 12 ms of rel stats). The index of the drifting
  // now holds the last touch as a day number and the usual gap, which SQLite reads instead of working
  // them out (5 ms); network.ts touchSpans spells them as here (DRIFT_LAST, DRIFT_GAP).
  `
  DROP INDEX people_drifting;
  CREATE INDEX people_drifting ON people (drift_from, ${DRIFT_LAST}, ${DRIFT_GAP}, last_touch, first_touch, touch_days, name, id)
    WHERE drift_from IS NOT NULL;
  `,

  // 16: rel stats counted the year's gives and asks one index entry at a time (103,000 and 20,000 of
  // 100,000 people's touches: 6 ms). Each month's row in touch_months now keeps its gives and asks beside
  // its touches, by the same triggers, so that a year is eleven whole months summed and the two months it
  // starts and ends in counted on the indexes (network.ts networkCounts). A touch whose give or ask is
  // edited moves between the counts. The months already kept get their gives and asks from those indexes.
  `
  ALTER TABLE touch_months ADD COLUMN gives INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE touch_months ADD COLUMN asks INTEGER NOT NULL DEFAULT 0;
  UPDATE touch_months SET
    gives = (SELECT COUNT(*) FROM touchpoints INDEXED BY touchpoints_gives
             WHERE give IS NOT NULL AND date >= month || '-01' AND date < month || '-99'),
    asks = (SELECT COUNT(*) FROM touchpoints INDEXED BY touchpoints_asks
            WHERE ask IS NOT NULL AND date >= month || '-01' AND date < month || '-99');
  DROP TRIGGER touchpoints_month_insert;
  CREATE TRIGGER touchpoints_month_insert AFTER INSERT ON touchpoints
  WHEN NOT EXISTS (SELECT 1 FROM derived_paused) BEGIN
    INSERT INTO touch_months (month, touches, gives, asks)
      VALUES (substr(NEW.date, 1, 7), 1, NEW.give IS NOT NULL, NEW.ask IS NOT NULL)
      ON CONFLICT (month) DO UPDATE SET touches = touches + 1, gives = gives + excluded.gives, asks = asks + excluded.asks;
  END;
  DROP TRIGGER touchpoints_month_delete;
  CREATE TRIGGER touchpoints_month_delete AFTER DELETE ON touchpoints BEGIN
    UPDATE touch_months SET touches = touches - 1, gives = gives - (OLD.give IS NOT NULL), asks = asks - (OLD.ask IS NOT NULL)
    WHERE month = substr(OLD.date, 1, 7);
  END;
  DROP TRIGGER touchpoints_month_update;
  CREATE TRIGGER touchpoints_month_update AFTER UPDATE OF date, give, ask ON touchpoints BEGIN
    UPDATE touch_months SET touches = touches - 1, gives = gives - (OLD.give IS NOT NULL), asks = asks - (OLD.ask IS NOT NULL)
    WHERE month = substr(OLD.date, 1, 7);
    INSERT INTO touch_months (month, touches, gives, asks)
      VALUES (substr(NEW.date, 1, 7), 1, NEW.give IS NOT NULL, NEW.ask IS NOT NULL)
      ON CONFLICT (month) DO UPDATE SET touches = touches + 1, gives = gives + excluded.gives, asks = asks + excluded.asks;
  END;
  `,
];

/**
 * The last touch as a Julian day number, and the usual gap between touch days, rounded, at least 1: the
 * expressions step 15 indexes, which touchSpans must spell the same way for SQLite to read them from the
 * index. Changing them needs a new step that builds the index again.
 */
export const DRIFT_LAST = 'julianday(last_touch)';
export const DRIFT_GAP = 'max(1, round((julianday(last_touch) - julianday(first_touch)) / (touch_days - 1)))';

/**
 * Journal triggers (steps 5, 6, 7 and 9): as step 3's, but a row already recorded in the open change is not recorded
 * again (change_rows_row finds it). `replace`: the table had step 3's triggers, dropped first.
 * test/store/journal.test.ts counts the images.
 */
function journalOnce(tables: Record<string, string[]>, replace = true): string {
  const open = '(SELECT open FROM changes ORDER BY id DESC LIMIT 1) = 1';
  const change = '(SELECT MAX(id) FROM changes)';
  // Through change_rows_row (the unary + keeps SQLite from walking all of the open change's rows instead:
  // 20,000 touches took 104 s that way).
  const fresh = (t: string, row: string) =>
    `NOT EXISTS (SELECT 1 FROM change_rows WHERE row_id = ${row} AND +tbl = '${t}' AND +change_id = ${change})`;
  const image = (cols: string[]) => `json_object(${cols.map((c) => `'${c}', OLD.${c}`).join(', ')})`;
  return Object.entries(tables)
    .map(
      ([t, cols]) => `
  ${replace ? `DROP TRIGGER ${t}_journal_insert;
  DROP TRIGGER ${t}_journal_update;
  DROP TRIGGER ${t}_journal_delete;` : ''}
  CREATE TRIGGER ${t}_journal_insert AFTER INSERT ON ${t} WHEN ${open} AND ${fresh(t, 'NEW.id')} BEGIN
    INSERT INTO change_rows (change_id, tbl, row_id, before) VALUES (${change}, '${t}', NEW.id, NULL);
  END;
  CREATE TRIGGER ${t}_journal_update AFTER UPDATE ON ${t} WHEN ${open} AND ${fresh(t, 'OLD.id')} BEGIN
    INSERT INTO change_rows (change_id, tbl, row_id, before) VALUES (${change}, '${t}', OLD.id, ${image(cols)});
  END;
  CREATE TRIGGER ${t}_journal_delete AFTER DELETE ON ${t} WHEN ${open} AND ${fresh(t, 'OLD.id')} BEGIN
    INSERT INTO change_rows (change_id, tbl, row_id, before) VALUES (${change}, '${t}', OLD.id, ${image(cols)});
  END;`,
    )
    .join('\n');
}

/**
 * A person's ledger line from their touches (alias t, filtered by the caller's WHERE or GROUP BY):
 * gives, asks, the last day of each, and whether their first ask came before their first give. Touches
 * are ordered by date, created_at and id, compared as one text joined by NUL (which sorts below every
 * character they hold), so one pass of MIN finds each first without a subquery per person. `from` names
 * the table: the whole ledger reads touchpoints_ledger, the index of the gives and asks alone.
 */
export function ledgerTally(from = 'touchpoints t'): string {
  const first = (col: string) => `MIN(CASE WHEN t.${col} IS NOT NULL THEN t.date || char(0) || t.created_at || char(0) || t.id END)`;
  return `SELECT t.person_id, COUNT(t.give), COUNT(t.ask),
      MAX(CASE WHEN t.give IS NOT NULL THEN t.date END), MAX(CASE WHEN t.ask IS NOT NULL THEN t.date END),
      COALESCE(${first('ask')} < ${first('give')}, COUNT(t.give) = 0)
    FROM ${from} WHERE (t.give IS NOT NULL OR t.ask IS NOT NULL)`;
}

/** The whole ledger's lines, one pass over the index of the gives and asks. */
export function ledgerTallyAll(): string {
  return `${ledgerTally('touchpoints t INDEXED BY touchpoints_ledger')} GROUP BY t.person_id`;
}

/**
 * Makes `who`'s ledger line again: none when they have no give or ask, or are being removed (their
 * touches go with them, each firing this: no line is made again for someone gone).
 */
function retally(who: string): string {
  return `
    DELETE FROM ledger_people WHERE person_id = ${who};
    ${ledgerLineOf(who)};`;
}

/** Inserts `who`'s ledger line (a column or a parameter), when they have a give or an ask and still exist. */
export function ledgerLineOf(who: string): string {
  return `INSERT INTO ledger_people (person_id, gives, asks, last_give, last_ask, asked_first)
      ${ledgerTally()} AND t.person_id = ${who} AND EXISTS (SELECT 1 FROM people WHERE id = ${who}) GROUP BY t.person_id`;
}

/** The triggers that keep ledger_people: a give or an ask added, removed, moved, or changed. */
function ledgerTriggers(): string {
  return `
  CREATE TRIGGER touchpoints_ledger_insert AFTER INSERT ON touchpoints
    WHEN NEW.give IS NOT NULL OR NEW.ask IS NOT NULL BEGIN${retally('NEW.person_id')}
  END;
  CREATE TRIGGER touchpoints_ledger_delete AFTER DELETE ON touchpoints
    WHEN OLD.give IS NOT NULL OR OLD.ask IS NOT NULL BEGIN${retally('OLD.person_id')}
  END;
  CREATE TRIGGER touchpoints_ledger_update AFTER UPDATE OF person_id, date, created_at, give, ask ON touchpoints
    WHEN OLD.give IS NOT NULL OR OLD.ask IS NOT NULL OR NEW.give IS NOT NULL OR NEW.ask IS NOT NULL BEGIN${retally('OLD.person_id')}${retally('NEW.person_id')}
  END;`;
}

/** The SQL of the journal step: its tables and, per journaled table, three triggers. */
function journal(tables: Record<string, string[]>): string {
  const open = '(SELECT open FROM changes ORDER BY id DESC LIMIT 1) = 1';
  const change = '(SELECT MAX(id) FROM changes)';
  const image = (cols: string[]) => `json_object(${cols.map((c) => `'${c}', OLD.${c}`).join(', ')})`;
  const triggers = Object.entries(tables).map(
    ([t, cols]) => `
  CREATE TRIGGER ${t}_journal_insert AFTER INSERT ON ${t} WHEN ${open} BEGIN
    INSERT INTO change_rows (change_id, tbl, row_id, before) VALUES (${change}, '${t}', NEW.id, NULL);
  END;
  CREATE TRIGGER ${t}_journal_update AFTER UPDATE ON ${t} WHEN ${open} BEGIN
    INSERT INTO change_rows (change_id, tbl, row_id, before) VALUES (${change}, '${t}', OLD.id, ${image(cols)});
  END;
  CREATE TRIGGER ${t}_journal_delete AFTER DELETE ON ${t} WHEN ${open} BEGIN
    INSERT INTO change_rows (change_id, tbl, row_id, before) VALUES (${change}, '${t}', OLD.id, ${image(cols)});
  END;`,
  );
  return `
  CREATE TABLE changes (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    command     TEXT NOT NULL,              -- e.g. "log", "import"
    summary     TEXT NOT NULL,              -- what rel undo says it undid
    open        INTEGER NOT NULL DEFAULT 1, -- 1 while the command's transaction runs
    created_at  TEXT NOT NULL,
    undone_at   TEXT
  ) STRICT;
  CREATE TABLE change_rows (
    seq         INTEGER PRIMARY KEY AUTOINCREMENT,
    change_id   INTEGER NOT NULL REFERENCES changes (id) ON DELETE CASCADE,
    tbl         TEXT NOT NULL,
    row_id      TEXT NOT NULL,
    before      TEXT                        -- the row as JSON before the change; NULL: it was inserted
  ) STRICT;
  CREATE INDEX change_rows_change ON change_rows (change_id);
  CREATE INDEX change_rows_row ON change_rows (tbl, row_id, change_id);
  ${triggers.join('\n')}
  `;
}

