/**
 * Append-only schema steps (atuin, simonw/llm). Step i brings the database to user_version i + 1.
 * Never edit a step that has shipped: add a new one, with a comment saying why.
 *
 * Conventions: every record has a text id (UUID) and created_at/updated_at instants (ISO, UTC);
 * calendar days are local `YYYY-MM-DD` text. Lists on a person (emails, phones, tags) are JSON arrays.
 */
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
];

export const SCHEMA_VERSION = MIGRATIONS.length;
