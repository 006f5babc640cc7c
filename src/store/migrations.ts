/**
 * Append-only schema steps (atuin, simonw/llm). Step i brings the database to user_version i + 1.
 * Never edit a step that has shipped: add a new one, with a comment saying why.
 *
 * Conventions: every record has a text id (UUID) and created_at/updated_at instants (ISO, UTC);
 * calendar days are local `YYYY-MM-DD` text. Lists on a person (emails, phones, tags) are JSON arrays.
 */
/** Step 5's before-image of a captures row, for its journal triggers. */
const CAPTURE_IMAGE = `json_object('id', OLD.id, 'key', OLD.key, 'group_id', OLD.group_id, 'digest', OLD.digest, 'day', OLD.day,
      'created_at', OLD.created_at, 'updated_at', OLD.updated_at)`;

export const MIGRATIONS: readonly string[] = [
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

  // 5: rel capture (issue 14). What capture wrote, by source key, so that capturing again adds nothing
  // and an event that changed updates its touch instead of adding one. Keys: "event:UID" or
  // "event:UID|original start" (an instance of a recurring event), "mail:Message-ID", "mailday:person|day"
  // (the one email touch of a person on a day), "source:/path" (the day of the last capture from it).
  // Journaled like the tables of step 3 (same triggers, written out here so the step stands alone), so
  // that rel undo of a capture also forgets what it captured.
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
  CREATE INDEX IF NOT EXISTS touchpoints_group_id ON touchpoints (group_id); -- update in place finds a group's touches
  CREATE TRIGGER captures_journal_insert AFTER INSERT ON captures
    WHEN (SELECT open FROM changes ORDER BY id DESC LIMIT 1) = 1 BEGIN
    INSERT INTO change_rows (change_id, tbl, row_id, before) VALUES ((SELECT MAX(id) FROM changes), 'captures', NEW.id, NULL);
  END;
  CREATE TRIGGER captures_journal_update AFTER UPDATE ON captures
    WHEN (SELECT open FROM changes ORDER BY id DESC LIMIT 1) = 1 BEGIN
    INSERT INTO change_rows (change_id, tbl, row_id, before) VALUES ((SELECT MAX(id) FROM changes), 'captures', OLD.id, ${CAPTURE_IMAGE});
  END;
  CREATE TRIGGER captures_journal_delete AFTER DELETE ON captures
    WHEN (SELECT open FROM changes ORDER BY id DESC LIMIT 1) = 1 BEGIN
    INSERT INTO change_rows (change_id, tbl, row_id, before) VALUES ((SELECT MAX(id) FROM changes), 'captures', OLD.id, ${CAPTURE_IMAGE});
  END;
  `,
];

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

export const SCHEMA_VERSION = MIGRATIONS.length;
